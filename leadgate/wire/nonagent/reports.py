"""Agent views and reports on the Non-Agent API, with VICIdial's exact lines: logged_in_agents,
agent_status, recording_lookup, the call-history reports and the seed's campaign_stats and
agent_stats (spec admin_functions.md).
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable, Sequence
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from operator import attrgetter
from typing import NoReturn

from leadgate.domain import reports
from leadgate.domain.reports import AgentStatusProblem, RecordingQuery
from leadgate.storage.unit_of_work import UnitOfWork
from leadgate.wire import filters
from leadgate.wire.common import require_function_allowed, require_permission, standard_checks
from leadgate.wire.context import Call, Finished
from leadgate.wire.filters import php_strlen

GROUP_LIST = filters.keep(r"\-|,_0-9a-zA-Z")  # user_groups, in_groups
CAMPAIGN_LIST = filters.keep(r"\-,|_0-9a-zA-Z")  # campaigns
UNIQUEID = filters.keep(r"\- ._0-9a-zA-Z")
DATETIME = filters.keep(r"\- +:_0-9")
TIME = filters.keep(r":0-9")
STATUS_LIST = filters.keep(r"\- .,_0-9a-zA-Z")


def request_user(call: Call) -> str:
    return call.param("user", filters.LOGIN)


def separator_of(call: Call) -> tuple[str, str]:
    """The field separator for `stage` and the stage name as logged (default pipe)."""
    stage = call.param("stage", filters.LOGIN)
    separators = {"csv": ",", "tab": "\t", "pipe": "|"}
    if stage in separators:
        return separators[stage], stage
    return "|", "pipe"


def header_wanted(call: Call) -> bool:
    return call.param("header", filters.ALNUM) == "YES"


def fail(call: Call, reason: str, line: str, data: str) -> NoReturn:
    call.reply.line(line)
    call.reply.log("ERROR", reason, data=data)
    raise Finished


def export_checks(call: Call, what: str) -> None:
    """Source, allow-list and capability checks of the export functions (`…: |user|0|`)."""
    reason = f"{call.function} USER DOES NOT HAVE PERMISSION TO {what}"
    standard_checks(call, f"ERROR: {reason}: |{request_user(call)}|0|", reason, "0")


def scope(call: Call) -> reports.Scope:
    assert call.user is not None
    return reports.scope_of(call.uow, call.user.user_group)


# -- logged_in_agents ----------------------------------------------------------------------------

LIVE_AGENT_HEADER = (
    "user", "campaign_id", "session_id", "status", "lead_id", "callerid", "calls_today",
    "full_name", "user_group", "user_level",
)  # fmt: skip


def logged_in_agents(call: Call) -> None:
    export_checks(call, "GET AGENT INFO")
    user = request_user(call)
    sep, stage = separator_of(call)
    with_sub_status = call.param("show_sub_status", filters.UPPER) == "YES"
    found, agents = reports.logged_in_agents(
        call.uow,
        scope(call),
        campaigns=reports.pipe_list(call.param("campaigns", CAMPAIGN_LIST)),
        user_groups=reports.pipe_list(call.param("user_groups", GROUP_LIST)),
        with_sub_status=with_sub_status,
    )
    if not agents:
        reason = "logged_in_agents NO LOGGED IN AGENTS"
        data = f"{user}|{call.param('agent_user', filters.LOGIN)}"
        fail(call, reason, f"ERROR: {reason}: {data}", data)
    output = ""
    if header_wanted(call):
        extra = ("pause_code", "sub_status") if with_sub_status else ()
        output += sep.join((*LIVE_AGENT_HEADER, *extra)) + "\n"
    for agent in agents:
        fields = [
            agent.user, agent.campaign_id, agent.session_id, agent.status, agent.lead_id,
            agent.callerid, agent.calls_today, agent.full_name, agent.user_group,
            agent.user_level,
        ]  # fmt: skip
        if with_sub_status:
            fields += [agent.pause_code, agent.sub_status]
        output += sep.join(fields) + "\n"
    call.reply.echo(output)
    call.reply.log("SUCCESS", f"logged_in_agents {output}", data=f"{user}|{found}|{stage}")


# -- agent_status --------------------------------------------------------------------------------

AGENT_STATUS_HEADER = (
    "status", "callerid", "lead_id", "campaign_id", "calls_today", "full_name", "user_group",
    "user_level", "pause_code", "real_time_sub_status", "phone_number", "vendor_lead_code",
    "session_id",
)  # fmt: skip


def agent_status(call: Call) -> None:
    export_checks(call, "GET AGENT INFO")
    user = request_user(call)
    agent_user = call.param("agent_user", filters.LOGIN)
    data = f"{user}|{agent_user}"
    if not 0 < php_strlen(agent_user) < 100:
        reason = "agent_status INVALID SEARCH PARAMETERS"
        fail(call, reason, f"ERROR: {reason}: {data}", data)
    sep, stage = separator_of(call)
    with_ip = call.param("include_ip", filters.ALNUM) == "YES"
    result = reports.agent_status(call.uow, scope(call), agent_user, with_ip=with_ip)
    if result is AgentStatusProblem.NOT_FOUND:
        reason = "agent_status AGENT NOT FOUND"
        fail(call, reason, f"ERROR: {reason}: {data}", data)
    if result is AgentStatusProblem.NOT_LOGGED_IN:
        reason = "agent_status AGENT NOT LOGGED IN"
        fail(call, reason, f"ERROR: {reason}: {data}", data)
    output = ""
    if header_wanted(call):
        output += sep.join((*AGENT_STATUS_HEADER, *(("computer_ip",) if with_ip else ()))) + "\n"
    agent = result.agent
    fields = [
        agent.status, agent.callerid, agent.lead_id, agent.campaign_id, agent.calls_today,
        agent.full_name, agent.user_group, agent.user_level, agent.pause_code, agent.sub_status,
        result.phone_number, result.vendor_lead_code, agent.session_id,
    ]  # fmt: skip
    if result.computer_ip is not None:
        fields.append(result.computer_ip)
    output += sep.join(fields) + "\n"
    call.reply.echo(output)
    call.reply.log("SUCCESS", f"agent_status {output}", data=f"{user}|{agent_user}|{stage}")


# -- recording_lookup ----------------------------------------------------------------------------


def recording_lookup(call: Call) -> None:
    export_checks(call, "GET RECORDING INFO")
    user = request_user(call)
    query = RecordingQuery(
        agent_user=call.param("agent_user", filters.LOGIN),
        lead_id=call.param("lead_id", filters.DIGITS),
        date=call.param("date", filters.DATE),
        uniqueid=call.param("uniqueid", UNIQUEID),
        extension=call.param("extension", filters.LOGIN),
    )
    data = f"{user}|{query.agent_user}|{query.lead_id}|{query.date}|{query.uniqueid}"
    found = reports.recording_lookup(call.uow, query)
    if found is None:
        reason = "recording_lookup INVALID SEARCH PARAMETERS"
        fail(call, reason, f"ERROR: {reason}: {data}", data)
    if not found:
        reason = "recording_lookup NO RECORDINGS FOUND"
        fail(call, reason, f"ERROR: {reason} - {data}", data)
    stage = call.param("stage", filters.LOGIN)
    sep = {"csv": ",", "tab": "\t"}.get(stage, "|")
    with_seconds = "Y" in call.param("duration", filters.LOGIN)
    output = ""
    if header_wanted(call):
        output += sep.join(("start_time", "user", "recording_id", "lead_id", "location")) + "\n"
    for rec in found:
        fields = [rec.start_time, rec.user, rec.recording_id, rec.lead_id]
        if with_seconds:
            fields.append(str(rec.seconds))
        output += sep.join((*fields, rec.location)) + "\n"
    call.reply.echo(output)
    call.reply.log(
        "SUCCESS", f"recording_lookup RECORDINGS FOUND: {len(found)}", data=f"{data}|{stage}"
    )


# -- VICIdial's number formats -------------------------------------------------------------------


def php_round(value: float, digits: int = 0) -> float:
    """PHP's round(): halves away from zero."""
    quantum = Decimal(1).scaleb(-digits)
    return float(Decimal(repr(value)).quantize(quantum, rounding=ROUND_HALF_UP))


def php_number(value: float) -> str:
    """A float as PHP prints it (precision 14, no trailing `.0`)."""
    text = f"{value:.14G}"
    return "0" if text == "-0" else text


def php_leading_number(text: str) -> float:
    """PHP 8's arithmetic on a string: its leading number (0 when none)."""
    match = re.match(r"\s*[+-]?(\d+(\.\d*)?|\.\d+)", text)
    return float(match.group(0)) if match else 0.0


def divide(dividend: float, divisor: float) -> float:
    """VICIdial's MathZDC: 0 for a zero divisor."""
    return 0.0 if divisor == 0 or dividend == 0 else dividend / divisor


def sec_convert(seconds: float, time_format: str) -> str:
    """VICIdial's sec_convert: H/HF → H:MM:SS, M → M:SS, anything else → whole seconds."""
    sec = php_round(seconds)
    if sec < 1:
        if time_format in ("HF", "H"):
            return "0:00:00"
        return "0" if time_format == "S" else "0:00"
    whole = int(sec)
    if time_format in ("HF", "H"):
        return f"{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"
    if time_format == "M":
        return f"{whole // 60}:{whole % 60:02d}"
    return php_number(sec)


# -- agent_stats_export --------------------------------------------------------------------------

AGENT_STATS_HEADER = (
    "user", "full_name", "user_group", "calls", "login_time", "total_talk_time", "avg_talk_time",
    "avg_wait_time", "pct_of_queue", "pause_time", "sessions", "avg_session", "pauses",
    "avg_pause_time", "pause_pct", "pauses_per_session", "wait_time", "talk_time", "dispo_time",
    "dead_time",
)  # fmt: skip


def agent_stats_export(call: Call) -> None:
    export_checks(call, "GET AGENT INFO")
    user = request_user(call)
    agent_user = call.param("agent_user", filters.LOGIN)
    campaign_id = call.param("campaign_id", filters.LOGIN)
    start_text = call.param("datetime_start", DATETIME)
    end_text = call.param("datetime_end", DATETIME)
    by_campaign = call.param("group_by_campaign", filters.ALNUM) == "YES"
    dates_ok = len(start_text) == 19 and len(end_text) == 19
    if dates_ok:
        start_text, end_text = start_text.replace("+", " "), end_text.replace("+", " ")
    data = f"{user}|{agent_user}|{start_text}|{end_text}|{campaign_id}"
    if not dates_ok:
        reason = "agent_stats_export INVALID SEARCH PARAMETERS"
        fail(call, reason, f"ERROR: {reason}: {data}", data)
    start, end = reports.parse_datetime(start_text), reports.parse_datetime(end_text)
    total_calls, agents = 0, list[reports.AgentTotals]()
    if start is not None and end is not None:
        total_calls, agents = reports.agent_stats_export(
            call.uow,
            reports.AgentStatsQuery(
                start=start, end=end,
                agent_user=agent_user if 0 < php_strlen(agent_user) < 21 else None,
                campaign_id=campaign_id if 0 < php_strlen(campaign_id) < 9 else None,
                by_campaign=by_campaign,
            ),
        )  # fmt: skip
    if not agents:
        reason = "agent_stats_export NO RECORDS FOUND"
        fail(call, reason, f"ERROR: {reason} - {data}", data)
    sep, stage = separator_of(call)
    time_format = call.param("time_format", filters.UPPER) or "HF"
    output = ""
    if header_wanted(call):
        output += sep.join((*(("campaign_id",) if by_campaign else ()), *AGENT_STATS_HEADER)) + "\n"
    # VICIdial divides the *previous* agent's formatted customer time by this agent's calls.
    previous_cust = ""
    for agent in agents:
        login_sec = agent.login_sec
        sessions = max(agent.sessions, 1)
        if agent.pauses < 1 or login_sec < 1:
            pct_pause = 100.0
        else:
            pct_pause = divide(agent.pause_sec, login_sec) * 100
        avg_cust = divide(php_leading_number(previous_cust), agent.calls)
        if agent.calls < 1:
            cust = wait = talk = dead = dispo = 0
        else:
            cust, wait, talk = agent.talk_sec - agent.dead_sec, agent.wait_sec, agent.talk_sec
            dead, dispo = agent.dead_sec, agent.dispo_sec
        previous_cust = sec_convert(cust, time_format)
        fields = [
            agent.user, agent.full_name, agent.user_group, str(agent.calls),
            sec_convert(login_sec, time_format), previous_cust,
            sec_convert(php_round(avg_cust), time_format),
            sec_convert(php_round(divide(agent.wait_sec, agent.calls)), time_format),
            php_number(php_round(divide(agent.calls, total_calls) * 100, 1)) + "%",
            str(agent.pause_sec), str(sessions),
            sec_convert(php_round(divide(login_sec, sessions)), time_format),
            str(agent.pauses),
            sec_convert(php_round(divide(agent.pause_sec, agent.pauses)), time_format),
            php_number(php_round(pct_pause, 1)) + "%",
            php_number(php_round(divide(agent.pauses, sessions))),
            sec_convert(wait, time_format), sec_convert(talk, time_format),
            sec_convert(dispo, time_format), sec_convert(dead, time_format),
        ]  # fmt: skip
        if by_campaign:
            fields.insert(0, agent.campaign_id)
        output += sep.join(fields) + "\n"
    call.reply.echo(output)
    lead_id = call.param("lead_id", filters.DIGITS)
    date = call.param("date", filters.DATE)
    call.reply.log(
        "SUCCESS", f"agent_stats_export AGENTS FOUND: {len(agents)}",
        data=f"{user}|{agent_user}|{lead_id}|{date}|{stage}",
    )  # fmt: skip


# -- user_group_status / in_group_status ---------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class _GroupStatusReport:
    """What user_group_status and in_group_status differ in; the rest is one routine."""

    function: str
    permission_to: str  # "USER DOES NOT HAVE PERMISSION TO …"
    groups_param: str
    count: Callable[[UnitOfWork, reports.Scope, Sequence[str]], reports.StatusCounts]
    header: tuple[str, ...]
    columns: Callable[[reports.StatusCounts], tuple[int, ...]]
    found: str  # what the success log line says it found


def _group_status(call: Call, report: _GroupStatusReport) -> None:
    export_checks(call, report.permission_to)
    user = request_user(call)
    raw = call.param(report.groups_param, GROUP_LIST)
    groups = reports.pipe_list(raw)
    if groups is None:
        reason = f"{report.function} INVALID SEARCH PARAMETERS"
        fail(call, reason, f"ERROR: {reason}: {user}|{raw}", f"{user}|{raw}")
    sep, stage = separator_of(call)
    counts = report.count(call.uow, scope(call), groups)
    output = sep.join(report.header) + "\n" if header_wanted(call) else ""
    output += sep.join((" ".join(groups), *map(str, report.columns(counts)))) + "\n"
    call.reply.echo(output)
    call.reply.log(
        "SUCCESS",
        f"{report.function} {report.found} FOUND: {counts.agents}",
        data=f"{user}|{raw}|{stage}",
    )


_USER_GROUP_STATUS = _GroupStatusReport(
    function="user_group_status", permission_to="GET USER GROUP INFO",
    groups_param="user_groups", count=reports.user_group_status,
    header=(
        "usergroups", "calls_waiting", "agents_logged_in", "agents_in_calls", "agents_waiting",
        "agents_paused", "agents_in_dead_calls", "agents_in_dispo", "agents_in_dial",
    ),
    columns=attrgetter(
        "calls_waiting", "agents", "in_calls", "waiting", "paused", "dead", "dispo", "in_dial"
    ),
    found="AGENTS",
)  # fmt: skip

_IN_GROUP_STATUS = _GroupStatusReport(
    function="in_group_status", permission_to="GET IN-GROUP INFO",
    groups_param="in_groups", count=reports.in_group_status,
    header=(
        "ingroups", "total_calls", "calls_waiting", "agents_logged_in", "agents_in_calls",
        "agents_waiting", "agents_paused", "agents_in_dispo", "agents_in_dial",
    ),
    columns=attrgetter(
        "total_calls", "calls_waiting", "agents", "in_calls", "waiting", "paused", "dispo",
        "in_dial",
    ),
    found="CALLS",  # VICIdial's wording, though the number is the agents'
)  # fmt: skip


def user_group_status(call: Call) -> None:
    _group_status(call, _USER_GROUP_STATUS)


def in_group_status(call: Call) -> None:
    _group_status(call, _IN_GROUP_STATUS)


# -- phone_number_log ----------------------------------------------------------------------------

PHONE_LOG_HEADER = (
    "phone_number", "call_date", "list_id", "length_in_sec", "lead_status", "hangup_reason",
    "call_status", "source_id", "user",
)  # fmt: skip


def phone_number_log(call: Call) -> None:
    export_checks(call, "GET CALL LOG INFO")
    user = request_user(call)
    phone_number = call.param("phone_number", filters.PHONE)
    date = call.param("date", filters.DATE)
    phones: list[str] = []
    if len(phone_number) > 3:
        parts = phone_number.split(",") if "," in phone_number else [phone_number]
        phones = [part for part in parts if len(part) > 3]
    if not phones:
        reason = "phone_number_log NO VALID PHONE NUMBERS DEFINED"
        data = f"{user}|{phone_number}|{date}"
        fail(call, reason, f"ERROR: {reason}: {data}", data)
    kind = call.param("type", filters.LOGIN)
    direction = reports.CallDirection(kind) if kind in ("IN", "OUT", "ALL") else None
    sep, stage = separator_of(call)
    found, last_count, calls = reports.phone_number_log(
        call.uow, phones, direction or reports.CallDirection.OUT,
        last_only=call.param("detail", filters.UPPER) == "LAST",
    )  # fmt: skip
    lead_id = call.param("lead_id", filters.DIGITS)
    if not found:
        reason = "phone_number_log NO RECORDS FOUND FOR THIS PHONE NUMBER"
        data = f"{user}|{phone_number}|{lead_id}|{date}"
        call.reply.line(f"NOTICE: {reason} - {data}")
        call.reply.log("NOTICE", reason, data=data)
        return
    output = sep.join(PHONE_LOG_HEADER) + "\n" if header_wanted(call) else ""
    for c in calls:
        output += sep.join((
            c.phone_number, c.call_date, c.list_id, c.length_in_sec, c.lead_status,
            c.hangup_reason, c.call_status, c.source_id, c.user,
        )) + "\n"  # fmt: skip
    call.reply.echo(output)
    agent_user = call.param("agent_user", filters.LOGIN)
    call.reply.log(
        "SUCCESS", f"phone_number_log RECORDS FOUND: {last_count}",
        data=f"{user}|{agent_user}|{lead_id}|{date}|{stage}",
    )  # fmt: skip


# -- call_status_stats, call_dispo_report --------------------------------------------------------


def _refuse_input(call: Call, reason: str) -> NoReturn:
    """These two check their input where the other functions check the source: the refusal,
    then VICIdial's source line."""
    call.reply.line(f"ERROR: {reason} - {call.source}")
    call.reply.line(f"ERROR: Invalid Source: |{call.source}|")
    call.reply.log("ERROR", reason)
    raise Finished


def _stats_checks(call: Call) -> None:
    require_function_allowed(call)
    # call_dispo_report's refusal names call_status_stats too (VICIdial's wording).
    reason = "call_status_stats USER DOES NOT HAVE PERMISSION TO VIEW STATS"
    require_permission(call, f"ERROR: {reason}: |{request_user(call)}|0|", reason, "0")


def _time_range(call: Call) -> tuple[datetime | None, datetime | None]:
    """query_date/query_time to end_date/end_time (default: today, the whole day)."""
    query_date = call.param("query_date", filters.DATE) or call.now.strftime("%Y-%m-%d")
    query_time = call.param("query_time", TIME) or "00:00:00"
    end_date = call.param("end_date", filters.DATE) or query_date
    end_time = call.request.raw("end_time") or "23:59:59"
    start = reports.parse_datetime(f"{query_date} {query_time}")
    return start, reports.parse_datetime(f"{end_date} {end_time}")


def call_status_stats(call: Call) -> None:
    campaigns = call.param("campaigns", CAMPAIGN_LIST)
    if php_strlen(campaigns) < 2:
        _refuse_input(call, "call_status_stats INVALID OR MISSING CAMPAIGNS")
    _stats_checks(call)
    start, end = _time_range(call)
    ingroups = call.param("ingroups", filters.LOGIN)
    statuses = call.param("statuses", STATUS_LIST)
    stats = reports.call_status_stats(
        call.uow,
        reports.CallStatsQuery(
            start=start,
            end=end,
            campaigns=tuple(campaigns.split("-")),
            ingroups=tuple(ingroups.split("-")) if ingroups else None,
            statuses=tuple(statuses.split("-")) if statuses else None,
        ),
    )
    output = ""
    for row in stats:
        by_hour = row.by_hour or {}
        hours = ",".join(f"{hour:02d}-{by_hour.get(hour, 0)}" for hour in range(24))
        by_status = ",".join(f"{status}-{count}" for status, count in (row.by_status or {}).items())
        output += f"{row.campaign_id}|{row.calls}|{row.human_answered}|{hours}|{by_status}|\n"
    call.reply.echo(output)
    stage = call.param("stage", filters.LOGIN)
    call.reply.log("SUCCESS", "call_status_stats", data=f"{request_user(call)}|{stage}")


# -- call_dispo_report ---------------------------------------------------------------------------

FLAG_1Y = filters.keep("1Y")
DID_IDS = filters.keep(r",+0-9a-zA-Z")
DID_PATTERNS = filters.keep(r",:+*#._0-9a-zA-Z")


def call_dispo_report(call: Call) -> None:
    campaigns = call.param("campaigns", CAMPAIGN_LIST)
    ingroups = call.param("ingroups", filters.LOGIN)
    did_ids = call.param("did_ids", DID_IDS)
    did_patterns = call.param("did_patterns", DID_PATTERNS)
    if (
        php_strlen(campaigns) < 2
        and php_strlen(ingroups) < 2
        and not did_ids
        and len(did_patterns) < 2
    ):
        _refuse_input(call, "call_dispo_report INVALID OR MISSING CAMPAIGNS, INGROUPS, OR DIDS")
    _stats_checks(call)
    start, end = _time_range(call)
    breakdown = bool(call.param("status_breakdown", FLAG_1Y))
    percentages = breakdown and bool(call.param("show_percentages", FLAG_1Y))
    report = reports.call_dispo_report(
        call.uow,
        reports.DispoQuery(
            start=start, end=end,
            campaigns=campaigns, ingroups=ingroups, did_ids=did_ids, did_patterns=did_patterns,
            statuses=call.param("statuses", STATUS_LIST),
            categories=call.param("categories", filters.keep(r"\-,_0-9a-zA-Z")),
            users=call.param("users", filters.keep(r"\-,_0-9a-zA-Z")),
            user_groups=call.param("user_groups", GROUP_LIST),
            breakdown=breakdown,
        ),
    )  # fmt: skip

    def line(row: reports.DispoRow) -> str:
        text = f"{row.key},{row.calls}"
        for value in row.by_status:
            text += f",{value}"
            if percentages:
                text += f" ({_one_decimal(100 * value / row.calls if row.calls else 0.0)}%)"
        return text

    output = "CAMPAIGN,TOTAL CALLS" + "".join(f",{s}" for s in report.header_statuses) + "\n"
    output += "".join(line(row) + "\n" for row in report.rows)
    output += line(report.total)
    call.reply.echo(output)
    if call.param("file_download", filters.DIGITS).lstrip("0"):
        return  # VICIdial sends the download and exits before its log line
    stage = call.param("stage", filters.LOGIN)
    call.reply.log("SUCCESS", "call_dispo_report", data=f"{request_user(call)}|{stage}")


def _one_decimal(value: float) -> str:
    """PHP's sprintf('%.1f'): halves away from zero."""
    return str(Decimal(repr(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


# -- campaign_stats / agent_stats (seed functions, [DESIGNED]) -----------------------------------


def _key_values(call: Call, values: dict[str, object]) -> str:
    """`key|value` lines, or with stage=json one JSON object (numbers as numbers)."""
    if call.param("stage", filters.LOGIN) == "json":
        return json.dumps(values, separators=(",", ":")) + "\n"
    lines = []
    for key, value in values.items():
        text = f"{value:.2f}" if key == "drop_rate" and isinstance(value, float) else value
        lines.append(f"{key}|{php_number(text) if isinstance(text, float) else text}\n")
    return "".join(lines)


def campaign_stats(call: Call) -> None:
    export_checks(call, "GET CAMPAIGN INFO")
    user = request_user(call)
    campaign_id = call.param("campaign_id", filters.LOGIN)
    stats = reports.campaign_stats(call.uow, scope(call), campaign_id) if campaign_id else None
    if stats is None:
        reason = "campaign_stats CAMPAIGN DOES NOT EXIST"
        fail(call, reason, f"ERROR: {reason}: |{user}|{campaign_id}", f"{user}|{campaign_id}")
    call.reply.echo(_key_values(call, dataclasses.asdict(stats)))
    stage = call.param("stage", filters.LOGIN)
    call.reply.log("SUCCESS", "campaign_stats", data=f"{user}|{campaign_id}|{stage}")


def agent_stats(call: Call) -> None:
    export_checks(call, "GET AGENT INFO")
    user = request_user(call)
    agent_user = call.param("agent_user", filters.LOGIN)
    stats = reports.agent_stats(call.uow, scope(call), agent_user) if agent_user else None
    if stats is None:
        reason = "agent_stats AGENT NOT FOUND"
        fail(call, reason, f"ERROR: {reason}: {user}|{agent_user}", f"{user}|{agent_user}")
    call.reply.echo(_key_values(call, dataclasses.asdict(stats)))
    stage = call.param("stage", filters.LOGIN)
    call.reply.log("SUCCESS", "agent_stats", data=f"{user}|{agent_user}|{stage}")

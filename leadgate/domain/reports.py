"""Agent views and reports: who is logged in, what an agent is doing, recordings, and the
call-history reports. Operations take a unit of work and typed requests and return typed rows;
the wire layer (wire/nonagent/reports.py) and the CLI (cli/reports.py) print them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum
from typing import Any

from leadgate.domain.leads.search import as_text
from leadgate.storage import reports as store
from leadgate.storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class Scope:
    """What the caller's user group may see. None = everything."""

    campaigns: tuple[str, ...] | None
    groups: tuple[str, ...] | None


def _group_words(raw: str) -> list[str]:
    """VICIdial's ' A B -' lists as the values its IN(...) sees (the leading '' included)."""
    return re.sub(r" -", "", raw).split(" ")


def scope_of(uow: UnitOfWork, user_group: str) -> Scope:
    row = store.user_group_scope(uow.conn, user_group) or {}
    campaigns_raw = str(row.get("allowed_campaigns") or "")
    groups_raw = str(row.get("admin_viewable_groups") or "")
    campaigns = None if "-all" in campaigns_raw.lower() else tuple(_group_words(campaigns_raw))
    groups: tuple[str, ...] | None = None
    if "--all--" not in groups_raw.lower() and len(groups_raw) > 3:
        groups = ("---ALL---", *_group_words(groups_raw))
    return Scope(campaigns, groups)


def pipe_list(text: str) -> tuple[str, ...] | None:
    """A `A|B` request list (VICIdial accepts 1–9999 characters); None when not given."""
    return tuple(text.split("|")) if 0 < len(text) < 10000 else None


def _intersect(first: Sequence[str] | None, second: Sequence[str] | None) -> list[str] | None:
    if first is None:
        return None if second is None else list(second)
    if second is None:
        return list(first)
    return [item for item in second if item in first]


# -- live agents -------------------------------------------------------------------------------


@dataclass(frozen=True)
class LiveAgent:
    user: str
    campaign_id: str
    session_id: str
    status: str
    lead_id: str
    callerid: str
    calls_today: str
    full_name: str
    user_group: str
    user_level: str
    pause_code: str
    sub_status: str


@dataclass(frozen=True)
class _FloorFacts:
    """What the real-time sub status of many live agents needs, read in a few queries."""

    incall_on_lead: dict[int, int]
    parked: set[str]
    calls: dict[str, dict[str, Any]]

    @classmethod
    def read(cls, uow: UnitOfWork, rows: Sequence[dict[str, Any]]) -> _FloorFacts:
        incall = [r for r in rows if r["status"] == "INCALL"]
        callerids = [str(r["callerid"] or "") for r in incall]
        return cls(
            incall_on_lead=store.incall_counts(uow.conn, [int(r["lead_id"] or 0) for r in incall]),
            parked=store.parked_callerids(uow.conn, callerids),
            calls=store.first_auto_calls(uow.conn, callerids),
        )


def _real_time_sub_status(row: dict[str, Any], facts: _FloorFacts) -> tuple[str, str]:
    """VICIdial's real-time sub status of a live agent, and the lead id it shows."""
    status = str(row["status"] or "")
    lead_id = int(row["lead_id"] or 0)
    preview_lead_id = int(row["preview_lead_id"] or 0)
    callerid = str(row["callerid"] or "")
    comments = str(row["comments"] or "")
    sub = ""
    if row["on_hook_agent"] == "Y" and len(str(row["ring_callerid"] or "")) > 18:
        sub = "RING"
    if status == "PAUSED" and lead_id > 0:
        sub = "DISPO"
    if status == "PAUSED" and preview_lead_id > 0:
        sub = "PREVIEW"
        lead_id = preview_lead_id
    if status == "INCALL":
        if lead_id > 0 and facts.incall_on_lead.get(lead_id, 0) > 1:
            sub = "3-WAY"
        if callerid in facts.parked:
            sub = "PARK"
        elif re.search("CHAT|EMAIL", comments, re.IGNORECASE):
            pass  # chats and e-mails have no live channel (leadgate has no chat log)
        else:
            first = facts.calls.get(callerid)
            if first is None:
                sub = "DEAD"
            elif (
                comments == "MANUAL"
                and len(str(first["uniqueid"] or "")) < 5
                and len(str(first["channel"] or "")) < 5
            ):
                sub = "DIAL"
    return sub, str(lead_id)


def logged_in_agents(
    uow: UnitOfWork,
    scope: Scope,
    *,
    campaigns: tuple[str, ...] | None,
    user_groups: tuple[str, ...] | None,
    with_sub_status: bool,
) -> tuple[int, list[LiveAgent]]:
    """The live agents the caller may see: (agents found before the user filter, agents)."""
    conn = uow.conn
    rows = store.live_agents(conn, _intersect(scope.campaigns, campaigns))
    users = store.user_summaries(
        conn, [str(r["user"] or "") for r in rows], scope.groups, user_groups
    )
    pause_codes: dict[tuple[str, int], str] = {}
    facts = _FloorFacts({}, set(), {})
    if with_sub_status:
        pause_codes = store.agent_log_sub_statuses(
            conn, [int(r["agent_log_id"] or 0) for r in rows]
        )
        facts = _FloorFacts.read(uow, rows)
    agents: list[LiveAgent] = []
    for row in rows:
        user = str(row["user"] or "")
        info = users.get(user)
        if info is None:
            continue
        pause_code, sub_status, lead_id = "", "", as_text(row["lead_id"])
        if with_sub_status:
            pause_code = pause_codes.get((user, int(row["agent_log_id"] or 0)), "")
            sub_status, lead_id = _real_time_sub_status(row, facts)
        agents.append(
            LiveAgent(
                user=user,
                campaign_id=as_text(row["campaign_id"]),
                session_id=as_text(row["conf_exten"]),
                status=as_text(row["status"]),
                lead_id=lead_id,
                callerid=as_text(row["callerid"]),
                calls_today=as_text(row["calls_today"]),
                full_name=as_text(info["full_name"]),
                user_group=as_text(info["user_group"]),
                user_level=as_text(info["user_level"]),
                pause_code=pause_code,
                sub_status=sub_status,
            )
        )
    return len(rows), agents


class AgentStatusProblem(Enum):
    NOT_FOUND = "not found"
    NOT_LOGGED_IN = "not logged in"


@dataclass(frozen=True)
class AgentStatus:
    agent: LiveAgent
    phone_number: str
    vendor_lead_code: str
    computer_ip: str | None


def agent_status(
    uow: UnitOfWork, scope: Scope, agent_user: str, *, with_ip: bool
) -> AgentStatus | AgentStatusProblem:
    conn = uow.conn
    info = store.user_summary(conn, agent_user, scope.groups)
    if info is None:
        return AgentStatusProblem.NOT_FOUND
    row = store.live_agent(conn, agent_user)
    if row is None:
        return AgentStatusProblem.NOT_LOGGED_IN
    pause_code = as_text(store.agent_log_sub_status(conn, agent_user, row["agent_log_id"]))
    sub_status, lead_id = _real_time_sub_status(row, _FloorFacts.read(uow, [row]))
    vendor_lead_code = phone_number = ""
    if int(lead_id) > 0:
        lead = store.lead_phone_and_vendor(conn, int(lead_id))
        if lead is not None:
            vendor_lead_code = as_text(lead["vendor_lead_code"])
            phone_number = as_text(lead["phone_number"])
    callerid = as_text(row["callerid"])
    if callerid:
        calls = store.auto_calls_of(conn, callerid)
        if calls and len(as_text(calls[0]["phone_number"])) > 3:
            phone_number = as_text(calls[0]["phone_number"])
    computer_ip = None
    if with_ip:
        # VICIdial looks for the last login *older* than two days (sic).
        found = store.last_login_ip_before(conn, agent_user, uow.now - timedelta(days=2))
        computer_ip = found if found is not None and len(found) > 3 else None
    agent = LiveAgent(
        user=agent_user,
        campaign_id=as_text(row["campaign_id"]),
        session_id=as_text(row["conf_exten"]),
        status=as_text(row["status"]),
        lead_id=lead_id,
        callerid=callerid,
        calls_today=as_text(row["calls_today"]),
        full_name=as_text(info["full_name"]),
        user_group=as_text(info["user_group"]),
        user_level=as_text(info["user_level"]),
        pause_code=pause_code,
        sub_status=sub_status,
    )
    return AgentStatus(agent, phone_number, vendor_lead_code, computer_ip)


# -- recordings --------------------------------------------------------------------------------


@dataclass(frozen=True)
class RecordingQuery:
    agent_user: str = ""
    lead_id: str = ""
    date: str = ""
    uniqueid: str = ""
    extension: str = ""


@dataclass(frozen=True)
class Recording:
    start_time: str
    user: str
    recording_id: str
    lead_id: str
    location: str
    seconds: int


def recording_lookup(uow: UnitOfWork, query: RecordingQuery) -> list[Recording] | None:
    """Recordings matching the query; None when the query is not specific enough (VICIdial
    needs two "points": uniqueid and lead_id count two, user, extension and date one)."""
    conn = uow.conn
    points = 0
    vicidial_id_prefix: str | None = None
    closer_ids: list[int] = []
    if len(query.uniqueid) > 8:
        prefix = re.sub(r"\..*$", "", query.uniqueid)
        if store.outbound_calls_like(conn, prefix) > 0:
            vicidial_id_prefix = prefix
        closer_ids = store.inbound_call_ids_like(conn, prefix)
        if vicidial_id_prefix is not None or closer_ids:
            points += 2
    user = query.agent_user if 2 < len(query.agent_user) < 21 else None
    lead_id = int(query.lead_id) if 0 < len(query.lead_id) < 11 else None
    extension = query.extension if 2 < len(query.extension) < 101 else None
    day = None
    if len(query.date) == 10:
        day = _day_range(query.date)
        points += 1
    points += (user is not None) + 2 * (lead_id is not None) + (extension is not None)
    if points < 2:
        return None
    if len(query.date) == 10 and day is None:
        return []  # not a calendar day: VICIdial's string comparison finds nothing
    rows = store.recordings(
        conn, vicidial_id_prefix=vicidial_id_prefix, closer_ids=closer_ids, user=user,
        lead_id=lead_id, extension=extension, day=day,
    )  # fmt: skip
    return [
        Recording(
            start_time=as_text(row["start_time"]),
            user=as_text(row["user"]),
            recording_id=as_text(row["recording_id"]),
            lead_id=as_text(row["lead_id"]),
            location=as_text(row["location"]),
            seconds=_recording_seconds(row),
        )
        for row in rows
    ]


def _recording_seconds(row: dict[str, Any]) -> int:
    length = int(row["length_in_sec"] or 0)
    if length > 0:
        return length
    computed = int(row["end_epoch"] or 0) - int(row["start_epoch"] or 0)
    return computed if 0 < computed < 86400 else 0


def _day_range(day: str) -> tuple[datetime, datetime] | None:
    """A YYYY-MM-DD day as [00:00:00, 23:59:59]; None when it is not a real date."""
    try:
        start = datetime.strptime(day, "%Y-%m-%d")
    except ValueError:
        return None
    return start, start.replace(hour=23, minute=59, second=59)


def parse_datetime(text: str) -> datetime | None:
    """A `YYYY-MM-DD HH:MM:SS` request value (VICIdial turns `+` into a space first)."""
    try:
        return datetime.strptime(text.replace("+", " "), "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None


# -- agent_stats_export ------------------------------------------------------------------------


@dataclass
class AgentTotals:
    """One agent's (or agent-and-campaign's) sums over vicidial_agent_log rows."""

    user: str
    campaign_id: str
    full_name: str = ""
    user_group: str = ""
    calls: int = 0
    pauses: int = 0
    sessions: int = 0
    pause_sec: int = 0
    wait_sec: int = 0
    talk_sec: int = 0
    dispo_sec: int = 0
    dead_sec: int = 0
    start_epoch: int = 0
    end_epoch: int = 0
    end_sec: int = 0

    @property
    def login_sec(self) -> int:
        login = self.pause_sec + self.wait_sec + self.talk_sec + self.dispo_sec
        return min(login, (self.end_epoch - self.start_epoch) + self.end_sec)


@dataclass(frozen=True)
class AgentStatsQuery:
    start: datetime
    end: datetime
    agent_user: str | None = None
    campaign_id: str | None = None
    by_campaign: bool = False


def agent_stats_export(uow: UnitOfWork, query: AgentStatsQuery) -> tuple[int, list[AgentTotals]]:
    """Per-agent sums of the agent log over a time range, and the calls of all of them.

    Mirrors VICIdial's arithmetic, quirks included: without by_campaign the first entry's
    dispo seconds count twice and the session start is 0 (so the login time is never capped);
    with it, the login time is capped by the span from the first to the last entry.
    """
    conn = uow.conn
    groups = store.agent_log_totals(
        conn, user=query.agent_user, campaign_id=query.campaign_id, start=query.start,
        end=query.end, by_campaign=query.by_campaign,
    )  # fmt: skip
    entries = store.agent_log_entries(
        conn, [int(g[key]) for g in groups for key in ("first_id", "last_id")]
    )
    totals: list[AgentTotals] = []
    total_calls = 0
    for group in groups:
        first, last = entries[int(group["first_id"])], entries[int(group["last_id"])]
        agent = AgentTotals(
            user=group["user"] or "",
            campaign_id=(group.get("campaign_id") or "") if query.by_campaign else "",
            calls=int(group["calls"] or 0),
            pauses=int(group["pauses"] or 0),
            sessions=int(group["sessions"] or 0),
            pause_sec=int(group["pause_sec"]),
            wait_sec=int(group["wait_sec"]),
            talk_sec=int(group["talk_sec"]),
            dispo_sec=int(group["dispo_sec"]),
            dead_sec=int(group["dead_sec"]),
            end_epoch=int(last["pause_epoch"] or 0),
            end_sec=sum(
                int(last[k] or 0) for k in ("pause_sec", "wait_sec", "talk_sec", "dispo_sec")
            ),
        )
        if query.by_campaign:
            agent.start_epoch = int(first["pause_epoch"] or 0)
        else:
            agent.dispo_sec += int(first["dispo_sec"] or 0)
        total_calls += agent.calls
        totals.append(agent)
    names = store.user_summaries(conn, [agent.user for agent in totals], None)
    for agent in totals:
        found = names.get(agent.user)
        if found is None and agent.user:
            # VICIdial looks the user up by name, as the database compares names.
            single = store.user_name_and_group(conn, agent.user)
            found = None if single is None else {"full_name": single[0], "user_group": single[1]}
        if found is not None:
            agent.full_name = as_text(found["full_name"])
            agent.user_group = as_text(found["user_group"])
    return total_calls, totals


# -- user_group_status / in_group_status -------------------------------------------------------


@dataclass
class StatusCounts:
    total_calls: int = 0
    calls_waiting: int = 0
    agents: int = 0
    in_calls: int = 0
    waiting: int = 0
    paused: int = 0
    dead: int = 0
    dispo: int = 0
    in_dial: int = 0

    def count(self, status: str) -> None:
        self.agents += 1
        self.dead += status == "DEAD"
        self.dispo += status == "DISPO"
        self.paused += status == "PAUSED"
        if re.search("INCALL|DIAL|QUEUE|PARK", status, re.IGNORECASE):
            self.in_calls += 1
        if re.search("DIAL", status, re.IGNORECASE):
            self.in_dial += 1
        if re.search("READY|CLOSER", status, re.IGNORECASE):
            self.waiting += 1


def _allowed_call_campaigns(uow: UnitOfWork, scope: Scope) -> list[str] | None:
    """Campaigns and in-groups whose waiting calls the caller may count (None = all)."""
    if scope.campaigns is None:
        return None
    return [*scope.campaigns, *store.inbound_group_ids(uow.conn, scope.groups), ""]


def _calls(
    uow: UnitOfWork, scope: Scope, campaigns: Sequence[str] | None
) -> tuple[StatusCounts, str]:
    counts = StatusCounts()
    callerids = ""
    for call in store.auto_calls(uow.conn, campaigns, _allowed_call_campaigns(uow, scope)):
        callerids += f"{call['callerid'] or ''}|"
        counts.calls_waiting += bool(re.search("LIVE", str(call["status"] or ""), re.IGNORECASE))
        counts.total_calls += 1
    return counts, callerids


def _shown_status(row: dict[str, Any]) -> str:
    status = str(row["status"] or "")
    if re.search("READY|PAUSED", status, re.IGNORECASE) and int(row["lead_id"] or 0) > 0:
        return "DISPO"
    return status


def _count_agents(
    uow: UnitOfWork,
    scope: Scope,
    *,
    call_campaigns: Sequence[str] | None,
    user_groups: Sequence[str] | None,
    users: Sequence[str] | None,
    status_of: Callable[[dict[str, Any], str], str],
) -> StatusCounts:
    """The waiting calls (of `call_campaigns`, None = all) and the live agents (of the user
    groups or users asked) the caller may see, each agent counted under `status_of(row, the
    waiting calls' callerids)`."""
    counts, callerids = _calls(uow, scope, call_campaigns)
    for row in store.live_agents_with_groups(
        uow.conn, user_groups=user_groups, users=users, viewable_groups=scope.groups
    ):
        counts.count(status_of(row, callerids))
    return counts


def user_group_status(uow: UnitOfWork, scope: Scope, user_groups: Sequence[str]) -> StatusCounts:
    def status_of(row: dict[str, Any], callerids: str) -> str:
        status = _shown_status(row)
        if not re.search("INCALL", status, re.IGNORECASE):
            return status
        callerid = str(row["callerid"] or "")
        comments = str(row["comments"] or "")
        if store.parked_count(uow.conn, callerid) > 0:
            return "PARK"
        if re.search("CHAT|EMAIL", comments, re.IGNORECASE):
            return status  # no chat log in leadgate: a chat is never dead
        if not re.search(re.escape(callerid) + r"\|", callerids):
            return "DEAD"
        if comments == "MANUAL":
            calls = store.auto_calls_of(uow.conn, callerid)
            if (
                calls
                and len(str(calls[0]["uniqueid"] or "")) < 5
                and len(str(calls[0]["channel"] or "")) < 5
            ):
                return "DIAL"
        return status

    return _count_agents(
        uow, scope, call_campaigns=None, user_groups=user_groups, users=None, status_of=status_of
    )


def in_group_status(uow: UnitOfWork, scope: Scope, in_groups: Sequence[str]) -> StatusCounts:
    users = [*store.live_inbound_users(uow.conn, in_groups), ""]
    return _count_agents(
        uow,
        scope,
        call_campaigns=in_groups,
        user_groups=None,
        users=users,
        status_of=lambda row, _callerids: _shown_status(row),
    )


# -- phone_number_log --------------------------------------------------------------------------


class CallDirection(Enum):
    OUT = "OUT"
    IN = "IN"
    ALL = "ALL"


@dataclass(frozen=True)
class PhoneCall:
    phone_number: str
    call_date: str
    list_id: str
    length_in_sec: str
    lead_status: str
    hangup_reason: str
    call_status: str
    source_id: str
    user: str


def phone_number_log(
    uow: UnitOfWork, phones: Sequence[str], direction: CallDirection, *, last_only: bool
) -> tuple[bool, int, list[PhoneCall]]:
    """The calls of each number, newest first per log (outbound, then inbound):
    (any found, the last query's row count, calls)."""
    conn = uow.conn
    limit = 1 if last_only else 100000
    found = False
    last_count = 0
    raw: list[tuple[str, dict[str, Any], bool]] = []
    for phone in phones:
        for inbound in (False, True):
            if direction is not CallDirection.ALL and inbound != (direction is CallDirection.IN):
                continue
            rows = store.calls_of_phone(conn, phone, inbound=inbound, limit=limit)
            last_count = len(rows)
            found = found or bool(rows)
            raw.extend((phone, row, inbound) for row in rows)
    calls = []
    for phone, row, inbound in raw:
        # Outbound rows show the call status as lead status when the lead is gone.
        lead_status, source_id = ("" if inbound else as_text(row["status"])), ""
        lead = store.lead_status_and_source(conn, int(row["lead_id"] or 0))
        if lead is not None:
            lead_status, source_id = lead
        calls.append(
            PhoneCall(
                phone_number=phone,
                call_date=as_text(row["call_date"]),
                list_id=as_text(row["list_id"]),
                length_in_sec=as_text(row["length_in_sec"]),
                lead_status=lead_status,
                hangup_reason=as_text(row["term_reason"]),
                call_status=as_text(row["status"]),
                source_id=source_id,
                user=as_text(row["user"]),
            )
        )
    return found, last_count, calls


# -- call_status_stats -------------------------------------------------------------------------


def natural_key(text: str) -> tuple[tuple[int, Any], ...]:
    """PHP's strnatcasecmp order: digit runs compare as numbers, letters without case."""
    parts = re.findall(r"\d+|\D+", text.lower())
    return tuple((0, int(part)) if part.isdigit() else (1, part) for part in parts)


@dataclass
class CallStats:
    campaign_id: str
    calls: int = 0
    human_answered: int = 0
    by_hour: dict[int, int] | None = None
    by_status: dict[str, int] | None = None


@dataclass(frozen=True)
class CallStatsQuery:
    start: datetime | None
    end: datetime | None
    campaigns: tuple[str, ...]  # ("ALLCAMPAIGNS",) or "---ALL---" for every campaign
    ingroups: tuple[str, ...] | None
    statuses: tuple[str, ...] | None


def call_status_stats(uow: UnitOfWork, query: CallStatsQuery) -> list[CallStats]:
    """Calls per campaign, then per in-group: totals, human-answered, per hour, per status."""
    conn = uow.conn
    every = "ALLCAMPAIGNS" in query.campaigns or any("---ALL---" in c for c in query.campaigns)
    campaign_filter = None if every else list(query.campaigns)
    outbound_keys = store.campaign_ids(conn) if every else list(dict.fromkeys(query.campaigns))
    outbound_keys.sort(key=natural_key)
    human = store.human_answered_statuses(conn, campaign_filter)
    if query.ingroups is None:
        ingroups: list[str] = []
        for raw in store.closer_campaigns(conn, campaign_filter):
            ingroups.extend(re.sub(r" -$", "", raw.strip()).split(" "))
        ingroups = list(dict.fromkeys(ingroups))
    else:
        ingroups = list(dict.fromkeys(query.ingroups))
    inbound_keys = sorted(ingroups, key=natural_key)
    hours: dict[str, dict[int, int]] = {}
    statuses: dict[str, dict[str, int]] = {}

    def tally(keys: list[str], inbound: bool, within: list[str] | None) -> dict[str, list[int]]:
        totals: dict[str, list[int]] = {key: [0, 0] for key in keys}
        if query.start is None or query.end is None:
            return totals
        rows = store.calls_by_status_and_hour(
            conn, inbound=inbound, start=query.start, end=query.end, campaigns=within,
            statuses=list(query.statuses) if query.statuses is not None else None,
        )  # fmt: skip
        for campaign, status, hour, count in rows:
            total = totals.setdefault(campaign, [0, 0])
            total[0] += count
            if status in human:
                total[1] += count
            by_status = statuses.setdefault(campaign, {})
            by_status[status] = by_status.get(status, 0) + count
            by_hour = hours.setdefault(campaign, {})
            by_hour[hour] = by_hour.get(hour, 0) + count
        return totals

    outbound = tally(outbound_keys, False, campaign_filter)
    inbound = tally(inbound_keys, True, ingroups)
    result = []
    for totals in (outbound, inbound):
        for key, (calls, answered) in totals.items():
            by_status = statuses.get(key, {})
            result.append(
                CallStats(
                    campaign_id=key, calls=calls, human_answered=answered,
                    by_hour=hours.get(key, {}),
                    by_status={s: by_status[s] for s in sorted(by_status, key=natural_key)},
                )
            )  # fmt: skip
    return result


# -- call_dispo_report -------------------------------------------------------------------------


@dataclass(frozen=True)
class DispoQuery:
    start: datetime | None
    end: datetime | None
    campaigns: str = ""  # `-`-separated, as sent
    ingroups: str = ""
    did_ids: str = ""
    did_patterns: str = ""
    statuses: str = ""
    categories: str = ""
    users: str = ""
    user_groups: str = ""
    breakdown: bool = False


@dataclass(frozen=True)
class DispoRow:
    key: str
    calls: int
    by_status: tuple[int, ...]  # in the natural order of DispoReport.statuses


@dataclass(frozen=True)
class DispoReport:
    header_statuses: tuple[str, ...]  # in the order first seen (VICIdial's header)
    rows: tuple[DispoRow, ...]
    total: DispoRow


def _every(values: Sequence[str], raw: str, marker: str) -> bool:
    return marker in values or "---ALL---" in raw


def call_dispo_report(uow: UnitOfWork, query: DispoQuery) -> DispoReport:
    """Calls per campaign, in-group or DID and status. VICIdial prints the header statuses in
    the order first seen but each row's counts in natural status order; so does this."""
    conn = uow.conn
    campaigns: list[str] | None = None
    if query.campaigns:
        split = query.campaigns.split("-")
        campaigns = None if _every(split, query.campaigns, "ALLCAMPAIGNS") else split
    ingroups: list[str] | None = None
    if query.ingroups:
        split = query.ingroups.split("-")
        ingroups = None if _every(split, query.ingroups, "ALLGROUPS") else split
    did_ids: list[str] | None = None
    do_dids = False
    if (query.did_ids or query.did_patterns) and not query.ingroups:
        ids, patterns = query.did_ids.split("-"), query.did_patterns.split("-")
        for did_id, pattern in store.dids_by_pattern(conn, patterns):
            if did_id not in ids:
                ids.append(did_id)
                patterns.append(pattern)
        do_dids = True
        every_did = _every(ids, query.did_ids, "ALLDIDS") or _every(
            patterns, query.did_patterns, "ALLPATTERNS"
        )
        did_ids = None if every_did else ids
    statuses: list[str] | None = None
    if query.statuses or query.categories:
        wanted = query.statuses.split("-")
        categories = query.categories.split("-")
        for status in store.statuses_in_categories(conn, categories, campaigns):
            if status not in wanted:
                wanted.append(status)
        every_status = _every(wanted, query.statuses, "ALLSTATUSES") or _every(
            categories, query.categories, "ALLCATEGORIES"
        )
        statuses = None if every_status else wanted
    users: list[str] | None = None
    if query.users or query.user_groups:
        wanted_users = query.users.split("-")
        groups = query.user_groups.split("-")
        for user in store.users_in_groups(conn, groups):
            if user not in wanted_users:
                wanted_users.append(user)
        every_user = _every(wanted_users, query.users, "ALLUSERS") or _every(
            groups, query.user_groups, "ALLGROUPS"
        )
        users = None if every_user else wanted_users
    header: list[str] = []
    grand: dict[str, int] = {}
    grand_calls = 0
    tables: list[dict[str, dict[str, int]]] = []
    sources: list[list[tuple[str, str, int]]] = []
    if query.start is not None and query.end is not None:
        start, end = query.start, query.end
        if query.campaigns:
            sources.append(store.calls_by_status(
                conn, inbound=False, start=start, end=end, campaigns=campaigns,
                statuses=statuses, users=users,
            ))  # fmt: skip
        if query.ingroups:
            sources.append(store.calls_by_status(
                conn, inbound=True, start=start, end=end, campaigns=ingroups,
                statuses=statuses, users=users,
            ))  # fmt: skip
        if do_dids:
            sources.append(store.did_calls_by_status(
                conn, start=start, end=end, did_ids=did_ids, statuses=statuses, users=users,
            ))  # fmt: skip
    for index, rows in enumerate(sources):
        table: dict[str, dict[str, int]] = {}
        for key, status, count in rows:
            counts = table.setdefault(key, {"": 0})
            counts[""] += count
            grand_calls += count
            if query.breakdown:
                # DID rows: VICIdial checks the extension, not the status, before adding it.
                seen = key if index == len(sources) - 1 and do_dids else status
                if seen not in header:
                    header.append(status)
                counts[status] = counts.get(status, 0) + count
                grand[status] = grand.get(status, 0) + count
        tables.append(table)
    ordered = sorted(dict.fromkeys(header), key=natural_key)
    result_rows = []
    for table in tables:
        for key, counts in table.items():
            values = tuple(counts.get(status, 0) for status in ordered) if query.breakdown else ()
            result_rows.append(DispoRow(key, counts[""], values))
    total_values = tuple(grand[status] for status in sorted(grand, key=natural_key))
    return DispoReport(
        tuple(header), tuple(result_rows), DispoRow("TOTAL", grand_calls, total_values)
    )


# -- campaign_stats / agent_stats (seed functions, [DESIGNED] in spec admin_functions.md) -------


def _today(uow: UnitOfWork) -> tuple[datetime, datetime]:
    start = uow.now.replace(hour=0, minute=0, second=0, microsecond=0)
    return start, start.replace(hour=23, minute=59, second=59)


@dataclass(frozen=True)
class CampaignStats:
    campaign_id: str
    active: str
    dial_method: str
    dial_level: float
    calls_today: int
    agents_logged_in: int
    agents_incall: int
    agents_ready: int
    agents_paused: int
    agents_dead: int
    calls_waiting: int
    hopper_count: int
    drop_rate: float  # drops / answered calls today × 100, two decimals


def campaign_stats(uow: UnitOfWork, scope: Scope, campaign_id: str) -> CampaignStats | None:
    """A campaign's live figures and today's calls; None when it does not exist or the
    caller's user group may not see it."""
    conn = uow.conn
    if scope.campaigns is not None and campaign_id not in scope.campaigns:
        return None
    settings = store.campaign_settings(conn, campaign_id)
    if settings is None:
        return None
    start, end = _today(uow)
    by_status = store.campaign_calls_by_status(conn, campaign_id, start, end)
    human = store.human_answered_statuses(conn, [campaign_id])
    drops = by_status.get("DROP", 0)
    answered = sum(n for status, n in by_status.items() if status in human or status == "DROP")
    agents = store.campaign_live_agents(conn, campaign_id)
    statuses = [str(a["status"] or "") for a in agents]
    dead = 0
    for agent in agents:
        comments = str(agent["comments"] or "")
        if agent["status"] == "INCALL" and not re.search("CHAT|EMAIL", comments, re.IGNORECASE):
            dead += not store.auto_calls_of(conn, str(agent["callerid"] or ""))
    try:
        level = float(settings["auto_dial_level"] or 0)
    except ValueError:
        level = 0.0
    return CampaignStats(
        campaign_id=campaign_id,
        active=as_text(settings["active"]),
        dial_method=as_text(settings["dial_method"]),
        dial_level=level,
        calls_today=sum(by_status.values()),
        agents_logged_in=len(agents),
        agents_incall=statuses.count("INCALL"),
        agents_ready=statuses.count("READY") + statuses.count("CLOSER"),
        agents_paused=statuses.count("PAUSED"),
        agents_dead=dead,
        calls_waiting=store.live_calls_waiting(conn, campaign_id),
        hopper_count=store.ready_hopper_rows(conn, campaign_id),
        drop_rate=round(100 * drops / answered, 2) if answered else 0.0,
    )


@dataclass(frozen=True)
class AgentStats:
    agent_user: str
    full_name: str
    user_group: str
    status: str  # the live status, or LOGGED_OUT
    campaign_id: str
    calls_today: int
    talk_sec: int
    pause_sec: int
    wait_sec: int
    dispo_sec: int
    first_login: str
    last_logout: str


def agent_stats(uow: UnitOfWork, scope: Scope, agent_user: str) -> AgentStats | None:
    """An agent's status and today's totals; None when the user does not exist or the
    caller's user group may not see it."""
    conn = uow.conn
    info = store.user_summary(conn, agent_user, scope.groups)
    if info is None:
        return None
    live = store.live_agent(conn, agent_user)
    start, end = _today(uow)
    totals = store.agent_day_totals(conn, agent_user, start, end)
    logins = store.agent_day_logins(conn, agent_user, start, end)
    return AgentStats(
        agent_user=agent_user,
        full_name=as_text(info["full_name"]),
        user_group=as_text(info["user_group"]),
        status="LOGGED_OUT" if live is None else as_text(live["status"]),
        campaign_id="" if live is None else as_text(live["campaign_id"]),
        calls_today=int(totals["calls"] or 0),
        talk_sec=int(totals["talk_sec"] or 0),
        pause_sec=int(totals["pause_sec"] or 0),
        wait_sec=int(totals["wait_sec"] or 0),
        dispo_sec=int(totals["dispo_sec"] or 0),
        first_login=as_text(logins["first_login"]),
        last_logout=as_text(logins["last_logout"]),
    )

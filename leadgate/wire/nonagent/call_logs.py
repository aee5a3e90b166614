"""Call-log functions on the Non-Agent API, with VICIdial's exact lines: callid_info,
ccc_lead_info, did_log_export, update_log_entry and lead_dearchive.

lead_dearchive: stock VICIdial has no vicidial_list_archive table and crashes (an empty HTTP
500, DEVIATIONS D4); leadgate always has it, so it answers with the lines VICIdial's code prints.
"""

from __future__ import annotations

from leadgate.domain import call_logs
from leadgate.domain.call_logs import CallProblem, DearchiveProblem, LogEntryProblem
from leadgate.domain.leads import search as lookups
from leadgate.domain.reports import parse_datetime
from leadgate.wire import filters
from leadgate.wire.common import standard_checks
from leadgate.wire.context import Call
from leadgate.wire.filters import php_strlen
from leadgate.wire.nonagent.lookups import delimiter, restricts_lists
from leadgate.wire.nonagent.reports import (
    export_checks,
    fail,
    header_wanted,
    request_user,
    separator_of,
)

CALL_ID = filters.ALNUM
GROUP = filters.keep(r"\-|_0-9a-zA-Z")


def _campaigns(call: Call, all_marker: str) -> frozenset[str] | None:
    assert call.user is not None
    return lookups.allowed_campaigns(call.conn, call.user.user_group, all_marker=all_marker)


# -- callid_info ---------------------------------------------------------------------------------


def callid_info(call: Call) -> None:
    export_checks(call, "GET CALL INFO")
    user = request_user(call)
    call_id = call.param("call_id", CALL_ID)
    if not call_logs.valid_call_id(call_id):
        reason = "callid_info INVALID SEARCH PARAMETERS"
        fail(call, reason, f"ERROR: {reason}: {user}|{call_id}", f"{user}|{call_id}")
    sep, stage = separator_of(call)
    detail = call.param("detail", filters.UPPER) == "YES"
    found = call_logs.callid_info(call.uow, call_id)
    if isinstance(found, CallProblem):
        what = "CALL NOT FOUND" if found is CallProblem.CALL_NOT_FOUND else "CALL LOG NOT FOUND"
        reason = f"callid_info {what}"
        data = f"{user}|{call.param('agent_user', filters.LOGIN)}"
        fail(call, reason, f"ERROR: {reason}: {data}", data)
    output = ""
    if header_wanted(call):
        names = ["call_id", "custtime"]
        if detail:
            names += ["call_date", "phone", "call_type", "campaign_id", "list_id", "status", "user"]
        output += sep.join(names) + "\n"
    fields = [found.call_id, str(found.customer_sec)]
    if detail:
        fields += [
            found.call_date, found.phone_number, found.call_type, found.campaign_id,
            found.list_id, found.status, found.user,
        ]  # fmt: skip
    output += sep.join(fields) + "\n"
    call.reply.echo(output)
    call.reply.log("SUCCESS", f"callid_info {output}", data=f"{user}|{call_id}|{stage}")


# -- ccc_lead_info -------------------------------------------------------------------------------


def ccc_lead_info(call: Call) -> None:
    export_checks(call, "GET LEAD INFO")
    user = request_user(call)
    call_id = call.param("call_id", CALL_ID)
    if not call_logs.valid_call_id(call_id):
        reason = "ccc_lead_info INVALID SEARCH PARAMETERS"
        fail(call, reason, f"ERROR: {reason}: {user}|{call_id}", f"{user}|{call_id}")
    sep, stage = delimiter(call.param("stage", filters.LOGIN))
    campaigns = _campaigns(call, "ALL-CAMPAIGNS") if restricts_lists(call) else None
    found = call_logs.ccc_lead_info(call.uow, call_id, campaigns)
    if found is CallProblem.LEAD_NOT_ALLOWED:
        reason = "ccc_lead_info LEAD NOT FOUND"
        fail(call, reason, f"ERROR: {reason}: |{user}|1|", "1")
    if isinstance(found, CallProblem):
        what = "CALL NOT FOUND" if found is CallProblem.CALL_NOT_FOUND else "LEAD NOT FOUND"
        reason = f"ccc_lead_info {what}"
        data = f"{user}|{call.param('agent_user', filters.LOGIN)}"
        fail(call, reason, f"ERROR: {reason}: {data}", data)
    output = sep.join(call_logs.CCC_COLUMNS) + "\n" if header_wanted(call) else ""
    output += sep.join(found) + "\n"
    call.reply.echo(output)
    call.reply.log("SUCCESS", f"ccc_lead_info {output}", data=f"{user}|{call_id}|{stage}")


# -- did_log_export ------------------------------------------------------------------------------


def did_log_export(call: Call) -> None:
    export_checks(call, "GET DID INFO")
    user = request_user(call)
    did_number = call.param("phone_number", filters.PHONE)
    date = call.param("date", filters.DATE)
    if not (0 < len(did_number) < 21 and len(date) == 10):
        reason = "did_log_export INVALID SEARCH PARAMETERS"
        data = f"{user}|{did_number}|{date}"
        fail(call, reason, f"ERROR: {reason}: {data}", data)
    day = parse_datetime(f"{date} 00:00:00")
    calls = [] if day is None else call_logs.did_log_export(call.uow, did_number, day)
    agent_user = call.param("agent_user", filters.LOGIN)
    lead_id = call.param("lead_id", filters.DIGITS)
    if not calls:
        reason = "did_log_export NO RECORDS FOUND"
        data = f"{user}|{agent_user}|{lead_id}|{date}"
        fail(call, reason, f"ERROR: {reason} - {data}", data)
    sep, stage = separator_of(call)
    output = ""
    if header_wanted(call):
        output += sep.join(("did_number", "call_date", "caller_id_number", "length_in_sec")) + "\n"
    for found in calls:
        # VICIdial prints the caller id under call_date and the date under caller_id_number.
        output += sep.join(
            (did_number, found.caller_id_number, found.call_date, str(found.total_sec))
        )
        output += "\n"
    call.reply.echo(output)
    call.reply.log(
        "SUCCESS", f"did_log_export RECORDS FOUND: {len(calls)}",
        data=f"{user}|{agent_user}|{lead_id}|{date}|{stage}",
    )  # fmt: skip


# -- update_log_entry ----------------------------------------------------------------------------


def update_log_entry(call: Call) -> None:
    user = request_user(call)
    reason = "update_log_entry USER DOES NOT HAVE PERMISSION TO UPDATE LOGS"
    standard_checks(call, f"ERROR: {reason}: |{user}|0|", reason, "0")
    group = call.param("group", GROUP)
    call_id = call.param("call_id", CALL_ID)
    status = call.param("status", filters.LOGIN)
    data = f"{user}|{group}|{call_id}|{status}"
    # VICIdial's condition (sic): any one short value is enough to go on.
    if not (php_strlen(group) < 2 or php_strlen(call_id) < 8 or php_strlen(status) < 8):
        reason = "update_log_entry INVALID SEARCH PARAMETERS"
        fail(call, reason, f"ERROR: {reason}: {data}", data)
    result = call_logs.update_log_entry(call.uow, group, call_id, status)
    if result is LogEntryProblem.GROUP_NOT_FOUND:
        reason = "update_log_entry GROUP NOT FOUND"
        fail(call, reason, f"ERROR: {reason}: {user}|{group}", f"{user}|{group}")
    if result is LogEntryProblem.NO_RECORDS_FOUND:
        reason = "update_log_entry NO RECORDS FOUND"
        fail(call, reason, f"ERROR: {reason}: {data}", data)
    assert not isinstance(result, LogEntryProblem)
    data = f"{data}|{result.old_status}|{result.call_key}"
    if not result.updated:
        reason = "update_log_entry NO RECORDS UPDATED"
        fail(call, reason, f"ERROR: {reason}: {data}", data)
    reason = "update_log_entry RECORD HAS BEEN UPDATED"
    call.reply.line(f"SUCCESS: {reason} - {user}|{data}|")
    call.reply.log("SUCCESS", reason, data=f"{data}|")


# -- lead_dearchive ------------------------------------------------------------------------------


def lead_dearchive(call: Call) -> None:
    user = request_user(call)
    reason = "lead_dearchive USER DOES NOT HAVE PERMISSION TO MODIFY LEAD INFO"
    standard_checks(call, f"ERROR: {reason}: |{user}|0|", reason, "0")
    lead_id = call.param("lead_id", filters.DIGITS)
    if not 0 < len(lead_id) < 12:
        reason = "lead_dearchive INVALID SEARCH PARAMETERS"
        fail(call, reason, f"ERROR: {reason}: {user}|{lead_id}", f"{user}|{lead_id}")
    result = call_logs.lead_dearchive(call.uow, int(lead_id), _campaigns(call, "-ALL"))
    if result is DearchiveProblem.NOT_ARCHIVED:
        reason = "lead_dearchive ARCHIVED LEAD NOT FOUND"
        stage = call.param("stage", filters.LOGIN)
        location = call.param("search_location", filters.UPPER)
        data = f"{user}|{lead_id}|{stage}|{location}"
        fail(call, reason, f"ERROR: {reason}: {data}", data)
    if isinstance(result, tuple):
        problem, list_id = result
        what = "NON-ARCHIVED LEAD FOUND"
        if problem is DearchiveProblem.INSERT_FAILED:
            what = "LEAD INSERT FAILED"
        reason = f"lead_dearchive {what}"
        data = f"{user}|{lead_id}|{list_id}"
        fail(call, reason, f"ERROR: {reason}: {data}", data)
    assert isinstance(result, call_logs.Dearchived)
    reason = "lead_dearchive LEAD DE-ARCHIVED"
    data = f"{user}|{lead_id}|{result.inserted}|{result.deleted}"
    call.reply.line(f"SUCCESS: {reason}: {data}")
    call.reply.log("SUCCESS", reason, data=data)

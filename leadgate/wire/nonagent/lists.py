"""List functions on the Non-Agent API: list_info (spec admin_functions.md "Lists")."""

from __future__ import annotations

from leadgate.domain import campaigns, lists
from leadgate.wire import filters
from leadgate.wire.common import standard_checks
from leadgate.wire.context import Call
from leadgate.wire.nonagent.lookups import fail, request_user

INFO_HEADER = ("list_id", "list_name", "campaign_id", "active", "list_changedate",
               "list_lastcalldate", "expiration_date", "resets_today")  # fmt: skip


def _separator(call: Call) -> str:
    return {"csv": ",", "tab": "\t"}.get(call.param("stage", filters.LOGIN), "|")


def list_info(call: Call) -> None:
    user = request_user(call)
    reason = "list_info USER DOES NOT HAVE PERMISSION TO MODIFY LISTS"
    standard_checks(call, f"ERROR: {reason}: |{user}|0", reason, "0")
    list_id = call.param("list_id", filters.DIGITS)
    if not 2 <= len(list_id) <= 14:
        reason = "list_info YOU MUST USE ALL REQUIRED FIELDS"
        # VICIdial prints list_name and campaign_id here, which list_info never reads.
        data = f"{list_id}||"
        fail(call, reason, f"ERROR: {reason}: |{user}|{data}", data)
    if call.allowed_lists is not None and list_id not in call.allowed_lists:
        reason = "list_info NOT AN ALLOWED LIST ID"
        fail(call, reason, f"ERROR: {reason} - {list_id}", list_id)
    assert call.user is not None
    allowed = campaigns.viewable_campaigns(call.conn, call.user.user_group)
    counts = call.param("leads_counts", filters.ALNUM) == "Y"
    dialable = call.param("dialable_count", filters.ALNUM) == "Y"
    info = lists.list_info(call.conn, int(list_id), allowed, counts=counts, dialable=dialable,
                           now=call.now)  # fmt: skip
    if info is None:
        reason = "list_info LIST DOES NOT EXIST"
        fail(call, reason, f"ERROR: {reason}: |{user}|{list_id}", list_id)
    separator = _separator(call)
    header = list(INFO_HEADER)
    row = [info.list_id, *info.fields]
    if info.counts is not None:
        header += ["all_leads_count", "new_leads_count"]
        row += [str(info.counts[0]), str(info.counts[1])]
    if info.dialable is not None:
        header.append("dialable_count")
    if call.param("header", filters.ALNUM) == "YES":
        call.reply.line(separator.join(header))
    # VICIdial always ends the row with a separator, then the dialable count if asked for.
    dialable_text = "" if info.dialable is None else str(info.dialable)
    call.reply.line(separator.join(row) + separator + dialable_text)
    call.reply.log("SUCCESS", "list_info LIST INFORMATION SENT", data=list_id)

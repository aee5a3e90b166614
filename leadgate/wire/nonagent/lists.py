"""List functions on the Non-Agent API: list_info, add_list, update_list (spec
admin_functions.md "Lists")."""

from __future__ import annotations

from dataclasses import replace

from leadgate.domain import campaigns, list_settings, lists
from leadgate.domain.actor import Actor
from leadgate.domain.list_custom_fields import FieldResult
from leadgate.domain.list_settings import (
    CustomFieldsCopy,
    ListActions,
    ListProblem,
    ListSettings,
    UpdateOutcome,
)
from leadgate.wire import filters
from leadgate.wire.common import standard_checks
from leadgate.wire.context import Call
from leadgate.wire.nonagent import list_custom_fields as custom_fields
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


# -- add_list, update_list ---------------------------------------------------------------------

_OPTIONAL = ", THIS IS AN OPTIONAL FIELD"
COPY_RESPONSES = {FieldResult.CHANGED: "SUCCESS: Fields copied",
                  FieldResult.REFUSED: "ERROR: Fields not copied", FieldResult.UNCHANGED: "NONE"}  # fmt: skip
_NUMBERS = ("ONE", "TWO", "THREE", "FOUR", "FIVE")
TEXT = filters.keep(r"\- +.:/@?&_0-9a-zA-Z")  # list_name, list_description: '+' kept
URL = filters.keep(r"\- %=+.:/@?&_0-9a-zA-Z")
RESET_TIME = filters.keep(r"\-_0-9")
REASONS = {
    ListProblem.SCRIPT: "SCRIPT DOES NOT EXIST",
    ListProblem.IN_GROUP: "IN-GROUP DOES NOT EXIST",
    ListProblem.RESET_TIME: "RESET TIME IS NOT VALID",
    ListProblem.COPY_SOURCE_MISSING: "CUSTOM FIELDS LIST ID TO COPY FROM DOES NOT EXIST",
    ListProblem.COPY_SOURCE_EMPTY: "CUSTOM FIELDS LIST ID TO COPY FROM HAS NO CUSTOM FIELDS",
    ListProblem.COPY_DENIED: "USER DOES NOT HAVE PERMISSION TO MODIFY CUSTOM FIELDS",
    ListProblem.TZ_METHOD: "TIME ZONE METHOD IS NOT VALID",
    ListProblem.CALL_TIME: "LOCAL CALL TIME DOES NOT EXIST",
    ListProblem.LIST_NAME: "LIST NAME MUST BE FROM 6 TO 30 CHARACTERS",
    ListProblem.ACTIVE: "ACTIVE MUST BE Y OR N",
    ListProblem.OUTBOUND_CID: "OUTBOUND CID MUST BE FROM 6 TO 18 DIGITS",
    ListProblem.AM_MESSAGE: "ANSWERING MACHINE MESSAGE MUST LESS THAN 101 DIGITS",
    ListProblem.CAMPAIGN_NOT_FOUND: "CAMPAIGN DOES NOT EXIST",
}


def _settings(call: Call, list_id: str) -> ListSettings:
    p = call.param
    return ListSettings(
        list_id=list_id, list_name=p("list_name", TEXT), campaign_id=p("campaign_id", filters.LOGIN),
        active=p("active", filters.UPPER), outbound_cid=p("outbound_cid", filters.DIGITS),
        script=p("script", filters.LOGIN), am_message=p("am_message", filters.LOGIN),
        drop_inbound_group=p("drop_inbound_group", filters.LOGIN),
        web_forms=(p("web_form_address", URL), p("web_form_address_two", URL),
                   p("web_form_address_three", URL)),
        reset_time=p("reset_time", RESET_TIME), tz_method=p("tz_method", filters.LOGIN),
        local_call_time=p("local_call_time", filters.LOGIN),
        expiration_date=p("expiration_date", filters.LOGIN),
        xferconf=(p("xferconf_one", filters.LOGIN), p("xferconf_two", filters.LOGIN),
                  p("xferconf_three", filters.LOGIN), p("xferconf_four", filters.LOGIN),
                  p("xferconf_five", filters.LOGIN)),
        list_description=p("list_description", TEXT),
        custom_fields_copy=p("custom_fields_copy", filters.DIGITS),
        custom_copy_method=p("custom_copy_method", filters.LOGIN),
    )  # fmt: skip


def _reason(function: str, problem: ListProblem, index: int) -> str:
    if problem is ListProblem.XFERCONF:
        text = f"TRANSFER CONF OVERRIDE {_NUMBERS[index]} IS NOT VALID"
    else:
        text = REASONS[problem]
    return f"{function} {text}{_OPTIONAL}"


def _copy_refusal_data(list_id: str, copy: CustomFieldsCopy) -> str:
    # VICIdial prints the count its failed check found: 0 in every case but "no permission"
    # (its count of custom_fields_modify rows, also 0).
    return f"{list_id}|{copy.source}|0"


def _may(call: Call, *flags: str) -> bool:
    assert call.user is not None
    return all(call.user.has(flag) for flag in flags)


def add_list(call: Call) -> None:
    _add_list(call, call.param("list_id", filters.DIGITS))


def _add_list(call: Call, list_id: str) -> None:
    user = request_user(call)
    reason = "add_list USER DOES NOT HAVE PERMISSION TO ADD LISTS"
    standard_checks(call, f"ERROR: {reason}: |{user}|0", reason, "0")
    settings = _settings(call, list_id)
    name, campaign_id = settings.list_name, settings.campaign_id
    assert call.user is not None
    allowed = campaigns.viewable_campaigns(call.conn, call.user.user_group)
    outcome = list_settings.add_list(
        call.uow, settings, _actor(call), allowed,
        may_modify_fields=_may(call, "custom_fields_modify"),
        may_modify_leads=custom_fields.field_actions(call).may_modify_leads,
    )  # fmt: skip
    if outcome.problem is ListProblem.REQUIRED_FIELDS:
        reason = "add_list YOU MUST USE ALL REQUIRED FIELDS"
        data = f"{list_id}|{name}|{campaign_id}"
        fail(call, reason, f"ERROR: {reason}: |{user}|{data}", data)
    if outcome.problem is ListProblem.CAMPAIGN_NOT_FOUND:
        reason = "add_list CAMPAIGN DOES NOT EXIST"
        fail(call, reason, f"ERROR: {reason}: |{user}|{campaign_id}", campaign_id)
    if outcome.problem is ListProblem.LIST_EXISTS:
        reason = "add_list LIST ALREADY EXISTS"
        fail(call, reason, f"ERROR: {reason}: |{user}|{list_id}", list_id)
    if outcome.problem is not None:
        reason = _reason("add_list", outcome.problem, outcome.index)
        data = outcome.value
        if outcome.copy is not None:
            data = _copy_refusal_data(list_id, outcome.copy)
        fail(call, reason, f"ERROR: {reason}: |{user}|{data}", data)
    reason = "add_list LIST HAS BEEN ADDED"
    data = f"{list_id}|{name}|{campaign_id}"
    call.reply.line(f"SUCCESS: {reason} - {user}|{data}")
    call.reply.log("SUCCESS", reason, data=data)


def _actor(call: Call) -> Actor:
    return Actor(user=request_user(call), ip=call.request.client_ip)


def update_list(call: Call) -> None:
    user = request_user(call)
    reason = "update_list USER DOES NOT HAVE PERMISSION TO UPDATE LISTS"
    standard_checks(call, f"ERROR: {reason}: |{user}|0", reason, "0")
    list_id = call.param("list_id", filters.DIGITS)
    if not list_settings.valid_list_id(list_id):
        reason = "update_list YOU MUST USE ALL REQUIRED FIELDS"
        data = (
            f"{list_id}|{call.param('list_name', TEXT)}|{call.param('campaign_id', filters.LOGIN)}"
        )
        fail(call, reason, f"ERROR: {reason}: |{user}|{data}", data)
    if call.allowed_lists is not None and list_id not in call.allowed_lists:
        reason = "update_list NOT AN ALLOWED LIST ID"
        fail(call, reason, f"ERROR: {reason} - {list_id}", list_id)
    assert call.user is not None
    allowed = campaigns.viewable_campaigns(call.conn, call.user.user_group)
    flag = call.param
    actions = ListActions(
        reset_list=flag("reset_list", filters.UPPER) == "Y",
        delete_list=flag("delete_list", filters.UPPER) == "Y",
        delete_leads=flag("delete_leads", filters.UPPER) == "Y",
        may_delete_lists=_may(call, "delete_lists"),
        may_delete_leads=_may(call, "delete_lists") and call.user.flag("modify_leads") in
        ("1", "2", "3", "4"),
        may_modify_fields=_may(call, "custom_fields_modify"),
        fields=custom_fields.field_actions(call),
    )  # fmt: skip
    settings = replace(_settings(call, list_id), custom_field=custom_fields.field_request(call))
    outcome = list_settings.update_list(call.uow, settings, actions, _actor(call), allowed)
    custom_fields.report_field_changes(call, user, list_id, settings.custom_field,
                                       outcome.field_changes)  # fmt: skip
    if not outcome.found:
        if call.param("insert_if_not_found", filters.UPPER) == "Y":
            reason = "update_list LIST DOES NOT EXIST, SENDING TO add_list FUNCTION"
            call.reply.line(f"NOTICE: {reason}: |{user}|{list_id}")
            call.reply.log("NOTICE", reason, data=list_id)
            # VICIdial goes on as add_list: its lines and log rows are add_list's.
            call.function = call.reply.function = "add_list"
            _add_list(call, list_id)
            return
        reason = "update_list LIST DOES NOT EXIST"
        fail(call, reason, f"ERROR: {reason}: |{user}|{list_id}", list_id)
    if outcome.problem is not None:
        reason = _reason("update_list", outcome.problem, outcome.index)
        fail(call, reason, f"ERROR: {reason}: |{user}|{outcome.value}", outcome.value)
    _report_update(call, user, list_id, outcome)


def _notice(call: Call, reason: str, line: str, data: str) -> None:
    call.reply.line(line)
    call.reply.log("NOTICE", reason, data=data)


def _report_update(call: Call, user: str, list_id: str, outcome: UpdateOutcome) -> None:
    if outcome.updated:
        reason = "update_list LIST HAS BEEN UPDATED"
        call.reply.line(f"SUCCESS: {reason} - {user}|{list_id}")
        call.reply.log("SUCCESS", reason, data=list_id)
    else:
        reason = "update_list NO UPDATES DEFINED"
        _notice(call, reason, f"NOTICE: {reason}: |{user}|", "")
    reset = outcome.reset
    if reset is not None and reset.done:
        # VICIdial prints an unset variable where the count would go.
        reason = "update_list LEADS IN LIST HAVE BEEN RESET"
        _notice(call, reason, f"NOTICE: {reason} - {user}|{list_id}|", f"{list_id}|")
    elif reset is not None:
        reason = (f"update_list LIST RESET FAILED, daily reset limit reached: "
                  f"{reset.resets_today} / {reset.daily_limit}")  # fmt: skip
        _notice(call, reason, f"NOTICE: {reason} - {user}|{list_id}", list_id)
    if outcome.list_delete_denied:
        reason = "update_list USER DOES NOT HAVE PERMISSION TO DELETE LISTS"
        _notice(call, reason, f"NOTICE: {reason}: |{user}|0", "0")
    elif outcome.list_deleted is not None:
        reason = "update_list LIST HAS BEEN DELETED"
        data = f"{list_id}|{outcome.list_deleted}"
        _notice(call, reason, f"NOTICE: {reason} - {user}|{data}", data)
    if outcome.leads_delete_denied:
        reason = "update_list USER DOES NOT HAVE PERMISSION TO DELETE LEADS"
        _notice(call, reason, f"NOTICE: {reason}: |{user}|0", "0")
    elif outcome.leads_deleted is not None:
        reason = "update_list LEADS IN LIST HAVE BEEN DELETED"
        data = f"{list_id}|{outcome.leads_deleted}"
        _notice(call, reason, f"NOTICE: {reason} - {user}|{data}", data)
    copy = outcome.copy
    if copy is not None and copy.problem is not None:
        reason = _reason("update_list", copy.problem, 0)
        data = _copy_refusal_data(list_id, copy)
        _notice(call, reason, f"NOTICE: {reason}: |{user}|{data}", data)
    elif copy is not None:
        reason = "update_list COPY CUSTOM FIELDS COMMAND SENT"
        response = "NONE" if copy.response is None else COPY_RESPONSES[copy.response]
        data = f"{list_id}|{copy.source}|{copy.method}|{response}|"
        _notice(call, reason, f"NOTICE: {reason} - {user}|{data}", data)

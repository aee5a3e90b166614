"""list_custom_fields on the Non-Agent API: each list's custom field labels (the columns of
its custom_<list_id> table), for one list or ---ALL--- lists."""

from __future__ import annotations

import re
from functools import cmp_to_key

from leadgate.domain import campaigns
from leadgate.domain import list_custom_fields as custom
from leadgate.domain.list_custom_fields import (
    FieldActions,
    FieldChange,
    FieldRequest,
    FieldResult,
    FieldStep,
    ListColumns,
)
from leadgate.wire import filters
from leadgate.wire.common import require_function_allowed, require_permission, require_source
from leadgate.wire.context import Call, Finished
from leadgate.wire.nonagent.lookups import fail, request_user

HEADER = ("list_id", "list_name", "campaign_id", "active", "list_changedate",
          "list_lastcalldate", "custom_fields_list_space_delimited")  # fmt: skip
ORDERS = ("alpha_up", "alpha_down")
LIST_NAME = filters.keep(r"\- +.:/@?&_0-9a-zA-Z")  # as add_list's


def list_custom_fields(call: Call) -> None:
    user = request_user(call)
    require_source(call)
    require_function_allowed(call)
    if not custom.custom_fields_enabled(call.conn):
        reason = "CUSTOM LIST FIELDS ARE NOT ENABLED ON THIS SYSTEM"
        call.reply.line(f"ERROR: {reason}: |{user}|{call.function}|")
        call.reply.log("ERROR", reason)
        raise Finished
    reason = "list_custom_fields USER DOES NOT HAVE PERMISSION TO MODIFY LISTS"
    require_permission(call, f"ERROR: {reason}: |{user}|0", reason, "0")
    list_id = call.param("list_id", filters.LOGIN)
    if not 2 <= len(list_id) <= 14:
        reason = "list_custom_fields YOU MUST USE ALL REQUIRED FIELDS"
        data = f"{list_id}|{call.param('list_name', LIST_NAME)}|{call.param('campaign_id', filters.LOGIN)}"
        fail(call, reason, f"ERROR: {reason}: |{user}|{data}", data)
    if (
        call.allowed_lists is not None
        and list_id not in call.allowed_lists
        and list_id != custom.ALL_LISTS
    ):
        reason = "list_custom_fields NOT AN ALLOWED LIST ID"
        fail(call, reason, f"ERROR: {reason} - {list_id}", list_id)
    assert call.user is not None
    allowed = campaigns.viewable_campaigns(call.conn, call.user.user_group)
    lists = custom.list_columns(call.conn, list_id, allowed, call.allowed_lists)
    if lists is None:
        reason = "list_custom_fields LIST DOES NOT EXIST"
        fail(call, reason, f"ERROR: {reason}: |{user}|{list_id}", list_id)
    order = call.param("custom_order", filters.LOGIN)
    labels = _labels(lists, order if order in ORDERS else "")
    if labels is None:
        # VICIdial crashes here (it sorts a field list it never filled: HTTP 500, no body,
        # no log row; DEVIATIONS.md D4). leadgate says why instead.
        reason = "list_custom_fields NO CUSTOM FIELDS TO SORT"
        fail(call, reason, f"ERROR: {reason}: |{user}|{list_id}|{order}", f"{list_id}|{order}")
    separator = {"csv": ",", "tab": "\t"}.get(call.param("stage", filters.LOGIN), "|")
    if call.param("header", filters.ALNUM) == "YES":
        call.reply.line(separator.join(HEADER))
    for entry, text in zip(lists, labels, strict=True):
        call.reply.line(separator.join((entry.list_id, *entry.fields, text)))
    call.reply.log("SUCCESS", "list_custom_fields LIST CUSTOM FIELDS INFORMATION SENT",
                   data=list_id)  # fmt: skip


def _labels(lists: list[ListColumns], order: str) -> list[str] | None:
    """Each list's labels as VICIdial prints them; None where VICIdial would crash.

    Without an order: the table's columns in table order ('' without a table). With one,
    VICIdial sorts a field list that it never empties between lists: each table overwrites
    its first entries, longer earlier lists leave their tail, and a list without a table
    prints the previous list's fields. Sorting before any list filled it crashes.
    """
    printed: list[str] = []
    carried: list[str] | None = None
    for entry in lists:
        own = list(entry.columns or ())
        if own:
            carried = carried or []
            carried[: len(own)] = own
        if not order:
            printed.append(" ".join(own))
            continue
        if carried is None:
            return None
        carried = sorted(carried, key=cmp_to_key(_php_compare), reverse=order == "alpha_down")
        printed.append(" ".join(carried))
    return printed


_NUMERIC = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def _php_compare(left: str, right: str) -> int:
    """PHP 8's comparison of two strings: numerically when both are numeric, else bytewise."""
    if _NUMERIC.match(left) and _NUMERIC.match(right):
        x, y = float(left), float(right)
        return (x > y) - (x < y)
    a, b = left.encode(), right.encode()
    return (a > b) - (a < b)


# -- update_list: custom_fields_add / custom_fields_update / custom_fields_delete --------------

FLAG = filters.keep(r"_0-9a-zA-Z")
LABEL = filters.keep(r"_0-9a-zA-Z")  # column names: ASCII whatever use_non_latin says
FIELD_NAME = filters.Letters(r"\-_0-9")
DESCRIPTION = filters.Letters(r" .,-_0-9")  # ',-_' is a range in VICIdial's class too
OPTIONS = filters.Letters(r" .\n|,-_0-9")
SCRIPT_OPTIONS = filters.Letters(r" '&.\n|,-_0-9")
HELP = filters.Letters(r" '&.\n|,-_0-9")
DEFAULT = filters.Letters(r" .\n,-_0-9")
UPPER_WORD = filters.keep(r"_A-Z")
_VERBS = {"add": ("ADD", "ADDED", "added"), "update": ("UPDATE", "UPDATED", "updated"),
          "delete": ("DELETE", "DELETED", "deleted")}  # fmt: skip
_RESPONSES = {FieldResult.CHANGED: "SUCCESS: Field {0}", FieldResult.REFUSED: "ERROR: Field not {0}",
              FieldResult.UNCHANGED: "NONE"}  # fmt: skip


def field_actions(call: Call) -> FieldActions:
    assert call.user is not None
    modify_leads = call.user.flag("modify_leads")
    return FieldActions(
        add=call.param("custom_fields_add", FLAG) == "Y",
        update=call.param("custom_fields_update", FLAG) == "Y",
        delete=call.param("custom_fields_delete", FLAG) == "Y",
        may_modify_fields=call.user.has("custom_fields_modify"),
        may_modify_leads=modify_leads.isdigit() and int(modify_leads) >= 1,
    )


def field_request(call: Call) -> FieldRequest:
    p = call.param
    field_type = p("field_type", filters.ALNUM)
    return FieldRequest(
        label=p("field_label", LABEL), name=p("field_name", FIELD_NAME),
        size=p("field_size", filters.DIGITS), field_type=field_type,
        rank=p("field_rank", filters.DIGITS), order=p("field_order", filters.DIGITS),
        rerank=p("field_rerank", FLAG), max=p("field_max", filters.DIGITS),
        default=p("field_default", DEFAULT),
        options=p("field_options", SCRIPT_OPTIONS if field_type == "SCRIPT" else OPTIONS),
        duplicate=p("field_duplicate", UPPER_WORD), description=p("field_description", DESCRIPTION),
        help=p("field_help", HELP), required=p("field_required", UPPER_WORD),
        multi_position=p("multi_position", filters.ALNUM),
        name_position=p("name_position", filters.ALNUM),
        encrypt=p("field_encrypt", filters.keep("NY")), show_hide=p("field_show_hide", FLAG),
    )  # fmt: skip


def report_field_changes(
    call: Call, user: str, list_id: str, r: FieldRequest, changes: tuple[FieldChange, ...]
) -> None:
    """update_list's NOTICE line (and log row) for each custom field action."""
    copy_from = call.param("custom_fields_copy", filters.DIGITS)
    for change in changes:
        verb, past, lower = _VERBS[change.action]
        step = change.step
        if step is FieldStep.NO_FIELDS:
            reason = f"CUSTOM FIELDS LIST ID TO {verb} TO HAS NO CUSTOM FIELDS"
            line, data = f"|{user}|", f"{list_id}|0"
        elif step is FieldStep.DENIED:
            reason = "USER DOES NOT HAVE PERMISSION TO MODIFY CUSTOM FIELDS"
            line, data = f"|{user}|", f"{list_id}|{copy_from}|0"
        elif step is FieldStep.MISSING or step is FieldStep.NOT_FOUND:
            what = "REQUIRED CUSTOM FIELDS VARIABLES ARE MISSING"
            if step is FieldStep.NOT_FOUND:
                what = "FIELD DOES NOT EXIST"
            reason = f"{what}, FIELD NOT {past}"
            line, data = f"|{user}|", f"{list_id}|{r.label}|"
            if change.action == "add" or (
                change.action == "update" and step is FieldStep.NOT_FOUND
            ):
                data += f"{r.name}|{r.size}|{r.field_type}|{r.rank}|"
        else:
            reason = f"update_list {verb} CUSTOM FIELD COMMAND SENT"
            response = _RESPONSES[change.result].format(lower)
            data = f"{list_id}|{r.label}|{change.field_type}|{response}|"
            call.reply.line(f"NOTICE: {reason} - {user}|{data}")
            call.reply.log("NOTICE", reason, data=data)
            continue
        reason = f"update_list {reason}, THIS IS AN OPTIONAL FIELD"
        call.reply.line(f"NOTICE: {reason}: {line}{data}")
        call.reply.log("NOTICE", reason, data=data)

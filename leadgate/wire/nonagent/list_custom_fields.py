"""list_custom_fields on the Non-Agent API: each list's custom field labels (the columns of
its custom_<list_id> table), for one list or ---ALL--- lists."""

from __future__ import annotations

import re
from functools import cmp_to_key

from leadgate.domain import campaigns
from leadgate.domain import list_custom_fields as custom
from leadgate.domain.list_custom_fields import ListColumns
from leadgate.wire import filters
from leadgate.wire.common import require_function_allowed, require_permission, require_source
from leadgate.wire.context import Call, Finished
from leadgate.wire.nonagent.lists import TEXT
from leadgate.wire.nonagent.lookups import fail, request_user

HEADER = ("list_id", "list_name", "campaign_id", "active", "list_changedate",
          "list_lastcalldate", "custom_fields_list_space_delimited")  # fmt: skip
ORDERS = ("alpha_up", "alpha_down")


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
        data = (
            f"{list_id}|{call.param('list_name', TEXT)}|{call.param('campaign_id', filters.LOGIN)}"
        )
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

"""update_lead and batch_update_lead on the Non-Agent API (spec update_lead.md).

This module only reads and filters the parameters, runs VICIdial's permission checks and prints
the domain's result lines; the work is in domain/lead_updates.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NoReturn

from leadgate.domain.leads import updates as lead_updates
from leadgate.domain.leads.updates import (
    BatchUpdateRequest,
    CallbackRequest,
    HopperRequest,
    Line,
    Rejected,
    UpdateLeadRequest,
)
from leadgate.wire import filters
from leadgate.wire.common import standard_checks
from leadgate.wire.context import Abort, Call
from leadgate.wire.filters import Filter

LEAD_IDS = filters.keep(r",0-9")

# Request parameter → (vicidial_list column it updates, its filter).
FIELD_PARAMETERS: Mapping[str, tuple[str, Filter]] = {
    "user_field": ("user", filters.LOGIN),
    "list_id_field": ("list_id", filters.DIGITS),
    "status": ("status", filters.LOGIN),
    "vendor_lead_code": ("vendor_lead_code", filters.NO_SEMI_HASH_QUOTE),
    "source_id": ("source_id", filters.NO_SEMI_HASH_QUOTE),
    "gmt_offset_now": ("gmt_offset_now", filters.DECIMAL),
    "title": ("title", filters.TITLE),
    "first_name": ("first_name", filters.NAME),
    "middle_initial": ("middle_initial", filters.MIDDLE_INITIAL),
    "last_name": ("last_name", filters.NAME),
    "address1": ("address1", filters.ADDRESS),
    "address2": ("address2", filters.ADDRESS),
    "address3": ("address3", filters.ADDRESS),
    "city": ("city", filters.ADDRESS),
    "state": ("state", filters.STATE),
    "province": ("province", filters.PROVINCE),
    "postal_code": ("postal_code", filters.POSTAL_CODE),
    "country_code": ("country_code", filters.LOGIN),
    "gender": ("gender", filters.UPPER),
    "date_of_birth": ("date_of_birth", filters.DATE),
    "alt_phone": ("alt_phone", filters.ALT_PHONE),
    "email": ("email", filters.EMAIL),
    "security_phrase": ("security_phrase", filters.ADDRESS),
    "comments": ("comments", filters.NO_SEMI_HASH_QUOTE),
    "rank": ("rank", filters.DIGITS),
    "owner": ("owner", filters.ADDRESS),
    "called_count": ("called_count", filters.DIGITS),
    "phone_code": ("phone_code", filters.DIGITS),
}


def _fields(call: Call) -> dict[str, str]:
    return {
        column: call.param(name, filter_) for name, (column, filter_) in FIELD_PARAMETERS.items()
    }


def _flag(call: Call, name: str) -> bool:
    """A flag filtered to A-Z that is on only when exactly 'Y'."""
    return call.param(name, filters.UPPER) == "Y"


def _alnum_is_y(call: Call, name: str) -> bool:
    return call.param(name, filters.ALNUM) == "Y"


def _list_exists_check(call: Call) -> bool:
    return "y" in call.param("list_exists_check", filters.ALNUM).lower()


def _permission_checks(call: Call) -> None:
    reason = f"{call.function} USER DOES NOT HAVE PERMISSION TO UPDATE LEADS IN THE SYSTEM"
    standard_checks(call, f"ERROR: {reason}: |{call.user_name}|0|", reason, "0")


def _print(call: Call, lines: list[Line]) -> None:
    for line in lines:
        call.reply.line(line.text)
        call.reply.log(line.result, line.reason, data=line.logged)


def _reject(call: Call, rejected: Rejected) -> NoReturn:
    """Answer VICIdial's crash cases with one clear line and roll every change back."""
    _print(call, [rejected.line])
    raise Abort


def update_lead_request(call: Call) -> UpdateLeadRequest:
    remove_from_hopper = _alnum_is_y(call, "remove_from_hopper")
    return UpdateLeadRequest(
        api_user=call.user_name,
        lead_id=call.param("lead_id", filters.DIGITS),
        list_id=call.param("list_id", filters.DIGITS),
        phone_number=call.param("phone_number", filters.PHONE),
        search_method=call.param("search_method", filters.LOGIN),
        search_location=call.param("search_location", filters.UPPER),
        records=call.param("records", filters.DIGITS),
        fields=_fields(call),
        entry_list_id=call.param("entry_list_id", filters.DIGITS),
        force_entry_list_id=call.param("force_entry_list_id", filters.DIGITS),
        no_update=_flag(call, "no_update"),
        insert_if_not_found=_flag(call, "insert_if_not_found"),
        delete_lead=_flag(call, "delete_lead"),
        delete_cf_data=_flag(call, "delete_cf_data"),
        reset_lead=_flag(call, "reset_lead"),
        update_phone_number=_flag(call, "update_phone_number"),
        custom_fields=_alnum_is_y(call, "custom_fields"),
        list_exists_check=_list_exists_check(call),
        archived=_alnum_is_y(call, "archived_lead"),
        tz_method=call.param("tz_method", filters.LOGIN),
        multi_alt_phones=call.param("multi_alt_phones", filters.MULTI_ALT_PHONES),
        callback=CallbackRequest(
            mode=call.param("callback", filters.UPPER),
            campaign_id=call.param("campaign_id", filters.LOGIN),
            datetime=call.param("callback_datetime", filters.CALLBACK_TEXT),
            type=call.param("callback_type", filters.UPPER),
            user=call.param("callback_user", filters.LOGIN),
            status=call.param("callback_status", filters.LOGIN),
            comments=call.param("callback_comments", filters.CALLBACK_TEXT),
        ),
        hopper=HopperRequest(
            # remove_from_hopper=Y switches add_to_hopper off.
            add=_flag(call, "add_to_hopper") and not remove_from_hopper,
            remove=remove_from_hopper,
            priority=call.param("hopper_priority", filters.SIGNED_DIGITS),
            check_call_time=_flag(call, "hopper_local_call_time_check"),
        ),
        custom_value=call.request.params.get,
    )


def update_lead(call: Call) -> None:
    _permission_checks(call)
    request = update_lead_request(call)
    try:
        lines = lead_updates.update_lead(
            call.conn, request, now=call.now, allowed_lists=call.allowed_lists
        )
    except Rejected as rejected:
        _reject(call, rejected)
    _print(call, lines)


def batch_update_lead(call: Call) -> None:
    _permission_checks(call)
    request = BatchUpdateRequest(
        api_user=call.user_name,
        lead_ids=call.param("lead_ids", LEAD_IDS),
        records=call.param("records", filters.DIGITS),
        fields=_fields(call),
        reset_lead=_flag(call, "reset_lead"),
        list_exists_check=_list_exists_check(call),
        archived=_alnum_is_y(call, "archived_lead"),
    )
    try:
        lines = lead_updates.batch_update_lead(
            call.conn, request, now=call.now, allowed_lists=call.allowed_lists
        )
    except Rejected as rejected:
        _reject(call, rejected)
    _print(call, lines)

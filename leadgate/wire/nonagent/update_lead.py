"""update_lead and batch_update_lead on the Non-Agent API (spec update_lead.md).

This module reads and filters the parameters (letters as system_settings.use_non_latin
says), runs VICIdial's permission checks and words the
domain's outcome (domain/leads/updates.py) as VICIdial's result lines and vicidial_api_log rows:
one renderer per outcome type (`update_lines`, `batch_lines`, `rejection_line`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import NoReturn

from leadgate.domain.leads import updates as lead_updates
from leadgate.domain.leads.updates import (
    AltPhonesAdded,
    BatchRefusal,
    BatchUpdateOutcome,
    BatchUpdateRequest,
    CallbackChange,
    CallbackRequest,
    CallbacksDeleted,
    CallbackStep,
    CustomDataDeleted,
    CustomFieldsChange,
    CustomFieldsStep,
    HopperChange,
    HopperRequest,
    HopperStep,
    LeadChanged,
    LeadInserted,
    LeadsFound,
    NoMatchAction,
    NoMatches,
    Refused,
    Rejected,
    Rejection,
    RejectionReason,
    UpdateLeadOutcome,
    UpdateLeadRequest,
    UpdateRefusal,
    UpdateStep,
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


def _fields(call: Call, non_latin: bool) -> dict[str, str]:
    return {
        column: call.param(name, filters.for_setting(filter_, non_latin))
        for name, (column, filter_) in FIELD_PARAMETERS.items()
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


UPDATE = "update_lead"
BATCH = "batch_update_lead"


@dataclass(frozen=True)
class Line:
    """One result line and its vicidial_api_log row."""

    result: str  # SUCCESS / NOTICE / ERROR
    reason: str  # e.g. "update_lead LEAD HAS BEEN UPDATED"
    shown: str  # what follows the reason, separator included (" - a|b" or ": |a|b")
    logged: str = ""  # vicidial_api_log.data
    echo: str = ""  # raw text VICIdial prints in front of the line (multi-alt-phone debris)

    @property
    def text(self) -> str:
        return f"{self.echo}{self.result}: {self.reason}{self.shown}"


def _dash(result: str, reason: str, shown: str, logged: str | None = None) -> Line:
    return Line(result, reason, f" - {shown}", shown if logged is None else logged)


def _text(count: int | None) -> str:
    """A count VICIdial may not have set yet ('' until then)."""
    return "" if count is None else str(count)


# -- update_lead ----------------------------------------------------------------------------

_REFUSALS = {
    UpdateRefusal.SEARCH_LIST_NOT_ALLOWED: "NOT AN ALLOWED LIST ID, SEARCH",
    UpdateRefusal.LIST_NOT_DEFINED: "NOT A DEFINED LIST ID, LIST EXISTS CHECK ENABLED",
    UpdateRefusal.INSERT_LIST_NOT_ALLOWED: "NOT AN ALLOWED LIST ID, INSERT",
}
_CALLBACK_REASONS = {
    CallbackChange.ADDED: "SCHEDULED CALLBACK ADDED",
    CallbackChange.UPDATED: "SCHEDULED CALLBACK UPDATED",
    CallbackChange.NOT_UPDATED_NO_FIELDS: "SCHEDULED CALLBACK NOT UPDATED, NO FIELDS SPECIFIED",
    CallbackChange.NOT_ADDED_CAMPAIGN_NOT_VALID: "SCHEDULED CALLBACK NOT ADDED, CAMPAIGN NOT VALID",
    CallbackChange.NOT_ADDED_USER_NOT_VALID: "SCHEDULED CALLBACK NOT ADDED, USER NOT VALID",
}
_NO_CUSTOM_TABLE = "CUSTOM FIELDS NOT ADDED, NO CUSTOM FIELDS DEFINED FOR THIS LIST"
_HOPPER_REASONS = {
    HopperChange.ADDED: "ADDED TO HOPPER",
    HopperChange.ALREADY_IN_HOPPER: "NOT ADDED TO HOPPER, LEAD IS ALREADY IN THE HOPPER",
    HopperChange.LEAD_NOT_FOUND: "NOT ADDED TO HOPPER, LEAD NOT FOUND",
    HopperChange.OUTSIDE_LOCAL_TIME: "NOT ADDED TO HOPPER, OUTSIDE OF LOCAL TIME",
    HopperChange.NOT_IN_HOPPER: "NOT REMOVED FROM HOPPER, LEAD IS NOT IN THE HOPPER",
    HopperChange.REMOVED: "REMOVED FROM HOPPER",
    HopperChange.NOT_REMOVED: "NOT REMOVED FROM HOPPER",
}


def update_lines(request: UpdateLeadRequest, outcome: UpdateLeadOutcome) -> list[Line]:
    """update_lead's answer: one line per step, worded as VICIdial words it."""
    return [_update_line(request, step) for step in outcome.steps]


def _update_line(req: UpdateLeadRequest, step: UpdateStep) -> Line:
    user, phone, vendor = req.api_user, req.phone_number, req.vendor_lead_code
    if isinstance(step, Refused):
        return _refused_line(req, step)
    if isinstance(step, NoMatches):
        data = f"{req.lead_id}|{vendor}|{phone}"
        result = "ERROR" if step.action is NoMatchAction.REFUSED else "NOTICE"
        return Line(result, f"{UPDATE} NO MATCHES FOUND IN THE SYSTEM", f": |{user}|{data}", data)
    if isinstance(step, LeadsFound):
        data = f"{step.lead_id}|{vendor}|{phone}|{step.list_id}|{step.entry_list}"
        return Line("NOTICE", f"{UPDATE} LEADS FOUND IN THE SYSTEM", f": |{user}|{data}", data)
    if isinstance(step, CustomDataDeleted):
        tail = f"{step.table_list}|{step.entry_list_cleared}|{_text(step.custom_rows_deleted)}"
        return _dash("NOTICE", f"{UPDATE} CUSTOM FIELDS DATA HAS BEEN DELETED",
                     f"{user}|{step.lead_id}|{tail}",
                     f"{phone}|{step.list_id}|{step.lead_id}|{tail}")  # fmt: skip
    if isinstance(step, LeadChanged):
        if step.deleted:
            reason = (
                f"{UPDATE} LEAD HAS BEEN DELETED {step.callbacks_deleted}|{step.callbacks_archived}"
            )
        else:
            reason = f"{UPDATE} LEAD HAS BEEN UPDATED"
        cb = _text(step.archived_callbacks)
        return _dash("SUCCESS", reason, f"{user}|{step.lead_id}|{step.affected}|{cb}|{cb}|",
                     f"{phone}|{step.list_id}|{step.lead_id}|")  # fmt: skip
    if isinstance(step, CallbackStep):
        return _dash("NOTICE", f"{UPDATE} {_CALLBACK_REASONS[step.change]}", _callback_shown(step))
    if isinstance(step, CallbacksDeleted):
        shown = f"{user}|{step.lead_id}|{step.deleted}|{step.archived}"
        return _dash("NOTICE", f"{UPDATE} SCHEDULED CALLBACK DELETED", shown)
    if isinstance(step, CustomFieldsStep):
        return _custom_fields_line(req, step)
    if isinstance(step, LeadInserted):
        shown = f"{phone}|{step.list_id}|{step.lead_id}|{step.gmt.text}"
        return _dash("SUCCESS", f"{UPDATE} LEAD HAS BEEN ADDED", f"{shown}|{user}", shown)
    if isinstance(step, AltPhonesAdded):
        # VICIdial echoes every record (number|code|note, no newline) before its NOTICE.
        loaded = step.loaded
        debris = "".join(f"{number}|{code}|{note}" for number, code, note in loaded.records)
        return Line("NOTICE", f"{UPDATE} MULTI-ALT-PHONE NUMBERS LOADED",
                    f" - {loaded.inserted}|{step.lead_id}|{user}",
                    f"{loaded.inserted}|{step.lead_id}", echo=debris)  # fmt: skip
    return _hopper_line(req, step)


def _refused_line(req: UpdateLeadRequest, step: Refused) -> Line:
    user, phone = req.api_user, req.phone_number
    if step.refusal is UpdateRefusal.NO_VALID_SEARCH_METHOD:
        data = f"{step.method}|{req.lead_id}|{req.vendor_lead_code}|{phone}"
        return _dash("ERROR", f"{UPDATE} NO VALID SEARCH METHOD", f"{user}|{data}", data)
    if step.refusal is UpdateRefusal.RESULT_LIST_NOT_ALLOWED:
        return _dash("ERROR", f"{UPDATE} NOT AN ALLOWED LIST ID, RESULTS", step.list_id)
    if step.refusal is UpdateRefusal.INSERT_DATA_INVALID:
        data = f"{phone}|{req.phone_code}|{step.list_id}|Y"
        return _dash("ERROR", f"{UPDATE} INVALID DATA FOR LEAD INSERTION", f"{user}|{data}", data)
    return _dash("ERROR", f"{UPDATE} {_REFUSALS[step.refusal]}", f"{phone}|{step.list_id}")


def _callback_shown(step: CallbackStep) -> str:
    if step.change is CallbackChange.NOT_UPDATED_NO_FIELDS:
        return f"{step.lead_id}|"
    if step.change is CallbackChange.NOT_ADDED_CAMPAIGN_NOT_VALID:
        return f"{step.lead_id}|{step.campaign_id}"
    if step.change is CallbackChange.NOT_ADDED_USER_NOT_VALID:
        return f"{step.lead_id}|{step.campaign_id}|{step.callback_user}|{step.callback_type}"
    return (
        f"{step.lead_id}|{step.campaign_id}|{step.callback_time}|{step.callback_type}|"
        f"{step.callback_user}|{step.callback_status}"
    )


def _custom_fields_line(req: UpdateLeadRequest, step: CustomFieldsStep) -> Line:
    where = f"{req.phone_number}|{step.lead_id}|{step.list_id}"
    written = f"{where}|{step.entry_list}|{step.table_list}|{step.count}"
    change = step.change
    if change is CustomFieldsChange.NO_CUSTOM_TABLE:
        return _dash("NOTICE", f"{UPDATE} {_NO_CUSTOM_TABLE}", where)
    if change is CustomFieldsChange.ENTRY_DELETED:
        reason = f"{UPDATE} CUSTOM FIELDS ENTRY DELETED"
        return _dash("NOTICE", reason, written, f"{where}|{step.count}")
    if change is CustomFieldsChange.VALUES_UPDATED:
        return _dash("NOTICE", f"{UPDATE} CUSTOM FIELDS VALUES UPDATED", written, where)
    if change is CustomFieldsChange.DISABLED:
        shown = f"{req.phone_number}|{step.lead_id}|Y|{step.setting}"
        return _dash("NOTICE", f"{UPDATE} CUSTOM FIELDS NOT ADDED, CUSTOM FIELDS DISABLED", shown)
    if change is CustomFieldsChange.NO_FIELDS:
        return _dash("NOTICE", f"{UPDATE} CUSTOM FIELDS NOT ADDED, NO FIELDS DEFINED", where)
    reason = f"{UPDATE} CUSTOM FIELDS VALUES ADDED"
    return _dash("NOTICE", reason, f"{where}|{step.count}", where)


def _hopper_line(req: UpdateLeadRequest, step: HopperStep) -> Line:
    user = req.api_user
    who = f"{req.phone_number}|{step.lead_id}"
    reason = f"{UPDATE} {_HOPPER_REASONS[step.change]}"
    if step.change is HopperChange.OUTSIDE_LOCAL_TIME:
        shown = f"{who}|{step.gmt_offset}|0"
        return _dash("NOTICE", reason, f"{shown}|{user}", f"{shown}|{step.state}")
    if step.change is HopperChange.ADDED:
        shown = f"{who}|{step.hopper_id}"
        return _dash("NOTICE", reason, f"{shown}|{user}", shown)
    if step.change in (HopperChange.REMOVED, HopperChange.NOT_REMOVED):
        shown = f"{who}|{step.status}"
        return _dash("NOTICE", reason, f"{shown}|{user}", shown)
    return _dash("NOTICE", reason, f"{who}|{user}")


# -- refusals without changes, batch_update_lead --------------------------------------------


def rejection_line(function: str, api_user: str, rejection: Rejection) -> Line:
    """The one line of a request VICIdial would crash on (everything is rolled back)."""
    reason = rejection.reason
    if reason is RejectionReason.INVALID_DATA:
        return _dash("ERROR", f"{function} INVALID DATA, NOTHING WAS CHANGED",
                     f"{api_user}|{rejection.field}")  # fmt: skip
    if reason is RejectionReason.CUSTOM_FIELDS_NOT_ADDED:
        detail = rejection.field or f"custom_{rejection.table_list}"
        problem = "CUSTOM FIELDS NOT ADDED"
    else:
        detail = rejection.field
        problem = (
            "CUSTOM FIELD NOT IN TABLE"
            if reason is RejectionReason.CUSTOM_FIELD_NOT_IN_TABLE
            else "INVALID DATA"
        )
    return _dash("ERROR", f"{function} {problem}, NOTHING WAS CHANGED",
                 f"{api_user}|{rejection.lead_id}|{detail}")  # fmt: skip


_BATCH_LIST_REFUSALS = {
    BatchRefusal.LIST_NOT_ALLOWED: "NOT AN ALLOWED LIST ID",
    BatchRefusal.LIST_NOT_DEFINED: "NOT A DEFINED LIST ID, LIST EXISTS CHECK ENABLED",
}


def batch_lines(request: BatchUpdateRequest, outcome: BatchUpdateOutcome) -> list[Line]:
    user, lead_ids = request.api_user, request.lead_ids
    refused = outcome.refused
    if refused is BatchRefusal.NO_LEADS_DEFINED:
        return [_dash("ERROR", f"{BATCH} NO LEADS DEFINED", f"{user}|", "")]
    if refused in _BATCH_LIST_REFUSALS:
        list_id = request.fields.get("list_id", "")
        reason = f"{BATCH} {_BATCH_LIST_REFUSALS[refused]}"
        return [_dash("ERROR", reason, f"{user}|{list_id}", list_id)]
    if refused is BatchRefusal.INVALID_LEAD_ID_LIST:
        reason = f"{BATCH} INVALID LEAD ID LIST, NOTHING WAS CHANGED"
        return [_dash("ERROR", reason, f"{user}|{lead_ids}", lead_ids)]
    if refused is BatchRefusal.NO_MATCHES:
        reason = f"{BATCH} NO MATCHES FOUND IN THE SYSTEM"
        return [Line("ERROR", reason, f": |{user}|{lead_ids}", lead_ids)]
    if not outcome.values_sent:
        return []  # VICIdial answers nothing at all
    found = ",".join(map(str, outcome.found_ids))
    data = f"{len(outcome.changed_ids)}|{len(outcome.found_ids)}|{found}"
    return [_dash("SUCCESS", f"{BATCH} LEADS HAVE BEEN UPDATED", f"{user}|{data}", data)]


def _print(call: Call, lines: list[Line]) -> None:
    for line in lines:
        call.reply.line(line.text)
        call.reply.log(line.result, line.reason, data=line.logged)


def _reject(call: Call, rejected: Rejected) -> NoReturn:
    """Answer VICIdial's crash cases with one clear line and roll every change back."""
    _print(call, [rejection_line(call.function, call.user_name, rejected.rejection)])
    raise Abort


def update_lead_request(call: Call) -> UpdateLeadRequest:
    remove_from_hopper = _alnum_is_y(call, "remove_from_hopper")
    non_latin = call.non_latin

    def text(name: str, filter_: Filter) -> str:
        return call.param(name, filters.for_setting(filter_, non_latin))

    return UpdateLeadRequest(
        api_user=call.user_name,
        lead_id=call.param("lead_id", filters.DIGITS),
        list_id=call.param("list_id", filters.DIGITS),
        phone_number=call.param("phone_number", filters.PHONE),
        search_method=call.param("search_method", filters.CODE),
        search_location=call.param("search_location", filters.UPPER),
        records=call.param("records", filters.DIGITS),
        fields=_fields(call, non_latin),
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
        tz_method=call.param("tz_method", filters.CODE),
        multi_alt_phones=text("multi_alt_phones", filters.MULTI_ALT_PHONES),
        callback=CallbackRequest(
            mode=call.param("callback", filters.UPPER),
            campaign_id=text("campaign_id", filters.LOGIN),
            datetime=call.param("callback_datetime", filters.CALLBACK_TEXT),
            type=call.param("callback_type", filters.UPPER),
            user=text("callback_user", filters.LOGIN),
            status=text("callback_status", filters.LOGIN),
            comments=text("callback_comments", filters.CALLBACK_COMMENTS),
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
        outcome = lead_updates.update_lead(call.uow, request, allowed_lists=call.allowed_lists)
    except Rejected as rejected:
        _reject(call, rejected)
    _print(call, update_lines(request, outcome))


def batch_update_lead(call: Call) -> None:
    _permission_checks(call)
    request = BatchUpdateRequest(
        api_user=call.user_name,
        lead_ids=call.param("lead_ids", LEAD_IDS),
        records=call.param("records", filters.DIGITS),
        fields=_fields(call, call.non_latin),
        reset_lead=_flag(call, "reset_lead"),
        list_exists_check=_list_exists_check(call),
        archived=_alnum_is_y(call, "archived_lead"),
    )
    try:
        outcome = lead_updates.batch_update_lead(
            call.uow, request, allowed_lists=call.allowed_lists
        )
    except Rejected as rejected:
        _reject(call, rejected)
    _print(call, batch_lines(request, outcome))

"""add_lead on /vicidial/non_agent_api.php and /API/lmapi.php: parameters in, VICIdial lines out.

Reading: every parameter passes its VICIdial whitelist filter (wire/filters.py), the letter
whitelists as system_settings.use_non_latin says (cached a few seconds). Checks and
writes: domain/leads/intake.py. Writing: `report` turns the outcome into VICIdial's exact lines
and api-log rows. `report` takes the function name so update_lead's insert can reuse it.
"""

from __future__ import annotations

from collections.abc import Callable

from leadgate.domain.leads import intake as lead_intake
from leadgate.domain.leads.custom_fields import CustomFieldsResult
from leadgate.domain.leads.duplicates import Match, Scope
from leadgate.domain.leads.intake import (
    AddLeadOptions,
    AddLeadOutcome,
    AddLeadRequest,
    CallbackResult,
    HopperResult,
    NotAddedCause,
    Refusal,
    Refused,
)
from leadgate.wire import filters
from leadgate.wire.common import standard_checks
from leadgate.wire.context import Call
from leadgate.wire.filters import Filter
from leadgate.wire.reply import Reply

FUNCTION = "add_lead"
LMAPI_PATH = "/API/lmapi.php"

# Text columns and the filter each passes (spec add_lead §1.1); `Letters` ones follow
# use_non_latin.
TEXT_FILTERS: dict[str, Filter] = {
    "vendor_lead_code": filters.NO_SEMI_HASH_QUOTE,
    "source_id": filters.NO_SEMI_HASH_QUOTE,
    "title": filters.TITLE,
    "first_name": filters.NAME,
    "middle_initial": filters.MIDDLE_INITIAL,
    "last_name": filters.NAME,
    "address1": filters.ADDRESS,
    "address2": filters.ADDRESS,
    "address3": filters.ADDRESS,
    "city": filters.ADDRESS,
    "state": filters.STATE,
    "province": filters.PROVINCE,
    "postal_code": filters.POSTAL_CODE,
    "country_code": filters.MIDDLE_INITIAL,
    "alt_phone": filters.ALT_PHONE,
    "email": filters.EMAIL,
    "security_phrase": filters.ADDRESS,
    "comments": filters.NO_SEMI_HASH_QUOTE,
    "owner": filters.ADDRESS,
}


class Params:
    """Request parameters as PHP sees them: `name[]=x` makes `name` the text 'Array'."""

    def __init__(self, call: Call) -> None:
        self.call = call
        params = call.request.params
        self.arrays = {key.split("[", 1)[0] for key in params if "[" in key}

    def get(self, name: str, filter_: Filter) -> str:
        if self.call.request.has(name):
            return self.call.request.get(name, filter_)
        return filter_("Array") if name in self.arrays else ""

    def raw(self, name: str) -> str | None:
        """An unfiltered value (custom fields have their own cleaning); None when not sent."""
        if self.call.request.has(name):
            return self.call.request.raw(name)
        return "Array" if name in self.arrays else None

    def has(self, name: str) -> bool:
        return self.call.request.has(name) or name in self.arrays


def read_request(call: Call, *, non_latin: bool = False) -> AddLeadRequest:
    """The request's parameters, filtered as VICIdial does under use_non_latin=`non_latin`."""
    params = Params(call)

    def flag(name: str) -> str:
        return params.get(name, filters.UPPER)

    def text(name: str, filter_: Filter) -> str:
        return params.get(name, filters.for_setting(filter_, non_latin))

    campaign_id = text("campaign_id", filters.LOGIN)
    if not params.has("campaign_id") and call.request.path == LMAPI_PATH:
        campaign_id = text("campaing", filters.LOGIN)  # the hosting vendor's spelling
    options = AddLeadOptions(
        dnc_check=flag("dnc_check"),
        campaign_dnc_check=flag("campaign_dnc_check"),
        campaign_id=campaign_id,
        duplicate_check=params.get("duplicate_check", filters.CODE),
        usacan_prefix_check=flag("usacan_prefix_check") == "Y",
        usacan_areacode_check=flag("usacan_areacode_check") == "Y",
        nanpa_ac_prefix_check=flag("nanpa_ac_prefix_check") == "Y",
        tz_method=params.get("tz_method", filters.CODE),
        lookup_state=flag("lookup_state") == "Y",
        list_exists_check="Y" in params.get("list_exists_check", filters.ALNUM).upper(),
        add_to_hopper=flag("add_to_hopper") == "Y",
        hopper_priority=params.get("hopper_priority", filters.SIGNED_DIGITS),
        hopper_local_call_time_check=flag("hopper_local_call_time_check") == "Y",
        custom_fields=params.get("custom_fields", filters.ALNUM) == "Y",
        multi_alt_phones=text("multi_alt_phones", filters.MULTI_ALT_PHONES),
        callback=flag("callback") == "Y",
        callback_status=text("callback_status", filters.LOGIN),
        callback_datetime=params.get("callback_datetime", filters.CALLBACK_TEXT),
        callback_type=flag("callback_type"),
        callback_user=text("callback_user", filters.LOGIN),
        callback_comments=text("callback_comments", filters.CALLBACK_COMMENTS),
    )
    return AddLeadRequest(
        api_user=call.param("user", filters.LOGIN),
        phone_number=params.get("phone_number", filters.PHONE),
        phone_code=params.get("phone_code", filters.DIGITS),
        list_id=params.get("list_id", filters.DIGITS),
        fields={name: text(name, filter_) for name, filter_ in TEXT_FILTERS.items()},
        gender=params.get("gender", filters.UPPER),
        date_of_birth=params.get("date_of_birth", filters.DATE),
        rank=params.get("rank", filters.DIGITS),
        entry_list_id=params.get("entry_list_id", filters.DIGITS),
        options=options,
        custom_value=params.raw,
    )


def add_lead(call: Call) -> None:
    user = call.param("user", filters.LOGIN)
    reason = "add_lead USER DOES NOT HAVE PERMISSION TO ADD LEADS TO THE SYSTEM"
    standard_checks(call, f"ERROR: {reason}: |{user}|0|", reason, "0")
    request = read_request(call, non_latin=call.non_latin)
    outcome = lead_intake.add_lead(call.uow, request, allowed_lists=call.allowed_lists)
    report(call.reply, FUNCTION, request, outcome, echo_alt_phones=alt_phone_echo(call))


def alt_phone_echo(call: Call) -> bool:
    """VICIdial's debug echo before the multi-alt-phone NOTICE (quirk Q2; on unless disabled)."""
    return call.settings.add_lead_alt_phone_echo


# -- the answer -----------------------------------------------------------------------------


def report(
    reply: Reply,
    function: str,
    request: AddLeadRequest,
    outcome: AddLeadOutcome,
    *,
    echo_alt_phones: bool = True,
) -> None:
    """Every line of an add_lead answer, each with its vicidial_api_log row, in order."""
    say = _Sayer(reply, function)
    user = request.api_user
    phone, list_id = outcome.phone_number, outcome.list_id
    if outcome.nanpa_rows is not None:
        say("NOTICE", "NANPA options disabled, NANPA prefix data not loaded",
            f"{outcome.nanpa_rows}|{user}", data="|")  # fmt: skip
    if outcome.refused is not None:
        _report_refusal(say, request, outcome, outcome.refused)
        return
    lead_id = outcome.lead_id
    gmt_text = outcome.gmt.text if outcome.gmt is not None else ""
    say("SUCCESS", "LEAD HAS BEEN ADDED", f"{phone}|{list_id}|{lead_id}|{gmt_text}|{user}",
        data=f"{phone}|{list_id}|{lead_id}|{gmt_text}")  # fmt: skip
    if outcome.alt_phones is not None:
        if echo_alt_phones:
            reply.echo("".join(f"{n}|{c}|{note}" for n, c, note in outcome.alt_phones.records))
        inserted = outcome.alt_phones.inserted
        say("NOTICE", "MULTI-ALT-PHONE NUMBERS LOADED", f"{inserted}|{lead_id}|{user}",
            data=f"{inserted}|{lead_id}")  # fmt: skip
    _report_custom_fields(say, outcome)
    _report_hopper(say, outcome, user)
    _report_callback(say, request, outcome)


class _Sayer:
    """Prints `RESULT: <function> REASON - details` and logs the same call."""

    def __init__(self, reply: Reply, function: str) -> None:
        self.reply, self.function = reply, function

    def __call__(self, result: str, reason: str, details: str, *, data: str | None = None) -> None:
        full_reason = f"{self.function} {reason}"
        self.reply.line(f"{result}: {full_reason} - {details}")
        self.reply.log(result, full_reason, data=details if data is None else data)


_PHONE_REASONS = {
    "LENGTH": "INVALID PHONE NUMBER LENGTH",
    "PREFIX": "INVALID PHONE NUMBER PREFIX",
    "AREACODE": "INVALID PHONE NUMBER AREACODE",
    "NANPA AREACODE PREFIX": "INVALID PHONE NUMBER NANPA AREACODE PREFIX",
}
_SCOPE_WORDS = {Scope.LIST: "IN LIST", Scope.CAMP: "IN CAMPAIGN LISTS", Scope.SYS: "IN SYSTEM"}


def _report_refusal(
    say: Callable[..., None], request: AddLeadRequest, outcome: AddLeadOutcome, refused: Refused
) -> None:
    user, phone, list_id = request.api_user, outcome.phone_number, outcome.list_id
    refusal = refused.refusal
    if refusal is Refusal.NOT_ALLOWED_LIST:
        say("ERROR", "NOT AN ALLOWED LIST ID", f"{phone}|{list_id}")
    elif refusal is Refusal.LIST_NOT_DEFINED:
        say("ERROR", "NOT A DEFINED LIST ID, LIST EXISTS CHECK ENABLED", f"{phone}|{list_id}")
    elif refusal is Refusal.INVALID_PHONE:
        assert refused.phone_problem is not None
        say("ERROR", _PHONE_REASONS[refused.phone_problem.value], f"{phone}|{user}", data=phone)
    elif refusal is Refusal.DNC:
        say("ERROR", "PHONE NUMBER IN DNC", f"{phone}|{user}", data=phone)
    elif refusal is Refusal.CAMPAIGN_DNC:
        campaign = request.options.campaign_id
        say("ERROR", "PHONE NUMBER IN CAMPAIGN DNC", f"{phone}|{campaign}|{user}",
            data=f"{phone}|{campaign}")  # fmt: skip
    elif refusal is Refusal.DUPLICATE:
        reason, details = duplicate_message(request, outcome, refused)
        say("ERROR", reason, details)
    else:
        # No VICIdial line exists: its SQL failed (an empty HTTP 500). Same field count as its
        # insert-failure line, a short description instead of SQL (spec quirk Q8).
        assert refused.cause is not None
        description = _NOT_ADDED_DESCRIPTIONS[refused.cause]
        say("ERROR", "LEAD HAS NOT BEEN ADDED", f"{phone}|{list_id}|{description}|{user}",
            data=f"{phone}|{list_id}|{description}")  # fmt: skip


_NOT_ADDED_DESCRIPTIONS = {
    NotAddedCause.QUOTE_IN_COMPARED_VALUE:
        "DUPLICATE CHECK NOT POSSIBLE WITH A QUOTE IN THE COMPARED VALUES",
    NotAddedCause.CAMPAIGN_LIST_NOT_DEFINED:
        "CAMPAIGN DUPLICATE CHECK NOT POSSIBLE, LIST NOT DEFINED",
    NotAddedCause.BACKSLASH_AT_END: "VALUE ENDS WITH A BACKSLASH",
}  # fmt: skip


def duplicate_message(
    request: AddLeadRequest, outcome: AddLeadOutcome, refused: Refused
) -> tuple[str, str]:
    """The reason and details of a duplicate ERROR line (spec add_lead §5.3)."""
    found = refused.duplicate
    assert found is not None
    check = found.check
    phone, list_id = outcome.phone_number, outcome.list_id
    lead, dup_list = found.lead_id, found.list_id
    scope = _SCOPE_WORDS[check.scope]
    tail = "" if check.scope is Scope.LIST else f"|{dup_list}"
    if check.match is Match.PHONE:
        return f"DUPLICATE PHONE NUMBER {scope}", f"{phone}|{list_id}|{lead}{tail}"
    if check.match is Match.PHONE_OR_ALT:
        return f"DUPLICATE PHONE NUMBER {scope}", f"{phone}|{list_id}|{lead}{tail}|{found.via}"
    if check.match is Match.TITLE_ALT:
        title, alt = request.text("title"), request.text("alt_phone")
        return f"DUPLICATE TITLE ALT_PHONE {scope}", f"{title}|{alt}|{list_id}|{lead}{tail}"
    first, last = request.text("first_name"), request.text("last_name")
    return f"DUPLICATE NAME PHONE {scope}", f"{first}|{last}|{phone}|{list_id}|{lead}{tail}"


def _report_custom_fields(say: Callable[..., None], outcome: AddLeadOutcome) -> None:
    custom = outcome.custom_fields
    if custom is None:
        return
    phone, lead_id, list_id = outcome.phone_number, outcome.lead_id, outcome.list_id
    base = f"{phone}|{lead_id}|{list_id}"
    result = custom.result
    if result is CustomFieldsResult.ADDED:
        say("NOTICE", "CUSTOM FIELDS VALUES ADDED", f"{base}|{custom.entry_list_updates}",
            data=base)  # fmt: skip
    elif result is CustomFieldsResult.NOTHING_STORED:
        say("NOTICE", "CUSTOM FIELDS NOT ADDED, NO FIELDS TO UPDATE DEFINED", base)
    elif result is CustomFieldsResult.NO_FIELDS:
        say("NOTICE", "CUSTOM FIELDS NOT ADDED, NO FIELDS DEFINED", base)
    elif result is CustomFieldsResult.NO_TABLE:
        say("NOTICE", "CUSTOM FIELDS NOT ADDED, NO CUSTOM FIELDS DEFINED FOR THIS LIST", base)
    else:
        say("NOTICE", "CUSTOM FIELDS NOT ADDED, CUSTOM FIELDS DISABLED",
            f"{phone}|{lead_id}|Y|{custom.setting}")  # fmt: skip


def _report_hopper(say: Callable[..., None], outcome: AddLeadOutcome, user: str) -> None:
    hopper = outcome.hopper
    if hopper is None:
        return
    phone, lead_id = outcome.phone_number, outcome.lead_id
    if hopper.result is HopperResult.OUTSIDE_CALL_TIME:
        gmt_text = outcome.gmt.text if outcome.gmt is not None else ""
        say("NOTICE", "NOT ADDED TO HOPPER, OUTSIDE OF LOCAL TIME",
            f"{phone}|{lead_id}|{gmt_text}|0|{user}",
            data=f"{phone}|{lead_id}|{gmt_text}|0|{outcome.state}")  # fmt: skip
    else:
        say("NOTICE", "ADDED TO HOPPER", f"{phone}|{lead_id}|{hopper.hopper_id}|{user}",
            data=f"{phone}|{lead_id}|{hopper.hopper_id}")  # fmt: skip


def _report_callback(
    say: Callable[..., None], request: AddLeadRequest, outcome: AddLeadOutcome
) -> None:
    callback = outcome.callback
    if callback is None:
        return
    lead_id, campaign = outcome.lead_id, request.options.campaign_id
    if callback.result is CallbackResult.CAMPAIGN_NOT_VALID:
        say("NOTICE", "SCHEDULED CALLBACK NOT ADDED, CAMPAIGN NOT VALID", f"{lead_id}|{campaign}")
    elif callback.result is CallbackResult.USER_NOT_VALID:
        say("NOTICE", "SCHEDULED CALLBACK NOT ADDED, USER NOT VALID",
            f"{lead_id}|{campaign}|{callback.callback_user}|{callback.callback_type}")  # fmt: skip
    else:
        say("NOTICE", "SCHEDULED CALLBACK ADDED",
            f"{lead_id}|{campaign}|{callback.callback_time}|{callback.callback_type}|"
            f"{callback.callback_user}|{callback.callback_status}")  # fmt: skip

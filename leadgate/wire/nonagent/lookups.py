"""Lead look-ups on the Non-Agent API: lead_search, lead_all_info, lead_field_info,
lead_callback_info, lead_status_search (spec lead_lookup.md).

Successful answers are bare data rows; only errors carry `ERROR:`. Where VICIdial crashes with an
empty HTTP 500 (custom table or custom fields missing, unknown field name, a number list with no
valid number) leadgate answers with an ERROR line and changes nothing; archived_lead=Y searches
vicidial_list_archive, which leadgate always has (stock VICIdial does not, and crashes).
"""

from __future__ import annotations

from typing import NoReturn

from leadgate.domain.leads import search
from leadgate.domain.leads.search import (
    AllInfoRequest,
    CallbackInfoRequest,
    FieldInfoRequest,
    LeadInfo,
    LeadSearchRequest,
    ListMissing,
    LookupRefusal,
    StatusSearchRequest,
)
from leadgate.wire import filters
from leadgate.wire.common import standard_checks
from leadgate.wire.context import Call, Finished

# The most rows one lead_search may return (VICIdial's `records`, default 1000).
MAX_RECORDS = 2**31 - 1

INFO_HEADER = (*search.INFO_COLUMNS, "lead_id")
CALLBACK_HEADER = (
    "lead_id", "callback_type", "recipient", "callback_status", "lead_status", "callback_date",
    "entry_date", "user", "list_id", "campaign_id", "user_group", "customer_timezone",
    "customer_time", "comments",
)  # fmt: skip
NO_LEAD_INFO = "USER DOES NOT HAVE PERMISSION TO GET LEAD INFO"


def request_user(call: Call) -> str:
    """The user name as sent (VICIdial echoes the request's spelling, not the row's)."""
    return call.param("user", filters.LOGIN)


def delimiter(stage: str) -> tuple[str, str]:
    """The field separator for `stage`, and the stage name as logged (default pipe)."""
    separators = {"csv": ",", "tab": "\t", "newline": "\n", "pipe": "|"}
    if stage in separators:
        return separators[stage], stage
    return "|", "pipe"


def fail(call: Call, reason: str, line: str, data: str) -> NoReturn:
    """Print an ERROR line, log it and stop."""
    call.reply.line(line)
    call.reply.log("ERROR", reason, data=data)
    raise Finished


def lead_info_checks(call: Call) -> None:
    """Source, allow-list and capability checks with the "GET LEAD INFO" permission line."""
    user = request_user(call)
    reason = f"{call.function} {NO_LEAD_INFO}"
    standard_checks(call, f"ERROR: {reason}: |{user}|0|", reason, "0")


def archived(call: Call) -> bool:
    return call.param("archived_lead", filters.ALNUM) == "Y"


def restricts_lists(call: Call) -> bool:
    """vicidial_users.api_list_restrict > 0, read for every function."""
    assert call.user is not None
    flag = call.user.flag("api_list_restrict")
    return flag.isdigit() and int(flag) > 0


def user_group(call: Call) -> str:
    assert call.user is not None
    return call.user.user_group


# -- lead_search ----------------------------------------------------------------------------------


def lead_search(call: Call) -> None:
    user = request_user(call)
    reason = "lead_search USER DOES NOT HAVE PERMISSION TO SEARCH FOR LEADS"
    standard_checks(call, f"ERROR: {reason}: |{user}|0|", reason, "0")
    request = LeadSearchRequest(
        search_method=call.param("search_method", filters.LOGIN),
        lead_id=call.param("lead_id", filters.DIGITS),
        lead_ids=call.param("lead_ids", filters.PHONE),
        vendor_lead_code=call.param("vendor_lead_code", filters.NO_SEMI_HASH_QUOTE),
        phone_number=call.param("phone_number", filters.PHONE),
        list_id=call.param("list_id", filters.DIGITS),
        search_location=call.param("search_location", filters.UPPER),
        records=_records(call),
        archived=archived(call),
    )
    outcome = search.lead_search(call.uow, request, allowed_lists=call.allowed_lists)
    lead_id, vendor_lead_code, phone_number = (
        request.lead_id, request.vendor_lead_code, request.phone_number,
    )  # fmt: skip
    plan = outcome.plan
    if outcome.refusal is LookupRefusal.NO_VALID_SEARCH_METHOD:
        data = (
            f"{plan.method}|{lead_id}({int(plan.by_lead_id)})|"
            f"{vendor_lead_code}({int(plan.by_vendor_code)})|{phone_number}({int(plan.by_phone)})"
        )
        reason = "lead_search NO VALID SEARCH METHOD"
        fail(call, reason, f"ERROR: {reason} - {user}|{data}", data)
    if outcome.refusal is LookupRefusal.LIST_NOT_ALLOWED:
        reason = "lead_search NOT AN ALLOWED LIST ID"
        data = f"{phone_number}|{request.list_id}"
        fail(call, reason, f"ERROR: {reason} - {data}", data)
    if outcome.refusal is not None:
        reason = "lead_search NO MATCHES FOUND IN THE SYSTEM"
        data = f"{lead_id}|{vendor_lead_code}|{phone_number}"
        fail(call, reason, f"ERROR: {reason}: |{user}|{data}", data)
    if call.param("header", filters.ALNUM) == "YES":
        # VICIdial's header has no separators (its delimiter variable is unset here).
        call.reply.line("search_keyrecords_foundlead_ids")
    for line in outcome.lines:
        call.reply.line(f"{line.key}|{len(line.lead_ids)}|{'-'.join(map(str, line.lead_ids))}")
    call.reply.log(
        "SUCCESS", "lead_search LEADS FOUND IN THE SYSTEM",
        data=f"{lead_id}|{vendor_lead_code}|{phone_number}|{outcome.found}",
    )  # fmt: skip


def _records(call: Call) -> int:
    records = call.param("records", filters.DIGITS)
    if not records:
        return 1000
    # Compare lengths first: int() refuses very long digit strings.
    return MAX_RECORDS if len(records) > 10 else min(int(records), MAX_RECORDS)


# -- lead_all_info --------------------------------------------------------------------------------


def lead_all_info(call: Call) -> None:
    lead_info_checks(call)
    user = request_user(call)
    request = AllInfoRequest(
        user_group=user_group(call),
        lead_id=call.param("lead_id", filters.DIGITS),
        phone_number=call.param("phone_number", filters.PHONE),
        archived=archived(call),
        custom_fields=call.param("custom_fields", filters.ALNUM) == "Y",
        force_entry_list_id=call.param("force_entry_list_id", filters.DIGITS),
    )
    separator, stage = delimiter(call.param("stage", filters.LOGIN))
    outcome = search.lead_all_info(call.uow, request)
    base_data = f"{user}|{request.lead_id}|{request.phone_number}"
    if outcome.refusal is LookupRefusal.CUSTOM_FIELDS_NOT_FOUND:
        reason = "lead_all_info CUSTOM FIELDS NOT FOUND"
        data = f"{base_data}|{outcome.detail}"
        fail(call, reason, f"ERROR: {reason}: {data}", data)
    if outcome.refusal is not None:
        not_found = "lead_all_info LEAD NOT FOUND"
        fail(call, not_found, f"ERROR: {not_found}: {base_data}", base_data)
    _print_all_info(call, outcome.items, separator, stage, base_data)


def _print_all_info(
    call: Call,
    items: tuple[LeadInfo | ListMissing, ...],
    separator: str,
    stage: str,
    base_data: str,
) -> None:
    header = call.param("header", filters.ALNUM) == "YES"
    output = ""
    missing: list[str] = []
    for item in items:
        if isinstance(item, ListMissing):
            missing.append(item.list_id)
            if restricts_lists(call):
                reason = "lead_all_info LIST NOT FOUND"
                call.reply.line(f"ERROR: {reason}: {base_data}")
                call.reply.log("ERROR", reason, data=base_data)
            continue
        labels = [label for label, _ in item.custom]
        if header:
            output += separator.join((*INFO_HEADER, *labels)) + "\n"
        output += separator.join((*item.values, *(value for _, value in item.custom))) + "\n"
        # VICIdial logs the output accumulated so far with every lead.
        call.reply.log("SUCCESS", f"lead_all_info {output}", data=f"{base_data}|{stage}")
    if len(output) > 10:
        call.reply.echo(output)
    elif missing:
        reason = "lead_all_info LIST NOT FOUND"
        data = f"{base_data}|{missing[-1]}"
        fail(call, reason, f"ERROR: {reason}: {data}", data)


# -- lead_field_info ------------------------------------------------------------------------------


def lead_field_info(call: Call) -> None:
    lead_info_checks(call)
    user = request_user(call)
    custom_fields = call.param("custom_fields", filters.ALNUM) == "Y"
    request = FieldInfoRequest(
        user_group=user_group(call),
        lead_id=call.param("lead_id", filters.DIGITS),
        field_name=call.param("field_name", filters.LOGIN),
        archived=archived(call),
        custom_fields=custom_fields,
        list_id=call.param("list_id", filters.LOGIN) if custom_fields else "",
    )
    outcome = search.lead_field_info(call.uow, request)
    lead_id = request.lead_id
    if outcome.refusal is LookupRefusal.INVALID_SEARCH_PARAMETERS:
        reason = "lead_field_info INVALID SEARCH PARAMETERS"
        data = f"{user}|{lead_id}|{request.field_name}"
        fail(call, reason, f"ERROR: {reason}: {data}", data)
    if outcome.refusal is LookupRefusal.LIST_NOT_FOUND:
        reason = "lead_field_info LIST NOT FOUND"
        data = f"{user}|{lead_id}|{outcome.list_id}"
        fail(call, reason, f"ERROR: {reason}: {data}", data)
    if outcome.refusal is not None:
        what = "LEAD" if outcome.refusal is LookupRefusal.LEAD_NOT_FOUND else "LIST FIELD"
        reason = f"lead_field_info {what} NOT FOUND"
        fail(call, reason, f"ERROR: {reason}: {user}|{lead_id}", f"{user}|{lead_id}")
    call.reply.echo(outcome.value)  # the raw value alone, no newline
    stage = call.param("stage", filters.LOGIN)
    call.reply.log("SUCCESS", f"lead_field_info {outcome.value}", data=f"{user}|{lead_id}|{stage}")


# -- lead_callback_info ---------------------------------------------------------------------------


def lead_callback_info(call: Call) -> None:
    lead_info_checks(call)
    user = request_user(call)
    request = CallbackInfoRequest(
        user_group=user_group(call),
        lead_id=call.param("lead_id", filters.DIGITS),
        location=call.param("search_location", filters.UPPER),
        restrict_lists=restricts_lists(call),
    )
    lead_id = request.lead_id
    separator, stage = delimiter(call.param("stage", filters.LOGIN))
    header = call.param("header", filters.ALNUM)
    outcome = search.lead_callback_info(call.uow, request)
    if outcome.refusal is LookupRefusal.INVALID_SEARCH_PARAMETERS:
        reason = "lead_callback_info INVALID SEARCH PARAMETERS"
        fail(call, reason, f"ERROR: {reason}: {user}|{lead_id}", f"{user}|{lead_id}")
    if outcome.refusal is not None:
        reason = "lead_callback_info LEAD NOT FOUND"
        fail(call, reason, f"ERROR: {reason}: |{user}|1|", "1")
    output = separator.join(CALLBACK_HEADER) + "\n" if header == "YES" else ""
    for row in outcome.rows:
        output += separator.join((lead_id, row.source, *row.values)) + "\n"
    data = f"{user}|{lead_id}|{stage}|{request.location}"
    # The header alone is about 160 characters: more than 170 means at least one row.
    found = (header in ("NO", "") and len(output) > 10) or (header == "YES" and len(output) > 170)
    if not found:
        reason = "lead_callback_info CALLBACK NOT FOUND"
        fail(call, reason, f"ERROR: {reason}: {data}", data)
    call.reply.echo(output)
    call.reply.log("SUCCESS", f"lead_callback_info {output}", data=data)


# -- lead_status_search ---------------------------------------------------------------------------


def lead_status_search(call: Call) -> None:
    lead_info_checks(call)
    user = request_user(call)
    request = StatusSearchRequest(
        user_group=user_group(call),
        status=call.param("status", filters.LOGIN),
        day=call.param("date", filters.DATE),
        lead_id=call.param("lead_id", filters.DIGITS),
        archived=archived(call),
        restrict_lists=restricts_lists(call),
        custom_fields=call.param("custom_fields", filters.ALNUM) == "Y",
    )
    outcome = search.lead_status_search(call.uow, request)
    status, lead_id = request.status, request.lead_id
    if outcome.refusal is LookupRefusal.INVALID_SEARCH_PARAMETERS:
        reason = "lead_status_search INVALID SEARCH PARAMETERS"
        data = f"{user}|{status}|{request.day}|{lead_id}"
        fail(call, reason, f"ERROR: {reason}: {data}", data)
    if outcome.refusal is not None:
        reason = "lead_status_search NO RESULTS FOUND"
        data = f"{user}|{lead_id}|{status}|"
        fail(call, reason, f"ERROR: {reason}: {data}", data)
    output = ""
    for number, record in enumerate(outcome.records, start=1):
        output += f";---------- START OF RECORD {number} ----------\n"
        output += f"lead_id => {record.lead_id}\n"
        for name, value in zip(search.INFO_COLUMNS, record.values, strict=True):
            output += f"{name} => {value}\n"
        for label, value in record.custom:
            output += f"{label} => {value}\n"
    call.reply.echo(output)
    stage = call.param("stage", filters.LOGIN)
    call.reply.log("SUCCESS", f"lead_status_search {output}", data=f"{user}|{lead_id}|{stage}")

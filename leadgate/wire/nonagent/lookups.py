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
from leadgate.domain.leads.search import LeadInfo, ListMissing, LookupProblem, as_id
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


def campaigns_of(call: Call, all_marker: str) -> frozenset[str] | None:
    assert call.user is not None
    return search.allowed_campaigns(call.conn, call.user.user_group, all_marker=all_marker)


# -- lead_search ----------------------------------------------------------------------------------


def lead_search(call: Call) -> None:
    user = request_user(call)
    reason = "lead_search USER DOES NOT HAVE PERMISSION TO SEARCH FOR LEADS"
    standard_checks(call, f"ERROR: {reason}: |{user}|0|", reason, "0")
    lead_id = call.param("lead_id", filters.DIGITS)
    vendor_lead_code = call.param("vendor_lead_code", filters.NO_SEMI_HASH_QUOTE)
    phone_number = call.param("phone_number", filters.PHONE)
    list_id = call.param("list_id", filters.DIGITS)
    plan = search.plan_search(
        call.param("search_method", filters.LOGIN), lead_id,
        call.param("lead_ids", filters.PHONE), vendor_lead_code, phone_number,
    )  # fmt: skip
    if not plan.valid:
        data = (
            f"{plan.method}|{lead_id}({int(plan.by_lead_id)})|"
            f"{vendor_lead_code}({int(plan.by_vendor_code)})|{phone_number}({int(plan.by_phone)})"
        )
        reason = "lead_search NO VALID SEARCH METHOD"
        fail(call, reason, f"ERROR: {reason} - {user}|{data}", data)
    list_number = as_id(list_id)
    if (
        call.allowed_lists is not None
        and list_number is not None
        and list_number >= 99
        and list_id not in call.allowed_lists
    ):
        reason = "lead_search NOT AN ALLOWED LIST ID"
        data = f"{phone_number}|{list_id}"
        fail(call, reason, f"ERROR: {reason} - {data}", data)
    scope = search.search_scope(call.conn, call.param("search_location", filters.UPPER), list_id)
    result = search.run_search(call.conn, plan, scope, _records(call), archived(call))
    if result.found < 1:
        reason = "lead_search NO MATCHES FOUND IN THE SYSTEM"
        data = f"{lead_id}|{vendor_lead_code}|{phone_number}"
        fail(call, reason, f"ERROR: {reason}: |{user}|{data}", data)
    if call.param("header", filters.ALNUM) == "YES":
        # VICIdial's header has no separators (its delimiter variable is unset here).
        call.reply.line("search_keyrecords_foundlead_ids")
    for line in result.lines:
        call.reply.line(f"{line.key}|{len(line.lead_ids)}|{'-'.join(map(str, line.lead_ids))}")
    call.reply.log(
        "SUCCESS", "lead_search LEADS FOUND IN THE SYSTEM",
        data=f"{lead_id}|{vendor_lead_code}|{phone_number}|{result.found}",
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
    lead_id = call.param("lead_id", filters.DIGITS)
    phone_number = call.param("phone_number", filters.PHONE)
    phone_ok = 6 <= len(phone_number) <= 19
    not_found = "lead_all_info LEAD NOT FOUND"
    base_data = f"{user}|{lead_id}|{phone_number}"
    if not lead_id and not phone_ok:
        fail(call, not_found, f"ERROR: {not_found}: {base_data}", base_data)
    separator, stage = delimiter(call.param("stage", filters.LOGIN))
    try:
        result = search.all_info(
            call.conn,
            lead_id=lead_id,
            phone_number=phone_number,
            archived=archived(call),
            campaigns=campaigns_of(call, "ALL-CAMPAIGNS"),
            custom_fields=call.param("custom_fields", filters.ALNUM) == "Y",
            force_entry_list_id=call.param("force_entry_list_id", filters.DIGITS),
        )
    except LookupProblem as problem:
        reason = f"lead_all_info {problem.what}"
        data = f"{base_data}|{problem.detail}"
        fail(call, reason, f"ERROR: {reason}: {data}", data)
    if result.leads_found < 1:
        fail(call, not_found, f"ERROR: {not_found}: {base_data}", base_data)
    _print_all_info(call, result.items, separator, stage, base_data)


def _print_all_info(
    call: Call, items: list[LeadInfo | ListMissing], separator: str, stage: str, base_data: str
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
    lead_id = call.param("lead_id", filters.DIGITS)
    field_name = call.param("field_name", filters.LOGIN)
    if not (0 < len(lead_id) < 12 and field_name):
        reason = "lead_field_info INVALID SEARCH PARAMETERS"
        data = f"{user}|{lead_id}|{field_name}"
        fail(call, reason, f"ERROR: {reason}: {data}", data)
    number = int(lead_id)
    from_archive = archived(call)
    lead = search.field_lead(call.conn, number, from_archive)
    if lead is None:
        reason = "lead_field_info LEAD NOT FOUND"
        fail(call, reason, f"ERROR: {reason}: {user}|{lead_id}", f"{user}|{lead_id}")
    if not search.list_visible(call.conn, lead.list_id, campaigns_of(call, "-ALL")):
        reason = "lead_field_info LIST NOT FOUND"
        data = f"{user}|{lead_id}|{lead.list_id}"
        fail(call, reason, f"ERROR: {reason}: {data}", data)
    try:
        if call.param("custom_fields", filters.ALNUM) == "Y":
            list_id = call.param("list_id", filters.LOGIN)
            table_list = list_id if len(list_id) > 1 else lead.entry_list_id
            value = search.custom_field(call.conn, number, field_name, table_list)
        else:
            value = search.standard_field(call.conn, number, field_name, from_archive)
    except LookupProblem:
        reason = "lead_field_info LIST FIELD NOT FOUND"
        fail(call, reason, f"ERROR: {reason}: {user}|{lead_id}", f"{user}|{lead_id}")
    call.reply.echo(value)  # the raw value alone, no newline
    stage = call.param("stage", filters.LOGIN)
    call.reply.log("SUCCESS", f"lead_field_info {value}", data=f"{user}|{lead_id}|{stage}")


# -- lead_callback_info ---------------------------------------------------------------------------


def lead_callback_info(call: Call) -> None:
    lead_info_checks(call)
    user = request_user(call)
    lead_id = call.param("lead_id", filters.DIGITS)
    if not 0 < len(lead_id) < 12:
        reason = "lead_callback_info INVALID SEARCH PARAMETERS"
        fail(call, reason, f"ERROR: {reason}: {user}|{lead_id}", f"{user}|{lead_id}")
    campaigns = campaigns_of(call, "ALL-CAMPAIGNS")
    check_lists = campaigns is not None and restricts_lists(call)
    separator, stage = delimiter(call.param("stage", filters.LOGIN))
    header = call.param("header", filters.ALNUM)
    location = call.param("search_location", filters.UPPER)
    output = separator.join(CALLBACK_HEADER) + "\n" if header == "YES" else ""
    for row in search.lead_callbacks(call.conn, int(lead_id), location):
        if check_lists and not search.list_visible(call.conn, row.list_id, campaigns):
            reason = "lead_callback_info LEAD NOT FOUND"
            fail(call, reason, f"ERROR: {reason}: |{user}|1|", "1")
        output += separator.join((lead_id, row.source, *row.values)) + "\n"
    data = f"{user}|{lead_id}|{stage}|{location}"
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
    status = call.param("status", filters.LOGIN)
    day = call.param("date", filters.DATE)
    lead_id = call.param("lead_id", filters.DIGITS)
    if not (lead_id or (status and len(day) == 10)):
        reason = "lead_status_search INVALID SEARCH PARAMETERS"
        data = f"{user}|{status}|{day}|{lead_id}"
        fail(call, reason, f"ERROR: {reason}: {data}", data)
    records = search.status_search(
        call.conn,
        status=status,
        day=day,
        lead_id=lead_id,
        archived=archived(call),
        campaigns=campaigns_of(call, "-ALL"),
        restrict_lists=restricts_lists(call),
        custom_fields=call.param("custom_fields", filters.ALNUM) == "Y",
    )
    if not records:
        reason = "lead_status_search NO RESULTS FOUND"
        data = f"{user}|{lead_id}|{status}|"
        fail(call, reason, f"ERROR: {reason}: {data}", data)
    output = ""
    for number, record in enumerate(records, start=1):
        output += f";---------- START OF RECORD {number} ----------\n"
        output += f"lead_id => {record.lead_id}\n"
        for name, value in zip(search.INFO_COLUMNS, record.values, strict=True):
            output += f"{name} => {value}\n"
        for label, value in record.custom:
            output += f"{label} => {value}\n"
    call.reply.echo(output)
    stage = call.param("stage", filters.LOGIN)
    call.reply.log("SUCCESS", f"lead_status_search {output}", data=f"{user}|{lead_id}|{stage}")

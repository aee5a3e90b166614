"""Lead look-ups: which leads match, what they hold, which callbacks they have.

The rules are VICIdial's (non_agent_api.php lead_search, lead_all_info, lead_field_info,
lead_callback_info, lead_status_search). Each operation takes the unit of work and a typed
request and returns a typed outcome: the records found, or a `LookupRefusal`; the wire layer
words them. Where VICIdial crashes on a database error (a missing custom table, an unknown
column, an empty IN list) the outcome is a refusal instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import Connection

from leadgate.storage import custom_tables
from leadgate.storage.leads import search as store
from leadgate.storage.unit_of_work import UnitOfWork

MAX_ID = store.MAX_ID
INFO_COLUMNS = store.INFO_COLUMNS


class LookupRefusal(Enum):
    """Why a look-up answers no records."""

    NO_VALID_SEARCH_METHOD = "no valid search method"
    LIST_NOT_ALLOWED = "list not allowed"  # api_list_restrict
    NO_MATCHES = "no matches"
    INVALID_SEARCH_PARAMETERS = "invalid search parameters"
    LEAD_NOT_FOUND = "lead not found"
    LIST_NOT_FOUND = "list not found"  # the lead's list is missing or not visible
    CUSTOM_FIELDS_NOT_FOUND = "custom fields not found"  # VICIdial would crash
    FIELD_NOT_FOUND = "field not found"  # VICIdial would crash on an unknown column


class _Missing(Exception):
    """Internal: a table or column VICIdial's SQL would crash on; `detail` names it."""

    def __init__(self, refusal: LookupRefusal, detail: str = "") -> None:
        super().__init__(refusal.value)
        self.refusal = refusal
        self.detail = detail


# -- values as VICIdial prints them --------------------------------------------------------------


def as_text(value: Any) -> str:
    """A column value the way PHP prints a MySQL result: NULL is empty, dates ISO."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def as_id(text: str) -> int | None:
    """A digits-only id as an int, or None when empty or too large for any database."""
    if not text or not text.isdigit() or len(text) > len(str(MAX_ID)):
        return None
    number = int(text)
    return number if number <= MAX_ID else None


_PHP_NUMERIC = re.compile(r"\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*")


def php_equal(left: str, right: str) -> bool:
    """PHP 8's `==` on two strings: numerically when both are numeric strings."""
    if _PHP_NUMERIC.fullmatch(left) and _PHP_NUMERIC.fullmatch(right):
        return float(left) == float(right)
    return left == right


def allowed_campaigns(
    conn: Connection, user_group: str, *, all_marker: str
) -> frozenset[str] | None:
    """The campaigns a user group may see; None = all of them.

    `all_marker` is the text whose presence means "all" (lead_all_info and lead_callback_info
    look for ALL-CAMPAIGNS, the other functions for -ALL). A missing group allows nothing.
    """
    raw = store.group_allowed_campaigns(conn, user_group)
    if raw is not None and all_marker.lower() in raw.lower():
        return None
    text = re.sub(r"\s-", "", raw or "")
    return frozenset(re.split(r"\s", text))


# -- lead_search ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class SearchPlan:
    """What a lead_search request asks for, after VICIdial's validity rules."""

    method: str
    by_lead_id: bool = False
    by_vendor_code: bool = False
    by_phone: bool = False
    lead_ids: tuple[str, ...] = ()
    vendor_codes: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()

    @property
    def valid(self) -> bool:
        return self.by_lead_id or self.by_vendor_code or self.by_phone


def plan_search(
    method: str, lead_id: str, lead_ids: str, vendor_lead_code: str, phone_number: str
) -> SearchPlan:
    """Which keys to search; values that VICIdial skips (short phones, empty codes) drop out."""
    if len(method) < 6:
        method = "PHONE_NUMBER"
    by_lead_id = "LEAD_ID" in method and len(lead_id) > 0
    by_vendor = "VENDOR_LEAD_CODE" in method and len(vendor_lead_code) > 0
    by_phone = "PHONE_NUMBER" in method and len(phone_number) > 5
    # VICIdial reads the id list from lead_ids; a lone lead_id is the obvious fallback.
    id_source = lead_ids or lead_id
    return SearchPlan(
        method=method,
        by_lead_id=by_lead_id,
        by_vendor_code=by_vendor,
        by_phone=by_phone,
        lead_ids=tuple(t for t in id_source.split(",") if t) if by_lead_id else (),
        vendor_codes=tuple(t for t in vendor_lead_code.split(",") if t) if by_vendor else (),
        phones=tuple(t for t in phone_number.split(",") if 5 < len(t) < 19) if by_phone else (),
    )


def search_scope(conn: Connection, location: str, list_id: str) -> list[int] | None:
    """The list ids a search is limited to (None = the whole system)."""
    number = as_id(list_id)
    if len(location) < 4 or number is None or number < 99 or len(list_id) < 3:
        return None
    scope: list[int] | None = None
    if "CAMPAIGN" in location.upper():
        scope = store.sibling_list_ids(conn, number)
    if "LIST" in location.upper():
        scope = [number]
    return scope


@dataclass(frozen=True)
class SearchLine:
    key: str
    lead_ids: tuple[int, ...]


@dataclass(frozen=True)
class SearchResult:
    found: int
    lines: tuple[SearchLine, ...]


def run_search(
    conn: Connection, plan: SearchPlan, scope: list[int] | None, records: int, archived: bool
) -> SearchResult:
    """Search by lead id, else vendor code, else phone; one line per requested key."""
    hits: list[tuple[str, int]] = []
    if plan.by_lead_id:
        ids = [i for i in (as_id(t) for t in plan.lead_ids) if i is not None]
        hits = _hits(conn, "lead_id", ids, scope, records, archived)
    if plan.by_vendor_code and not hits:
        hits = _hits(conn, "vendor_lead_code", list(plan.vendor_codes), scope, records, archived)
    if plan.by_phone and not hits:
        hits = _hits(conn, "phone_number", list(plan.phones), scope, records, archived)
    lines = [_line(key, hits) for key in (*plan.lead_ids, *plan.phones, *plan.vendor_codes)]
    return SearchResult(found=len(hits), lines=tuple(lines))


def _hits(
    conn: Connection, key: str, values: list[Any], scope: list[int] | None, records: int,
    archived: bool,
) -> list[tuple[str, int]]:  # fmt: skip
    rows = store.search_leads(
        conn, archived=archived, key=key, values=values, list_ids=scope, limit=records
    )
    wanted = {str(v) for v in values}
    # MariaDB compares codes without case; keep only exact matches so every database agrees.
    return [
        (str(row[key]), int(row["lead_id"]))
        for row in rows
        if key != "vendor_lead_code" or str(row[key]) in wanted
    ]


def _line(key: str, hits: Sequence[tuple[str, int]]) -> SearchLine:
    return SearchLine(key, tuple(lead for found, lead in hits if php_equal(key, found)))


# -- lead_all_info ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class LeadInfo:
    """One lead: its standard columns (INFO_COLUMNS + lead_id) and its custom fields."""

    lead_id: int
    values: tuple[str, ...]
    custom: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class ListMissing:
    """A matching lead whose list does not exist or is not visible to the user."""

    list_id: str


@dataclass
class AllInfoResult:
    leads_found: int = 0
    items: list[LeadInfo | ListMissing] = field(default_factory=list)


def all_info(
    conn: Connection,
    *,
    lead_id: str,
    phone_number: str,
    archived: bool,
    campaigns: frozenset[str] | None,
    custom_fields: bool,
    force_entry_list_id: str,
) -> AllInfoResult:
    """Every lead matching lead_id (preferred) or phone_number, newest first (max 1000)."""
    if lead_id:
        number = as_id(lead_id)
        leads = (
            []
            if number is None
            else store.leads_by(conn, archived=archived, key="lead_id", value=number)
        )
    else:
        leads = store.leads_by(conn, archived=archived, key="phone_number", value=phone_number)
    result = AllInfoResult(leads_found=len(leads))
    for lead in leads:
        list_id = lead["list_id"]
        if not store.list_exists(conn, list_id, campaigns):
            result.items.append(ListMissing(as_text(list_id)))
            continue
        entry_list = force_entry_list_id or as_text(lead["entry_list_id"])
        custom = _custom_fields_of(conn, entry_list, lead["lead_id"]) if custom_fields else ()
        values = tuple(as_text(lead[name]) for name in INFO_COLUMNS) + (str(lead["lead_id"]),)
        result.items.append(LeadInfo(int(lead["lead_id"]), values, custom))
    return result


def _custom_fields_of(
    conn: Connection, entry_list: str, lead_id: int
) -> tuple[tuple[str, str], ...]:
    """(label, value) pairs of the lead's custom fields; () when the lead has no custom row."""
    list_number = as_id(entry_list)
    if list_number is None:
        raise _Missing(LookupRefusal.CUSTOM_FIELDS_NOT_FOUND, entry_list)
    labels = store.custom_field_labels(conn, list_number)

    def read() -> tuple[tuple[str, str], ...]:
        columns = store.custom_table_columns(conn, list_number)
        if not labels or columns is None:
            raise _Missing(LookupRefusal.CUSTOM_FIELDS_NOT_FOUND, entry_list)
        real = _resolve_columns(labels, columns)
        if real is None:
            raise _Missing(LookupRefusal.CUSTOM_FIELDS_NOT_FOUND, entry_list)
        row = store.custom_values(conn, list_number, lead_id, real)
        if row is None:
            return ()
        return tuple((label, as_text(row[name])) for label, name in zip(labels, real, strict=True))

    # Another process may change the table between its columns being read and used.
    return custom_tables.retry_if_layout_changed(conn, list_number, read)


def _resolve_columns(labels: Iterable[str], columns: Iterable[str]) -> list[str] | None:
    """The table's spelling of each label (column names ignore case); None if one is missing."""
    by_lower = {name.lower(): name for name in columns}
    resolved = [by_lower.get(label.lower()) for label in labels]
    return None if any(name is None for name in resolved) else [n for n in resolved if n]


# -- lead_field_info ------------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldLead:
    list_id: str
    entry_list_id: str


def field_lead(conn: Connection, lead_id: int, archived: bool) -> FieldLead | None:
    """The lead's list ids, or None when it does not exist."""
    list_row = store.lead_column(conn, archived=archived, lead_id=lead_id, name="list_id")
    if list_row is None:
        return None
    entry = store.lead_column(conn, archived=archived, lead_id=lead_id, name="entry_list_id")
    return FieldLead(as_text(list_row[0]), as_text(entry[0] if entry else ""))


def standard_field(conn: Connection, lead_id: int, field_name: str, archived: bool) -> str:
    """One vicidial_list column of a lead; _Missing when the column does not exist."""
    name = store.lead_column_names(archived).get(field_name.lower())
    if name is None:
        raise _Missing(LookupRefusal.FIELD_NOT_FOUND, field_name)
    row = store.lead_column(conn, archived=archived, lead_id=lead_id, name=name)
    if row is None:
        raise _Missing(LookupRefusal.FIELD_NOT_FOUND, field_name)
    return as_text(row[0])


def custom_field(conn: Connection, lead_id: int, field_name: str, list_id: str) -> str:
    """One column of custom_<list_id> for the lead; _Missing when there is none."""
    number = as_id(list_id)
    if number is None:
        raise _Missing(LookupRefusal.FIELD_NOT_FOUND, field_name)
    table_list = number

    def read() -> str:
        columns = store.custom_table_columns(conn, table_list)
        real = None if columns is None else _resolve_columns([field_name], columns)
        if not real:
            raise _Missing(LookupRefusal.FIELD_NOT_FOUND, field_name)
        row = store.custom_values(conn, table_list, lead_id, real)
        if row is None:
            raise _Missing(LookupRefusal.FIELD_NOT_FOUND, field_name)
        return as_text(row[real[0]])

    return custom_tables.retry_if_layout_changed(conn, number, read)


# -- lead_callback_info ---------------------------------------------------------------------------


@dataclass(frozen=True)
class CallbackRow:
    source: str  # CURRENT or ARCHIVE
    list_id: str
    values: tuple[str, ...]  # recipient … comments, in the printed order


def lead_callbacks(conn: Connection, lead_id: int, location: str) -> list[CallbackRow]:
    """Callbacks of a lead: archive first (ARCHIVE/ALL), then current (CURRENT/ALL/empty)."""
    rows: list[CallbackRow] = []
    if location in ("ARCHIVE", "ALL"):
        rows += _callback_rows(conn, lead_id, archived=True)
    if location in ("CURRENT", "ALL", ""):
        rows += _callback_rows(conn, lead_id, archived=False)
    return rows


def _callback_rows(conn: Connection, lead_id: int, *, archived: bool) -> list[CallbackRow]:
    source = "ARCHIVE" if archived else "CURRENT"
    rows = []
    for row in store.callbacks_of_lead(conn, archived=archived, lead_id=lead_id):
        values = (
            as_text(row["recipient"]), as_text(row["status"]), as_text(row["lead_status"]),
            as_text(row["callback_time"]), as_text(row["entry_time"]), as_text(row["user"]),
            as_text(row["list_id"]), as_text(row["campaign_id"]), as_text(row["user_group"]),
            as_text(row["customer_timezone"]).replace(",", "-"), as_text(row["customer_time"]),
            as_text(row["comments"]),
        )  # fmt: skip
        rows.append(CallbackRow(source, as_text(row["list_id"]), values))
    return rows


def list_visible(conn: Connection, list_id: str, campaigns: frozenset[str] | None) -> bool:
    return store.list_exists(conn, as_id(list_id), campaigns)


# -- lead_status_search ---------------------------------------------------------------------------


@dataclass(frozen=True)
class StatusRecord:
    lead_id: int
    values: tuple[str, ...]  # INFO_COLUMNS
    custom: tuple[tuple[str, str], ...] = ()


def status_search(
    conn: Connection,
    *,
    status: str,
    day: str,
    lead_id: str,
    archived: bool,
    campaigns: frozenset[str] | None,
    restrict_lists: bool,
    custom_fields: bool,
) -> list[StatusRecord]:
    """Leads called with `status` on `day` (outbound, then inbound), or by lead_id."""
    since = until = None
    by_status = bool(status) and len(day) == 10
    if by_status:
        try:
            since = datetime.strptime(day, "%Y-%m-%d")
        except ValueError:
            return []
        until = since + timedelta(days=1) - timedelta(seconds=1)
    number = None if by_status else as_id(lead_id)
    if not by_status and number is None:
        return []
    wanted_status = status if by_status else None

    def called(inbound: bool, within: frozenset[str] | None) -> list[int]:
        return store.called_lead_ids(
            conn, inbound=inbound, status=wanted_status, since=since, until=until,
            lead_id=number, campaigns=within,
        )  # fmt: skip

    # Outbound calls honour the user group's campaigns; VICIdial does not filter inbound ones.
    outbound = called(False, campaigns)
    inbound = called(True, None)
    lead_ids = outbound + [i for i in inbound if i not in set(outbound)]
    records = []
    for found in lead_ids:
        leads = store.leads_by(conn, archived=archived, key="lead_id", value=found)
        if not leads:
            continue
        lead = leads[0]
        if (
            restrict_lists
            and campaigns is not None
            and not store.list_exists(conn, lead["list_id"], campaigns)
        ):
            continue
        custom = _all_custom_columns(conn, lead) if custom_fields else ()
        values = tuple(as_text(lead[name]) for name in INFO_COLUMNS)
        records.append(StatusRecord(found, values, custom))
    return records


def _all_custom_columns(conn: Connection, lead: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    """Every column of the lead's custom table (entry list above 99, else its list)."""
    entry = lead["entry_list_id"]
    list_number = int(entry) if entry is not None and int(entry) > 99 else int(lead["list_id"])

    def read() -> tuple[tuple[str, str], ...]:
        columns = store.custom_table_columns(conn, list_number)
        if columns is None:
            return ()
        names = [name for name in columns if name.lower() != "lead_id"]
        if not names:
            return ()
        row = store.custom_values(conn, list_number, int(lead["lead_id"]), names)
        if row is None:
            return ()
        return tuple(
            (
                name,
                as_text(row[name]).replace("\t", " -- ").replace("\r\n", "!N").replace("\n", "!N"),
            )
            for name in names
        )

    return custom_tables.retry_if_layout_changed(conn, list_number, read)


# -- the operations -------------------------------------------------------------------------------


@dataclass(frozen=True)
class LeadSearchRequest:
    search_method: str = ""
    lead_id: str = ""
    lead_ids: str = ""
    vendor_lead_code: str = ""
    phone_number: str = ""
    list_id: str = ""
    search_location: str = ""
    records: int = 1000
    archived: bool = False


@dataclass(frozen=True)
class LeadSearchOutcome:
    plan: SearchPlan
    refusal: LookupRefusal | None = None
    found: int = 0  # leads found over all keys
    lines: tuple[SearchLine, ...] = ()  # one per requested key, in the request's order


def lead_search(
    uow: UnitOfWork, request: LeadSearchRequest, *, allowed_lists: set[str] | None = None
) -> LeadSearchOutcome:
    """Leads by lead id, else vendor code, else phone number (spec lead_lookup lead_search)."""
    plan = plan_search(
        request.search_method, request.lead_id, request.lead_ids, request.vendor_lead_code,
        request.phone_number,
    )  # fmt: skip
    if not plan.valid:
        return LeadSearchOutcome(plan, LookupRefusal.NO_VALID_SEARCH_METHOD)
    list_id = request.list_id
    list_number = as_id(list_id)
    if (
        allowed_lists is not None
        and list_number is not None
        and list_number >= 99
        and list_id not in allowed_lists
    ):
        return LeadSearchOutcome(plan, LookupRefusal.LIST_NOT_ALLOWED)
    scope = search_scope(uow.conn, request.search_location, list_id)
    result = run_search(uow.conn, plan, scope, request.records, request.archived)
    if result.found < 1:
        return LeadSearchOutcome(plan, LookupRefusal.NO_MATCHES)
    return LeadSearchOutcome(plan, found=result.found, lines=result.lines)


@dataclass(frozen=True)
class AllInfoRequest:
    user_group: str
    lead_id: str = ""
    phone_number: str = ""
    archived: bool = False
    custom_fields: bool = False
    force_entry_list_id: str = ""


@dataclass(frozen=True)
class AllInfoOutcome:
    refusal: LookupRefusal | None = None
    detail: str = ""  # CUSTOM_FIELDS_NOT_FOUND: the list whose custom fields are missing
    items: tuple[LeadInfo | ListMissing, ...] = ()


def lead_all_info(uow: UnitOfWork, request: AllInfoRequest) -> AllInfoOutcome:
    """Every column of the leads matching lead_id (preferred) or phone_number."""
    phone_ok = 6 <= len(request.phone_number) <= 19
    if not request.lead_id and not phone_ok:
        return AllInfoOutcome(LookupRefusal.LEAD_NOT_FOUND)
    conn = uow.conn
    try:
        result = all_info(
            conn,
            lead_id=request.lead_id,
            phone_number=request.phone_number,
            archived=request.archived,
            campaigns=allowed_campaigns(conn, request.user_group, all_marker="ALL-CAMPAIGNS"),
            custom_fields=request.custom_fields,
            force_entry_list_id=request.force_entry_list_id,
        )
    except _Missing as missing:
        return AllInfoOutcome(missing.refusal, detail=missing.detail)
    if result.leads_found < 1:
        return AllInfoOutcome(LookupRefusal.LEAD_NOT_FOUND)
    return AllInfoOutcome(items=tuple(result.items))


@dataclass(frozen=True)
class FieldInfoRequest:
    user_group: str
    lead_id: str = ""
    field_name: str = ""
    archived: bool = False
    custom_fields: bool = False
    list_id: str = ""  # custom fields: the custom table's list (default: the lead's entry list)


@dataclass(frozen=True)
class FieldInfoOutcome:
    refusal: LookupRefusal | None = None
    list_id: str = ""  # LIST_NOT_FOUND: the lead's list
    value: str = ""


def lead_field_info(uow: UnitOfWork, request: FieldInfoRequest) -> FieldInfoOutcome:
    """One field of one lead: a vicidial_list column or a custom field."""
    lead_id, field_name = request.lead_id, request.field_name
    if not (0 < len(lead_id) < 12 and field_name):
        return FieldInfoOutcome(LookupRefusal.INVALID_SEARCH_PARAMETERS)
    conn = uow.conn
    number = int(lead_id)
    lead = field_lead(conn, number, request.archived)
    if lead is None:
        return FieldInfoOutcome(LookupRefusal.LEAD_NOT_FOUND)
    campaigns = allowed_campaigns(conn, request.user_group, all_marker="-ALL")
    if not list_visible(conn, lead.list_id, campaigns):
        return FieldInfoOutcome(LookupRefusal.LIST_NOT_FOUND, list_id=lead.list_id)
    try:
        if request.custom_fields:
            table_list = request.list_id if len(request.list_id) > 1 else lead.entry_list_id
            value = custom_field(conn, number, field_name, table_list)
        else:
            value = standard_field(conn, number, field_name, request.archived)
    except _Missing as missing:
        return FieldInfoOutcome(missing.refusal)
    return FieldInfoOutcome(value=value)


@dataclass(frozen=True)
class CallbackInfoRequest:
    user_group: str
    lead_id: str = ""
    location: str = ""  # CURRENT (default), ARCHIVE or ALL
    restrict_lists: bool = False  # the user's api_list_restrict


@dataclass(frozen=True)
class CallbackInfoOutcome:
    refusal: LookupRefusal | None = None
    rows: tuple[CallbackRow, ...] = ()


def lead_callback_info(uow: UnitOfWork, request: CallbackInfoRequest) -> CallbackInfoOutcome:
    """The scheduled callbacks of one lead; a callback in a list the user may not see refuses
    the whole answer (as VICIdial does)."""
    if not 0 < len(request.lead_id) < 12:
        return CallbackInfoOutcome(LookupRefusal.INVALID_SEARCH_PARAMETERS)
    conn = uow.conn
    campaigns = allowed_campaigns(conn, request.user_group, all_marker="ALL-CAMPAIGNS")
    check_lists = campaigns is not None and request.restrict_lists
    rows = lead_callbacks(conn, int(request.lead_id), request.location)
    for row in rows:
        if check_lists and not list_visible(conn, row.list_id, campaigns):
            return CallbackInfoOutcome(LookupRefusal.LEAD_NOT_FOUND)
    return CallbackInfoOutcome(rows=tuple(rows))


@dataclass(frozen=True)
class StatusSearchRequest:
    user_group: str
    status: str = ""
    day: str = ""  # YYYY-MM-DD
    lead_id: str = ""
    archived: bool = False
    restrict_lists: bool = False
    custom_fields: bool = False


@dataclass(frozen=True)
class StatusSearchOutcome:
    refusal: LookupRefusal | None = None
    records: tuple[StatusRecord, ...] = ()


def lead_status_search(uow: UnitOfWork, request: StatusSearchRequest) -> StatusSearchOutcome:
    """Leads called with a status on a day, or one lead by id, with every column."""
    if not (request.lead_id or (request.status and len(request.day) == 10)):
        return StatusSearchOutcome(LookupRefusal.INVALID_SEARCH_PARAMETERS)
    conn = uow.conn
    records = status_search(
        conn, status=request.status, day=request.day, lead_id=request.lead_id,
        archived=request.archived,
        campaigns=allowed_campaigns(conn, request.user_group, all_marker="-ALL"),
        restrict_lists=request.restrict_lists, custom_fields=request.custom_fields,
    )  # fmt: skip
    if not records:
        return StatusSearchOutcome(LookupRefusal.NO_MATCHES)
    return StatusSearchOutcome(records=tuple(records))

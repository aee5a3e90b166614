"""Lead look-ups: which leads match, what they hold, which callbacks they have.

The rules are VICIdial's (non_agent_api.php lead_search, lead_all_info, lead_field_info,
lead_callback_info, lead_status_search); the wire layer turns the results into its lines.
Where VICIdial crashes on a database error (a missing custom table, an unknown column, an empty
IN list) these functions raise LookupProblem instead, so the caller can answer with an ERROR.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection

from leadgate.storage.leads import search as store

MAX_ID = store.MAX_ID
INFO_COLUMNS = store.INFO_COLUMNS


class LookupProblem(Exception):
    """A request VICIdial would crash on (HTTP 500); `what` says which part was missing."""

    def __init__(self, what: str, detail: str = "") -> None:
        super().__init__(what)
        self.what = what
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
        raise LookupProblem("CUSTOM FIELDS NOT FOUND", entry_list)
    labels = store.custom_field_labels(conn, list_number)
    columns = store.custom_table_columns(conn, list_number)
    if not labels or columns is None:
        raise LookupProblem("CUSTOM FIELDS NOT FOUND", entry_list)
    real = _resolve_columns(labels, columns)
    if real is None:
        raise LookupProblem("CUSTOM FIELDS NOT FOUND", entry_list)
    row = store.custom_values(conn, list_number, lead_id, real)
    if row is None:
        return ()
    return tuple((label, as_text(row[name])) for label, name in zip(labels, real, strict=True))


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
    """One vicidial_list column of a lead; LookupProblem when the column does not exist."""
    name = store.lead_column_names(archived).get(field_name.lower())
    if name is None:
        raise LookupProblem("LIST FIELD NOT FOUND", field_name)
    row = store.lead_column(conn, archived=archived, lead_id=lead_id, name=name)
    if row is None:
        raise LookupProblem("LIST FIELD NOT FOUND", field_name)
    return as_text(row[0])


def custom_field(conn: Connection, lead_id: int, field_name: str, list_id: str) -> str:
    """One column of custom_<list_id> for the lead; LookupProblem when there is none."""
    number = as_id(list_id)
    columns = None if number is None else store.custom_table_columns(conn, number)
    real = None if columns is None else _resolve_columns([field_name], columns)
    if number is None or not real:
        raise LookupProblem("LIST FIELD NOT FOUND", field_name)
    row = store.custom_values(conn, number, lead_id, real)
    if row is None:
        raise LookupProblem("LIST FIELD NOT FOUND", field_name)
    return as_text(row[real[0]])


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
        (name, as_text(row[name]).replace("\t", " -- ").replace("\r\n", "!N").replace("\n", "!N"))
        for name in names
    )

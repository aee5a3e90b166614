"""vicidial_list writes and look-ups of add_lead: duplicates, the new row, alt phones, custom data.

Statements are built once at import time. Name and title comparisons in duplicate checks are
case-insensitive and ignore trailing spaces everywhere, as VICIdial's MySQL collation makes them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    BigInteger,
    Connection,
    Date,
    DateTime,
    Integer,
    Numeric,
    Select,
    String,
    Table,
    bindparam,
    func,
    insert,
    literal,
    or_,
    select,
    true,
    update,
)
from sqlalchemy.sql.elements import ColumnElement

from leadgate.storage import dnc
from leadgate.storage.columns import fit
from leadgate.storage.prepared import Prepared, PreparedInsert
from leadgate.storage.tables import (
    vicidial_list,
    vicidial_list_alt_phones,
    vicidial_lists,
    vicidial_lists_fields,
    vicidial_nanpa_prefix_codes,
)
from leadgate.storage.zero_dates import (
    ZERO_DATE,
    ZERO_DATETIME,
    ZeroDate,
    ZeroDateTime,
    plain_type,
)
from leadgate.values.duplicates import CHECKS, DuplicateCheck, Match, Scope

L = vicidial_list.c

# -- lists and NANPA data -------------------------------------------------------------------

_list_exists = select(vicidial_lists.c.list_id).where(
    vicidial_lists.c.list_id == bindparam("list_id", type_=BigInteger)
)
_nanpa_count = select(func.count()).select_from(vicidial_nanpa_prefix_codes)
_nanpa_prefix = (
    select(vicidial_nanpa_prefix_codes.c.areacode)
    .where(vicidial_nanpa_prefix_codes.c.areacode == bindparam("areacode"))
    .where(vicidial_nanpa_prefix_codes.c.prefix == bindparam("prefix"))
    .limit(1)
)


def list_exists(conn: Connection, list_id: int) -> bool:
    return conn.execute(_list_exists, {"list_id": list_id}).first() is not None


def nanpa_prefix_count(conn: Connection) -> int:
    return int(conn.execute(_nanpa_count).scalar_one())


def nanpa_prefix_exists(conn: Connection, areacode: str, prefix: str) -> bool:
    return conn.execute(_nanpa_prefix, {"areacode": areacode, "prefix": prefix}).first() is not None


# -- duplicate checks -----------------------------------------------------------------------


@dataclass(frozen=True)
class DuplicateRow:
    lead_id: int
    list_id: int
    phone_number: str


def _ci(column: ColumnElement[Any]) -> ColumnElement[Any]:
    """A column compared like a MySQL *_ci collation: case-insensitive, trailing spaces ignored."""
    return func.lower(func.rtrim(column))


def _match_condition(match: Match) -> ColumnElement[bool]:
    phone = bindparam("phone", type_=String)
    if match is Match.PHONE:
        return L.phone_number == phone
    if match is Match.PHONE_OR_ALT:
        return or_(L.phone_number == phone, L.alt_phone == bindparam("phone_alt", type_=String))
    if match is Match.TITLE_ALT:
        return (_ci(L.title) == bindparam("title_ci", type_=String)) & (
            _ci(L.alt_phone) == bindparam("alt_phone_ci", type_=String)
        )
    return (
        (L.phone_number == phone)
        & (_ci(L.first_name) == bindparam("first_name_ci", type_=String))
        & (_ci(L.last_name) == bindparam("last_name_ci", type_=String))
    )


def _campaign_lists() -> Select[Any]:
    """Every list of the campaign that the request's list belongs to (none if undefined)."""
    campaign = (
        select(vicidial_lists.c.campaign_id)
        .where(vicidial_lists.c.list_id == bindparam("scope_list_id", type_=BigInteger))
        .scalar_subquery()
    )
    return select(vicidial_lists.c.list_id).where(vicidial_lists.c.campaign_id == campaign)


def _duplicate_statement(check: DuplicateCheck, windowed: bool) -> Select[Any]:
    stmt = select(L.lead_id, L.list_id, L.phone_number).where(_match_condition(check.match))
    if check.scope is Scope.LIST:
        stmt = stmt.where(L.list_id == bindparam("scope_list_id", type_=BigInteger))
    elif check.scope is Scope.CAMP:
        stmt = stmt.where(L.list_id.in_(_campaign_lists()))
    if windowed:
        stmt = stmt.where(L.entry_date > bindparam("since", type_=DateTime))
    return stmt.order_by(L.lead_id).limit(1)


_DUPLICATE_STATEMENTS: dict[tuple[str, bool], Select[Any]] = {
    (check.option, windowed): _duplicate_statement(check, windowed)
    for check in CHECKS
    for windowed in (False, True)
}


def find_duplicate(
    conn: Connection,
    check: DuplicateCheck,
    *,
    phone: str,
    list_id: int,
    title: str,
    alt_phone: str,
    first_name: str,
    last_name: str,
    since: datetime | None,
) -> DuplicateRow | None:
    stmt = _DUPLICATE_STATEMENTS[(check.option, since is not None)]
    params = _duplicate_params(check, phone=phone, list_id=list_id, title=title,
                               alt_phone=alt_phone, first_name=first_name, last_name=last_name,
                               since=since)  # fmt: skip
    row = conn.execute(stmt, params).first()
    if row is None:
        return None
    return DuplicateRow(lead_id=int(row[0]), list_id=int(row[1]), phone_number=str(row[2] or ""))


def _duplicate_params(
    check: DuplicateCheck,
    *,
    phone: str,
    list_id: int,
    title: str,
    alt_phone: str,
    first_name: str,
    last_name: str,
    since: datetime | None,
) -> dict[str, Any]:
    params: dict[str, Any] = {"phone": phone}
    if check.scope is not Scope.SYS:
        params["scope_list_id"] = list_id
    if check.match is Match.PHONE_OR_ALT:
        params["phone_alt"] = phone
    elif check.match is Match.TITLE_ALT:
        params["title_ci"] = _ci_value(title)
        params["alt_phone_ci"] = _ci_value(alt_phone)
    elif check.match is Match.NAME_PHONE:
        params["first_name_ci"] = _ci_value(first_name)
        params["last_name_ci"] = _ci_value(last_name)
    if since is not None:
        params["since"] = since
    return params


def _ci_value(value: str) -> str:
    return value.rstrip(" ").lower()


# -- the pre-insert probe: DNC lists, list check and the first duplicate check together ------


@dataclass(frozen=True)
class Probe:
    system_dnc: bool
    campaign_dnc: bool
    list_defined: bool  # only looked up for a campaign-wide check (else True)
    duplicate: DuplicateRow | None


def _probe_statement(
    check: DuplicateCheck, windowed: bool, system_dnc: bool, campaign_dnc: bool
) -> Select[Any]:
    """One SELECT answering everything add_lead checks before its INSERT (first dup check)."""
    found = _duplicate_statement(check, windowed).subquery("dup")
    columns: list[ColumnElement[Any]] = [found.c.lead_id, found.c.list_id, found.c.phone_number]
    columns.append(dnc.system_dnc_listed().label("system_dnc") if system_dnc
                   else literal(False).label("system_dnc"))  # fmt: skip
    columns.append(dnc.campaign_dnc_listed().label("campaign_dnc") if campaign_dnc
                   else literal(False).label("campaign_dnc"))  # fmt: skip
    if check.scope is Scope.CAMP:
        columns.append(_list_exists.exists().label("list_defined"))
    else:
        columns.append(literal(True).label("list_defined"))
    anchor = select(literal(1).label("one")).subquery("anchor")
    return select(*columns).select_from(anchor.outerjoin(found, true()))


_PROBE_STATEMENTS: dict[tuple[str, bool, bool, bool], Prepared] = {
    (check.option, windowed, system_dnc, campaign_dnc): Prepared(
        _probe_statement(check, windowed, system_dnc, campaign_dnc)
    )
    for check in CHECKS
    for windowed in (False, True)
    for system_dnc in (False, True)
    for campaign_dnc in (False, True)
}


def probe(
    conn: Connection,
    check: DuplicateCheck,
    *,
    dnc_params: Mapping[str, Any] | None,
    system_dnc: bool,
    campaign_dnc: bool,
    phone: str,
    list_id: int,
    title: str,
    alt_phone: str,
    first_name: str,
    last_name: str,
    since: datetime | None,
) -> Probe:
    """The DNC checks asked for, whether the list exists and the first duplicate, at once."""
    stmt = _PROBE_STATEMENTS[(check.option, since is not None, system_dnc, campaign_dnc)]
    params: dict[str, Any] = {
        **(dnc_params or {}),
        **_duplicate_params(check, phone=phone, list_id=list_id, title=title,
                            alt_phone=alt_phone, first_name=first_name, last_name=last_name,
                            since=since),
    }  # fmt: skip
    if check.scope is Scope.CAMP:
        params["list_id"] = list_id
    row = stmt.first(conn, params)
    assert row is not None  # the anchor row makes this SELECT return exactly one row
    duplicate = None
    if row["lead_id"] is not None:
        duplicate = DuplicateRow(
            lead_id=int(row["lead_id"]), list_id=int(row["list_id"]),
            phone_number=str(row["phone_number"] or ""),
        )  # fmt: skip
    return Probe(
        system_dnc=bool(row["system_dnc"]),
        campaign_dnc=bool(row["campaign_dnc"]),
        list_defined=bool(row["list_defined"]),
        duplicate=duplicate,
    )


# -- the new lead ---------------------------------------------------------------------------

_insert_lead = PreparedInsert(vicidial_list, "lead_id")
_set_entry_list_id = (
    update(vicidial_list)
    .where(L.lead_id == bindparam("lead_id_", type_=Integer))
    .values(entry_list_id=bindparam("entry_list_id_", type_=BigInteger))
)


def insert_lead(conn: Connection, values: Mapping[str, Any]) -> int:
    """Store one vicidial_list row (strings cut to column widths); its new lead_id."""
    lead_id = _insert_lead.insert(conn, fit(vicidial_list, values))
    assert lead_id is not None
    return lead_id


def set_entry_list_id(conn: Connection, lead_id: int, list_id: int) -> int:
    result = conn.execute(_set_entry_list_id, {"lead_id_": lead_id, "entry_list_id_": list_id})
    return int(result.rowcount or 0)


# -- vicidial_list_alt_phones ---------------------------------------------------------------

_insert_alt_phone = insert(vicidial_list_alt_phones)


def insert_alt_phones(conn: Connection, rows: Sequence[Mapping[str, Any]]) -> int:
    """Store alt-phone rows; how many were stored."""
    if not rows:
        return 0
    conn.execute(_insert_alt_phone, [fit(vicidial_list_alt_phones, row) for row in rows])
    return len(rows)


# -- custom_<list_id> tables ----------------------------------------------------------------

_CUSTOM_FIELD_COLUMNS = (
    vicidial_lists_fields.c.field_label,
    vicidial_lists_fields.c.field_type,
    vicidial_lists_fields.c.field_encrypt,
)
_custom_fields = (
    select(*_CUSTOM_FIELD_COLUMNS)
    .where(vicidial_lists_fields.c.list_id == bindparam("list_id", type_=BigInteger))
    .where(func.coalesce(vicidial_lists_fields.c.field_duplicate, "N") != "Y")
    .order_by(
        vicidial_lists_fields.c.field_rank,
        vicidial_lists_fields.c.field_order,
        vicidial_lists_fields.c.field_label,
    )
)


@dataclass(frozen=True)
class CustomFieldDef:
    label: str
    field_type: str
    encrypt: bool


def custom_field_defs(conn: Connection, list_id: int) -> list[CustomFieldDef]:
    rows = conn.execute(_custom_fields, {"list_id": list_id})
    return [
        CustomFieldDef(label=str(r[0] or ""), field_type=str(r[1] or ""), encrypt=r[2] == "Y")
        for r in rows
    ]


def insert_custom_row(
    conn: Connection, table: Table, lead_id: int, values: Mapping[str, str]
) -> int:
    """Insert lead_id + the given label→text values (coerced to the columns' types)."""
    row: dict[str, Any] = {"lead_id": lead_id}
    for label, text in values.items():
        if label in table.c and label != "lead_id":
            row[label] = _coerce(table.c[label].type, text)
    conn.execute(insert(table), fit(table, row))
    return 1  # a single-row INSERT that did not raise stored its row (rowcount varies by driver)


_LEADING_INT = re.compile(r"^\s*([-+]?)0*(\d{1,20})")
_PLAIN_DECIMAL = re.compile(r"^\s*-?\d{1,30}(?:\.\d{0,30})?\s*$")


def _coerce(column_type: Any, text: str) -> Any:
    """A text value as MySQL's non-strict mode would store it in a column of this type."""
    column_type = plain_type(column_type)
    if isinstance(column_type, Integer):  # BigInteger and SmallInteger are Integers too
        match = _LEADING_INT.match(text)
        if not match:
            return None
        limit = 2**63 - 1 if isinstance(column_type, BigInteger) else 2**31 - 1
        value = int(match.group(2))
        return max(-limit - 1, min(limit, -value if match.group(1) == "-" else value))
    if isinstance(column_type, Numeric):
        return Decimal(text.strip()) if _PLAIN_DECIMAL.match(text) else None
    if isinstance(column_type, DateTime):
        return parse_mysql_datetime(text)
    if isinstance(column_type, Date):
        return parse_mysql_date(text)
    return text


# -- MySQL's lenient date parsing (non-strict mode: anything invalid becomes a zero date) ----

_DATETIME_DELIMITED = re.compile(
    r"^(\d{2,4})[^0-9A-Za-z](\d{1,2})[^0-9A-Za-z](\d{1,2})"
    r"(?:(?:[Tt ]|[^0-9A-Za-z]+)(\d{1,2})(?:[^0-9A-Za-z](\d{1,2})(?:[^0-9A-Za-z](\d{1,2}))?)?)?"
)
_DIGITS_ONLY = re.compile(r"^\d+$")


def _year(text: str) -> int:
    year = int(text)
    if len(text) <= 2:
        year += 2000 if year < 70 else 1900
    return year


def _valid(
    year: int, month: int, day: int, hms: tuple[int, int, int] = (0, 0, 0)
) -> datetime | None:
    try:
        return datetime(year, month, day, *hms)
    except ValueError:
        return None


def parse_mysql_date(text: str) -> date | ZeroDate:
    """'1980-05-17', '19800517', '800517' → a date; anything else → the zero date."""
    moment = _parse_datetime(text)
    return moment.date() if moment is not None else ZERO_DATE


def parse_mysql_datetime(text: str) -> datetime | ZeroDateTime:
    """The DATETIME MySQL stores for a string: any punctuation separates the parts; anything
    it cannot read → the zero date."""
    moment = _parse_datetime(text)
    return moment if moment is not None else ZERO_DATETIME


def _parse_datetime(text: str) -> datetime | None:
    text = text.strip()
    match = _DATETIME_DELIMITED.match(text)
    if match:
        year, month, day, hour, minute, second = match.groups()
        hms = (int(hour or 0), int(minute or 0), int(second or 0))
        return _valid(_year(year), int(month), int(day), hms)
    if _DIGITS_ONLY.match(text) and len(text) in (6, 8, 12, 14):
        year_len = 4 if len(text) in (8, 14) else 2
        year, rest = text[:year_len], text[year_len:]
        parts = [int(rest[i : i + 2]) for i in range(0, len(rest), 2)]
        hms = (parts[2], parts[3], parts[4]) if len(parts) == 5 else (0, 0, 0)
        return _valid(_year(year), parts[0], parts[1], hms)
    return None

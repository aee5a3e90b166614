"""SQL of update_lead and batch_update_lead: lead search, row updates, callbacks, hopper, custom data.

Statements are built once at import time. Every function takes `archived` where VICIdial lets
the caller switch to vicidial_list_archive (`archived_lead=Y`).

MySQL reports an UPDATE's affected rows as the rows whose values really changed. leadgate's
engines do not (and SQLAlchemy's MySQL driver asks for matched rows), so the callers compare the
stored row with the new values themselves (`stored_value` + `same_value`) and skip UPDATEs that
would change nothing: that also saves a round trip.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import Enum
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    Date,
    DateTime,
    Integer,
    Numeric,
    Select,
    SmallInteger,
    String,
    Table,
    bindparam,
    column,
    delete,
    func,
    insert,
    inspect,
    select,
    table,
    update,
)

from leadgate.storage.columns import fit
from leadgate.storage.leads.intake import parse_mysql_date, parse_mysql_datetime
from leadgate.storage.tables import (
    vicidial_callbacks,
    vicidial_callbacks_archive,
    vicidial_hopper,
    vicidial_list,
    vicidial_list_archive,
    vicidial_lists,
)
from leadgate.storage.zero_dates import plain_type
from leadgate.values.numbers import bounded_int

INTEGER_RANGES: tuple[tuple[type, int, int], ...] = (
    (SmallInteger, -(2**15), 2**15 - 1),
    (BigInteger, -(2**63), 2**63 - 1),
    (Integer, -(2**31), 2**31 - 1),
)
LEAD_ID_MAX = 2**31 - 1
IN_CHUNK = 500  # ids per IN (...) list: well below every engine's parameter limit
HOPPER_BUSY_STATUSES = ("INCALL", "DONE", "HOLD", "DNC")


def lead_table(archived: bool) -> Table:
    return vicidial_list_archive if archived else vicidial_list


# -- MySQL non-strict value conversion ------------------------------------------------------

_LEADING_INT = re.compile(r"^\s*[-+]?\d+")
_LEADING_DECIMAL = re.compile(r"^\s*[-+]?(\d+\.?\d*|\.\d+)")


def stored_value(col: Column[Any], value: Any) -> Any:
    """What a column of this type stores for `value` (text is converted like non-strict MySQL)."""
    if not isinstance(value, str):
        return value
    kind = plain_type(col.type)
    if isinstance(kind, Integer):
        match = _LEADING_INT.match(value)
        return _clamp_int(kind, bounded_int(match.group()) if match else 0)
    if isinstance(kind, Numeric):
        return _decimal(kind, value)
    if isinstance(kind, DateTime):
        return parse_mysql_datetime(value)
    if isinstance(kind, Date):
        return parse_mysql_date(value)
    length = getattr(kind, "length", None)
    return value[:length] if length else value


def _clamp_int(kind: Integer, number: int) -> int:
    for type_, low, high in INTEGER_RANGES:
        if isinstance(kind, type_):
            return max(low, min(high, number))
    return number


def _decimal(kind: Numeric[Any], text: str) -> Decimal:
    scale = kind.scale or 0
    match = _LEADING_DECIMAL.match(text)
    try:
        number = Decimal(match.group().strip()) if match else Decimal(0)
    except InvalidOperation:
        number = Decimal(0)
    quantum = Decimal(1).scaleb(-scale)
    if kind.precision:
        limit = Decimal(10) ** (kind.precision - scale) - quantum
        number = max(-limit, min(limit, number))  # before rounding: huge values cannot round
    return number.quantize(quantum, rounding=ROUND_HALF_UP)


def same_value(col: Column[Any], old: Any, new: Any) -> bool:
    """Whether storing `new` (already converted) over `old` leaves the column unchanged."""
    if old is None or new is None:
        return old is None and new is None
    kind = plain_type(col.type)
    if isinstance(kind, Numeric) and not isinstance(kind, Integer):
        try:
            return Decimal(str(old)) == Decimal(str(new))
        except InvalidOperation:
            return False
    if isinstance(kind, DateTime) and isinstance(old, datetime) and isinstance(new, datetime):
        return old.replace(microsecond=0, tzinfo=None) == new.replace(microsecond=0, tzinfo=None)
    if isinstance(kind, Date) and isinstance(old, datetime):
        old = old.date()
    if isinstance(old, (date, datetime)) or isinstance(new, (date, datetime)):
        return bool(old == new)
    if isinstance(kind, Integer):
        try:
            return int(old) == int(new)
        except (TypeError, ValueError):
            return False
    return str(old) == str(new)


def changed_columns(
    tbl: Table, row: Mapping[str, Any], values: Mapping[str, Any]
) -> dict[str, Any]:
    """The converted values that differ from the stored row."""
    changes = {}
    for name, value in values.items():
        col = tbl.c[name]
        new = stored_value(col, value)
        if not same_value(col, row.get(name), new):
            changes[name] = new
    return changes


# -- searching leads ------------------------------------------------------------------------


class SearchKey(Enum):
    LEAD_ID = "lead_id"
    VENDOR_LEAD_CODE = "vendor_lead_code"
    PHONE_NUMBER = "phone_number"


class ScopeKind(Enum):
    SYSTEM = "system"  # every lead
    LIST = "list"  # one list
    LISTS = "lists"  # the lists of a campaign


def _search_statement(archived: bool, key: SearchKey, scope: ScopeKind) -> Select[Any]:
    tbl = lead_table(archived)
    key_type = Integer if key is SearchKey.LEAD_ID else String
    stmt = select(tbl).where(tbl.c[key.value] == bindparam("search_value", type_=key_type))
    if scope is ScopeKind.LIST:
        stmt = stmt.where(tbl.c.list_id == bindparam("scope_list_id", type_=BigInteger))
    elif scope is ScopeKind.LISTS:
        stmt = stmt.where(tbl.c.list_id.in_(bindparam("scope_list_ids", expanding=True)))
    # Newest first like VICIdial (MySQL sorts zero/NULL dates last when descending); ties in
    # lead_id order, as MySQL returns them from the index.
    return stmt.order_by(tbl.c.entry_date.is_(None), tbl.c.entry_date.desc(), tbl.c.lead_id).limit(
        bindparam("row_limit", type_=Integer)
    )


_SEARCHES = {
    (archived, key, scope): _search_statement(archived, key, scope)
    for archived in (False, True)
    for key in SearchKey
    for scope in ScopeKind
}

_requested_list = vicidial_lists.alias("requested_list")
_campaign_list_ids = (
    select(vicidial_lists.c.list_id)
    .select_from(
        vicidial_lists.join(
            _requested_list, _requested_list.c.campaign_id == vicidial_lists.c.campaign_id
        )
    )
    .where(_requested_list.c.list_id == bindparam("list_id", type_=BigInteger))
    .order_by(vicidial_lists.c.list_id)
)


def campaign_list_ids(conn: Connection, list_id: int) -> list[int]:
    """Every list of the campaign `list_id` belongs to ([] when the list is not defined)."""
    return [int(row[0]) for row in conn.execute(_campaign_list_ids, {"list_id": list_id})]


@dataclass(frozen=True)
class Scope:
    kind: ScopeKind
    list_id: int = 0
    list_ids: tuple[int, ...] = ()


def find_leads(
    conn: Connection, key: SearchKey, value: str | int, scope: Scope, limit: int, *, archived: bool
) -> list[dict[str, Any]]:
    """Whole rows of the leads matching key=value within scope, newest first, at most `limit`."""
    params: dict[str, Any] = {"search_value": value, "row_limit": limit}
    if scope.kind is ScopeKind.LIST:
        params["scope_list_id"] = scope.list_id
    elif scope.kind is ScopeKind.LISTS:
        params["scope_list_ids"] = list(scope.list_ids)
    stmt = _SEARCHES[(archived, key, scope.kind)]
    return [dict(row) for row in conn.execute(stmt, params).mappings()]


# -- changing and deleting leads ------------------------------------------------------------

_UPDATES = {
    archived: update(lead_table(archived)).where(
        lead_table(archived).c.lead_id == bindparam("target_lead_id", type_=Integer)
    )
    for archived in (False, True)
}
_DELETES = {
    archived: delete(lead_table(archived)).where(
        lead_table(archived).c.lead_id == bindparam("target_lead_id", type_=Integer)
    )
    for archived in (False, True)
}
_LEAD_FACTS = {
    archived: select(
        lead_table(archived).c.state,
        lead_table(archived).c.vendor_lead_code,
        lead_table(archived).c.gmt_offset_now,
    ).where(lead_table(archived).c.lead_id == bindparam("lead_id", type_=Integer))
    for archived in (False, True)
}


def update_lead(
    conn: Connection, lead_id: int, changes: Mapping[str, Any], *, archived: bool
) -> None:
    """Write already-converted values (see `changed_columns`) to one lead."""
    if changes:
        params = dict(fit(lead_table(archived), changes))
        params["target_lead_id"] = lead_id
        conn.execute(_UPDATES[archived], params)


_SET_ENTRY_LIST_IDS = {
    archived: update(lead_table(archived))
    .where(lead_table(archived).c.lead_id == bindparam("target_lead_id", type_=Integer))
    .where(lead_table(archived).c.entry_list_id != bindparam("new_entry_list_id", type_=BigInteger))
    .values(entry_list_id=bindparam("new_entry_list_id", type_=BigInteger))
    for archived in (False, True)
}


def set_entry_list_id(conn: Connection, lead_id: int, entry_list_id: int, *, archived: bool) -> int:
    """Point the lead at its custom-data list; 1 if that changed it, else 0 (MySQL's count)."""
    params = {"target_lead_id": lead_id, "new_entry_list_id": entry_list_id}
    return int(conn.execute(_SET_ENTRY_LIST_IDS[archived], params).rowcount or 0)


def delete_lead(conn: Connection, lead_id: int, *, archived: bool) -> int:
    result = conn.execute(_DELETES[archived], {"target_lead_id": lead_id})
    return int(result.rowcount or 0)


@dataclass(frozen=True)
class LeadFacts:
    state: str
    vendor_lead_code: str
    gmt_offset_now: Decimal


def lead_facts(conn: Connection, lead_id: int, *, archived: bool) -> LeadFacts | None:
    """What the hopper copies from a lead; None when there is no such lead."""
    if not 0 <= lead_id <= LEAD_ID_MAX:
        return None
    row = conn.execute(_LEAD_FACTS[archived], {"lead_id": lead_id}).first()
    if row is None:
        return None
    return LeadFacts(
        state=str(row[0] or ""),
        vendor_lead_code=str(row[1] or ""),
        gmt_offset_now=Decimal(str(row[2] if row[2] is not None else "0")).quantize(
            Decimal("0.01")
        ),
    )


# -- batch_update_lead ----------------------------------------------------------------------


def find_batch(
    conn: Connection,
    lead_ids: Iterable[int],
    allowed_lists: Iterable[int] | None,
    limit: int,
    *,
    archived: bool,
) -> list[dict[str, Any]]:
    """Rows of the given leads (in allowed lists), highest lead_id first, at most `limit`."""
    tbl = lead_table(archived)
    wanted = sorted({i for i in lead_ids if 0 <= i <= LEAD_ID_MAX}, reverse=True)
    allowed = None if allowed_lists is None else sorted(set(allowed_lists))
    if allowed is not None and not allowed:
        return []
    rows: list[dict[str, Any]] = []
    for chunk in _chunks(wanted):
        stmt = select(tbl).where(tbl.c.lead_id.in_(chunk))
        if allowed is not None:
            stmt = stmt.where(tbl.c.list_id.in_(allowed))
        rows.extend(dict(row) for row in conn.execute(stmt).mappings())
    rows.sort(key=lambda row: int(row["lead_id"]), reverse=True)
    return rows[:limit]


def update_many(
    conn: Connection, lead_ids: Sequence[int], values: Mapping[str, Any], *, archived: bool
) -> None:
    """Write the same already-converted values to every given lead."""
    tbl = lead_table(archived)
    fitted = fit(tbl, values)
    for chunk in _chunks(list(lead_ids)):
        conn.execute(update(tbl).where(tbl.c.lead_id.in_(chunk)).values(**fitted))


def _chunks(items: Sequence[int]) -> Iterable[list[int]]:
    for start in range(0, len(items), IN_CHUNK):
        yield list(items[start : start + IN_CHUNK])


# -- scheduled callbacks --------------------------------------------------------------------

_first_callback = (
    select(vicidial_callbacks.c.callback_id)
    .where(vicidial_callbacks.c.lead_id == bindparam("lead_id", type_=Integer))
    .order_by(vicidial_callbacks.c.callback_id)
    .limit(1)
)
_update_callback = update(vicidial_callbacks).where(
    vicidial_callbacks.c.callback_id == bindparam("target_callback_id", type_=Integer)
)
_lead_callback_ids = select(vicidial_callbacks.c.callback_id).where(
    vicidial_callbacks.c.lead_id == bindparam("lead_id", type_=Integer)
)
_unarchive_duplicates = delete(vicidial_callbacks_archive).where(
    vicidial_callbacks_archive.c.callback_id.in_(_lead_callback_ids.scalar_subquery())
)
_CALLBACK_COLUMNS = [c.name for c in vicidial_callbacks.columns]
# preserve_rowcount: SQLAlchemy keeps an INSERT's row count only when asked (PostgreSQL).
_archive_callbacks = (
    insert(vicidial_callbacks_archive)
    .from_select(
        _CALLBACK_COLUMNS,
        select(*(vicidial_callbacks.c[name] for name in _CALLBACK_COLUMNS)).where(
            vicidial_callbacks.c.lead_id == bindparam("lead_id", type_=Integer)
        ),
    )
    .execution_options(preserve_rowcount=True)
)
_delete_callbacks = delete(vicidial_callbacks).where(
    vicidial_callbacks.c.lead_id == bindparam("lead_id", type_=Integer)
)


def first_callback_id(conn: Connection, lead_id: int) -> int | None:
    row = conn.execute(_first_callback, {"lead_id": lead_id}).first()
    return None if row is None else int(row[0])


def update_callback(conn: Connection, callback_id: int, values: Mapping[str, Any]) -> None:
    params = {
        name: stored_value(vicidial_callbacks.c[name], value) for name, value in values.items()
    }
    params = dict(fit(vicidial_callbacks, params))
    params["target_callback_id"] = callback_id
    conn.execute(_update_callback, params)


def archive_and_delete_callbacks(conn: Connection, lead_id: int) -> tuple[int, int]:
    """Copy the lead's callbacks to vicidial_callbacks_archive, then delete them.

    Returns (deleted, archived). An id archived before is replaced by the current row (VICIdial
    would fail on the duplicate key instead).
    """
    params = {"lead_id": lead_id}
    conn.execute(_unarchive_duplicates, params)
    archived = conn.execute(_archive_callbacks, params).rowcount or 0
    deleted = conn.execute(_delete_callbacks, params).rowcount or 0
    return int(deleted), int(archived)


# -- the hopper -----------------------------------------------------------------------------

_hopper_statuses = (
    select(vicidial_hopper.c.status)
    .where(vicidial_hopper.c.lead_id == bindparam("lead_id", type_=Integer))
    .order_by(vicidial_hopper.c.hopper_id)
)
_remove_from_hopper = (
    delete(vicidial_hopper)
    .where(vicidial_hopper.c.lead_id == bindparam("lead_id", type_=Integer))
    .where(func.coalesce(vicidial_hopper.c.status, "").not_in(HOPPER_BUSY_STATUSES))
)


def hopper_statuses(conn: Connection, lead_id: int) -> list[str]:
    """Statuses of the lead's hopper rows, oldest row first ([] = not in the hopper)."""
    if not 0 <= lead_id <= LEAD_ID_MAX:
        return []
    return [str(row[0] or "") for row in conn.execute(_hopper_statuses, {"lead_id": lead_id})]


def remove_from_hopper(conn: Connection, lead_id: int) -> int:
    """Delete the lead's hopper rows that are not being dialled; how many were deleted."""
    return int(conn.execute(_remove_from_hopper, {"lead_id": lead_id}).rowcount or 0)


# -- custom_<list_id> tables ----------------------------------------------------------------


def custom_table_exists(conn: Connection, list_id: int) -> bool:
    return bool(inspect(conn).has_table(f"custom_{list_id}"))


def delete_custom_row(conn: Connection, list_id: int, lead_id: int) -> int:
    """Delete the lead's row from custom_<list_id> (which must exist); rows deleted."""
    custom = table(f"custom_{list_id}", column("lead_id"))
    result = conn.execute(delete(custom).where(custom.c.lead_id == lead_id))
    return int(result.rowcount or 0)


def custom_row(conn: Connection, custom: Table, lead_id: int) -> dict[str, Any] | None:
    row = conn.execute(select(custom).where(custom.c.lead_id == lead_id)).mappings().first()
    return None if row is None else dict(row)


def write_custom_row(
    conn: Connection,
    custom: Table,
    lead_id: int,
    values: Mapping[str, str],
    existing: Mapping[str, Any] | None,
) -> int:
    """UPDATE the lead's custom row (or INSERT it when `existing` is None).

    Returns the affected rows the MySQL way: 0 when an update changes nothing.
    """
    if existing is None:
        row = {"lead_id": lead_id}
        row.update({name: stored_value(custom.c[name], text) for name, text in values.items()})
        conn.execute(insert(custom).values(**fit(custom, row)))
        return 1
    changes = changed_columns(custom, existing, values)
    if not changes:
        return 0
    conn.execute(update(custom).where(custom.c.lead_id == lead_id).values(**fit(custom, changes)))
    return 1

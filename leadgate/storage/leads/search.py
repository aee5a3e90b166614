"""Reads behind the lead look-up functions (lead_search, lead_all_info, lead_field_info,
lead_callback_info, lead_status_search).

Statements on the hot paths are built once at import time. The only dynamic SQL is for the
custom_<list_id> tables, whose columns are known only at run time: their names are taken from
the database's own catalogue (never from the request) and quoted by SQLAlchemy.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Connection,
    Integer,
    Select,
    Table,
    bindparam,
    column,
    func,
    inspect,
    select,
    table,
    type_coerce,
)

from leadgate.storage.tables import (
    vicidial_callbacks,
    vicidial_callbacks_archive,
    vicidial_closer_log,
    vicidial_list,
    vicidial_list_archive,
    vicidial_lists,
    vicidial_lists_fields,
    vicidial_log,
    vicidial_user_groups,
)

# The largest id any of the three databases can compare without an overflow error. Ids are
# bound as BIGINT: PostgreSQL would otherwise cast them to the column's INTEGER and fail.
MAX_ID = 2**63 - 1


def _id(name: str) -> Any:
    return bindparam(name, type_=BigInteger)


# The vicidial_list columns lead_all_info and lead_status_search print, in their order.
INFO_COLUMNS = (
    "status", "user", "vendor_lead_code", "source_id", "list_id", "gmt_offset_now",
    "phone_code", "phone_number", "title", "first_name", "middle_initial", "last_name",
    "address1", "address2", "address3", "city", "state", "province", "postal_code",
    "country_code", "gender", "date_of_birth", "alt_phone", "email", "security_phrase",
    "comments", "called_count", "last_local_call_time", "rank", "owner", "entry_list_id",
)  # fmt: skip

# Custom-field labels that name standard vicidial_list columns (never read from custom tables).
STANDARD_LABELS = (
    "lead_id", "vendor_lead_code", "source_id", "list_id", "gmt_offset_now",
    "called_since_last_reset", "phone_code", "phone_number", "title", "first_name",
    "middle_initial", "last_name", "address1", "address2", "address3", "city", "state",
    "province", "postal_code", "country_code", "gender", "date_of_birth", "alt_phone", "email",
    "security_phrase", "comments", "called_count", "last_local_call_time", "rank", "owner",
)  # fmt: skip
# Field types that hold no per-lead value.
NON_VALUE_TYPES = ("DISPLAY", "SCRIPT", "SWITCH", "BUTTON")

CALLBACK_COLUMNS = (
    "recipient", "status", "lead_status", "callback_time", "entry_time", "user", "list_id",
    "campaign_id", "user_group", "comments", "customer_timezone", "customer_time",
)  # fmt: skip


def lead_table(archived: bool) -> Table:
    return vicidial_list_archive if archived else vicidial_list


# -- lead_search ------------------------------------------------------------------------------

SEARCH_COLUMNS = ("lead_id", "list_id", "entry_list_id", "phone_number", "phone_code",
                  "vendor_lead_code")  # fmt: skip


def _search_statement(source: Table, key: str, in_lists: bool) -> Select[Any]:
    keys = bindparam("keys", expanding=True, type_=BigInteger if key == "lead_id" else None)
    stmt = select(*(source.c[name] for name in SEARCH_COLUMNS)).where(source.c[key].in_(keys))
    if in_lists:
        stmt = stmt.where(source.c.list_id.in_(bindparam("lists", expanding=True)))
    return stmt.order_by(source.c.lead_id.desc()).limit(bindparam("limit", type_=Integer))


_SEARCH = {
    (archived, key, in_lists): _search_statement(lead_table(archived), key, in_lists)
    for archived in (False, True)
    for key in ("lead_id", "vendor_lead_code", "phone_number")
    for in_lists in (False, True)
}


def search_leads(
    conn: Connection,
    *,
    archived: bool,
    key: str,
    values: Sequence[Any],
    list_ids: Sequence[int] | None,
    limit: int,
) -> list[dict[str, Any]]:
    """Leads whose `key` column is one of `values`, newest first, at most `limit`."""
    if not values or limit < 1 or (list_ids is not None and not list_ids):
        return []
    params: dict[str, Any] = {"keys": list(values), "limit": limit}
    if list_ids is not None:
        params["lists"] = list(list_ids)
    stmt = _SEARCH[(archived, key, list_ids is not None)]
    return [dict(row) for row in conn.execute(stmt, params).mappings()]


_campaign_of_list = select(vicidial_lists.c.campaign_id).where(
    vicidial_lists.c.list_id == bindparam("list_id")
)
_lists_of_campaign = select(vicidial_lists.c.list_id).where(
    vicidial_lists.c.campaign_id == bindparam("campaign_id")
)


def sibling_list_ids(conn: Connection, list_id: int) -> list[int] | None:
    """The lists of `list_id`'s campaign; None when the list or its campaign has none."""
    row = conn.execute(_campaign_of_list, {"list_id": list_id}).first()
    if row is None or row[0] is None:
        return None
    ids = [int(r[0]) for r in conn.execute(_lists_of_campaign, {"campaign_id": row[0]})]
    return ids or None


# -- lists and user groups ----------------------------------------------------------------------

_group_campaigns = select(vicidial_user_groups.c.allowed_campaigns).where(
    vicidial_user_groups.c.user_group == bindparam("user_group")
)
_list_exists = select(func.count()).where(vicidial_lists.c.list_id == bindparam("list_id"))
_list_exists_in = _list_exists.where(
    vicidial_lists.c.campaign_id.in_(bindparam("campaigns", expanding=True))
)


def group_allowed_campaigns(conn: Connection, user_group: str) -> str | None:
    """vicidial_user_groups.allowed_campaigns of a group (None: no such group, or NULL)."""
    row = conn.execute(_group_campaigns, {"user_group": user_group}).first()
    return None if row is None or row[0] is None else str(row[0])


def list_exists(conn: Connection, list_id: int | None, campaigns: frozenset[str] | None) -> bool:
    """Whether the list exists (and, with `campaigns`, belongs to one of them)."""
    if list_id is None or list_id > MAX_ID:
        return False
    if campaigns is None:
        return int(conn.execute(_list_exists, {"list_id": list_id}).scalar_one()) > 0
    params = {"list_id": list_id, "campaigns": sorted(campaigns)}
    return int(conn.execute(_list_exists_in, params).scalar_one()) > 0


# -- whole leads ---------------------------------------------------------------------------------


def _info_statement(source: Table, key: str) -> Select[Any]:
    return (
        select(source.c.lead_id, *(source.c[name] for name in INFO_COLUMNS))
        .where(source.c[key] == (_id("key") if key == "lead_id" else bindparam("key")))
        .order_by(source.c.lead_id.desc())
        .limit(1000)
    )


_INFO = {
    (archived, key): _info_statement(lead_table(archived), key)
    for archived in (False, True)
    for key in ("lead_id", "phone_number")
}


def leads_by(conn: Connection, *, archived: bool, key: str, value: Any) -> list[dict[str, Any]]:
    """Up to 1000 whole leads (lead_id + INFO_COLUMNS) by lead_id or phone_number, newest first."""
    stmt = _INFO[(archived, key)]
    return [dict(row) for row in conn.execute(stmt, {"key": value}).mappings()]


def lead_column(conn: Connection, *, archived: bool, lead_id: int, name: str) -> tuple[Any] | None:
    """One column of one lead: a 1-tuple with the value, or None when the lead does not exist."""
    source = lead_table(archived)
    stmt = select(source.c[name]).where(source.c.lead_id == _id("lead_id")).limit(1)
    row = conn.execute(stmt, {"lead_id": lead_id}).first()
    return None if row is None else (row[0],)


def lead_column_names(archived: bool) -> dict[str, str]:
    """vicidial_list column names by their lower-case spelling (MySQL names ignore case)."""
    return {name.lower(): name for name in lead_table(archived).c.keys()}  # noqa: SIM118


# -- custom fields -------------------------------------------------------------------------------

_custom_labels = (
    select(vicidial_lists_fields.c.field_label)
    .where(vicidial_lists_fields.c.list_id == bindparam("list_id"))
    .where(vicidial_lists_fields.c.field_type.not_in(NON_VALUE_TYPES))
    .where(vicidial_lists_fields.c.field_label.not_in(STANDARD_LABELS))
    .order_by(vicidial_lists_fields.c.field_rank, vicidial_lists_fields.c.field_order)
)


def custom_field_labels(conn: Connection, list_id: int) -> list[str]:
    """The value-holding custom field labels of a list, in form order."""
    if list_id > MAX_ID:
        return []
    return [str(row[0]) for row in conn.execute(_custom_labels, {"list_id": list_id})]


def custom_table_columns(conn: Connection, list_id: int) -> list[str] | None:
    """Column names of custom_<list_id>, or None when that table does not exist."""
    name = f"custom_{list_id}"
    inspector = inspect(conn)
    if not inspector.has_table(name):
        return None
    return [str(col["name"]) for col in inspector.get_columns(name)]


def custom_values(
    conn: Connection, list_id: int, lead_id: int, columns: Sequence[str]
) -> dict[str, Any] | None:
    """The lead's row of custom_<list_id> (only `columns`, which must exist), or None."""
    custom = table(f"custom_{list_id}", column("lead_id"), *(column(name) for name in columns))
    stmt = (
        select(*(custom.c[name] for name in columns))
        .where(custom.c.lead_id == _id("lead_id"))
        .limit(1)
    )
    row = conn.execute(stmt, {"lead_id": lead_id}).mappings().first()
    return None if row is None else dict(row)


# -- callbacks ----------------------------------------------------------------------------------


def _callbacks_statement(source: Table) -> Select[Any]:
    return (
        select(*(source.c[name] for name in CALLBACK_COLUMNS))
        .where(source.c.lead_id == _id("lead_id"))
        .order_by(source.c.callback_id)
    )


_CALLBACKS = {
    False: _callbacks_statement(vicidial_callbacks),
    True: _callbacks_statement(vicidial_callbacks_archive),
}


def callbacks_of_lead(conn: Connection, *, archived: bool, lead_id: int) -> list[dict[str, Any]]:
    """Callback rows of a lead (current or archive table), oldest first."""
    return [
        dict(row) for row in conn.execute(_CALLBACKS[archived], {"lead_id": lead_id}).mappings()
    ]


# -- lead_status_search ----------------------------------------------------------------------------


def called_lead_ids(
    conn: Connection,
    *,
    inbound: bool,
    status: str | None,
    since: datetime | None,
    until: datetime | None,
    lead_id: int | None,
    campaigns: frozenset[str] | None,
    limit: int = 1000,
) -> list[int]:
    """Distinct lead ids of outbound (vicidial_log) or inbound (vicidial_closer_log) calls.

    Either by status and call date range, or by lead_id; newest call first.
    """
    log = vicidial_closer_log if inbound else vicidial_log
    stmt = select(log.c.lead_id, log.c.call_date)
    if status is not None and since is not None and until is not None:
        stmt = stmt.where(log.c.status == status, log.c.call_date.between(since, until))
    elif lead_id is not None:
        stmt = stmt.where(log.c.lead_id == type_coerce(lead_id, BigInteger))
    else:
        return []
    if campaigns is not None:
        stmt = stmt.where(log.c.campaign_id.in_(sorted(campaigns)))
    stmt = stmt.order_by(log.c.call_date.desc()).limit(limit * 20)
    seen: dict[int, None] = {}
    for row in conn.execute(stmt):
        seen.setdefault(int(row[0]), None)
        if len(seen) >= limit:
            break
    return list(seen)

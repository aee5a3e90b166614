"""vicidial_lists rows."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import (
    Connection,
    case,
    delete,
    func,
    insert,
    select,
    update,
)

from leadgate.storage.columns import fit
from leadgate.storage.tables import (
    vicidial_call_times,
    vicidial_hopper,
    vicidial_inbound_groups,
    vicidial_list,
    vicidial_lists,
    vicidial_lists_fields,
    vicidial_scripts,
)

_lists = vicidial_lists.c


def find_list(conn: Connection, list_id: int) -> dict[str, Any] | None:
    row = conn.execute(select(vicidial_lists).where(_lists.list_id == list_id)).mappings().first()
    return None if row is None else dict(row)


def all_lists(conn: Connection, campaign_id: str | None = None) -> list[dict[str, Any]]:
    stmt = select(vicidial_lists).order_by(_lists.list_id)
    if campaign_id is not None:
        stmt = stmt.where(_lists.campaign_id == campaign_id)
    return [dict(row) for row in conn.execute(stmt).mappings()]


def insert_list(conn: Connection, values: Mapping[str, Any]) -> None:
    conn.execute(vicidial_lists.insert().values(**fit(vicidial_lists, values)))


def update_list(conn: Connection, list_id: int, values: Mapping[str, Any]) -> int:
    stmt = update(vicidial_lists).where(_lists.list_id == list_id)
    return int(conn.execute(stmt.values(**fit(vicidial_lists, values))).rowcount)


def delete_list(conn: Connection, list_id: int) -> int:
    return int(conn.execute(delete(vicidial_lists).where(_lists.list_id == list_id)).rowcount)


def count_leads(conn: Connection, list_id: int) -> int:
    stmt = select(func.count()).where(vicidial_list.c.list_id == list_id)
    return int(conn.execute(stmt).scalar_one())


def delete_leads(conn: Connection, list_id: int) -> int:
    stmt = delete(vicidial_list).where(vicidial_list.c.list_id == list_id)
    return int(conn.execute(stmt).rowcount)


def lists_of_campaign(conn: Connection, campaign_id: str) -> list[dict[str, Any]]:
    stmt = (
        select(_lists.list_id, _lists.list_name, _lists.active, _lists.expiration_date)
        .where(_lists.campaign_id == campaign_id)
        .order_by(_lists.list_id)
    )
    return [dict(row) for row in conn.execute(stmt).mappings()]


def visible_list(
    conn: Connection, list_id: int, allowed: frozenset[str] | None
) -> dict[str, Any] | None:
    """The list, when its campaign is one of `allowed` (None = any)."""
    stmt = select(vicidial_lists).where(_lists.list_id == list_id)
    if allowed is not None:
        stmt = stmt.where(_lists.campaign_id.in_(sorted(allowed)))
    row = conn.execute(stmt).mappings().first()
    return None if row is None else dict(row)


def lead_counts(conn: Connection, list_id: int, table: Any = vicidial_list) -> tuple[int, int]:
    """(all leads, NEW leads) of a list."""
    stmt = select(
        func.count(), func.coalesce(func.sum(case((table.c.status == "NEW", 1), else_=0)), 0)
    ).where(table.c.list_id == list_id)
    total, new = conn.execute(stmt).one()
    return int(total), int(new)


def dialable_groups(
    conn: Connection, list_id: int, statuses: list[str], call_count_limit: int
) -> list[tuple[Any, str, int]]:
    """(gmt_offset_now, state, count) of the list's leads in `statuses` not called since the
    last reset (and under the call count limit, when > 0)."""
    lead = vicidial_list.c
    stmt = (
        select(lead.gmt_offset_now, lead.state, func.count())
        .where(
            lead.list_id == list_id,
            lead.status.in_(statuses),
            lead.called_since_last_reset.in_(["N", "n"]),
        )  # fmt: skip
        .group_by(lead.gmt_offset_now, lead.state)
    )
    if call_count_limit > 0:
        stmt = stmt.where(lead.called_count < call_count_limit)
    return [(row[0], str(row[1] or ""), int(row[2])) for row in conn.execute(stmt)]


def script_exists(conn: Connection, script_id: str) -> bool:
    stmt = select(func.count()).where(vicidial_scripts.c.script_id == script_id)
    return int(conn.execute(stmt).scalar_one()) > 0


def inbound_group_exists(conn: Connection, group_id: str) -> bool:
    stmt = select(func.count()).where(vicidial_inbound_groups.c.group_id == group_id)
    return int(conn.execute(stmt).scalar_one()) > 0


def call_time_exists(conn: Connection, call_time_id: str) -> bool:
    stmt = select(func.count()).where(vicidial_call_times.c.call_time_id == call_time_id)
    return int(conn.execute(stmt).scalar_one()) > 0


def list_campaign(conn: Connection, list_id: int) -> str | None:
    row = conn.execute(select(_lists.campaign_id).where(_lists.list_id == list_id)).first()
    return None if row is None else str(row[0] or "")


def reset_facts(conn: Connection, list_id: int) -> tuple[int, int]:
    """(daily_reset_limit, resets_today) of a list."""
    stmt = select(_lists.daily_reset_limit, _lists.resets_today).where(_lists.list_id == list_id)
    row = conn.execute(stmt).first()
    return (-1, 0) if row is None else (int(row[0] if row[0] is not None else -1), int(row[1] or 0))


def reset_leads(conn: Connection, list_id: int, now: Any) -> int:
    """Count one reset and mark every lead of the list not called since it; the leads reset."""
    conn.execute(
        update(vicidial_lists)
        .where(_lists.list_id == list_id)
        .values(list_changedate=now, resets_today=func.coalesce(_lists.resets_today, 0) + 1)
    )
    stmt = update(vicidial_list).where(vicidial_list.c.list_id == list_id)
    return int(conn.execute(stmt.values(called_since_last_reset="N")).rowcount)


def delete_hopper_entries(conn: Connection, list_id: int, campaign_id: str) -> int:
    stmt = delete(vicidial_hopper).where(
        vicidial_hopper.c.list_id == list_id, vicidial_hopper.c.campaign_id == campaign_id
    )
    return int(conn.execute(stmt).rowcount)


# -- custom fields (custom_fields_copy) ----------------------------------------------------------

_fields = vicidial_lists_fields.c


def field_count(conn: Connection, list_id: int) -> int:
    stmt = select(func.count()).where(_fields.list_id == list_id)
    return int(conn.execute(stmt).scalar_one())


# Held while field ids are handed out (see add_field).
FIELD_IDS_LOCK = "vicidial_lists_fields:ids"


def add_field(conn: Connection, list_id: int, values: dict[str, Any]) -> int:
    """Insert one custom field definition; its field_id. The id is the highest plus one rather
    than the engine's counter: rows copied in from a VICIdial database keep their ids, and on
    PostgreSQL that leaves the sequence behind them. The caller holds FIELD_IDS_LOCK."""
    highest = conn.execute(select(func.max(_fields.field_id))).scalar()
    field_id = int(highest or 0) + 1
    conn.execute(insert(vicidial_lists_fields).values(field_id=field_id, list_id=list_id, **values))
    return field_id

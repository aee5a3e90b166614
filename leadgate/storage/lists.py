"""vicidial_lists rows."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, case, delete, func, select, update

from leadgate.storage.columns import fit
from leadgate.storage.tables import vicidial_list, vicidial_lists

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

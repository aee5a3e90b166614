"""vicidial_lists rows."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, delete, func, select, update

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

"""vicidial_lists and vicidial_campaigns, as the CLI administers them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, func, select, update

from leadgate.storage.columns import fit
from leadgate.storage.tables import vicidial_campaigns, vicidial_lists

_lists = vicidial_lists.c
_campaigns = vicidial_campaigns.c


def find_list(conn: Connection, list_id: int) -> dict[str, Any] | None:
    row = conn.execute(select(vicidial_lists).where(_lists.list_id == list_id)).mappings().first()
    return None if row is None else dict(row)


def insert_list(conn: Connection, values: Mapping[str, Any]) -> None:
    conn.execute(vicidial_lists.insert().values(**fit(vicidial_lists, values)))


def update_list(conn: Connection, list_id: int, values: Mapping[str, Any]) -> int:
    stmt = update(vicidial_lists).where(_lists.list_id == list_id)
    return conn.execute(stmt.values(**fit(vicidial_lists, values))).rowcount


def lists_of_campaign(conn: Connection, campaign_id: str) -> list[dict[str, Any]]:
    stmt = (
        select(_lists.list_id, _lists.list_name, _lists.active, _lists.expiration_date)
        .where(_lists.campaign_id == campaign_id)
        .order_by(_lists.list_id)
    )
    return [dict(row) for row in conn.execute(stmt).mappings()]


def campaigns_named_like(conn: Connection, campaign_id: str) -> list[dict[str, Any]]:
    """Campaign rows whose id equals `campaign_id` ignoring case.

    MariaDB compares ids case-insensitively and SQLite/PostgreSQL do not; fetching the
    case-insensitive matches and deciding in Python gives the same answer on all three.
    """
    stmt = select(vicidial_campaigns).where(
        func.upper(_campaigns.campaign_id) == campaign_id.upper()
    )
    return [dict(row) for row in conn.execute(stmt).mappings()]


def insert_campaign(conn: Connection, values: Mapping[str, Any]) -> None:
    conn.execute(vicidial_campaigns.insert().values(**fit(vicidial_campaigns, values)))


def update_campaign(conn: Connection, campaign_id: str, values: Mapping[str, Any]) -> int:
    stmt = update(vicidial_campaigns).where(_campaigns.campaign_id == campaign_id)
    return conn.execute(stmt.values(**fit(vicidial_campaigns, values))).rowcount

"""vicidial_campaigns rows."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, delete, func, select, update

from leadgate.storage.columns import fit
from leadgate.storage.tables import vicidial_campaigns, vicidial_lists

_campaigns = vicidial_campaigns.c


def campaigns_named_like(conn: Connection, campaign_id: str) -> list[dict[str, Any]]:
    """Campaign rows whose id equals `campaign_id` ignoring case.

    MariaDB compares ids case-insensitively and SQLite/PostgreSQL do not; fetching the
    case-insensitive matches and deciding in Python gives the same answer on all three.
    """
    stmt = select(vicidial_campaigns).where(
        func.upper(_campaigns.campaign_id) == campaign_id.upper()
    )
    return [dict(row) for row in conn.execute(stmt).mappings()]


def all_campaigns(conn: Connection) -> list[dict[str, Any]]:
    stmt = select(vicidial_campaigns).order_by(_campaigns.campaign_id)
    return [dict(row) for row in conn.execute(stmt).mappings()]


def insert_campaign(conn: Connection, values: Mapping[str, Any]) -> None:
    conn.execute(vicidial_campaigns.insert().values(**fit(vicidial_campaigns, values)))


def update_campaign(conn: Connection, campaign_id: str, values: Mapping[str, Any]) -> int:
    stmt = update(vicidial_campaigns).where(_campaigns.campaign_id == campaign_id)
    return int(conn.execute(stmt.values(**fit(vicidial_campaigns, values))).rowcount)


def delete_campaign(conn: Connection, campaign_id: str) -> int:
    stmt = delete(vicidial_campaigns).where(_campaigns.campaign_id == campaign_id)
    return int(conn.execute(stmt).rowcount)


def count_lists(conn: Connection, campaign_id: str) -> int:
    stmt = select(func.count()).where(vicidial_lists.c.campaign_id == campaign_id)
    return int(conn.execute(stmt).scalar_one())

"""vicidial_campaigns rows."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, delete, func, select, update

from leadgate.storage.columns import fit
from leadgate.storage.tables import (
    vicidial_campaigns,
    vicidial_inbound_groups,
    vicidial_lead_filters,
    vicidial_lists,
)

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


LISTING_COLUMNS = (
    "campaign_id", "campaign_name", "active", "user_group", "dial_method", "auto_dial_level",
    "lead_order", "dial_statuses", "dial_timeout", "dial_prefix", "manual_dial_prefix",
    "three_way_dial_prefix",
)  # fmt: skip


def campaigns_for_listing(
    conn: Connection, allowed: frozenset[str] | None, campaign_id: str
) -> list[dict[str, Any]]:
    """campaigns_list's rows: active Y or N, of the allowed campaigns (None = all), of one
    campaign when `campaign_id` is given. VICIdial returns MyISAM insertion order; leadgate
    gives a fixed order (campaign_id descending) on every engine."""
    stmt = select(*(_campaigns[c] for c in LISTING_COLUMNS)).where(
        _campaigns.active.in_(["Y", "N"])
    )
    if allowed is not None:
        stmt = stmt.where(_campaigns.campaign_id.in_(sorted(allowed)))
    if campaign_id:
        stmt = stmt.where(_campaigns.campaign_id == campaign_id)
    stmt = stmt.order_by(_campaigns.campaign_id.desc())
    return [dict(row) for row in conn.execute(stmt).mappings()]


def campaign_visible(conn: Connection, campaign_id: str, allowed: frozenset[str] | None) -> bool:
    stmt = select(func.count()).where(_campaigns.campaign_id == campaign_id)
    if allowed is not None:
        stmt = stmt.where(_campaigns.campaign_id.in_(sorted(allowed)))
    return int(conn.execute(stmt).scalar_one()) > 0


def dial_statuses(conn: Connection, campaign_id: str) -> str:
    stmt = select(_campaigns.dial_statuses).where(_campaigns.campaign_id == campaign_id)
    return str(conn.execute(stmt).scalar() or "")


def campaign_active(conn: Connection, campaign_id: str) -> str:
    stmt = select(_campaigns.active).where(_campaigns.campaign_id == campaign_id)
    return str(conn.execute(stmt).scalar() or "")


def lead_filter_exists(conn: Connection, lead_filter_id: str) -> bool:
    filters = vicidial_lead_filters.c
    stmt = select(func.count()).where(filters.lead_filter_id == lead_filter_id)
    return int(conn.execute(stmt).scalar_one()) > 0


def active_campaigns_of(
    conn: Connection, allowed: Sequence[str] | None, campaign_id: str
) -> list[dict[str, Any]]:
    """campaign_id and closer_campaigns of the active campaigns among `allowed` (None = all),
    of one campaign when `campaign_id` is given."""
    stmt = select(_campaigns.campaign_id, _campaigns.closer_campaigns).where(
        _campaigns.active == "Y"
    )
    if allowed is not None:
        stmt = stmt.where(_campaigns.campaign_id.in_(list(allowed)))
    if campaign_id:
        stmt = stmt.where(_campaigns.campaign_id == campaign_id)
    return [dict(row) for row in conn.execute(stmt).mappings()]


def active_inbound_group_ids(conn: Connection, group_ids: Sequence[str]) -> list[str]:
    """The ids of the active in-groups among `group_ids`."""
    if not group_ids:
        return []
    i = vicidial_inbound_groups.c
    stmt = select(i.group_id).where(i.active == "Y", i.group_id.in_(list(group_ids)))
    return [str(row[0]) for row in conn.execute(stmt)]

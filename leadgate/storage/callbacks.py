"""vicidial_callbacks rows made by add_lead, and the look-ups that validate them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, String, bindparam, insert, select

from leadgate.storage.columns import fit
from leadgate.storage.tables import vicidial_callbacks, vicidial_campaigns, vicidial_users

_campaign = (
    select(vicidial_campaigns.c.campaign_id)
    .where(vicidial_campaigns.c.campaign_id == bindparam("campaign_id", type_=String))
    .limit(1)
)
_user_group = (
    select(vicidial_users.c.user_group)
    .where(vicidial_users.c.user == bindparam("user", type_=String))
    .limit(1)
)
_insert = insert(vicidial_callbacks)


def campaign_exists(conn: Connection, campaign_id: str) -> bool:
    return conn.execute(_campaign, {"campaign_id": campaign_id}).first() is not None


def user_group_of(conn: Connection, user: str) -> str | None:
    """The user_group of an existing user (active or not); None when there is no such user."""
    row = conn.execute(_user_group, {"user": user}).first()
    return None if row is None else str(row[0] or "")


def insert_callback(conn: Connection, values: Mapping[str, Any]) -> int:
    result = conn.execute(_insert, fit(vicidial_callbacks, values))
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])

"""send_notification: vicidial_agent_notifications rows and the recipient look-ups."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, insert, select

from leadgate.storage.columns import fit
from leadgate.storage.tables import (
    vicidial_agent_notifications,
    vicidial_campaigns,
    vicidial_user_groups,
    vicidial_users,
)

# Recipient type → (table key column), in the order a recipient of unknown type is looked up.
_RECIPIENT_KEYS = {
    "USER": vicidial_users.c.user,
    "USER_GROUP": vicidial_user_groups.c.user_group,
    "CAMPAIGN": vicidial_campaigns.c.campaign_id,
}


def recipient_exists(conn: Connection, recipient_type: str, recipient: str) -> bool:
    key = _RECIPIENT_KEYS[recipient_type]
    return conn.execute(select(key).where(key == recipient).limit(1)).first() is not None


def guess_recipient_type(conn: Connection, recipient: str) -> str | None:
    """The first of USER, USER_GROUP, CAMPAIGN that has this id."""
    for recipient_type in _RECIPIENT_KEYS:
        if recipient_exists(conn, recipient_type, recipient):
            return recipient_type
    return None


def group_access(conn: Connection, user_group: str) -> dict[str, Any] | None:
    """allowed_campaigns and admin_viewable_groups of a user group, or None."""
    groups = vicidial_user_groups.c
    statement = select(groups.allowed_campaigns, groups.admin_viewable_groups).where(
        groups.user_group == user_group
    )
    row = conn.execute(statement.limit(1)).mappings().first()
    return None if row is None else dict(row)


def queue(conn: Connection, values: Mapping[str, Any]) -> int:
    """Insert a notification; its notification_id."""
    result = conn.execute(
        insert(vicidial_agent_notifications), fit(vicidial_agent_notifications, values)
    )
    key = result.inserted_primary_key
    return int(key[0]) if key is not None else 0

"""vicidial_callbacks: rows made by add_lead and add_callback, the look-ups that validate
them, changes, archiving and deleting (remove_callback), and the lead's CBHOLD status."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Connection,
    String,
    bindparam,
    delete,
    insert,
    select,
    type_coerce,
    update,
)

from leadgate.storage.columns import fit
from leadgate.storage.tables import (
    vicidial_callbacks,
    vicidial_callbacks_archive,
    vicidial_campaigns,
    vicidial_list,
    vicidial_users,
)

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


_cb = vicidial_callbacks.c

_first_of_lead = (
    select(_cb.callback_id)
    .where(_cb.lead_id == bindparam("lead_id", type_=BigInteger))
    .order_by(_cb.callback_id)
    .limit(1)
)
_lead = select(vicidial_list.c.lead_id, vicidial_list.c.list_id, vicidial_list.c.status).where(
    vicidial_list.c.lead_id == bindparam("lead_id", type_=BigInteger)
)
_set_lead_status = (
    update(vicidial_list)
    .where(vicidial_list.c.lead_id == bindparam("b_lead_id"))
    .values(status=bindparam("b_status"), modify_date=bindparam("b_now"))
)


def find_lead(conn: Connection, lead_id: int) -> dict[str, Any] | None:
    """lead_id, list_id and status of a lead, or None."""
    row = conn.execute(_lead, {"lead_id": lead_id}).mappings().first()
    return None if row is None else dict(row)


def set_lead_status(conn: Connection, lead_id: int, status: str, now: datetime) -> None:
    conn.execute(_set_lead_status, {"b_lead_id": lead_id, "b_status": status, "b_now": now})


def first_callback_id(conn: Connection, lead_id: int) -> int | None:
    """The lead's oldest vicidial_callbacks row (any status), as update_lead picks it."""
    row = conn.execute(_first_of_lead, {"lead_id": lead_id}).first()
    return None if row is None else int(row[0])


def update_callback(conn: Connection, callback_id: int, values: Mapping[str, Any]) -> None:
    stmt = update(vicidial_callbacks).where(_cb.callback_id == callback_id)
    conn.execute(stmt.values(**fit(vicidial_callbacks, values)))


def archive_and_delete(conn: Connection, lead_id: int, campaign_id: str | None) -> tuple[int, int]:
    """Copy the lead's callbacks (of one campaign, if given) to the archive, then delete them.

    Returns (deleted, archived). A row whose id is already archived is not copied twice.
    """
    stmt = select(vicidial_callbacks).where(_cb.lead_id == type_coerce(lead_id, BigInteger))
    if campaign_id is not None:
        stmt = stmt.where(_cb.campaign_id == campaign_id)
    rows = [dict(row) for row in conn.execute(stmt.order_by(_cb.callback_id)).mappings()]
    if not rows:
        return 0, 0
    ids = [row["callback_id"] for row in rows]
    archive = vicidial_callbacks_archive.c
    already = {
        int(r[0])
        for r in conn.execute(select(archive.callback_id).where(archive.callback_id.in_(ids)))
    }
    fresh = [row for row in rows if int(row["callback_id"]) not in already]
    if fresh:
        conn.execute(insert(vicidial_callbacks_archive), fresh)
    deleted = conn.execute(delete(vicidial_callbacks).where(_cb.callback_id.in_(ids))).rowcount
    return int(deleted), len(fresh)

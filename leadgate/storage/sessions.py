"""The rows an agent session lives in, as VICIdial's agent screen writes them, and leadgate's
own session table that the session engine leases (storage/tables.py leadgate_agent_sessions).

Only plain reads and writes here; what they mean is domain/sessions/.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, and_, delete, func, insert, or_, select, update

from leadgate.storage.columns import fit
from leadgate.storage.tables import (
    leadgate_agent_sessions,
    vicidial_agent_log,
    vicidial_auto_calls,
    vicidial_callbacks,
    vicidial_campaign_agents,
    vicidial_campaigns,
    vicidial_conferences,
    vicidial_hopper,
    vicidial_list,
    vicidial_lists,
    vicidial_live_agents,
    vicidial_log,
    vicidial_manual_dial_queue,
    vicidial_sessions_recent,
    vicidial_user_log,
    vicidial_users,
)

S = leadgate_agent_sessions.c
LIVE = vicidial_live_agents.c
FIRST_SESSION_ID = 8600051


# -- leadgate's session rows and their leases -----------------------------------------------


def add_session(conn: Connection, values: Mapping[str, Any]) -> None:
    conn.execute(insert(leadgate_agent_sessions).values(**fit(leadgate_agent_sessions, values)))


def remove_session(conn: Connection, user: str) -> None:
    conn.execute(delete(leadgate_agent_sessions).where(S.user == user))


def sessions(conn: Connection) -> list[dict[str, Any]]:
    rows = conn.execute(select(leadgate_agent_sessions).order_by(S.user)).mappings()
    return [dict(row) for row in rows]


def session(conn: Connection, user: str) -> dict[str, Any] | None:
    row = conn.execute(select(leadgate_agent_sessions).where(S.user == user)).mappings().first()
    return dict(row) if row is not None else None


def claim_sessions(conn: Connection, engine_id: str, now: datetime, until: datetime) -> list[str]:
    """Renew this engine's leases and take every expired one; the users it now drives."""
    conn.execute(
        update(leadgate_agent_sessions)
        .where(or_(S.engine_id == engine_id, S.lease_until.is_(None), S.lease_until < now))
        .values(engine_id=engine_id, lease_until=until)
    )
    rows = conn.execute(select(S.user).where(S.engine_id == engine_id).order_by(S.user))
    return [str(row[0]) for row in rows]


def lock_owned_session(
    conn: Connection, user: str, engine_id: str, now: datetime
) -> dict[str, Any] | None:
    """The session row, locked until the transaction ends, if this engine holds its lease.

    The lock (FOR UPDATE; SQLite's BEGIN IMMEDIATE already serialises writers) means a command
    is read, carried out and cleared by one engine only."""
    query = (
        select(leadgate_agent_sessions)
        .where(S.user == user, S.engine_id == engine_id, S.lease_until >= now)
        .with_for_update()
    )
    row = conn.execute(query).mappings().first()
    return dict(row) if row is not None else None


def update_session(conn: Connection, user: str, values: Mapping[str, Any]) -> None:
    conn.execute(
        update(leadgate_agent_sessions)
        .where(S.user == user)
        .values(**fit(leadgate_agent_sessions, values))
    )


# -- vicidial_live_agents ---------------------------------------------------------------------


def live_row(conn: Connection, user: str) -> dict[str, Any] | None:
    row = conn.execute(select(vicidial_live_agents).where(LIVE.user == user)).mappings().first()
    return dict(row) if row is not None else None


def add_live_row(conn: Connection, values: Mapping[str, Any]) -> None:
    conn.execute(insert(vicidial_live_agents).values(**fit(vicidial_live_agents, values)))


def update_live_row(conn: Connection, user: str, values: Mapping[str, Any]) -> None:
    conn.execute(
        update(vicidial_live_agents)
        .where(LIVE.user == user)
        .values(**fit(vicidial_live_agents, values))
    )


def remove_live_row(conn: Connection, user: str) -> None:
    conn.execute(delete(vicidial_live_agents).where(LIVE.user == user))


def session_ids_in_use(conn: Connection) -> set[str]:
    rows = conn.execute(select(LIVE.conf_exten))
    return {str(row[0]) for row in rows if row[0]}


def free_conference(conn: Connection, taken: set[str]) -> str | None:
    """The lowest vicidial_conferences session nobody uses, if the table has rows."""
    c = vicidial_conferences.c
    rows = conn.execute(
        select(c.conf_exten)
        .where(or_(c.extension.is_(None), c.extension == ""))
        .order_by(c.conf_exten)
    )
    for row in rows:
        if str(row[0]) not in taken:
            return str(row[0])
    return None


def set_conference_extension(conn: Connection, conf_exten: str, extension: str) -> None:
    c = vicidial_conferences.c
    if conf_exten.isdigit():
        conn.execute(
            update(vicidial_conferences)
            .where(c.conf_exten == int(conf_exten))
            .values(extension=extension)
        )


# -- users, campaigns, leads ------------------------------------------------------------------


def user_row(conn: Connection, user: str) -> dict[str, Any] | None:
    c = vicidial_users.c
    query = select(c.user, c.user_level, c.user_group, c.active).where(c.user == user)
    row = conn.execute(query).mappings().first()
    return dict(row) if row is not None else None


def campaign_row(conn: Connection, campaign_id: str) -> dict[str, Any] | None:
    c = vicidial_campaigns.c
    row = conn.execute(select(vicidial_campaigns).where(c.campaign_id == campaign_id))
    found = row.mappings().first()
    return dict(found) if found is not None else None


def lead_row(conn: Connection, lead_id: int) -> dict[str, Any] | None:
    c = vicidial_list.c
    row = conn.execute(select(vicidial_list).where(c.lead_id == lead_id)).mappings().first()
    return dict(row) if row is not None else None


def campaign_list_ids(conn: Connection, campaign_id: str, *, active_only: bool) -> list[int]:
    c = vicidial_lists.c
    query = select(c.list_id).where(c.campaign_id == campaign_id)
    if active_only:
        query = query.where(c.active == "Y")
    return [int(row[0]) for row in conn.execute(query.order_by(c.list_id))]


def lead_by_phone(conn: Connection, phone: str, list_ids: Sequence[int]) -> dict[str, Any] | None:
    c = vicidial_list.c
    query = select(vicidial_list).where(c.phone_number == phone)
    if list_ids:
        query = query.where(c.list_id.in_(list_ids))
    row = conn.execute(query.order_by(c.lead_id.desc()).limit(1)).mappings().first()
    return dict(row) if row is not None else None


def add_lead(conn: Connection, values: Mapping[str, Any]) -> int:
    result = conn.execute(insert(vicidial_list).values(**fit(vicidial_list, values)))
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def update_lead(conn: Connection, lead_id: int, values: Mapping[str, Any]) -> None:
    c = vicidial_list.c
    conn.execute(update(vicidial_list).where(c.lead_id == lead_id).values(**values))


def count_a_call(conn: Connection, lead_id: int, user: str, now: datetime) -> None:
    """A call to the lead starts: VICIdial's INCALL, called_count + 1, last call time."""
    c = vicidial_list.c
    conn.execute(
        update(vicidial_list)
        .where(c.lead_id == lead_id)
        .values(
            status="INCALL",
            user=user,
            called_count=func.coalesce(c.called_count, 0) + 1,
            called_since_last_reset="Y",
            last_local_call_time=now,
            modify_date=now,
        )
    )


# -- agent and call history -------------------------------------------------------------------


def add_agent_log(conn: Connection, values: Mapping[str, Any]) -> int:
    result = conn.execute(insert(vicidial_agent_log).values(**fit(vicidial_agent_log, values)))
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def agent_log_row(conn: Connection, agent_log_id: int) -> dict[str, Any] | None:
    c = vicidial_agent_log.c
    row = conn.execute(select(vicidial_agent_log).where(c.agent_log_id == agent_log_id))
    found = row.mappings().first()
    return dict(found) if found is not None else None


def update_agent_log(conn: Connection, agent_log_id: int, values: Mapping[str, Any]) -> None:
    c = vicidial_agent_log.c
    conn.execute(
        update(vicidial_agent_log)
        .where(c.agent_log_id == agent_log_id)
        .values(**fit(vicidial_agent_log, values))
    )


def add_user_log(conn: Connection, values: Mapping[str, Any]) -> None:
    conn.execute(insert(vicidial_user_log).values(**fit(vicidial_user_log, values)))


def add_recent_session(conn: Connection, values: Mapping[str, Any]) -> None:
    conn.execute(insert(vicidial_sessions_recent).values(**fit(vicidial_sessions_recent, values)))


def ensure_campaign_agent(conn: Connection, user: str, campaign_id: str) -> None:
    c = vicidial_campaign_agents.c
    exists = conn.execute(
        select(func.count()).where(c.user == user, c.campaign_id == campaign_id)
    ).scalar_one()
    if not exists:
        conn.execute(
            insert(vicidial_campaign_agents).values(
                user=user, campaign_id=campaign_id, campaign_rank=0, campaign_weight=0,
                calls_today=0, campaign_grade=1,
            )
        )  # fmt: skip


def add_call_log(conn: Connection, values: Mapping[str, Any]) -> None:
    conn.execute(insert(vicidial_log).values(**fit(vicidial_log, values)))


def update_call_log(conn: Connection, uniqueid: str, values: Mapping[str, Any]) -> None:
    conn.execute(
        update(vicidial_log)
        .where(vicidial_log.c.uniqueid == uniqueid)
        .values(**fit(vicidial_log, values))
    )


def call_log_row(conn: Connection, uniqueid: str) -> dict[str, Any] | None:
    row = conn.execute(select(vicidial_log).where(vicidial_log.c.uniqueid == uniqueid))
    found = row.mappings().first()
    return dict(found) if found is not None else None


def add_auto_call(conn: Connection, values: Mapping[str, Any]) -> None:
    conn.execute(insert(vicidial_auto_calls).values(**fit(vicidial_auto_calls, values)))


def update_auto_call(conn: Connection, uniqueid: str, values: Mapping[str, Any]) -> None:
    c = vicidial_auto_calls.c
    conn.execute(
        update(vicidial_auto_calls)
        .where(c.uniqueid == uniqueid)
        .values(**fit(vicidial_auto_calls, values))
    )


def remove_auto_call(conn: Connection, uniqueid: str) -> None:
    conn.execute(delete(vicidial_auto_calls).where(vicidial_auto_calls.c.uniqueid == uniqueid))


def add_callback(conn: Connection, values: Mapping[str, Any]) -> None:
    conn.execute(insert(vicidial_callbacks).values(**fit(vicidial_callbacks, values)))


# -- the manual dial queue and the hopper ---------------------------------------------------


def next_queued_dial(conn: Connection, user: str) -> dict[str, Any] | None:
    """The oldest READY manual-dial queue entry of the agent, taken off the queue."""
    c = vicidial_manual_dial_queue.c
    row = (
        conn.execute(
            select(vicidial_manual_dial_queue)
            .where(c.user == user, c.status == "READY")
            .order_by(c.mdq_id)
            .limit(1)
            .with_for_update()
        )
        .mappings()
        .first()
    )
    if row is None:
        return None
    conn.execute(delete(vicidial_manual_dial_queue).where(c.mdq_id == row["mdq_id"]))
    return dict(row)


def take_hopper_lead(conn: Connection, campaign_id: str) -> dict[str, Any] | None:
    """The next READY hopper entry of the campaign (priority first), removed from the hopper."""
    c = vicidial_hopper.c
    row = (
        conn.execute(
            select(vicidial_hopper)
            .where(c.campaign_id == campaign_id, c.status == "READY")
            .order_by(c.priority.desc(), c.hopper_id)
            .limit(1)
            .with_for_update()
        )
        .mappings()
        .first()
    )
    if row is None:
        return None
    conn.execute(delete(vicidial_hopper).where(c.hopper_id == row["hopper_id"]))
    return dict(row)


def hopper_size(conn: Connection, campaign_id: str) -> int:
    c = vicidial_hopper.c
    query = select(func.count()).where(c.campaign_id == campaign_id, c.status == "READY")
    return int(conn.execute(query).scalar_one())


def dialable_candidates(
    conn: Connection,
    list_ids: Sequence[int],
    statuses: Sequence[str],
    limit: int,
    order: str,
) -> list[dict[str, Any]]:
    """Leads of the lists in one of the statuses, not called since the last reset and not in
    the hopper, in the campaign's lead order ('DOWN' = oldest first, 'UP' = newest first)."""
    if not list_ids or not statuses or limit < 1:
        return []
    c = vicidial_list.c
    in_hopper = select(vicidial_hopper.c.lead_id)
    sort = c.lead_id.desc() if order.upper().startswith("UP") else c.lead_id
    query = (
        select(c.lead_id, c.list_id, c.gmt_offset_now, c.state, c.vendor_lead_code)
        .where(
            and_(
                c.list_id.in_(list_ids),
                c.status.in_(statuses),
                or_(c.called_since_last_reset == "N", c.called_since_last_reset.is_(None)),
                c.lead_id.not_in(in_hopper),
            )
        )
        .order_by(sort)
        .limit(limit)
    )
    return [dict(row) for row in conn.execute(query).mappings()]

"""The in-groups a logged-in agent takes calls from (vicidial_live_inbound_agents) and what
change_ingroups reads and writes around them."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from leadgate.storage.columns import fit
from leadgate.storage.tables import (
    vicidial_admin_log,
    vicidial_campaigns,
    vicidial_inbound_group_agents,
    vicidial_inbound_groups,
    vicidial_live_agents,
    vicidial_live_inbound_agents,
    vicidial_users,
)

_agents = vicidial_live_agents.c
_campaigns = vicidial_campaigns.c
_live = vicidial_live_inbound_agents.c
_settings = vicidial_inbound_group_agents.c
# What an agent without vicidial_inbound_group_agents settings gets (VICIdial's defaults).
DEFAULT_GROUP_SETTINGS = {
    "group_weight": 0, "calls_today": 0, "group_grade": 0, "calls_today_filtered": 0,
    "daily_limit": -1,
}  # fmt: skip


def agent_campaign_settings(conn: Connection, agent_user: str) -> dict[str, Any] | None:
    """campaign_allow_inbound and dial_method of the agent's campaign (None: no campaign)."""
    statement = (
        select(_campaigns.campaign_allow_inbound, _campaigns.dial_method)
        .select_from(vicidial_live_agents.join(
            vicidial_campaigns, _campaigns.campaign_id == _agents.campaign_id))
        .where(_agents.user == agent_user)
        .limit(1)
    )  # fmt: skip
    row = conn.execute(statement).mappings().first()
    return None if row is None else dict(row)


def may_change_agent_campaign(conn: Connection, user: str) -> bool:
    """vicidial_users.change_agent_campaign = '1', read now (not from the login cache)."""
    statement = select(func.count()).where(
        vicidial_users.c.user == user, vicidial_users.c.change_agent_campaign == "1"
    )
    return bool(conn.execute(statement).scalar_one())


def inbound_group_exists(conn: Connection, group_id: str) -> bool:
    statement = select(func.count()).where(vicidial_inbound_groups.c.group_id == group_id)
    return bool(conn.execute(statement).scalar_one())


def selected_ingroups(conn: Connection, agent_user: str) -> str:
    """The agent's closer_campaigns ('' when NULL)."""
    statement = select(_agents.closer_campaigns).where(_agents.user == agent_user).limit(1)
    value = conn.execute(statement).scalar()
    return "" if value is None else str(value)


def group_settings(conn: Connection, agent_user: str, group_id: str) -> dict[str, Any]:
    statement = select(
        _settings.group_weight, _settings.calls_today, _settings.group_grade,
        _settings.calls_today_filtered, _settings.daily_limit,
    ).where(_settings.user == agent_user, _settings.group_id == group_id)  # fmt: skip
    row = conn.execute(statement.limit(1)).mappings().first()
    return dict(DEFAULT_GROUP_SETTINGS) if row is None else dict(row)


def join_group(
    conn: Connection, agent_user: str, group_id: str, settings: Mapping[str, Any], now: datetime
) -> None:
    """Add the agent to the in-group's live agents, or refresh the counters of the row there
    (its call times stay). The caller holds the agent's lock."""
    key = (_live.user == agent_user, _live.group_id == group_id)
    exists = conn.execute(select(func.count()).where(*key)).scalar_one()
    if exists:
        conn.execute(update(vicidial_live_inbound_agents).where(*key).values(**settings))
        return
    values = {
        "user": agent_user, "group_id": group_id, **settings, "last_call_time": now,
        "last_call_finish": now, "last_call_time_filtered": now,
        "last_call_finish_filtered": now,
    }  # fmt: skip
    conn.execute(insert(vicidial_live_inbound_agents), fit(vicidial_live_inbound_agents, values))


def leave_group(conn: Connection, agent_user: str, group_id: str) -> None:
    conn.execute(
        delete(vicidial_live_inbound_agents).where(
            _live.user == agent_user, _live.group_id == group_id
        )
    )


def set_default_ingroups(conn: Connection, agent_user: str, ingroups: str, blended: str) -> None:
    values = fit(vicidial_users, {"closer_campaigns": ingroups, "closer_default_blended": blended})
    conn.execute(update(vicidial_users).where(vicidial_users.c.user == agent_user).values(values))


def log_user_change(
    conn: Connection, *, user: str, ip: str, agent_user: str, sql: str, now: datetime
) -> None:
    """The vicidial_admin_log row VICIdial writes for an API change to a user."""
    values = {
        "event_date": now, "user": user, "ip_address": ip, "event_section": "USERS",
        "event_type": "MODIFY", "record_id": agent_user, "event_code": "API MODIFY USER",
        "event_sql": sql, "event_notes": "",
    }  # fmt: skip
    conn.execute(insert(vicidial_admin_log), fit(vicidial_admin_log, values))

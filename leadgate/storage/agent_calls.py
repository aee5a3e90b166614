"""Lookups around an agent's call: the campaign's lead-search setting, the lead to switch to,
and the fronter still on a lead."""

from __future__ import annotations

from sqlalchemy import Connection, select

from leadgate.storage.live_agents import as_id
from leadgate.storage.tables import vicidial_campaigns, vicidial_list, vicidial_live_agents

_agents = vicidial_live_agents.c
_leads = vicidial_list.c


def campaign_lead_search(conn: Connection, campaign_id: str) -> str | None:
    """vicidial_campaigns.agent_lead_search, or None when the campaign does not exist."""
    statement = select(vicidial_campaigns.c.agent_lead_search).where(
        vicidial_campaigns.c.campaign_id == campaign_id
    )
    row = conn.execute(statement.limit(1)).first()
    return None if row is None else str(row[0] or "")


def find_switch_lead(
    conn: Connection, lead_id: str, vendor_lead_code: str
) -> tuple[int, str] | None:
    """(lead_id, vendor_lead_code) of the lead named by vendor_lead_code (the newest such lead)
    or else by lead_id."""
    statement = select(_leads.lead_id, _leads.vendor_lead_code)
    if vendor_lead_code:
        statement = statement.where(_leads.vendor_lead_code == vendor_lead_code).order_by(
            _leads.lead_id.desc()
        )
    else:
        key = as_id(lead_id)
        if key is None:
            return None
        statement = statement.where(_leads.lead_id == key)
    row = conn.execute(statement.limit(1)).first()
    return None if row is None else (int(row[0]), str(row[1] or ""))


def fronter_of(conn: Connection, agent_user: str, lead_id: int) -> str | None:
    """Another logged-in agent on this lead, the one with the oldest last call first (an
    agent without one first, as MySQL orders NULL)."""
    statement = (
        select(_agents.user)
        .where(_agents.user != agent_user, _agents.lead_id == lead_id)
        .order_by(_agents.last_call_time.is_(None).desc(), _agents.last_call_time, _agents.user)
        .limit(1)
    )
    value = conn.execute(statement).scalar()
    return None if value is None else str(value)

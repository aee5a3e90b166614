"""The SQL behind call URLs: configured vicidial_url_multi rows and the stored facts a URL
carries (the lead as stored, its list, its custom row). Plain rows out; the domain decides."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import BigInteger, Connection, Table, bindparam, select

from leadgate.storage.tables import (
    vicidial_agent_log,
    vicidial_auto_calls,
    vicidial_campaign_statuses,
    vicidial_campaigns,
    vicidial_closer_log,
    vicidial_did_log,
    vicidial_inbound_dids,
    vicidial_inbound_groups,
    vicidial_list,
    vicidial_lists,
    vicidial_live_agents,
    vicidial_log,
    vicidial_settings_containers,
    vicidial_statuses,
    vicidial_url_multi,
    vicidial_users,
)

U = vicidial_url_multi.c
URL_ROW_COLUMNS = ("url_id", "campaign_id", "entry_type", "url_type", "active", "url_rank",
                   "url_statuses", "url_lists", "url_call_length", "url_address")  # fmt: skip
_columns = [U[name] for name in URL_ROW_COLUMNS]
# No ORDER BY in VICIdial: the first row inserted wins, i.e. the lowest url_id.
_newlead_rows = select(*_columns).where(U.url_type == "apinewlead").order_by(U.url_id)
_call_rows = (
    select(*_columns)
    .where(U.campaign_id == bindparam("campaign_id"))
    .where(U.entry_type == bindparam("entry_type"))
    .where(U.url_type == bindparam("url_type"))
    .where(U.active == "Y")
    .order_by(U.url_rank, U.url_id)
)


def newlead_url_rows(conn: Connection) -> list[Mapping[str, Any]]:
    """Every apinewlead row (system and per list), oldest first."""
    return [dict(row) for row in conn.execute(_newlead_rows).mappings()]


def call_url_rows(
    conn: Connection, campaign_id: str, entry_type: str, url_type: str
) -> list[Mapping[str, Any]]:
    """Active ALT rows of a campaign or in-group for dispo/start URLs, in rank order."""
    params = {"campaign_id": campaign_id, "entry_type": entry_type, "url_type": url_type}
    return [dict(row) for row in conn.execute(_call_rows, params).mappings()]


_list_row = select(
    vicidial_lists.c.list_name, vicidial_lists.c.list_description, vicidial_lists.c.campaign_id
).where(vicidial_lists.c.list_id == bindparam("list_id", type_=BigInteger))


def list_row(conn: Connection, list_id: int) -> Mapping[str, Any] | None:
    row = conn.execute(_list_row, {"list_id": list_id}).mappings().first()
    return dict(row) if row is not None else None


_stored_lead = select(vicidial_list).where(
    vicidial_list.c.lead_id == bindparam("lead_id", type_=BigInteger)
)


def stored_lead(conn: Connection, lead_id: int) -> Mapping[str, Any] | None:
    """The vicidial_list row as stored (cut to widths, defaults applied)."""
    row = conn.execute(_stored_lead, {"lead_id": lead_id}).mappings().first()
    return dict(row) if row is not None else None


def custom_row(conn: Connection, table: Table, lead_id: int) -> Mapping[str, Any] | None:
    row = conn.execute(select(table).where(table.c.lead_id == lead_id)).mappings().first()
    return dict(row) if row is not None else None


def agent_row(conn: Connection, user: str) -> Mapping[str, Any] | None:
    """The vicidial_users facts a call URL carries (never the password)."""
    c = vicidial_users.c
    query = select(c.user, c.full_name, c.user_group, c.email, c.custom_one, c.custom_two,
                   c.custom_three, c.custom_four, c.custom_five).where(c.user == user)  # fmt: skip
    row = conn.execute(query).mappings().first()
    return dict(row) if row is not None else None


def campaign_call_urls(conn: Connection, campaign_id: str) -> Mapping[str, Any] | None:
    c = vicidial_campaigns.c
    query = select(c.campaign_id, c.start_call_url, c.dispo_call_url, c.custom_one,
                   c.custom_two, c.custom_three, c.custom_four, c.custom_five
                   ).where(c.campaign_id == campaign_id)  # fmt: skip
    row = conn.execute(query).mappings().first()
    return dict(row) if row is not None else None


def live_agent_row(conn: Connection, user: str) -> Mapping[str, Any] | None:
    c = vicidial_live_agents.c
    query = select(c.user, c.server_ip, c.conf_exten, c.extension, c.callerid, c.uniqueid,
                   c.agent_log_id, c.status, c.campaign_id, c.lead_id, c.channel,
                   c.call_server_ip).where(c.user == user)  # fmt: skip
    row = conn.execute(query).mappings().first()
    return dict(row) if row is not None else None


def status_name(conn: Connection, status: str, campaign_id: str) -> str:
    """The status's name: the system status, else the campaign's own."""
    s = vicidial_statuses.c
    name = conn.execute(select(s.status_name).where(s.status == status)).scalar()
    if name is None:
        cs = vicidial_campaign_statuses.c
        name = conn.execute(
            select(cs.status_name).where(cs.status == status, cs.campaign_id == campaign_id)
        ).scalar()
    return str(name or "")


def _first(conn: Connection, query: Any) -> Mapping[str, Any] | None:
    row = conn.execute(query).mappings().first()
    return dict(row) if row is not None else None


def ingroup_call_urls(conn: Connection, group_id: str) -> Mapping[str, Any] | None:
    g = vicidial_inbound_groups.c
    return _first(conn, select(g.group_id, g.start_call_url, g.dispo_call_url, g.custom_one,
                               g.custom_two, g.custom_three, g.custom_four, g.custom_five
                               ).where(g.group_id == group_id))  # fmt: skip


def auto_call_row(conn: Connection, callerid: str) -> Mapping[str, Any] | None:
    """The live call handed to an agent (its in-group in campaign_id when call_type is IN)."""
    a = vicidial_auto_calls.c
    return _first(conn, select(a.campaign_id, a.call_type, a.uniqueid, a.lead_id)
                  .where(a.callerid == callerid).order_by(a.auto_call_id))  # fmt: skip


def agent_log_talk(conn: Connection, agent_log_id: int, lead_id: int) -> Mapping[str, Any] | None:
    a = vicidial_agent_log.c
    return _first(conn, select(a.talk_sec, a.dead_sec).where(
        a.agent_log_id == agent_log_id, a.lead_id == lead_id))  # fmt: skip


def outbound_log_row(conn: Connection, uniqueid: str) -> Mapping[str, Any] | None:
    v = vicidial_log.c
    return _first(
        conn, select(v.phone_number, v.alt_dial, v.term_reason).where(v.uniqueid == uniqueid)
    )


def closer_log_row(conn: Connection, uniqueid: str) -> Mapping[str, Any] | None:
    v = vicidial_closer_log.c
    return _first(conn, select(v.closecallid, v.campaign_id).where(v.uniqueid == uniqueid)
                  .order_by(v.closecallid.desc()))  # fmt: skip


def did_of_call(conn: Connection, uniqueid: str) -> Mapping[str, Any] | None:
    """The DID the call came in on: its log row's did_id and extension, the DID's facts."""
    log = _first(conn, select(vicidial_did_log.c.did_id, vicidial_did_log.c.extension)
                 .where(vicidial_did_log.c.uniqueid == uniqueid))  # fmt: skip
    if log is None:
        return None
    d = vicidial_inbound_dids.c
    did = None
    if str(log["did_id"] or "").isdigit():
        did = _first(conn, select(d.did_pattern, d.did_description, d.custom_one, d.custom_two,
                                  d.custom_three, d.custom_four, d.custom_five
                                  ).where(d.did_id == int(log["did_id"])))  # fmt: skip
    return {**(did or {}), **log}


def settings_container_entry(conn: Connection, container_id: str) -> str | None:
    s = vicidial_settings_containers.c
    entry = conn.execute(select(s.container_entry).where(s.container_id == container_id)).scalar()
    return None if entry is None else str(entry)

"""What the Agent API reads and queues about the agent's phone side: the session data written
at login (vicidial_session_data), the manager actions queued for the phone system
(vicidial_manager), live channels, recordings, the calls a remote agent takes
(vicidial_auto_calls) and the log rows such a call closes.

Standalone nothing executes a vicidial_manager row; on a VICIdial database its send process
does, so the rows have exactly VICIdial's layout.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, delete, select, update

from leadgate.storage.columns import fit
from leadgate.storage.tables import (
    live_channels,
    recording_log,
    servers,
    vicidial_auto_calls,
    vicidial_campaigns,
    vicidial_closer_log,
    vicidial_inbound_groups,
    vicidial_list,
    vicidial_live_agents,
    vicidial_log,
    vicidial_manager,
    vicidial_session_data,
)

# The columns of a vicidial_manager row after man_id, in VICIdial's order.
MANAGER_COLUMNS = (
    "uniqueid", "entry_date", "status", "response", "server_ip", "channel", "action",
    "callerid", "cmd_line_b", "cmd_line_c", "cmd_line_d", "cmd_line_e", "cmd_line_f",
    "cmd_line_g", "cmd_line_h", "cmd_line_i", "cmd_line_j", "cmd_line_k",
)  # fmt: skip

_sessions = vicidial_session_data.c
_agents = vicidial_live_agents.c
_calls = vicidial_auto_calls.c

_select_session_data = (
    select(_sessions.webphone_url, _sessions.agent_login_call)
    .where(_sessions.user == bindparam("b_user"))
    .limit(1)
)
_select_recording = (
    select(recording_log.c.filename, recording_log.c.server_ip, recording_log.c.start_time)
    .where(recording_log.c.recording_id == bindparam("b_id"))
    .limit(1)
)
_select_ext_context = (
    select(servers.c.ext_context).where(servers.c.server_ip == bindparam("b_ip")).limit(1)
)
_select_playing_channel = (
    select(live_channels.c.channel)
    .where(
        live_channels.c.extension == bindparam("b_exten"),
        live_channels.c.server_ip == bindparam("b_ip"),
        live_channels.c.channel.like("IAX2/ASTplay%"),
    )
    .limit(1)
)
_select_auto_call = (
    select(
        _calls.channel, _calls.server_ip, _calls.call_type, _calls.campaign_id, _calls.lead_id,
        _calls.phone_number, _calls.uniqueid, _calls.stage, _calls.queue_position,
    )
    .where(_calls.callerid == bindparam("b_callerid"))
    .limit(1)
)  # fmt: skip
_select_call_agent = (
    select(_agents.server_ip, _agents.user, _agents.extension)
    .where(_agents.callerid == bindparam("b_callerid"))
    .limit(1)
)


# -- session data and recordings ------------------------------------------------------------


def session_data(conn: Connection, agent_user: str) -> dict[str, Any] | None:
    """webphone_url and agent_login_call of the agent's screen session, or None."""
    row = conn.execute(_select_session_data, {"b_user": agent_user}).mappings().first()
    return None if row is None else dict(row)


def recording(conn: Connection, recording_id: int) -> dict[str, Any] | None:
    """filename, server_ip and start_time of a recording_log row, or None."""
    row = conn.execute(_select_recording, {"b_id": recording_id}).mappings().first()
    return None if row is None else dict(row)


def ext_context(conn: Connection, server_ip: str) -> str:
    """The dialplan context of a server ('' when the server is unknown)."""
    value = conn.execute(_select_ext_context, {"b_ip": server_ip}).scalar()
    return "" if value is None else str(value)


def playing_channel(conn: Connection, conf_exten: str, server_ip: str) -> str | None:
    """The sound-playback channel in the agent's conference, if one is live."""
    value = conn.execute(_select_playing_channel, {"b_exten": conf_exten, "b_ip": server_ip})
    found = value.scalar()
    return None if found is None else str(found)


def queue_manager_action(conn: Connection, values: Sequence[Any]) -> None:
    """One vicidial_manager row from VICIdial's positional values (man_id left out)."""
    row = dict(zip(MANAGER_COLUMNS, values, strict=True))
    conn.execute(vicidial_manager.insert(), fit(vicidial_manager, row))


# -- calls a remote agent controls (ra_call_control) ----------------------------------------


def auto_call(conn: Connection, callerid: str) -> dict[str, Any] | None:
    row = conn.execute(_select_auto_call, {"b_callerid": callerid}).mappings().first()
    return None if row is None else dict(row)


def agent_on_call(conn: Connection, callerid: str) -> dict[str, Any] | None:
    """server_ip, user and extension of the agent whose row carries this call id."""
    row = conn.execute(_select_call_agent, {"b_callerid": callerid}).mappings().first()
    return None if row is None else dict(row)


def default_xfer_group(conn: Connection, group: str, inbound: bool) -> str | None:
    """default_xfer_group of an in-group (inbound calls) or campaign; None when missing."""
    if inbound:
        key = vicidial_inbound_groups.c.group_id
        column = vicidial_inbound_groups.c.default_xfer_group
    else:
        key = vicidial_campaigns.c.campaign_id
        column = vicidial_campaigns.c.default_xfer_group
    row = conn.execute(select(column).where(key == group).limit(1)).first()
    return None if row is None or row[0] is None else str(row[0])


def close_call_logs(
    conn: Connection, call: Mapping[str, Any], status: str, agent_user: str, epoch: int
) -> None:
    """Set the status and length of the call's newest vicidial_log (outbound) or
    vicidial_closer_log (inbound) row, as VICIdial does when a remote agent ends it."""
    lead_id = int(call["lead_id"] or 0)
    uniqueid = str(call["uniqueid"] or "")
    if call["call_type"] == "IN":
        log = vicidial_closer_log.c
        newest = (
            select(log.closecallid)
            .where(log.uniqueid == uniqueid, log.lead_id == lead_id,
                   log.campaign_id == str(call["campaign_id"] or ""))
            .order_by(log.closecallid.desc())
            .limit(1)
        )  # fmt: skip
        key = conn.execute(newest).scalar()
        if key is not None:
            conn.execute(
                update(vicidial_closer_log)
                .where(log.closecallid == key)
                .values(status=status, length_in_sec=epoch - log.start_epoch,
                        end_epoch=epoch)
            )  # fmt: skip
        return
    outbound = vicidial_log.c
    newest = (
        select(outbound.uniqueid)
        .where(outbound.uniqueid == uniqueid, outbound.lead_id == lead_id)
        .order_by(outbound.call_date.desc())
        .limit(1)
    )
    key = conn.execute(newest).scalar()
    if key is not None:
        values = fit(vicidial_log, {"status": status, "user": agent_user})
        conn.execute(
            update(vicidial_log)
            .where(outbound.uniqueid == key)
            .values(**values, length_in_sec=epoch - outbound.start_epoch,
                    end_epoch=epoch)
        )  # fmt: skip


def set_lead_status(conn: Connection, lead_id: int, status: str) -> None:
    values = fit(vicidial_list, {"status": status})
    conn.execute(update(vicidial_list).where(vicidial_list.c.lead_id == lead_id).values(values))


def release_agent(
    conn: Connection, agent: Mapping[str, Any], random_id: int, now: datetime
) -> None:
    """The agent who had the call is free again: READY, no lead, no call."""
    conn.execute(
        update(vicidial_live_agents)
        .where(_agents.user == agent["user"], _agents.server_ip == agent["server_ip"])
        .values(random_id=random_id, last_call_finish=now, lead_id=0, uniqueid="", callerid="",
                channel="", last_state_change=now, status="READY")
    )  # fmt: skip


def end_auto_call(conn: Connection, callerid: str) -> None:
    """Delete the call and clear it from any agent still ringing with it."""
    conn.execute(delete(vicidial_auto_calls).where(_calls.callerid == callerid))
    conn.execute(
        update(vicidial_live_agents)
        .where(_agents.ring_callerid == callerid)
        .values(ring_callerid="")
    )

"""Operations on the call an agent (or a remote agent) has: ra_call_control, switch_lead and
force_fronter_leave_3way."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Any

from sqlalchemy import Connection

from leadgate.domain.agent_commands import LEAVE_3WAY_CALL, TransferCommand
from leadgate.domain.agent_sessions import AgentSession
from leadgate.storage import agent_calls, agent_phone, live_agents
from leadgate.storage.unit_of_work import UnitOfWork

LIVE_CALLERID_MIN = 16  # a callerid this long only exists while a call is live
DEFAULT_INGROUP = "DEFAULTINGROUP"
REMOTE_AGENT_STATUS = "RAXFER"  # the lead status when ra_call_control is given none
INGROUP_TRANSFER_EXTEN = "90009*{group}**{lead_id}**{phone}**{agent}**"


# -- ra_call_control ------------------------------------------------------------------------


class RemoteStage(Enum):
    HANGUP = "HANGUP"
    EXTENSIONTRANSFER = "EXTENSIONTRANSFER"
    INGROUPTRANSFER = "INGROUPTRANSFER"


class RemoteRefusal(Enum):
    NO_CALL = "no active call found"
    BAD_PHONE = "phone_number is not valid"
    BAD_INGROUP = "ingroup is not valid"
    BAD_STAGE = "stage is not valid"


@dataclass(frozen=True)
class RemoteControl:
    callerid: str
    stage: str
    agent_user: str
    phone_number: str = ""
    ingroup: str = ""
    status: str = ""


@dataclass(frozen=True)
class RemoteOutcome:
    refusal: RemoteRefusal | None = None
    ingroup: str = ""  # the in-group after DEFAULTINGROUP was resolved


def control_remote_call(uow: UnitOfWork, request: RemoteControl) -> RemoteOutcome:
    """Hang up or transfer a call a remote agent has: queue the manager action, close the
    call's log row, set the lead's status, free the agent and delete the call. The call is
    locked first, so two requests for it cannot both act on it."""
    conn, now = uow.conn, uow.now
    uow.lock([f"auto_call:{request.callerid}"])
    call = agent_phone.auto_call(conn, request.callerid)
    if call is None:
        return RemoteOutcome(RemoteRefusal.NO_CALL)
    server_ip = str(call["server_ip"] or "")
    channel = f"Channel: {call['channel'] or ''}"
    tagged = request.callerid[4:]
    ingroup = request.ingroup
    if request.stage == RemoteStage.HANGUP.value:
        action = ["Hangup", f"HAPI{tagged}", channel]
    elif request.stage == RemoteStage.EXTENSIONTRANSFER.value:
        if len(request.phone_number) < 2:
            return RemoteOutcome(RemoteRefusal.BAD_PHONE)
        context = agent_phone.ext_context(conn, server_ip)
        action = ["Redirect", f"XAPI{tagged}", channel, f"Context: {context}",
                  f"Exten: {request.phone_number}", "Priority: 1", f"CallerID: XAPI{tagged}"]  # fmt: skip
    elif request.stage == RemoteStage.INGROUPTRANSFER.value:
        if len(ingroup) < 2:
            return RemoteOutcome(RemoteRefusal.BAD_INGROUP, ingroup)
        context = agent_phone.ext_context(conn, server_ip)
        if DEFAULT_INGROUP in ingroup:
            group = str(call["campaign_id"] or "")
            ingroup = agent_phone.default_xfer_group(conn, group, call["call_type"] == "IN") or ""
        if not live_agents.active_inbound_group_exists(conn, ingroup):
            return RemoteOutcome(RemoteRefusal.BAD_INGROUP, ingroup)
        exten = INGROUP_TRANSFER_EXTEN.format(
            group=ingroup, lead_id=call["lead_id"], phone=call["phone_number"] or "",
            agent=request.agent_user,
        )  # fmt: skip
        action = ["Redirect", f"XAPI{tagged}", channel, f"Context: {context}",
                  f"Exten: {exten}", "Priority: 1", f"CallerID: XAPI{tagged}"]  # fmt: skip
    else:
        return RemoteOutcome(RemoteRefusal.BAD_STAGE)
    _finish_remote_call(conn, request, call, action, now)
    return RemoteOutcome(ingroup=ingroup)


def _finish_remote_call(
    conn: Connection, request: RemoteControl, call: dict[str, Any], action: list[str],
    now: datetime,
) -> None:  # fmt: skip
    status = request.status or REMOTE_AGENT_STATUS
    epoch = int(now.timestamp())
    agent_phone.close_call_logs(conn, call, status, request.agent_user, epoch)
    agent_phone.set_lead_status(conn, int(call["lead_id"] or 0), status)
    server_ip = str(call["server_ip"] or "")
    commands = action[2:] + [""] * (10 - len(action[2:]))
    agent_phone.queue_manager_action(
        conn, ["", now, "NEW", "N", server_ip, "", action[0], action[1], *commands]
    )
    agent = agent_phone.agent_on_call(conn, request.callerid)
    if agent is not None:
        # VICIdial's 8-digit random id marks the agent's row as changed for its screen.
        agent_phone.release_agent(conn, agent, random.randint(11000000, 19999999), now)
    agent_phone.end_auto_call(conn, request.callerid)


# -- switch_lead ----------------------------------------------------------------------------


class SwitchRefusal(Enum):
    NO_LIVE_CALL = "agent_user does not have a live call"
    NOT_INBOUND = "agent call is not inbound"
    NO_CAMPAIGN = "campaign not found"
    SEARCH_NOT_ALLOWED = "campaign does not allow inbound lead search"
    LEAD_NOT_FOUND = "switch-to lead not found"


INBOUND_LEAD_SEARCH = frozenset({"LIVE_CALL_INBOUND", "LIVE_CALL_INBOUND_AND_MANUAL"})


@dataclass(frozen=True)
class SwitchOutcome:
    refusal: SwitchRefusal | None = None
    lead_id: int = 0
    vendor_lead_code: str = ""


def switch_lead(
    conn: Connection, session: AgentSession, lead_id: str, vendor_lead_code: str
) -> SwitchOutcome:
    """Put another lead on an inbound call's screen (the screen reads external_lead_id)."""
    if session.lead_id < 1 or len(session.callerid) < LIVE_CALLERID_MIN:
        return SwitchOutcome(SwitchRefusal.NO_LIVE_CALL)
    if not session.callerid.startswith("Y"):
        return SwitchOutcome(SwitchRefusal.NOT_INBOUND)
    search = agent_calls.campaign_lead_search(conn, session.campaign_id)
    if search is None:
        return SwitchOutcome(SwitchRefusal.NO_CAMPAIGN)
    if search not in INBOUND_LEAD_SEARCH:
        return SwitchOutcome(SwitchRefusal.SEARCH_NOT_ALLOWED)
    found = agent_calls.find_switch_lead(conn, lead_id, vendor_lead_code)
    if found is None:
        return SwitchOutcome(SwitchRefusal.LEAD_NOT_FOUND)
    new_lead_id, new_code = found
    live_agents.write_commands(conn, session.user, {"external_lead_id": new_lead_id})
    return SwitchOutcome(lead_id=new_lead_id, vendor_lead_code=new_code)


# -- force_fronter_leave_3way ---------------------------------------------------------------

FRONTER_SCOPES = frozenset({"LOCAL_ONLY", "LOCAL_AND_CCC", "CCC_REMOTE"})


def fronter_lead(session_lead_id: int, value: str, lead_id: str) -> int | None:
    """The lead whose fronter should leave: the agent's, or for CCC_REMOTE the lead given
    (VICIdial reads a missing one as 0); None when the agent is on no call."""
    remote = value == "CCC_REMOTE"
    if session_lead_id < 1 and not (remote and lead_id):
        return None
    if not remote:
        return session_lead_id
    number = int(lead_id) if lead_id else 0
    return number if number <= live_agents.MAX_ID else -1


def make_fronter_leave(conn: Connection, agent_user: str, lead_id: int, epoch: int) -> str | None:
    """Tell the other agent on the lead (the earliest by last call) to leave the 3-way call;
    the fronter's user, or None when there is none. Cross-cluster (CCC) fronters are not
    reached: leadgate sends no requests to other servers."""
    fronter = agent_calls.fronter_of(conn, agent_user, lead_id)
    if fronter is None:
        return None
    command = TransferCommand(LEAVE_3WAY_CALL, epoch).text()
    live_agents.write_commands(conn, fronter, {"external_transferconf": command})
    return fronter

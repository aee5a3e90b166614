"""transfer_conference: transfers and 3-way calls, sent to the agent screen
(agent_api.md §9). The multi-dial (multi_dial_phones/md_check) and live 3-way checks
(tw_check) need telephony tables and are not available (Tier 3): they are ignored.
"""

from __future__ import annotations

import re

from leadgate.domain import agent_sessions
from leadgate.domain.agent_commands import TransferCommand
from leadgate.domain.agent_sessions import AgentSession
from leadgate.wire.agent import params
from leadgate.wire.agent.common import AgentCall
from leadgate.wire.context import Call
from leadgate.wire.filters import php_strlen

VALUE_MIN = 8
INGROUP_ROUTES = frozenset({"LOCAL_CLOSER"})
CONSULTATIVE_ROUTES = frozenset({"DIAL_WITH_CUSTOMER", "PARK_CUSTOMER_DIAL"})
DIAL_ROUTES = frozenset({"BLIND_TRANSFER", "LEAVE_VM", "DIAL_WITH_CUSTOMER", "PARK_CUSTOMER_DIAL"})
HANGUP_ROUTES = frozenset({"HANGUP_XFER", "HANGUP_BOTH", "LEAVE_3WAY_CALL"})
CID_CHOICES = re.compile("CAMPAIGN|AGENT_PHONE|CUSTOMER|CUSTOM_CID")


def transfer_conference(call: Call) -> None:
    ac = AgentCall.start(call)
    if php_strlen(ac.value) < VALUE_MIN or (not ac.agent_user and php_strlen(ac.alt_user) < 2):
        ac.fail("transfer_conference not valid", f"{ac.value}|{ac.agent_user}")
    session = ac.standard_checks()
    if not agent_sessions.has_live_call(session):
        ac.fail("agent_user does not have a live call", ac.agent_user)
    ingroup = ac.param("ingroup_choices", params.INGROUP_CHOICES)
    phone_number = ac.param("phone_number", params.PHONE_NUMBER)
    consultative = "YES" if ac.param("consultative", params.UPPER) == "YES" else "NO"
    epoch = ac.epoch
    value = ac.value
    if value in INGROUP_ROUTES or (value in CONSULTATIVE_ROUTES and consultative == "YES"):
        ingroup = _require_ingroup(ac, session, ingroup)
        group_alias, caller_id, cid_choice = _caller_id_options(ac)
        command = TransferCommand(
            value, epoch, ingroup=ingroup, phone_number=phone_number, consultative=consultative,
            group_alias=group_alias, caller_id=caller_id, cid_choice=cid_choice,
        )  # fmt: skip
    elif value in DIAL_ROUTES:
        group_alias, caller_id, cid_choice = _caller_id_options(ac)
        dial_override = ac.param("dial_override", params.UPPER)
        command = TransferCommand(
            value, epoch, phone_number=phone_number, dial_override=dial_override,
            group_alias=group_alias, caller_id=caller_id, cid_choice=cid_choice,
        )  # fmt: skip
    elif value in HANGUP_ROUTES:
        command = TransferCommand(value, epoch)
    else:
        user = call.user_name
        ac.fail("value is not valid", f"{value}|{user}")
    agent_sessions.send_transfer(call.conn, session, command)
    data = session.callerid
    ac.say("SUCCESS", "transfer_conference function set",
           f"{value}|{ingroup}|{phone_number}|{consultative}|{ac.agent_user}|{data}|",
           data=data)  # fmt: skip


def _require_ingroup(ac: AgentCall, session: AgentSession, ingroup: str) -> str:
    if php_strlen(ingroup) < 2:
        ac.fail("ingroup is not valid", ingroup)
    ingroup = agent_sessions.transfer_ingroup(ac.call.conn, session, ingroup)
    if not agent_sessions.active_inbound_group_exists(ac.call.conn, ingroup):
        ac.fail("ingroup is not valid", ingroup)
    return ingroup


def _caller_id_options(ac: AgentCall) -> tuple[str, str, str]:
    """group_alias (and its caller id) and cid_choice, checked as VICIdial does."""
    conn = ac.call.conn
    group_alias = ac.param("group_alias", params.ALNUM)
    caller_id = ""
    if php_strlen(group_alias) > 1:
        exists, found = agent_sessions.group_alias_caller_id(conn, group_alias)
        if not exists:
            ac.fail("group_alias is not valid", f"{ac.agent_user}|{group_alias}", data=group_alias)
        if agent_sessions.caller_id_too_short(found):
            data = f"{group_alias}|{found or ''}"
            ac.fail("caller_id_number from group_alias is not valid", f"{ac.agent_user}|{data}",
                    data=data)  # fmt: skip
        caller_id = found or ""
    cid_choice = ac.param("cid_choice", params.WORD)
    if php_strlen(cid_choice) > 1 and not CID_CHOICES.search(cid_choice):
        ac.fail("cid_choice is not valid", f"{ac.agent_user}|{cid_choice}", data=cid_choice)
    return group_alias, caller_id, cid_choice

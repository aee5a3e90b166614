"""external_dial: ask the agent screen to place a manual call (agent_api.md §4)."""

from __future__ import annotations

from dataclasses import replace

from leadgate.domain import agent_sessions
from leadgate.domain.agent_commands import DialCommand
from leadgate.domain.agent_sessions import AgentSession
from leadgate.wire.agent import params
from leadgate.wire.agent.common import AgentCall
from leadgate.wire.context import Call
from leadgate.wire.filters import php_strlen

MANUAL_NEXT = "MANUALNEXT"
FORCED_GROUP_ALIAS = "-FORCE-"


def _dial_value(raw_value: str) -> str:
    """Digits only, except the literal MANUALNEXT ("dial the next lead")."""
    return raw_value if raw_value == MANUAL_NEXT else params.LEAD_ID(raw_value)


def external_dial(call: Call) -> None:
    ac = AgentCall.start(call)
    ac.value = _dial_value(ac.value)
    command = DialCommand(
        value=ac.value,
        phone_code=ac.param("phone_code", params.PHONE_CODE),
        search=ac.param("search", params.WORD),
        preview=ac.param("preview", params.WORD),
        focus=ac.param("focus", params.WORD),
        vendor_id=ac.param("vendor_id", params.FREE_TEXT),
        epoch=ac.epoch,
        dial_prefix=ac.param("dial_prefix", params.ALNUM),
        group_alias=ac.param("group_alias", params.ALNUM),
        caller_id_number="",
        lead_id=ac.param("lead_id", params.LEAD_ID),
        alt_dial=ac.param("alt_dial", params.ALT_DIAL),
        dial_ingroup=ac.param("dial_ingroup", params.WORD),
    )
    _require_valid(ac, command)
    session = ac.standard_checks()
    mode = agent_sessions.dial_mode(call.conn, session)
    command = _check_dial_ingroup(ac, command)
    if not agent_sessions.ready_to_dial(session, mode) and not command.dial_ingroup:
        ac.fail("agent_user is not paused", ac.agent_user)
    if not agent_sessions.may_dial_manually(call.conn, ac.agent_user):
        ac.fail("agent_user is not allowed to place manual dial calls", ac.agent_user)
    command = _apply_group_alias(ac, command)
    command = _apply_outbound_cid(ac, command)
    if command.lead_id:
        command = _number_from_lead(ac, command)
    _place(ac, session, mode, command)


def _require_valid(ac: AgentCall, command: DialCommand) -> None:
    missing_number = php_strlen(command.value) < 2 and not command.lead_id
    missing_agent = php_strlen(ac.agent_user) < 2 and php_strlen(ac.alt_user) < 2
    missing_flags = any(php_strlen(flag) < 2 for flag in (command.search, command.preview,
                                                    command.focus))  # fmt: skip
    if missing_number or missing_agent or missing_flags:
        data = (
            f"{command.phone_code}|{command.search}|{command.preview}|{command.focus}|"
            f"{command.lead_id}"
        )
        ac.fail("external_dial not valid", f"{command.value}|{data}|{ac.agent_user}|{ac.alt_user}",
                data=data)  # fmt: skip


def _check_dial_ingroup(ac: AgentCall, command: DialCommand) -> DialCommand:
    """An unknown dial_ingroup is dropped with a NOTICE; the call goes on without it."""
    group = command.dial_ingroup
    if group and not agent_sessions.inbound_group_exists(ac.call.conn, group):
        ac.say("NOTICE", "defined dial_ingroup not found", group)
        return replace(command, dial_ingroup="")
    return command


def _apply_group_alias(ac: AgentCall, command: DialCommand) -> DialCommand:
    alias = command.group_alias
    if php_strlen(alias) < 2:
        return command
    exists, caller_id = agent_sessions.group_alias_caller_id(ac.call.conn, alias)
    if not exists:
        ac.fail("group_alias is not valid", f"{ac.agent_user}|{alias}", data=alias)
    if agent_sessions.caller_id_too_short(caller_id):
        data = f"{alias}|{caller_id or ''}"
        ac.fail("caller_id_number from group_alias is not valid", f"{ac.agent_user}|{data}",
                data=data)  # fmt: skip
    return replace(command, caller_id_number=caller_id or "")


def _apply_outbound_cid(ac: AgentCall, command: DialCommand) -> DialCommand:
    outbound_cid = ac.param("outbound_cid", params.WORD)
    if php_strlen(outbound_cid) < 2:
        return command
    setting = agent_sessions.outbound_cid_setting(ac.call.conn)
    if setting != "API_ONLY":
        data = f"{outbound_cid}|{setting}"
        ac.fail("outbound_cid is not allowed on this system", f"{ac.agent_user}|{data}",
                data=data)  # fmt: skip
    return replace(command, caller_id_number=outbound_cid, group_alias=FORCED_GROUP_ALIAS)


def _number_from_lead(ac: AgentCall, command: DialCommand) -> DialCommand:
    """With lead_id the number (and phone_code) come from the lead; alt_dial=SEARCH finds
    which of the lead's numbers the given value is."""
    searched = command.value
    ac.value = ""
    alt_dial = command.alt_dial
    lead = agent_sessions.lead_dial_numbers(ac.call.conn, command.lead_id)
    if alt_dial == "SEARCH":
        alt_dial = ""
        if lead is not None:
            alt_dial = agent_sessions.search_alt_dial(lead, searched)
            if not alt_dial:
                data = f"|{command.lead_id}|"
                ac.fail("phone number lead_id search not found", f"{ac.agent_user}|{data}",
                        data=data)  # fmt: skip
    if lead is None:
        ac.fail("lead_id is not valid", f"{ac.agent_user}|{command.lead_id}",
                data=command.lead_id)  # fmt: skip
    ac.value = params.LEAD_ID(agent_sessions.lead_number_for(lead, alt_dial))
    if php_strlen(ac.value) < 2:
        data = f"{ac.value}|{command.lead_id}|{alt_dial}"
        ac.fail("phone number is not valid", f"{ac.agent_user}|{data}", data=data)
    phone_code = str(lead["phone_code"] or "")
    return replace(command, value=ac.value, phone_code=phone_code, alt_dial=alt_dial)


def _place(ac: AgentCall, session: AgentSession, mode: str, command: DialCommand) -> None:
    if not agent_sessions.place_dial(ac.call.conn, session, mode, command, ac.call.now):
        ac.fail("phone_number is already in this agents manual dial queue",
                f"{ac.agent_user}|{command.value}")  # fmt: skip
    data = (
        f"{command.phone_code}|{command.search}|{command.preview}|{command.focus}|"
        f"{command.vendor_id}|{command.epoch}|{command.dial_prefix}|{command.group_alias}|"
        f"{command.caller_id_number}|{command.alt_dial}"
    )
    ac.say("SUCCESS", "external_dial function set", f"{command.value}|{ac.agent_user}|{data}",
           data=data)  # fmt: skip

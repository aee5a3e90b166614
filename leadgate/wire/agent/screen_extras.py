"""Smaller Agent API functions (agent_api.md §14, Tier 2): refresh_panel, set_timer_action,
st_login_log, preview_dial_action and vm_message. Same skeleton, same command-mailbox model.
"""

from __future__ import annotations

import re

from leadgate.domain import agent_sessions
from leadgate.wire.agent import params
from leadgate.wire.agent.common import AgentCall
from leadgate.wire.context import Call
from leadgate.wire.filters import php_strlen

PANELS = (
    "formreload", "scriptreload", "script2reload", "emailreload", "chatreload",
    "callbacksreload",
)  # fmt: skip


def refresh_panel(call: Call) -> None:
    ac = AgentCall.start(call)
    if not ac.agent_user:
        ac.fail("agent_user not valid", ac.agent_user, data=ac.agent_user)
    ac.require_function_allowed()
    session = ac.require_session()
    query = params.quirk_query_string(call.request)
    panels = [name for name in PANELS if re.search(name, query, flags=re.IGNORECASE)]
    if not panels:
        ac.fail("no panels have been defined", ac.agent_user)
    panel_list = ",".join(panels)
    rows = agent_sessions.send_update_fields(call.conn, session, panel_list)
    data = f"{call.user_name}|{ac.agent_user}|{rows}|{panel_list}|"
    ac.say("SUCCESS", "refresh_panel request sent", data, data=data)


def set_timer_action(call: Call) -> None:
    ac = AgentCall.start(call)
    if not ac.agent_user or php_strlen(ac.value) < 2:
        data = f"{ac.agent_user}|{ac.value}"
        ac.fail("set_timer_action not valid", data, data=data)
    ac.require_function_allowed()
    session = ac.require_session()
    user = call.user
    assert user is not None
    if user.flag("modify_campaigns") != "1":
        ac.fail("user is not allowed to modify campaign settings", f"{ac.agent_user}|{user.name}")
    notes = ac.param("notes", params.NOTES)
    seconds = ac.param("rank", params.LEAD_ID)  # digits only
    agent_sessions.send_timer_action(call.conn, session, ac.value, notes, seconds)
    data = f"{user.name}|{ac.agent_user}|{ac.value}|{notes}|{seconds}"
    ac.say("SUCCESS", "set_timer_action lead updated", data, data=data)


def st_login_log(call: Call) -> None:
    ac = AgentCall.start(call)
    crm_team = ac.param("vendor_id", params.FREE_TEXT)
    if not ac.value or not crm_team:
        data = f"{ac.value}|{crm_team}"
        ac.fail("st_login_log not valid", data, data=data)
    ac.require_function_allowed()
    found = agent_sessions.record_crm_login(call.conn, ac.value, crm_team)
    if found is None:
        ac.fail("no user found", ac.value)
    ac.say("SUCCESS", "st_login_log user found", found, data=found)


def preview_dial_action(call: Call) -> None:
    ac = AgentCall.start(call)
    ac.value = params.PREVIEW_ACTION(ac.value)
    no_agent = php_strlen(ac.agent_user) < 2 and php_strlen(ac.alt_user) < 2
    if no_agent or ac.value not in agent_sessions.PREVIEW_ACTIONS:
        ac.fail("preview_dial_action not valid", f"{ac.value}||{ac.agent_user}|{ac.alt_user}")
    session = ac.standard_checks()
    settings = agent_sessions.preview_settings(call.conn, session)
    preview, alt_dialing = settings.manual_preview_dial, settings.alt_number_dialing
    campaign = session.campaign_id
    if preview == "DISABLED":
        data = f"{campaign}|{preview}"
        ac.fail("preview dialing not allowed on this campaign", f"{ac.agent_user}|{data}",
                data=data)  # fmt: skip
    if preview == "PREVIEW_ONLY" and ac.value == "SKIP":
        data = f"{campaign}|{preview}"
        ac.fail("preview dial skipping not allowed on this campaign", f"{ac.agent_user}|{data}",
                data=data)  # fmt: skip
    if alt_dialing == "N" and ac.value in agent_sessions.ALT_NUMBER_ACTIONS:
        data = f"{campaign}|{alt_dialing}"
        ac.fail("alt number dialing not allowed on this campaign", f"{ac.agent_user}|{data}",
                data=data)  # fmt: skip
    if session.status != "PAUSED":
        ac.fail("agent_user is not paused", ac.agent_user)
    if not agent_sessions.may_dial_manually(call.conn, ac.agent_user):
        ac.fail("agent_user is not allowed to place manual dial calls", ac.agent_user)
    agent_sessions.send_preview_action(call.conn, session, ac.value)
    ac.say("SUCCESS", "preview_dial_action function set",
           f"{ac.value}|{ac.agent_user}|{ac.value}", data=ac.value)  # fmt: skip


def vm_message(call: Call) -> None:
    ac = AgentCall.start(call)
    lead_id = ac.param("lead_id", params.LEAD_ID)
    if (not ac.agent_user and php_strlen(ac.alt_user) < 2) or not ac.value:
        ac.fail("vm_message not valid", f"{lead_id}|{ac.value}|{ac.agent_user}")
    ac.require_function_allowed(first_field=lead_id)
    ac.resolve_alt_user()
    session = ac.require_session()
    if not agent_sessions.has_live_call(session):
        ac.fail("agent_user does not have a live call", ac.agent_user)
    if not lead_id:
        lead_id = str(session.lead_id)
    if not agent_sessions.same_lead(lead_id, session):
        ac.fail("current call does not match lead_id submitted", ac.agent_user,
                data=f"{lead_id}|{session.lead_id}")  # fmt: skip
    user = call.user_name
    agent_sessions.leave_vm_message(call.conn, session.lead_id, user, ac.value, call.now)
    data = f"{lead_id}|{ac.value}"
    ac.say("SUCCESS", "vm_message function set", f"{ac.agent_user}|{data}|", data=data)

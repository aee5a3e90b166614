"""Agent API functions on the call an agent has: ra_call_control (a remote agent's call),
switch_lead (another lead on an inbound call's screen) and force_fronter_leave_3way."""

from __future__ import annotations

from leadgate.domain import agent_sessions
from leadgate.domain.agents import calls
from leadgate.domain.agents.calls import RemoteControl, RemoteRefusal, SwitchRefusal
from leadgate.wire.agent import params
from leadgate.wire.agent.common import AgentCall
from leadgate.wire.context import Call
from leadgate.wire.filters import php_strlen


def ra_call_control(call: Call) -> None:
    ac = AgentCall.start(call)
    stage = ac.param("stage", params.STAGE)
    if not ac.value or not ac.agent_user or not stage:
        ac.fail("ra_call_control not valid", f"{ac.value}|{ac.agent_user}|{stage}")
    ac.require_function_allowed()
    ac.require_session()
    phone_number = ac.param("phone_number", params.PHONE_NUMBER)
    request = RemoteControl(
        callerid=ac.value, stage=stage, agent_user=ac.agent_user, phone_number=phone_number,
        ingroup=ac.param("ingroup_choices", params.INGROUP_CHOICES),
        status=ac.param("status", params.STATUS),
    )  # fmt: skip
    outcome = calls.control_remote_call(call.uow, request)
    refusal = outcome.refusal
    if refusal is RemoteRefusal.NO_CALL:
        ac.fail(refusal.value, ac.value)
    if refusal is RemoteRefusal.BAD_PHONE:
        ac.fail(refusal.value, phone_number)
    if refusal is RemoteRefusal.BAD_INGROUP:
        ac.fail(refusal.value, outcome.ingroup)
    if refusal is RemoteRefusal.BAD_STAGE:
        ac.fail(refusal.value, stage)
    if stage == calls.RemoteStage.HANGUP.value:
        ac.say("SUCCESS", "ra_call_control hungup", f"{ac.agent_user}|{ac.value}|HANGUP")
    else:
        ac.say("SUCCESS", "ra_call_control transfer", f"{ac.agent_user}|{ac.value}|{phone_number}")


def switch_lead(call: Call) -> None:
    ac = AgentCall.start(call)
    lead_id = ac.param("lead_id", params.LEAD_ID)
    vendor_lead_code = ac.param("vendor_lead_code", params.FREE_TEXT)
    no_lead = (not lead_id or int(lead_id) < 1) and not vendor_lead_code
    if no_lead or (not ac.agent_user and php_strlen(ac.alt_user) < 2):
        ac.fail("switch_lead not valid", f"{lead_id}|{vendor_lead_code}|{ac.agent_user}")
    ac.require_function_allowed(first_field=lead_id)
    ac.resolve_alt_user()
    session = ac.require_session()
    outcome = calls.switch_lead(call.conn, session, lead_id, vendor_lead_code)
    refusal = outcome.refusal
    if refusal is SwitchRefusal.NOT_INBOUND:
        # VICIdial ends this line without a newline.
        call.reply.echo(f"ERROR: {refusal.value} - {ac.agent_user}|{session.callerid}")
        ac.log("ERROR", refusal.value)
        return
    if refusal in (SwitchRefusal.NO_CAMPAIGN, SwitchRefusal.SEARCH_NOT_ALLOWED):
        assert refusal is not None
        ac.fail(refusal.value, f"{ac.agent_user}|{session.campaign_id}")
    if refusal is SwitchRefusal.LEAD_NOT_FOUND:
        ac.fail(refusal.value, f"{ac.agent_user}|{lead_id}|{vendor_lead_code}")
    if refusal is not None:
        ac.fail(refusal.value, ac.agent_user)
    data = (f"{outcome.lead_id}|{outcome.vendor_lead_code}|{session.campaign_id}|"
            f"{session.lead_id}")  # fmt: skip
    ac.say("SUCCESS", "switch_lead function set", f"{ac.agent_user}|{data}|", data=data)


def force_fronter_leave_3way(call: Call) -> None:
    ac = AgentCall.start(call)
    if ac.value not in calls.FRONTER_SCOPES or (not ac.agent_user and php_strlen(ac.alt_user) < 2):
        ac.fail("force_fronter_leave_3way not valid", f"{ac.value}|{ac.agent_user}")
    ac.require_function_allowed()
    ac.resolve_alt_user()
    session = agent_sessions.find_session(call.conn, ac.agent_user)
    if session is None and ac.value != "CCC_REMOTE":
        ac.fail("agent_user is not logged in", ac.agent_user)
    lead_id = ac.param("lead_id", params.LEAD_ID)
    query_lead = calls.fronter_lead(0 if session is None else session.lead_id, ac.value, lead_id)
    if query_lead is None:
        ac.fail("agent_user is not on a phone call", ac.agent_user)
    fronter = calls.make_fronter_leave(call.conn, ac.agent_user, query_lead, ac.epoch)
    if fronter is None:
        ac.fail("no fronter found", ac.agent_user)
    # VICIdial prints its whole reason, which starts with SUCCESS:, without a newline.
    reason = f"SUCCESS: force_fronter_leave_3way SENT - {fronter}"
    call.reply.echo(reason)
    ac.log("SUCCESS", reason)

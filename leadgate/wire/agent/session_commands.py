"""Agent API functions that drop one command into the agent's session row:
external_pause, logout, external_hangup, external_status, pause_code, calls_in_queue_count.
"""

from __future__ import annotations

from leadgate.domain import agent_sessions
from leadgate.domain.agent_sessions import Disposition
from leadgate.wire.agent import params
from leadgate.wire.agent.common import AgentCall
from leadgate.wire.context import Call
from leadgate.wire.filters import php_strlen

PAUSE_CODE_MAX = 6


def external_pause(call: Call) -> None:
    ac = AgentCall.start(call)
    no_agent = not ac.agent_user and not ac.alt_user
    if not ac.value or no_agent or not agent_sessions.is_pause_value(ac.value):
        ac.fail("external_pause not valid", f"{ac.value}|{ac.agent_user}")
    session = ac.standard_checks()
    if agent_sessions.refuses_resume(session, ac.value):
        ac.fail("external_pause agent is not paused", f"{ac.value}|{ac.agent_user}")
    epoch = ac.epoch
    agent_sessions.send_pause(call.conn, session, ac.value, epoch)
    ac.say("SUCCESS", "external_pause function set", f"{ac.value}|{epoch}|{ac.agent_user}",
           data=str(epoch))  # fmt: skip


def logout(call: Call) -> None:
    ac = AgentCall.start(call)
    no_agent = not ac.agent_user and not ac.alt_user
    if not ac.value or no_agent or "LOGOUT" not in ac.value:
        ac.fail("logout not valid", f"{ac.value}|{ac.agent_user}")
    session = ac.standard_checks()
    epoch = ac.epoch
    agent_sessions.send_logout(call.conn, session, ac.value)
    ac.say("SUCCESS", "logout function set", f"{ac.value}|{epoch}|{ac.agent_user}",
           data=str(epoch))  # fmt: skip


def external_hangup(call: Call) -> None:
    ac = AgentCall.start(call)
    if not ac.value or (not ac.agent_user and php_strlen(ac.alt_user) < 2):
        ac.fail("external_hangup not valid", f"{ac.value}|{ac.agent_user}")
    session = ac.standard_checks()
    agent_sessions.send_hangup(call.conn, session, ac.value)
    ac.say("SUCCESS", "external_hangup function set", f"{ac.value}|{ac.agent_user}")


def external_status(call: Call) -> None:
    ac = AgentCall.start(call)
    if not ac.value or (not ac.agent_user and php_strlen(ac.alt_user) < 2):
        ac.fail("external_status not valid", f"{ac.value}|{ac.agent_user}")
    session = ac.standard_checks()
    dispo = Disposition(
        status=ac.value,
        callback_datetime=ac.param("callback_datetime", params.CALLBACK_DATETIME),
        callback_type=ac.param("callback_type", params.UPPER),
        callback_comments=ac.param("callback_comments", params.CALLBACK_COMMENTS),
        qm_dispo_code=ac.param("qm_dispo_code", params.QM_DISPO_CODE),
    )
    ac.value = agent_sessions.status_command(call.conn, session, dispo)
    agent_sessions.send_status(call.conn, session, ac.value)
    ac.say("SUCCESS", "external_status function set", f"{ac.value}|{ac.agent_user}")


def pause_code(call: Call) -> None:
    ac = AgentCall.start(call)
    bad_length = not ac.value or php_strlen(ac.value) > PAUSE_CODE_MAX
    if bad_length or (not ac.agent_user and php_strlen(ac.alt_user) < 2):
        ac.fail("pause_code not valid", f"{ac.value}|{ac.agent_user}")
    session = ac.standard_checks()
    if session.status != "PAUSED":
        ac.fail("pause_code error - agent is not paused", ac.agent_user)
    agent_sessions.send_pause_code(call.conn, session, ac.value)
    ac.say("SUCCESS", "pause_code function sent", ac.agent_user, data=str(ac.epoch))


def calls_in_queue_count(call: Call) -> None:
    ac = AgentCall.start(call)
    if ac.value != "DISPLAY" or (not ac.agent_user and php_strlen(ac.alt_user) < 2):
        ac.fail("calls_in_queue_count not valid", f"{ac.value}|{ac.agent_user}")
    session = ac.standard_checks()
    count = agent_sessions.calls_in_queue(call.conn, session)
    # VICIdial prints only the reason text, with no newline, and logs it as the reason.
    reason = f"SUCCESS: calls_in_queue_count - {count}"
    call.reply.echo(reason)
    ac.log("SUCCESS", reason)

"""Agent API functions for the agent's phone side (agent_api.md §14): park_call, send_dtmf,
recording, webphone_url, call_agent, audio_playback and webserver. Without a phone system
they write the commands VICIdial's agent screen and send process carry out."""

from __future__ import annotations

import time

from leadgate import __version__
from leadgate.domain import permissions
from leadgate.domain.agents import phone
from leadgate.domain.agents.phone import Playback, PlaybackOutcome, SessionDataOutcome
from leadgate.wire.agent import params
from leadgate.wire.agent.common import PERMISSION_REASON, AgentCall
from leadgate.wire.context import Call
from leadgate.wire.filters import php_strlen


def _has_agent(ac: AgentCall) -> bool:
    return bool(ac.agent_user) or php_strlen(ac.alt_user) >= 2


def park_call(call: Call) -> None:
    ac = AgentCall.start(call)
    if not phone.is_park_command(ac.value) or not _has_agent(ac):
        ac.fail("park_call not valid", f"{ac.value}|{ac.agent_user}")
    session = ac.standard_checks()
    if session.lead_id < 1:
        ac.fail("agent_user does not have a lead on their screen", ac.agent_user)
    phone.send_park(call.conn, session, ac.value)
    ac.say("SUCCESS", "park_call function set", f"{ac.value}|{ac.agent_user}")


def send_dtmf(call: Call) -> None:
    ac = AgentCall.start(call)
    if not ac.value or not _has_agent(ac):
        ac.fail("send_dtmf not valid", f"{ac.value}|{ac.agent_user}")
    session = ac.standard_checks()
    phone.send_dtmf(call.conn, session, ac.value)
    ac.say("SUCCESS", "send_dtmf function set", f"{ac.value}|{ac.agent_user}")


def recording(call: Call) -> None:
    ac = AgentCall.start(call)
    if not phone.is_recording_command(ac.value) or not _has_agent(ac):
        ac.fail("recording not valid", f"{ac.value}|{ac.agent_user}")
    session = ac.standard_checks()
    where = f"{session.server_ip}|{session.conf_exten}|{session.status}"
    if ac.value == "STATUS":
        if phone.is_recording(session):
            info = phone.recording_info(call.conn, session)
            detail = (f"{ac.agent_user}|{session.recording}|{info.filename}|{info.server_ip}|"
                      f"{info.start_time}|{where}")  # fmt: skip
            ac.say("NOTICE", "recording active", detail)
        else:
            ac.say("NOTICE", "not recording", f"{ac.agent_user}|||||{where}")
        return
    if "STOP" in ac.value and phone.cannot_stop(session):
        ac.fail("stop recording error", f"{ac.agent_user}|{session.recording}||||{where}")
    ac.value = phone.recording_command(ac.value, ac.param("stage", params.STAGE))
    phone.send_recording(call.conn, session, ac.value)
    ac.say("SUCCESS", "recording function sent", f"{ac.agent_user}|{ac.value}||||{where}")


def webphone_url(call: Call) -> None:
    ac = AgentCall.start(call)
    if ac.value not in ("DISPLAY", "LAUNCH") or not _has_agent(ac):
        ac.fail("webphone_url not valid", f"{ac.value}|{ac.agent_user}")
    ac.standard_checks()
    outcome, url = phone.webphone_url(call.conn, ac.agent_user)
    if outcome is SessionDataOutcome.NO_SESSION_DATA:
        ac.fail("webphone_url error - no session data", ac.agent_user)
    if outcome is SessionDataOutcome.EMPTY:
        ac.fail("webphone_url error - webphone url is empty", ac.agent_user)
    if ac.value == "DISPLAY":
        # The URL alone, without a newline, as VICIdial prints it.
        call.reply.echo(url)
        ac.log("NOTICE", "webphone_url active and displayed")
        return
    ac.log("NOTICE", "webphone_url active and launched")
    call.reply.echo(
        f'<META HTTP-EQUIV=Refresh CONTENT="0; URL={url}">\n</HEAD>\n'
        "<BODY BGCOLOR=#FFFFFF marginheight=0 marginwidth=0 leftmargin=0 topmargin=0>\n"
        f'<a href="{url}">click here to continue. . .</a>\n</BODY>\n'
    )


def call_agent(call: Call) -> None:
    ac = AgentCall.start(call)
    if ac.value != "CALL" or not _has_agent(ac):
        ac.fail("call_agent not valid", f"{ac.value}|{ac.agent_user}")
    session = ac.standard_checks()
    outcome = phone.ring_agent(call.conn, session)
    if outcome is SessionDataOutcome.NO_SESSION_DATA:
        ac.fail("call_agent error - no session data", ac.agent_user)
    if outcome is SessionDataOutcome.EMPTY:
        ac.fail("call_agent error - entry is empty", ac.agent_user)
    ac.say("SUCCESS", "call_agent function sent", ac.agent_user, data=str(ac.epoch))


def audio_playback(call: Call) -> None:
    ac = AgentCall.start(call)
    stage = ac.param("stage", params.STAGE)
    if (not ac.value and stage == "PLAY") or php_strlen(stage) < 4 or not _has_agent(ac):
        ac.fail("audio_playback not valid", f"{ac.value}|{stage}|{ac.agent_user}", data=stage)
    ac.require_function_allowed()
    ac.resolve_alt_user(prefix=stage)
    session = ac.require_session(prefix=stage)
    replace = ac.param("dial_override", params.UPPER) == "Y"
    outcomes = phone.play_audio(call.conn, session, Playback(ac.value, stage, replace), call.now)
    where = f"{session.conf_exten}|{session.server_ip}"
    for outcome in outcomes:
        if outcome is PlaybackOutcome.NO_CONFERENCE:
            ac.fail("audio_playback error - entry is empty", f"{stage}|{ac.agent_user}", data=stage)
        if outcome is PlaybackOutcome.ALREADY_PLAYING:
            data = f"{where}|{stage}|N"
            ac.fail("audio_playback error - audio already playing in agent session",
                    f"{data}|{ac.agent_user}", data=data)  # fmt: skip
        if outcome is PlaybackOutcome.NOTHING_PLAYING:
            data = f"{where}|{stage}"
            ac.fail("audio_playback error - no audio playing in agent session",
                    f"{data}|{ac.agent_user}", data=data)  # fmt: skip
        if outcome is PlaybackOutcome.RESTARTED:
            ac.say("NOTICE", "audio_playback previous playback stopped",
                   f"{stage}|Y|{ac.agent_user}", data=str(ac.epoch))  # fmt: skip
        if outcome is PlaybackOutcome.SENT:
            ac.say("SUCCESS", "audio_playback function sent",
                   f"{ac.value}|{stage}|{ac.agent_user}", data=str(ac.epoch))  # fmt: skip


def webserver(call: Call) -> None:
    """The web server's facts. leadgate reports its time zone and version only: host names,
    software versions and limits of the machine are not given out."""
    ac = AgentCall.start(call)
    user = call.user
    assert user is not None
    if not permissions.function_allowed(user, call.function):
        ac.fail(PERMISSION_REASON, f"{user.name}|{call.function}|{user.user_group}")
    zone = time.strftime("%Z")
    data = (
        "Webserver Data:\n"
        f"abbr.timezone: {zone}\n"
        f"dst.timezone: {time.localtime().tm_isdst}\n"
        f"server software: leadgate {__version__}\n"
    )
    call.reply.line(f"<PRE>{data}</PRE>")
    ac.log("SUCCESS", "", data=data.replace("\n", "|"))

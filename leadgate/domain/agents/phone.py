"""The agent's phone side: recording commands, the webphone, ringing the agent's phone again,
sound playback in the agent's conference, DTMF and park commands.

Nothing here talks to a phone system. Commands go where VICIdial's agent screen and its send
process pick them up: the agent's vicidial_live_agents row or a vicidial_manager row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from sqlalchemy import Connection

from leadgate.domain.agent_sessions import AgentSession, php_numeric
from leadgate.storage import agent_phone, live_agents

PARK_COMMANDS = re.compile(
    "PARK_CUSTOMER|GRAB_CUSTOMER|PARK_IVR_CUSTOMER|GRAB_IVR_CUSTOMER|PARK_XFER|GRAB_XFER"
)
RECORDING_STAGE_MAX = 14
WEBPHONE_URL_MIN = 6
LOGIN_CALL_MIN = 6
CONF_FIELD_MIN = 6
# The pseudo extensions VICIdial's dialplan uses for playing sound into a conference.
PLAYBACK_EXTEN = "473782158521111"
PLAYBACK_CONTROL_EXTEN = "473782138521111"
PLAYBACK_CONTROL_PREFIX = "473782148521111"
PLAYBACK_CHANNEL_PREFIX = "47378216"
PLAYBACK_STAGES = frozenset({"PLAY", "STOP", "RESTART", "PAUSE", "RESUME"})


def php_compare(text: str, number: int) -> int:
    """PHP 8's `text <=> number`: numerically for a numeric string, else as strings."""
    numeric = php_numeric(text)
    if numeric is not None:
        return (numeric > number) - (numeric < number)
    other = str(number)
    return (text > other) - (text < other)


# -- park_call, send_dtmf -------------------------------------------------------------------


def is_park_command(value: str) -> bool:
    return PARK_COMMANDS.search(value) is not None


def send_park(conn: Connection, session: AgentSession, command: str) -> None:
    live_agents.write_commands(conn, session.user, {"external_park": command})


def send_dtmf(conn: Connection, session: AgentSession, digits: str) -> None:
    live_agents.write_commands(conn, session.user, {"external_dtmf": digits})


# -- recording ------------------------------------------------------------------------------


def is_recording_command(value: str) -> bool:
    return any(word in value for word in ("START", "STOP", "STATUS"))


def is_recording(session: AgentSession) -> bool:
    """external_recording holds a running recording's id (VICIdial's loose `> 0` test)."""
    current = session.recording
    return current not in ("START", "STOP") and php_compare(current, 0) > 0


def cannot_stop(session: AgentSession) -> bool:
    """STOP is refused when the last command was STOP or no recording id is held."""
    return session.recording == "STOP" or php_compare(session.recording, 1) < 0


@dataclass(frozen=True)
class RecordingInfo:
    filename: str = ""
    server_ip: str = ""
    start_time: str = ""


def recording_info(conn: Connection, session: AgentSession) -> RecordingInfo:
    """The recording_log row of the running recording (blank when there is none)."""
    numeric = php_numeric(session.recording)
    if numeric is None or not numeric.is_integer() or numeric > live_agents.MAX_ID:
        return RecordingInfo()
    row = agent_phone.recording(conn, int(numeric))
    if row is None:
        return RecordingInfo()
    start = row["start_time"]
    start_text = start.strftime("%Y-%m-%d %H:%M:%S") if isinstance(start, datetime) else ""
    return RecordingInfo(str(row["filename"] or ""), str(row["server_ip"] or ""), start_text)


def recording_command(value: str, stage: str) -> str:
    """START may carry a stage (its first 14 characters) to name the recording."""
    if stage and "START" in value:
        return value + stage[:RECORDING_STAGE_MAX]
    return value


def send_recording(conn: Connection, session: AgentSession, command: str) -> None:
    live_agents.write_commands(conn, session.user, {"external_recording": command})


# -- webphone_url, call_agent ---------------------------------------------------------------


class SessionDataOutcome(Enum):
    NO_SESSION_DATA = "no session data"
    EMPTY = "empty"
    FOUND = "found"


def webphone_url(conn: Connection, agent_user: str) -> tuple[SessionDataOutcome, str]:
    row = agent_phone.session_data(conn, agent_user)
    if row is None:
        return SessionDataOutcome.NO_SESSION_DATA, ""
    url = str(row["webphone_url"] or "")
    if len(url) < WEBPHONE_URL_MIN:
        return SessionDataOutcome.EMPTY, ""
    return SessionDataOutcome.FOUND, url


def ring_agent(conn: Connection, session: AgentSession) -> SessionDataOutcome:
    """Queue the login call stored at login again, into the agent's current conference."""
    row = agent_phone.session_data(conn, session.user)
    if row is None:
        return SessionDataOutcome.NO_SESSION_DATA
    login_call = str(row["agent_login_call"] or "")
    if len(login_call) < LOGIN_CALL_MIN:
        return SessionDataOutcome.EMPTY
    # The stored call rings the conference of that login; point it at today's conference.
    call = re.sub(
        r"(.+?Exten: )\d{7}(\|Priority.+)",
        lambda match: f"{match[1]} {session.conf_exten}{match[2]}",
        login_call,
    )
    fields = call.split("|")
    # VICIdial inserts the fields as the row's values; a malformed entry inserts nothing.
    if len(fields) == len(agent_phone.MANAGER_COLUMNS) + 1:
        values: list[object] = list(fields[1:])
        values[1] = _datetime_or_none(fields[2])
        agent_phone.queue_manager_action(conn, values)
    return SessionDataOutcome.FOUND


def _datetime_or_none(text: str) -> datetime | None:
    try:
        return datetime.strptime(text, "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None


# -- audio_playback -------------------------------------------------------------------------


class PlaybackOutcome(Enum):
    SENT = "sent"
    NO_CONFERENCE = "entry is empty"
    ALREADY_PLAYING = "audio already playing"
    NOTHING_PLAYING = "no audio playing"
    RESTARTED = "previous playback stopped"


@dataclass(frozen=True)
class Playback:
    sound: str
    stage: str
    replace_playing: bool  # dial_override=Y: stop what is playing first


def play_audio(
    conn: Connection, session: AgentSession, playback: Playback, now: datetime
) -> list[PlaybackOutcome]:
    """Queue the manager actions that play, pause, resume, restart or stop a sound in the
    agent's conference. The outcomes are in the order VICIdial reports them."""
    conf, server_ip = session.conf_exten, session.server_ip
    if len(conf) < CONF_FIELD_MIN or len(server_ip) < CONF_FIELD_MIN:
        return [PlaybackOutcome.NO_CONFERENCE]
    context = agent_phone.ext_context(conn, server_ip)
    playing = agent_phone.playing_channel(conn, conf, server_ip)
    stamp = now.strftime("%Y%m%d%H%M%S")
    outcomes: list[PlaybackOutcome] = []
    if playback.stage == "PLAY":
        if playing is not None:
            if not playback.replace_playing:
                return [PlaybackOutcome.ALREADY_PLAYING]
            _queue(conn, now, server_ip, "Hangup", f"PLAYHU{stamp}", f"Channel: {playing}")
            outcomes.append(PlaybackOutcome.RESTARTED)
        _queue(
            conn, now, server_ip, "Originate", playback.sound,
            f"Channel: Local/{PLAYBACK_CHANNEL_PREFIX}{conf}@{context}", f"Context: {context}",
            f"Exten: {PLAYBACK_EXTEN}", "Priority: 1",
            f'CallerID: "{playback.sound}" <{PLAYBACK_EXTEN}>',
        )  # fmt: skip
    else:
        if playing is None:
            return [PlaybackOutcome.NOTHING_PLAYING]
        number = playing.replace("IAX2/ASTplay-", "")
        control = {"RESTART": ("PLAYRS", "4"), "PAUSE": ("PLAYPA", "3"), "RESUME": ("PLAYPA", "3")}
        if playback.stage == "STOP":
            _queue(conn, now, server_ip, "Hangup", f"PLAYHU{stamp}", f"Channel: {playing}")
        elif playback.stage in control:
            prefix, caller = control[playback.stage]
            _queue(
                conn, now, server_ip, "Originate", f"{prefix}{stamp}",
                f"Channel: Local/{PLAYBACK_CONTROL_PREFIX}{number}@{context}",
                f"Context: {context}", f"Exten: {PLAYBACK_CONTROL_EXTEN}", "Priority: 1",
                f"CallerID: {caller}",
            )  # fmt: skip
    outcomes.append(PlaybackOutcome.SENT)
    return outcomes


def _queue(
    conn: Connection, now: datetime, server_ip: str, action: str, callerid: str, *lines: str
) -> None:
    commands = list(lines) + [""] * (10 - len(lines))
    agent_phone.queue_manager_action(
        conn, ["", now, "NEW", "N", server_ip, "", action, callerid, *commands]
    )

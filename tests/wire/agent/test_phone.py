"""park_call, send_dtmf, recording, webphone_url, call_agent, audio_playback, webserver:
the replies and exactly the commands they leave for VICIdial's agent screen and send process."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.wire.agent.conftest import AgentWorld

LOGIN_CALL = (
    "||2020-03-02 09:00:00|NEW|N|10.0.0.1||Originate|S0302090000000001000|Channel: SIP/gs102|"
    'Context: default|Exten: 8600051|Priority: 1|Callerid: "S0302090000000001000" <0000000000>'
    "|||||"
)


def _session_data(world: AgentWorld, user: str, **values: str) -> None:
    row = {"session_name": f"{user}_session", "user": user, "server_ip": "10.0.0.1",
           "extension": "SIP/gs102", "login_time": datetime(2020, 3, 2, 9), **values}  # fmt: skip
    world.insert("vicidial_session_data", **row)


def _manager_rows(world: AgentWorld) -> list[dict[str, object]]:
    return world.seed.table_rows(
        "vicidial_manager", "status", "response", "server_ip", "action", "callerid",
        "cmd_line_b", "cmd_line_c", "cmd_line_d", "cmd_line_e", "cmd_line_f", "cmd_line_g",
    )  # fmt: skip


# -- park_call ------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["PARK_CUSTOMER", "GRAB_IVR_CUSTOMER", "XPARK_XFERX"])
def test_park_call_writes_the_park_mailbox(world: AgentWorld, value: str) -> None:
    world.agent("1000", lead_id=1001)
    assert world.call("park_call", agent_user="1000", value=value) == (
        f"SUCCESS: park_call function set - {value}|1000\n"
    )
    assert world.live()["external_park"] == value


def test_park_call_needs_a_lead_and_a_known_command(world: AgentWorld) -> None:
    world.agent("1000", lead_id=0)
    assert world.call("park_call", agent_user="1000", value="PARK_CUSTOMER") == (
        "ERROR: agent_user does not have a lead on their screen - 1000\n"
    )
    assert world.call("park_call", agent_user="1000", value="PARK") == (
        "ERROR: park_call not valid - PARK|1000\n"
    )
    assert world.live()["external_park"] == ""


# -- send_dtmf ------------------------------------------------------------------------------


def test_send_dtmf_writes_the_digits(world: AgentWorld) -> None:
    world.agent("1000")
    assert world.call("send_dtmf", agent_user="1000", value="12P34") == (
        "SUCCESS: send_dtmf function set - 12P34|1000\n"
    )
    assert world.live()["external_dtmf"] == "12P34"
    assert world.call("send_dtmf", agent_user="1002", value="1") == (
        "ERROR: agent_user is not logged in - 1002\n"
    )


# -- recording ------------------------------------------------------------------------------


def test_recording_start_stop_and_status(world: AgentWorld) -> None:
    world.agent("1000", conf_exten="8600051")
    tail = "10.0.0.1|8600051|PAUSED"
    assert world.call("recording", agent_user="1000", value="STATUS") == (
        f"NOTICE: not recording - 1000|||||{tail}\n"
    )
    assert world.call("recording", agent_user="1000", value="STOP") == (
        f"ERROR: stop recording error - 1000|||||{tail}\n"
    )
    body = world.call("recording", agent_user="1000", value="START", stage="_consent_and_more")
    assert body == f"SUCCESS: recording function sent - 1000|START_consent_and_m||||{tail}\n"
    assert world.live()["external_recording"] == "START_consent_and_m"


def test_recording_status_reports_the_running_recording(world: AgentWorld) -> None:
    world.agent("1000", conf_exten="8600051", external_recording="7")
    world.insert("recording_log", recording_id=7, filename="rec_1000", server_ip="10.0.0.9",
                 start_time=datetime(2019, 6, 3, 10))  # fmt: skip
    assert world.call("recording", agent_user="1000", value="STATUS") == (
        "NOTICE: recording active - 1000|7|rec_1000|10.0.0.9|2019-06-03 10:00:00|"
        "10.0.0.1|8600051|PAUSED\n"
    )
    assert world.call("recording", agent_user="1000", value="STOP").startswith("SUCCESS:")
    assert world.live()["external_recording"] == "STOP"


# -- webphone_url ---------------------------------------------------------------------------


def test_webphone_url_display_and_launch(world: AgentWorld) -> None:
    world.agent("1000")
    url = "https://phone.example.test/p?u=1"
    _session_data(world, "1000", webphone_url=url)
    assert world.call("webphone_url", agent_user="1000", value="DISPLAY") == url
    launch = world.call("webphone_url", agent_user="1000", value="LAUNCH")
    assert launch.startswith(f'<META HTTP-EQUIV=Refresh CONTENT="0; URL={url}">\n')
    assert [row["result_reason"] for row in world.logs()] == [
        "webphone_url active and displayed", "webphone_url active and launched",
    ]  # fmt: skip


def test_webphone_url_without_session_data_or_url(world: AgentWorld) -> None:
    world.agent("1000")
    world.agent("1001")
    _session_data(world, "1001", webphone_url="")
    assert world.call("webphone_url", agent_user="1000", value="DISPLAY") == (
        "ERROR: webphone_url error - no session data - 1000\n"
    )
    assert world.call("webphone_url", agent_user="1001", value="DISPLAY") == (
        "ERROR: webphone_url error - webphone url is empty - 1001\n"
    )


# -- call_agent -----------------------------------------------------------------------------


def test_call_agent_queues_the_login_call_into_todays_conference(world: AgentWorld) -> None:
    world.agent("1000", conf_exten="8600099")
    _session_data(world, "1000", agent_login_call=LOGIN_CALL)
    assert world.call("call_agent", agent_user="1000", value="CALL") == (
        "SUCCESS: call_agent function sent - 1000\n"
    )
    assert _manager_rows(world) == [
        {"status": "NEW", "response": "N", "server_ip": "10.0.0.1", "action": "Originate",
         "callerid": "S0302090000000001000", "cmd_line_b": "Channel: SIP/gs102",
         "cmd_line_c": "Context: default", "cmd_line_d": "Exten:  8600099",
         "cmd_line_e": "Priority: 1",
         "cmd_line_f": 'Callerid: "S0302090000000001000" <0000000000>', "cmd_line_g": ""},
    ]  # fmt: skip


def test_call_agent_refusals(world: AgentWorld) -> None:
    world.agent("1000")
    world.agent("1001")
    _session_data(world, "1001", agent_login_call="")
    assert world.call("call_agent", agent_user="1000", value="RING") == (
        "ERROR: call_agent not valid - RING|1000\n"
    )
    assert world.call("call_agent", agent_user="1000", value="CALL") == (
        "ERROR: call_agent error - no session data - 1000\n"
    )
    assert world.call("call_agent", agent_user="1001", value="CALL") == (
        "ERROR: call_agent error - entry is empty - 1001\n"
    )
    assert _manager_rows(world) == []


# -- audio_playback -------------------------------------------------------------------------


def test_audio_playback_play_queues_an_originate(world: AgentWorld) -> None:
    world.agent("1000", conf_exten="8600051")
    world.seed.execute("UPDATE servers SET server_ip = '10.0.0.1', ext_context = 'agents'")
    assert world.call("audio_playback", agent_user="1000", value="ss-hello", stage="PLAY") == (
        "SUCCESS: audio_playback function sent - ss-hello|PLAY|1000\n"
    )
    assert _manager_rows(world) == [
        {"status": "NEW", "response": "N", "server_ip": "10.0.0.1", "action": "Originate",
         "callerid": "ss-hello", "cmd_line_b": "Channel: Local/473782168600051@agents",
         "cmd_line_c": "Context: agents", "cmd_line_d": "Exten: 473782158521111",
         "cmd_line_e": "Priority: 1", "cmd_line_f": 'CallerID: "ss-hello" <473782158521111>',
         "cmd_line_g": ""},
    ]  # fmt: skip


def test_audio_playback_controls_only_what_plays(world: AgentWorld) -> None:
    world.agent("1000", conf_exten="8600051")
    assert world.call("audio_playback", agent_user="1000", stage="STOP") == (
        "ERROR: audio_playback error - no audio playing in agent session - "
        "8600051|10.0.0.1|STOP|1000\n"
    )
    world.insert("live_channels", channel="IAX2/ASTplay-0042", server_ip="10.0.0.1",
                 extension="8600051")  # fmt: skip
    assert world.call("audio_playback", agent_user="1000", value="x", stage="PLAY") == (
        "ERROR: audio_playback error - audio already playing in agent session - "
        "8600051|10.0.0.1|PLAY|N|1000\n"
    )
    assert world.call("audio_playback", agent_user="1000", stage="STOP").startswith("SUCCESS:")
    assert [(row["action"], row["cmd_line_b"]) for row in _manager_rows(world)] == [
        ("Hangup", "Channel: IAX2/ASTplay-0042"),
    ]
    assert world.call("audio_playback", agent_user="1000", value="hi") == (
        "ERROR: audio_playback not valid - hi||1000\n"
    )


# -- webserver ------------------------------------------------------------------------------


def test_webserver_gives_no_host_details(world: AgentWorld) -> None:
    body = world.call("webserver")
    assert body.startswith("<PRE>Webserver Data:\n") and body.endswith("</PRE>\n")
    assert "host name" not in body and "uname" not in body

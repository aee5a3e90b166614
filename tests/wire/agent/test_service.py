"""The Agent API's common steps: source, credentials, API switch, unknown functions, logs."""

from __future__ import annotations

from sqlalchemy import update

from leadgate.storage.tables import system_settings
from tests.wire.agent.conftest import AgentWorld

PAUSE = {"function": "external_pause", "agent_user": "1000", "value": "PAUSE"}


def _get(world: AgentWorld, **params: str) -> str:
    return world.client.get("/agc/api.php", params=params).text


def test_source_is_required_and_logged(world: AgentWorld) -> None:
    assert _get(world, user="6666", **{"pass": "1234"}, **PAUSE) == "ERROR: Invalid Source - \n"
    [log] = world.logs()
    assert (log["function"], log["result"], log["result_reason"]) == (
        "external_pause", "ERROR", "Invalid Source",
    )  # fmt: skip
    assert (log["agent_user"], log["value"]) == ("1000", "PAUSE")


def test_bad_password_line_and_log_never_hold_the_password(world: AgentWorld) -> None:
    body = _get(world, source="test", user="6666", **{"pass": "s3cret"}, **PAUSE)
    assert body == "ERROR: Invalid Username/Password: |6666||0|1|BAD|0|api|\n"
    [log] = world.logs()
    assert log["result_reason"] == "Invalid Username/Password"
    assert "s3cret" not in str(log["data"])


def test_user_without_agent_api_access(world: AgentWorld) -> None:
    world.agent("1000")
    body = _get(world, source="test", user="1000", **{"pass": "1234"}, **PAUSE)
    assert body == "ERROR: Invalid Username/Password: |1000||1|0|GOOD|\n"


def test_inactive_user_with_api_access_reports_the_flag(world: AgentWorld) -> None:
    world.seed.user(user="gone", active="N")
    body = _get(world, source="test", user="gone", **{"pass": "1234"}, **PAUSE)
    assert body.startswith("ERROR: Invalid Username/Password: |gone||0|1|")


def test_agent_api_switched_off(world: AgentWorld) -> None:
    with world.db.transaction() as conn:
        conn.execute(update(system_settings).values(vdc_agent_api_active="0"))
    body = _get(world, source="test", user="6666", **{"pass": "1234"}, **PAUSE)
    assert body == "ERROR: System API NOT ACTIVE\n"


def test_unknown_function_is_empty_and_unlogged(world: AgentWorld) -> None:
    assert world.call("bogus") == ""
    assert world.logs() == []


def test_hostile_input_never_fails(world: AgentWorld) -> None:
    world.agent("1000")
    nasty = "'\"; DROP TABLE vicidial_users; --\\\x00é" + "9" * 300
    for function in ("external_pause", "external_dial", "external_status", "external_add_lead",
                     "update_fields", "st_get_agent_active_lead", "pause_code", "logout",
                     "external_hangup", "calls_in_queue_count"):  # fmt: skip
        response = world.client.get("/agc/api.php", params={
            "source": "test", "user": "6666", "pass": "1234", "function": function,
            "agent_user": "1000", "value": nasty, "lead_id": nasty, "phone_code": nasty,
            "phone_number": nasty, "search": "YES", "preview": "NO", "focus": "NO",
            "vendor_id": nasty, "first_name": nasty, "comments": nasty, "rank": nasty,
            "gmt_offset_now": nasty, "callback_datetime": nasty, "alt_user": nasty,
        })  # fmt: skip
        assert response.status_code == 200
        assert response.text.startswith(("SUCCESS", "ERROR", "NOTICE")), (function, response.text)
        assert "SYSTEM ERROR" not in response.text, function

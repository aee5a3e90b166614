"""external_pause, logout, external_hangup, external_status, pause_code, calls_in_queue_count."""

from __future__ import annotations

import re

import pytest

from tests.wire.agent.conftest import AgentWorld

EPOCH = r"\d{10}"


# -- external_pause -------------------------------------------------------------------------


def test_pause_writes_command_with_epoch(world: AgentWorld) -> None:
    world.agent("1000", status="READY")
    body = world.call("external_pause", agent_user="1000", value="PAUSE")
    match = re.fullmatch(rf"SUCCESS: external_pause function set - PAUSE\|({EPOCH})\|1000\n", body)
    assert match
    assert world.live()["external_pause"] == f"PAUSE!{match.group(1)}"
    assert world.logs() == [
        {"api_script": "agent", "function": "external_pause", "agent_user": "1000",
         "value": "PAUSE", "result": "SUCCESS", "result_reason": "external_pause function set",
         "data": match.group(1)},
    ]  # fmt: skip


@pytest.mark.parametrize("value", ["pause", "FOO", ""])
def test_pause_value_must_contain_pause_or_resume(world: AgentWorld, value: str) -> None:
    world.agent("1000")
    body = world.call("external_pause", agent_user="1000", value=value)
    assert body == f"ERROR: external_pause not valid - {value}|1000\n"
    assert world.live()["external_pause"] == ""


def test_pause_substring_is_enough(world: AgentWorld) -> None:
    world.agent("1000")
    body = world.call("external_pause", agent_user="1000", value="XPAUSEX")
    assert body.startswith("SUCCESS: external_pause function set - XPAUSEX|")


@pytest.mark.parametrize("status", ["READY", "QUEUE", "INCALL", "CLOSER"])
def test_resume_refused_unless_paused(world: AgentWorld, status: str) -> None:
    world.agent("1000", status=status)
    body = world.call("external_pause", agent_user="1000", value="RESUME")
    assert body == "ERROR: external_pause agent is not paused - RESUME|1000\n"
    assert world.live()["external_pause"] == ""


def test_resume_when_paused(world: AgentWorld) -> None:
    world.agent("1000", status="PAUSED")
    body = world.call("external_pause", agent_user="1000", value="RESUME")
    assert body.startswith("SUCCESS: external_pause function set - RESUME|")
    assert world.live()["external_pause"].startswith("RESUME!")


def test_pause_agent_not_logged_in(world: AgentWorld) -> None:
    world.agent("1002", logged_in=False)
    body = world.call("external_pause", agent_user="1002", value="PAUSE")
    assert body == "ERROR: agent_user is not logged in - 1002\n"


def test_alt_user_names_the_agent_by_crm_id(world: AgentWorld) -> None:
    world.agent("1000", custom_three="CRM7")
    body = world.call("external_pause", alt_user="CRM7", value="PAUSE")
    assert re.fullmatch(rf"SUCCESS: external_pause function set - PAUSE\|{EPOCH}\|1000\n", body)
    assert world.logs()[0]["agent_user"] == "1000"


def test_alt_user_takes_alphabetically_first_user(world: AgentWorld) -> None:
    world.agent("2000", custom_three="SAME")
    world.agent("1500", custom_three="SAME")
    body = world.call("external_pause", alt_user="SAME", value="PAUSE")
    assert body.endswith("|1500\n")


def test_unknown_alt_user_prints_two_errors(world: AgentWorld) -> None:
    world.agent("1000")
    body = world.call("external_pause", agent_user="1002", alt_user="NOALT", value="PAUSE")
    assert body == "ERROR: no user found - NOALT\nERROR: agent_user is not logged in - 1002\n"
    assert [row["result_reason"] for row in world.logs()] == [
        "no user found",
        "agent_user is not logged in",
    ]


def test_unknown_alt_user_continues_with_agent_user(world: AgentWorld) -> None:
    world.agent("1000")
    body = world.call("external_pause", agent_user="1000", alt_user="NOALT", value="PAUSE")
    assert body.startswith("ERROR: no user found - NOALT\nSUCCESS: external_pause function set")


def test_function_not_in_allow_list(world: AgentWorld) -> None:
    world.agent("1000")
    world.seed.user(user="apifunc", api_allowed_functions=" version ")
    body = world.call("external_pause", user="apifunc", agent_user="1000", value="PAUSE")
    assert body == (
        "ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - "
        "PAUSE|apifunc|external_pause|ADMIN\n"
    )
    assert world.live()["external_pause"] == ""


def test_post_without_value_uses_last_posted_field(world: AgentWorld) -> None:
    """VICIdial quirk (conformance ag_eal_post): no `value` → the last POST field's value."""
    world.agent("1000")
    body = world.call("external_pause", method="POST", agent_user="1000", note="PAUSE")
    assert body.startswith("SUCCESS: external_pause function set - PAUSE|")


def test_post_with_value_field_uses_it(world: AgentWorld) -> None:
    world.agent("1000")
    body = world.call("external_pause", method="POST", value="PAUSE", agent_user="1000")
    assert body.startswith("SUCCESS: external_pause function set - PAUSE|")


def test_get_without_value_has_empty_value(world: AgentWorld) -> None:
    world.agent("1000")
    body = world.call("external_pause", agent_user="1000", note="PAUSE")
    assert body == "ERROR: external_pause not valid - |1000\n"


# -- logout ---------------------------------------------------------------------------------


def test_logout_writes_value_without_epoch(world: AgentWorld) -> None:
    world.agent("1000")
    body = world.call("logout", agent_user="1000", value="LOGOUT")
    assert re.fullmatch(rf"SUCCESS: logout function set - LOGOUT\|{EPOCH}\|1000\n", body)
    assert world.live()["external_pause"] == "LOGOUT"


def test_logout_needs_logout_in_value(world: AgentWorld) -> None:
    world.agent("1000")
    assert world.call("logout", agent_user="1000", value="BYE") == (
        "ERROR: logout not valid - BYE|1000\n"
    )
    assert world.live()["external_pause"] == ""


# -- external_hangup ------------------------------------------------------------------------


def test_hangup_writes_one_character(world: AgentWorld) -> None:
    world.agent("1000")
    body = world.call("external_hangup", agent_user="1000", value="12")
    assert body == "SUCCESS: external_hangup function set - 12|1000\n"
    assert world.live()["external_hangup"] == "1"


def test_hangup_needs_value(world: AgentWorld) -> None:
    world.agent("1000")
    assert world.call("external_hangup", agent_user="1000") == (
        "ERROR: external_hangup not valid - |1000\n"
    )


# -- external_status ------------------------------------------------------------------------


def test_status_plain(world: AgentWorld) -> None:
    world.agent("1000")
    body = world.call("external_status", agent_user="1000", value="SALE")
    assert body == "SUCCESS: external_status function set - SALE|1000\n"
    assert world.live()["external_status"] == "SALE"


def test_status_callback_form_for_callback_status(world: AgentWorld) -> None:
    world.agent("1000")
    world.insert("vicidial_statuses", status="CALLBK", status_name="Callback",
                 scheduled_callback="Y")  # fmt: skip
    body = world.call(
        "external_status", agent_user="1000", value="CALLBK",
        callback_datetime="2035-01-25+12:00:00", callback_type="US",
        callback_comments="call+back;later",
    )  # fmt: skip
    command = "CALLBK!2035-01-25 12:00:00!ANYONE!call backlater!"
    assert body == f"SUCCESS: external_status function set - {command}|1000\n"
    assert world.live()["external_status"] == command


def test_status_campaign_callback_status_and_qm_code(world: AgentWorld) -> None:
    world.agent("1000")
    world.insert("vicidial_campaign_statuses", status="CBX", status_name="cb",
                 campaign_id="TESTCAMP", scheduled_callback="Y")  # fmt: skip
    body = world.call(
        "external_status", agent_user="1000", value="CBX",
        callback_datetime="2035-01-25 12:00:00", callback_type="USERONLY",
        callback_comments="x" * 250, qm_dispo_code="42",
    )  # fmt: skip
    command = f"CBX!2035-01-25 12:00:00!USERONLY!{'x' * 200}!42"
    assert body == f"SUCCESS: external_status function set - {command}|1000\n"
    assert world.live()["external_status"] == command


def test_status_not_callback_ignores_datetime_but_keeps_qm(world: AgentWorld) -> None:
    world.agent("1000")
    body = world.call("external_status", agent_user="1000", value="NI",
                      callback_datetime="2035-01-25 12:00:00", qm_dispo_code="77")  # fmt: skip
    assert body == "SUCCESS: external_status function set - NI!!!!77|1000\n"


def test_status_needs_value(world: AgentWorld) -> None:
    world.agent("1000")
    assert world.call("external_status", agent_user="1000") == (
        "ERROR: external_status not valid - |1000\n"
    )


# -- pause_code -----------------------------------------------------------------------------


def test_pause_code_when_paused(world: AgentWorld) -> None:
    world.agent("1000", status="PAUSED")
    assert world.call("pause_code", agent_user="1000", value="BREAK") == (
        "SUCCESS: pause_code function sent - 1000\n"
    )
    assert world.live()["external_pause_code"] == "BREAK"


def test_pause_code_refused_when_not_paused(world: AgentWorld) -> None:
    world.agent("1000", status="READY")
    assert world.call("pause_code", agent_user="1000", value="BREAK") == (
        "ERROR: pause_code error - agent is not paused - 1000\n"
    )
    assert world.live()["external_pause_code"] == ""


@pytest.mark.parametrize("value", ["", "TOOLONG"])
def test_pause_code_length(world: AgentWorld, value: str) -> None:
    world.agent("1000")
    assert world.call("pause_code", agent_user="1000", value=value) == (
        f"ERROR: pause_code not valid - {value}|1000\n"
    )


# -- calls_in_queue_count -------------------------------------------------------------------


def _waiting_call(world: AgentWorld, campaign_id: str, status: str = "LIVE",
                  agent_only: str = "") -> None:  # fmt: skip
    world.insert("vicidial_auto_calls", server_ip="10.0.0.1", campaign_id=campaign_id,
                 status=status, lead_id=1, agent_only=agent_only)  # fmt: skip


def test_calls_in_queue_count_has_no_newline(world: AgentWorld) -> None:
    world.agent("1000", closer_campaigns=" SALESLINE AGENTDIRECT -")
    _waiting_call(world, "TESTCAMP")
    _waiting_call(world, "SALESLINE")
    _waiting_call(world, "SALESLINE", status="CLOSER")  # not waiting
    _waiting_call(world, "OTHERGRP")  # not this agent's
    _waiting_call(world, "AGENTDIRECT", agent_only="1000")
    _waiting_call(world, "AGENTDIRECT", agent_only="1001")
    world.insert("vicidial_email_list", group_id="SALESLINE", status="NEW")
    world.insert("vicidial_email_list", group_id="SALESLINE", status="CLOSED")
    body = world.call("calls_in_queue_count", agent_user="1000", value="DISPLAY")
    assert body == "SUCCESS: calls_in_queue_count - 4"
    assert world.logs()[0]["result_reason"] == "SUCCESS: calls_in_queue_count - 4"


def test_calls_in_queue_count_needs_display(world: AgentWorld) -> None:
    world.agent("1000")
    assert world.call("calls_in_queue_count", agent_user="1000", value="SHOW") == (
        "ERROR: calls_in_queue_count not valid - SHOW|1000\n"
    )

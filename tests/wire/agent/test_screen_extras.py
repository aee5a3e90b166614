"""refresh_panel, set_timer_action, st_login_log, preview_dial_action, vm_message."""

from __future__ import annotations

import pytest

from tests.wire.agent.conftest import AgentWorld

CALLERID = "M1234567890123456"


# -- refresh_panel --------------------------------------------------------------------------


def test_refresh_panel_sends_panel_list(world: AgentWorld) -> None:
    world.agent("1000")
    body = world.call("refresh_panel", agent_user="1000", formreload="1", CallbacksReload="1")
    assert body == (
        "SUCCESS: refresh_panel request sent - 6666|1000|1|formreload,callbacksreload|\n"
    )
    live = world.live()
    assert live["external_update_fields"] == "1"
    assert live["external_update_fields_data"] == "formreload,callbacksreload"


def test_refresh_panel_needs_a_panel(world: AgentWorld) -> None:
    world.agent("1000")
    assert world.call("refresh_panel", agent_user="1000") == (
        "ERROR: no panels have been defined - 1000\n"
    )
    assert world.call("refresh_panel") == "ERROR: agent_user not valid - \n"


# -- set_timer_action -----------------------------------------------------------------------


def test_set_timer_action(world: AgentWorld) -> None:
    world.agent("1000")
    body = world.call("set_timer_action", agent_user="1000", value="D1_DIAL",
                      notes="Call+now!", rank="30")  # fmt: skip
    assert body == "SUCCESS: set_timer_action lead updated - 6666|1000|D1_DIAL|Call now|30\n"
    live = world.live()
    assert (live["external_timer_action"], live["external_timer_action_message"],
            live["external_timer_action_seconds"]) == ("D1_DIAL", "Call now", 30)  # fmt: skip


def test_set_timer_action_needs_modify_campaigns(world: AgentWorld) -> None:
    world.agent("1000")
    world.seed.user(user="nocamp", modify_campaigns="0")
    body = world.call("set_timer_action", user="nocamp", agent_user="1000", value="D1_DIAL")
    assert body == "ERROR: user is not allowed to modify campaign settings - 1000|nocamp\n"
    assert world.live()["external_timer_action"] == ""


def test_set_timer_action_not_valid(world: AgentWorld) -> None:
    assert world.call("set_timer_action", agent_user="1000", value="X") == (
        "ERROR: set_timer_action not valid - 1000|X\n"
    )


# -- st_login_log ---------------------------------------------------------------------------


def test_st_login_log_records_team(world: AgentWorld) -> None:
    world.agent("1000", custom_three="CRM1", logged_in=False)
    body = world.call("st_login_log", value="CRM1", vendor_id="TEAM7")
    assert body == "SUCCESS: st_login_log user found - 1000\n"
    assert world.seed.user_row("1000")["custom_four"] == "TEAM7"
    assert world.call("st_login_log", value="NOPE", vendor_id="T") == (
        "ERROR: no user found - NOPE\n"
    )
    assert world.call("st_login_log", value="CRM1") == "ERROR: st_login_log not valid - CRM1|\n"


# -- preview_dial_action --------------------------------------------------------------------


def test_preview_action_written_to_dial_mailbox(world: AgentWorld) -> None:
    world.agent("1000")
    body = world.call("preview_dial_action", agent_user="1000", value="DIALONLY")
    assert body == "SUCCESS: preview_dial_action function set - DIALONLY|1000|DIALONLY\n"
    assert world.live()["external_dial"] == "DIALONLY"


@pytest.mark.parametrize(
    ("campaign", "value", "error"),
    [
        ({"manual_preview_dial": "DISABLED"}, "DIALONLY",
         "preview dialing not allowed on this campaign - 1000|PCAMP|DISABLED"),
        ({"manual_preview_dial": "PREVIEW_ONLY"}, "SKIP",
         "preview dial skipping not allowed on this campaign - 1000|PCAMP|PREVIEW_ONLY"),
        ({"alt_number_dialing": "N"}, "ALTDIAL",
         "alt number dialing not allowed on this campaign - 1000|PCAMP|N"),
    ],
)  # fmt: skip
def test_preview_action_campaign_rules(
    world: AgentWorld, campaign: dict[str, str], value: str, error: str
) -> None:
    world.seed.campaign("PCAMP", **campaign)
    world.agent("1000", campaign_id="PCAMP")
    assert world.call("preview_dial_action", agent_user="1000", value=value) == (
        f"ERROR: {error}\n"
    )
    assert world.live()["external_dial"] == ""


def test_preview_action_needs_known_action_and_pause(world: AgentWorld) -> None:
    world.agent("1000", status="READY")
    assert world.call("preview_dial_action", agent_user="1000", value="skip") == (
        "ERROR: preview_dial_action not valid - ||1000|\n"
    )
    assert world.call("preview_dial_action", agent_user="1000", value="SKIP") == (
        "ERROR: agent_user is not paused - 1000\n"
    )


# -- vm_message -----------------------------------------------------------------------------


def test_vm_message_for_the_live_lead(world: AgentWorld) -> None:
    world.agent("1000", status="INCALL", lead_id=77, callerid=CALLERID)
    body = world.call("vm_message", agent_user="1000", value="msg_one")
    assert body == "SUCCESS: vm_message function set - 1000|77|msg_one|\n"
    rows = world.seed.table_rows("vicidial_lead_messages", "lead_id", "user", "message_entry")
    assert rows == [{"lead_id": 77, "user": "6666", "message_entry": "msg_one"}]


def test_vm_message_lead_must_match(world: AgentWorld) -> None:
    world.agent("1000", status="INCALL", lead_id=77, callerid=CALLERID)
    assert world.call("vm_message", agent_user="1000", value="m", lead_id="78") == (
        "ERROR: current call does not match lead_id submitted - 1000\n"
    )
    assert world.seed.table_rows("vicidial_lead_messages", "lead_id") == []


def test_vm_message_needs_live_call(world: AgentWorld) -> None:
    world.agent("1000", lead_id=77, callerid="short")
    assert world.call("vm_message", agent_user="1000", value="m") == (
        "ERROR: agent_user does not have a live call - 1000\n"
    )

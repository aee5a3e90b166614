"""change_ingroups and send_notification: replies and writes."""

from __future__ import annotations

import pytest

from tests.wire.agent.conftest import AgentWorld

CHANGE = {"value": "CHANGE", "blended": "NO"}


@pytest.fixture
def inbound(world: AgentWorld) -> AgentWorld:
    world.seed.execute("UPDATE vicidial_campaigns SET campaign_allow_inbound = 'Y'")
    world.seed.execute("UPDATE vicidial_users SET change_agent_campaign = '1'")
    for group in ("SALESLINE", "SUPPORT"):
        world.insert("vicidial_inbound_groups", group_id=group, group_name=group, active="Y")
    world.agent("1000", closer_campaigns=" SUPPORT -")
    return world


def _live_groups(world: AgentWorld) -> list[str]:
    rows = world.seed.rows("SELECT group_id FROM vicidial_live_inbound_agents ORDER BY group_id")
    return [str(row["group_id"]) for row in rows]


def test_change_ingroups_sets_the_command_and_live_groups(inbound: AgentWorld) -> None:
    body = inbound.call("change_ingroups", agent_user="1000", ingroup_choices=" SALESLINE -",
                        **CHANGE)  # fmt: skip
    assert body == "SUCCESS: change_ingroups function set - 6666|1000| SALESLINE -|NO|\n"
    row = inbound.live()
    assert (row["external_ingroups"], row["external_blended"], row["external_igb_set_user"],
            row["manager_ingroup_set"]) == (" SALESLINE -", "0", "6666", "SET")  # fmt: skip
    assert _live_groups(inbound) == ["SALESLINE"]


def test_change_ingroups_add_and_remove(inbound: AgentWorld) -> None:
    body = inbound.call("change_ingroups", agent_user="1000", value="ADD", blended="NO",
                        ingroup_choices=" SALESLINE -")  # fmt: skip
    assert body.endswith("| SUPPORT SALESLINE -|NO|\n")
    body = inbound.call("change_ingroups", agent_user="1000", value="REMOVE", blended="NO",
                        ingroup_choices=" SUPPORT -")  # fmt: skip
    assert body.endswith("| -|NO|\n")
    assert inbound.call("change_ingroups", agent_user="1000", value="ADD", blended="NO") == (
        "ERROR: ingroup_choices are required for ADD and REMOVE values - 1000|ADD|\n"
    )


def test_change_ingroups_set_as_default_updates_the_user_and_logs(inbound: AgentWorld) -> None:
    body = inbound.call("change_ingroups", agent_user="1000", ingroup_choices=" SALESLINE -",
                        set_as_default="YES", **CHANGE)  # fmt: skip
    assert body.endswith("|NO|User settings set as default\n")
    user = inbound.seed.user_row("1000")
    assert (user["closer_campaigns"], user["closer_default_blended"]) == (" SALESLINE -", "0")
    logs = inbound.seed.table_rows("vicidial_admin_log", "user", "record_id", "event_code")
    assert logs == [{"user": "6666", "record_id": "1000", "event_code": "API MODIFY USER"}]


def test_change_ingroups_refusals(inbound: AgentWorld) -> None:
    bad = inbound.call("change_ingroups", agent_user="1000", ingroup_choices=" SALESLINE NOPE -",
                       **CHANGE)  # fmt: skip
    assert bad == "ERROR: ingroup does not exist - 1000|NOPE| SALESLINE NOPE -\n"
    assert inbound.call("change_ingroups", agent_user="1000", value="CH", blended="NO") == (
        "ERROR: change_ingroups not valid - CH|NO||1000\n"
    )
    inbound.seed.execute("UPDATE vicidial_users SET change_agent_campaign = '0'")
    assert (
        inbound.call("change_ingroups", agent_user="1000", ingroup_choices=" SUPPORT -", **CHANGE)
        == "ERROR: user is not allowed to change agent in-groups - 6666\n"
    )
    inbound.seed.execute("UPDATE vicidial_campaigns SET campaign_allow_inbound = 'N'")
    assert (
        inbound.call("change_ingroups", agent_user="1000", ingroup_choices=" SUPPORT -", **CHANGE)
        == "ERROR: campaign does not allow inbound calls - 1000\n"
    )
    assert inbound.live()["manager_ingroup_set"] == "N"
    assert _live_groups(inbound) == []


# -- send_notification ----------------------------------------------------------------------


def _notifications(world: AgentWorld) -> list[dict[str, object]]:
    return world.seed.table_rows(
        "vicidial_agent_notifications", "recipient", "recipient_type", "notification_retry",
        "notification_text", "text_size", "text_font", "text_weight", "text_color",
        "show_confetti", "confetti_options", "notification_status",
    )  # fmt: skip


def test_send_notification_disabled_by_default(world: AgentWorld) -> None:
    body = world.call("send_notification", recipient="6666", recipient_type="USER",
                      notification_text="Hi")  # fmt: skip
    assert body == "ERROR: Agent API Notifications are disabled on this system - 0\n"
    assert _notifications(world) == []


def test_send_notification_queues_with_defaults_and_styles(world: AgentWorld) -> None:
    world.seed.execute("UPDATE system_settings SET agent_notifications = '1'")
    world.seed.user_group("ADMIN")
    world.agent("1000")
    assert world.call("send_notification", recipient="1000", recipient_type="USER",
                      notification_text="Hello+agent") == (
        "SUCCESS: notification queued - 1000|USER|1\n"
    )  # fmt: skip
    body = world.call("send_notification", recipient="TESTCAMP", recipient_type="BOGUS",
                      notification_text="x", text_color="FF0000", show_confetti="Y")  # fmt: skip
    assert body == (
        "Invalid recipient_type (BOGUS), NOTICE: found TESTCAMP as CAMPAIGN<BR>\n"
        "SUCCESS: notification queued - TESTCAMP|CAMPAIGN|2\n"
    )
    assert _notifications(world) == [
        {"recipient": "1000", "recipient_type": "USER", "notification_retry": "N",
         "notification_text": "Hello agent", "text_size": 12, "text_font": "Arial",
         "text_weight": "bold", "text_color": "black", "show_confetti": "N",
         "confetti_options": None, "notification_status": "QUEUED"},
        {"recipient": "TESTCAMP", "recipient_type": "CAMPAIGN", "notification_retry": "N",
         "notification_text": "x", "text_size": 12, "text_font": "Arial",
         "text_weight": "bold", "text_color": "#FF0000", "show_confetti": "Y",
         "confetti_options": "2,2350,2", "notification_status": "QUEUED"},
    ]  # fmt: skip


def test_send_notification_refusals(world: AgentWorld) -> None:
    world.seed.execute("UPDATE system_settings SET agent_notifications = '1'")
    world.seed.user_group("ADMIN", allowed_campaigns=" OTHER -")
    assert world.call("send_notification", recipient="nobody", recipient_type="USER",
                      notification_text="x") == (
        "ERROR: nobody DOES NOT EXIST in vicidial_users - |nobody\n"
    )  # fmt: skip
    assert world.call("send_notification", recipient="TESTCAMP", recipient_type="CAMPAIGN",
                      notification_text="x") == (
        "ERROR: ACCESS TO CAMPAIGN TESTCAMP NOT ALLOWED FOR USER 6666 ( OTHER -) - |TESTCAMP\n"
    )  # fmt: skip
    assert world.call("send_notification", recipient="6666", recipient_type="USER") == (
        "ERROR: invalid request - 6666|USER\n"
    )
    assert _notifications(world) == []

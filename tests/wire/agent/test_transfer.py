"""transfer_conference: routes, in-group checks and the command string."""

from __future__ import annotations

import re

import pytest

from tests.wire.agent.conftest import AgentWorld

CALLERID = "M1234567890123456"  # longer than 15 characters: a live call


def _on_call(world: AgentWorld) -> None:
    world.agent("1000", status="INCALL", lead_id=77, callerid=CALLERID)


def test_blind_transfer(world: AgentWorld) -> None:
    _on_call(world)
    body = world.call("transfer_conference", agent_user="1000", value="BLIND_TRANSFER",
                      phone_number="3125550009", dial_override="YES")  # fmt: skip
    assert body == (
        f"SUCCESS: transfer_conference function set - BLIND_TRANSFER||3125550009|NO|1000|"
        f"{CALLERID}|\n"
    )
    command = world.live()["external_transferconf"]
    assert re.fullmatch(r"BLIND_TRANSFER------3125550009---NO---YES---------\d{10}---", command)


def test_local_closer_needs_active_ingroup(world: AgentWorld) -> None:
    _on_call(world)
    world.insert("vicidial_inbound_groups", group_id="SALES", group_name="S", active="Y")
    world.insert("vicidial_inbound_groups", group_id="OFF", group_name="O", active="N")
    call = world.call
    assert call("transfer_conference", agent_user="1000", value="LOCAL_CLOSER",
                ingroup_choices="OFF") == "ERROR: ingroup is not valid - OFF\n"  # fmt: skip
    assert call("transfer_conference", agent_user="1000", value="LOCAL_CLOSER") == (
        "ERROR: ingroup is not valid - \n"
    )
    body = call("transfer_conference", agent_user="1000", value="LOCAL_CLOSER",
                ingroup_choices="SALES", consultative="YES")  # fmt: skip
    assert body == (
        f"SUCCESS: transfer_conference function set - LOCAL_CLOSER|SALES||YES|1000|{CALLERID}|\n"
    )
    assert re.fullmatch(r"LOCAL_CLOSER---SALES------YES------------\d{10}---",
                        world.live()["external_transferconf"])  # fmt: skip


def test_default_ingroup_comes_from_the_live_call(world: AgentWorld) -> None:
    _on_call(world)
    world.insert("vicidial_auto_calls", server_ip="1", campaign_id="INGRP", status="LIVE",
                 lead_id=77, callerid=CALLERID, call_type="IN")  # fmt: skip
    world.insert("vicidial_inbound_groups", group_id="INGRP", group_name="I", active="Y",
                 default_xfer_group="SALES")  # fmt: skip
    world.insert("vicidial_inbound_groups", group_id="SALES", group_name="S", active="Y")
    body = world.call("transfer_conference", agent_user="1000", value="DIAL_WITH_CUSTOMER",
                      consultative="YES", ingroup_choices="DEFAULTINGROUP")  # fmt: skip
    assert body.startswith("SUCCESS: transfer_conference function set - "
                           "DIAL_WITH_CUSTOMER|SALES||YES|1000|")  # fmt: skip


@pytest.mark.parametrize("value", ["HANGUP_XFER", "HANGUP_BOTH", "LEAVE_3WAY_CALL"])
def test_hangups(world: AgentWorld, value: str) -> None:
    _on_call(world)
    assert world.call("transfer_conference", agent_user="1000", value=value).startswith(
        f"SUCCESS: transfer_conference function set - {value}||"
    )
    assert re.fullmatch(rf"{value}---------NO------------\d{{10}}",
                        world.live()["external_transferconf"])  # fmt: skip


def test_needs_live_call(world: AgentWorld) -> None:
    world.agent("1000", lead_id=77, callerid="SHORT")
    assert world.call("transfer_conference", agent_user="1000", value="HANGUP_XFER") == (
        "ERROR: agent_user does not have a live call - 1000\n"
    )


def test_bad_values(world: AgentWorld) -> None:
    _on_call(world)
    assert world.call("transfer_conference", agent_user="1000", value="SHORT") == (
        "ERROR: transfer_conference not valid - SHORT|1000\n"
    )
    assert world.call("transfer_conference", agent_user="1000", value="SOMETHING_ELSE") == (
        "ERROR: value is not valid - SOMETHING_ELSE|6666\n"
    )
    assert world.call("transfer_conference", agent_user="1000", value="BLIND_TRANSFER",
                      cid_choice="NOPE") == "ERROR: cid_choice is not valid - 1000|NOPE\n"  # fmt: skip
    assert world.live()["external_transferconf"] == ""

"""ra_call_control, switch_lead and force_fronter_leave_3way: replies and writes."""

from __future__ import annotations

import re
from datetime import datetime

from tests.wire.agent.conftest import AgentWorld

OUT_CALL = "V0302090000000001013"
IN_CALL = "Y0302090100000001012"


def _calls(world: AgentWorld) -> None:
    world.insert("vicidial_inbound_groups", group_id="SUPPORT", group_name="Support", active="Y")
    world.insert("vicidial_auto_calls", auto_call_id=11, server_ip="10.0.0.1",
                 campaign_id="TESTCAMP", status="LIVE", lead_id=1013, uniqueid="1583157600.60",
                 callerid=OUT_CALL, channel="SIP/trunk-60", phone_number="3125550013",
                 call_type="OUT")  # fmt: skip
    world.insert("vicidial_auto_calls", auto_call_id=12, server_ip="10.0.0.1",
                 campaign_id="SALESLINE", status="LIVE", lead_id=1012, uniqueid="1583157660.61",
                 callerid=IN_CALL, channel="SIP/trunk-61", phone_number="3125550012",
                 call_type="IN")  # fmt: skip
    for lead_id in (1012, 1013):
        world.seed.lead(lead_id=lead_id, list_id=101, phone_number=f"312555{lead_id:04d}",
                        status="NEW")  # fmt: skip


def _manager(world: AgentWorld) -> list[dict[str, object]]:
    return world.seed.table_rows("vicidial_manager", "action", "callerid", "cmd_line_b",
                                 "cmd_line_d")  # fmt: skip


def _lead_status(world: AgentWorld, lead_id: int) -> str:
    rows = world.seed.rows("SELECT status FROM vicidial_list WHERE lead_id = :id", id=lead_id)
    return str(rows[0]["status"])


# -- ra_call_control ------------------------------------------------------------------------


def test_ra_hangup_ends_the_call(world: AgentWorld) -> None:
    world.agent("1000")
    world.agent("1001", status="INCALL", lead_id=1012, callerid=IN_CALL)
    _calls(world)
    body = world.call("ra_call_control", agent_user="1000", value=IN_CALL, stage="HANGUP",
                      status="NI")  # fmt: skip
    assert body == f"SUCCESS: ra_call_control hungup - 1000|{IN_CALL}|HANGUP\n"
    assert _lead_status(world, 1012) == "NI"
    assert _manager(world) == [
        {"action": "Hangup", "callerid": "HAPI" + IN_CALL[4:], "cmd_line_b": "Channel: SIP/trunk-61",
         "cmd_line_d": ""},
    ]  # fmt: skip
    released = world.live("1001")
    assert (released["status"], released["lead_id"], released["callerid"]) == ("READY", 0, "")
    remaining = world.seed.rows("SELECT callerid FROM vicidial_auto_calls")
    assert remaining == [{"callerid": OUT_CALL}]


def test_ra_ingroup_transfer_defaults_the_status(world: AgentWorld) -> None:
    world.agent("1000")
    _calls(world)
    body = world.call("ra_call_control", agent_user="1000", value=OUT_CALL,
                      stage="INGROUPTRANSFER", ingroup_choices="SUPPORT")  # fmt: skip
    assert body == f"SUCCESS: ra_call_control transfer - 1000|{OUT_CALL}|\n"
    assert _lead_status(world, 1013) == "RAXFER"
    assert _manager(world)[0]["cmd_line_d"] == "Exten: 90009*SUPPORT**1013**3125550013**1000**"


def test_ra_refusals_change_nothing(world: AgentWorld) -> None:
    world.agent("1000")
    _calls(world)
    cases = {
        ("V0000", "HANGUP", ""): "ERROR: no active call found - V0000\n",
        (OUT_CALL, "EXPLODE", ""): "ERROR: stage is not valid - EXPLODE\n",
        (OUT_CALL, "INGROUPTRANSFER", "NOPE"): "ERROR: ingroup is not valid - NOPE\n",
        (OUT_CALL, "EXTENSIONTRANSFER", ""): "ERROR: phone_number is not valid - \n",
        (OUT_CALL, "", ""): f"ERROR: ra_call_control not valid - {OUT_CALL}|1000|\n",
    }
    for (value, stage, ingroup), expected in cases.items():
        body = world.call("ra_call_control", agent_user="1000", value=value, stage=stage,
                          ingroup_choices=ingroup)  # fmt: skip
        assert body == expected
    assert _manager(world) == []
    assert len(world.seed.rows("SELECT callerid FROM vicidial_auto_calls")) == 2


# -- switch_lead ----------------------------------------------------------------------------


def test_switch_lead_on_an_inbound_call(world: AgentWorld) -> None:
    world.seed.execute("UPDATE vicidial_campaigns SET agent_lead_search = 'LIVE_CALL_INBOUND'")
    world.agent("1000", status="INCALL", lead_id=1005, callerid="Y1122090100000001005")
    world.seed.lead(lead_id=1002, list_id=101, phone_number="3125550002", vendor_lead_code="V2")
    body = world.call("switch_lead", agent_user="1000", lead_id="1002")
    assert body == "SUCCESS: switch_lead function set - 1000|1002|V2|TESTCAMP|1005|\n"
    assert world.live()["external_lead_id"] == 1002
    assert world.call("switch_lead", agent_user="1000", lead_id="99999") == (
        "ERROR: switch-to lead not found - 1000|99999|\n"
    )


def test_switch_lead_refusals(world: AgentWorld) -> None:
    world.agent("1000", status="INCALL", lead_id=1001, callerid="V1122090000000001001")
    world.agent("1001", status="INCALL", lead_id=1005, callerid="Y1122090100000001005")
    assert world.call("switch_lead", agent_user="1000", lead_id="1002") == (
        "ERROR: agent call is not inbound - 1000|V1122090000000001001"
    )
    assert world.call("switch_lead", agent_user="1001", lead_id="1002") == (
        "ERROR: campaign does not allow inbound lead search - 1001|TESTCAMP\n"
    )
    assert world.call("switch_lead", agent_user="1000") == "ERROR: switch_lead not valid - ||1000\n"
    assert world.live("1001")["external_lead_id"] == 0


# -- force_fronter_leave_3way ---------------------------------------------------------------


def test_fronter_on_the_same_lead_is_told_to_leave(world: AgentWorld) -> None:
    world.agent("1000", status="INCALL", lead_id=1001)
    assert world.call("force_fronter_leave_3way", agent_user="1000", value="LOCAL_ONLY") == (
        "ERROR: no fronter found - 1000\n"
    )
    world.agent("1001", status="INCALL", lead_id=1001, last_call_time=datetime(2019, 1, 1, 10))
    body = world.call("force_fronter_leave_3way", agent_user="1000", value="LOCAL_ONLY")
    assert body == "SUCCESS: force_fronter_leave_3way SENT - 1001"
    assert re.fullmatch(r"LEAVE_3WAY_CALL---------NO------------\d{10}",
                        world.live("1001")["external_transferconf"])  # fmt: skip
    assert world.live("1000")["external_transferconf"] == ""


def test_ccc_remote_needs_no_session(world: AgentWorld) -> None:
    world.agent("1000", status="INCALL", lead_id=1001)
    body = world.call("force_fronter_leave_3way", agent_user="1002", value="CCC_REMOTE",
                      lead_id="1001")  # fmt: skip
    assert body == "SUCCESS: force_fronter_leave_3way SENT - 1000"
    assert world.call("force_fronter_leave_3way", agent_user="1000", value="LOCAL") == (
        "ERROR: force_fronter_leave_3way not valid - LOCAL|1000\n"
    )

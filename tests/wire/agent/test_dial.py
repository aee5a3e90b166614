"""external_dial: validation, readiness, caller id options, lead_id dialing, queue mode."""

from __future__ import annotations

import re

import pytest

from tests.wire.agent.conftest import AgentWorld

DIAL = {"agent_user": "1000", "phone_code": "1", "search": "YES", "preview": "NO", "focus": "YES"}


def test_dial_writes_command(world: AgentWorld) -> None:
    world.agent("1000")
    body = world.call("external_dial", value="(312) 555-9911", vendor_id="V+1",
                      dial_prefix="88", **DIAL)  # fmt: skip
    match = re.fullmatch(
        r"SUCCESS: external_dial function set - 3125559911\|1000\|1\|YES\|NO\|YES\|V 1\|"
        r"(\d{10})\|88\|\|\|\n",
        body,
    )
    assert match
    epoch = match.group(1)
    assert world.live()["external_dial"] == f"3125559911!1!YES!NO!YES!V 1!{epoch}!88!!!!!!"


def test_dial_manualnext_is_kept(world: AgentWorld) -> None:
    world.agent("1000")
    body = world.call("external_dial", value="MANUALNEXT", **DIAL)
    assert body.startswith("SUCCESS: external_dial function set - MANUALNEXT|1000|")


@pytest.mark.parametrize("missing", ["search", "preview", "focus"])
def test_dial_flags_are_mandatory(world: AgentWorld, missing: str) -> None:
    world.agent("1000")
    params = {**DIAL, missing: "Y"}
    body = world.call("external_dial", value="3125559911", **params)
    fields = [params["phone_code"], params["search"], params["preview"], params["focus"], ""]
    assert body == f"ERROR: external_dial not valid - 3125559911|{'|'.join(fields)}|1000|\n"
    assert world.live()["external_dial"] == ""


def test_dial_agent_must_be_paused_without_lead(world: AgentWorld) -> None:
    world.agent("1000", status="PAUSED", lead_id=55)
    body = world.call("external_dial", value="3125559911", **DIAL)
    assert body == "ERROR: agent_user is not paused - 1000\n"


def test_dial_agent_needs_manual_dial_permission(world: AgentWorld) -> None:
    world.agent("1000", agentcall_manual="0")
    body = world.call("external_dial", value="3125559911", **DIAL)
    assert body == "ERROR: agent_user is not allowed to place manual dial calls - 1000\n"


def test_unknown_dial_ingroup_gives_notice_and_goes_on(world: AgentWorld) -> None:
    world.agent("1000")
    body = world.call("external_dial", value="3125559911", dial_ingroup="NOPE", **DIAL)
    lines = body.splitlines()
    assert lines[0] == "NOTICE: defined dial_ingroup not found - NOPE"
    assert lines[1].startswith("SUCCESS: external_dial function set - 3125559911|")
    assert world.live()["external_dial"].endswith("!!!")


def test_known_dial_ingroup_lets_a_busy_agent_dial(world: AgentWorld) -> None:
    world.agent("1000", status="READY")
    world.insert("vicidial_inbound_groups", group_id="SALES", group_name="Sales")
    body = world.call("external_dial", value="3125559911", dial_ingroup="SALES", **DIAL)
    assert body.startswith("SUCCESS:")
    assert world.live()["external_dial"].endswith("!SALES")


def test_group_alias_unknown(world: AgentWorld) -> None:
    world.agent("1000")
    body = world.call("external_dial", value="3125559911", group_alias="NOPE", **DIAL)
    assert body == "ERROR: group_alias is not valid - 1000|NOPE\n"


@pytest.mark.parametrize("cid", ["3", "", None])
def test_group_alias_caller_id_too_short(world: AgentWorld, cid: str | None) -> None:
    world.agent("1000")
    world.insert("groups_alias", group_alias_id="GA1", caller_id_number=cid)
    body = world.call("external_dial", value="3125559911", group_alias="GA1", **DIAL)
    assert body == f"ERROR: caller_id_number from group_alias is not valid - 1000|GA1|{cid or ''}\n"


def test_group_alias_caller_id_used(world: AgentWorld) -> None:
    world.agent("1000")
    world.insert("groups_alias", group_alias_id="GA1", caller_id_number="7275551212")
    body = world.call("external_dial", value="3125559911", group_alias="GA1", **DIAL)
    assert re.search(r"\|GA1\|7275551212\|\n$", body)


def test_outbound_cid_needs_api_only_setting(world: AgentWorld) -> None:
    world.agent("1000")
    body = world.call("external_dial", value="3125559911", outbound_cid="5551234", **DIAL)
    assert body == "ERROR: outbound_cid is not allowed on this system - 1000|5551234|DISABLED\n"


def test_outbound_cid_forces_group_alias(world: AgentWorld) -> None:
    world.agent("1000")
    with world.db.transaction() as conn:
        from sqlalchemy import update

        from leadgate.storage.tables import system_settings

        conn.execute(update(system_settings).values(outbound_cid_any="API_ONLY"))
    body = world.call("external_dial", value="3125559911", outbound_cid="5551234", **DIAL)
    assert re.search(r"\|-FORCE-\|5551234\|\n$", body)


def test_dial_by_lead_id_uses_lead_number(world: AgentWorld) -> None:
    world.agent("1000")
    lead_id = world.seed.lead(phone_number="312-555-0001", phone_code="44")
    body = world.call("external_dial", lead_id=str(lead_id), **{**DIAL, "search": "NO"})
    assert body.startswith("SUCCESS: external_dial function set - 3125550001|1000|44|NO|")
    assert f"!{lead_id}!!" in world.live()["external_dial"]


def test_dial_by_lead_id_alt_phone(world: AgentWorld) -> None:
    world.agent("1000")
    lead_id = world.seed.lead(phone_number="3125550001", alt_phone="3125550002")
    body = world.call("external_dial", lead_id=str(lead_id), alt_dial="ALT", **DIAL)
    assert body.startswith("SUCCESS: external_dial function set - 3125550002|")
    assert body.endswith("|ALT\n")


def test_dial_search_finds_which_number(world: AgentWorld) -> None:
    world.agent("1000")
    lead_id = world.seed.lead(phone_number="3125550001", address3="3125550003")
    body = world.call("external_dial", value="3125550003", lead_id=str(lead_id),
                      alt_dial="SEARCH", **DIAL)  # fmt: skip
    assert body.startswith("SUCCESS: external_dial function set - 3125550003|")
    assert body.endswith("|ADDR3\n")


def test_dial_search_not_found(world: AgentWorld) -> None:
    world.agent("1000")
    lead_id = world.seed.lead(phone_number="3125550001", alt_phone="", address3="")
    body = world.call("external_dial", value="3125559999", lead_id=str(lead_id),
                      alt_dial="SEARCH", **DIAL)  # fmt: skip
    assert body == f"ERROR: phone number lead_id search not found - 1000||{lead_id}|\n"
    assert world.live()["external_dial"] == ""


@pytest.mark.parametrize("lead_id", ["999999", "99999999999999999999"])
def test_dial_unknown_lead(world: AgentWorld, lead_id: str) -> None:
    world.agent("1000")
    body = world.call("external_dial", lead_id=lead_id, **DIAL)
    assert body == f"ERROR: lead_id is not valid - 1000|{lead_id}\n"


def test_dial_lead_without_usable_number(world: AgentWorld) -> None:
    world.agent("1000")
    lead_id = world.seed.lead(phone_number="3125550001", alt_phone="x")
    body = world.call("external_dial", lead_id=str(lead_id), alt_dial="ALT", **DIAL)
    assert body == f"ERROR: phone number is not valid - 1000||{lead_id}|ALT\n"


def test_queue_mode_inserts_into_manual_dial_queue(world: AgentWorld) -> None:
    world.seed.campaign("QCAMP", api_manual_dial="QUEUE")
    world.agent("1000", campaign_id="QCAMP", status="READY")
    body = world.call("external_dial", value="3125559911", **DIAL)
    assert body.startswith("SUCCESS: external_dial function set - 3125559911|1000|")
    assert world.live()["external_dial"] == ""
    rows = world.seed.table_rows("vicidial_manual_dial_queue", "user", "phone_number", "status",
                                 "external_dial")  # fmt: skip
    assert len(rows) == 1
    assert rows[0]["user"] == "1000" and rows[0]["status"] == "READY"
    assert rows[0]["external_dial"].startswith("3125559911!1!YES!NO!YES!!")
    again = world.call("external_dial", value="3125559911", **DIAL)
    assert again == (
        "ERROR: phone_number is already in this agents manual dial queue - 1000|3125559911\n"
    )

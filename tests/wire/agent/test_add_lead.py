"""external_add_lead: a lead for the manual-dial list of the agent's campaign."""

from __future__ import annotations

import re

from tests.wire.agent.conftest import AgentWorld

LEAD_COLUMNS = ("lead_id", "list_id", "status", "user", "phone_code", "phone_number",
                "first_name", "vendor_lead_code", "gender", "rank", "gmt_offset_now",
                "called_since_last_reset", "comments")  # fmt: skip


def _leads(world: AgentWorld) -> list[dict[str, object]]:
    return world.seed.table_rows("vicidial_list", *LEAD_COLUMNS)


def test_adds_lead_to_manual_dial_list(world: AgentWorld) -> None:
    world.agent("1000")
    body = world.call("external_add_lead", agent_user="1000", phone_number="3125559901",
                      phone_code="1", first_name="Bob", gender="", comments='say "hi";',
                      dnc_check="YES")  # fmt: skip
    match = re.fullmatch(r"SUCCESS: lead added - 3125559901\|TESTCAMP\|998\|(\d+)\|1000\n", body)
    assert match
    [lead] = _leads(world)
    assert lead["lead_id"] == int(match.group(1))
    assert (lead["list_id"], lead["status"], lead["user"]) == (998, "NEW", "6666")
    assert (lead["phone_code"], lead["first_name"], lead["gender"]) == ("1", "Bob", "")
    assert (lead["rank"], float(lead["gmt_offset_now"])) == (0, 0.0)  # type: ignore[arg-type]
    assert lead["called_since_last_reset"] == "N"
    assert lead["comments"] == 'say "hi"'
    log = world.logs()[0]
    assert (log["result"], log["data"]) == ("SUCCESS", f"3125559901|998|{match.group(1)}")


def test_value_wins_and_vendor_id_overrides(world: AgentWorld) -> None:
    world.agent("1000")
    body = world.call("external_add_lead", agent_user="1000", value="3125559902",
                      phone_number="3125550000", phone_code="1", vendor_lead_code="A",
                      vendor_id="VND9")  # fmt: skip
    assert body.startswith("SUCCESS: lead added - 3125559902|TESTCAMP|998|")
    [lead] = _leads(world)
    assert (lead["phone_number"], lead["vendor_lead_code"]) == ("3125559902", "VND9")


def test_system_and_campaign_dnc_both_reported(world: AgentWorld) -> None:
    world.agent("1000")
    world.insert("vicidial_dnc", phone_number="3125551111")
    world.insert("vicidial_campaign_dnc", phone_number="3125551111", campaign_id="TESTCAMP")
    body = world.call("external_add_lead", agent_user="1000", phone_number="3125551111",
                      phone_code="1", dnc_check="Y", campaign_dnc_check="YES")  # fmt: skip
    assert body == (
        "ERROR: add_lead PHONE NUMBER IN DNC - 3125551111|1000\n"
        "ERROR: add_lead PHONE NUMBER IN CAMPAIGN DNC - 3125551111|TESTCAMP|1000\n"
    )
    assert _leads(world) == []


def test_dnc_not_checked_unless_asked(world: AgentWorld) -> None:
    world.agent("1000")
    world.insert("vicidial_dnc", phone_number="3125551111")
    body = world.call("external_add_lead", agent_user="1000", phone_number="3125551111",
                      phone_code="1", dnc_check="AREACODE")  # fmt: skip
    assert body.startswith("SUCCESS: lead added - 3125551111|")


def test_campaign_dnc_follows_use_other_campaign_dnc(world: AgentWorld) -> None:
    world.seed.campaign("OTHER", use_other_campaign_dnc="TESTCAMP", manual_dial_list_id=555)
    world.agent("1000", campaign_id="OTHER")
    world.insert("vicidial_campaign_dnc", phone_number="3125553333", campaign_id="TESTCAMP")
    body = world.call("external_add_lead", agent_user="1000", phone_number="3125553333",
                      phone_code="1", campaign_dnc_check="Y")  # fmt: skip
    assert body == "ERROR: add_lead PHONE NUMBER IN CAMPAIGN DNC - 3125553333|OTHER|1000\n"


def test_list_id_zero_is_used_as_is(world: AgentWorld) -> None:
    world.seed.campaign("ZERO", manual_dial_list_id=0)
    world.agent("1001", campaign_id="ZERO")
    body = world.call("external_add_lead", agent_user="1001", phone_number="3125559903",
                      phone_code="1")  # fmt: skip
    assert body.startswith("SUCCESS: lead added - 3125559903|ZERO|0|")


def test_campaign_missing(world: AgentWorld) -> None:
    world.agent("1003", campaign_id="GHOST")
    body = world.call("external_add_lead", agent_user="1003", phone_number="3125559904",
                      phone_code="1")  # fmt: skip
    assert body == "ERROR: campaign manual dial list undefined - 3125559904||1003\n"
    assert _leads(world) == []


def test_not_valid_without_phone_code_or_agent(world: AgentWorld) -> None:
    world.agent("1000")
    assert world.call("external_add_lead", agent_user="1000", phone_number="3125559906") == (
        "ERROR: external_add_lead not valid - 3125559906||1000|\n"
    )
    assert world.call("external_add_lead", phone_number="3125559907", phone_code="1") == (
        "ERROR: external_add_lead not valid - 3125559907|1||\n"
    )
    assert _leads(world) == []


def test_bad_alt_user_is_two_errors_and_no_lead(world: AgentWorld) -> None:
    body = world.call("external_add_lead", alt_user="NOALT", phone_number="3125559909",
                      phone_code="1")  # fmt: skip
    assert body == "ERROR: no user found - NOALT\nERROR: agent_user is not logged in - \n"
    assert [row["result"] for row in world.logs()] == ["ERROR", "ERROR"]


def test_post_without_value_takes_last_field(world: AgentWorld) -> None:
    """Recorded VICIdial quirk (ag_eal_post): the last posted field becomes the number."""
    world.agent("1000")
    body = world.call("external_add_lead", method="POST", agent_user="1000",
                      phone_number="3125559910", phone_code="1", first_name="Post")  # fmt: skip
    assert body.startswith("SUCCESS: lead added - Post|TESTCAMP|998|")

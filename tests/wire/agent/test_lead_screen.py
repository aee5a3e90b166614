"""update_fields and st_get_agent_active_lead."""

from __future__ import annotations

from sqlalchemy import select

from leadgate.storage.tables import vicidial_list
from tests.wire.agent.conftest import AgentWorld


def _lead(world: AgentWorld, lead_id: int) -> dict[str, object]:
    with world.db.transaction() as conn:
        row = conn.execute(select(vicidial_list).where(vicidial_list.c.lead_id == lead_id))
        return dict(row.mappings().one())


# -- update_fields --------------------------------------------------------------------------


def test_update_fields_updates_lead_and_tells_screen(world: AgentWorld) -> None:
    lead_id = world.seed.lead(first_name="Old", city="Here")
    world.agent("1000", lead_id=lead_id)
    body = world.call("update_fields", agent_user="1000", first_name="Bob+Jr", rank="7",
                      formreload="1")  # fmt: skip
    assert body == (
        f"SUCCESS: update_fields lead updated - 6666|1000|{lead_id}|1|1|"
        'first_name,rank,formreload|first_name="Bob Jr",rank="7"|\n'
    )
    lead = _lead(world, lead_id)
    assert (lead["first_name"], lead["rank"], lead["city"]) == ("Bob Jr", 7, "Here")
    live = world.live()
    assert live["external_update_fields"] == "1"
    assert live["external_update_fields_data"] == "first_name,rank,formreload"


def test_update_fields_reports_unchanged_rows_as_zero(world: AgentWorld) -> None:
    lead_id = world.seed.lead(first_name="Bob")
    world.agent("1000", lead_id=lead_id)
    world.call("update_fields", agent_user="1000", first_name="Bob")
    body = world.call("update_fields", agent_user="1000", first_name="Bob")
    assert body.startswith(f"SUCCESS: update_fields lead updated - 6666|1000|{lead_id}|0|0|")


def test_update_fields_present_but_empty_clears(world: AgentWorld) -> None:
    lead_id = world.seed.lead(email="a@b.c", date_of_birth=None)
    world.agent("1000", lead_id=lead_id)
    body = world.call("update_fields", agent_user="1000", email="", date_of_birth="bad")
    assert body == (
        f"SUCCESS: update_fields lead updated - 6666|1000|{lead_id}|1|1|"
        'date_of_birth,email|date_of_birth="",email=""|\n'
    )
    lead = _lead(world, lead_id)
    # VICIdial's zero date on MySQL; NULL (the same thing) on the other engines.
    zero_date = "0000-00-00" if world.seed.db.backend == "mysql" else None
    assert lead["email"] == "" and lead["date_of_birth"] == zero_date


def test_update_fields_name_anywhere_in_query_counts(world: AgentWorld) -> None:
    """Quirk: presence is a substring test on the query string, values included."""
    lead_id = world.seed.lead(city="Here")
    world.agent("1000", lead_id=lead_id)
    body = world.call("update_fields", agent_user="1000", note="city")
    assert body.endswith('|city|city=""|\n')
    assert _lead(world, lead_id)["city"] == ""


def test_update_fields_case_rules(world: AgentWorld) -> None:
    """Early names are matched case-sensitively, later ones (postal_code on) are not."""
    lead_id = world.seed.lead()
    world.agent("1000", lead_id=lead_id)
    body = world.call("update_fields", agent_user="1000", note="CITY OWNER")
    assert body.endswith('|owner|owner=""|\n')


def test_update_fields_no_fields(world: AgentWorld) -> None:
    world.agent("1000", lead_id=world.seed.lead())
    assert world.call("update_fields", agent_user="1000") == (
        "ERROR: no fields have been defined - 1000\n"
    )


def test_update_fields_needs_lead_on_screen(world: AgentWorld) -> None:
    world.agent("1000", lead_id=0)
    assert world.call("update_fields", agent_user="1000", first_name="X") == (
        "ERROR: agent_user does not have a lead on their screen - 1000\n"
    )


def test_update_fields_api_user_needs_modify_leads(world: AgentWorld) -> None:
    world.agent("1000", lead_id=world.seed.lead())
    world.seed.user(user="viewer", modify_leads="0")
    body = world.call("update_fields", user="viewer", agent_user="1000", first_name="X")
    assert body == "ERROR: user is not allowed to modify lead information - 1000|viewer\n"


def test_update_fields_needs_agent_user(world: AgentWorld) -> None:
    assert world.call("update_fields", first_name="X") == "ERROR: agent_user not valid - \n"


def test_update_fields_agent_not_logged_in(world: AgentWorld) -> None:
    assert world.call("update_fields", agent_user="1002", first_name="X") == (
        "ERROR: agent_user is not logged in - 1002\n"
    )


# -- st_get_agent_active_lead ---------------------------------------------------------------


def test_active_lead_found(world: AgentWorld) -> None:
    lead_id = world.seed.lead(phone_number="3125550001", vendor_lead_code="V1", province="P",
                              security_phrase="S", source_id="SRC")  # fmt: skip
    world.agent("1000", custom_three="CRM1", lead_id=lead_id)
    body = world.call("st_get_agent_active_lead", value="CRM1", vendor_id="TEAM")
    assert body == (
        f"SUCCESS: st_get_agent_active_lead lead found - 1000|3125550001|{lead_id}|V1|P|S|SRC\n"
    )


def test_active_lead_errors(world: AgentWorld) -> None:
    world.agent("1000", custom_three="CRM1", lead_id=0)
    world.agent("1001", custom_three="CRM2", logged_in=False)
    call = world.call
    assert call("st_get_agent_active_lead", value="CRM1") == (
        "ERROR: st_get_agent_active_lead not valid - CRM1|\n"
    )
    assert call("st_get_agent_active_lead", value="NOPE", vendor_id="T") == (
        "ERROR: no user found - NOPE\n"
    )
    assert call("st_get_agent_active_lead", value="CRM2", vendor_id="T") == (
        "ERROR: user not logged in - 1001\n"
    )
    assert call("st_get_agent_active_lead", value="CRM1", vendor_id="T") == (
        "ERROR: no active lead found - 1000\n"
    )


def test_update_fields_with_hostile_values_stores_what_fits(world: AgentWorld) -> None:
    lead_id = world.seed.lead()
    world.agent("1000", lead_id=lead_id)
    long_text = "x" * 300
    body = world.call(
        "update_fields", agent_user="1000", rank="9" * 30, gmt_offset_now="-999.5",
        date_of_birth="2020-13-45", gender="Q", phone_code="1" * 30, state=long_text,
        first_name=long_text, phone_number="9" * 40,
    )  # fmt: skip
    assert body.startswith(f"SUCCESS: update_fields lead updated - 6666|1000|{lead_id}|1|1|")
    lead = _lead(world, lead_id)
    assert lead["rank"] == 32767
    assert float(lead["gmt_offset_now"]) == -99.99  # type: ignore[arg-type]
    zero_date = "0000-00-00" if world.seed.db.backend == "mysql" else None  # VICIdial's zero date
    assert lead["date_of_birth"] == zero_date and lead["gender"] == ""
    assert lead["phone_code"] == "1" * 10 and lead["state"] == "xx"
    assert lead["first_name"] == "x" * 30 and lead["phone_number"] == "9" * 18


def test_update_fields_refuses_a_double_quote_and_stores_nothing(world: AgentWorld) -> None:
    """VICIdial's SQL breaks on a double quote (conformance uf_comments_special)."""
    world.seed.lead(lead_id=1004, list_id=101, phone_number="3125550004", comments="old")
    world.agent("1000", lead_id=1004)
    body = world.call("update_fields", agent_user="1000", comments='He said "hi"', email="a@b.c")
    assert body == "ERROR: update_fields error - double quote in field value - 1000|comments\n"
    rows = world.seed.rows("SELECT comments, email FROM vicidial_list WHERE lead_id = 1004")
    assert rows == [{"comments": "old", "email": None}]
    assert world.live()["external_update_fields"] == "0"


def test_agent_log_data_has_single_quotes(world: AgentWorld) -> None:
    world.seed.lead(lead_id=1004, list_id=101, phone_number="3125550004")
    world.agent("1000", lead_id=1004)
    world.call("update_fields", agent_user="1000", title="DR")
    assert world.logs()[-1]["data"] == "6666|1000|1004|1|1|title|title='DR'|"

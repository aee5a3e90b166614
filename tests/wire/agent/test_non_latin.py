"""system_settings.use_non_latin in the Agent API: with 1 the letter whitelists keep every
Unicode letter (api.php's \\p{L} branch), with 0 only a-zA-Z."""

from __future__ import annotations

import re
from typing import Any

import pytest
from sqlalchemy import event, select

from leadgate.storage.database import Database
from leadgate.storage.tables import vicidial_list
from tests.wire.agent.conftest import AGENT_API, AgentWorld

# Cyrillic, CJK (one outside the BMP: 4 UTF-8 bytes, needs MariaDB's utf8mb4) and '+' as space.
LEAD_FIELDS = {
    "first_name": "Иван+Ж", "last_name": "王小明𠮷", "title": "Д-р", "middle_initial": "Ж",
    "address1": "東京都 1-2", "city": "Санкт+Петербург", "state": "Мо", "province": "Хэбэй",
    "postal_code": "東京-1", "email": "иван@почта.рф", "security_phrase": "秘密", "owner": "Оля",
    "alt_phone": "Д1", "comments": "привет;#+мир", "source_id": "ист#1",
}  # fmt: skip
KEPT = {
    "first_name": "Иван Ж", "last_name": "王小明𠮷", "title": "Д-р", "middle_initial": "Ж",
    "address1": "東京都 1-2", "city": "Санкт Петербург", "state": "Мо", "province": "Хэбэй",
    "postal_code": "東京-1", "email": "иван@почта.рф", "security_phrase": "秘密", "owner": "Оля",
    "alt_phone": "Д1", "comments": "привет мир", "source_id": "ист1",
}  # fmt: skip
STRIPPED = {
    "first_name": " ", "last_name": "", "title": "-", "middle_initial": "",
    "address1": " 1-2", "city": " ", "state": "", "province": "",
    "postal_code": "-1", "email": "@.", "security_phrase": "", "owner": "",
    "alt_phone": "1", "comments": "привет мир", "source_id": "ист1",  # free text: same
}  # fmt: skip
SETTINGS = [pytest.param("1", KEPT, id="use_non_latin=1"),
            pytest.param("0", STRIPPED, id="use_non_latin=0")]  # fmt: skip


def _use_non_latin(world: AgentWorld, setting: str) -> None:
    # Before the test's first call: the setting is cached a few seconds once read.
    world.seed.execute("UPDATE system_settings SET use_non_latin = :v", v=setting)


def _lead(world: AgentWorld, lead_id: int) -> dict[str, Any]:
    with world.db.transaction() as conn:
        row = conn.execute(select(vicidial_list).where(vicidial_list.c.lead_id == lead_id))
        return dict(row.mappings().one())


@pytest.mark.parametrize(("setting", "stored"), SETTINGS)
def test_external_add_lead_keeps_non_latin_letters_only_when_set(
    world: AgentWorld, setting: str, stored: dict[str, str]
) -> None:
    _use_non_latin(world, setting)
    world.agent("1000")
    body = world.call("external_add_lead", agent_user="1000", phone_number="3125559901",
                      phone_code="1", **LEAD_FIELDS)  # fmt: skip
    match = re.fullmatch(r"SUCCESS: lead added - 3125559901\|TESTCAMP\|998\|(\d+)\|1000\n", body)
    assert match, body
    lead = _lead(world, int(match.group(1)))
    assert {name: lead[name] for name in stored} == stored


@pytest.mark.parametrize(("setting", "stored"), SETTINGS)
def test_update_fields_keeps_non_latin_letters_only_when_set(
    world: AgentWorld, setting: str, stored: dict[str, str]
) -> None:
    _use_non_latin(world, setting)
    lead_id = world.seed.lead(first_name="Old", last_name="Old", city="Old")
    world.agent("1000", lead_id=lead_id)
    names = ("first_name", "last_name", "city", "middle_initial")
    body = world.call("update_fields", agent_user="1000",
                      **{name: LEAD_FIELDS[name] for name in names})  # fmt: skip
    # update_fields lists the fields in VICIdial's order, not the request's.
    order = ("city", "first_name", "last_name", "middle_initial")
    assignments = ",".join(f'{name}="{stored[name]}"' for name in order)
    assert body == (
        f"SUCCESS: update_fields lead updated - 6666|1000|{lead_id}|1|1|"
        f"{','.join(order)}|{assignments}|\n"
    )
    lead = _lead(world, lead_id)
    assert {name: lead[name] for name in names} == {name: stored[name] for name in names}


def test_update_fields_via_post_keeps_non_latin_letters(world: AgentWorld) -> None:
    _use_non_latin(world, "1")
    lead_id = world.seed.lead(first_name="Old")
    world.agent("1000", lead_id=lead_id)
    body = world.call("update_fields", method="POST", agent_user="1000", first_name="Мария")
    assert body.endswith('|first_name|first_name="Мария"|\n'), body
    assert _lead(world, lead_id)["first_name"] == "Мария"


@pytest.mark.parametrize(("setting", "stored"), [("1", ("", "Ж")), ("0", ("Jos", ""))])
def test_a_name_that_is_not_utf8_is_lost_whole_only_when_set(
    world: AgentWorld, setting: str, stored: tuple[str, str]
) -> None:
    """A Latin-1 client's 'José' (%E9): api.php's /u whitelist gives NULL for bytes that are
    not UTF-8, so the whole first_name goes; the a-zA-Z one just deletes the byte."""
    _use_non_latin(world, setting)
    world.agent("1000")
    query = ("source=test&user=6666&pass=1234&function=external_add_lead&agent_user=1000"
             "&phone_number=3125559903&phone_code=1&first_name=Jos%E9&last_name=%D0%96")  # fmt: skip
    body = world.client.get(f"{AGENT_API}?{query}").text
    assert body.startswith("SUCCESS: lead added - 3125559903|"), body
    [lead] = world.seed.table_rows("vicidial_list", "lead_id", "first_name", "last_name")
    assert (lead["first_name"], lead["last_name"]) == stored


@pytest.mark.parametrize("setting", ["1", "0"])
def test_non_latin_agent_user_is_kept_and_logged_only_when_set(
    world: AgentWorld, setting: str
) -> None:
    _use_non_latin(world, setting)
    world.agent("Ж")  # one letter, but two bytes: PHP's strlen() says 2, enough for VICIdial
    body = world.call("external_add_lead", agent_user="Ж", phone_number="3125559902",
                      phone_code="1", first_name="Zoë")  # fmt: skip
    if setting == "1":
        assert re.fullmatch(r"SUCCESS: lead added - 3125559902\|TESTCAMP\|998\|\d+\|Ж\n", body)
        [lead] = world.seed.table_rows("vicidial_list", "lead_id", "first_name")
        assert lead["first_name"] == "Zoë"
    else:
        assert body == "ERROR: external_add_lead not valid - 3125559902|1||\n"
        assert world.seed.table_rows("vicidial_list", "lead_id") == []
    [log] = world.logs()
    assert log["agent_user"] == ("Ж" if setting == "1" else "")


def test_non_latin_value_keeps_its_letters(world: AgentWorld) -> None:
    _use_non_latin(world, "1")
    world.agent("1000")
    body = world.call("external_status", agent_user="1000", value="ОТКАЗ!")
    assert body == "SUCCESS: external_status function set - ОТКАЗ|1000\n"
    assert world.live()["external_status"] == "ОТКАЗ"


def test_pause_code_length_counts_bytes_like_php(world: AgentWorld) -> None:
    """api.php refuses strlen($value) > 6: three Cyrillic letters are six bytes, four eight."""
    _use_non_latin(world, "1")
    world.agent("1000", status="PAUSED")
    assert world.call("pause_code", agent_user="1000", value="ОБЕД") == (
        "ERROR: pause_code not valid - ОБЕД|1000\n"
    )
    assert world.call("pause_code", agent_user="1000", value="ОБД") == (
        "SUCCESS: pause_code function sent - 1000\n"
    )
    assert world.live()["external_pause_code"] == "ОБД"


def test_function_name_keeps_non_latin_letters_when_set(world: AgentWorld) -> None:
    # With 1 the Cyrillic letter stays in the name: an unknown agent function, empty answer.
    _use_non_latin(world, "1")
    assert world.call("versionЖ") == ""


def test_function_name_loses_non_latin_letters_when_not_set(world: AgentWorld) -> None:
    _use_non_latin(world, "0")
    assert world.call("versionЖ").startswith("VERSION: ")


def test_setting_costs_no_query_while_cached(world: AgentWorld, db: Database) -> None:
    _use_non_latin(world, "1")
    world.agent("1000")
    world.call("external_pause", agent_user="1000", value="PAUSE")  # reads and caches it
    statements: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        body = world.call("external_pause", agent_user="1000", value="RESUME")
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
    assert body.startswith("SUCCESS:")
    # The one system_settings read is the API's on/off switch (vdc_agent_api_active);
    # use_non_latin comes from the cache.
    reads = [statement for statement in statements if "FROM system_settings" in statement]
    assert len(reads) == 1, statements

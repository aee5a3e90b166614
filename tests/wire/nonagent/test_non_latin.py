"""system_settings.use_non_latin in the Non-Agent API: with 1 the parameters non_agent_api.php
filters with a Unicode-letter whitelist keep every letter, with 0 only a-zA-Z; the rest
(list_id, stage, flags, ...) is filtered alike under both."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from tests.factories import Seeder

NON_AGENT = "/vicidial/non_agent_api.php"
KEEP, STRIP = pytest.param("1", id="use_non_latin=1"), pytest.param("0", id="use_non_latin=0")


def call(client: TestClient, function: str, user: str = "6666", **params: str) -> str:
    creds = {"source": "test", "user": user, "pass": "1234"}
    response = client.get(NON_AGENT, params={**creds, "function": function, **params})
    assert response.status_code == 200
    return response.text


def _setup(seed: Seeder, setting: str) -> None:
    # Before the test's first call: the setting is cached a few seconds once read.
    seed.execute("UPDATE system_settings SET use_non_latin = :v", v=setting)
    seed.user(modify_same_user_level="1")
    seed.user_group("ADMIN")
    seed.user_group("AGENTS", " TESTCAMP -")
    seed.campaign("TESTCAMP", campaign_name="Test Campaign")


@pytest.mark.parametrize("setting", [KEEP, STRIP])
def test_add_user_agent_user_and_full_name(client: TestClient, seed: Seeder, setting: str) -> None:
    _setup(seed, setting)
    answer = call(client, "add_user", agent_user="Иван77", agent_pass="Пароль99",
                  agent_user_level="4", agent_full_name="Иван Петров+Ж",
                  agent_user_group="AGENTS")  # fmt: skip
    if setting == "1":
        user, full_name = "Иван77", "Иван Петров+Ж"
    else:
        user, full_name = "77", " +"
    assert answer == (
        f"SUCCESS: add_user USER HAS BEEN ADDED - 6666|{user}||4|{full_name}|AGENTS\n"
    )
    row = seed.user_row(user)
    assert (row["full_name"], row["user_group"]) == (full_name, "AGENTS")
    logged = seed.table_rows("vicidial_api_log", "user", "agent_user", "function")
    assert logged == [{"user": "6666", "agent_user": user, "function": "add_user"}]


@pytest.mark.parametrize("setting", [KEEP, STRIP])
def test_add_list_list_name(client: TestClient, seed: Seeder, setting: str) -> None:
    _setup(seed, setting)
    answer = call(client, "add_list", list_id="2001", list_name="Список Москва+1",
                  campaign_id="TESTCAMP", list_description="Описание")  # fmt: skip
    name, description = ("Список Москва+1", "Описание") if setting == "1" else (" +1", None)
    assert answer == (f"SUCCESS: add_list LIST HAS BEEN ADDED - 6666|2001|{name}|TESTCAMP\n")
    row = seed.table_rows("vicidial_lists", "list_name", "list_description")
    assert row == [{"list_name": name, "list_description": description}]


@pytest.mark.parametrize("setting", [KEEP, STRIP])
def test_update_campaign_campaign_name(client: TestClient, seed: Seeder, setting: str) -> None:
    _setup(seed, setting)
    answer = call(client, "update_campaign", campaign_id="TESTCAMP",
                  campaign_name="Кампания Весна-2")  # fmt: skip
    if setting == "1":
        assert answer == "SUCCESS: update_campaign CAMPAIGN HAS BEEN UPDATED - 6666|TESTCAMP\n"
        expected = "Кампания Весна-2"
    else:
        # " -2" is too short for a campaign name: refused, nothing changed.
        assert answer == ("ERROR: update_campaign CAMPAIGN NAME MUST BE FROM 6 TO 40 "
                          "CHARACTERS, THIS IS AN OPTIONAL FIELD: |6666| -2\n")  # fmt: skip
        expected = "Test Campaign"
    row = seed.table_rows("vicidial_campaigns", "campaign_name")
    assert row == [{"campaign_name": expected}]


@pytest.mark.parametrize("setting", [KEEP, STRIP])
def test_cyrillic_api_user_logs_in_only_with_non_latin(
    client: TestClient, seed: Seeder, setting: str
) -> None:
    _setup(seed, setting)
    seed.user(user="Админ", full_name="Админ")
    answer = call(client, "no_such_function", user="Админ", agent_user="Оля")
    if setting == "1":
        assert answer == "ERROR: NO FUNCTION SPECIFIED\n"
        logged = seed.table_rows("vicidial_api_log", "user", "agent_user", "result")
        assert logged == [{"user": "Админ", "agent_user": "Оля", "result": "ERROR"}]
    else:
        assert answer == "ERROR: Login incorrect, please try again: |||BAD|\n"


@pytest.mark.parametrize("setting", [KEEP, STRIP])
def test_source_keeps_letters_only_with_non_latin(
    client: TestClient, seed: Seeder, setting: str
) -> None:
    _setup(seed, setting)
    response = client.get(NON_AGENT, params={"source": "Ж", "user": "6666", "pass": "1234",
                                             "function": "campaigns_list"})  # fmt: skip
    # One Cyrillic letter is two bytes: enough for VICIdial's strlen() check.
    if setting == "1":
        assert not response.text.startswith("ERROR: Invalid Source"), response.text
        assert seed.table_rows("vicidial_api_log", "source") == [{"source": "Ж"}]
    else:
        assert response.text.startswith("ERROR: Invalid Source - \n"), response.text


def test_parameters_filtered_alike_stay_latin_with_non_latin(
    client: TestClient, seed: Seeder
) -> None:
    _setup(seed, "1")
    # list_id is a-zA-Z/digits under both settings: the Cyrillic letters go.
    answer = call(client, "add_list", list_id="20Ж02", list_name="Список",
                  campaign_id="TESTCAMP")  # fmt: skip
    assert answer == "SUCCESS: add_list LIST HAS BEEN ADDED - 6666|2002|Список|TESTCAMP\n"


def test_lengths_count_utf8_bytes_as_php_strlen(client: TestClient, seed: Seeder) -> None:
    _setup(seed, "1")
    # 16 Cyrillic letters are 32 bytes: over add_list's 30, as VICIdial's strlen() counts.
    too_long = "Ж" * 16
    answer = call(client, "add_list", list_id="2003", list_name=too_long, campaign_id="TESTCAMP")
    assert answer.startswith("ERROR: add_list YOU MUST USE ALL REQUIRED FIELDS"), answer
    # 21 letters (42 bytes) are over update_campaign's 40 for campaign_name; 20 fit.
    answer = call(client, "update_campaign", campaign_id="TESTCAMP", campaign_name="Ж" * 21)
    assert "CAMPAIGN NAME MUST BE FROM 6 TO 40 CHARACTERS" in answer, answer
    answer = call(client, "update_campaign", campaign_id="TESTCAMP", campaign_name="Ж" * 20)
    assert answer == "SUCCESS: update_campaign CAMPAIGN HAS BEEN UPDATED - 6666|TESTCAMP\n"
    assert seed.table_rows("vicidial_campaigns", "campaign_name") == [{"campaign_name": "Ж" * 20}]
    assert seed.table_rows("vicidial_lists", "list_id") == []


def test_campaign_id_length_counts_bytes(client: TestClient, seed: Seeder) -> None:
    _setup(seed, "1")
    # Five Cyrillic letters are 10 bytes: over update_campaign's 8 for campaign_id.
    answer = call(client, "update_campaign", campaign_id="Кампа", campaign_name="Новое имя")
    assert answer == (
        "ERROR: update_campaign YOU MUST USE ALL REQUIRED FIELDS: |6666|Кампа|Новое имя|Кампа\n"
    )

"""Issue 8 item 1 and DEVIATIONS.md D7: no password in a reply, a log row or any table."""

from __future__ import annotations

from typing import Any

import pytest
from starlette.testclient import TestClient

from leadgate.storage.database import Database
from tests.factories import Seeder
from tests.security.conftest import (
    AGENT_PASSWORD,
    ALL_PASSWORDS,
    API,
    API_PASSWORD,
    PHONE_PASSWORD,
    WRONG_PASSWORD,
)
from tests.security.leaks import assert_no_password_stored
from tests.wire.agent.conftest import AgentWorld

AGENT_API = "/agc/api.php"


def _post(client: TestClient, fields: list[tuple[str, str]]) -> str:
    # A list keeps the posted order: the last field is what VICIdial turns into `value`.
    response = client.post(AGENT_API, content="&".join(f"{k}={v}" for k, v in fields),
                           headers={"content-type": "application/x-www-form-urlencoded"})  # fmt: skip
    assert response.status_code == 200
    return response.text


@pytest.mark.parametrize("password", [API_PASSWORD, WRONG_PASSWORD])
def test_posted_pass_as_last_field_never_becomes_the_value(
    world: AgentWorld, db: Database, password: str
) -> None:
    world.agent("1000")
    body = _post(world.client, [("source", "test"), ("user", "6666"), ("function", "external_status"),
                                ("agent_user", "1000"), ("pass", password)])  # fmt: skip
    assert password not in body
    if password == API_PASSWORD:
        # value is empty, as if none had been sent
        assert body == "ERROR: external_status not valid - |1000\n"
    assert world.live()["external_status"] == ""
    assert_no_password_stored(db, ALL_PASSWORDS)


@pytest.mark.parametrize("name", ["agent_pass", "phone_pass", "PASS", "xpass"])
def test_any_field_ending_in_pass_is_a_credential(
    world: AgentWorld, db: Database, name: str
) -> None:
    world.agent("1000")
    body = _post(world.client, [("source", "test"), ("user", "6666"), ("pass", API_PASSWORD),
                                ("function", "external_status"), ("agent_user", "1000"),
                                (name, PHONE_PASSWORD)])  # fmt: skip
    assert body == "ERROR: external_status not valid - |1000\n"
    assert_no_password_stored(db, ALL_PASSWORDS)


def test_last_field_that_is_not_a_credential_still_becomes_the_value(world: AgentWorld) -> None:
    # VICIdial's quirk (conformance case ag_eal_post) stays for every other field.
    world.agent("1000")
    body = _post(world.client, [("source", "test"), ("user", "6666"), ("pass", API_PASSWORD),
                                ("function", "external_status"), ("agent_user", "1000"),
                                ("status", "SALE")])  # fmt: skip
    assert body.startswith("SUCCESS: external_status function set - SALE|1000")


def test_bad_agent_login_logs_no_password(world: AgentWorld, db: Database) -> None:
    world.agent("1000")
    for fields in (
        [("source", "test"), ("user", "6666"), ("function", "external_status"),
         ("agent_user", "1000"), ("value", "SALE"), ("pass", WRONG_PASSWORD)],
        [("source", "test"), ("user", "1000"), ("function", "external_status"),
         ("agent_user", "1000"), ("pass", AGENT_PASSWORD)],  # good password, no API access
    ):  # fmt: skip
        body = _post(world.client, fields)
        assert body.startswith("ERROR: Invalid Username/Password:")
        assert all(p not in body for p in ALL_PASSWORDS)
    assert_no_password_stored(db, ALL_PASSWORDS)


def test_non_agent_bad_login_line_has_no_password(client: TestClient, seed: Seeder) -> None:
    seed.user(**{"pass": API_PASSWORD})
    body = client.get("/vicidial/non_agent_api.php",
                      params={**API, "pass": WRONG_PASSWORD, "function": "add_lead"}).text  # fmt: skip
    assert body == "ERROR: Login incorrect, please try again: |6666||BAD|\n"


def test_url_log_masks_every_credential_in_query_and_body(
    url_log_client: TestClient, seed: Seeder, db: Database
) -> None:
    seed.user(**{"pass": API_PASSWORD})
    query: dict[str, Any] = {**API, "function": "version_x", "agent_pass": AGENT_PASSWORD}
    url_log_client.get("/vicidial/non_agent_api.php", params=query)
    url_log_client.post("/vicidial/non_agent_api.php?function=nope&Phone_Pass=" + PHONE_PASSWORD,
                        data={**API, "phone_pass": WRONG_PASSWORD})  # fmt: skip
    urls = [row["url"] for row in seed.table_rows("vicidial_api_urls", "url")]
    assert len(urls) == 2
    assert "agent_pass=XXXX" in urls[0] and "&pass=XXXX" in urls[0]
    assert "Phone_Pass=XXXX" in urls[1] and "GET-AND-POST=Y&" in urls[1]
    assert "&phone_pass=XXXX" in urls[1]
    assert_no_password_stored(db, ALL_PASSWORDS)


def test_user_functions_never_show_or_store_a_password(
    url_log_client: TestClient, seed: Seeder, db: Database
) -> None:
    seed.user(**{"pass": API_PASSWORD})
    seed.user_group("ADMIN")
    url = "/vicidial/non_agent_api.php"
    bodies = [
        url_log_client.get(url, params={**API, "function": "add_user", "agent_user": "2001",
                                        "agent_pass": AGENT_PASSWORD, "agent_user_level": "1",
                                        "agent_full_name": "A", "agent_user_group": "ADMIN"}).text,
        url_log_client.get(url, params={**API, "function": "copy_user", "agent_user": "2002",
                                        "agent_pass": PHONE_PASSWORD, "agent_full_name": "B",
                                        "source_user": "2001"}).text,
        # A required field missing: the password sent is still not echoed.
        url_log_client.get(url, params={**API, "function": "copy_user", "agent_user": "2003",
                                        "agent_pass": WRONG_PASSWORD, "source_user": "2001"}).text,
        url_log_client.get(url, params={**API, "function": "update_user", "agent_user": "2002",
                                        "reset_password": "20", "email": "b@example.com"}).text,
    ]  # fmt: skip
    assert [body.split(":")[0] for body in bodies] == ["SUCCESS", "SUCCESS", "ERROR", "NOTICE"]
    assert all(p not in body for p in ALL_PASSWORDS for body in bodies)
    assert_no_password_stored(db, ALL_PASSWORDS)

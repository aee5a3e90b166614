"""The platform functions over HTTP: version, teapot, authentication, unknown functions."""

from __future__ import annotations

import re

from starlette.testclient import TestClient

from tests.factories import Seeder

NON_AGENT = "/vicidial/non_agent_api.php"
AGENT = "/agc/api.php"
CREDS = {"source": "test", "user": "6666", "pass": "1234"}


def test_version_needs_no_credentials(client: TestClient) -> None:
    response = client.get(NON_AGENT, params={"function": "version"})
    assert response.status_code == 200
    assert re.fullmatch(
        r"VERSION: 2\.14-202\|BUILD: 250720-1841\|DATE: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\|"
        r"EPOCH: \d+\|DST: [01]\|TZ: -5\.00\|TZNOW: -?[\d.]+\|\n",
        response.text,
    )
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert response.headers["cache-control"] == "no-cache, must-revalidate"
    assert response.headers["pragma"] == "no-cache"


def test_agent_version_has_no_trailing_pipe(client: TestClient) -> None:
    response = client.get(AGENT, params={"function": "version"})
    assert re.fullmatch(
        r"VERSION: 2\.14-82\|BUILD: 250122-1010\|DATE: [\d :-]+\|EPOCH: \d+\n", response.text
    )


def test_teapot(client: TestClient) -> None:
    response = client.get(NON_AGENT, params={"function": "brew_coffee"})
    assert response.status_code == 418
    assert response.text == "Coffee: brew_coffee|Error 418 I'm a teapot"


def test_unknown_function_after_login(client: TestClient, seed: Seeder) -> None:
    seed.user()
    response = client.get(NON_AGENT, params={**CREDS, "function": "bogus"})
    assert response.text == "ERROR: NO FUNCTION SPECIFIED\n"
    rows = seed.table_rows("vicidial_api_log", "function", "result", "result_reason")
    assert rows == [
        {"function": "bogus", "result": "ERROR", "result_reason": "NO FUNCTION SPECIFIED"}
    ]


def test_agent_api_unknown_function_is_empty(client: TestClient, seed: Seeder) -> None:
    seed.user()
    response = client.get(AGENT, params={**CREDS, "function": "bogus"})
    assert response.status_code == 200
    assert response.text == ""


def test_wrong_password_is_never_echoed(client: TestClient, seed: Seeder) -> None:
    seed.user()
    response = client.get(NON_AGENT, params={**CREDS, "pass": "Secret99", "function": "add_lead"})
    assert response.text == "ERROR: Login incorrect, please try again: |6666||BAD|\n"
    assert "Secret99" not in response.text
    assert seed.user_row("6666")["failed_login_count"] == 1
    agent = client.get(AGENT, params={**CREDS, "pass": "Secret99", "function": "external_pause"})
    assert agent.text == "ERROR: Invalid Username/Password: |6666||0|1|BAD|0|api|\n"
    logged = seed.rows("SELECT data, result_reason FROM vicidial_api_log")
    assert all("Secret99" not in str(row) for row in logged)


def test_post_form_body_and_query_wins(client: TestClient, seed: Seeder) -> None:
    seed.user()
    response = client.post(f"{NON_AGENT}?function=bogus", data={**CREDS, "function": "version"})
    assert response.text == "ERROR: NO FUNCTION SPECIFIED\n"


def test_locked_after_repeated_failures(client: TestClient, seed: Seeder) -> None:
    from datetime import datetime

    seed.user(last_login_date=datetime.now())
    for _ in range(10):
        client.get(NON_AGENT, params={**CREDS, "pass": "wrong", "function": "bogus"})
    locked = client.get(NON_AGENT, params={**CREDS, "function": "bogus"})
    assert locked.text == "ERROR: Too many login attempts, try again in 15 minutes: |6666|LOCK|\n"


def test_inactive_and_low_level_users_are_refused(client: TestClient, seed: Seeder) -> None:
    seed.user(user="inact", active="N")
    seed.user(user="agent", user_level=6)
    for user in ("inact", "agent"):
        response = client.get(NON_AGENT, params={**CREDS, "user": user, "function": "bogus"})
        assert response.text == f"ERROR: Login incorrect, please try again: |{user}||BAD|\n"


def test_telephony_function_answers_fixed_error(client: TestClient, seed: Seeder) -> None:
    seed.user()
    response = client.get(NON_AGENT, params={**CREDS, "function": "moh_list"})
    assert response.text == "ERROR: moh_list NOT AVAILABLE ON THIS SYSTEM - 6666|moh_list\n"


def test_health(client: TestClient) -> None:
    assert client.get("/health").text == "OK\n"


def test_malformed_bytes_never_500(client: TestClient, seed: Seeder) -> None:
    seed.user()
    response = client.get(NON_AGENT + "?function=%ff%fe&user=66%0066&pass=%c3%28&source=te%00st")
    assert response.status_code == 200
    assert response.text.startswith("ERROR:")

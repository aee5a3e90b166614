"""The HTTP shell: form encodings, HEAD, merged slashes, body limits, the access log."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

import pytest
from starlette.testclient import TestClient

from leadgate.http.app import create_app
from leadgate.http.middleware import masked_query
from leadgate.settings import Settings
from leadgate.storage.database import Database
from tests.conftest import count
from tests.factories import Seeder

NON_AGENT = "/vicidial/non_agent_api.php"
AGENT = "/agc/api.php"
CREDS = {"source": "test", "user": "6666", "pass": "1234"}
# (sent, stored): the comments filter drops quotes and turns + into a space, as VICIdial's does.
HOSTILE_COMMENTS = [
    ("50% off & more", "50% off & more"),
    ("a=b+c&list_id=999", "a=b c&list_id=999"),
    ("100%25 sure %2B", "100%25 sure %2B"),
    ('say "hi" it\'s', "say hi it's"),
    ("Zürich ñ 日本 €", "Zürich ñ 日本 €"),
]


@pytest.fixture
def ready(seed: Seeder) -> Seeder:
    seed.user()
    seed.campaign("TESTCAMP")
    seed.list(101, "TESTCAMP")
    return seed


def multipart(fields: list[tuple[str, str]], boundary: str = "leadgateBoundary42") -> bytes:
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
        + value.encode()
        + b"\r\n"
        for name, value in fields
    ]
    return b"".join(parts) + f"--{boundary}--\r\n".encode()


def add_lead_fields(phone: str, comments: str) -> list[tuple[str, str]]:
    return [
        *CREDS.items(),
        ("function", "add_lead"),
        ("phone_number", phone),
        ("list_id", "101"),
        ("comments", comments),
    ]


def stored_comments(seed: Seeder, phone: str) -> list[Any]:
    rows = seed.rows("SELECT comments, list_id FROM vicidial_list WHERE phone_number = :p", p=phone)
    return [(row["comments"], int(row["list_id"])) for row in rows]


@pytest.mark.parametrize(("comments", "stored"), HOSTILE_COMMENTS)
def test_multipart_and_urlencoded_store_the_same_values(
    client: TestClient, ready: Seeder, comments: str, stored: str
) -> None:
    urlencoded = client.post(
        NON_AGENT,
        content=urlencode(add_lead_fields("3125550001", comments)).encode(),
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    form = client.post(
        NON_AGENT,
        content=multipart(add_lead_fields("3125550002", comments)),
        headers={"content-type": "multipart/form-data; boundary=leadgateBoundary42"},
    )
    assert urlencoded.text.startswith("SUCCESS: add_lead"), urlencoded.text
    assert form.text.startswith("SUCCESS: add_lead"), form.text
    by_form = stored_comments(ready, "3125550002")
    assert by_form == stored_comments(ready, "3125550001")
    # One lead each, in list 101: no field smuggled in another parameter.
    assert by_form == [(stored, 101)]


def test_multipart_field_order_reaches_the_agent_api(client: TestClient, ready: Seeder) -> None:
    """The Agent API reads the posted field order; multipart keeps it."""
    fields = [*CREDS.items(), ("function", "version")]
    response = client.post(
        AGENT,
        content=multipart(fields),
        headers={"content-type": "multipart/form-data; boundary=leadgateBoundary42"},
    )
    assert response.text.startswith("VERSION: 2.14-82|")


def test_malformed_multipart_is_an_empty_form(client: TestClient, ready: Seeder) -> None:
    response = client.post(
        NON_AGENT + "?function=version",
        content=b"--nope\r\ngarbage",
        headers={"content-type": "multipart/form-data; boundary=other"},
    )
    assert response.status_code == 200
    assert response.text.startswith("VERSION:")


def test_head_runs_nothing(client: TestClient, ready: Seeder, db: Database) -> None:
    params = {**CREDS, "function": "add_lead", "phone_number": "3125550003", "list_id": "101"}
    for path in (NON_AGENT, "/API/lmapi.php", AGENT):
        response = client.head(path, params=params)
        assert response.status_code == 405
        assert response.headers["allow"] == "GET, POST"
    assert count(db, "SELECT COUNT(*) FROM vicidial_list") == 0
    assert count(db, "SELECT COUNT(*) FROM vicidial_api_log") == 0
    assert client.head("/health").status_code == 200


# Absolute URLs: a client library would read `//vicidial/…` alone as a host name.
SERVER = "http://testserver"


@pytest.mark.parametrize("path", ["//vicidial/non_agent_api.php", "/vicidial//non_agent_api.php"])
def test_doubled_slashes_are_merged(client: TestClient, path: str) -> None:
    single = client.get(NON_AGENT, params={"function": "brew_coffee"})
    double = client.get(SERVER + path, params={"function": "brew_coffee"})
    teapot = (418, "Coffee: brew_coffee|Error 418 I'm a teapot")
    assert (double.status_code, double.text) == (single.status_code, single.text) == teapot
    version = client.get(SERVER + "//agc/api.php", params={"function": "version"})
    assert version.text.startswith("VERSION: 2.14-82|")


def test_lmapi_with_doubled_slash_is_still_lmapi(client: TestClient, ready: Seeder) -> None:
    # lmapi.php takes its campaign from the list: the path decides, so it must be merged first.
    params = {**CREDS, "function": "add_lead", "phone_number": "3125550004", "list_id": "101"}
    response = client.get(SERVER + "//API//lmapi.php", params=params)
    assert response.text.startswith("SUCCESS: add_lead")


def test_404_is_logged(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="leadgate.http"):
        response = client.get("/vicidial/nope.php")
    assert response.status_code == 404
    assert "404 GET /vicidial/nope.php" in caplog.text


# -- body limits ------------------------------------------------------------------------------


@pytest.fixture
def small_client(db: Database, settings: Settings) -> Iterator[TestClient]:
    limited = settings.model_copy(update={"max_body_bytes": 1000})
    with TestClient(create_app(limited, db)) as test_client:
        yield test_client


def test_body_over_the_limit_is_413(small_client: TestClient, ready: Seeder, db: Database) -> None:
    fields = add_lead_fields("3125550005", "x" * 1000)
    response = small_client.post(NON_AGENT, data=dict(fields))
    assert response.status_code == 413
    assert count(db, "SELECT COUNT(*) FROM vicidial_list") == 0
    at_limit = small_client.post(NON_AGENT, data=dict(add_lead_fields("3125550005", "y" * 800)))
    assert at_limit.text.startswith("SUCCESS: add_lead")


def test_chunked_body_over_the_limit_is_413(small_client: TestClient, ready: Seeder) -> None:
    """No Content-Length: counted while read (tests/http/test_server.py shows the reading stops)."""

    def chunks() -> Iterator[bytes]:
        yield b"function=version&comments="
        for _ in range(100):
            yield b"z" * 100

    response = small_client.post(
        NON_AGENT, content=chunks(), headers={"content-type": "application/x-www-form-urlencoded"}
    )
    assert "content-length" not in response.request.headers
    assert response.status_code == 413


def test_multipart_over_the_limit_is_413(small_client: TestClient, ready: Seeder) -> None:
    response = small_client.post(
        NON_AGENT,
        content=multipart(add_lead_fields("3125550006", "q" * 2000)),
        headers={"content-type": "multipart/form-data; boundary=leadgateBoundary42"},
    )
    assert response.status_code == 413


# -- access log -------------------------------------------------------------------------------


def test_masked_query_hides_every_password_like_parameter() -> None:
    query = "user=6666&pass=S3cret&agent_pass=A9&phone_pass=P1&Password=x&passthrough=&function=v"
    assert masked_query(query) == (
        "user=6666&pass=XXXX&agent_pass=XXXX&phone_pass=XXXX&Password=XXXX&passthrough=XXXX"
        "&function=v"
    )
    assert masked_query("p%61ss=S3cret&x=1") == "p%61ss=XXXX&x=1"  # encoded names too


@pytest.mark.parametrize("mode", ["plain", "json"])
def test_access_log_lines_never_hold_a_password(
    db: Database,
    settings: Settings,
    ready: Seeder,
    mode: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    logging_settings = settings.model_copy(update={"access_log": mode})
    with TestClient(create_app(logging_settings, db)) as logged:
        logged.get(NON_AGENT, params={"function": "bogus", "user": "6666", "pass": "S3cret99"})
        logged.post(
            AGENT + "?agent_pass=Agent77",
            data={"function": "version", "pass": "Body55"},
        )
    lines = capsys.readouterr().err.strip().splitlines()
    access = [line for line in lines if "non_agent_api.php" in line or "agc/api.php" in line]
    assert len(access) == 2, lines
    for secret in ("S3cret99", "Agent77", "Body55"):
        assert all(secret not in line for line in lines)
    if mode == "json":
        first = json.loads(access[0])
        assert first["method"] == "GET"
        assert first["path"] == NON_AGENT
        assert first["status"] == 200
        assert "pass=XXXX" in first["query"]
    else:
        assert f'"GET {NON_AGENT}?function=bogus&user=6666&pass=XXXX" 200' in access[0]
        assert f'"POST {AGENT}?agent_pass=XXXX" 200' in access[1]

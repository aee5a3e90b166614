"""Issue 8 item 5: a value longer than a log column answers its normal line on every engine
(MariaDB refused a 64 KB+ `data` with SYSTEM ERROR) and is logged cut to the column width."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from leadgate.storage.columns import TEXT_BYTES, cut_utf8
from leadgate.storage.database import Database
from tests.factories import Seeder
from tests.security.conftest import API, API_PASSWORD

NON_AGENT = "/vicidial/non_agent_api.php"


def test_seventy_thousand_digit_phone_number(client: TestClient, seed: Seeder) -> None:
    seed.user(**{"pass": API_PASSWORD})
    phone = "9" * 70_000
    body = client.post(NON_AGENT, data={**API, "function": "add_lead", "phone_number": phone,
                                        "list_id": "101"}).text  # fmt: skip
    assert "SYSTEM ERROR" not in body
    assert body.startswith("ERROR: add_lead INVALID PHONE NUMBER LENGTH - ")
    (row,) = seed.table_rows("vicidial_api_log", "function", "data")
    assert row["function"] == "add_lead"
    assert 60_000 < len(row["data"].encode()) <= TEXT_BYTES


@pytest.mark.parametrize("char", ["9", "é", "€", "😀"])
def test_multibyte_text_is_cut_on_a_character_boundary(char: str) -> None:
    cut = cut_utf8(char * 70_000, TEXT_BYTES)
    assert len(cut.encode()) <= TEXT_BYTES < len(cut.encode()) + len(char.encode())
    assert set(cut) == {char}


def test_long_url_and_agent_values_are_logged_cut(
    url_log_client: TestClient, seed: Seeder, db: Database
) -> None:
    seed.user(**{"pass": API_PASSWORD})
    long = "é" * 70_000  # 140,000 bytes of UTF-8
    for path in (NON_AGENT, "/agc/api.php", "/API/lmapi.php"):
        body = url_log_client.post(path, data={**API, "function": "add_lead", "comments": long,
                                               "value": long, "agent_user": long}).text  # fmt: skip
        assert "SYSTEM ERROR" not in body
    urls = seed.table_rows("vicidial_api_urls", "url")
    assert len(urls) >= 2
    assert all(len(row["url"].encode()) <= TEXT_BYTES for row in urls)


def test_raw_nul_bytes_in_a_logged_body(url_log_client: TestClient, seed: Seeder) -> None:
    # PostgreSQL text cannot hold NUL: the URL log once turned this into SYSTEM ERROR there.
    seed.user(**{"pass": API_PASSWORD})
    body = b"source=test&user=6666&pass=" + API_PASSWORD.encode() + b"&function=version\x00&x=\x00"
    for path in (NON_AGENT, "/agc/api.php"):
        reply = url_log_client.post(
            path, content=body, headers={"content-type": "application/x-www-form-urlencoded"}
        ).text
        assert "SYSTEM ERROR" not in reply
    urls = seed.table_rows("vicidial_api_urls", "url")
    assert urls and all("\x00" not in row["url"] for row in urls)

"""Hostile input to update_lead and batch_update_lead always gets a clear answer.

Quotes, backslashes, NUL bytes, 10 kB values, bytes that are not UTF-8 and SQL fragments, in
every parameter: HTTP 200 and a first line starting with ERROR:/NOTICE:/SUCCESS: — never a 500,
never the catch-all SYSTEM ERROR line. Each request also carries a few ordinary field values
("anchors"), so that a valid request always has something to report.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import quote_from_bytes

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from starlette.testclient import TestClient

from leadgate.http.app import create_app
from leadgate.settings import Settings
from leadgate.storage.database import Database
from tests.factories import Seeder

URL = "/vicidial/non_agent_api.php"
RESULT_LINE = re.compile(r"(ERROR|NOTICE|SUCCESS): .*")

LEAD_FIELDS = (
    "user_field", "list_id_field", "status", "vendor_lead_code", "source_id", "gmt_offset_now",
    "title", "first_name", "middle_initial", "last_name", "address1", "address2", "address3",
    "city", "state", "province", "postal_code", "country_code", "gender", "date_of_birth",
    "alt_phone", "email", "security_phrase", "comments", "rank", "owner", "called_count",
    "phone_code",
)  # fmt: skip
UPDATE_LEAD_PARAMETERS = LEAD_FIELDS + (
    "source", "user", "pass", "lead_id", "list_id", "phone_number", "search_method",
    "search_location", "records", "entry_list_id", "force_entry_list_id", "no_update",
    "insert_if_not_found", "delete_lead", "delete_cf_data", "reset_lead", "update_phone_number",
    "custom_fields", "list_exists_check", "archived_lead", "tz_method", "multi_alt_phones",
    "callback", "campaign_id", "callback_datetime", "callback_type", "callback_user",
    "callback_status", "callback_comments", "add_to_hopper", "remove_from_hopper",
    "hopper_priority", "hopper_local_call_time_check", "favorite_color",
)  # fmt: skip
BATCH_PARAMETERS = LEAD_FIELDS + (
    "source", "user", "pass", "lead_ids", "records", "reset_lead", "list_exists_check",
    "archived_lead",
)  # fmt: skip
ANCHORS = {"first_name": b"Base", "last_name": b"Anchor", "city": b"Springfield"}
BATCH_ANCHORS = {"status": b"BAT", "owner": b"BASE", "city": b"Springfield"}

HOSTILE_TEXT = [
    "'", '"', "\\", "x\\", "x\\\\\\", "\x00", "%", "_", "' OR '1'='1", "1; DROP TABLE vicidial_list;--",
    "\\'; SELECT SLEEP(5); --", "1001' UNION SELECT pass FROM vicidial_users --", "A" * 10240,
    "9" * 10240, "1," * 5000, ",", "1,,2", "3125550001", "1001", "101", "0", "-1", "Y", "REMOVE",
    "--BLANK--", "LEAD_ID_VENDOR_LEAD_CODE_PHONE_NUMBER", "CAMPAIGN", "LIST", "USERONLY", "NOW",
    "99999999DAYS", "2035-01-01 10:00:00", "9999-99-99", "99.999", "-99999", "a\nb", "\udcff",
    "3125551212_1_work!3125551213_1_home", "TZCODE", "NANPA", "POSTAL",
]  # fmt: skip

values = st.one_of(
    st.sampled_from(HOSTILE_TEXT).map(lambda text: text.encode("utf-8", "surrogatepass")),
    st.binary(max_size=40),  # arbitrary bytes, mostly not UTF-8
    st.text(max_size=40).map(lambda text: text.encode("utf-8", "surrogatepass")),
)


# Ordinary option values, mixed under the hostile ones so that every code path gets its share.
OPTIONS = {
    "search_method": [b"PHONE_NUMBER", b"VENDOR_LEAD_CODE", b"LEAD_ID_PHONE_NUMBER"],
    "phone_number": [b"3125550001", b"3125578001"],
    "phone_code": [b"1", b"44"],
    "list_id": [b"101", b"999"],
    "search_location": [b"LIST", b"CAMPAIGN", b"SYSTEM"],
    "records": [b"2"],
    "no_update": [b"Y"],
    "insert_if_not_found": [b"Y"],
    "delete_lead": [b"Y"],
    "delete_cf_data": [b"Y"],
    "reset_lead": [b"Y"],
    "update_phone_number": [b"Y"],
    "custom_fields": [b"Y"],
    "archived_lead": [b"Y"],
    "multi_alt_phones": [b"3125551212_1_work!3125551213_1_home"],
    "callback": [b"Y", b"REMOVE"],
    "campaign_id": [b"TESTCAMP"],
    "callback_datetime": [b"NOW", b"3DAYS"],
    "callback_type": [b"USERONLY", b"ANYONE"],
    "callback_user": [b"6666"],
    "add_to_hopper": [b"Y"],
    "remove_from_hopper": [b"Y"],
    "hopper_local_call_time_check": [b"Y"],
    "list_exists_check": [b"Y"],
    "favorite_color": [b"red"],
    "entry_list_id": [b"101"],
    "force_entry_list_id": [b"101", b"999"],
}
options = st.dictionaries(st.sampled_from(sorted(OPTIONS)), st.just(b""), max_size=6).flatmap(
    lambda chosen: st.fixed_dictionaries({name: st.sampled_from(OPTIONS[name]) for name in chosen})
)


def query(function: str, base: dict[str, bytes], params: dict[str, bytes]) -> str:
    fields = {"source": b"test", "user": b"6666", "pass": b"1234", "function": function.encode()}
    fields.update(base)
    fields.update(params)
    return "&".join(f"{name}={quote_from_bytes(value, safe='')}" for name, value in fields.items())


@pytest.fixture
def world(seed: Seeder) -> Seeder:
    seed.user()
    seed.user_group()
    seed.campaign()
    seed.list(101)
    seed.execute(
        "CREATE TABLE custom_101 (lead_id INTEGER PRIMARY KEY, favorite_color VARCHAR(20))"
    )
    seed.execute("INSERT INTO vicidial_lists_fields (list_id, field_label, field_rank, field_type) "
                 "VALUES (101, 'favorite_color', 1, 'TEXT')")  # fmt: skip
    seed.execute("UPDATE system_settings SET custom_fields_enabled='1'")
    seed.execute("INSERT INTO vicidial_list_archive (lead_id, list_id, phone_number, entry_list_id) "
                 "VALUES (1001, 101, '3125550001', 0)")  # fmt: skip
    restore_leads(seed)
    return seed


HTTPX_URL_LIMIT = 60_000  # httpx refuses URLs above 65,536 characters
FORM = {"content-type": "application/x-www-form-urlencoded"}


def restore_leads(seed: Seeder) -> None:
    """Put the example leads back (an earlier example may have deleted or moved them)."""
    seed.execute("DELETE FROM vicidial_list WHERE lead_id IN (1001, 1002)")
    seed.lead(lead_id=1001, phone_number="3125550001", vendor_lead_code="V1", entry_list_id=101)
    seed.lead(lead_id=1002, phone_number="3125550002", vendor_lead_code="V2")


def check_answer(status: int, body: str) -> None:
    assert status == 200
    assert "SYSTEM ERROR" not in body, body[:300]
    first = body.split("\n", 1)[0]
    assert RESULT_LINE.fullmatch(first), body[:300]


def hostile_run(
    client: TestClient, seed: Seeder, function: str, names: tuple[str, ...], base: dict[str, bytes]
) -> None:
    @settings(
        max_examples=150, deadline=None, database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )  # fmt: skip
    @given(st.dictionaries(st.sampled_from(names), values, min_size=1, max_size=5), options)
    def run(params: dict[str, bytes], ordinary: dict[str, bytes]) -> None:
        assume(not set(base) <= set(params))  # keep one ordinary field to report on
        restore_leads(seed)
        body = query(function, {**base, **ordinary}, params)
        if len(body) < HTTPX_URL_LIMIT:
            response = client.get(f"{URL}?{body}")
        else:  # too long for httpx's URL check: the same parameters as a form body
            response = client.post(URL, content=body, headers=FORM)
        check_answer(response.status_code, response.text)

    run()


def test_update_lead_hostile_parameters(client: TestClient, world: Seeder) -> None:
    hostile_run(
        client, world, "update_lead", UPDATE_LEAD_PARAMETERS, {"lead_id": b"1001", **ANCHORS}
    )


def test_update_lead_insert_if_not_found_hostile_parameters(
    client: TestClient, world: Seeder
) -> None:
    base = {"search_method": b"PHONE_NUMBER", "phone_number": b"3125579999", "phone_code": b"1",
            "list_id": b"101", "insert_if_not_found": b"Y", **ANCHORS}  # fmt: skip
    hostile_run(client, world, "update_lead", UPDATE_LEAD_PARAMETERS, base)


def test_batch_update_lead_hostile_parameters(client: TestClient, world: Seeder) -> None:
    hostile_run(
        client,
        world,
        "batch_update_lead",
        BATCH_PARAMETERS,
        {"lead_ids": b"1001,1002", **BATCH_ANCHORS},
    )


@pytest.mark.parametrize("name", UPDATE_LEAD_PARAMETERS)
def test_update_lead_each_parameter_ten_kilobytes_of_quotes(
    client: TestClient, world: Seeder, name: str
) -> None:
    params = {name: ("'\"\\;" * 2560).encode()}
    body = query("update_lead", {"lead_id": b"1002", **ANCHORS}, params)
    response = client.post(
        URL, content=body, headers={"content-type": "application/x-www-form-urlencoded"}
    )
    check_answer(response.status_code, response.text)


@pytest.fixture
def roomy_client(db: Database, settings: Settings) -> Iterator[TestClient]:
    """All parameters 10 kB long at once make a 3 MB body: above the default body limit."""
    roomy = settings.model_copy(update={"max_body_bytes": 16 * 1024 * 1024})
    with TestClient(create_app(roomy, db)) as test_client:
        yield test_client


def test_every_parameter_hostile_at_once(roomy_client: TestClient, world: Seeder) -> None:
    client = roomy_client
    for function, names in (
        ("update_lead", UPDATE_LEAD_PARAMETERS),
        ("batch_update_lead", BATCH_PARAMETERS),
    ):
        for text in ("'\"\\;" * 2560, "1' OR '1'='1", "\\", "Y"):
            params = {
                name: text.encode() for name in names if name not in ("user", "pass", "source")
            }
            response = client.post(URL, content=query(function, {}, params),
                                   headers={"content-type": "application/x-www-form-urlencoded"})  # fmt: skip
            check_answer(response.status_code, response.text)

"""add_dnc_phone, delete_dnc_phone, dnc_check (seed, designed) and check_phone_number."""

from __future__ import annotations

import pytest
from sqlalchemy import insert
from starlette.testclient import TestClient

from leadgate.storage.database import Database
from leadgate.storage.tables import vicidial_call_times, vicidial_campaign_dnc, vicidial_dnc
from tests.factories import Seeder

NON_AGENT = "/vicidial/non_agent_api.php"
CREDS = {"source": "test", "user": "6666", "pass": "1234"}


def call(client: TestClient, function: str, **params: str) -> str:
    response = client.get(NON_AGENT, params={**CREDS, "function": function, **params})
    assert response.status_code == 200
    return response.text


def dnc_rows(seed: Seeder) -> tuple[list[str], list[tuple[str, str]]]:
    system = [r["phone_number"] for r in seed.table_rows("vicidial_dnc", "phone_number")]
    campaign = [
        (r["phone_number"], r["campaign_id"])
        for r in seed.table_rows(
            "vicidial_campaign_dnc", "phone_number", "campaign_id", order_by="phone_number"
        )
    ]
    return system, campaign


def test_add_and_delete_system_dnc(client: TestClient, seed: Seeder) -> None:
    seed.user()
    added = call(client, "add_dnc_phone", phone_number="3125558888", campaign_id="SYSTEM_INTERNAL")
    assert added == (
        "SUCCESS: add_dnc_phone DNC NUMBER HAS BEEN ADDED - 6666|3125558888|SYSTEM_INTERNAL\n"
    )
    assert dnc_rows(seed) == (["3125558888"], [])
    again = call(client, "add_dnc_phone", phone_number="3125558888", campaign_id="SYSTEM_INTERNAL")
    assert again == (
        "ERROR: add_dnc_phone DNC NUMBER ALREADY EXISTS: |6666|3125558888|SYSTEM_INTERNAL\n"
    )
    deleted = call(
        client, "delete_dnc_phone", phone_number="3125558888", campaign_id="SYSTEM_INTERNAL"
    )
    assert deleted == (
        "SUCCESS: delete_dnc_phone DNC NUMBER HAS BEEN DELETED - 6666|3125558888|SYSTEM_INTERNAL\n"
    )
    assert dnc_rows(seed) == ([], [])
    log = seed.table_rows("vicidial_dnc_log", "phone_number", "campaign_id", "action", "user",
                          order_by="action_date")  # fmt: skip
    assert sorted(row["action"] for row in log) == ["add", "delete"]
    assert {row["campaign_id"] for row in log} == {"-SYSINT-"}
    admin = seed.table_rows("vicidial_admin_log", "event_type", "event_code", "event_notes")
    assert [row["event_code"] for row in admin] == [
        "ADMIN API ADD DNC NUMBER", "ADMIN API DELETE DNC NUMBER"
    ]  # fmt: skip
    assert admin[0]["event_notes"] == "3125558888|SYSTEM_INTERNAL|1|1"


def test_campaign_dnc_does_not_check_the_campaign(client: TestClient, seed: Seeder) -> None:
    seed.user()
    assert call(client, "add_dnc_phone", phone_number="3125558889", campaign_id="NOPE") == (
        "SUCCESS: add_dnc_phone DNC NUMBER HAS BEEN ADDED - 6666|3125558889|NOPE\n"
    )
    assert dnc_rows(seed) == ([], [("3125558889", "NOPE")])
    log = seed.table_rows("vicidial_dnc_log", "campaign_id", "action", order_by="action_date")
    assert log == [{"campaign_id": "NOPE", "action": "add"}]
    missing = call(client, "delete_dnc_phone", phone_number="3125558889", campaign_id="OTHER")
    assert missing == (
        "ERROR: delete_dnc_phone DNC NUMBER DOES NOT EXIST: |6666|3125558889|OTHER\n"
    )


def test_long_campaign_id_is_cut_like_mysql_and_stays_unique(
    client: TestClient, seed: Seeder
) -> None:
    seed.user()
    first = call(client, "add_dnc_phone", phone_number="3125558889", campaign_id="LONGCAMPAIGN")
    assert first.startswith("SUCCESS:")
    second = call(client, "add_dnc_phone", phone_number="3125558889", campaign_id="LONGCAMPAIGN")
    assert second.startswith("ERROR: add_dnc_phone DNC NUMBER ALREADY EXISTS")
    assert dnc_rows(seed) == ([], [("3125558889", "LONGCAMP")])


@pytest.mark.parametrize(
    ("params", "line"),
    [
        ({"campaign_id": "SYSTEM_INTERNAL"}, "|6666||SYSTEM_INTERNAL"),
        ({"phone_number": "12", "campaign_id": "X"}, "|6666|12|X"),
        ({"phone_number": "3125558891"}, "|6666|3125558891|"),
    ],
)
def test_required_fields(
    client: TestClient, seed: Seeder, params: dict[str, str], line: str
) -> None:
    seed.user()
    for function in ("add_dnc_phone", "delete_dnc_phone"):
        assert call(client, function, **params) == (
            f"ERROR: {function} YOU MUST USE ALL REQUIRED FIELDS: {line}\n"
        )
    assert dnc_rows(seed) == ([], [])


def test_dnc_permissions(client: TestClient, seed: Seeder) -> None:
    seed.user(delete_from_dnc="0", vdc_agent_api_access="0")
    # add needs modify_lists only (no API-access flag); delete also needs delete_from_dnc
    assert call(client, "add_dnc_phone", phone_number="3125551111", campaign_id="X").startswith(
        "SUCCESS:"
    )
    assert call(client, "delete_dnc_phone", phone_number="3125551111", campaign_id="X") == (
        "ERROR: delete_dnc_phone USER DOES NOT HAVE PERMISSION TO DELETE DNC NUMBERS: |6666|0\n"
    )


def test_add_permission_line_has_no_trailing_pipe(client: TestClient, seed: Seeder) -> None:
    seed.user(user_level=7)
    assert call(client, "add_dnc_phone", phone_number="3125551111", campaign_id="X") == (
        "ERROR: add_dnc_phone USER DOES NOT HAVE PERMISSION TO ADD DNC NUMBERS: |6666|0\n"
    )


# -- dnc_check [DESIGNED] -------------------------------------------------------------------------


def test_dnc_check(client: TestClient, seed: Seeder, db: Database) -> None:
    seed.user()
    seed.campaign()
    with db.transaction() as conn:
        conn.execute(insert(vicidial_dnc), [{"phone_number": "3125551111"},
                                            {"phone_number": "602XXXXXXX"}])  # fmt: skip
        conn.execute(
            insert(vicidial_campaign_dnc),
            [{"phone_number": "3125552222", "campaign_id": "TESTCAMP"}],
        )
    assert call(client, "dnc_check", phone_number="3125551111") == (
        "SUCCESS: dnc_check DNC NUMBER FOUND - 3125551111|SYSTEM_INTERNAL|6666\n"
    )
    assert call(client, "dnc_check", phone_number="3125552222") == (
        "SUCCESS: dnc_check DNC NUMBER NOT FOUND - 3125552222|6666\n"
    )
    assert call(client, "dnc_check", phone_number="3125552222", campaign_id="TESTCAMP") == (
        "SUCCESS: dnc_check DNC NUMBER FOUND - 3125552222|TESTCAMP|6666\n"
    )
    assert call(client, "dnc_check", phone_number="6025550000").endswith(
        "NOT FOUND - 6025550000|6666\n"
    )
    assert call(client, "dnc_check", phone_number="6025550000", dnc_check="AREACODE") == (
        "SUCCESS: dnc_check DNC NUMBER FOUND - 6025550000|SYSTEM_INTERNAL|6666\n"
    )
    assert call(client, "dnc_check", phone_number="12-34") == (
        "ERROR: dnc_check INVALID PHONE NUMBER LENGTH - 1234|6666\n"
    )


def test_dnc_check_permission(client: TestClient, seed: Seeder) -> None:
    seed.user(vdc_agent_api_access="0")
    assert call(client, "dnc_check", phone_number="3125551111") == (
        "ERROR: dnc_check USER DOES NOT HAVE PERMISSION TO CHECK DNC NUMBERS: |6666|0|\n"
    )


# -- check_phone_number ---------------------------------------------------------------------------


@pytest.fixture
def call_times(db: Database) -> None:
    with db.transaction() as conn:
        conn.execute(
            insert(vicidial_call_times),
            [
                {"call_time_id": "24hours", "call_time_name": "all day",
                 "ct_default_start": 0, "ct_default_stop": 2400},
                {"call_time_id": "nevercall", "call_time_name": "never",
                 "ct_default_start": 0, "ct_default_stop": 0},
            ],
        )  # fmt: skip


def test_check_phone_number(client: TestClient, seed: Seeder, call_times: None) -> None:
    seed.user()
    body = call(client, "check_phone_number", phone_number="3125550001", local_call_time="24hours")
    assert body.startswith("AREACODE: 1|-")
    assert body.endswith("#PHONE: 3125550001|1||||\n")
    never = call(
        client, "check_phone_number", phone_number="3125550001", local_call_time="nevercall"
    )
    assert never.startswith("AREACODE: 0|")
    rows = seed.table_rows("vicidial_api_log", "result", "result_reason")
    assert rows[0] == {"result": "NOTICE", "result_reason": body.rstrip("\n")}


def test_check_phone_number_methods_and_missing_inputs(
    client: TestClient, seed: Seeder, call_times: None
) -> None:
    seed.user()
    body = call(
        client, "check_phone_number", phone_number="3125550001", local_call_time="24hours",
        tz_method="POSTALTZCODE", owner="EST",
    )  # fmt: skip
    # no postal code: the POSTAL segment is "not dialable, no offset"
    assert body.startswith("POSTAL: 0|#TZCODE: 1|-")
    assert body.endswith("#PHONE: 3125550001|1|||EST|\n")


def test_check_phone_number_errors(client: TestClient, seed: Seeder, call_times: None) -> None:
    seed.user()
    assert call(client, "check_phone_number", phone_number="123") == (
        "ERROR: check_phone_number THIS IS NOT A VALID CALL TIME: |6666||\n"
    )
    assert call(client, "check_phone_number", phone_number="123", local_call_time="24hours") == (
        "ERROR: check_phone_number INVALID PHONE NUMBER LENGTH - 123|6666\n"
    )
    nanpa = call(
        client, "check_phone_number", phone_number="3125550001", local_call_time="24hours",
        tz_method="NANPA",
    )  # fmt: skip
    assert nanpa == (
        "ERROR: check_phone_number NANPA options disabled, NANPA prefix data not loaded - 0|6666\n"
    )
    prefix = call(
        client, "check_phone_number", phone_number="3121550001", local_call_time="24hours",
        usacan_prefix_check="Y",
    )  # fmt: skip
    assert prefix == "ERROR: check_phone_number INVALID PHONE NUMBER PREFIX - 3121550001|6666\n"


def test_check_phone_number_dnc(
    client: TestClient, seed: Seeder, db: Database, call_times: None
) -> None:
    seed.user()
    seed.campaign()
    with db.transaction() as conn:
        conn.execute(insert(vicidial_dnc), [{"phone_number": "3125551111"}])
        conn.execute(
            insert(vicidial_campaign_dnc),
            [{"phone_number": "3125552222", "campaign_id": "TESTCAMP"}],
        )
    common = {"local_call_time": "24hours"}
    assert call(client, "check_phone_number", phone_number="3125551111", dnc_check="Y",
                **common) == (
        "ERROR: check_phone_number PHONE NUMBER IN DNC - 3125551111|6666\n"
    )  # fmt: skip
    camp = call(
        client, "check_phone_number", phone_number="3125552222", campaign_dnc_check="Y",
        campaign_id="TESTCAMP", **common,
    )  # fmt: skip
    assert camp == (
        "ERROR: check_phone_number PHONE NUMBER IN CAMPAIGN DNC - 3125552222|TESTCAMP|6666\n"
    )


def test_check_phone_number_permission(client: TestClient, seed: Seeder) -> None:
    seed.user(user_level=7)
    assert call(client, "check_phone_number", phone_number="3125551111") == (
        "ERROR: check_phone_number USER DOES NOT HAVE PERMISSION TO CHECK PHONE NUMBERS: |6666||\n"
    )

"""Seed functions add_callback and remove_callback [SEED-ONLY, DESIGNED]."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from starlette.testclient import TestClient

from tests.factories import Seeder

NON_AGENT = "/vicidial/non_agent_api.php"
CREDS = {"source": "test", "user": "6666", "pass": "1234"}


def call(client: TestClient, function: str, **params: str) -> str:
    response = client.get(NON_AGENT, params={**CREDS, "function": function, **params})
    assert response.status_code == 200
    return response.text


@pytest.fixture
def world(seed: Seeder) -> Seeder:
    seed.user()
    seed.user(user="1000", user_level=1, user_group="AGENTS")  # the callback agent
    seed.user_group()
    seed.campaign()
    seed.list(101)
    return seed


CALLBACK_COLUMNS = ("callback_id", "lead_id", "list_id", "campaign_id", "status",
                    "callback_time", "user", "recipient", "comments", "user_group",
                    "lead_status")  # fmt: skip


def callbacks(seed: Seeder, table: str = "vicidial_callbacks") -> list[dict[str, object]]:
    return seed.table_rows(table, *CALLBACK_COLUMNS)


def lead_status(seed: Seeder, lead: int) -> str:
    rows = seed.table_rows("vicidial_list", "lead_id", "status")
    return next(str(row["status"]) for row in rows if row["lead_id"] == lead)


def test_add_callback_useronly(client: TestClient, world: Seeder) -> None:
    lead = world.lead()
    body = call(
        client, "add_callback", lead_id=str(lead), campaign_id="TESTCAMP",
        callback_datetime="2035-01-02 10:30:00", callback_type="USERONLY", callback_user="1000",
        callback_comments="call+back",
    )  # fmt: skip
    assert body == (
        f"SUCCESS: add_callback SCHEDULED CALLBACK ADDED - {lead}|TESTCAMP|2035-01-02 10:30:00|"
        "USERONLY|1000|CALLBK\n"
    )
    [row] = callbacks(world)
    assert {k: v for k, v in row.items() if k != "callback_id"} == {
        "lead_id": lead, "list_id": 101, "campaign_id": "TESTCAMP", "status": "ACTIVE",
        "callback_time": datetime(2035, 1, 2, 10, 30), "user": "1000", "recipient": "USERONLY",
        "comments": "call+back", "user_group": "AGENTS", "lead_status": "CALLBK",
    }  # fmt: skip
    assert lead_status(world, lead) == "CBHOLD"


def test_add_callback_useronly_no_is_stored_as_useronly(client: TestClient, world: Seeder) -> None:
    lead = world.lead()
    body = call(
        client, "add_callback", lead_id=str(lead), campaign_id="TESTCAMP",
        callback_datetime="2035-01-02+10:30:00", callback_type="USERONLY_NO",
        callback_user="1000", callback_status="CBX",
    )  # fmt: skip
    assert body.endswith("|2035-01-02 10:30:00|USERONLY|1000|CBX\n")
    assert callbacks(world)[0]["recipient"] == "USERONLY"


def test_add_callback_anyone_in_days_then_update(client: TestClient, world: Seeder) -> None:
    lead = world.lead()
    before = datetime.now().replace(microsecond=0)
    first = call(
        client, "add_callback", lead_id=str(lead), campaign_id="TESTCAMP",
        callback_datetime="2DAYS", callback_type="ANYONE", callback_user="1000",
    )  # fmt: skip
    assert first.startswith(f"SUCCESS: add_callback SCHEDULED CALLBACK ADDED - {lead}|TESTCAMP|")
    assert first.endswith("|ANYONE||CALLBK\n")
    when = callbacks(world)[0]["callback_time"]
    assert isinstance(when, datetime)
    assert before + timedelta(days=2) - timedelta(seconds=5) <= when
    second = call(
        client, "add_callback", lead_id=str(lead), campaign_id="TESTCAMP",
        callback_datetime="2036-05-05 08:00:00",
    )  # fmt: skip
    assert second == (
        f"NOTICE: add_callback SCHEDULED CALLBACK UPDATED - {lead}|TESTCAMP|2036-05-05 08:00:00|"
        "ANYONE||CALLBK\n"
    )
    rows = callbacks(world)
    assert len(rows) == 1
    assert rows[0]["callback_time"] == datetime(2036, 5, 5, 8, 0)


@pytest.mark.parametrize(
    ("params", "line"),
    [
        ({"callback_datetime": "tomorrow"},
         "ERROR: add_callback INVALID CALLBACK DATETIME - {lead}|tomorrow\n"),
        ({"callback_datetime": "2035-02-30 10:00:00"},
         "ERROR: add_callback INVALID CALLBACK DATETIME - {lead}|2035-02-30 10:00:00\n"),
        ({"callback_datetime": "NOW", "campaign_id": "NOPE"},
         "NOTICE: add_callback SCHEDULED CALLBACK NOT ADDED, CAMPAIGN NOT VALID - {lead}|NOPE\n"),
        ({"callback_datetime": "NOW", "callback_type": "USERONLY", "callback_user": "ghost"},
         "NOTICE: add_callback SCHEDULED CALLBACK NOT ADDED, USER NOT VALID - "
         "{lead}|TESTCAMP|ghost|USERONLY\n"),
    ],
)  # fmt: skip
def test_add_callback_refusals_change_nothing(
    client: TestClient, world: Seeder, params: dict[str, str], line: str
) -> None:
    lead = world.lead()
    body = call(client, "add_callback", lead_id=str(lead), **{"campaign_id": "TESTCAMP", **params})
    assert body == line.format(lead=lead)
    assert callbacks(world) == []
    assert lead_status(world, lead) == "NEW"


def test_add_callback_unknown_lead_and_permission(client: TestClient, world: Seeder) -> None:
    assert call(client, "add_callback", lead_id="999", campaign_id="TESTCAMP") == (
        "ERROR: add_callback NO MATCHES FOUND IN THE SYSTEM: |6666|999\n"
    )
    world.user(user="viewer", modify_leads="0")
    response = client.get(
        NON_AGENT,
        params={"source": "test", "user": "viewer", "pass": "1234", "function": "add_callback"},
    )
    assert response.text == (
        "ERROR: add_callback USER DOES NOT HAVE PERMISSION TO UPDATE LEADS IN THE SYSTEM: "
        "|viewer|0|\n"
    )


def test_add_callback_restricted_list(client: TestClient, seed: Seeder) -> None:
    seed.user(api_list_restrict="1", user_group="RESTRICT")
    seed.user_group("RESTRICT", " TESTCAMP -")
    seed.campaign()
    seed.list(101)
    seed.list(201, campaign_id="OTHER")
    lead = seed.lead(list_id=201)
    body = call(
        client, "add_callback", lead_id=str(lead), campaign_id="TESTCAMP", callback_datetime="NOW"
    )
    assert body == f"ERROR: add_callback NOT AN ALLOWED LIST ID - {lead}|201\n"


def test_remove_callback_archives_then_deletes(client: TestClient, world: Seeder) -> None:
    lead = world.lead()
    for campaign in ("TESTCAMP", "TESTCAMP"):
        call(client, "add_callback", lead_id=str(lead), campaign_id=campaign,
             callback_datetime="NOW")  # fmt: skip
    # the second call updated the first callback: one row
    assert len(callbacks(world)) == 1
    assert call(client, "remove_callback", lead_id=str(lead), campaign_id="OTHER") == (
        f"SUCCESS: remove_callback SCHEDULED CALLBACK DELETED - 6666|{lead}|0|0\n"
    )
    before = callbacks(world)
    assert call(client, "remove_callback", lead_id=str(lead)) == (
        f"SUCCESS: remove_callback SCHEDULED CALLBACK DELETED - 6666|{lead}|1|1\n"
    )
    assert callbacks(world) == []
    assert callbacks(world, "vicidial_callbacks_archive") == before
    assert lead_status(world, lead) == "CBHOLD"  # left as it was
    assert call(client, "remove_callback", lead_id="424242") == (
        "ERROR: remove_callback NO MATCHES FOUND IN THE SYSTEM: |6666|424242\n"
    )

"""lead_search, lead_all_info, lead_field_info, lead_callback_info, lead_status_search over HTTP."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import insert, text
from starlette.testclient import TestClient

from leadgate.storage.database import Database
from leadgate.storage.tables import (
    vicidial_callbacks,
    vicidial_callbacks_archive,
    vicidial_closer_log,
    vicidial_lists_fields,
    vicidial_log,
)
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
    seed.user_group()
    seed.campaign()
    seed.list(101)
    seed.list(102, campaign_id="TESTCAMP")
    seed.list(201, campaign_id="OTHER")
    return seed


def insert_rows(db: Database, table: Any, *rows: dict[str, Any]) -> None:
    with db.transaction() as conn:
        conn.execute(insert(table), list(rows))


def log_rows(seed: Seeder) -> list[dict[str, Any]]:
    return seed.table_rows("vicidial_api_log", "function", "result", "result_reason", "data")


# -- lead_search ----------------------------------------------------------------------------------


def test_lead_search_one_line_per_number_newest_first(client: TestClient, world: Seeder) -> None:
    first = world.lead(phone_number="3125550001")
    second = world.lead(phone_number="3125550001", list_id=102)
    other = world.lead(phone_number="3125550002")
    body = call(client, "lead_search", phone_number="3125550001,3125550099,3125550002")
    assert body == f"3125550001|2|{second}-{first}\n3125550099|0|\n3125550002|1|{other}\n"
    assert log_rows(world)[-1] == {
        "function": "lead_search",
        "result": "SUCCESS",
        "result_reason": "lead_search LEADS FOUND IN THE SYSTEM",
        "data": "||3125550001,3125550099,3125550002|3",
    }


def test_lead_search_header_has_no_separators(client: TestClient, world: Seeder) -> None:
    lead = world.lead(phone_number="3125550001")
    body = call(client, "lead_search", phone_number="3125550001", header="YES")
    assert body == f"search_keyrecords_foundlead_ids\n3125550001|1|{lead}\n"


def test_lead_search_errors(client: TestClient, world: Seeder) -> None:
    assert call(client, "lead_search", phone_number="123") == (
        "ERROR: lead_search NO VALID SEARCH METHOD - 6666|PHONE_NUMBER|(0)|(0)|123(0)\n"
    )
    assert call(client, "lead_search", phone_number="3125550099") == (
        "ERROR: lead_search NO MATCHES FOUND IN THE SYSTEM: |6666|||3125550099\n"
    )
    # numbers of 6+ characters that all fall outside 6-18 digits: VICIdial crashes here
    assert call(client, "lead_search", phone_number="123,456,7") == (
        "ERROR: lead_search NO MATCHES FOUND IN THE SYSTEM: |6666|||123,456,7\n"
    )


def test_lead_search_records_caps_all_numbers(client: TestClient, world: Seeder) -> None:
    leads = [world.lead(phone_number="3125550001") for _ in range(3)]
    body = call(client, "lead_search", phone_number="3125550001", records="2")
    assert body == f"3125550001|2|{leads[2]}-{leads[1]}\n"


def test_lead_search_by_list_and_campaign(client: TestClient, world: Seeder) -> None:
    in_101 = world.lead(phone_number="3125550001", list_id=101)
    in_102 = world.lead(phone_number="3125550001", list_id=102)
    world.lead(phone_number="3125550001", list_id=201)
    by_list = call(
        client, "lead_search", phone_number="3125550001", search_location="LIST", list_id="101"
    )
    assert by_list == f"3125550001|1|{in_101}\n"
    by_campaign = call(
        client, "lead_search", phone_number="3125550001", search_location="CAMPAIGN",
        list_id="101",
    )  # fmt: skip
    assert by_campaign == f"3125550001|2|{in_102}-{in_101}\n"


def test_lead_search_by_vendor_code_is_exact(client: TestClient, world: Seeder) -> None:
    lead = world.lead(phone_number="3125550001", vendor_lead_code="ABC1")
    body = call(client, "lead_search", search_method="VENDOR_LEAD_CODE", vendor_lead_code="ABC1")
    assert body == f"ABC1|1|{lead}\n"
    missing = call(client, "lead_search", search_method="VENDOR_LEAD_CODE", vendor_lead_code="abc1")
    assert missing.startswith("ERROR: lead_search NO MATCHES FOUND IN THE SYSTEM")


def test_lead_search_by_lead_id_prints_lines(client: TestClient, world: Seeder) -> None:
    lead = world.lead()
    body = call(client, "lead_search", search_method="LEAD_ID", lead_id=str(lead))
    assert body == f"{lead}|1|{lead}\n"


def test_lead_search_restricted_list(client: TestClient, seed: Seeder) -> None:
    seed.user(api_list_restrict="1", user_group="RESTRICT")
    seed.user_group("RESTRICT", " TESTCAMP -")
    seed.campaign()
    seed.list(101)
    seed.list(201, campaign_id="OTHER")
    seed.lead(phone_number="3125550001", list_id=201)
    body = call(
        client, "lead_search", phone_number="3125550001", search_location="LIST", list_id="201"
    )
    assert body == "ERROR: lead_search NOT AN ALLOWED LIST ID - 3125550001|201\n"


def test_lead_search_permission(client: TestClient, seed: Seeder) -> None:
    seed.user(modify_leads="0")
    assert call(client, "lead_search", phone_number="3125550001") == (
        "ERROR: lead_search USER DOES NOT HAVE PERMISSION TO SEARCH FOR LEADS: |6666|0|\n"
    )


def test_lead_search_archive(client: TestClient, world: Seeder, db: Database) -> None:
    with db.transaction() as conn:
        conn.execute(
            text(
                "INSERT INTO vicidial_list_archive (lead_id, list_id, phone_number, entry_list_id,"
                " rank) VALUES (77, 101, '3125550077', 0, 0)"
            )
        )
    assert call(client, "lead_search", phone_number="3125550077", archived_lead="Y") == (
        "3125550077|1|77\n"
    )
    assert call(client, "lead_search", phone_number="3125550077").startswith(
        "ERROR: lead_search NO MATCHES FOUND"
    )


# -- lead_all_info --------------------------------------------------------------------------------

HEADER = (
    "status|user|vendor_lead_code|source_id|list_id|gmt_offset_now|phone_code|phone_number|"
    "title|first_name|middle_initial|last_name|address1|address2|address3|city|state|province|"
    "postal_code|country_code|gender|date_of_birth|alt_phone|email|security_phrase|comments|"
    "called_count|last_local_call_time|rank|owner|entry_list_id|lead_id"
)


def full_lead(seed: Seeder, **values: Any) -> int:
    base = {
        "user": "6666", "vendor_lead_code": "VLC1", "source_id": "src", "gmt_offset_now": -6,
        "phone_number": "3125550001", "first_name": "Bob", "last_name": "Smith",
        "city": "Chicago", "state": "IL", "gender": "U", "called_count": 0, "rank": 0,
        "entry_list_id": 0, "owner": "", "date_of_birth": datetime(1980, 2, 3).date(),
        "last_local_call_time": datetime(2020, 1, 2, 3, 4, 5),
    }  # fmt: skip
    return seed.lead(**{**base, **values})


def expected_row(lead: int, separator: str = "|", entry: str = "0") -> str:
    values = [
        "NEW", "6666", "VLC1", "src", "101", "-6.00", "1", "3125550001", "", "Bob", "", "Smith",
        "", "", "", "Chicago", "IL", "", "", "", "U", "1980-02-03", "", "", "", "", "0",
        "2020-01-02 03:04:05", "0", "", entry, str(lead),
    ]  # fmt: skip
    return separator.join(values)


@pytest.mark.parametrize(
    ("stage", "separator"), [("", "|"), ("pipe", "|"), ("csv", ","), ("tab", "\t")]
)
def test_lead_all_info_formats(
    client: TestClient, world: Seeder, stage: str, separator: str
) -> None:
    lead = full_lead(world)
    body = call(client, "lead_all_info", lead_id=str(lead), stage=stage, header="YES")
    assert body == HEADER.replace("|", separator) + "\n" + expected_row(lead, separator) + "\n"


def test_lead_all_info_newline_stage(client: TestClient, world: Seeder) -> None:
    lead = full_lead(world)
    body = call(client, "lead_all_info", lead_id=str(lead), stage="newline")
    assert body == expected_row(lead, "\n") + "\n"


def test_lead_all_info_by_phone_logs_each_lead(client: TestClient, world: Seeder) -> None:
    older = full_lead(world)
    newer = full_lead(world)
    body = call(client, "lead_all_info", phone_number="3125550001")
    assert body == expected_row(newer) + "\n" + expected_row(older) + "\n"
    logs = [row for row in log_rows(world) if row["result"] == "SUCCESS"]
    assert [row["data"] for row in logs] == ["6666||3125550001|pipe"] * 2
    # result_reason is VARCHAR(255): long answers (6-digit lead ids) are cut there.
    assert logs[1]["result_reason"] == ("lead_all_info " + body)[:255]


def test_lead_all_info_errors(client: TestClient, world: Seeder) -> None:
    assert call(client, "lead_all_info") == "ERROR: lead_all_info LEAD NOT FOUND: 6666||\n"
    assert call(client, "lead_all_info", lead_id="999999") == (
        "ERROR: lead_all_info LEAD NOT FOUND: 6666|999999|\n"
    )
    orphan = world.lead(list_id=555)
    assert call(client, "lead_all_info", lead_id=str(orphan)) == (
        f"ERROR: lead_all_info LIST NOT FOUND: 6666|{orphan}||555\n"
    )


def test_lead_all_info_hides_other_campaigns(client: TestClient, seed: Seeder) -> None:
    seed.user(user_group="RESTRICT")
    seed.user_group("RESTRICT", " TESTCAMP -")
    seed.list(101)
    seed.list(201, campaign_id="OTHER")
    lead = seed.lead(list_id=201)
    assert call(client, "lead_all_info", lead_id=str(lead)) == (
        f"ERROR: lead_all_info LIST NOT FOUND: 6666|{lead}||201\n"
    )


def custom_list(db: Database, seed: Seeder, lead: int | None, color: str = "yellow") -> None:
    insert_rows(
        db, vicidial_lists_fields,
        {"list_id": 101, "field_label": "favorite_color", "field_rank": 1, "field_type": "TEXT"},
        {"list_id": 101, "field_label": "pet_name", "field_rank": 2, "field_type": "TEXT"},
        {"list_id": 101, "field_label": "notice", "field_rank": 3, "field_type": "DISPLAY"},
    )  # fmt: skip
    with db.transaction() as conn:
        conn.execute(
            text(
                "CREATE TABLE custom_101 (lead_id INTEGER PRIMARY KEY, favorite_color VARCHAR(20),"
                " pet_name VARCHAR(30))"
            )
        )
        if lead is not None:
            conn.execute(
                text("INSERT INTO custom_101 VALUES (:lead, :color, 'Tom')"),
                {"lead": lead, "color": color},
            )


def test_lead_all_info_custom_fields(client: TestClient, world: Seeder, db: Database) -> None:
    lead = full_lead(world, entry_list_id=101)
    custom_list(db, world, lead)
    body = call(client, "lead_all_info", lead_id=str(lead), custom_fields="Y", header="YES")
    assert body == (
        f"{HEADER}|favorite_color|pet_name\n{expected_row(lead, entry='101')}|yellow|Tom\n"
    )


def test_lead_all_info_custom_fields_without_row(
    client: TestClient, world: Seeder, db: Database
) -> None:
    lead = full_lead(world, entry_list_id=101)
    custom_list(db, world, None)
    body = call(client, "lead_all_info", lead_id=str(lead), custom_fields="Y")
    assert body == expected_row(lead, entry="101") + "\n"


def test_lead_all_info_custom_fields_without_table_is_an_error(
    client: TestClient, world: Seeder
) -> None:
    lead = full_lead(world)
    body = call(client, "lead_all_info", lead_id=str(lead), custom_fields="Y")
    assert body == f"ERROR: lead_all_info CUSTOM FIELDS NOT FOUND: 6666|{lead}||0\n"
    assert [row["result"] for row in log_rows(world)] == ["ERROR"]


# -- lead_field_info ------------------------------------------------------------------------------


def test_lead_field_info_values(client: TestClient, world: Seeder, db: Database) -> None:
    lead = full_lead(world, entry_list_id=101)
    custom_list(db, world, lead, color="green")
    assert call(client, "lead_field_info", lead_id=str(lead), field_name="first_name") == "Bob"
    assert call(client, "lead_field_info", lead_id=str(lead), field_name="gmt_offset_now") == (
        "-6.00"
    )
    assert call(client, "lead_field_info", lead_id=str(lead), field_name="FIRST_NAME") == "Bob"
    custom = call(
        client, "lead_field_info", lead_id=str(lead), field_name="favorite_color",
        custom_fields="Y",
    )  # fmt: skip
    assert custom == "green"
    assert log_rows(world)[0] == {
        "function": "lead_field_info", "result": "SUCCESS",
        "result_reason": "lead_field_info Bob", "data": f"6666|{lead}|",
    }  # fmt: skip


def test_lead_field_info_errors(client: TestClient, world: Seeder) -> None:
    lead = full_lead(world)
    assert call(client, "lead_field_info", lead_id=str(lead)) == (
        f"ERROR: lead_field_info INVALID SEARCH PARAMETERS: 6666|{lead}|\n"
    )
    assert call(client, "lead_field_info", lead_id="999999", field_name="first_name") == (
        "ERROR: lead_field_info LEAD NOT FOUND: 6666|999999\n"
    )
    assert call(client, "lead_field_info", lead_id=str(lead), field_name="no_such_field") == (
        f"ERROR: lead_field_info LIST FIELD NOT FOUND: 6666|{lead}\n"
    )
    custom = call(client, "lead_field_info", lead_id=str(lead), field_name="x", custom_fields="Y")
    assert custom == f"ERROR: lead_field_info LIST FIELD NOT FOUND: 6666|{lead}\n"


# -- lead_callback_info ---------------------------------------------------------------------------

CALLBACK_HEADER = (
    "lead_id|callback_type|recipient|callback_status|lead_status|callback_date|entry_date|user|"
    "list_id|campaign_id|user_group|customer_timezone|customer_time|comments"
)


def callback_row(lead: int, callback_id: int, comments: str, **extra: Any) -> dict[str, Any]:
    return {
        "callback_id": callback_id, "lead_id": lead, "list_id": 101, "campaign_id": "TESTCAMP",
        "status": "ACTIVE", "entry_time": datetime(2020, 1, 1, 9, 0, 0),
        "callback_time": datetime(2035, 1, 1, 12, 0, 0), "user": "1000",
        "recipient": "USERONLY", "comments": comments, "user_group": "AGENTS",
        "lead_status": "CALLBK", **extra,
    }  # fmt: skip


def test_lead_callback_info(client: TestClient, world: Seeder, db: Database) -> None:
    lead = world.lead()
    insert_rows(db, vicidial_callbacks, callback_row(lead, 5, "now", customer_timezone="a,b"))
    insert_rows(db, vicidial_callbacks_archive, callback_row(lead, 3, "old", status="INACTIVE"))
    current = (
        f"{lead}|CURRENT|USERONLY|ACTIVE|CALLBK|2035-01-01 12:00:00|2020-01-01 09:00:00|1000|101|"
        "TESTCAMP|AGENTS|a-b||now\n"
    )
    archived = current.replace("CURRENT", "ARCHIVE").replace("ACTIVE", "INACTIVE")
    archived = archived.replace("a-b", "").replace("now", "old")
    assert call(client, "lead_callback_info", lead_id=str(lead)) == current
    assert call(client, "lead_callback_info", lead_id=str(lead), search_location="ARCHIVE") == (
        archived
    )
    body = call(
        client, "lead_callback_info", lead_id=str(lead), search_location="ALL", header="YES",
        stage="csv",
    )  # fmt: skip
    assert body == (CALLBACK_HEADER + "\n" + archived + current).replace("|", ",")


def test_lead_callback_info_errors(client: TestClient, world: Seeder) -> None:
    lead = world.lead()
    assert call(client, "lead_callback_info") == (
        "ERROR: lead_callback_info INVALID SEARCH PARAMETERS: 6666|\n"
    )
    assert call(client, "lead_callback_info", lead_id=str(lead), search_location="ALL") == (
        f"ERROR: lead_callback_info CALLBACK NOT FOUND: 6666|{lead}|pipe|ALL\n"
    )
    # a header with no rows is still "not found"
    assert call(client, "lead_callback_info", lead_id=str(lead), header="YES").startswith(
        "ERROR: lead_callback_info CALLBACK NOT FOUND"
    )


def test_lead_callback_info_restricted_user(client: TestClient, seed: Seeder, db: Database) -> None:
    seed.user(user_group="RESTRICT", api_list_restrict="1")
    seed.user_group("RESTRICT", " TESTCAMP -")
    seed.list(101)
    seed.list(201, campaign_id="OTHER")
    lead = seed.lead(list_id=201)
    insert_rows(db, vicidial_callbacks, callback_row(lead, 5, "x", list_id=201))
    assert call(client, "lead_callback_info", lead_id=str(lead)) == (
        "ERROR: lead_callback_info LEAD NOT FOUND: |6666|1|\n"
    )


# -- lead_status_search ---------------------------------------------------------------------------


def test_lead_status_search(client: TestClient, world: Seeder, db: Database) -> None:
    outbound = full_lead(world)
    inbound = full_lead(world, first_name="Ann")
    day = datetime(2020, 3, 4, 10, 0, 0)
    insert_rows(db, vicidial_log, {"uniqueid": "1.1", "lead_id": outbound, "status": "SALE",
                                   "call_date": day, "campaign_id": "TESTCAMP"})  # fmt: skip
    insert_rows(db, vicidial_closer_log, {"lead_id": inbound, "status": "SALE", "call_date": day})
    body = call(client, "lead_status_search", status="SALE", date="2020-03-04")
    records = body.split(";---------- START OF RECORD ")
    assert records[0] == ""
    assert records[1].startswith(f"1 ----------\nlead_id => {outbound}\nstatus => NEW\n")
    assert "gmt_offset_now => -6.00\n" in records[1]
    assert records[2].startswith(f"2 ----------\nlead_id => {inbound}\n")
    assert "first_name => Ann\n" in records[2]
    assert body.endswith("entry_list_id => 0\n")
    assert call(client, "lead_status_search", status="SALE", date="2020-03-05") == (
        "ERROR: lead_status_search NO RESULTS FOUND: 6666||SALE|\n"
    )
    assert call(client, "lead_status_search", status="SALE") == (
        "ERROR: lead_status_search INVALID SEARCH PARAMETERS: 6666|SALE||\n"
    )


def test_lead_all_info_restricted_user_sees_an_error_line_per_hidden_lead(
    client: TestClient, seed: Seeder
) -> None:
    seed.user(user_group="RESTRICT", api_list_restrict="1")
    seed.user_group("RESTRICT", " TESTCAMP -")
    seed.list(101)
    seed.list(201, campaign_id="OTHER")
    visible = full_lead(seed)
    full_lead(seed, list_id=201)
    body = call(client, "lead_all_info", phone_number="3125550001")
    assert body == (
        "ERROR: lead_all_info LIST NOT FOUND: 6666||3125550001\n" + expected_row(visible) + "\n"
    )


def test_lead_status_search_custom_fields(client: TestClient, world: Seeder, db: Database) -> None:
    lead = full_lead(world, entry_list_id=101)
    custom_list(db, world, lead, color="red\tblue")
    insert_rows(db, vicidial_log, {"uniqueid": "1.2", "lead_id": lead, "status": "SALE",
                                   "call_date": datetime(2020, 3, 4, 10, 0, 0)})  # fmt: skip
    body = call(client, "lead_status_search", lead_id=str(lead), custom_fields="Y")
    assert body.endswith("entry_list_id => 101\nfavorite_color => red -- blue\npet_name => Tom\n")

"""update_lead and batch_update_lead over HTTP: exact lines, stored rows, round trips."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import event, insert, select
from starlette.testclient import TestClient

from leadgate.domain.leads import updates as lu
from leadgate.storage.database import Database
from leadgate.storage.tables import (
    vicidial_call_times,
    vicidial_callbacks,
    vicidial_callbacks_archive,
    vicidial_hopper,
    vicidial_list,
    vicidial_list_archive,
    vicidial_lists_fields,
)
from leadgate.wire.nonagent import update_lead as wire_update
from tests.factories import Seeder

URL = "/vicidial/non_agent_api.php"
CREDS = {"source": "test", "user": "6666", "pass": "1234"}


@pytest.fixture
def world(seed: Seeder, db: Database) -> Seeder:
    seed.user()
    seed.user_group()
    seed.user_group("RESTRICT", " TESTCAMP -")
    seed.user(user="listr", api_list_restrict="1", user_group="RESTRICT")
    seed.user(user="low", user_level=7, modify_leads="0")
    seed.user(user="1000", user_level=1, user_group="AGENTS", vdc_agent_api_access="0")
    seed.campaign("TESTCAMP", local_call_time="24hours")
    seed.campaign("SECONDCP", local_call_time="nevercall")
    seed.list(101, "TESTCAMP")
    seed.list(999, "TESTCAMP")
    seed.list(10001, "SECONDCP")
    with db.transaction() as conn:
        conn.execute(insert(vicidial_call_times), [
            {"call_time_id": "24hours", "call_time_name": "all day", "ct_default_start": 0,
             "ct_default_stop": 2400},
            {"call_time_id": "nevercall", "call_time_name": "never", "ct_default_start": 0,
             "ct_default_stop": 0},
        ])  # fmt: skip
    return seed


def lead(seed: Seeder, **values: Any) -> int:
    base = {"phone_number": "3125550005", "list_id": 101, "status": "NEW", "phone_code": "1",
            "vendor_lead_code": "VLC", "first_name": "Upd", "last_name": "Target",
            "entry_date": datetime(2026, 1, 1, 10, 0, 0), "gmt_offset_now": "-6.00",
            "state": "IL", "called_count": 3, "called_since_last_reset": "Y", "entry_list_id": 0}  # fmt: skip
    return seed.lead(**{**base, **values})


def call(client: TestClient, function: str = "update_lead", **params: Any) -> str:
    response = client.get(URL, params={**CREDS, "function": function, **params})
    assert response.status_code == 200
    return response.text


def row(db: Database, lead_id: int, *columns: str, archived: bool = False) -> dict[str, Any]:
    table = vicidial_list_archive if archived else vicidial_list
    with db.transaction() as conn:
        found = (
            conn.execute(
                select(*(table.c[name] for name in columns)).where(table.c.lead_id == lead_id)
            )
            .mappings()
            .first()
        )
    return dict(found) if found is not None else {}


def log_rows(seed: Seeder) -> list[dict[str, Any]]:
    return seed.table_rows("vicidial_api_log", "function", "result", "result_reason", "data")


# -- searching and updating -----------------------------------------------------------------


def test_update_by_lead_id_counts_changed_rows_like_mysql(
    client: TestClient, world: Seeder, db: Database
) -> None:
    lead_id = lead(world)
    line = f"SUCCESS: update_lead LEAD HAS BEEN UPDATED - 6666|{lead_id}|1|||\n"
    assert call(client, lead_id=lead_id, last_name="SMITH", city="Evanston") == line
    assert call(client, lead_id=lead_id, last_name="SMITH") == line.replace("|1|||", "|0|||")
    assert row(db, lead_id, "last_name", "city") == {"last_name": "SMITH", "city": "Evanston"}
    logs = log_rows(world)
    assert [r["result_reason"] for r in logs] == ["update_lead LEAD HAS BEEN UPDATED"] * 2
    assert logs[0]["data"] == f"|101|{lead_id}|"


def test_nothing_to_update_prints_nothing(client: TestClient, world: Seeder) -> None:
    lead_id = lead(world)
    assert call(client, lead_id=lead_id) == ""
    assert call(client, lead_id=lead_id, search_method="BOGUS") == ""


def test_not_found_and_no_search_method(client: TestClient, world: Seeder) -> None:
    lead(world)
    assert call(client, lead_id="999999", last_name="X") == (
        "ERROR: update_lead NO MATCHES FOUND IN THE SYSTEM: |6666|999999||\n"
    )
    assert (
        call(client, last_name="X")
        == "ERROR: update_lead NO VALID SEARCH METHOD - 6666|LEAD_ID|||\n"
    )
    assert call(client, search_method="PHONE_NUMBER", phone_number="12345", last_name="X") == (
        "ERROR: update_lead NO VALID SEARCH METHOD - 6666|PHONE_NUMBER|||12345\n"
    )


def test_a_lead_id_too_large_for_any_row_is_simply_not_found(
    client: TestClient, world: Seeder
) -> None:
    assert call(client, lead_id="9" * 30, last_name="X").startswith(
        "ERROR: update_lead NO MATCHES FOUND IN THE SYSTEM: |6666|999"
    )


def test_search_order_is_lead_id_then_vendor_then_phone(
    client: TestClient, world: Seeder, db: Database
) -> None:
    lead_id = lead(world, vendor_lead_code="VLCUPD")
    answer = call(client, search_method="LEAD_ID_VENDOR_LEAD_CODE", lead_id="999999",
                  vendor_lead_code="VLCUPD", address2="Suite 2")  # fmt: skip
    assert answer == f"SUCCESS: update_lead LEAD HAS BEEN UPDATED - 6666|{lead_id}|1|||\n"
    assert row(db, lead_id, "address2") == {"address2": "Suite 2"}


def test_records_limits_matches_newest_first(
    client: TestClient, world: Seeder, db: Database
) -> None:
    older = lead(world, vendor_lead_code="DUP", entry_date=datetime(2025, 1, 1))
    newer = lead(world, vendor_lead_code="DUP", entry_date=datetime(2026, 1, 1))
    undated = lead(world, vendor_lead_code="DUP", entry_date=None)
    params = {"search_method": "VENDOR_LEAD_CODE", "vendor_lead_code": "DUP"}
    assert call(client, comments="one", **params) == (
        f"SUCCESS: update_lead LEAD HAS BEEN UPDATED - 6666|{newer}|1|||\n"
    )
    answer = call(client, comments="all", records="3", **params)
    ids = re.findall(r"6666\|(\d+)\|1", answer)
    assert ids == [str(newer), str(older), str(undated)]
    assert call(client, comments="none", records="0", **params).startswith(
        "ERROR: update_lead NO MATCHES"
    )


def test_search_location_list_and_campaign(client: TestClient, world: Seeder) -> None:
    lead_id = lead(world)
    by_phone = {"search_method": "PHONE_NUMBER", "phone_number": "3125550005"}
    miss = "ERROR: update_lead NO MATCHES FOUND IN THE SYSTEM: |6666|||3125550005\n"
    hit = f"SUCCESS: update_lead LEAD HAS BEEN UPDATED - 6666|{lead_id}|1|||\n"
    assert call(client, search_location="LIST", list_id="999", title="MS", **by_phone) == miss
    assert call(client, search_location="LIST", list_id="101", title="MS", **by_phone) == hit
    assert call(client, search_location="CAMPAIGN", list_id="999", title="DR", **by_phone) == hit
    assert call(client, search_location="CAMPAIGN", list_id="10001", title="MR", **by_phone) == miss
    # LIST without a usable list_id searches the whole system.
    assert call(client, search_location="LIST", email="a@b.c", **by_phone) == hit


def test_no_update_reports_the_first_match_and_changes_nothing(
    client: TestClient, world: Seeder, db: Database
) -> None:
    lead_id = lead(world)
    assert call(client, lead_id=lead_id, no_update="Y", last_name="NOPE") == (
        f"NOTICE: update_lead LEADS FOUND IN THE SYSTEM: |6666|{lead_id}|||101|0\n"
    )
    assert row(db, lead_id, "last_name") == {"last_name": "Target"}
    assert call(client, lead_id="999998", no_update="Y") == (
        "NOTICE: update_lead NO MATCHES FOUND IN THE SYSTEM: |6666|999998||\n"
    )


def test_field_rules_blank_truncation_plus_gender_and_numbers(
    client: TestClient, world: Seeder, db: Database
) -> None:
    lead_id = lead(world, province="Cook", address2="Suite")
    call(client, lead_id=lead_id, province="--BLANK--", address2="--BLANK--", first_name="F" * 40,
         city="Oak+Park", gender="X", rank="-12", called_count="99999999", gmt_offset_now="5.555",
         date_of_birth="1990-02-30", comments="line\nbreak")  # fmt: skip
    stored = row(db, lead_id, "province", "address2", "first_name", "city", "gender", "rank",
                 "called_count", "gmt_offset_now", "date_of_birth", "comments")  # fmt: skip
    assert stored["province"] == "" and stored["address2"] == ""
    assert stored["first_name"] == "F" * 30
    assert stored["city"] == "Oak Park"
    assert stored["gender"] == ""
    assert stored["rank"] == 12
    assert stored["called_count"] == 32767
    assert float(stored["gmt_offset_now"]) == 5.56
    assert stored["date_of_birth"] == ("0000-00-00" if db.backend == "mysql" else None)  # zero date
    assert stored["comments"] == "line!Nbreak"


def test_phone_number_changes_only_with_update_phone_number(
    client: TestClient, world: Seeder, db: Database
) -> None:
    lead_id = lead(world)
    call(client, lead_id=lead_id, phone_number="3125578005", first_name="NoFlag")
    assert row(db, lead_id, "phone_number")["phone_number"] == "3125550005"
    call(client, lead_id=lead_id, phone_number="3125578006", update_phone_number="Y")
    assert row(db, lead_id, "phone_number")["phone_number"] == "3125578006"


def test_reset_status_user_list_and_entry_list(
    client: TestClient, world: Seeder, db: Database
) -> None:
    lead_id = lead(world)
    call(client, lead_id=lead_id, reset_lead="Y", status="XFER", user_field="1000",
         list_id_field="999", entry_list_id="101")  # fmt: skip
    assert row(db, lead_id, "called_since_last_reset", "status", "user", "list_id", "entry_list_id") == {
        "called_since_last_reset": "N", "status": "XFER", "user": "1000", "list_id": 999,
        "entry_list_id": 101,
    }  # fmt: skip


def test_list_exists_check(client: TestClient, world: Seeder) -> None:
    lead_id = lead(world)
    assert call(client, lead_id=lead_id, list_id_field="4444", list_exists_check="Y") == (
        "ERROR: update_lead NOT A DEFINED LIST ID, LIST EXISTS CHECK ENABLED - |4444\n"
    )


def test_permission_and_source_lines(client: TestClient, world: Seeder) -> None:
    lead_id = lead(world)
    answer = client.get(URL, params={"source": "test", "user": "low", "pass": "1234",
                                     "function": "update_lead", "lead_id": lead_id}).text  # fmt: skip
    assert answer == (
        "ERROR: update_lead USER DOES NOT HAVE PERMISSION TO UPDATE LEADS IN THE SYSTEM: |low|0|\n"
    )
    answer = client.get(
        URL, params={"user": "6666", "pass": "1234", "function": "update_lead"}
    ).text
    assert answer == "ERROR: Invalid Source - \nERROR: Invalid Source: ||\n"


def test_list_restriction_search_and_results(
    client: TestClient, world: Seeder, db: Database
) -> None:
    other = lead(world, list_id=10001)
    mine = lead(world, list_id=101, phone_number="3125550001")
    restricted = {"user": "listr", "pass": "1234"}
    answer = call(client, lead_id=other, list_id="10001", last_name="NOPE", **restricted)
    assert answer == "ERROR: update_lead NOT AN ALLOWED LIST ID, SEARCH - |10001\n"
    answer = call(client, lead_id=other, last_name="NOPE", **restricted)
    assert answer == "ERROR: update_lead NOT AN ALLOWED LIST ID, RESULTS - 10001\n"
    assert row(db, other, "last_name") == {"last_name": "Target"}
    answer = call(client, lead_id=mine, last_name="OK", **restricted)
    assert answer == f"SUCCESS: update_lead LEAD HAS BEEN UPDATED - listr|{mine}|1|||\n"


def test_hostile_trailing_backslash_is_refused_and_changes_nothing(
    client: TestClient, world: Seeder, db: Database
) -> None:
    lead_id = lead(world)
    answer = call(client, lead_id=lead_id, last_name="Changed", comments="C:\\temp\\")
    assert answer == "ERROR: update_lead INVALID DATA, NOTHING WAS CHANGED - 6666|comments\n"
    assert row(db, lead_id, "last_name", "comments") == {"last_name": "Target", "comments": None}
    # An even number of trailing backslashes is harmless: stored literally.
    call(client, lead_id=lead_id, comments="C:\\temp\\\\")
    assert row(db, lead_id, "comments") == {"comments": "C:\\temp\\\\"}


def test_archived_lead_works_on_the_archive_table(
    client: TestClient, world: Seeder, db: Database
) -> None:
    lead_id = lead(world)
    assert call(client, lead_id=lead_id, archived_lead="Y", last_name="ARCH") == (
        f"ERROR: update_lead NO MATCHES FOUND IN THE SYSTEM: |6666|{lead_id}||\n"
    )
    with db.transaction() as conn:
        conn.execute(insert(vicidial_list_archive).values(
            lead_id=77, list_id=101, phone_number="3125550077", last_name="Old"))  # fmt: skip
    assert call(client, lead_id=77, archived_lead="Y", last_name="ARCH") == (
        "SUCCESS: update_lead LEAD HAS BEEN UPDATED - 6666|77|1|||\n"
    )
    assert row(db, 77, "last_name", archived=True) == {"last_name": "ARCH"}
    assert row(db, lead_id, "last_name") == {"last_name": "Target"}


# -- delete, callbacks, custom fields -------------------------------------------------------


def test_delete_lead_archives_its_callbacks(
    client: TestClient, world: Seeder, db: Database
) -> None:
    lead_id = lead(world)
    with db.transaction() as conn:
        conn.execute(insert(vicidial_callbacks).values(lead_id=lead_id, campaign_id="TESTCAMP",
                                                       status="ACTIVE"))  # fmt: skip
    assert call(client, lead_id=lead_id, delete_lead="Y") == (
        f"SUCCESS: update_lead LEAD HAS BEEN DELETED 1|1 - 6666|{lead_id}|1|1|1|\n"
    )
    assert row(db, lead_id, "lead_id") == {}
    assert world.table_rows("vicidial_callbacks", "lead_id") == []
    assert world.table_rows("vicidial_callbacks_archive", "lead_id") == [{"lead_id": lead_id}]
    assert call(client, lead_id=lead_id, delete_lead="Y").startswith(
        "ERROR: update_lead NO MATCHES"
    )


def test_callback_added_updated_and_removed(
    client: TestClient, world: Seeder, db: Database
) -> None:
    lead_id = lead(world)
    answer = call(client, lead_id=lead_id, campaign_id="TESTCAMP", callback="Y",
                  callback_datetime="2035-01-01 12:00:00", callback_type="USERONLY",
                  callback_user="1000", callback_comments="Comments+go+here")  # fmt: skip
    assert answer == (
        f"NOTICE: update_lead SCHEDULED CALLBACK ADDED - {lead_id}|TESTCAMP|2035-01-01 12:00:00"
        "|USERONLY|1000|CALLBK\n"
    )
    assert row(db, lead_id, "status") == {"status": "NEW"}  # unlike add_lead: no CBHOLD
    answer = call(client, lead_id=lead_id, callback="Y", callback_datetime="2035-02-02 09:00:00",
                  callback_comments="moved")  # fmt: skip
    assert answer == (
        f"NOTICE: update_lead SCHEDULED CALLBACK UPDATED - {lead_id}||2035-02-02 09:00:00|||\n"
    )
    stored = world.table_rows(
        "vicidial_callbacks", "callback_time", "comments", "user", "recipient"
    )
    assert stored == [{"callback_time": datetime(2035, 2, 2, 9, 0), "comments": "moved",
                       "user": "1000", "recipient": "USERONLY"}]  # fmt: skip
    assert call(client, lead_id=lead_id, callback="Y") == (
        f"NOTICE: update_lead SCHEDULED CALLBACK NOT UPDATED, NO FIELDS SPECIFIED - {lead_id}|\n"
    )
    assert call(client, lead_id=lead_id, callback="REMOVE") == (
        f"NOTICE: update_lead SCHEDULED CALLBACK DELETED - 6666|{lead_id}|1|1\n"
    )
    with db.transaction() as conn:
        assert conn.execute(select(vicidial_callbacks_archive.c.comments)).scalars().all() == [
            "moved"
        ]
    assert call(client, lead_id=lead_id, callback="REMOVE") == (
        f"NOTICE: update_lead SCHEDULED CALLBACK DELETED - 6666|{lead_id}|0|0\n"
    )


def test_callback_rejections(client: TestClient, world: Seeder) -> None:
    lead_id = lead(world)
    assert call(
        client, lead_id=lead_id, campaign_id="XYZ", callback="Y", callback_datetime="NOW"
    ) == (f"NOTICE: update_lead SCHEDULED CALLBACK NOT ADDED, CAMPAIGN NOT VALID - {lead_id}|XYZ\n")
    answer = call(client, lead_id=lead_id, campaign_id="TESTCAMP", callback="Y",
                  callback_type="USERONLY", callback_user="nosuchuser")  # fmt: skip
    assert answer == (
        f"NOTICE: update_lead SCHEDULED CALLBACK NOT ADDED, USER NOT VALID - {lead_id}|TESTCAMP"
        "|nosuchuser|USERONLY\n"
    )


def custom_list(world: Seeder, db: Database) -> None:
    world.execute("CREATE TABLE custom_101 (lead_id INTEGER PRIMARY KEY, "
                  "favorite_color VARCHAR(20), pet_name VARCHAR(30))")  # fmt: skip
    with db.transaction() as conn:
        conn.execute(insert(vicidial_lists_fields), [
            {"list_id": 101, "field_label": "favorite_color", "field_rank": 1, "field_type": "TEXT"},
            {"list_id": 101, "field_label": "pet_name", "field_rank": 2, "field_type": "TEXT"},
            {"list_id": 101, "field_label": "notice_display", "field_rank": 3, "field_type": "DISPLAY"},
        ])  # fmt: skip


def custom_rows(world: Seeder) -> list[dict[str, Any]]:
    return world.rows("SELECT lead_id, favorite_color, pet_name FROM custom_101 ORDER BY lead_id")


def test_custom_fields_only_sent_fields_are_written(
    client: TestClient, world: Seeder, db: Database
) -> None:
    custom_list(world, db)
    lead_id = lead(world)
    assert call(client, lead_id=lead_id, custom_fields="Y", favorite_color="orange") == (
        f"NOTICE: update_lead CUSTOM FIELDS VALUES UPDATED - |{lead_id}|101|0|101|1\n"
    )
    assert custom_rows(world) == [
        {"lead_id": lead_id, "favorite_color": "orange", "pet_name": None}
    ]
    assert row(db, lead_id, "entry_list_id") == {"entry_list_id": 101}
    answer = call(
        client, lead_id=lead_id, custom_fields="Y", favorite_color="orange", pet_name="Rex"
    )
    assert answer.endswith(f"|{lead_id}|101|101|101|1\n")
    answer = call(client, lead_id=lead_id, custom_fields="Y", favorite_color="orange")
    assert answer.endswith("|101|101|101|0\n")  # nothing changed: MySQL counts 0
    assert call(client, lead_id=lead_id, custom_fields="N", favorite_color="black") == ""
    assert custom_rows(world)[0]["favorite_color"] == "orange"


def test_custom_fields_without_table_and_delete(
    client: TestClient, world: Seeder, db: Database
) -> None:
    custom_list(world, db)
    no_table = lead(world, list_id=999)
    assert call(client, lead_id=no_table, custom_fields="Y", favorite_color="x") == (
        f"NOTICE: update_lead CUSTOM FIELDS NOT ADDED, NO CUSTOM FIELDS DEFINED FOR THIS LIST - |{no_table}|999\n"
    )
    lead_id = lead(world, entry_list_id=101)
    call(client, lead_id=lead_id, custom_fields="Y", pet_name="Tom")
    assert call(client, lead_id=lead_id, delete_cf_data="Y") == (
        f"NOTICE: update_lead CUSTOM FIELDS DATA HAS BEEN DELETED - 6666|{lead_id}|101|1|1\n"
    )
    assert custom_rows(world) == []
    assert row(db, lead_id, "entry_list_id") == {"entry_list_id": 0}


def test_custom_value_with_broken_backslash_is_refused(
    client: TestClient, world: Seeder, db: Database
) -> None:
    custom_list(world, db)
    lead_id = lead(world)
    answer = call(client, lead_id=lead_id, last_name="Changed", custom_fields="Y",
                  favorite_color="red\\\\")  # fmt: skip
    assert answer == (
        f"ERROR: update_lead INVALID DATA, NOTHING WAS CHANGED - 6666|{lead_id}|favorite_color\n"
    )
    assert row(db, lead_id, "last_name") == {"last_name": "Target"}
    assert custom_rows(world) == []


# -- insert_if_not_found --------------------------------------------------------------------


def test_insert_if_not_found_adds_the_lead(client: TestClient, world: Seeder, db: Database) -> None:
    params = {"search_method": "PHONE_NUMBER", "phone_number": "3125578001", "phone_code": "1",
              "list_id": "101", "insert_if_not_found": "Y", "first_name": "Ins"}  # fmt: skip
    answer = call(client, **params)
    match = re.fullmatch(
        r"NOTICE: update_lead NO MATCHES FOUND IN THE SYSTEM: \|6666\|\|\|3125578001\n"
        r"SUCCESS: update_lead LEAD HAS BEEN ADDED - 3125578001\|101\|(\d+)\|-?\d+(\.\d+)?\|6666\n",
        answer,
    )
    assert match, answer
    lead_id = int(match.group(1))
    stored = row(db, lead_id, "list_id", "status", "user", "first_name", "gender", "phone_code")
    assert stored == {"list_id": 101, "status": "NEW", "user": "6666", "first_name": "Ins",
                      "gender": "", "phone_code": "1"}  # fmt: skip
    assert call(client, **{**params, "first_name": "Now"}) == (
        f"SUCCESS: update_lead LEAD HAS BEEN UPDATED - 6666|{lead_id}|1|||\n"
    )


def test_insert_if_not_found_needs_phone_code_and_list(client: TestClient, world: Seeder) -> None:
    answer = call(client, search_method="PHONE_NUMBER", phone_number="3125578002",
                  insert_if_not_found="Y")  # fmt: skip
    assert answer == (
        "NOTICE: update_lead NO MATCHES FOUND IN THE SYSTEM: |6666|||3125578002\n"
        "ERROR: update_lead INVALID DATA FOR LEAD INSERTION - 6666|3125578002|||Y\n"
    )
    answer = call(client, search_method="PHONE_NUMBER", phone_number="3125578002", phone_code="1",
                  list_id_field="10001", insert_if_not_found="Y", user="listr")  # fmt: skip
    assert answer.endswith("ERROR: update_lead NOT AN ALLOWED LIST ID, INSERT - 3125578002|10001\n")


def test_insert_with_custom_fields_and_alt_phones(
    client: TestClient, world: Seeder, db: Database
) -> None:
    custom_list(world, db)
    world.execute("UPDATE system_settings SET custom_fields_enabled='1'")
    answer = call(client, search_method="PHONE_NUMBER", phone_number="3125578003", phone_code="1",
                  list_id="101", insert_if_not_found="Y", custom_fields="Y",
                  favorite_color="red", multi_alt_phones="3125551212_1_work")  # fmt: skip
    lead_id = re.search(r"ADDED - 3125578003\|101\|(\d+)\|", answer).group(1)  # type: ignore[union-attr]
    assert answer.endswith(
        f"3125551212|1|workNOTICE: update_lead MULTI-ALT-PHONE NUMBERS LOADED - 1|{lead_id}|6666\n"
        f"NOTICE: update_lead CUSTOM FIELDS VALUES ADDED - 3125578003|{lead_id}|101|1\n"
    )
    assert custom_rows(world) == [
        {"lead_id": int(lead_id), "favorite_color": "red", "pet_name": ""}
    ]
    assert row(db, int(lead_id), "entry_list_id") == {"entry_list_id": 101}


# -- hopper ---------------------------------------------------------------------------------


def test_hopper_add_again_and_remove(client: TestClient, world: Seeder) -> None:
    lead_id = lead(world)
    answer = call(client, lead_id=lead_id, add_to_hopper="Y", hopper_priority="20")
    hopper_id = world.table_rows("vicidial_hopper", "hopper_id")[0]["hopper_id"]
    assert answer == f"NOTICE: update_lead ADDED TO HOPPER - |{lead_id}|{hopper_id}|6666\n"
    stored = world.table_rows("vicidial_hopper", "campaign_id", "status", "list_id", "priority",
                              "source", "vendor_lead_code", "state")  # fmt: skip
    assert stored == [{"campaign_id": "TESTCAMP", "status": "READY", "list_id": 101, "priority": 20,
                       "source": "P", "vendor_lead_code": "VLC", "state": "IL"}]  # fmt: skip
    assert call(client, lead_id=lead_id, add_to_hopper="Y") == (
        f"NOTICE: update_lead NOT ADDED TO HOPPER, LEAD IS ALREADY IN THE HOPPER - |{lead_id}|6666\n"
    )
    # remove_from_hopper=Y switches add_to_hopper off.
    assert call(client, lead_id=lead_id, remove_from_hopper="Y", add_to_hopper="Y") == (
        f"NOTICE: update_lead REMOVED FROM HOPPER - |{lead_id}|READY|6666\n"
    )
    assert call(client, lead_id=lead_id, remove_from_hopper="Y") == (
        f"NOTICE: update_lead NOT REMOVED FROM HOPPER, LEAD IS NOT IN THE HOPPER - |{lead_id}|6666\n"
    )


def test_hopper_busy_rows_stay_and_call_time_is_checked(
    client: TestClient, world: Seeder, db: Database
) -> None:
    busy = lead(world)
    with db.transaction() as conn:
        conn.execute(insert(vicidial_hopper).values(lead_id=busy, list_id=101, status="INCALL"))
    assert call(client, lead_id=busy, remove_from_hopper="Y") == (
        f"NOTICE: update_lead NOT REMOVED FROM HOPPER - |{busy}|INCALL|6666\n"
    )
    never = lead(world, list_id=10001)
    assert call(client, lead_id=never, add_to_hopper="Y", hopper_local_call_time_check="Y") == (
        f"NOTICE: update_lead NOT ADDED TO HOPPER, OUTSIDE OF LOCAL TIME - |{never}|-6.00|0|6666\n"
    )


def test_no_update_with_hopper_uses_the_first_match(client: TestClient, world: Seeder) -> None:
    lead_id = lead(world, list_id=999, phone_number="3125550002")
    answer = call(client, search_method="PHONE_NUMBER", phone_number="3125550002", no_update="Y",
                  add_to_hopper="Y", hopper_priority="150")  # fmt: skip
    hopper_id = world.table_rows("vicidial_hopper", "hopper_id")[0]["hopper_id"]
    assert answer == (
        f"NOTICE: update_lead LEADS FOUND IN THE SYSTEM: |6666|{lead_id}||3125550002|999|0\n"
        f"NOTICE: update_lead ADDED TO HOPPER - 3125550002|{lead_id}|{hopper_id}|6666\n"
    )
    assert world.table_rows("vicidial_hopper", "priority", "list_id") == [
        {"priority": 99, "list_id": 999}
    ]


# -- batch_update_lead ----------------------------------------------------------------------


def test_batch_update_counts_changed_rows(client: TestClient, world: Seeder, db: Database) -> None:
    first = lead(world, list_id=999, status="NEW")
    second = lead(world, list_id=999, status="BAT")
    answer = call(client, "batch_update_lead", lead_ids=f"{first},{second},999999", status="BAT")
    assert answer == (
        f"SUCCESS: batch_update_lead LEADS HAVE BEEN UPDATED - 6666|1|2|{second},{first}\n"
    )
    assert row(db, first, "status") == {"status": "BAT"}
    assert call(client, "batch_update_lead", lead_ids=str(first)) == ""
    assert call(client, "batch_update_lead", lead_ids=str(first), records="0", status="X") == (
        f"ERROR: batch_update_lead NO MATCHES FOUND IN THE SYSTEM: |6666|{first}\n"
    )


def test_batch_update_errors(client: TestClient, world: Seeder) -> None:
    lead_id = lead(world, list_id=10001)
    assert call(client, "batch_update_lead", status="BAT") == (
        "ERROR: batch_update_lead NO LEADS DEFINED - 6666|\n"
    )
    assert call(client, "batch_update_lead", lead_ids="1,,2", status="BAT") == (
        "ERROR: batch_update_lead INVALID LEAD ID LIST, NOTHING WAS CHANGED - 6666|1,,2\n"
    )
    assert call(client, "batch_update_lead", lead_ids=str(lead_id), list_id_field="4444",
                list_exists_check="Y") == (
        "ERROR: batch_update_lead NOT A DEFINED LIST ID, LIST EXISTS CHECK ENABLED - 6666|4444\n"
    )  # fmt: skip
    restricted = {"user": "listr", "pass": "1234"}
    assert call(client, "batch_update_lead", lead_ids=str(lead_id), list_id_field="10001",
                **restricted) == "ERROR: batch_update_lead NOT AN ALLOWED LIST ID - listr|10001\n"  # fmt: skip
    # Leads outside the allowed lists are not found at all.
    assert call(client, "batch_update_lead", lead_ids=str(lead_id), status="X", **restricted) == (
        f"ERROR: batch_update_lead NO MATCHES FOUND IN THE SYSTEM: |listr|{lead_id}\n"
    )
    answer = client.get(URL, params={"source": "test", "user": "low", "pass": "1234",
                                     "function": "batch_update_lead", "lead_ids": "1"}).text  # fmt: skip
    assert answer == (
        "ERROR: batch_update_lead USER DOES NOT HAVE PERMISSION TO UPDATE LEADS IN THE SYSTEM: |low|0|\n"
    )


# -- cost -----------------------------------------------------------------------------------


def test_update_by_lead_id_takes_three_round_trips(
    client: TestClient, world: Seeder, db: Database
) -> None:
    lead_id = lead(world)
    statements: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        call(client, lead_id=lead_id, last_name="Fast")
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
    # One search and one UPDATE; nothing else but the login and the api log row (which the
    # log writer may send on the raw DBAPI cursor, invisible to this listener).
    lead_work = [s for s in statements if "vicidial_list" in s]
    assert len(lead_work) == 2, lead_work
    assert lead_work[0].startswith("SELECT") and lead_work[1].startswith("UPDATE")
    others = ("vicidial_hopper", "vicidial_callbacks", " custom_", "vicidial_lists ")
    assert not [s for s in statements if any(name in s for name in others)]
    assert len(log_rows(world)) == 1


def test_renderers_word_typed_outcomes_as_vicidial_lines() -> None:
    line = wire_update.Line("NOTICE", "update_lead X", " - a|b", "a|b", echo="1|2|3")
    assert line.text == "1|2|3NOTICE: update_lead X - a|b"
    rejection = lu.Rejection(lu.RejectionReason.CUSTOM_FIELDS_NOT_ADDED, lead_id=7, table_list="55")
    rejected = wire_update.rejection_line("update_lead", "api", rejection)
    assert rejected.text == (
        "ERROR: update_lead CUSTOM FIELDS NOT ADDED, NOTHING WAS CHANGED - api|7|custom_55"
    )
    batch = lu.BatchUpdateRequest(api_user="api", lead_ids="3,2,9")
    outcome = lu.BatchUpdateOutcome(found_ids=(3, 2), changed_ids=(2,))
    (success,) = wire_update.batch_lines(batch, outcome)
    assert success.text == "SUCCESS: batch_update_lead LEADS HAVE BEEN UPDATED - api|1|2|3,2"
    assert success.logged == "1|2|3,2"
    request = lu.UpdateLeadRequest(api_user="api", phone_number="3125550000")
    hopper = lu.HopperStep(lu.HopperChange.OUTSIDE_LOCAL_TIME, "12", gmt_offset="-5.00", state="IL")
    (outside,) = wire_update.update_lines(request, lu.UpdateLeadOutcome([hopper]))
    assert outside.text == (
        "NOTICE: update_lead NOT ADDED TO HOPPER, OUTSIDE OF LOCAL TIME - 3125550000|12|-5.00|0|api"
    )
    assert outside.logged == "3125550000|12|-5.00|0|IL"


# -- system_settings.use_non_latin ----------------------------------------------------------


@pytest.mark.parametrize(
    ("setting", "stored"),
    [
        ("0", {"first_name": "Jrgen", "city": "So Paulo", "status": "RCK", "comments": "é ü€"}),
        ("1", {"first_name": "Jürgen", "city": "São Paulo", "status": "RÜCK",
               "comments": "é ü€"}),
    ],
)  # fmt: skip
@pytest.mark.parametrize("function", ["update_lead", "batch_update_lead"])
def test_use_non_latin_lets_every_letter_through(
    client: TestClient, world: Seeder, db: Database, function: str, setting: str,
    stored: dict[str, str],
) -> None:  # fmt: skip
    world.execute("UPDATE system_settings SET use_non_latin = :v", v=setting)
    lead_id = lead(world)
    ids = {"lead_id": lead_id} if function == "update_lead" else {"lead_ids": lead_id}
    answer = call(client, function, **ids, first_name="Jürgen", city="São+Paulo",
                  status="RÜCK", comments="é+ü;€")  # fmt: skip
    assert answer.startswith("SUCCESS:"), answer
    assert row(db, lead_id, *stored) == stored

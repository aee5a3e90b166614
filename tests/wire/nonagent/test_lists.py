"""add_list and update_list beyond the recorded cases: custom-field copies done in the
database, list resets and their daily limit, deletes and their permissions, campaign moves."""

from __future__ import annotations

from sqlalchemy import insert, inspect
from starlette.testclient import TestClient

from leadgate.storage.tables import vicidial_hopper, vicidial_lists_fields
from tests.factories import Seeder

NON_AGENT = "/vicidial/non_agent_api.php"
CREDS = {"source": "test", "user": "6666", "pass": "1234"}


def call(client: TestClient, function: str, user: str = "6666", **params: str) -> str:
    creds = {**CREDS, "user": user}
    response = client.get(NON_AGENT, params={**creds, "function": function, **params})
    assert response.status_code == 200
    return response.text


def _setup(seed: Seeder) -> None:
    seed.user()
    seed.user_group("ADMIN")
    seed.campaign("TESTCAMP")
    seed.campaign("OTHER")
    seed.list(101)


def _fields(seed: Seeder, list_id: int) -> list[tuple[str, str]]:
    rows = seed.rows(f"SELECT field_label, field_type FROM vicidial_lists_fields "
                     f"WHERE list_id = {list_id} ORDER BY field_rank")  # fmt: skip
    return [(r["field_label"], r["field_type"]) for r in rows]


def test_add_list_copies_custom_fields_in_the_database(client: TestClient, seed: Seeder) -> None:
    _setup(seed)
    with seed.db.transaction() as conn:
        conn.execute(insert(vicidial_lists_fields), [
            {"list_id": 101, "field_label": "pet", "field_type": "TEXT", "field_rank": 1,
             "field_size": 20, "field_max": 30},
            {"list_id": 101, "field_label": "notes", "field_type": "AREA", "field_rank": 2,
             "field_size": 40, "field_max": 2000},
            {"list_id": 101, "field_label": "hdr", "field_type": "DISPLAY", "field_rank": 3,
             "field_size": 0, "field_max": 0},
        ])  # fmt: skip
    answer = call(client, "add_list", list_id="2001", list_name="Copied", campaign_id="TESTCAMP",
                  custom_fields_copy="101")  # fmt: skip
    assert answer == "SUCCESS: add_list LIST HAS BEEN ADDED - 6666|2001|Copied|TESTCAMP\n"
    assert _fields(seed, 2001) == [("pet", "TEXT"), ("notes", "AREA"), ("hdr", "DISPLAY")]
    with seed.db.engine.connect() as conn:
        columns = [c["name"] for c in inspect(conn).get_columns("custom_2001")]
    assert columns == ["lead_id", "pet", "notes"]
    # A lead added to the new list keeps its custom field value.
    added = call(client, "add_lead", phone_number="3125550111", list_id="2001",
                 custom_fields="Y", pet="Rex")  # fmt: skip
    assert added.startswith("SUCCESS: add_lead LEAD HAS BEEN ADDED"), added
    assert seed.rows("SELECT pet FROM custom_2001") == [{"pet": "Rex"}]
    empty = call(client, "add_list", list_id="2002", list_name="Nothing", campaign_id="TESTCAMP",
                 custom_fields_copy="2001", custom_copy_method="REPLACE")  # fmt: skip
    assert empty.startswith("SUCCESS"), empty
    none = call(client, "add_list", list_id="2003", list_name="None", campaign_id="TESTCAMP",
                custom_fields_copy="4444")  # fmt: skip
    assert none == ("ERROR: add_list CUSTOM FIELDS LIST ID TO COPY FROM DOES NOT EXIST, THIS IS "
                    "AN OPTIONAL FIELD: |6666|2003|4444|0\n")  # fmt: skip
    assert seed.rows("SELECT list_id FROM vicidial_lists WHERE list_id = 2003") == []


def test_copy_takes_ids_after_rows_that_came_with_their_own(
    client: TestClient, seed: Seeder
) -> None:
    """Field rows copied in from a VICIdial database keep their ids, which PostgreSQL's id
    sequence does not know about: the copy must still get free ids."""
    _setup(seed)
    with seed.db.transaction() as conn:
        conn.execute(insert(vicidial_lists_fields), [
            {"field_id": 1, "list_id": 101, "field_label": "pet", "field_type": "TEXT",
             "field_rank": 1, "field_size": 20, "field_max": 30},
            {"field_id": 2, "list_id": 101, "field_label": "age", "field_type": "TEXT",
             "field_rank": 2, "field_size": 3, "field_max": 3},
        ])  # fmt: skip
    answer = call(client, "add_list", list_id="2001", list_name="Copied", campaign_id="TESTCAMP",
                  custom_fields_copy="101")  # fmt: skip
    assert answer == "SUCCESS: add_list LIST HAS BEEN ADDED - 6666|2001|Copied|TESTCAMP\n"
    ids = seed.rows("SELECT field_id FROM vicidial_lists_fields WHERE list_id = 2001 "
                    "ORDER BY field_rank")  # fmt: skip
    assert [int(r["field_id"]) for r in ids] == [3, 4]


def test_update_list_reset_limit_deletes_and_moves(client: TestClient, seed: Seeder) -> None:
    _setup(seed)
    seed.list(102, daily_reset_limit=1)
    lead = seed.lead(list_id=102, called_since_last_reset="Y")
    with seed.db.transaction() as conn:
        conn.execute(insert(vicidial_hopper), [{"lead_id": lead, "campaign_id": "TESTCAMP",
                                                "status": "READY", "list_id": 102}])  # fmt: skip
    assert call(client, "update_list", list_id="102", reset_list="Y") == (
        "NOTICE: update_list NO UPDATES DEFINED: |6666|\n"
        "NOTICE: update_list LEADS IN LIST HAVE BEEN RESET - 6666|102|\n"
    )
    assert seed.rows("SELECT called_since_last_reset FROM vicidial_list") == [
        {"called_since_last_reset": "N"}
    ]
    assert call(client, "update_list", list_id="102", reset_list="Y") == (
        "NOTICE: update_list NO UPDATES DEFINED: |6666|\n"
        "NOTICE: update_list LIST RESET FAILED, daily reset limit reached: 1 / 1 - 6666|102\n"
    )
    moved = call(client, "update_list", list_id="102", campaign_id="OTHER", list_name="Moved list")
    assert moved == "SUCCESS: update_list LIST HAS BEEN UPDATED - 6666|102\n"
    assert seed.table_rows("vicidial_hopper", "lead_id") == []
    seed.user(user="7777", delete_lists="0")
    denied = call(client, "update_list", user="7777", list_id="102", delete_list="Y")
    assert denied.endswith("NOTICE: update_list USER DOES NOT HAVE PERMISSION TO DELETE LISTS: "
                           "|7777|0\n")  # fmt: skip
    deleted = call(client, "update_list", list_id="102", delete_leads="Y", delete_list="Y")
    assert deleted == (
        "NOTICE: update_list NO UPDATES DEFINED: |6666|\n"
        "NOTICE: update_list LIST HAS BEEN DELETED - 6666|102|1\n"
        "NOTICE: update_list LEADS IN LIST HAVE BEEN DELETED - 6666|102|1\n"
    )
    assert seed.rows("SELECT list_id FROM vicidial_lists WHERE list_id = 102") == []
    codes = [r["event_code"] for r in seed.table_rows("vicidial_admin_log", "event_code")]
    assert codes == ["ADMIN API RESET LIST", "ADMIN API RESET LIST FAILED",
                     "ADMIN API UPDATE LIST", "ADMIN API DELETE LIST",
                     "ADMIN API DELETE LEADS"]  # fmt: skip


def test_update_list_refusals_change_nothing(client: TestClient, seed: Seeder) -> None:
    _setup(seed)
    cases = {
        "list_name": ("short", "LIST NAME MUST BE FROM 6 TO 30 CHARACTERS"),
        "script": ("NOSCRIPT", "SCRIPT DOES NOT EXIST"),
        "tz_method": ("MOON", "TIME ZONE METHOD IS NOT VALID"),
        "local_call_time": ("never", "LOCAL CALL TIME DOES NOT EXIST"),
        "outbound_cid": ("123", "OUTBOUND CID MUST BE FROM 6 TO 18 DIGITS"),
    }
    for name, (value, reason) in cases.items():
        answer = call(client, "update_list", list_id="101", active="N", **{name: value})
        assert answer == f"ERROR: update_list {reason}, THIS IS AN OPTIONAL FIELD: |6666|{value}\n"
    assert seed.rows("SELECT active FROM vicidial_lists WHERE list_id = 101") == [{"active": "Y"}]
    assert seed.table_rows("vicidial_admin_log", "record_id") == []

"""list_custom_fields beyond the recorded cases: VICIdial's field list that carries over
between lists when sorted, the crash it turns into an ERROR line, restrictions."""

from __future__ import annotations

from sqlalchemy import update
from starlette.testclient import TestClient

from leadgate.storage.tables import system_settings
from tests.factories import Seeder

NON_AGENT = "/vicidial/non_agent_api.php"


def call(client: TestClient, user: str = "6666", password: str = "1234", **params: str) -> str:
    query = {"source": "test", "user": user, "pass": password, "function": "list_custom_fields"}
    response = client.get(NON_AGENT, params={**query, **params})
    assert response.status_code == 200
    return response.text


def _setup(seed: Seeder) -> None:
    seed.user()
    seed.user_group("ADMIN")
    seed.campaign("TESTCAMP")
    seed.campaign("OTHER")
    seed.list(101, list_name="First")
    seed.list(102, list_name="Second")
    seed.list(103, list_name="Third", active="N")
    with seed.db.transaction() as conn:
        conn.exec_driver_sql(
            "CREATE TABLE custom_101 (lead_id INTEGER NOT NULL PRIMARY KEY, "
            "zeta VARCHAR(10), alpha VARCHAR(10), mid VARCHAR(10))"
        )
        conn.exec_driver_sql(
            "CREATE TABLE custom_102 (lead_id INTEGER NOT NULL PRIMARY KEY, beta VARCHAR(10))"
        )


def _log(seed: Seeder) -> list[tuple[str, str, str]]:
    rows = seed.table_rows("vicidial_api_log", "result", "result_reason", "data")
    return [(r["result"], r["result_reason"], r["data"]) for r in rows]


def test_one_list_in_table_order_and_sorted(client: TestClient, seed: Seeder) -> None:
    _setup(seed)
    assert call(client, list_id="101") == "101|First|TESTCAMP|Y|||zeta alpha mid\n"
    assert call(client, list_id="101", custom_order="alpha_up", stage="csv", header="YES") == (
        "list_id,list_name,campaign_id,active,list_changedate,list_lastcalldate,"
        "custom_fields_list_space_delimited\n"
        "101,First,TESTCAMP,Y,,,alpha mid zeta\n"
    )
    assert call(client, list_id="101", custom_order="alpha_down", stage="tab") == (
        "101\tFirst\tTESTCAMP\tY\t\t\tzeta mid alpha\n"
    )
    # A list without a custom table has no fields (unsorted).
    assert call(client, list_id="103") == "103|Third|TESTCAMP|N|||\n"
    assert _log(seed)[-1] == (
        "SUCCESS",
        "list_custom_fields LIST CUSTOM FIELDS INFORMATION SENT",
        "103",
    )


def test_all_lists_carry_the_sorted_field_list_over(client: TestClient, seed: Seeder) -> None:
    _setup(seed)
    assert call(client, list_id="---ALL---") == (
        "101|First|TESTCAMP|Y|||zeta alpha mid\n"
        "102|Second|TESTCAMP|Y|||beta\n"
        "103|Third|TESTCAMP|N|||\n"
    )
    # VICIdial never empties its field list between lists: list 102's one column overwrites
    # the first entry of 101's sorted list, and list 103 (no table) repeats the previous one.
    assert call(client, list_id="---ALL---", custom_order="alpha_up") == (
        "101|First|TESTCAMP|Y|||alpha mid zeta\n"
        "102|Second|TESTCAMP|Y|||beta mid zeta\n"
        "103|Third|TESTCAMP|N|||beta mid zeta\n"
    )
    assert call(client, list_id="---ALL---", custom_order="alpha_down") == (
        "101|First|TESTCAMP|Y|||zeta mid alpha\n"
        "102|Second|TESTCAMP|Y|||mid beta alpha\n"
        "103|Third|TESTCAMP|N|||mid beta alpha\n"
    )


def test_sorting_before_any_field_is_an_error_not_a_crash(client: TestClient, seed: Seeder) -> None:
    _setup(seed)
    seed.list(99, list_name="Early")
    answer = call(client, list_id="103", custom_order="alpha_up")
    assert answer == "ERROR: list_custom_fields NO CUSTOM FIELDS TO SORT: |6666|103|alpha_up\n"
    answer = call(client, list_id="---ALL---", custom_order="alpha_down")
    assert answer == (
        "ERROR: list_custom_fields NO CUSTOM FIELDS TO SORT: |6666|---ALL---|alpha_down\n"
    )
    # An unknown order is no order.
    assert call(client, list_id="103", custom_order="random") == "103|Third|TESTCAMP|N|||\n"
    assert _log(seed)[0] == ("ERROR", "list_custom_fields NO CUSTOM FIELDS TO SORT", "103|alpha_up")


def test_checks_in_vicidials_order(client: TestClient, seed: Seeder) -> None:
    _setup(seed)
    seed.user(user="nolists", modify_lists="0")
    assert call(client, user="nolists", list_id="101") == (
        "ERROR: list_custom_fields USER DOES NOT HAVE PERMISSION TO MODIFY LISTS: |nolists|0\n"
    )
    assert call(client, list_id="7", list_name="x y", campaign_id="TESTCAMP") == (
        "ERROR: list_custom_fields YOU MUST USE ALL REQUIRED FIELDS: |6666|7|x y|TESTCAMP\n"
    )
    assert call(client, list_id="555") == (
        "ERROR: list_custom_fields LIST DOES NOT EXIST: |6666|555\n"
    )
    with seed.db.transaction() as conn:
        conn.execute(update(system_settings).values(custom_fields_enabled="0"))
    # The setting is checked before the permission.
    assert call(client, user="nolists", list_id="101") == (
        "ERROR: CUSTOM LIST FIELDS ARE NOT ENABLED ON THIS SYSTEM: |nolists|list_custom_fields|\n"
    )


def test_restricted_user_sees_allowed_lists_only(client: TestClient, seed: Seeder) -> None:
    _setup(seed)
    seed.list(201, campaign_id="OTHER", list_name="Other list")
    seed.user_group("LIMITED", allowed_campaigns=" OTHER -")
    seed.user(user="limited", user_group="LIMITED", api_list_restrict="1")
    assert call(client, user="limited", list_id="101") == (
        "ERROR: list_custom_fields NOT AN ALLOWED LIST ID - 101\n"
    )
    assert call(client, user="limited", list_id="---ALL---") == "201|Other list|OTHER|Y|||\n"
    # Not restricted by list, but the group's campaigns still limit what exists.
    seed.user(user="grouped", user_group="LIMITED")
    assert call(client, user="grouped", list_id="101") == (
        "ERROR: list_custom_fields LIST DOES NOT EXIST: |grouped|101\n"
    )
    assert call(client, user="grouped", list_id="---ALL---") == "201|Other list|OTHER|Y|||\n"

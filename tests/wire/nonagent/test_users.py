"""add_user and update_user: hashed passwords never echoed, level and group rules, ranks."""

from __future__ import annotations

from sqlalchemy import insert
from starlette.testclient import TestClient

from tests.factories import Seeder

NON_AGENT = "/vicidial/non_agent_api.php"


def call(client: TestClient, function: str, user: str = "6666", **params: str) -> str:
    creds = {"source": "test", "user": user, "pass": "1234"}
    response = client.get(NON_AGENT, params={**creds, "function": function, **params})
    assert response.status_code == 200
    return response.text


def _setup(seed: Seeder) -> None:
    seed.user(modify_same_user_level="1")
    seed.user_group("ADMIN")
    seed.user_group("AGENTS", " TESTCAMP -")
    seed.campaign("TESTCAMP")
    seed.campaign("OTHER")


def test_add_user_hashes_and_never_echoes_the_password(client: TestClient, seed: Seeder) -> None:
    _setup(seed)
    answer = call(client, "add_user", agent_user="2001", agent_pass="Secret99",
                  agent_user_level="7", agent_full_name="Ann+Lee", agent_user_group="AGENTS")  # fmt: skip
    assert answer == "SUCCESS: add_user USER HAS BEEN ADDED - 6666|2001||7|Ann+Lee|AGENTS\n"
    row = seed.user_row("2001")
    assert row["pass"] == "" and str(row["pass_hash"]).startswith("$argon2")
    assert (row["user_level"], row["active"], row["hotkeys_active"]) == (7, "Y", "0")
    everything = str(seed.rows("SELECT * FROM vicidial_admin_log")) + str(
        seed.rows("SELECT * FROM vicidial_api_log")
    )
    assert "Secret99" not in everything and "argon2" not in everything
    # The new user logs in with it (level 7 passes the Non-Agent API's login check).
    login = client.get(NON_AGENT, params={"source": "test", "user": "2001", "pass": "Secret99",
                                          "function": "version_x"}).text  # fmt: skip
    assert login == "ERROR: NO FUNCTION SPECIFIED\n"


def test_add_user_refusals(client: TestClient, seed: Seeder) -> None:
    _setup(seed)
    seed.user(user="7777", user_level=8)
    base = {"agent_pass": "pw", "agent_full_name": "X", "agent_user_group": "AGENTS"}
    assert call(client, "add_user", user="7777", agent_user="3001", agent_user_level="8",
                **base) == ("ERROR: add_user USER DOES NOT HAVE PERMISSION TO ADD USERS IN THIS "
                            "USER LEVEL: |7777|8|8\n")  # fmt: skip
    assert call(client, "add_user", agent_user="3002", agent_user_level="1",
                **{**base, "agent_user_group": "NOPE"}) == (
        "ERROR: add_user USER GROUP DOES NOT EXIST: |6666|NOPE\n")  # fmt: skip
    assert call(client, "add_user", agent_user="6666", agent_user_level="1", **base) == (
        "ERROR: add_user USER ALREADY EXISTS: |6666|6666\n"
    )
    assert seed.rows("SELECT count(*) AS n FROM vicidial_users")[0]["n"] == 2


def test_update_user_fields_ranks_and_delete(client: TestClient, seed: Seeder) -> None:
    _setup(seed)
    seed.user(user="1004", user_level=3, user_group="AGENTS", failed_login_count=4)
    answer = call(client, "update_user", agent_user="1004", agent_pass="NewPass1",
                  custom_two="hello", wrapup_seconds_override="30", campaign_rank="5",
                  campaign_grade="2", campaign_id="TESTCAMP", camp_rg_only="1")  # fmt: skip
    assert answer == (
        "NOTICE: update_user USER CAMPAIGN RANKS/GRADES HAVE BEEN UPDATED - "
        "6666|1004|5|2|TESTCAMP|1\n"
        "SUCCESS: update_user USER HAS BEEN UPDATED - 6666|1004|\n"
    )
    row = seed.user_row("1004")
    assert (row["custom_two"], row["wrapup_seconds_override"], row["failed_login_count"]) == (
        "hello",
        30,
        0,
    )
    assert str(row["pass_hash"]).startswith("$argon2") and row["pass"] == ""
    ranks = seed.table_rows("vicidial_campaign_agents", "user", "campaign_id", "campaign_rank",
                            "campaign_grade")  # fmt: skip
    assert ranks == [{"user": "1004", "campaign_id": "TESTCAMP", "campaign_rank": 5,
                      "campaign_grade": 2}]  # fmt: skip
    assert call(client, "update_user", agent_user="1004", active="X") == (
        "ERROR: update_user ACTIVE MUST BE Y OR N, THIS IS AN OPTIONAL FIELD: |6666|X\n"
    )
    assert call(client, "update_user", agent_user="1004", agent_user_level="10") == (
        "ERROR: update_user YOU MUST USE A VALID USER LEVEL, THIS IS AN OPTIONAL FIELD: "
        "|6666|10|9|1\n")  # fmt: skip
    seed.user(user="7777", user_level=8, delete_users="0")
    assert call(client, "update_user", user="7777", agent_user="1004", delete_user="Y") == (
        "ERROR: update_user USER DOES NOT HAVE PERMISSION TO DELETE USERS: |7777|0\n"
    )
    assert call(client, "update_user", agent_user="1004", delete_user="Y") == (
        "SUCCESS: update_user USER HAS BEEN DELETED - 6666|1004|\n"
    )
    assert "1004" not in {r["user"] for r in seed.table_rows("vicidial_users", "user")}
    assert "NewPass1" not in str(seed.rows("SELECT * FROM vicidial_admin_log"))


def test_user_details_only_shows_viewable_groups(client: TestClient, seed: Seeder) -> None:
    _setup(seed)
    seed.user(user="1000", user_group="AGENTS", full_name="Agent One", user_level=1)
    seed.user(user="super1", user_group="SUPERS", user_level=8)
    with seed.db.transaction() as conn:
        conn.exec_driver_sql(
            "INSERT INTO vicidial_user_groups (user_group, group_name, admin_viewable_groups) "
            "VALUES ('SUPERS', 'Supervisors', ' AGENTS -')"
        )
    assert call(client, "user_details", agent_user="1000", stage="csv", header="YES") == (
        "user,full_name,user_group,user_level,active\n1000,Agent One,AGENTS,1,Y\n"
    )
    assert call(client, "user_details", user="super1", agent_user="1000") == (
        "1000|Agent One|AGENTS|1|Y\n"
    )
    assert call(client, "user_details", user="super1", agent_user="6666") == (
        "ERROR: user_details USER NOT FOUND: super1|6666\n"
    )


def _insert(seed: Seeder, table: str, *rows: dict[str, object]) -> None:
    from leadgate.storage.tables import metadata

    with seed.db.transaction() as conn:
        conn.execute(insert(metadata.tables[table]), list(rows))


def _logs(seed: Seeder) -> str:
    return str(seed.rows("SELECT * FROM vicidial_admin_log")) + str(
        seed.rows("SELECT * FROM vicidial_api_log")
    )


def _source_agent(seed: Seeder) -> None:
    seed.user(user="1000", pass_hash="", user_level=1, user_group="AGENTS", full_name="Agent 1000",
              vdc_agent_api_access="0", modify_users="0", custom_three="ALT1000",
              agentcall_manual="1", closer_campaigns=" SALESLINE -", failed_login_count=3)  # fmt: skip
    _insert(seed, "vicidial_inbound_group_agents",
            {"user": "1000", "group_id": "SALESLINE", "group_rank": 5, "group_weight": 2,
             "calls_today": 7, "group_type": "C", "daily_limit": 40, "group_grade": 4},
            {"user": "1000", "group_id": "SUPPORT", "group_rank": 1, "group_weight": 0,
             "calls_today": 2, "group_type": "C", "daily_limit": -1, "group_grade": 1})  # fmt: skip
    _insert(seed, "vicidial_campaign_agents",
            {"user": "1000", "campaign_id": "TESTCAMP", "campaign_rank": 3, "campaign_weight": 3,
             "calls_today": 9, "campaign_grade": 6})  # fmt: skip


def test_copy_user_copies_settings_ingroups_and_campaigns(client: TestClient, seed: Seeder) -> None:
    _setup(seed)
    _source_agent(seed)
    answer = call(client, "copy_user", agent_user="2000", agent_pass="pass2000",
                  agent_full_name="Copied Agent", source_user="1000")  # fmt: skip
    # The password field is blank (D9).
    assert answer == "SUCCESS: copy_user USER HAS BEEN COPIED - 6666|2000||Copied Agent|1000\n"
    row = seed.user_row("2000")
    assert row["pass"] == "" and str(row["pass_hash"]).startswith("$argon2")
    assert (row["full_name"], row["user_level"], row["user_group"], row["custom_three"],
            row["closer_campaigns"], row["agentcall_manual"], row["failed_login_count"]) == (
        "Copied Agent", 1, "AGENTS", "ALT1000", " SALESLINE -", "1", 0)  # fmt: skip
    ingroups = seed.table_rows("vicidial_inbound_group_agents", "user", "group_id", "group_rank",
                               "group_weight", "calls_today", "daily_limit", "group_grade",
                               order_by="group_id")  # fmt: skip
    assert [r for r in ingroups if r["user"] == "2000"] == [
        {"user": "2000", "group_id": "SALESLINE", "group_rank": 5, "group_weight": 2,
         "calls_today": 0, "daily_limit": 40, "group_grade": 1},
        {"user": "2000", "group_id": "SUPPORT", "group_rank": 1, "group_weight": 0,
         "calls_today": 0, "daily_limit": -1, "group_grade": 1},
    ]  # fmt: skip
    campaigns = seed.table_rows("vicidial_campaign_agents", "user", "campaign_rank",
                                "campaign_weight", "calls_today", "campaign_grade")  # fmt: skip
    assert {"user": "2000", "campaign_rank": 3, "campaign_weight": 3, "calls_today": 0,
            "campaign_grade": 1} in campaigns  # fmt: skip
    log = seed.table_rows("vicidial_admin_log", "event_type", "record_id", "event_code",
                          "event_notes", order_by="admin_log_id")  # fmt: skip
    assert log == [{"event_type": "COPY", "record_id": "2000", "event_code": "ADMIN API COPY USER",
                    "event_notes": "user: 2000   source_user: 1000   rows: 1,2,1"}]  # fmt: skip
    assert "pass2000" not in _logs(seed) and "argon2" not in _logs(seed)


def test_copied_user_logs_in_with_its_new_password(client: TestClient, seed: Seeder) -> None:
    _setup(seed)
    answer = call(client, "copy_user", agent_user="6667", agent_pass="admin6667",
                  agent_full_name="Admin Copy", source_user="6666")  # fmt: skip
    assert answer == "SUCCESS: copy_user USER HAS BEEN COPIED - 6666|6667||Admin Copy|6666\n"
    assert call(client, "version_x", user="6667", **{"pass": "admin6667"}) == (
        "ERROR: NO FUNCTION SPECIFIED\n"
    )
    assert call(client, "version_x", user="6667", **{"pass": "1234"}) == (
        "ERROR: Login incorrect, please try again: |6667||BAD|\n"
    )


def test_copy_user_refusals_change_nothing(client: TestClient, seed: Seeder) -> None:
    _setup(seed)
    _source_agent(seed)
    seed.user(user="super1", user_level=8, user_group="SUPERS")
    _insert(seed, "vicidial_user_groups", {"user_group": "SUPERS", "group_name": "Supervisors",
                                           "admin_viewable_groups": " AGENTS -"})  # fmt: skip
    base = {"agent_pass": "pw2002", "agent_full_name": "X", "source_user": "1000"}
    # Required fields: a password given with a field missing is still not echoed.
    assert call(client, "copy_user", agent_user="2002", agent_pass="secret9",
                source_user="1000") == (
        "ERROR: copy_user YOU MUST USE ALL REQUIRED FIELDS: |6666|2002||1000|\n")  # fmt: skip
    assert call(client, "copy_user", agent_user="2002", **{**base, "source_user": "nobody"}) == (
        "ERROR: copy_user USER GROUP DOES NOT EXIST: |6666|\n"
    )
    assert call(client, "copy_user", user="super1", agent_user="2002",
                **{**base, "source_user": "super1"}) == (
        "ERROR: copy_user USER DOES NOT HAVE PERMISSION TO COPY USERS IN THIS USER LEVEL: "
        "|super1|8|8\n")  # fmt: skip
    seed.user(user="1001", user_level=1, user_group="ADMIN")
    assert call(client, "copy_user", user="super1", agent_user="2002",
                **{**base, "source_user": "1001"}) == (
        "ERROR: copy_user USER GROUP DOES NOT EXIST: |super1|ADMIN\n")  # fmt: skip
    assert call(client, "copy_user", agent_user="1001", **base) == (
        "ERROR: copy_user USER ALREADY EXISTS: |6666|1001\n"
    )
    seed.user(user="apilow", user_level=7)
    assert call(client, "copy_user", user="apilow", agent_user="2002", **base) == (
        "ERROR: copy_user USER DOES NOT HAVE PERMISSION TO COPY USERS: |apilow|0\n"
    )
    users = {r["user"] for r in seed.table_rows("vicidial_users", "user")}
    assert users == {"6666", "1000", "super1", "1001", "apilow"}
    assert seed.table_rows("vicidial_admin_log", "event_type") == []
    assert "secret9" not in _logs(seed)
    # super1 copies the agent it may see, at a level below its own.
    assert call(client, "copy_user", user="super1", agent_user="2002", **base) == (
        "SUCCESS: copy_user USER HAS BEEN COPIED - super1|2002||X|1000\n"
    )


def test_autogenerate_takes_the_next_free_number(client: TestClient, seed: Seeder) -> None:
    _setup(seed)
    _source_agent(seed)
    seed.user(user="108", user_level=1)
    base = {"agent_user": "AUTOGENERATE", "agent_pass": "auto1234", "source_user": "1000"}
    assert call(client, "copy_user", agent_full_name="Auto One", **base) == (
        "SUCCESS: copy_user USER HAS BEEN COPIED - 6666|101||Auto One|1000\n"
    )
    # 101 is taken, and 108 too: 115. add_user's AUTOGENERATE shares the counter.
    assert call(client, "add_user", agent_user="AUTOGENERATE", agent_pass="auto1234",
                agent_user_level="1", agent_full_name="Auto Two", agent_user_group="AGENTS") == (
        "SUCCESS: add_user USER HAS BEEN ADDED - 6666|115||1|Auto Two|AGENTS\n")  # fmt: skip
    assert seed.table_rows("system_settings", "auto_user_add_value") == [
        {"auto_user_add_value": 115}
    ]
    names = {r["user"]: r["full_name"] for r in seed.table_rows("vicidial_users", "user",
                                                                  "full_name")}  # fmt: skip
    assert (names["101"], names["115"]) == ("Auto One", "Auto Two")


def test_update_user_ingroup_ranks_and_live_rows(client: TestClient, seed: Seeder) -> None:
    _setup(seed)
    _source_agent(seed)
    _insert(seed, "vicidial_inbound_groups", {"group_id": "SALESLINE", "group_name": "Sales"},
            {"group_id": "SUPPORT", "group_name": "Support"},
            {"group_id": "BILLING", "group_name": "Billing"})  # fmt: skip
    _insert(seed, "vicidial_live_inbound_agents",
            {"user": "1000", "group_id": "SALESLINE", "group_weight": 2, "group_grade": 4},
            {"user": "1000", "group_id": "SUPPORT", "group_weight": 0, "group_grade": 1})  # fmt: skip
    answer = call(client, "update_user", agent_user="1000", ingroup_rank="-3", ingroup_grade="7")
    assert answer == (
        "NOTICE: update_user USER IN-GROUP RANKS/GRADES HAVE BEEN UPDATED - 6666|1000|-3|7\n"
        "ERROR: update_user NO UPDATES DEFINED: |6666|\n"
    )
    rows = seed.table_rows("vicidial_inbound_group_agents", "group_id", "group_rank",
                           "group_weight", "group_grade", "calls_today",
                           order_by="group_id")  # fmt: skip
    assert rows == [
        {"group_id": "BILLING", "group_rank": -3, "group_weight": -3, "group_grade": 7,
         "calls_today": 0},
        {"group_id": "SALESLINE", "group_rank": -3, "group_weight": -3, "group_grade": 7,
         "calls_today": 7},
        {"group_id": "SUPPORT", "group_rank": -3, "group_weight": -3, "group_grade": 7,
         "calls_today": 2},
    ]  # fmt: skip
    # Only SUPPORT, only the grade; the live row of that in-group follows.
    answer = call(client, "update_user", agent_user="1000", ingroup_grade="9", group_id="SUPPORT",
                  ingrp_rg_only="1", custom_one="x")  # fmt: skip
    assert answer == (
        "NOTICE: update_user USER IN-GROUP RANKS/GRADES HAVE BEEN UPDATED - "
        "6666|1000||9|SUPPORT|1\n"
        "SUCCESS: update_user USER HAS BEEN UPDATED - 6666|1000|\n"
    )
    live = seed.table_rows("vicidial_live_inbound_agents", "group_id", "group_weight",
                           "group_grade", order_by="group_id")  # fmt: skip
    assert live == [{"group_id": "SALESLINE", "group_weight": -3, "group_grade": 7},
                    {"group_id": "SUPPORT", "group_weight": -3, "group_grade": 9}]  # fmt: skip
    grades = {r["group_id"]: r["group_grade"] for r in seed.table_rows(
        "vicidial_inbound_group_agents", "group_id", "group_grade", order_by="group_id")}  # fmt: skip
    assert grades == {"BILLING": 7, "SALESLINE": 7, "SUPPORT": 9}


def test_update_user_ingroup_rank_refusals(client: TestClient, seed: Seeder) -> None:
    _setup(seed)
    _source_agent(seed)
    assert call(client, "update_user", agent_user="1000", ingroup_rank="10") == (
        "ERROR: update_user YOU MUST USE A VALID IN-GROUP RANK, THIS IS AN OPTIONAL FIELD: "
        "|6666|10\n")  # fmt: skip
    # Campaign ranks are written first (as VICIdial), then the in-group grade is refused.
    assert call(client, "update_user", agent_user="1000", campaign_rank="2",
                ingroup_grade="11") == (
        "NOTICE: update_user USER CAMPAIGN RANKS/GRADES HAVE BEEN UPDATED - 6666|1000|2|\n"
        "ERROR: update_user YOU MUST USE A VALID IN-GROUP GRADE, THIS IS AN OPTIONAL FIELD: "
        "|6666|11\n")  # fmt: skip
    grades = seed.table_rows("vicidial_inbound_group_agents", "group_grade", order_by="group_id")
    assert grades == [{"group_grade": 4}, {"group_grade": 1}]


def test_reset_password_hashes_a_random_password_it_never_shows(
    client: TestClient, seed: Seeder
) -> None:
    _setup(seed)
    seed.user(user="1004", pass_hash="", user_level=8, email="", **{"pass": "OldPass99"})
    before = seed.user_row("1004")
    # No valid address (none stored, none given): nothing changes.
    assert call(client, "update_user", agent_user="1004", reset_password="12") == (
        "NOTICE: update_user USER PASSWORD RESET FAILED: NO VALID EMAIL PROVIDED - 6666|1004|\n"
        "ERROR: update_user NO UPDATES DEFINED: |6666|\n"
    )
    # A length under 8 is no reset at all.
    assert call(client, "update_user", agent_user="1004", reset_password="7") == (
        "ERROR: update_user NO UPDATES DEFINED: |6666|\n"
    )
    assert seed.user_row("1004")["pass"] == "OldPass99"
    answer = call(client, "update_user", agent_user="1004", reset_password="10",
                  email="ann@example.com")  # fmt: skip
    assert answer == (
        "NOTICE: update_user USER PASSWORD HAS BEEN RESET - 6666|1004|ann@example.com\n"
        "SUCCESS: update_user USER HAS BEEN UPDATED - 6666|1004|\n"
    )
    row = seed.user_row("1004")
    assert row["pass"] == "" and str(row["pass_hash"]).startswith("$argon2")
    assert row["pass_hash"] != before["pass_hash"] and row["email"] == "ann@example.com"
    assert call(client, "version_x", user="1004", **{"pass": "OldPass99"}) == (
        "ERROR: Login incorrect, please try again: |1004||BAD|\n"
    )
    codes = [r["event_code"] for r in seed.table_rows("vicidial_admin_log", "event_code",
                                                      order_by="admin_log_id")]  # fmt: skip
    assert codes == ["ADMIN API RESET PASS", "ADMIN API UPDATE USER"]
    assert "argon2" not in _logs(seed) and "OldPass99" not in _logs(seed)
    # The stored address serves when none is given.
    assert call(client, "update_user", agent_user="1004", reset_password="8") == (
        "NOTICE: update_user USER PASSWORD HAS BEEN RESET - 6666|1004|ann@example.com\n"
        "ERROR: update_user NO UPDATES DEFINED: |6666|\n"
    )
    assert seed.user_row("1004")["pass_hash"] != row["pass_hash"]

"""add_user and update_user: hashed passwords never echoed, level and group rules, ranks."""

from __future__ import annotations

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

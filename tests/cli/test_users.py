"""`leadgate user …`, including a password change seen over HTTP."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from leadgate.cli.wording import user_problem
from leadgate.domain.user_admin import UserFields, UserOutcome, UserProblem
from tests.cli.conftest import Invoke
from tests.factories import Seeder

NON_AGENT = "/vicidial/non_agent_api.php"


@pytest.fixture(autouse=True)
def admin_group(seed: Seeder) -> None:
    """`user add`'s default group, as `leadgate init` makes it (add_user needs the group)."""
    seed.user_group("ADMIN")


def _login(client: TestClient, user: str, password: str) -> str:
    params = {"source": "test", "user": user, "pass": password, "function": "bogus"}
    return client.get(NON_AGENT, params=params).text


def test_add_stores_an_argon2_hash(leadgate: Invoke, seed: Seeder) -> None:
    result = leadgate("user", "add", "apiuser", "--password", "First-pass1", "--level", "8")
    assert result.exit_code == 0, result.output
    row = seed.user_row("apiuser")
    assert row["pass"] == ""
    assert str(row["pass_hash"]).startswith("$argon2")
    assert "First-pass1" not in str(row)
    assert "First-pass1" not in result.output
    assert (row["user_level"], row["active"], row["vdc_agent_api_access"]) == (8, "Y", "1")


def test_passwd_replaces_the_old_password_over_http(
    leadgate: Invoke, seed: Seeder, client: TestClient
) -> None:
    assert leadgate("user", "add", "apiuser", "--password", "First-pass1").exit_code == 0
    assert _login(client, "apiuser", "First-pass1") == "ERROR: NO FUNCTION SPECIFIED\n"
    old_hash = seed.user_row("apiuser")["pass_hash"]

    result = leadgate("user", "passwd", "apiuser", "--password", "Second-pass2")
    assert result.exit_code == 0, result.output
    assert "Second-pass2" not in result.output

    row = seed.user_row("apiuser")
    assert str(row["pass_hash"]).startswith("$argon2") and row["pass_hash"] != old_hash
    assert "Second-pass2" not in str(row) and row["pass"] == ""
    # The server had the old password cached as verified: it must stop working at once.
    refused = _login(client, "apiuser", "First-pass1")
    assert refused == "ERROR: Login incorrect, please try again: |apiuser||BAD|\n"
    assert _login(client, "apiuser", "Second-pass2") == "ERROR: NO FUNCTION SPECIFIED\n"


def test_passwd_turns_a_plain_vicidial_password_into_a_hash(
    leadgate: Invoke, seed: Seeder, client: TestClient
) -> None:
    seed.user()  # imported VICIdial account: plain pass 1234
    assert _login(client, "6666", "1234") == "ERROR: NO FUNCTION SPECIFIED\n"
    assert leadgate("user", "passwd", "6666", "--password", "Better-pass3").exit_code == 0
    row = seed.user_row("6666")
    assert row["pass"] == "" and str(row["pass_hash"]).startswith("$argon2")
    assert _login(client, "6666", "1234").startswith("ERROR: Login incorrect")
    assert _login(client, "6666", "Better-pass3") == "ERROR: NO FUNCTION SPECIFIED\n"


def test_passwd_generates_one_when_omitted(leadgate: Invoke, seed: Seeder) -> None:
    assert leadgate("user", "add", "apiuser", "--password", "First-pass1").exit_code == 0
    result = leadgate("user", "passwd", "apiuser")
    assert result.exit_code == 0
    assert "shown only this once" in result.stdout
    assert str(seed.user_row("apiuser")["pass_hash"]).startswith("$argon2")


def test_refusals(leadgate: Invoke, seed: Seeder) -> None:
    weak = leadgate("user", "add", "apiuser", "--password", "short")
    assert weak.exit_code == 1
    assert "password must be 8+ characters" in weak.stderr
    assert "short" not in weak.output.replace("password must", "")
    assert leadgate("user", "add", "apiuser", "--password", "First-pass1").exit_code == 0
    duplicate = leadgate("user", "add", "apiuser", "--password", "Other-pass1")
    assert duplicate.exit_code == 1
    assert "user apiuser already exists" in duplicate.stderr
    unknown = leadgate("user", "passwd", "nobody", "--password", "Whatever-1")
    assert unknown.exit_code == 1
    assert "user nobody does not exist" in unknown.stderr
    bad_grant = leadgate("user", "update", "apiuser", "--grant", "root")
    assert bad_grant.exit_code == 1
    assert "unknown permission 'root'" in bad_grant.stderr


def test_update_show_and_list(leadgate: Invoke, seed: Seeder) -> None:
    assert leadgate("user", "add", "apiuser", "--password", "First-pass1").exit_code == 0
    result = leadgate("user", "update", "apiuser", "--inactive", "--grant", "delete_from_dnc",
                      "--functions", "add_lead  update_lead")  # fmt: skip
    assert result.exit_code == 0, result.output
    row = seed.user_row("apiuser")
    assert (row["active"], row["delete_from_dnc"]) == ("N", "1")
    assert row["api_allowed_functions"] == " add_lead update_lead "
    shown = leadgate("user", "show", "apiuser")
    assert "add_lead update_lead" in shown.stdout
    assert "$argon2" not in shown.stdout
    assert "apiuser" in leadgate("user", "list").stdout


def test_names_and_passwords_the_api_could_never_match_are_refused(
    leadgate: Invoke, seed: Seeder
) -> None:
    # The API keeps only ASCII letters, digits, - and _ of user and pass (VICIdial's filter).
    for name in ("jürgen", "ann.lee", "bob smith", "x"):
        result = leadgate("user", "add", name, "--password", "Good-pass1")
        assert result.exit_code == 1, name
        assert "user must be 2-20 characters of ASCII letters" in result.stderr
        assert "Traceback" not in result.output
    for password in ("Pässwort-123", "pass word 12", "p@ssw0rd!!"):
        result = leadgate("user", "add", "apiuser", "--password", password)
        assert result.exit_code == 1
        assert "password must be 8+ characters of ASCII letters" in result.stderr
        assert password not in result.output
    assert leadgate("user", "add", "apiuser", "--password", "Good-pass1").exit_code == 0
    changed = leadgate("user", "passwd", "apiuser", "--password", "Nöpe-pass1")
    assert changed.exit_code == 1
    assert seed.table_rows("vicidial_users", "user") == [{"user": "apiuser"}]


def test_delete(leadgate: Invoke, seed: Seeder) -> None:
    assert leadgate("user", "add", "apiuser", "--password", "First-pass1").exit_code == 0
    result = leadgate("user", "delete", "apiuser")
    assert result.exit_code == 0, result.output
    assert seed.table_rows("vicidial_users", "user") == []
    again = leadgate("user", "delete", "apiuser")
    assert again.exit_code == 1
    assert "user apiuser does not exist" in again.stderr
    log = seed.table_rows("vicidial_admin_log", "event_section", "event_type", "record_id",
                          "event_sql")  # fmt: skip
    assert [(r["event_section"], r["event_type"], r["record_id"]) for r in log] == [
        ("USERS", "ADD", "apiuser"), ("USERS", "DELETE", "apiuser")
    ]  # fmt: skip
    # The admin log names the changed columns, never a password or its hash.
    assert all("First-pass1" not in str(r["event_sql"]) for r in log)
    assert all("argon2" not in str(r["event_sql"]) for r in log)


def test_copy_makes_a_user_like_the_source_with_its_own_password(
    leadgate: Invoke, seed: Seeder, client: TestClient
) -> None:
    assert leadgate("user", "add", "apiuser", "--password", "First-pass1", "--level", "8",
                    "--grant", "delete_from_dnc").exit_code == 0  # fmt: skip
    result = leadgate("user", "copy", "apiuser", "apicopy", "--password", "Copy-pass2",
                      "--full-name", "Copy of API")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "created user apicopy as a copy of apiuser" in result.stdout
    assert "Copy-pass2" not in result.output
    row = seed.user_row("apicopy")
    assert (row["full_name"], row["user_level"], row["user_group"], row["delete_from_dnc"]) == (
        "Copy of API", 8, "ADMIN", "1")  # fmt: skip
    assert row["pass"] == "" and row["pass_hash"] != seed.user_row("apiuser")["pass_hash"]
    assert _login(client, "apicopy", "Copy-pass2") == "ERROR: NO FUNCTION SPECIFIED\n"
    assert _login(client, "apicopy", "First-pass1").startswith("ERROR: Login incorrect")
    log = seed.table_rows("vicidial_admin_log", "user", "event_type", "record_id",
                          "event_code", order_by="admin_log_id")  # fmt: skip
    assert log[-1] == {"user": "CLI", "event_type": "COPY", "record_id": "apicopy",
                       "event_code": "ADMIN API COPY USER"}  # fmt: skip
    # Without --password one is generated and shown once; AUTOGENERATE picks a number.
    generated = leadgate("user", "copy", "apiuser", "AUTOGENERATE")
    assert generated.exit_code == 0, generated.output
    assert "created user 101 as a copy of apiuser" in generated.stdout
    assert "shown only this once" in generated.stdout
    assert str(seed.user_row("101")["pass_hash"]).startswith("$argon2")


def test_copy_refusals(leadgate: Invoke, seed: Seeder) -> None:
    assert leadgate("user", "add", "apiuser", "--password", "First-pass1").exit_code == 0
    missing = leadgate("user", "copy", "nobody", "newuser", "--password", "Copy-pass2")
    assert missing.exit_code == 1
    assert "user nobody does not exist" in missing.stderr
    exists = leadgate("user", "copy", "apiuser", "apiuser", "--password", "Copy-pass2")
    assert exists.exit_code == 1
    assert "user apiuser already exists" in exists.stderr
    weak = leadgate("user", "copy", "apiuser", "newuser", "--password", "short")
    assert weak.exit_code == 1
    assert "password must be 8+ characters" in weak.stderr
    bad_name = leadgate("user", "copy", "apiuser", "new user", "--password", "Copy-pass2")
    assert bad_name.exit_code == 1
    assert "user must be 2-20 characters" in bad_name.stderr
    seed.execute("UPDATE vicidial_users SET user_group = 'GONE'")
    orphan = leadgate("user", "copy", "apiuser", "newuser", "--password", "Copy-pass2")
    assert orphan.exit_code == 1
    assert "user group GONE of user apiuser does not exist" in orphan.stderr
    assert seed.table_rows("vicidial_users", "user") == [{"user": "apiuser"}]


def test_add_and_update_go_through_the_apis_rules(leadgate: Invoke, seed: Seeder) -> None:
    # Like the API's add_user and update_user: the user group must exist.
    missing = leadgate("user", "add", "apiuser", "--password", "First-pass1", "--group", "NOPE")
    assert missing.exit_code == 1
    assert "user group NOPE does not exist" in missing.stderr
    assert seed.table_rows("vicidial_users", "user") == []
    added = leadgate("user", "add", "apiuser", "--password", "First-pass1", "--level", "9",
                     "--inactive", "--no-api-access", "--functions", "lead_search",
                     "--grant", "modify_users", "--revoke", "view_reports")  # fmt: skip
    assert added.exit_code == 0, added.output
    row = seed.user_row("apiuser")
    shown = (row["user_level"], row["user_group"], row["full_name"], row["active"])
    assert shown == (9, "ADMIN", "apiuser", "N")
    assert (row["vdc_agent_api_access"], row["api_allowed_functions"], row["modify_users"],
            row["view_reports"], row["modify_leads"]) == ("0", " lead_search ", "1", "0", "1")  # fmt: skip
    # The columns add_user sets for every new user.
    assert (row["agent_choose_ingroups"], row["hotkeys_active"]) == ("1", "0")

    moved = leadgate("user", "update", "apiuser", "--group", "NOPE")
    assert moved.exit_code == 1
    assert "user group NOPE does not exist" in moved.stderr
    long_name = leadgate("user", "update", "apiuser", "--full-name", "x" * 51)
    assert long_name.exit_code == 1
    assert "full name must be 1-50 characters" in long_name.stderr
    nothing = leadgate("user", "update", "apiuser")
    assert nothing.exit_code == 1
    assert "nothing to change" in nothing.stderr
    seed.user_group("AGENTS")
    seed.execute("UPDATE vicidial_users SET failed_login_count = 3 WHERE user_id > 0")
    changed = leadgate("user", "update", "apiuser", "--group", "AGENTS", "--level", "1",
                       "--full-name", "Ann Lee", "--active", "--no-list-restrict")  # fmt: skip
    assert changed.exit_code == 0, changed.output
    row = seed.user_row("apiuser")
    assert (row["user_group"], row["user_level"], row["full_name"], row["active"],
            row["api_list_restrict"], row["failed_login_count"]) == (
        "AGENTS", 1, "Ann Lee", "Y", "0", 0
    )  # fmt: skip
    log = seed.table_rows("vicidial_admin_log", "user", "event_section", "event_type",
                          "record_id")  # fmt: skip
    assert [tuple(r.values()) for r in log] == [
        ("CLI", "USERS", "ADD", "apiuser"), ("CLI", "USERS", "MODIFY", "apiuser")
    ]  # fmt: skip


def test_every_user_problem_has_a_line() -> None:
    fields = UserFields(agent_user="apiuser", user_group="AGENTS")
    lines = {problem: user_problem(UserOutcome(problem), fields) for problem in UserProblem}
    assert all(lines.values())
    assert lines[UserProblem.GROUP] == "user group AGENTS does not exist"

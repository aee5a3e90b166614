"""`leadgate group add|update|show|list`, and the ADMIN group of a fresh install."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from starlette.testclient import TestClient

from leadgate.cli.bootstrap import bootstrap
from leadgate.http.app import create_app
from leadgate.settings import Settings
from leadgate.storage.database import Database
from tests.cli.conftest import Invoke
from tests.factories import Seeder


def test_add_update_show_list(leadgate: Invoke, seed: Seeder) -> None:
    seed.campaign("TESTCAMP")
    result = leadgate("group", "add", "AGENTS", "--name", "Agents", "--campaigns", "TESTCAMP,ABC")
    assert result.exit_code == 0, result.output
    [row] = seed.table_rows("vicidial_user_groups", "user_group", "group_name",
                            "allowed_campaigns")  # fmt: skip
    assert row == {"user_group": "AGENTS", "group_name": "Agents",
                   "allowed_campaigns": " TESTCAMP ABC -"}  # fmt: skip
    assert leadgate("group", "update", "AGENTS", "--campaigns", "-ALL-CAMPAIGNS-").exit_code == 0
    assert seed.table_rows("vicidial_user_groups", "allowed_campaigns") == [
        {"allowed_campaigns": " -ALL-CAMPAIGNS- -"}
    ]
    seed.user(user="7777", user_group="AGENTS")
    shown = leadgate("group", "show", "AGENTS")
    assert shown.exit_code == 0
    assert "-ALL-CAMPAIGNS-" in shown.stdout and "Agents" in shown.stdout
    assert "users" in shown.stdout and "1" in shown.stdout
    listed = leadgate("group", "list")
    assert "AGENTS" in listed.stdout and "user groups (1)" in listed.stdout


def test_refusals_change_nothing(leadgate: Invoke, seed: Seeder) -> None:
    assert leadgate("group", "add", "AGENTS").exit_code == 0
    cases = [
        (("add", "AGENTS"), "user group AGENTS already exists"),
        (("add", "BAD GROUP"), "invalid user group 'BAD GROUP'"),
        (("add", "X2", "--campaigns", "A"), "invalid campaign id 'A'"),
        (("add", "X3", "--name", "n" * 41), "group name must be 1-40 characters"),
        (("update", "NOPE", "--name", "x"), "user group NOPE does not exist"),
        (("update", "AGENTS"), "nothing to change"),
        (("show", "NOPE"), "user group NOPE does not exist"),
    ]
    for args, message in cases:
        result = leadgate("group", *args)
        assert result.exit_code == 1, args
        assert message in result.stderr, (args, result.stderr)
        assert "Traceback" not in result.output
    assert seed.table_rows("vicidial_user_groups", "user_group", "group_name") == [
        {"user_group": "AGENTS", "group_name": "AGENTS"}
    ]


def test_first_start_creates_a_working_admin_group(db: Database, db_url: str) -> None:
    """Issue 9: on a fresh install the admin's lead_field_info answered LIST NOT FOUND."""
    console = Console(record=True, width=200)
    bootstrap(db_url, console)
    output = console.export_text()
    password = output.split("with password ")[1].split(" ")[0]
    with db.transaction() as conn:
        conn.exec_driver_sql(
            "INSERT INTO vicidial_campaigns (campaign_id, campaign_name, active) "
            "VALUES ('C1', 'C1', 'Y')"
        )
        conn.exec_driver_sql(
            "INSERT INTO vicidial_lists (list_id, list_name, campaign_id, active) "
            "VALUES (101, 'L', 'C1', 'Y')"
        )
    settings = Settings(db_url=db_url, log_api_urls=False, login_row_cache_seconds=0)
    with TestClient(create_app(settings, db)) as client:
        base = {"source": "test", "user": "admin", "pass": password}
        added = client.get("/vicidial/non_agent_api.php", params={
            **base, "function": "add_lead", "phone_number": "3125550123", "list_id": "101",
        }).text  # fmt: skip
        assert added.startswith("SUCCESS: add_lead LEAD HAS BEEN ADDED"), added
        lead_id = added.split("|")[2]
        info = client.get("/vicidial/non_agent_api.php", params={
            **base, "function": "lead_field_info", "lead_id": lead_id,
            "field_name": "phone_number",
        }).text  # fmt: skip
        assert info == "3125550123", info  # VICIdial ends this answer without a newline
    # A second start changes nothing.
    bootstrap(db_url, Console(record=True))
    with db.transaction() as conn:
        groups = conn.exec_driver_sql("SELECT user_group FROM vicidial_user_groups").all()
    assert [g[0] for g in groups] == ["ADMIN"]


def test_bootstrap_keeps_an_existing_admin_group(db: Database, db_url: str, seed: Seeder,
                                                 tmp_path: Path) -> None:  # fmt: skip
    seed.user_group("ADMIN", " C1 -")
    bootstrap(db_url, Console(record=True))
    assert seed.table_rows("vicidial_user_groups", "allowed_campaigns") == [
        {"allowed_campaigns": " C1 -"}
    ]

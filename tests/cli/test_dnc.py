"""`leadgate dnc add|remove|check|import`."""

from __future__ import annotations

from pathlib import Path

import pytest

from leadgate.storage.database import Database
from tests.cli.conftest import Invoke
from tests.factories import Seeder

LOG = ("phone_number", "campaign_id", "action", "user")


def _system(seed: Seeder) -> list[str]:
    return sorted(r["phone_number"] for r in seed.table_rows("vicidial_dnc", "phone_number"))


def _campaign(seed: Seeder) -> list[tuple[str, str]]:
    rows = seed.table_rows("vicidial_campaign_dnc", "phone_number", "campaign_id")
    return sorted((r["phone_number"], r["campaign_id"]) for r in rows)


def _log(seed: Seeder) -> list[dict[str, object]]:
    rows = seed.table_rows("vicidial_dnc_log", *LOG, "action_date", order_by="action_date")
    assert all(row.pop("action_date") is not None for row in rows)
    return rows


def test_add_and_remove_system_list_are_logged(leadgate: Invoke, seed: Seeder) -> None:
    added = leadgate("dnc", "add", "(312) 555-1234")
    assert added.exit_code == 0, added.output
    assert "added 3125551234 to the system DNC list" in added.stdout
    assert _system(seed) == ["3125551234"]
    removed = leadgate("dnc", "remove", "3125551234", "--by", "admin")
    assert removed.exit_code == 0, removed.output
    assert _system(seed) == []
    assert sorted(_log(seed), key=lambda r: str(r["action"])) == [
        {"phone_number": "3125551234", "campaign_id": "-SYSINT-", "action": "add", "user": "CLI"},
        {"phone_number": "3125551234", "campaign_id": "-SYSINT-", "action": "delete",
         "user": "admin"},
    ]  # fmt: skip


def test_campaign_list(leadgate: Invoke, seed: Seeder) -> None:
    seed.campaign("TESTCAMP")
    result = leadgate("dnc", "add", "3125551234", "--campaign", "TESTCAMP")
    assert result.exit_code == 0, result.output
    assert _campaign(seed) == [("3125551234", "TESTCAMP")]
    assert _system(seed) == []
    assert _log(seed) == [
        {"phone_number": "3125551234", "campaign_id": "TESTCAMP", "action": "add", "user": "CLI"}
    ]
    assert leadgate("dnc", "remove", "3125551234", "--campaign", "TESTCAMP").exit_code == 0
    assert _campaign(seed) == []


def test_area_code_wildcard_can_be_added(leadgate: Invoke, seed: Seeder) -> None:
    assert leadgate("dnc", "add", "312XXXXXXX").exit_code == 0
    assert _system(seed) == ["312XXXXXXX"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("add", "12345"), "invalid phone number '12345'"),
        (("add", "1" * 19), "invalid phone number"),
        (("add", "31255512ab"), "invalid phone number"),
        (("add", "3125551234", "--campaign", "NOPE"), "campaign NOPE does not exist"),
        (("add", "3125551234", "--campaign", "X"), "invalid campaign id 'X'"),
        (("add", "3125550000"), "3125550000 is already on the system DNC list"),
        (("remove", "3125559999"), "3125559999 is not on the system DNC list"),
        (("remove", "3125550000", "--campaign", "TESTCAMP"),
         "3125550000 is not on the DNC list of TESTCAMP"),
    ],
)  # fmt: skip
def test_refusals_change_nothing(
    leadgate: Invoke, seed: Seeder, args: tuple[str, ...], message: str
) -> None:
    seed.campaign("TESTCAMP")
    assert leadgate("dnc", "add", "3125550000").exit_code == 0
    result = leadgate("dnc", *args)
    assert result.exit_code == 1
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert _system(seed) == ["3125550000"]
    assert _campaign(seed) == []
    assert len(_log(seed)) == 1


def test_check(leadgate: Invoke, seed: Seeder) -> None:
    seed.campaign("TESTCAMP")
    seed.campaign("OTHER")
    assert leadgate("dnc", "add", "3125551234", "--campaign", "OTHER").exit_code == 0
    listed = leadgate("dnc", "check", "3125551234")
    assert listed.exit_code == 0
    assert "campaign OTHER" in listed.stdout
    assert "3125551234: DNC" in listed.stdout
    only_testcamp = leadgate("dnc", "check", "3125551234", "--campaign", "TESTCAMP")
    assert "3125551234: not DNC" in only_testcamp.stdout
    assert leadgate("dnc", "add", "3125551234").exit_code == 0
    assert "3125551234: DNC" in leadgate("dnc", "check", "3125551234", "--campaign",
                                         "TESTCAMP").stdout  # fmt: skip


def test_import_counts_and_batches(leadgate: Invoke, seed: Seeder, tmp_path: Path) -> None:
    assert leadgate("dnc", "add", "3125550001").exit_code == 0
    file = tmp_path / "dnc.csv"
    lines = ["phone_number,name", "3125550001,already there", "", "  ", "3125550002,new",
             '"3125550003",quoted', "3125550002", "312-555-0004", "abc", "12"]  # fmt: skip
    lines += [f"41555{n:05d}" for n in range(25)]
    file.write_text("\ufeff" + "\r\n".join(lines) + "\n")
    result = leadgate("dnc", "import", str(file), "--batch-size", "4")
    # Rejected lines: reported, written to a reject file, exit code 2; the rest is imported.
    assert result.exit_code == 2, result.output
    assert "28 added, 2 skipped" in result.stdout
    assert "2 invalid" in result.stdout and "taken as a header" in result.stdout
    assert "line 9: 'abc'" in result.stdout
    assert (tmp_path / "dnc.csv.rejects").read_bytes() == b"abc\r\n12\r\n"
    system = _system(seed)
    assert len(system) == 29
    assert {"3125550002", "3125550003", "3125550004", "4155500024"} <= set(system)
    log = _log(seed)
    assert len(log) == 29
    assert {row["campaign_id"] for row in log} == {"-SYSINT-"}


def test_import_into_campaign_is_idempotent(leadgate: Invoke, seed: Seeder, tmp_path: Path) -> None:
    seed.campaign("TESTCAMP")
    file = tmp_path / "dnc.txt"
    file.write_text("3125550001\n3125550002\n")
    assert "2 added" in leadgate("dnc", "import", str(file), "--campaign", "TESTCAMP").stdout
    again = leadgate("dnc", "import", str(file), "--campaign", "TESTCAMP")
    assert "0 added, 2 skipped" in again.stdout
    assert _campaign(seed) == [("3125550001", "TESTCAMP"), ("3125550002", "TESTCAMP")]
    assert _system(seed) == []


def test_import_refusals(leadgate: Invoke, seed: Seeder, tmp_path: Path) -> None:
    file = tmp_path / "dnc.txt"
    file.write_text("3125550001\n")
    unknown = leadgate("dnc", "import", str(file), "--campaign", "NOPE")
    assert unknown.exit_code == 1
    assert "campaign NOPE does not exist" in unknown.stderr
    missing = leadgate("dnc", "import", str(tmp_path / "absent.txt"))
    assert missing.exit_code == 1
    assert "cannot read" in missing.stderr
    assert _system(seed) == [] and _campaign(seed) == []


def test_missing_schema_is_a_clear_error(tmp_path: Path, db: Database) -> None:
    from typer.testing import CliRunner

    from leadgate.cli.main import app

    result = CliRunner().invoke(app, ["dnc", "add", "3125551234", "--db",
                                      f"sqlite:///{tmp_path / 'empty.db'}"])  # fmt: skip
    assert result.exit_code == 1
    assert "run `leadgate init` first" in result.stderr
    assert "Traceback" not in result.output


def test_import_without_rejects_exits_zero_and_leaves_no_reject_file(
    leadgate: Invoke, seed: Seeder, tmp_path: Path
) -> None:
    file = tmp_path / "dnc.txt"
    stale = tmp_path / "dnc.txt.rejects"
    stale.write_text("from an earlier run\n")
    file.write_text("3125550001\n3125550002\n")
    result = leadgate("dnc", "import", str(file))
    assert result.exit_code == 0, result.output
    assert "0 invalid" in result.stdout
    assert not stale.exists()


def test_import_reject_file_option(leadgate: Invoke, seed: Seeder, tmp_path: Path) -> None:
    file = tmp_path / "dnc.txt"
    file.write_text("3125550001\nnot a phone 1\n")
    rejects = tmp_path / "bad.txt"
    result = leadgate("dnc", "import", str(file), "--rejects", str(rejects))
    assert result.exit_code == 2
    assert rejects.read_text() == "not a phone 1\n"
    assert _system(seed) == ["3125550001"]


def test_cli_changes_write_the_admin_log_like_the_api(leadgate: Invoke, seed: Seeder) -> None:
    assert leadgate("dnc", "add", "3125551234", "--by", "ops").exit_code == 0
    assert leadgate("dnc", "remove", "3125551234", "--by", "ops").exit_code == 0
    rows = seed.table_rows("vicidial_admin_log", "user", "event_type", "record_id", "event_code",
                           order_by="admin_log_id")  # fmt: skip
    assert rows == [
        {"user": "ops", "event_type": "ADD", "record_id": "3125551234",
         "event_code": "ADMIN API ADD DNC NUMBER"},
        {"user": "ops", "event_type": "DELETE", "record_id": "3125551234",
         "event_code": "ADMIN API DELETE DNC NUMBER"},
    ]  # fmt: skip

"""`leadgate list add|update|show`."""

from __future__ import annotations

from datetime import date

import pytest

from tests.cli.conftest import Invoke
from tests.factories import Seeder

COLUMNS = ("list_id", "list_name", "campaign_id", "active", "list_description",
           "local_call_time", "expiration_date")  # fmt: skip


def test_add_with_every_option(leadgate: Invoke, seed: Seeder) -> None:
    seed.campaign("TESTCAMP")
    result = leadgate("list", "add", "1001", "--campaign", "TESTCAMP", "--name", "Web leads",
                      "--description", "from the site", "--inactive", "--call-time", "24hours",
                      "--expires", "2030-06-30")  # fmt: skip
    assert result.exit_code == 0, result.output
    [row] = seed.table_rows("vicidial_lists", *COLUMNS)
    assert row == {
        "list_id": 1001, "list_name": "Web leads", "campaign_id": "TESTCAMP", "active": "N",
        "list_description": "from the site", "local_call_time": "24hours",
        "expiration_date": date(2030, 6, 30),
    }  # fmt: skip
    changed = seed.table_rows("vicidial_lists", "list_changedate")[0]["list_changedate"]
    assert changed is not None


def test_add_defaults(leadgate: Invoke, seed: Seeder) -> None:
    seed.campaign("TESTCAMP")
    assert leadgate("list", "add", "101", "--campaign", "TESTCAMP").exit_code == 0
    [row] = seed.table_rows("vicidial_lists", *COLUMNS)
    assert (row["list_name"], row["active"], row["local_call_time"]) == (
        "List 101",
        "Y",
        "campaign",
    )
    assert row["expiration_date"] == date(2099, 12, 31)


@pytest.mark.parametrize(
    ("list_id", "options", "message"),
    [
        ("abc", ("--campaign", "TESTCAMP"), "invalid list id 'abc': 2-19 digits"),
        ("7", ("--campaign", "TESTCAMP"), "invalid list id '7'"),
        ("99999999999999999999", ("--campaign", "TESTCAMP"), "invalid list id"),
        ("101", (), "a list needs a campaign (--campaign)"),
        ("101", ("--campaign", "NOPE"), "campaign NOPE does not exist"),
        ("101", ("--campaign", "testcamp"), "did you mean TESTCAMP?"),
        ("101", ("--campaign", "TESTCAMP", "--name", "n" * 31), "list name must be 1-30"),
        ("101", ("--campaign", "TESTCAMP", "--expires", "31/12/2030"), "invalid expiration date"),
    ],
)
def test_add_refuses_bad_values(
    leadgate: Invoke, seed: Seeder, list_id: str, options: tuple[str, ...], message: str
) -> None:
    seed.campaign("TESTCAMP")
    result = leadgate("list", "add", list_id, *options)
    assert result.exit_code == 1
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert seed.table_rows("vicidial_lists", "list_id") == []


def test_duplicate_list_refused(leadgate: Invoke, seed: Seeder) -> None:
    seed.campaign("TESTCAMP")
    seed.list(101, "TESTCAMP", list_name="Original")
    result = leadgate("list", "add", "101", "--campaign", "TESTCAMP", "--name", "Copy")
    assert result.exit_code == 1
    assert "list 101 already exists" in result.stderr
    assert seed.table_rows("vicidial_lists", "list_name") == [{"list_name": "Original"}]


def test_update_moves_list_and_keeps_other_fields(leadgate: Invoke, seed: Seeder) -> None:
    seed.campaign("TESTCAMP")
    seed.campaign("OTHER")
    seed.list(101, "TESTCAMP", list_name="Keep me")
    result = leadgate("list", "update", "101", "--campaign", "OTHER", "--inactive")
    assert result.exit_code == 0, result.output
    [row] = seed.table_rows("vicidial_lists", *COLUMNS)
    assert (row["campaign_id"], row["active"], row["list_name"]) == ("OTHER", "N", "Keep me")


def test_update_refusals_change_nothing(leadgate: Invoke, seed: Seeder) -> None:
    seed.campaign("TESTCAMP")
    seed.list(101, "TESTCAMP")
    cases = [
        (("102", "--name", "x"), "list 102 does not exist"),
        (("101", "--campaign", "NOPE"), "campaign NOPE does not exist"),
        (("101",), "nothing to change"),
    ]
    for args, message in cases:
        result = leadgate("list", "update", *args)
        assert result.exit_code == 1
        assert message in result.stderr
    assert seed.table_rows("vicidial_lists", "campaign_id", "list_name") == [
        {"campaign_id": "TESTCAMP", "list_name": "list 101"}
    ]


def test_show(leadgate: Invoke, seed: Seeder) -> None:
    seed.campaign("TESTCAMP")
    seed.list(101, "TESTCAMP", list_name="Web leads", expiration_date=date(2031, 1, 2))
    result = leadgate("list", "show", "101")
    assert result.exit_code == 0, result.output
    assert "Web leads" in result.stdout and "TESTCAMP" in result.stdout
    assert "2031-01-02" in result.stdout
    missing = leadgate("list", "show", "102")
    assert missing.exit_code == 1
    assert "list 102 does not exist" in missing.stderr


def test_list_and_delete(leadgate: Invoke, seed: Seeder) -> None:
    seed.campaign("TESTCAMP")
    seed.campaign("OTHER")
    seed.list(101, "TESTCAMP", list_name="First")
    seed.list(102, "OTHER", list_name="Second")
    listed = leadgate("list", "list")
    assert listed.exit_code == 0
    assert "First" in listed.stdout and "Second" in listed.stdout and "lists (2)" in listed.stdout
    only = leadgate("list", "list", "--campaign", "OTHER")
    assert "Second" in only.stdout and "First" not in only.stdout

    seed.lead(list_id=101)
    refused = leadgate("list", "delete", "101")
    assert refused.exit_code == 1
    assert "list 101 still has 1 leads: use --with-leads" in refused.stderr
    assert len(seed.table_rows("vicidial_lists", "list_id")) == 2
    deleted = leadgate("list", "delete", "101", "--with-leads")
    assert deleted.exit_code == 0, deleted.output
    assert "and 1 leads" in deleted.stdout
    assert seed.table_rows("vicidial_lists", "list_id") == [{"list_id": 102}]
    assert seed.table_rows("vicidial_list", "lead_id") == []
    missing = leadgate("list", "delete", "101")
    assert missing.exit_code == 1 and "list 101 does not exist" in missing.stderr
    log = seed.table_rows("vicidial_admin_log", "event_section", "event_type", "record_id")
    assert log == [{"event_section": "LISTS", "event_type": "DELETE", "record_id": "101"}]

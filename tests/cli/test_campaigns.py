"""`leadgate campaign add|update|show`."""

from __future__ import annotations

import pytest

from tests.cli.conftest import Invoke
from tests.factories import Seeder

COLUMNS = ("campaign_id", "campaign_name", "active", "local_call_time", "manual_dial_list_id",
           "use_internal_dnc", "use_campaign_dnc", "use_other_campaign_dnc", "dial_statuses")  # fmt: skip


def test_add_with_every_option(leadgate: Invoke, seed: Seeder) -> None:
    seed.campaign("OTHER")
    result = leadgate("campaign", "add", "SALES_1", "--name", "Sales", "--inactive",
                      "--call-time", "24hours", "--manual-dial-list", "997",
                      "--internal-dnc", "areacode", "--campaign-dnc", "Y",
                      "--other-campaign-dnc", "OTHER", "--dial-statuses", "NEW, CALLBK")  # fmt: skip
    assert result.exit_code == 0, result.output
    rows = seed.table_rows("vicidial_campaigns", *COLUMNS)
    assert rows[1] == {
        "campaign_id": "SALES_1", "campaign_name": "Sales", "active": "N",
        "local_call_time": "24hours", "manual_dial_list_id": 997, "use_internal_dnc": "AREACODE",
        "use_campaign_dnc": "Y", "use_other_campaign_dnc": "OTHER",
        "dial_statuses": " NEW CALLBK -",
    }  # fmt: skip


def test_add_defaults(leadgate: Invoke, seed: Seeder) -> None:
    assert leadgate("campaign", "add", "AB").exit_code == 0
    [row] = seed.table_rows("vicidial_campaigns", *COLUMNS)
    assert (row["campaign_name"], row["active"], row["use_internal_dnc"]) == ("AB", "Y", "N")
    assert row["dial_statuses"] == " NEW -"


@pytest.mark.parametrize(
    ("campaign_id", "options", "message"),
    [
        ("A", (), "invalid campaign id 'A': 2-8 characters"),
        ("TOOLONGID", (), "invalid campaign id 'TOOLONGID'"),
        ("BAD!", (), "invalid campaign id 'BAD!'"),
        ("GOOD", ("--internal-dnc", "maybe"), "invalid DNC setting 'maybe'"),
        ("GOOD", ("--name", "x" * 41), "campaign name must be 1-40 characters"),
        ("GOOD", ("--manual-dial-list", "12a"), "invalid list id '12a'"),
        ("GOOD", ("--dial-statuses", "NEW TOOLONGX"), "invalid status 'TOOLONGX'"),
        ("GOOD", ("--call-time", "9am to 9pm"), "invalid call time id '9am to 9pm'"),
        ("GOOD", ("--other-campaign-dnc", "NOPE"), "campaign NOPE does not exist"),
    ],
)
def test_add_refuses_bad_values(
    leadgate: Invoke, seed: Seeder, campaign_id: str, options: tuple[str, ...], message: str
) -> None:
    result = leadgate("campaign", "add", campaign_id, *options)
    assert result.exit_code == 1
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert seed.table_rows("vicidial_campaigns", "campaign_id") == []


def test_duplicate_refused_whatever_the_case(leadgate: Invoke, seed: Seeder) -> None:
    seed.campaign("TESTCAMP", campaign_name="Original")
    for campaign_id in ("TESTCAMP", "testcamp"):
        result = leadgate("campaign", "add", campaign_id, "--name", "Copy")
        assert result.exit_code == 1
        assert "campaign TESTCAMP already exists" in result.stderr
    assert seed.table_rows("vicidial_campaigns", "campaign_name") == [{"campaign_name": "Original"}]


def test_update_changes_only_given_fields(leadgate: Invoke, seed: Seeder) -> None:
    seed.campaign("TESTCAMP", use_campaign_dnc="N", dial_statuses=" NEW -")
    result = leadgate("campaign", "update", "TESTCAMP", "--campaign-dnc", "Y", "--inactive")
    assert result.exit_code == 0, result.output
    [row] = seed.table_rows("vicidial_campaigns", *COLUMNS)
    assert (row["use_campaign_dnc"], row["active"], row["dial_statuses"]) == ("Y", "N", " NEW -")
    assert row["campaign_name"] == "TESTCAMP"


def test_update_clears_other_campaign_dnc(leadgate: Invoke, seed: Seeder) -> None:
    seed.campaign("TESTCAMP", use_other_campaign_dnc="OTHER")
    assert leadgate("campaign", "update", "TESTCAMP", "--other-campaign-dnc", "").exit_code == 0
    assert seed.table_rows("vicidial_campaigns", "use_other_campaign_dnc") == [
        {"use_other_campaign_dnc": ""}
    ]


def test_update_unknown_or_empty(leadgate: Invoke, seed: Seeder) -> None:
    seed.campaign("TESTCAMP")
    unknown = leadgate("campaign", "update", "testcamp", "--name", "x")
    assert unknown.exit_code == 1
    assert "campaign testcamp does not exist (did you mean TESTCAMP?)" in unknown.stderr
    empty = leadgate("campaign", "update", "TESTCAMP")
    assert empty.exit_code == 1
    assert "nothing to change" in empty.stderr
    assert seed.table_rows("vicidial_campaigns", "campaign_name") == [{"campaign_name": "TESTCAMP"}]


def test_show_lists_attached_lists(leadgate: Invoke, seed: Seeder) -> None:
    seed.campaign("TESTCAMP", campaign_name="Test campaign")
    seed.campaign("OTHER")
    seed.list(101, "TESTCAMP", list_name="First list")
    seed.list(102, "TESTCAMP", list_name="Second list", active="N")
    seed.list(201, "OTHER", list_name="Elsewhere")
    result = leadgate("campaign", "show", "TESTCAMP")
    assert result.exit_code == 0, result.output
    assert "Test campaign" in result.stdout
    assert "lists of TESTCAMP (2)" in result.stdout
    assert "First list" in result.stdout and "Second list" in result.stdout
    assert "Elsewhere" not in result.stdout


def test_show_unknown(leadgate: Invoke) -> None:
    result = leadgate("campaign", "show", "NOPE")
    assert result.exit_code == 1
    assert "campaign NOPE does not exist" in result.stderr


def test_list_and_delete(leadgate: Invoke, seed: Seeder) -> None:
    assert leadgate("campaign", "add", "AB", "--name", "Alpha").exit_code == 0
    assert leadgate("campaign", "add", "CD", "--name", "Charlie").exit_code == 0
    listed = leadgate("campaign", "list")
    assert listed.exit_code == 0
    assert "Alpha" in listed.stdout and "Charlie" in listed.stdout
    assert "campaigns (2)" in listed.stdout
    seed.list(101, "AB")
    refused = leadgate("campaign", "delete", "AB")
    assert refused.exit_code == 1
    assert "campaign AB still has 1 lists: move or delete them first" in refused.stderr
    deleted = leadgate("campaign", "delete", "CD")
    assert deleted.exit_code == 0, deleted.output
    assert seed.table_rows("vicidial_campaigns", "campaign_id") == [{"campaign_id": "AB"}]
    missing = leadgate("campaign", "delete", "CD")
    assert missing.exit_code == 1 and "campaign CD does not exist" in missing.stderr
    log = seed.table_rows("vicidial_admin_log", "event_section", "event_type", "record_id")
    assert [(r["event_type"], r["record_id"]) for r in log] == [
        ("ADD", "AB"), ("ADD", "CD"), ("DELETE", "CD")
    ]  # fmt: skip

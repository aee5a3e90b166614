"""`leadgate campaign add|update|status|show|list|delete`: update_campaign's and
campaign_status's operations."""

from __future__ import annotations

import pytest
from rich.console import Console
from sqlalchemy import insert

from leadgate.cli import campaigns
from leadgate.storage.database import Database
from leadgate.storage.tables import vicidial_hopper, vicidial_lead_filters
from tests.cli.conftest import Invoke
from tests.cli.test_lists import _call_time
from tests.factories import Seeder

COLUMNS = ("campaign_id", "campaign_name", "active", "local_call_time", "manual_dial_list_id",
           "use_internal_dnc", "use_campaign_dnc", "use_other_campaign_dnc", "dial_statuses")  # fmt: skip


def test_add_with_every_option(leadgate: Invoke, seed: Seeder) -> None:
    seed.campaign("OTHER")
    _call_time(seed)
    result = leadgate("campaign", "add", "SALES_1", "--name", "Sales team", "--inactive",
                      "--call-time", "24hours", "--manual-dial-list", "997",
                      "--internal-dnc", "areacode", "--campaign-dnc", "Y",
                      "--other-campaign-dnc", "OTHER", "--dial-statuses", "NEW, CALLBK")  # fmt: skip
    assert result.exit_code == 0, result.output
    rows = seed.table_rows("vicidial_campaigns", *COLUMNS)
    assert rows[1] == {
        "campaign_id": "SALES_1", "campaign_name": "Sales team", "active": "N",
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
        ("GOOD", ("--name", "x" * 41), "campaign name must be 6-40 characters"),
        ("GOOD", ("--name", "Short"), "campaign name must be 6-40 characters"),
        ("GOOD", ("--dial-method", "GUESS"), "invalid dial method 'GUESS'"),
        ("GOOD", ("--hopper-level", "0"), "hopper level must be from 1 to 5000"),
        ("GOOD", ("--list-order", "RANDOM"), "random orders are not allowed"),
        ("GOOD", ("--manual-dial-list", "12a"), "invalid list id '12a'"),
        ("GOOD", ("--dial-statuses", "NEW TOOLONGX"), "invalid status 'TOOLONGX'"),
        ("GOOD", ("--call-time", "9am to 9pm"), "call time 9am to 9pm does not exist"),
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


def test_update_unknown_or_empty(leadgate: Invoke, seed: Seeder, db: Database) -> None:
    seed.campaign("TESTCAMP")
    unknown = leadgate("campaign", "update", "NOPE", "--name", "New name")
    assert unknown.exit_code == 1
    assert "campaign NOPE does not exist" in unknown.stderr
    other_case = leadgate("campaign", "update", "testcamp", "--name", "New name")
    if db.engine.dialect.name == "mysql":  # as update_campaign: MariaDB ignores the case
        assert other_case.exit_code == 0, other_case.output
    else:
        assert other_case.exit_code == 1
        assert "campaign testcamp does not exist (did you mean TESTCAMP?)" in other_case.stderr
    empty = leadgate("campaign", "update", "TESTCAMP")
    assert empty.exit_code == 1
    assert "nothing to change" in empty.stderr


def test_update_api_options(leadgate: Invoke, seed: Seeder) -> None:
    seed.campaign("TESTCAMP", dial_statuses=" NEW -")
    with seed.db.transaction() as conn:
        conn.execute(insert(vicidial_lead_filters).values(lead_filter_id="FRESH",
                                                          lead_filter_name="fresh"))  # fmt: skip
    result = leadgate("campaign", "update", "TESTCAMP", "--dial-method", "RATIO",
                      "--hopper-level", "200", "--dial-timeout", "30", "--outbound-cid",
                      "3125551234", "--list-order", "DOWN COUNT", "--list-order-randomize",
                      "--list-order-secondary", "CALLTIME_ASCEND", "--add-dial-status", "CALLBK",
                      "--lead-filter", "FRESH", "--routing-extension", "8368",
                      "--adaptive-maximum-level", "3.0", "--xferconf-one", "5551000",
                      "--dispo-call-url", "https://crm.example/dispo", "--web-form-two",
                      "https://crm.example/form", "--description", "Evening shift")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "updated campaign TESTCAMP" in result.stdout
    [row] = seed.table_rows("vicidial_campaigns", "dial_method", "hopper_level", "dial_timeout",
                            "campaign_cid", "lead_order", "lead_order_randomize",
                            "lead_order_secondary", "dial_statuses", "lead_filter_id",
                            "campaign_vdad_exten", "adaptive_maximum_level", "xferconf_a_number",
                            "dispo_call_url", "web_form_address_two",
                            "campaign_description")  # fmt: skip
    assert row == {
        "dial_method": "RATIO", "hopper_level": 200, "dial_timeout": 30,
        "campaign_cid": "3125551234", "lead_order": "DOWN COUNT", "lead_order_randomize": "Y",
        "lead_order_secondary": "CALLTIME_ASCEND", "dial_statuses": " CALLBK NEW -",
        "lead_filter_id": "FRESH", "campaign_vdad_exten": "8368",
        "adaptive_maximum_level": "3.0", "xferconf_a_number": "5551000",
        "dispo_call_url": "https://crm.example/dispo",
        "web_form_address_two": "https://crm.example/form",
        "campaign_description": "Evening shift",
    }  # fmt: skip
    [log] = seed.table_rows("vicidial_admin_log", "user", "event_type", "event_code")
    assert log == {"user": "CLI", "event_type": "MODIFY", "event_code": "ADMIN API UPDATE CAMPAIGN"}
    cleared = leadgate("campaign", "update", "TESTCAMP", "--lead-filter", "", "--dispo-call-url",
                       "", "--description", "", "--remove-dial-status", "NEW",
                       "--dial-statuses", "NEW A B")  # fmt: skip
    assert cleared.exit_code == 0, cleared.output
    assert seed.table_rows("vicidial_campaigns", "lead_filter_id", "dispo_call_url",
                           "campaign_description", "dial_statuses") == [
        {"lead_filter_id": "", "dispo_call_url": "", "campaign_description": "",
         "dial_statuses": " A B -"}
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (("--dial-level", "99"), "dial level must be from 0 to"),
        (("--dial-timeout", "121"), "dial timeout must be from 1 to 120 seconds"),
        (("--lead-filter", "NOPE"), "lead filter NOPE does not exist"),
        (("--remove-dial-status", "SALE"), "cannot remove SALE: not one of the campaign's"),
        (("--add-dial-status", "TOOLONGX"), "invalid status 'TOOLONGX'"),
        (("--list-order-secondary", "SIDEWAYS"), "invalid secondary list order 'SIDEWAYS'"),
        (("--web-form", "x"), "web form 1 URL must be 3-65000 characters"),
        (("--outbound-cid", "12"), "outbound caller id must be 6-20 characters"),
        (("--internal-dnc", "maybe"), "invalid DNC setting 'maybe'"),
    ],
)
def test_update_refuses_bad_values(
    leadgate: Invoke, seed: Seeder, options: tuple[str, ...], message: str
) -> None:
    seed.campaign("TESTCAMP", dial_statuses=" NEW -")
    before = seed.table_rows("vicidial_campaigns", *COLUMNS)
    result = leadgate("campaign", "update", "TESTCAMP", "--name", "Renamed", *options)
    assert result.exit_code == 1
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert seed.table_rows("vicidial_campaigns", *COLUMNS) == before
    assert seed.table_rows("vicidial_admin_log", "event_code") == []


def test_update_reset_hopper(leadgate: Invoke, seed: Seeder) -> None:
    seed.campaign("TESTCAMP")
    seed.campaign("OTHER")
    seed.list(101)
    lead = seed.lead()
    with seed.db.transaction() as conn:
        conn.execute(insert(vicidial_hopper), [
            {"lead_id": lead, "campaign_id": "TESTCAMP", "status": "READY", "list_id": 101},
            {"lead_id": lead, "campaign_id": "OTHER", "status": "READY", "list_id": 101},
        ])  # fmt: skip
    result = leadgate("campaign", "update", "TESTCAMP", "--reset-hopper")
    assert result.exit_code == 0, result.output
    assert "emptied the hopper of TESTCAMP: 1 leads removed" in result.stdout
    assert "updated" not in result.stdout
    assert seed.table_rows("vicidial_hopper", "campaign_id") == [{"campaign_id": "OTHER"}]
    [log] = seed.table_rows("vicidial_admin_log", "user", "event_code")
    assert log == {"user": "CLI", "event_code": "ADMIN API RESET HOPPER"}


def test_status(leadgate: Invoke, seed: Seeder) -> None:
    seed.campaign("TESTCAMP")
    shown = leadgate("campaign", "status", "TESTCAMP")
    assert shown.exit_code == 0, shown.output
    assert "campaign TESTCAMP is active" in shown.stdout
    paused = leadgate("campaign", "status", "TESTCAMP", "pause")
    assert paused.exit_code == 0, paused.output
    assert "campaign TESTCAMP: active -> inactive" in paused.stdout
    assert seed.table_rows("vicidial_campaigns", "active") == [{"active": "N"}]
    started = leadgate("campaign", "status", "TESTCAMP", "start")
    assert "inactive -> active" in started.stdout
    assert seed.table_rows("vicidial_campaigns", "active") == [{"active": "Y"}]
    bad = leadgate("campaign", "status", "TESTCAMP", "sleep")
    assert bad.exit_code == 1 and "invalid status 'sleep': start, stop or pause" in bad.stderr
    missing = leadgate("campaign", "status", "NOPE", "stop")
    assert missing.exit_code == 1 and "campaign NOPE does not exist" in missing.stderr
    log = seed.table_rows("vicidial_admin_log", "user", "event_code")
    assert log == [{"user": "CLI", "event_code": "ADMIN API CAMPAIGN STATUS"}] * 2


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
    assert leadgate("campaign", "add", "AB", "--name", "Alpha team").exit_code == 0
    assert leadgate("campaign", "add", "CD", "--name", "Charlie team").exit_code == 0
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


# -- the hopper ---------------------------------------------------------------------------------


def _hopper_setup(seed: Seeder) -> list[int]:
    seed.campaign("TESTCAMP")
    seed.campaign("OTHER")
    seed.list(101, "TESTCAMP")
    seed.list(201, "OTHER")
    return [seed.lead(phone_number="3125550001", vendor_lead_code="VLC1"),
            seed.lead(phone_number="3125550002"), seed.lead(list_id=201)]  # fmt: skip


def test_hopper_insert_then_show(
    leadgate: Invoke, seed: Seeder, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(campaigns, "console", Console(width=250))
    first, second, _ = _hopper_setup(seed)
    result = leadgate("campaign", "hopper-insert", "TESTCAMP", str(second), str(first),
                      "--priority", "-7")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "queued 2 of 2 leads in the hopper of TESTCAMP" in result.stdout
    rows = seed.table_rows("vicidial_hopper", "lead_id", "campaign_id", "priority", "source",
                           "status", "vendor_lead_code")  # fmt: skip
    assert rows == [
        {"lead_id": second, "campaign_id": "TESTCAMP", "priority": -7, "source": "P",
         "status": "READY", "vendor_lead_code": ""},
        {"lead_id": first, "campaign_id": "TESTCAMP", "priority": -7, "source": "P",
         "status": "READY", "vendor_lead_code": "VLC1"},
    ]  # fmt: skip
    shown = leadgate("campaign", "hopper", "TESTCAMP")
    assert shown.exit_code == 0, shown.output
    assert "hopper of TESTCAMP (2 ready)" in shown.stdout
    assert "3125550002" in shown.stdout and "3125550001" in shown.stdout
    header = next(line for line in shown.stdout.splitlines() if "lead_id" in line)
    assert header.split() == list(campaigns.HOPPER_COLUMNS)
    # Dial order: the API's hopper_list order (priority, then queue order).
    assert shown.stdout.index("3125550002") < shown.stdout.index("3125550001")
    empty = leadgate("campaign", "hopper", "OTHER")
    assert empty.exit_code == 0 and "hopper of OTHER (0 ready)" in empty.stdout


def test_hopper_insert_reports_each_lead_not_queued(leadgate: Invoke, seed: Seeder) -> None:
    first, _, elsewhere = _hopper_setup(seed)
    assert leadgate("campaign", "hopper-insert", "TESTCAMP", str(first)).exit_code == 0
    result = leadgate("campaign", "hopper-insert", "TESTCAMP", str(first), str(elsewhere),
                      "999999")  # fmt: skip
    assert result.exit_code == 2, result.output
    assert "already in a hopper" in result.stdout
    assert result.stdout.count("not a lead of this campaign's lists") == 2
    assert "queued 0 of 3 leads" in result.stdout
    assert len(seed.table_rows("vicidial_hopper", "hopper_id")) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("NOPE", "1"), "campaign NOPE does not exist"),
        (("TESTCAMP", "1", "12a"), "lead ids must be digits: '12a'\n"),
        (("TESTCAMP", "1", "--priority", "100"), "Invalid value for '--priority'"),
    ],
)
def test_hopper_insert_refuses_bad_input(
    leadgate: Invoke, seed: Seeder, args: tuple[str, ...], message: str
) -> None:
    _hopper_setup(seed)
    result = leadgate("campaign", "hopper-insert", *args)
    assert result.exit_code in (1, 2)
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert seed.table_rows("vicidial_hopper", "hopper_id") == []


def test_hopper_of_unknown_campaign(leadgate: Invoke) -> None:
    result = leadgate("campaign", "hopper", "NOPE")
    assert result.exit_code == 1
    assert "campaign NOPE does not exist" in result.stderr

"""`leadgate list add|update|show|list|delete`: add_list's and update_list's operation."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import insert

from leadgate.storage.database import Database
from leadgate.storage.tables import vicidial_call_times, vicidial_hopper
from tests.cli.conftest import Invoke
from tests.factories import Seeder

COLUMNS = ("list_id", "list_name", "campaign_id", "active", "list_description",
           "local_call_time", "expiration_date")  # fmt: skip


def _call_time(seed: Seeder, call_time_id: str = "24hours") -> None:
    with seed.db.transaction() as conn:
        conn.execute(insert(vicidial_call_times).values(
            call_time_id=call_time_id, call_time_name="all day", ct_default_start=0,
            ct_default_stop=2400))  # fmt: skip


def test_add_with_every_option(leadgate: Invoke, seed: Seeder) -> None:
    seed.campaign("TESTCAMP")
    _call_time(seed)
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
        ("abc", ("--campaign", "TESTCAMP"), "invalid list id 'abc': 2-14 digits"),
        ("7", ("--campaign", "TESTCAMP"), "invalid list id '7'"),
        ("999999999999999", ("--campaign", "TESTCAMP"), "invalid list id"),
        ("101", (), "a list needs a campaign (--campaign)"),
        ("101", ("--campaign", "NOPE"), "campaign NOPE does not exist"),
        ("101", ("--campaign", "TESTCAMP", "--name", "n" * 31), "list name must be 2-30"),
        ("101", ("--campaign", "TESTCAMP", "--expires", "31/12/2030"), "invalid expiration date"),
        ("101", ("--campaign", "TESTCAMP", "--call-time", "NOPE"), "call time NOPE does not"),
        ("101", ("--campaign", "TESTCAMP", "--tz-method", "GUESS"), "invalid time zone method"),
        ("101", ("--campaign", "TESTCAMP", "--reset-time", "12"), "invalid reset time '12'"),
        ("101", ("--campaign", "TESTCAMP", "--script", "NOSCRIPT"), "script NOSCRIPT does not"),
        (
            "101",
            ("--campaign", "TESTCAMP", "--xferconf-two", "9" * 51),
            "transfer conf number 2 must be 50 characters at most",
        ),
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


def test_add_campaign_in_another_case(leadgate: Invoke, seed: Seeder, db: Database) -> None:
    """As add_list: MariaDB compares campaign ids ignoring case, the other engines do not."""
    seed.campaign("TESTCAMP")
    result = leadgate("list", "add", "101", "--campaign", "testcamp")
    if db.engine.dialect.name == "mysql":
        assert result.exit_code == 0, result.output
        assert len(seed.table_rows("vicidial_lists", "list_id")) == 1
    else:
        assert result.exit_code == 1
        assert "campaign testcamp does not exist (did you mean TESTCAMP?)" in result.stderr
        assert seed.table_rows("vicidial_lists", "list_id") == []


def test_add_api_options(leadgate: Invoke, seed: Seeder) -> None:
    seed.campaign("TESTCAMP")
    result = leadgate("list", "add", "102", "--campaign", "TESTCAMP", "--outbound-cid",
                      "3125551234", "--reset-time", "0800-1300", "--tz-method", "POSTAL_CODE",
                      "--xferconf-one", "5551000", "--web-form", "https://crm.example/?id=1",
                      "--am-message", "8320")  # fmt: skip
    assert result.exit_code == 0, result.output
    [row] = seed.table_rows("vicidial_lists", "campaign_cid_override", "reset_time",
                            "time_zone_setting", "xferconf_a_number", "web_form_address",
                            "am_message_exten_override", "active")  # fmt: skip
    assert row == {
        "campaign_cid_override": "3125551234", "reset_time": "0800-1300",
        "time_zone_setting": "POSTAL_CODE", "xferconf_a_number": "5551000",
        "web_form_address": "https://crm.example/?id=1", "am_message_exten_override": "8320",
        "active": "Y",
    }  # fmt: skip
    [log] = seed.table_rows("vicidial_admin_log", "user", "event_type", "event_code")
    assert log == {"user": "CLI", "event_type": "ADD", "event_code": "ADMIN API ADD LIST"}


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
        (("102", "--copy-custom-fields-from", "101"), "list 102 does not exist"),
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


def test_update_api_options_and_clearing(leadgate: Invoke, seed: Seeder) -> None:
    seed.campaign("TESTCAMP")
    seed.list(101, "TESTCAMP", list_description="old", xferconf_b_number="5552000")
    result = leadgate("list", "update", "101", "--name", "Renamed list", "--outbound-cid",
                      "3125551234", "--reset-time", "0900", "--xferconf-two", "",
                      "--description", "", "--web-form-three", "https://crm.example/x",
                      "--expires", "2031-02-03")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "updated list 101" in result.stdout
    [row] = seed.table_rows("vicidial_lists", "list_name", "campaign_cid_override",
                            "xferconf_b_number", "list_description", "web_form_address_three",
                            "expiration_date")  # fmt: skip
    assert row == {
        "list_name": "Renamed list", "campaign_cid_override": "3125551234",
        "xferconf_b_number": "", "list_description": "",
        "web_form_address_three": "https://crm.example/x", "expiration_date": date(2031, 2, 3),
    }  # fmt: skip
    [log] = seed.table_rows("vicidial_admin_log", "user", "event_type", "event_code")
    assert log == {"user": "CLI", "event_type": "MODIFY", "event_code": "ADMIN API UPDATE LIST"}


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (("--name", "Short"), "list name must be 6-30 characters"),
        (("--outbound-cid", "123"), "invalid outbound caller id '123': 6-18 digits"),
        (("--call-time", "NOPE"), "call time NOPE does not exist"),
        (("--reset-time", "12"), "invalid reset time '12'"),
        (("--drop-inbound-group", "NOGROUP"), "in-group NOGROUP does not exist"),
        (("--am-message", "8" * 101), "answering machine message must be 100 characters"),
        (("--copy-custom-fields-from", "999"), "list 999 to copy custom fields from does not"),
    ],
)
def test_update_refuses_bad_values(
    leadgate: Invoke, seed: Seeder, options: tuple[str, ...], message: str
) -> None:
    seed.campaign("TESTCAMP")
    seed.list(101, "TESTCAMP")
    before = seed.table_rows("vicidial_lists", *COLUMNS, "campaign_cid_override", "reset_time")
    result = leadgate("list", "update", "101", *options)
    assert result.exit_code == 1
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert (
        seed.table_rows("vicidial_lists", *COLUMNS, "campaign_cid_override", "reset_time") == before
    )
    assert seed.table_rows("vicidial_admin_log", "event_code") == []


def test_update_move_drops_hopper_entries_of_old_campaign(leadgate: Invoke, seed: Seeder) -> None:
    seed.campaign("TESTCAMP")
    seed.campaign("OTHER")
    seed.list(101, "TESTCAMP")
    lead = seed.lead(list_id=101)
    with seed.db.transaction() as conn:
        conn.execute(insert(vicidial_hopper).values(lead_id=lead, campaign_id="TESTCAMP",
                                                    status="READY", list_id=101))  # fmt: skip
    assert leadgate("list", "update", "101", "--campaign", "OTHER").exit_code == 0
    assert seed.table_rows("vicidial_hopper", "lead_id") == []


def test_update_reset(leadgate: Invoke, seed: Seeder) -> None:
    seed.campaign("TESTCAMP")
    seed.list(101, "TESTCAMP", daily_reset_limit=1, resets_today=0)
    seed.lead(list_id=101, called_since_last_reset="Y")
    seed.lead(list_id=101, called_since_last_reset="Y", phone_number="3125550001")
    result = leadgate("list", "update", "101", "--reset")
    assert result.exit_code == 0, result.output
    assert "reset list 101: 2 leads may be called again (resets today: 1)" in result.stdout
    assert {r["called_since_last_reset"] for r in seed.table_rows(
        "vicidial_list", "called_since_last_reset")} == {"N"}  # fmt: skip
    again = leadgate("list", "update", "101", "--reset", "--name", "Reset twice")
    assert again.exit_code == 1
    assert "updated list 101" in again.stdout
    assert "list 101 not reset: daily reset limit reached (1 / 1)" in again.stderr
    assert seed.table_rows("vicidial_lists", "list_name", "resets_today") == [
        {"list_name": "Reset twice", "resets_today": 1}
    ]
    codes = [r["event_code"] for r in seed.table_rows("vicidial_admin_log", "event_code")]
    assert codes == ["ADMIN API RESET LIST", "ADMIN API UPDATE LIST",
                     "ADMIN API RESET LIST FAILED"]  # fmt: skip


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
    log = seed.table_rows("vicidial_admin_log", "user", "event_code", "record_id")
    assert log == [
        {"user": "CLI", "event_code": "ADMIN API DELETE LIST", "record_id": "101"},
        {"user": "CLI", "event_code": "ADMIN API DELETE LEADS", "record_id": "101"},
    ]
    invalid = leadgate("list", "delete", "1")
    assert invalid.exit_code == 1 and "invalid list id '1': 2-14 digits" in invalid.stderr

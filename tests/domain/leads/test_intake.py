"""The pure rules of add_lead: defaults, clamping, callbacks, alt phones, custom values."""

from __future__ import annotations

from datetime import datetime

import pytest

from leadgate.domain.events import CallbackScheduled, HopperChanged, LeadAdded
from leadgate.domain.leads import custom_fields, intake
from leadgate.storage.database import Database
from tests.factories import Seeder

NOW = datetime(2026, 3, 26, 10, 0, 0)


@pytest.mark.parametrize(
    ("sent", "stored"),
    [("", 999), ("12", 999), ("101", 101), ("1234567890123", 1234567890123),
     ("9" * 40, 2**63 - 1)],
)  # fmt: skip
def test_effective_list_id(sent: str, stored: int) -> None:
    assert intake.effective_list_id(sent) == stored


@pytest.mark.parametrize(
    ("sent", "priority"),
    [("", 0), ("5", 5), ("150", 99), ("-150", -99), ("-", -99), ("--5", -99), ("1-2", 1),
     ("9" * 5000, 99), ("-" + "9" * 5000, -99), ("007", 7)],
)  # fmt: skip
def test_hopper_priority(sent: str, priority: int) -> None:
    assert intake.hopper_priority(sent) == priority


def test_gender_as_mysql_stores_it() -> None:
    assert [intake.stored_gender(g) for g in ("", "M", "F", "U", "X", "MF")] == [
        "U", "M", "F", "U", "", ""]  # fmt: skip


@pytest.mark.parametrize(
    ("sent", "resolved"),
    [("NOW", "2026-03-26 10:00:00"), ("3DAYS", "2026-03-29 10:00:00"),
     ("10days", "2026-04-05 10:00:00"), ("1X2DAYS", "2026-04-07 10:00:00"),
     ("DAYS", "DAYS"), ("now", "now"), ("2035-06-07+08:15:00", "2035-06-07+08:15:00"),
     ("", ""), ("tomorrow", "tomorrow"), ("9" * 50 + "DAYS", "")],
)  # fmt: skip
def test_callback_time(sent: str, resolved: str) -> None:
    assert intake.resolve_callback_time(sent, NOW) == resolved


def test_alt_phone_records() -> None:
    assert intake.parse_alt_phones("7275551212_1_work!7275551213__sister house!555") == [
        ("7275551212", "1", "work"), ("7275551213", "", "sister house"), ("555", "", "")]  # fmt: skip
    assert intake.parse_alt_phones("1_2_3_4") == [("1", "2", "3")]


@pytest.mark.parametrize(
    ("raw", "stored"),
    [(None, ""), ("light+blue", "light blue"), ('red";green', "redgreen"), ("--BLANK--", ""),
     ("a\\", "a"), ("a\\\\", "a\\"), ("--BLANK-- ", "--BLANK-- ")],
)  # fmt: skip
def test_custom_field_text(raw: str | None, stored: str) -> None:
    assert custom_fields.custom_field_text(raw) == stored


def test_duplicate_lock_keys_ignore_case_and_trailing_spaces() -> None:
    plan = intake.duplicates.plan("DUPLIST-DUPTITLEALTPHONESYS")
    one = intake.AddLeadRequest(api_user="6666", phone_number="3125550001",
                                fields={"title": "MR ", "alt_phone": "x"})  # fmt: skip
    two = intake.AddLeadRequest(api_user="6666", phone_number="3125550001",
                                fields={"title": "mr", "alt_phone": "X"})  # fmt: skip
    assert intake.duplicate_lock_keys(one, plan) == intake.duplicate_lock_keys(two, plan)
    assert len(intake.duplicate_lock_keys(one, plan)) == 2


def test_add_lead_outcome_and_events(db: Database, seed: Seeder) -> None:
    seed.campaign()
    seed.list(101)
    request = intake.AddLeadRequest(
        api_user="api", phone_number="3125550042", list_id="101",
        options=intake.AddLeadOptions(
            add_to_hopper=True, callback=True, campaign_id="TESTCAMP", callback_datetime="NOW",
            duplicate_check="DUPLIST",
        ),
    )  # fmt: skip
    now = datetime(2026, 3, 10, 12, 0, 0)
    with db.unit_of_work(now) as uow:
        outcome = intake.add_lead(uow, request)
        events = list(uow.events)
    lead_id = outcome.lead_id
    assert lead_id is not None and outcome.refused is None
    assert outcome.hopper is not None and outcome.hopper.campaign_id == "TESTCAMP"
    assert events == [
        LeadAdded(lead_id, 101, "3125550042", "api", origin="add_lead"),
        HopperChanged(lead_id, "TESTCAMP", added=True),
        CallbackScheduled(lead_id, "2026-03-10 12:00:00", user=""),
    ]
    with db.unit_of_work(now) as uow:
        again = intake.add_lead(uow, request)
        assert uow.events == []
    assert again.refused is not None and again.refused.refusal is intake.Refusal.DUPLICATE
    assert again.refused.duplicate is not None and again.refused.duplicate.lead_id == lead_id


def test_backslash_refusal_is_a_typed_cause(db: Database, seed: Seeder) -> None:
    seed.campaign()
    seed.list(101)
    request = intake.AddLeadRequest(
        api_user="api", phone_number="3125550043", list_id="101", fields={"comments": "x\\"}
    )
    with db.unit_of_work(datetime(2026, 3, 10)) as uow:
        outcome = intake.add_lead(uow, request)
    assert outcome.refused == intake.Refused(
        intake.Refusal.NOT_ADDED, cause=intake.NotAddedCause.BACKSLASH_AT_END
    )

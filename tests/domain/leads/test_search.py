"""The lead look-ups: value printing, PHP comparisons, search planning, and the typed outcomes
of the operations on a database."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import pytest

from leadgate.domain.leads import search
from leadgate.domain.leads.search import SearchPlan, as_id, as_text, php_equal, plan_search
from leadgate.storage.database import Database
from tests.factories import Seeder


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        (Decimal("-6.00"), "-6.00"),
        (-6.0, "-6.00"),
        (datetime(2020, 1, 2, 3, 4, 5), "2020-01-02 03:04:05"),
        (date(1980, 2, 3), "1980-02-03"),
        (0, "0"),
        ("x|y", "x|y"),
    ],
)
def test_as_text_prints_like_php_on_mysql(value: object, text: str) -> None:
    assert as_text(value) == text


def test_as_id_rejects_what_no_database_can_compare() -> None:
    assert as_id("1001") == 1001
    assert as_id("") is None
    assert as_id("12a") is None
    assert as_id("9" * 19) is None
    assert as_id("9" * 5000) is None


@pytest.mark.parametrize(
    ("left", "right", "equal"),
    [
        ("3125550001", "3125550001", True),
        ("03125550001", "3125550001", True),  # numeric strings compare as numbers
        ("1e3", "1000", True),
        ("ABC", "abc", False),
        ("ABC1", "ABC1", True),
        ("", "0", False),
    ],
)
def test_php_equal(left: str, right: str, equal: bool) -> None:
    assert php_equal(left, right) is equal


def test_plan_search_defaults_to_phone_and_drops_bad_numbers() -> None:
    plan = plan_search("", "", "", "", "123,3125550001,1234567890123456789,312555")
    assert plan == SearchPlan(method="PHONE_NUMBER", by_phone=True,
                              phones=("3125550001", "312555"))  # fmt: skip


def test_plan_search_needs_six_characters_of_phone() -> None:
    plan = plan_search("PHONE_NUMBER", "", "", "", "12345")
    assert not plan.valid


def test_plan_search_by_codes_and_ids() -> None:
    plan = plan_search("VENDOR_LEAD_CODE", "", "", "A,,B", "3125550001")
    assert plan.by_vendor_code and not plan.by_phone
    assert plan.vendor_codes == ("A", "B")
    by_id = plan_search("LEAD_ID", "5", "7,8", "", "")
    assert by_id.lead_ids == ("7", "8")  # lead_ids wins, lead_id switches the method on
    assert plan_search("LEAD_ID", "", "7,8", "", "").valid is False


# -- the operations on a database -------------------------------------------------------------


def _run(db: Database, operation: Any, request: Any, **options: Any) -> Any:
    with db.unit_of_work(datetime(2026, 3, 10, 12)) as uow:
        return operation(uow, request, **options)


def test_lead_search_outcomes(db: Database, seed: Seeder) -> None:
    seed.campaign()
    seed.list(101)
    seed.list(102)
    older = seed.lead(phone_number="3125550001")
    newer = seed.lead(phone_number="3125550001", list_id=102)
    request = search.LeadSearchRequest(phone_number="3125550001,3125550002")
    outcome = _run(db, search.lead_search, request)
    assert outcome.refusal is None and outcome.found == 2
    assert outcome.lines == (
        search.SearchLine("3125550001", (newer, older)),
        search.SearchLine("3125550002", ()),
    )
    refused = _run(db, search.lead_search, replace(request, list_id="555"), allowed_lists={"101"})
    assert refused.refusal is search.LookupRefusal.LIST_NOT_ALLOWED
    missing = _run(db, search.lead_search, search.LeadSearchRequest(phone_number="3125559999"))
    assert missing.refusal is search.LookupRefusal.NO_MATCHES
    invalid = _run(db, search.lead_search, search.LeadSearchRequest(phone_number="123"))
    assert invalid.refusal is search.LookupRefusal.NO_VALID_SEARCH_METHOD
    assert invalid.plan.method == "PHONE_NUMBER" and not invalid.plan.by_phone


def test_lead_field_info_outcomes(db: Database, seed: Seeder) -> None:
    seed.user_group("ADMIN", allowed_campaigns=" TESTCAMP -")
    seed.campaign()
    seed.list(101)
    seed.list(201, campaign_id="OTHER")
    visible = seed.lead(first_name="Ann")
    hidden = seed.lead(list_id=201)
    ask = search.FieldInfoRequest(user_group="ADMIN", lead_id=str(visible), field_name="first_name")
    assert _run(db, search.lead_field_info, ask) == search.FieldInfoOutcome(value="Ann")
    unknown = replace(ask, field_name="no_such_column")
    assert _run(db, search.lead_field_info, unknown).refusal is search.LookupRefusal.FIELD_NOT_FOUND
    other = _run(db, search.lead_field_info, replace(ask, lead_id=str(hidden)))
    assert other == search.FieldInfoOutcome(search.LookupRefusal.LIST_NOT_FOUND, list_id="201")
    gone = _run(db, search.lead_field_info, replace(ask, lead_id="999999"))
    assert gone.refusal is search.LookupRefusal.LEAD_NOT_FOUND
    bad = _run(db, search.lead_field_info, replace(ask, lead_id=""))
    assert bad.refusal is search.LookupRefusal.INVALID_SEARCH_PARAMETERS


def test_lead_all_info_names_the_list_without_custom_fields(db: Database, seed: Seeder) -> None:
    seed.user_group()
    seed.campaign()
    seed.list(101)
    lead = seed.lead()
    request = search.AllInfoRequest(user_group="ADMIN", lead_id=str(lead), custom_fields=True)
    outcome = _run(db, search.lead_all_info, request)
    assert outcome == search.AllInfoOutcome(
        search.LookupRefusal.CUSTOM_FIELDS_NOT_FOUND, detail="0"
    )
    plain = _run(db, search.lead_all_info, replace(request, custom_fields=False))
    (info,) = plain.items
    assert isinstance(info, search.LeadInfo) and info.lead_id == lead

"""Pure rules of the lead look-ups: value printing, PHP comparisons, search planning."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from leadgate.domain.leads.search import SearchPlan, as_id, as_text, php_equal, plan_search


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

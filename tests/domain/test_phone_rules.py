"""add_lead's phone validation order and VICIdial's quirks."""

from __future__ import annotations

import pytest

from leadgate.domain.phone_rules import PhoneProblem, validate


def check(phone: str, **flags: bool) -> PhoneProblem | None:
    return validate(
        phone,
        prefix_check=flags.get("prefix", False),
        areacode_check=flags.get("areacode", False),
        nanpa_check=flags.get("nanpa", False),
        known_areacode=lambda area: area in {"312", "416"},
        known_nanpa_prefix=lambda area, prefix: (area, prefix) == ("312", "557"),
    )


@pytest.mark.parametrize(
    ("phone", "problem"),
    [("72755", PhoneProblem.LENGTH), ("", PhoneProblem.LENGTH), ("555123", None),
     ("3125551234567890", None), ("31255512345678901", PhoneProblem.LENGTH),
     ("312,55", None)],
)  # fmt: skip
def test_length_counts_commas(phone: str, problem: PhoneProblem | None) -> None:
    assert check(phone) == problem


@pytest.mark.parametrize(
    ("phone", "problem"),
    [("3120551234", PhoneProblem.PREFIX), ("3121551234", PhoneProblem.PREFIX),
     ("312,551234", PhoneProblem.PREFIX), ("3122551234", None), ("3129551234", None)],
)  # fmt: skip
def test_prefix_check(phone: str, problem: PhoneProblem | None) -> None:
    assert check(phone, prefix=True) == problem


def test_areacode_check_ignores_the_length_rule() -> None:
    assert check("9995551234", areacode=True) is PhoneProblem.AREACODE
    assert check("31255790031", areacode=True) is None  # 11 digits pass (quirk Q3)
    assert check("312557900", areacode=True) is None


def test_first_failing_step_wins() -> None:
    assert check("9990551234", prefix=True, areacode=True) is PhoneProblem.PREFIX
    assert check("99955", prefix=True, areacode=True) is PhoneProblem.LENGTH
    assert check("3125401234", nanpa=True) is PhoneProblem.NANPA
    assert check("3125571234", nanpa=True, areacode=True) is None

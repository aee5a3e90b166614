"""duplicate_check parsing: which checks, in which order, over which time window."""

from __future__ import annotations

from datetime import datetime

import pytest

from leadgate.domain.leads import duplicates
from leadgate.domain.leads.duplicates import Match, Scope


def options(value: str) -> list[str]:
    return [check.option for check in duplicates.plan(value).checks]


def test_checks_run_in_fixed_order_whatever_the_spelling() -> None:
    assert options("DUPNAMEPHONESYS-DUPLIST") == ["DUPLIST", "DUPNAMEPHONESYS"]
    assert options("duplist") == ["DUPLIST"]
    assert options("DUPSYSDUPTITLEALTPHONELIST") == ["DUPSYS", "DUPTITLEALTPHONELIST"]
    assert options("DUPWHATEVER") == []
    assert options("") == []


def test_longer_option_names_do_not_switch_on_shorter_ones() -> None:
    # DUPPHONEALTLIST does not contain DUPLIST; DUPNAMEPHONECAMP does not contain DUPCAMP
    assert options("DUPPHONEALTLIST") == ["DUPPHONEALTLIST"]
    assert options("DUPNAMEPHONECAMP") == ["DUPNAMEPHONECAMP"]


def test_check_kinds() -> None:
    (check,) = duplicates.plan("DUPPHONEALTCAMP").checks
    assert (check.match, check.scope) == (Match.PHONE_OR_ALT, Scope.CAMP)
    (check,) = duplicates.plan("DUPTITLEALTPHONESYS").checks
    assert (check.match, check.scope) == (Match.TITLE_ALT, Scope.SYS)


@pytest.mark.parametrize(
    ("value", "days"),
    [
        ("DUPLIST", None),
        ("DUPLIST1DAY", 1),
        ("DUPSYS21DAY", 21),  # contains 1DAY too; the later token wins
        ("DUPSYS360DAY", 360),
        ("DUPSYS12DAY", 2),  # unlisted token: matches 2DAY (VICIdial quirk)
        ("DUPSYS5DAY", None),
        ("DUPSYS45DAY", None),
        ("dupsys90day", 90),
    ],
)
def test_day_window(value: str, days: int | None) -> None:
    assert duplicates.window_days(value) == days
    assert duplicates.plan(value).window_days == days


def test_window_start_is_n_days_before_now() -> None:
    now = datetime(2026, 3, 10, 12, 0, 0)
    assert duplicates.plan("DUPLIST7DAY").entered_after(now) == datetime(2026, 3, 3, 12, 0, 0)
    assert duplicates.plan("DUPLIST").entered_after(now) is None


def test_lock_key_families() -> None:
    plan = duplicates.plan("DUPLIST-DUPTITLEALTPHONESYS")
    assert plan.phone_keyed and plan.title_alt_keyed
    assert not duplicates.plan("DUPTITLEALTPHONELIST").phone_keyed


def test_php_loose_number_comparison() -> None:
    assert duplicates.same_number("3125550001", "03125550001")
    assert not duplicates.same_number("3125550001", "3125550002")
    assert not duplicates.same_number("312,555", "312555")

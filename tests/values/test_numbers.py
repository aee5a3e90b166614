from __future__ import annotations

from leadgate.values import numbers
from leadgate.values.numbers import bounded_int


def test_bounded_int_reads_signed_digits() -> None:
    assert bounded_int("000123") == 123
    assert bounded_int("-0") == 0
    assert bounded_int("-42") == -42


def test_bounded_int_caps_huge_values_instead_of_converting_them() -> None:
    assert bounded_int("9" * 100, digits=3) == 999
    assert bounded_int("1" + "0" * 5000) == 10**20 - 1


def test_huge_digit_strings_never_overflow() -> None:
    assert numbers.bigint_or_none("9" * 10000) is None
    assert numbers.bigint_or_none("9223372036854775807") == 2**63 - 1
    assert numbers.bigint_or_none("9223372036854775808") is None
    assert numbers.bigint_or_none("") is None
    assert numbers.clamp_bigint("9" * 10000) == 2**63 - 1
    assert numbers.clamp_bigint("-5") == 0
    assert numbers.cap_digits("-" + "9" * 5000) == "-" + "9" * 20
    assert numbers.cap_digits("1-2") == "1-2"


def test_clamped_int_and_smallint_as_mysql_stores_them() -> None:
    assert numbers.clamp_smallint("99999") == 32767
    assert numbers.clamp_smallint("") == 0
    assert numbers.clamp_smallint("5") == 5
    assert numbers.clamped_int("-150", -99, 99) == -99
    assert numbers.clamped_int("-" + "9" * 5000, -99, 99) == -99
    assert numbers.clamped_int("1-2", -99, 99) == 0
    assert numbers.clamped_int("007", -99, 99) == 7

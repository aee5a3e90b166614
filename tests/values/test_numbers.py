from __future__ import annotations

from leadgate.values.numbers import bounded_int


def test_bounded_int_reads_signed_digits() -> None:
    assert bounded_int("000123") == 123
    assert bounded_int("-0") == 0
    assert bounded_int("-42") == -42


def test_bounded_int_caps_huge_values_instead_of_converting_them() -> None:
    assert bounded_int("9" * 100, digits=3) == 999
    assert bounded_int("1" + "0" * 5000) == 10**20 - 1

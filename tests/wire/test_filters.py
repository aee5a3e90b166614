"""The parameter whitelists under system_settings.use_non_latin=0 and =1."""

from __future__ import annotations

import pytest

from leadgate.wire import filters


@pytest.mark.parametrize(
    ("filter_", "value", "latin", "non_latin"),
    [
        (filters.NAME, "Jürgen+Ōtake", "Jrgen take", "Jürgen Ōtake"),
        (filters.NAME, "Мария'-Анна", "'-", "Мария'-Анна"),
        (
            filters.ADDRESS,
            "São Paulo #5 & Co/100% @home",
            "So Paulo 5  Co/100 @home",
            "São Paulo 5  Co/100 @home",
        ),  # fmt: skip
        (filters.PROVINCE, "Zürich+Nord", "Zrich Nord", "Zürich Nord"),
        (filters.STATE, "Île-de-France!", "le-de-France", "Île-de-France"),
        (filters.TITLE, "Dr.+Ä", "Dr.", "Dr.Ä"),
        (filters.MIDDLE_INITIAL, "É_1 ", "_1", "É_1"),
        (filters.EMAIL, "jürgen+x@bücher.de", "jrgen x@bcher.de", "jürgen x@bücher.de"),
        (filters.LOGIN, "ÆØÅ-camp_1", "-camp_1", "ÆØÅ-camp_1"),
        # '+' stays in callback comments under both settings
        (filters.CALLBACK_COMMENTS, "ça+va", "a+va", "ça+va"),
    ],
)
def test_letter_whitelists_follow_the_setting(
    filter_: filters.Letters, value: str, latin: str, non_latin: str
) -> None:
    assert filter_(value) == filter_.pick(False)(value) == latin
    assert filter_.non_latin(value) == filter_.pick(True)(value) == non_latin


@pytest.mark.parametrize(
    "value",
    [
        "€ ² ½ ٣ Ⅻ",  # symbols, superscripts, fractions, Arabic-Indic and Roman numerals
        "\u00a0\u2003\t\n",  # other spaces and controls
        "\u0301",  # a lone combining accent (Mn)
        "😀",
    ],
)
def test_non_latin_keeps_letters_only_not_every_unicode_character(value: str) -> None:
    # \p{L} is letters: digits stay 0-9, marks, symbols and other numbers still go.
    assert filters.NAME.non_latin(value) == "".join(c for c in value if c == " ")


def test_non_latin_keeps_ascii_digits_but_not_other_digits() -> None:
    assert filters.ADDRESS.non_latin("12٣4") == "124"


def test_filters_without_letters_are_the_same_under_both_settings() -> None:
    # VICIdial filters these alike under both settings: they are plain functions, not Letters.
    for filter_ in (filters.PHONE, filters.DIGITS, filters.UPPER, filters.NO_SEMI_HASH_QUOTE,
                    filters.CODE, filters.CALLBACK_TEXT, filters.DATE):  # fmt: skip
        assert not isinstance(filter_, filters.Letters)
    assert filters.NO_SEMI_HASH_QUOTE('a+b "é"; #€') == "a b é €"
    assert filters.CODE("DUPLIST-é") == "DUPLIST-"


def test_a_chain_swaps_each_letter_step_for_the_setting() -> None:
    plus_first = filters.Chain(lambda value: value.replace("+", " "), filters.Letters(r"\- "))
    assert plus_first("Ярко+green!") == " green"
    assert filters.for_setting(plus_first, True)("Ярко+green!") == "Ярко green"
    assert filters.for_setting(plus_first, False)("Ярко+green!") == " green"


def test_php_strlen_counts_utf8_bytes() -> None:
    assert [filters.php_strlen(text) for text in ("ab", "Ж", "東", "𠮷", "")] == [2, 2, 3, 4, 0]


def test_non_latin_loses_a_value_with_undecodable_bytes_whole() -> None:
    # PHP's preg_replace() with /u returns NULL for a subject that is not UTF-8.
    assert filters.NAME.non_latin("José \ufffd") == ""
    assert filters.NAME("José \ufffd") == "Jos "  # a-zA-Z only: no /u, the rest survives

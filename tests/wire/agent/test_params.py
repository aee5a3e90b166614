"""The Agent API's whitelists under system_settings.use_non_latin=0 and =1 (api.php's two
filter branches)."""

from __future__ import annotations

import pytest

from leadgate.wire.agent import params
from leadgate.wire.filters import Filter, for_setting


@pytest.mark.parametrize(
    ("filter_", "value", "latin", "non_latin"),
    [
        (params.VALUE, "Ж|a-b_1!", "|a-b_1", "Ж|a-b_1"),
        (params.AGENT_USER, "Оля-1 x", "-1x", "Оля-1x"),
        (params.ALT_USER, "Оля-1", "1", "Оля1"),
        (params.WORD, "ДА_YES", "_YES", "ДА_YES"),
        (params.PHONE_NUMBER, "*#1Жa", "*#1a", "*#1Жa"),
        (params.ALNUM, "Ж-1", "1", "Ж1"),
        (params.MIDDLE_INITIAL, "Ж.", "", "Ж"),
        (params.NOTES, "при+вет.x!", " .x", "при вет.x"),
        (params.INGROUP_CHOICES, "ГРУППА+B", " B", "ГРУППА B"),
        (params.CALLBACK_DATETIME, "2035-01-02+03:04ЖЖ", "2035-01-02 03:04", "2035-01-02 03:04ЖЖ"),
        (params.CALLBACK_COMMENTS, "позже+x/", " x", "позже x"),
        (params.QM_DISPO_CODE, "Код.1", ".1", "Код.1"),
        (params.POSTAL_CODE, "東京+1'", " 1", "東京 1"),
        (params.STATUS, "ОТКАЗ", "", "ОТКАЗ"),
        (params.RECIPIENT, "Оля-1", "-1", "Оля-1"),
        (params.RECIPIENT_TYPE, "Тип_1", "_", "Тип_"),
        (params.TEXT_FONT, "Шрифт, arial-1", ", arial-", "Шрифт, arial-"),
        (params.TEXT_WEIGHT, "Жир,bold 1", ",bold", "Жир,bold"),
    ],
)
def test_letter_whitelists_follow_the_setting(
    filter_: Filter, value: str, latin: str, non_latin: str
) -> None:
    assert filter_(value) == for_setting(filter_, False)(value) == latin
    assert for_setting(filter_, True)(value) == non_latin


@pytest.mark.parametrize(
    ("filter_", "value", "filtered"),
    [
        (params.DNC_FLAG, "ДАY", "Y"),  # dnc_check is filtered outside api.php's two branches
        (params.PHONE_CODE, "Ж1X", "1X"),
        (params.ALT_DIAL, "ЖALT", "ALT"),
        (params.UPPER, "ЖYES", "YES"),
        (params.LEAD_ID, "Ж12", "12"),
        (params.YES_NO, "ДаY", "Y"),
        (params.PREVIEW_ACTION, "ЖSKIP", "SKIP"),
        (params.NOTIFICATION_DATE, "2035-01-02 Ж", "2035-01-02 "),
        (params.FREE_TEXT, "при;#+вет", "при вет"),
        (params.STAGE, "Ж'\";x", "Жx"),
    ],
)
def test_other_whitelists_are_the_same_under_both_settings(
    filter_: Filter, value: str, filtered: str
) -> None:
    assert filter_(value) == for_setting(filter_, True)(value) == filtered

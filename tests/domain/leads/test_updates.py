"""The pure rules of update_lead / batch_update_lead: update sets, quirks, number handling."""

from __future__ import annotations

import pytest

from leadgate.domain.leads import updates as lu


def test_update_values_keep_only_non_empty_fields_in_vicidial_order() -> None:
    fields = {"comments": "c", "user": "1000", "status": "", "list_id": "999", "rank": "0"}
    values = lu.update_values(fields, reset_lead=True)
    assert list(values) == ["user", "list_id", "comments", "rank", "called_since_last_reset"]
    assert values["called_since_last_reset"] == "N"
    assert lu.update_values({}, reset_lead=False) == {}


def test_stored_text_blank_marker_newlines_and_gender_enum() -> None:
    stored = lu.as_stored_text(
        {"province": "--BLANK--", "comments": "a\nb", "gender": "MALE", "title": "--BLANK--x"}
    )
    assert stored == {"province": "", "comments": "a!Nb", "gender": "", "title": "--BLANK--x"}
    assert lu.as_stored_text({"gender": "F"}) == {"gender": "F"}


@pytest.mark.parametrize(
    ("value", "broken"),
    [
        ("C:\\temp\\", True),
        ("C:\\temp\\\\", False),
        ("a\\\\\\", True),
        ("plain", False),
        ("", False),
    ],
)
def test_only_an_odd_run_of_trailing_backslashes_breaks_vicidial_sql(
    value: str, broken: bool
) -> None:
    assert lu.breaks_quoted_sql(value) is broken


def test_list_ids_compare_like_php() -> None:
    assert not lu.list_at_least_99("")
    assert not lu.list_at_least_99("98")
    assert lu.list_at_least_99("099")
    assert lu.list_at_least_99("9" * 10000)

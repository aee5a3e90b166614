"""Every refusal the list and campaign operations can give has CLI words."""

from __future__ import annotations

import pytest

from leadgate.cli.wording import list_problem, setting_problem
from leadgate.domain.campaign_settings import SettingProblem, SettingsOutcome
from leadgate.domain.list_settings import ListProblem, ListSettings


@pytest.mark.parametrize(
    "problem", [p for p in ListProblem if p is not ListProblem.REQUIRED_FIELDS]
)
def test_every_list_problem_is_worded(problem: ListProblem) -> None:
    line = list_problem(problem, "VALUE", 1, ListSettings("101"))
    assert line and "{" not in line


@pytest.mark.parametrize(
    ("field", "settings", "line"),
    [
        ("list_id", ListSettings("1"), "invalid list id '1': 2-14 digits"),
        ("campaign_id", ListSettings("101"), "a list needs a campaign (--campaign)"),
        ("campaign_id", ListSettings("101", campaign_id="C" * 9), "invalid campaign id 'CCCC"),
        ("list_name", ListSettings("101", campaign_id="C"), "list name must be 2-30 characters"),
    ],
)
def test_required_fields_name_the_field(field: str, settings: ListSettings, line: str) -> None:
    assert list_problem(ListProblem.REQUIRED_FIELDS, field, 0, settings).startswith(line)


@pytest.mark.parametrize("problem", list(SettingProblem))
def test_every_setting_problem_is_worded(problem: SettingProblem) -> None:
    line = setting_problem(SettingsOutcome(problem=problem, value="VALUE", index=2,
                                           auto_dial_limit="4.001"))  # fmt: skip
    assert line and "{" not in line

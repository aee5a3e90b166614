"""Settings checked as data (domain/setting_rules.py): order, first refusal, empty values."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

import pytest

from leadgate.domain.setting_rules import Refusal, Rule, checked, length, number_between, one_of


class Problem(Enum):
    NAME = "name"
    LEVEL = "level"
    NUMBER = "number"


@dataclass(frozen=True)
class Settings:
    name: str = ""
    level: str = ""
    numbers: tuple[str, str] = ("", "")


RULES: tuple[Rule[None, Problem], ...] = (
    Rule("full_name", length(3, 5), Problem.NAME, parameter="name", empty="--BLANK--"),
    Rule("level", number_between(1, 9), Problem.LEVEL, stored=int),
    Rule("number_a", one_of(("1", "2")), Problem.NUMBER, parameter="numbers", index=0),
    Rule("number_b", one_of(("1", "2")), Problem.NUMBER, parameter="numbers", index=1),
)


def test_given_values_set_their_columns_in_rule_order() -> None:
    changes = checked(RULES, Settings(level="4", numbers=("", "2"), name="abcd"), None)
    assert list(changes.items()) == [("full_name", "abcd"), ("level", 4), ("number_b", "2")]


def test_the_empty_value_empties_the_column_unchecked() -> None:
    assert checked(RULES, Settings(name="--BLANK--"), None) == {"full_name": ""}


def test_the_first_failing_rule_refuses_with_its_value_and_item() -> None:
    with pytest.raises(Refusal) as refused:
        checked(RULES, Settings(level="0", numbers=("1", "7")), None)
    assert (refused.value.problem, refused.value.value) == (Problem.LEVEL, "0")
    with pytest.raises(Refusal) as refused:
        checked(RULES, Settings(numbers=("1", "7")), None)
    assert (refused.value.problem, refused.value.value, refused.value.index) == (
        Problem.NUMBER,
        "7",
        1,
    )


def test_a_check_may_consult_its_context() -> None:
    def below(value: str, limit: int) -> bool:
        return int(value) < limit

    rules: tuple[Rule[int, Problem], ...] = (Rule("level", below, Problem.LEVEL),)
    assert checked(rules, Settings(level="3"), 4) == {"level": "3"}
    with pytest.raises(Refusal):
        checked(rules, Settings(level="5"), 4)

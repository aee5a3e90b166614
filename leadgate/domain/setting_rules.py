"""Settings checked as data (update_campaign, add_list, update_list and the CLI's campaign and
list commands, which run the same operations).

A rule names the column a parameter sets, the check its value must pass and the problem that
refuses the whole call when it does not. Rules run in the order given (VICIdial's), so the
first failing one is the refusal VICIdial prints. A parameter not given ("") is skipped; the
rule's `empty` value (--BLANK--, ---NONE---) empties the column unchecked.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum
from typing import Any, Generic, TypeVar

from leadgate.values.text import php_strlen

C = TypeVar("C", contravariant=True)  # what a check may consult besides the value
P = TypeVar("P", bound=Enum)  # the refusal codes


@dataclass(frozen=True)
class Rule(Generic[C, P]):
    column: str
    check: Callable[[str, C], bool] | None = None
    problem: P | None = None
    parameter: str = ""  # the settings attribute, when not named as the column
    index: int | None = None  # the parameter is a tuple (xferconf, web forms): which item
    empty: str | None = None
    stored: Callable[[str], Any] = str  # the checked value as written

    def value(self, settings: object) -> str:
        given = getattr(settings, self.parameter or self.column)
        return str(given if self.index is None else given[self.index])


class Refusal(Exception, Generic[P]):
    """The first failing check: its problem, the refused value and which item (0-based)."""

    def __init__(self, problem: P, value: str, index: int = 0) -> None:
        super().__init__(problem.value)
        self.problem, self.value, self.index = problem, value, index


def checked(rules: Iterable[Rule[C, P]], settings: object, context: C) -> dict[str, Any]:
    """The columns the given parameters set, in rule order; raises Refusal."""
    changes: dict[str, Any] = {}
    for rule in rules:
        value = rule.value(settings)
        if not value:
            continue
        if value == rule.empty:
            changes[rule.column] = ""
            continue
        if rule.check is not None and not rule.check(value, context):
            assert rule.problem is not None
            raise Refusal(rule.problem, value, rule.index or 0)
        changes[rule.column] = rule.stored(value)
    return changes


# -- checks ------------------------------------------------------------------------------------


def length(shortest: int = 0, longest: int = sys.maxsize) -> Callable[[str, object], bool]:
    return lambda value, _context: shortest <= php_strlen(value) <= longest


def one_of(allowed: Iterable[str]) -> Callable[[str, object], bool]:
    choices = frozenset(allowed)
    return lambda value, _context: value in choices


def number_between(lowest: int, highest: int) -> Callable[[str, object], bool]:
    """For digits-only parameters (the API's filter keeps nothing else)."""
    return lambda value, _context: lowest <= int(value) <= highest


YES_NO = one_of(("Y", "N"))

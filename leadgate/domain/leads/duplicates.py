"""add_lead's `duplicate_check` option: which checks run, over which leads (spec add_lead §5).

The option is a free string; every check is switched on by its name appearing anywhere in it,
case-insensitively (`DUPLIST-DUPNAMEPHONECAMP`, `dupsys90day`…). Checks always run in the fixed
order of `CHECKS` and the first hit wins. A day token (`1DAY` … `360DAY`) limits every check to
leads entered in the last N days.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from leadgate.values.duplicates import CHECKS, DuplicateCheck, Match, Scope

__all__ = ["CHECKS", "DuplicateCheck", "DuplicatePlan", "Match", "Scope", "plan"]


# VICIdial tests these in this order and keeps the last one found, so `21DAY` (which also
# contains `1DAY`) means 21 and an unlisted `12DAY` means 2.
DAY_TOKENS: tuple[int, ...] = (1, 2, 3, 7, 14, 15, 21, 28, 30, 60, 90, 180, 360)


@dataclass(frozen=True)
class DuplicatePlan:
    checks: tuple[DuplicateCheck, ...]
    window_days: int | None

    @property
    def wanted(self) -> bool:
        return bool(self.checks)

    def entered_after(self, now: datetime) -> datetime | None:
        """Only leads whose entry_date is strictly later than this count (None = all)."""
        if self.window_days is None:
            return None
        return now - timedelta(days=self.window_days)

    @property
    def phone_keyed(self) -> bool:
        return any(check.match is not Match.TITLE_ALT for check in self.checks)

    @property
    def title_alt_keyed(self) -> bool:
        return any(check.match is Match.TITLE_ALT for check in self.checks)


NO_CHECKS = DuplicatePlan(checks=(), window_days=None)


def plan(option: str) -> DuplicatePlan:
    """The checks a `duplicate_check` value asks for, in the order they must run."""
    if not option:
        return NO_CHECKS
    upper = option.upper()
    checks = tuple(check for check in CHECKS if check.option in upper)
    return DuplicatePlan(checks=checks, window_days=window_days(upper))


def window_days(option: str) -> int | None:
    found = None
    upper = option.upper()
    for days in DAY_TOKENS:
        if f"{days}DAY" in upper:
            found = days
    return found


def same_number(a: str, b: str) -> bool:
    """PHP's loose `==` on two phone strings: numeric strings compare as numbers."""
    if a.isdigit() and b.isdigit():
        return int(a) == int(b)
    return a == b

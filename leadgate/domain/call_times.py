"""Call times: may a lead be dialled now, at its local time? (add_lead §9.1 "dialable_gmt")

Public API:

* `is_dialable(conn, call_time_id, gmt_offset, state, now=None) -> bool` — loads the
  vicidial_call_times row (unknown id → False), applies the first matching
  vicidial_state_call_times rule for the lead's state, and checks the lead's local time.
* `lead_local_time(gmt_offset, now) -> datetime` — now (UTC) shifted by the offset.
* `CallTimeRule` / `CallTimeRule.allows(local) -> bool` — the pure window check:
  weekday's start/stop, or the default start/stop when that day's are both 0;
  dialable iff start <= HHMM < stop.

`gmt_offset`: hours as Decimal, float or text ('' or garbage counts as 0, like PHP).
`now`: aware datetime, or naive server-local (like `Call.now`); None = current time.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection

from leadgate.domain.phone_code_facts import utc
from leadgate.storage import timezone_data as data

# Sunday first: VICIdial's weekday numbers (PHP date('w')) and column order.
DAYS = ("sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday")


@dataclass(frozen=True, slots=True)
class CallTimeRule:
    """Start/stop times (HHMM) of a call time or state call time."""

    default_start: int
    default_stop: int
    days: tuple[tuple[int, int], ...]  # (start, stop) per weekday, Sunday first

    def allows(self, local: datetime) -> bool:
        """Whether a lead whose local wall-clock time is `local` may be called."""
        hhmm = local.hour * 100 + local.minute
        start, stop = self.days[(local.weekday() + 1) % 7]
        if start == 0 and stop == 0:
            start, stop = self.default_start, self.default_stop
        return start <= hhmm < stop

    @classmethod
    def from_row(cls, row: Mapping[str, Any], prefix: str) -> CallTimeRule:
        """From a vicidial_call_times (prefix 'ct_') or state row (prefix 'sct_')."""
        return cls(
            default_start=_int(row[f"{prefix}default_start"]),
            default_stop=_int(row[f"{prefix}default_stop"]),
            days=tuple(
                (_int(row[f"{prefix}{day}_start"]), _int(row[f"{prefix}{day}_stop"]))
                for day in DAYS
            ),
        )


def is_dialable(
    conn: Connection,
    call_time_id: str,
    gmt_offset: Decimal | float | str,
    state: str,
    now: datetime | None = None,
) -> bool:
    """VICIdial's dialable_gmt: is it inside the call time at the lead's local time now?"""
    row = data.call_time_row(conn, call_time_id)
    if row is None:
        return False
    rule = CallTimeRule.from_row(row, "ct_")
    state_ids = str(row.get("ct_state_call_times") or "")
    if len(state_ids) > 2 and state:
        ids = [rule_id for rule_id in state_ids.split("|") if rule_id]
        state_row = data.state_call_time_row(conn, ids, state)
        if state_row is not None:
            rule = CallTimeRule.from_row(state_row, "sct_")
    return rule.allows(lead_local_time(gmt_offset, now))


def lead_local_time(gmt_offset: Decimal | float | str, now: datetime | None = None) -> datetime:
    """The lead's local wall-clock time: UTC now + offset hours (naive)."""
    hours = _hours(gmt_offset)
    return (utc(now) + timedelta(hours=hours)).replace(tzinfo=None)


def _hours(value: Decimal | float | str) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return 0.0


def _int(value: Any) -> int:
    try:
        return int(value or 0)
    except (TypeError, ValueError):
        return 0

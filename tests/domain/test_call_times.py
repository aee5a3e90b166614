"""Call-time check ("dialable_gmt", add_lead §9.1)."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import insert

from leadgate.domain import call_times
from leadgate.storage.database import Database
from leadgate.storage.tables import vicidial_call_times, vicidial_state_call_times

# 2026-11-18 is a Wednesday; 18:00 UTC = 12:00 in Chicago (-6)
WEDNESDAY_NOON_CHICAGO = datetime(2026, 11, 18, 18, 0, tzinfo=UTC)


@pytest.fixture
def call_time_rows(db: Database) -> Database:
    rows: list[dict[str, Any]] = [
        {"call_time_id": "24hours", "call_time_name": "24h", "ct_default_start": 0,
         "ct_default_stop": 2400},
        {"call_time_id": "9am-9pm", "call_time_name": "9-9", "ct_default_start": 900,
         "ct_default_stop": 2100},
        {"call_time_id": "nevercall", "call_time_name": "never", "ct_default_start": 0,
         "ct_default_stop": 0},
        # weekdays 9-17 by default, Wednesday 13:00-14:00, state rules for IL and CA
        {"call_time_id": "custom", "call_time_name": "custom", "ct_default_start": 900,
         "ct_default_stop": 1700, "ct_wednesday_start": 1300, "ct_wednesday_stop": 1400,
         "ct_state_call_times": "|ILrule|CArule|"},
    ]  # fmt: skip
    states: list[dict[str, Any]] = [
        {"state_call_time_id": "ILrule", "state_call_time_state": "IL",
         "state_call_time_name": "Illinois", "sct_default_start": 1100,
         "sct_default_stop": 1130},
        {"state_call_time_id": "CArule", "state_call_time_state": "CA",
         "state_call_time_name": "California", "sct_default_start": 800,
         "sct_default_stop": 2000, "sct_wednesday_start": 1000, "sct_wednesday_stop": 1030},
        # a rule for IL that the call time does not list: never used
        {"state_call_time_id": "ILother", "state_call_time_state": "WI",
         "state_call_time_name": "Wisconsin", "sct_default_start": 0,
         "sct_default_stop": 2400},
    ]  # fmt: skip
    with db.transaction() as conn:
        # one statement per row: the rows set different columns
        for row in rows:
            conn.execute(insert(vicidial_call_times).values(**row))
        for row in states:
            conn.execute(insert(vicidial_state_call_times).values(**row))
    return db


def dialable(
    db: Database,
    call_time_id: str,
    gmt: Decimal | float | str,
    state: str = "",
    now: datetime = WEDNESDAY_NOON_CHICAGO,
) -> bool:
    with db.transaction() as conn:
        return call_times.is_dialable(conn, call_time_id, gmt, state, now)


def test_default_windows(call_time_rows: Database) -> None:
    assert dialable(call_time_rows, "24hours", Decimal("-6.00"))
    assert dialable(call_time_rows, "9am-9pm", Decimal("-6.00"))  # 12:00
    assert not dialable(call_time_rows, "9am-9pm", Decimal("5.00"))  # 23:00
    assert not dialable(call_time_rows, "nevercall", Decimal("-6.00"))


def test_unknown_call_time_is_never_dialable(call_time_rows: Database) -> None:
    assert not dialable(call_time_rows, "nosuchct", Decimal("-6.00"))
    assert not dialable(call_time_rows, "", Decimal("-6.00"))


def test_window_edges_start_inclusive_stop_exclusive(call_time_rows: Database) -> None:
    nine = datetime(2026, 11, 18, 15, 0, tzinfo=UTC)  # 09:00 at -6
    assert dialable(call_time_rows, "9am-9pm", -6, now=nine)
    assert not dialable(call_time_rows, "9am-9pm", -6, now=nine.replace(hour=14, minute=59))
    assert not dialable(call_time_rows, "9am-9pm", -6, now=nine.replace(hour=3))  # 21:00
    assert dialable(call_time_rows, "9am-9pm", -6, now=nine.replace(hour=2, minute=59))


def test_day_specific_window_replaces_default(call_time_rows: Database) -> None:
    # Wednesday 12:00 local: default 9-17 would allow, Wednesday's 13-14 does not
    assert not dialable(call_time_rows, "custom", "-6.00")
    assert dialable(call_time_rows, "custom", "-5.00")  # 13:00
    # Thursday 12:00 local: default window
    thursday = datetime(2026, 11, 19, 18, 0, tzinfo=UTC)
    assert dialable(call_time_rows, "custom", "-6.00", now=thursday)


def test_local_weekday_comes_from_the_lead_offset(call_time_rows: Database) -> None:
    # Wednesday 23:30 UTC is already Thursday 09:30 in Sydney (+10)
    late = datetime(2026, 11, 18, 23, 30, tzinfo=UTC)
    assert dialable(call_time_rows, "custom", "10.00", now=late)
    assert not dialable(call_time_rows, "custom", "-6.00", now=late)  # Wed 17:30


def test_state_rule_replaces_the_whole_call_time(call_time_rows: Database) -> None:
    at_1115 = datetime(2026, 11, 18, 17, 15, tzinfo=UTC)  # 11:15 at -6
    assert dialable(call_time_rows, "custom", "-6.00", "IL", now=at_1115)
    assert not dialable(call_time_rows, "custom", "-6.00", "", now=at_1115)  # Wed 13-14
    assert not dialable(call_time_rows, "custom", "-6.00", "IL")  # 12:00, rule 11:00-11:30
    # CA rule has its own Wednesday window 10:00-10:30
    at_1015 = datetime(2026, 11, 18, 18, 15, tzinfo=UTC)  # 10:15 at -8
    assert dialable(call_time_rows, "custom", "-8.00", "CA", now=at_1015)
    # a state with a rule that the call time does not list: the call time itself
    assert not dialable(call_time_rows, "custom", "-6.00", "WI", now=at_1115)


def test_state_rules_need_a_listed_rule(call_time_rows: Database) -> None:
    # 9am-9pm lists no state rules: IL is just the default window
    assert dialable(call_time_rows, "9am-9pm", "-6.00", "IL")


def test_offset_parsing_like_php() -> None:
    moment = datetime(2026, 11, 18, 18, 0, tzinfo=UTC)
    assert call_times.lead_local_time("", moment) == datetime(2026, 11, 18, 18, 0)
    assert call_times.lead_local_time("junk", moment) == datetime(2026, 11, 18, 18, 0)
    assert call_times.lead_local_time("5.5", moment) == datetime(2026, 11, 18, 23, 30)
    assert call_times.lead_local_time(Decimal("-3.50"), moment) == datetime(2026, 11, 18, 14, 30)


def test_rule_allows_uses_sunday_first_weekdays() -> None:
    sunday_only = call_times.CallTimeRule(
        default_start=0,
        default_stop=0,
        days=((1000, 1100), (0, 0), (0, 0), (0, 0), (0, 0), (0, 0), (0, 0)),
    )
    assert sunday_only.allows(datetime(2026, 11, 22, 10, 30))  # a Sunday
    assert not sunday_only.allows(datetime(2026, 11, 23, 10, 30))  # Monday: default 0-0

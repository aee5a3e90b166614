"""VICIdial's stock rows that a fresh leadgate database needs to behave like a fresh VICIdial:
the standard call times (the dialer and hopper need them)."""

from __future__ import annotations

from sqlalchemy import Connection, func, insert, select

from leadgate.storage.tables import vicidial_call_times

# call_time_id, name, default start, default stop (HHMM)
STOCK_CALL_TIMES = (
    ("24hours", "default 24 hours calling", 0, 2400),
    ("9am-9pm", "default 9am to 9pm calling", 900, 2100),
    ("9am-5pm", "default 9am to 5pm calling", 900, 1700),
    ("12pm-5pm", "default 12pm to 5pm calling", 1200, 1700),
    ("12pm-9pm", "default 12pm to 9pm calling", 1200, 2100),
    ("5pm-9pm", "default 5pm to 9pm calling", 1700, 2100),
)


def add_stock_call_times(conn: Connection) -> int:
    """Insert the stock call times when the table is empty; how many were added."""
    if conn.execute(select(func.count()).select_from(vicidial_call_times)).scalar_one():
        return 0
    rows = [
        {"call_time_id": ct_id, "call_time_name": name, "ct_default_start": start,
         "ct_default_stop": stop}
        for ct_id, name, start, stop in STOCK_CALL_TIMES
    ]  # fmt: skip
    conn.execute(insert(vicidial_call_times), rows)
    return len(rows)

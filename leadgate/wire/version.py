"""The `version` line both APIs answer before authentication."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection

from leadgate.domain import clock
from leadgate.storage import system


def version_line(conn: Connection, version: str, build: str, now: datetime) -> str:
    local_gmt = system.server_local_gmt(conn)
    dst = 1 if clock.is_dst(now) else 0
    if local_gmt is None:
        offset = datetime.now().astimezone().utcoffset()
        tz_now = _number(offset.total_seconds() / 3600 if offset else 0.0)
        tz_text = ""
    else:
        tz_text = local_gmt
        tz_now = _number(_to_float(local_gmt) + dst) if dst else local_gmt
    epoch = int(now.timestamp())
    return (
        f"VERSION: {version}|BUILD: {build}|DATE: {now:%Y-%m-%d %H:%M:%S}|EPOCH: {epoch}|"
        f"DST: {dst}|TZ: {tz_text}|TZNOW: {tz_now}|"
    )


def _to_float(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        return 0.0


def _number(value: float) -> str:
    """PHP prints numbers without a trailing .0 (-4.0 → -4, 5.5 → 5.5)."""
    return str(int(value)) if value == int(value) else str(value)

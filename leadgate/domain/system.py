"""System-wide facts the APIs report or obey: the server clock and the API switches."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection

from leadgate.domain import clock
from leadgate.storage import system


@dataclass(frozen=True)
class ServerClock:
    now: datetime
    dst: bool
    # servers.local_gmt as stored (None without a server row); tz_now adds the DST hour.
    local_gmt: str | None
    tz_now_hours: float


def server_clock(conn: Connection, now: datetime) -> ServerClock:
    local_gmt = system.server_local_gmt(conn)
    dst = clock.is_dst(now)
    if local_gmt is None:
        offset = datetime.now().astimezone().utcoffset()
        hours = offset.total_seconds() / 3600 if offset else 0.0
        return ServerClock(now, dst, None, hours)
    return ServerClock(now, dst, local_gmt, _to_float(local_gmt) + (1 if dst else 0))


def agent_api_active(conn: Connection) -> bool:
    """system_settings.vdc_agent_api_active: the Agent API's master switch."""
    return str(system.settings(conn).get("vdc_agent_api_active") or "0") == "1"


class NonLatinSetting:
    """system_settings.use_non_latin, re-read at most every `ttl` seconds per database.

    add_lead filters every call's parameters by it; a burst of calls then costs one settings
    read per few seconds instead of one per call (0 = read on every call).
    """

    def __init__(self, ttl: float) -> None:
        self.ttl = ttl
        self._cached: dict[int, tuple[float, bool]] = {}

    def __call__(self, conn: Connection) -> bool:
        key = id(conn.engine)
        cached = self._cached.get(key)
        if cached is not None and cached[0] > time.monotonic():
            return cached[1]
        value = _setting_number(system.settings(conn).get("use_non_latin")) > 0
        if self.ttl > 0:
            self._cached[key] = (time.monotonic() + self.ttl, value)
        return value

    def forget(self) -> None:
        self._cached.clear()


# VICIdial's `$non_latin > 0`: True once use_non_latin is 1 (or any positive number).
use_non_latin = NonLatinSetting(ttl=5.0)


def _setting_number(value: object) -> float:
    return _to_float(str(value or "0").strip())


def _to_float(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        return 0.0

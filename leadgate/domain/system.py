"""System-wide facts the APIs report or obey: the server clock and the API switches."""

from __future__ import annotations

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


def _to_float(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        return 0.0

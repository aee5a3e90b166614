"""system_settings and servers: the single-row configuration tables."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, select

from leadgate.storage.tables import servers, system_settings

_local_gmt = select(servers.c.local_gmt).where(servers.c.active == "Y").limit(1)
_settings = select(system_settings).limit(1)


def server_local_gmt(conn: Connection) -> str | None:
    row = conn.execute(_local_gmt).first()
    return None if row is None else str(row[0] or "")


def settings(conn: Connection) -> Mapping[str, Any]:
    row = conn.execute(_settings).mappings().first()
    return dict(row) if row is not None else {}

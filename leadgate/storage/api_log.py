"""vicidial_api_log and vicidial_api_urls: one row per logged result."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from leadgate.storage.columns import fit
from leadgate.storage.prepared import PreparedInsert
from leadgate.storage.tables import vicidial_api_log, vicidial_api_urls

_insert_log = vicidial_api_log.insert()
_prepared_log = PreparedInsert(vicidial_api_log)


def write(conn: Connection, rows: Sequence[dict[str, Any]]) -> None:
    """Insert log rows (values are cut to the column widths, TEXT to 64 KB)."""
    _prepared_log.insert_many(conn, [fit(vicidial_api_log, row) for row in rows])


def write_with_url(
    conn: Connection, row: dict[str, Any], *, url: str, remote_ip: str, when: datetime
) -> None:
    """One log row plus its vicidial_api_urls row, linked by api_id."""
    result = conn.execute(_insert_log.values(**fit(vicidial_api_log, row)))
    api_id = result.inserted_primary_key[0] if result.inserted_primary_key else None
    url_row = {"api_id": api_id, "api_date": when, "remote_ip": remote_ip, "url": url}
    conn.execute(vicidial_api_urls.insert().values(**fit(vicidial_api_urls, url_row)))

"""vicidial_admin_log: one row per administrative change, whoever made it (API or CLI)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, insert

from leadgate.storage.columns import fit
from leadgate.storage.tables import vicidial_admin_log

_insert = insert(vicidial_admin_log)


def write(
    conn: Connection,
    *,
    now: datetime,
    user: str,
    ip: str,
    section: str,
    event_type: str,
    record_id: str,
    event_code: str,
    event_sql: str = "",
    event_notes: str = "",
) -> None:
    """One admin-log row. VICIdial stores its SQL text in event_sql; leadgate describes the
    change instead (never a password)."""
    row = {"event_date": now, "user": user, "ip_address": ip, "event_section": section,
           "event_type": event_type, "record_id": record_id, "event_code": event_code,
           "event_sql": event_sql, "event_notes": event_notes}  # fmt: skip
    conn.execute(_insert, fit(vicidial_admin_log, row))

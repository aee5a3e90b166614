"""DNC list changes made through the API: vicidial_dnc / vicidial_campaign_dnc rows, the
vicidial_dnc_log audit trail and the vicidial_admin_log entry (add_dnc_phone, delete_dnc_phone).

`campaign_id=None` means the system list (vicidial_dnc). Callers pass values already cut to
the column widths (`fit_phone`, `fit_campaign`), so an existence check and the insert that
follows it always look at the same stored value.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, bindparam, delete, func, insert, select

from leadgate.storage.columns import fit
from leadgate.storage.tables import (
    vicidial_admin_log,
    vicidial_campaign_dnc,
    vicidial_dnc,
    vicidial_dnc_log,
)

_system = vicidial_dnc.c
_campaign = vicidial_campaign_dnc.c

_count_system = select(func.count()).where(_system.phone_number == bindparam("phone"))
_count_campaign = select(func.count()).where(
    _campaign.phone_number == bindparam("phone"), _campaign.campaign_id == bindparam("campaign")
)
_insert_system = insert(vicidial_dnc).values(phone_number=bindparam("phone"))
_insert_campaign = insert(vicidial_campaign_dnc).values(
    phone_number=bindparam("phone"), campaign_id=bindparam("campaign")
)
_delete_system = delete(vicidial_dnc).where(_system.phone_number == bindparam("phone"))
_delete_campaign = delete(vicidial_campaign_dnc).where(
    _campaign.phone_number == bindparam("phone"), _campaign.campaign_id == bindparam("campaign")
)
_insert_log = insert(vicidial_dnc_log)
_insert_admin_log = insert(vicidial_admin_log)


def fit_phone(phone: str) -> str:
    return str(fit(vicidial_dnc, {"phone_number": phone})["phone_number"])


def fit_campaign(campaign_id: str) -> str:
    return str(fit(vicidial_campaign_dnc, {"campaign_id": campaign_id})["campaign_id"])


def is_listed(conn: Connection, phone: str, campaign_id: str | None) -> bool:
    """Whether exactly this number is on the system list or the campaign's list."""
    if campaign_id is None:
        count = conn.execute(_count_system, {"phone": phone}).scalar_one()
    else:
        count = conn.execute(
            _count_campaign, {"phone": phone, "campaign": campaign_id}
        ).scalar_one()
    return int(count) > 0


def add(conn: Connection, phone: str, campaign_id: str | None) -> int:
    """Insert the number; the number of rows added (rowcount is not reliable for an INSERT on
    every driver, and a failed insert raises)."""
    if campaign_id is None:
        conn.execute(_insert_system, {"phone": phone})
    else:
        conn.execute(_insert_campaign, {"phone": phone, "campaign": campaign_id})
    return 1


def remove(conn: Connection, phone: str, campaign_id: str | None) -> int:
    """Delete the number; the number of rows deleted."""
    if campaign_id is None:
        return conn.execute(_delete_system, {"phone": phone}).rowcount
    return conn.execute(_delete_campaign, {"phone": phone, "campaign": campaign_id}).rowcount


def log_change(
    conn: Connection, *, phone: str, log_campaign: str, action: str, user: str, now: datetime
) -> int:
    """One vicidial_dnc_log row (campaign `-SYSINT-` for the system list)."""
    row = {"phone_number": phone, "campaign_id": log_campaign, "action": action,
           "action_date": now, "user": user}  # fmt: skip
    conn.execute(_insert_log, fit(vicidial_dnc_log, row))
    return 1


def log_admin_event(
    conn: Connection,
    *,
    now: datetime,
    user: str,
    ip: str,
    event_type: str,
    record_id: str,
    event_code: str,
    event_sql: str,
    event_notes: str,
) -> None:
    """The vicidial_admin_log entry of an administrative change."""
    row = {"event_date": now, "user": user, "ip_address": ip, "event_section": "LISTS",
           "event_type": event_type, "record_id": record_id, "event_code": event_code,
           "event_sql": event_sql, "event_notes": event_notes}  # fmt: skip
    conn.execute(_insert_admin_log, fit(vicidial_admin_log, row))

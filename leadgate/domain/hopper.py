"""The dial queue (vicidial_hopper) as the admin functions see it: hopper_list.

(add_lead / update_lead queue their own leads through storage.hopper; hopper_bulk_insert and
update_campaign's reset_hopper change it from here.)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import Connection

from leadgate.domain.leads.search import as_text
from leadgate.storage import hopper as store


@dataclass(frozen=True)
class HopperEntry:
    """One READY hopper row with its lead's facts, as VICIdial prints them."""

    priority: str
    lead_id: str
    list_id: str
    phone_number: str
    phone_code: str
    state: str
    status: str
    called_count: str
    gmt_offset_now: str
    rank: str
    alt_dial: str
    source: str
    vendor_lead_code: str
    source_id: str
    age_days: int
    # Hours, days or years since the lead's last call at the lead's local time, None = never
    # (VICIdial: 30 years or more).
    last_call: tuple[int, str] | None


def ready_entries(
    conn: Connection, campaign_id: str, allowed: frozenset[str] | None, *, now: datetime,
    server_gmt: float,
) -> list[HopperEntry]:  # fmt: skip
    return [_entry(row, now, server_gmt) for row in store.ready_entries(conn, campaign_id, allowed)]


def _entry(row: dict[str, object], now: datetime, server_gmt: float) -> HopperEntry:
    entry_date = row["entry_date"]
    # UNIX_TIMESTAMP(NULL) is NULL, which PHP's arithmetic takes as 0 (the epoch).
    entered = entry_date if isinstance(entry_date, datetime) else datetime(1970, 1, 1)
    age_days = int((now - entered).total_seconds() / 86400)
    return HopperEntry(
        priority=as_text(row["priority"]), lead_id=as_text(row["lead_id"]),
        list_id=as_text(row["list_id"]), phone_number=as_text(row["phone_number"]),
        phone_code=as_text(row["phone_code"]), state=as_text(row["state"]),
        status=as_text(row["status"]), called_count=as_text(row["called_count"]),
        gmt_offset_now=as_text(row["gmt_offset_now"]), rank=as_text(row["rank"]),
        alt_dial=as_text(row["alt_dial"]), source=as_text(row["source"]),
        vendor_lead_code=as_text(row["vendor_lead_code"]), source_id=as_text(row["source_id"]),
        age_days=age_days,
        last_call=_last_call(row["last_local_call_time"], row["gmt_offset_now"], now, server_gmt),
    )  # fmt: skip


def _last_call(
    last: object, gmt_offset: object, now: datetime, server_gmt: float
) -> tuple[int, str] | None:
    """VICIdial's age of the last call: the lead's local time moved to server time."""
    offset_hours = float(gmt_offset) if isinstance(gmt_offset, (Decimal, float, int)) else 0.0
    called = last if isinstance(last, datetime) else datetime(1970, 1, 1)
    seconds = (now - called).total_seconds() - (offset_hours - server_gmt) * 3600
    hours = int(seconds / 3600)
    if hours < 24:
        return hours, "HOURS"
    days = int(hours / 24)
    if days < 365:
        return days, "DAYS"
    years = int(days / 365)
    return (years, "YEARS") if years < 30 else None

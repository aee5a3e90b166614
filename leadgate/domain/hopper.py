"""The dial queue (vicidial_hopper) as the admin functions see it: hopper_list and
hopper_bulk_insert (also the CLI's `campaign hopper` and `campaign hopper-insert`).

(add_lead / update_lead queue their own leads through storage.hopper; update_campaign's
reset_hopper empties it.)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import Connection

from leadgate.domain import call_times
from leadgate.domain.campaigns import require_campaign
from leadgate.domain.events import HopperChanged
from leadgate.domain.leads.search import allowed_campaigns, as_text
from leadgate.storage import hopper as store
from leadgate.storage.unit_of_work import UnitOfWork

# VICIdial reads at most this many of the requested leads (the highest lead ids).
MAX_LEADS_READ = 1000
# A lead id that no BIGINT can hold matches no lead: it is not looked up at all.
_MAX_LEAD_ID = 2**63 - 1
# VICIdial's scope when a user group's campaigns have no list at all: list 9 (sic).
_NO_LIST_FALLBACK = frozenset({9})


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


# -- hopper_bulk_insert ------------------------------------------------------------------------


class Queueing(Enum):
    """What happened to one requested lead."""

    ADDED = "added to the hopper"
    ALREADY_QUEUED = "already in the hopper"
    NO_CAMPAIGN = "its list has no campaign"
    OUTSIDE_CALL_TIME = "outside its local call time"
    NOT_FOUND = "not found"


@dataclass(frozen=True)
class QueuedLead:
    lead_id: str  # as requested
    result: Queueing
    list_id: str = ""
    phone_number: str = ""
    gmt_offset_now: str = ""
    state: str = ""
    campaign_id: str = ""
    hopper_id: int = 0  # ADDED


@dataclass(frozen=True)
class BulkInsertRequest:
    lead_ids: Sequence[str]  # digit strings, in the order they are answered
    priority: int = 0  # -99..99
    check_call_time: bool = False
    # Only leads of these lists are found; None = every lead.
    lists: frozenset[int] | None = None


@dataclass(frozen=True)
class BulkInsertOutcome:
    leads: tuple[QueuedLead, ...] = ()
    # The request held an empty or non-numeric lead id; nothing was looked up or changed.
    invalid_lead_ids: bool = False

    def count(self, result: Queueing) -> int:
        return sum(1 for lead in self.leads if lead.result is result)

    @property
    def last_hopper_id(self) -> int | None:
        added = [lead.hopper_id for lead in self.leads if lead.result is Queueing.ADDED]
        return added[-1] if added else None


def api_scope(conn: Connection, user_group: str) -> frozenset[int] | None:
    """The lists whose leads hopper_bulk_insert may queue for a user of `user_group`: those of
    the group's allowed campaigns (None = all); a group whose campaigns have no list at all
    gets list 9, as in VICIdial."""
    campaigns = allowed_campaigns(conn, user_group, all_marker="-ALL")
    if campaigns is None:
        return None
    return frozenset(store.list_ids_of_campaigns(conn, campaigns)) or _NO_LIST_FALLBACK


def campaign_scope(conn: Connection, campaign_id: str) -> frozenset[int]:
    """The lists of one existing campaign (Refused NOT_FOUND otherwise)."""
    require_campaign(conn, campaign_id)
    return frozenset(store.list_ids_of_campaigns(conn, [campaign_id]))


def bulk_insert(uow: UnitOfWork, request: BulkInsertRequest) -> BulkInsertOutcome:
    """Queue each requested lead in the hopper of its list's campaign, in request order.

    VICIdial's rules: a lead already in any hopper, whose list has no campaign, or (when asked)
    outside its local call time is not queued; the row is READY, source P, with the lead's
    list, gmt offset, state and vendor code.
    """
    if not request.lead_ids or not all(re.fullmatch(r"[0-9]+", lead) for lead in request.lead_ids):
        return BulkInsertOutcome(invalid_lead_ids=True)
    conn = uow.conn
    numbers = {int(lead) for lead in request.lead_ids if int(lead) <= _MAX_LEAD_ID}
    found = {
        as_text(row["lead_id"]): row
        for row in store.leads_to_queue(conn, numbers, request.lists, MAX_LEADS_READ)
    }
    dialing = {
        int(row["list_id"]): store.list_dialing(conn, int(row["list_id"])) for row in found.values()
    }
    # The dialer's hopper fill takes the same locks: a lead is never queued twice at once.
    uow.lock(f"hopper-fill:{d.campaign_id}" for d in dialing.values() if d.campaign_id)
    results = []
    for lead_id in request.lead_ids:
        row = found.get(lead_id)
        results.append(
            _queue(uow, request, lead_id, row, dialing[int(row["list_id"])])
            if row is not None
            else QueuedLead(lead_id, Queueing.NOT_FOUND)
        )
    return BulkInsertOutcome(tuple(results))


def _queue(
    uow: UnitOfWork, request: BulkInsertRequest, lead_id: str, row: dict[str, Any],
    dialing: store.ListDialing,
) -> QueuedLead:  # fmt: skip
    conn = uow.conn
    number = int(lead_id)
    gmt = row["gmt_offset_now"] if row["gmt_offset_now"] is not None else Decimal(0)
    state = as_text(row["state"])
    lead = QueuedLead(lead_id, Queueing.ADDED, list_id=as_text(row["list_id"]),
                      phone_number=as_text(row["phone_number"]), gmt_offset_now=as_text(gmt),
                      state=state, campaign_id=dialing.campaign_id)  # fmt: skip
    if store.lead_queued(conn, number):
        return replace(lead, result=Queueing.ALREADY_QUEUED)
    if not dialing.campaign_id:
        return replace(lead, result=Queueing.NO_CAMPAIGN)
    if request.check_call_time and not call_times.is_dialable(
        conn, dialing.call_time, gmt, state, now=uow.now
    ):
        return replace(lead, result=Queueing.OUTSIDE_CALL_TIME)
    hopper_id = store.insert_entry(
        conn,
        {
            "lead_id": number, "campaign_id": dialing.campaign_id, "status": "READY",
            "list_id": row["list_id"], "gmt_offset_now": gmt, "state": state, "user": "",
            "priority": request.priority, "source": "P",
            "vendor_lead_code": as_text(row["vendor_lead_code"]),
        },
    )  # fmt: skip
    uow.emit(HopperChanged(number, dialing.campaign_id, added=True))
    return replace(lead, hopper_id=hopper_id)

"""vicidial_hopper: the dial queue rows add_lead and hopper_bulk_insert create, and the
call-time facts they need."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import BigInteger, Connection, bindparam, delete, func, insert, select

from leadgate.storage.columns import fit
from leadgate.storage.tables import (
    vicidial_campaigns,
    vicidial_hopper,
    vicidial_list,
    vicidial_lists,
)

_list_campaign = (
    select(
        vicidial_campaigns.c.local_call_time,
        vicidial_lists.c.local_call_time,
        vicidial_campaigns.c.campaign_id,
    )
    .select_from(
        vicidial_lists.join(
            vicidial_campaigns, vicidial_campaigns.c.campaign_id == vicidial_lists.c.campaign_id
        )
    )
    .where(vicidial_lists.c.list_id == bindparam("list_id", type_=BigInteger))
    .limit(1)
)
_insert = insert(vicidial_hopper)


@dataclass(frozen=True)
class ListDialing:
    """The campaign of a list and the call time that applies to its leads."""

    campaign_id: str
    campaign_call_time: str
    list_call_time: str

    @property
    def call_time(self) -> str:
        """The list's call time overrides the campaign's unless empty or 'campaign'."""
        if self.list_call_time and self.list_call_time.lower() != "campaign":
            return self.list_call_time
        return self.campaign_call_time


NO_CAMPAIGN = ListDialing(campaign_id="", campaign_call_time="", list_call_time="")


def list_dialing(conn: Connection, list_id: int) -> ListDialing:
    """The dialing facts of a list; empty when the list or its campaign does not exist."""
    row = conn.execute(_list_campaign, {"list_id": list_id}).first()
    if row is None:
        return NO_CAMPAIGN
    return ListDialing(
        campaign_id=str(row[2] or ""),
        campaign_call_time=str(row[0] or ""),
        list_call_time=str(row[1] or ""),
    )


def insert_entry(conn: Connection, values: Mapping[str, Any]) -> int:
    """Queue one lead; the new hopper_id."""
    result = conn.execute(_insert, fit(vicidial_hopper, values))
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def list_ids_of_campaigns(conn: Connection, campaign_ids: Collection[str]) -> list[int]:
    """The lists attached to any of these campaigns."""
    if not campaign_ids:
        return []
    l = vicidial_lists.c  # noqa: E741
    stmt = select(l.list_id).where(l.campaign_id.in_(sorted(campaign_ids))).order_by(l.list_id)
    return [int(row[0]) for row in conn.execute(stmt)]


def leads_to_queue(
    conn: Connection, lead_ids: Collection[int], lists: Collection[int] | None, limit: int
) -> list[dict[str, Any]]:
    """What a hopper row copies from each of these leads (only leads of `lists` unless None),
    highest lead_id first, at most `limit` leads."""
    if not lead_ids:
        return []
    lead = vicidial_list.c
    wanted = bindparam("lead_ids", sorted(lead_ids), expanding=True, type_=BigInteger)
    stmt = (
        select(
            lead.lead_id,
            lead.list_id,
            lead.gmt_offset_now,
            lead.phone_number,
            lead.vendor_lead_code,
            lead.state,
        )  # fmt: skip
        .where(lead.lead_id.in_(wanted))
        .order_by(lead.lead_id.desc())
        .limit(limit)
    )
    if lists is not None:
        stmt = stmt.where(lead.list_id.in_(bindparam("lists", sorted(lists), expanding=True,
                                                     type_=BigInteger)))  # fmt: skip
    return [dict(row) for row in conn.execute(stmt).mappings()]


def lead_queued(conn: Connection, lead_id: int) -> bool:
    """Is the lead in any campaign's hopper?"""
    stmt = select(func.count()).where(vicidial_hopper.c.lead_id == lead_id)
    return int(conn.execute(stmt).scalar_one()) > 0


def ready_entries(
    conn: Connection, campaign_id: str, allowed: frozenset[str] | None, limit: int = 10_000
) -> list[dict[str, Any]]:
    """hopper_list's rows: READY entries of a campaign with their lead's facts (None when
    the lead is gone), highest priority first, then in queue order."""
    hopper, lead = vicidial_hopper.c, vicidial_list.c
    stmt = (
        select(
            hopper.lead_id,
            hopper.list_id,
            hopper.gmt_offset_now,
            hopper.state,
            hopper.alt_dial,
            hopper.priority,
            hopper.source,
            hopper.vendor_lead_code,
            lead.phone_number,
            lead.status,
            lead.called_count,
            lead.phone_code,
            lead.entry_date,
            lead.last_local_call_time,
            lead.source_id,
            lead["rank"],
        )  # fmt: skip
        .select_from(vicidial_hopper.outerjoin(vicidial_list, lead.lead_id == hopper.lead_id))
        .where(hopper.status == "READY", hopper.campaign_id == campaign_id)
        .order_by(hopper.priority.desc(), hopper.hopper_id)
        .limit(limit)
    )
    if allowed is not None:
        stmt = stmt.where(hopper.campaign_id.in_(sorted(allowed)))
    return [dict(row) for row in conn.execute(stmt).mappings()]


def delete_campaign_entries(conn: Connection, campaign_id: str) -> int:
    """Empty a campaign's hopper; the rows deleted."""
    stmt = delete(vicidial_hopper).where(vicidial_hopper.c.campaign_id == campaign_id)
    return int(conn.execute(stmt).rowcount)

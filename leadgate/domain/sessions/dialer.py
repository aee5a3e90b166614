"""Filling a campaign's hopper for the auto-dialer, by VICIdial's rules: leads of the
campaign's active lists whose status is one of its dial statuses, not called since the last
list reset, not already queued, inside the campaign's call time at the lead's local time, in
the campaign's lead order, up to its hopper level.

Only on a standalone leadgate: on a VICIdial database VICIdial's own hopper process does it.
"""

from __future__ import annotations

from leadgate.domain import call_times
from leadgate.domain.events import HopperChanged
from leadgate.storage import hopper as hopper_store
from leadgate.storage import sessions as store
from leadgate.storage.unit_of_work import UnitOfWork

MAX_CANDIDATES = 1000


def fill_hopper(uow: UnitOfWork, campaign_id: str) -> int:
    """Top the campaign's hopper up to its hopper level; how many leads were queued."""
    conn = uow.conn
    campaign = store.campaign_row(conn, campaign_id)
    if campaign is None or campaign.get("active") != "Y":
        return 0
    uow.lock([f"hopper-fill:{campaign_id}"])  # two engines must not queue the same lead
    wanted = max(1, int(campaign.get("hopper_level") or 1)) - store.hopper_size(conn, campaign_id)
    if wanted <= 0:
        return 0
    statuses = dial_statuses(str(campaign.get("dial_statuses") or ""))
    lists = store.campaign_list_ids(conn, campaign_id, active_only=True)
    call_time = str(campaign.get("local_call_time") or "24hours")
    order = str(campaign.get("lead_order") or "DOWN")
    queued = 0
    for lead in store.dialable_candidates(conn, lists, statuses, MAX_CANDIDATES, order):
        if queued >= wanted:
            break
        gmt = lead["gmt_offset_now"] if lead["gmt_offset_now"] is not None else 0
        state = str(lead["state"] or "")
        if not call_times.is_dialable(conn, call_time, gmt, state, now=uow.now):
            continue
        hopper_store.insert_entry(
            conn,
            {
                "lead_id": lead["lead_id"], "campaign_id": campaign_id, "status": "READY",
                "user": "", "list_id": lead["list_id"], "gmt_offset_now": gmt, "state": state,
                "alt_dial": "NONE", "priority": 0, "source": "S",
                "vendor_lead_code": lead["vendor_lead_code"] or "",
            },
        )  # fmt: skip
        uow.emit(HopperChanged(int(lead["lead_id"]), campaign_id, added=True))
        queued += 1
    return queued


def dial_statuses(text: str) -> list[str]:
    """vicidial_campaigns.dial_statuses: ' NEW NA -' → ['NEW', 'NA']."""
    return [status for status in text.split() if status != "-"]

"""Lead lists: lookups for every caller (list_info, the CLI's show and list). Changes (add,
update, reset, delete) are domain/list_settings.py."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from leadgate.domain import call_times
from leadgate.domain.campaigns import find_campaign
from leadgate.domain.leads.search import as_text
from leadgate.domain.refusals import Problem, Refused
from leadgate.storage import lists as store


def get_list(conn: Connection, list_id: int) -> dict[str, Any]:
    row = store.find_list(conn, list_id)
    if row is None:
        raise Refused(Problem.NOT_FOUND, entity="list", key=str(list_id))
    return row


def all_lists(conn: Connection, campaign_id: str | None = None) -> list[dict[str, Any]]:
    return store.all_lists(conn, campaign_id)


@dataclass(frozen=True)
class ListInfo:
    list_id: str
    fields: tuple[str, ...]  # list_name … resets_today, as printed
    counts: tuple[int, int] | None  # (all leads, NEW leads) when asked for
    dialable: int | None  # dialable leads now, when asked for


INFO_COLUMNS = ("list_name", "campaign_id", "active", "list_changedate", "list_lastcalldate",
                "expiration_date", "resets_today")  # fmt: skip


def list_info(
    conn: Connection, list_id: int, allowed: frozenset[str] | None, *, counts: bool,
    dialable: bool, now: datetime,
) -> ListInfo | None:  # fmt: skip
    """list_info: the list (None when missing or not in an allowed campaign), its lead counts
    and its dialable count on request."""
    row = store.visible_list(conn, list_id, allowed)
    if row is None:
        return None
    fields = tuple(as_text(row[c]) for c in INFO_COLUMNS)
    lead_counts = store.lead_counts(conn, list_id) if counts else None
    dialable_now = _dialable(conn, list_id, str(row["campaign_id"] or ""), allowed, now) if (
        dialable) else None  # fmt: skip
    return ListInfo(str(list_id), fields, lead_counts, dialable_now)


def _dialable(
    conn: Connection, list_id: int, campaign_id: str, allowed: frozenset[str] | None,
    now: datetime,
) -> int:  # fmt: skip
    """Leads of the list in the campaign's dial statuses, not called since the last reset, and
    inside the campaign's call time at their local time now. (VICIdial also applies the
    campaign's lead filter, drop lockout and call count limit, which leadgate does not store.)"""
    if allowed is not None and campaign_id not in allowed:
        return 0
    campaign = find_campaign(conn, campaign_id)
    if campaign is None:
        return 0
    statuses = [s for s in str(campaign.get("dial_statuses") or "").split() if s != "-"]
    call_time = str(campaign.get("local_call_time") or "")
    return sum(
        count
        for gmt, state, count in store.dialable_groups(conn, list_id, statuses, 0)
        if call_times.is_dialable(conn, call_time, gmt if gmt is not None else 0, state, now)
    )

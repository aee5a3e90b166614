"""Queuing call URLs with the event that fires them, inside the event's transaction.

`consume` is an event consumer of the unit of work (storage/unit_of_work.py): it runs before
COMMIT, so the outbox row exists exactly when the change it reports does.

apinewlead: non-agent add_lead inserted a lead (LeadAdded with origin "add_lead"; spec
add_lead.md step 23). The URL is built from the row as stored and queued; the dispatcher sends
it later. No HTTP here, and no query at all when no apinewlead row exists (the rows are cached
for a few seconds).
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from leadgate.domain import webhooks
from leadgate.domain.events import LeadAdded
from leadgate.domain.webhooks import ListFacts, NewLead, UrlRow
from leadgate.storage import leads as lead_store
from leadgate.storage import outbox
from leadgate.storage import webhooks as webhook_store
from leadgate.storage.unit_of_work import UnitOfWork

# Only the Non-Agent API's add_lead (and its lmapi alias) fires apinewlead in VICIdial.
NEWLEAD_ORIGINS = frozenset({"add_lead"})


def url_row(row: Mapping[str, Any]) -> UrlRow:
    return UrlRow(
        url_id=int(row["url_id"]), campaign_id=str(row["campaign_id"] or ""),
        entry_type=str(row["entry_type"] or ""), url_type=str(row["url_type"] or ""),
        active=str(row["active"] or ""), url_rank=int(row["url_rank"] or 0),
        url_statuses=str(row["url_statuses"] or ""), url_lists=str(row["url_lists"] or ""),
        url_call_length=int(row["url_call_length"] or 0),
        url_address=str(row["url_address"] or ""),
    )  # fmt: skip


class NewLeadRows:
    """The apinewlead rows, re-read at most every `ttl` seconds per database (0 = always)."""

    def __init__(self, ttl: float) -> None:
        self.ttl = ttl
        self._cached: dict[int, tuple[float, list[UrlRow]]] = {}

    def rows(self, conn: Connection) -> list[UrlRow]:
        key = id(conn.engine)
        cached = self._cached.get(key)
        if cached is not None and cached[0] > time.monotonic():
            return cached[1]
        rows = [url_row(row) for row in webhook_store.newlead_url_rows(conn)]
        if self.ttl > 0:
            self._cached[key] = (time.monotonic() + self.ttl, rows)
        return rows

    def forget(self) -> None:
        self._cached.clear()


NEWLEAD_ROWS = NewLeadRows(ttl=3.0)


def consume(uow: UnitOfWork, events: Sequence[object]) -> None:
    """The unit-of-work consumer: queue the call URLs of the events that have one."""
    for event in events:
        if isinstance(event, LeadAdded) and event.origin in NEWLEAD_ORIGINS:
            lead_added(uow.conn, lead_id=event.lead_id, list_id=event.list_id, now=uow.now)


def lead_added(conn: Connection, *, lead_id: int, list_id: int, now: datetime) -> str | None:
    """Queue the apinewlead URL of a lead add_lead inserted in this transaction; the URL."""
    template = webhooks.choose_apinewlead(NEWLEAD_ROWS.rows(conn), list_id)
    if template is None:
        return None
    lead = webhook_store.stored_lead(conn, lead_id)
    if lead is None:
        return None
    facts = ListFacts()
    if webhooks.needs_list_facts(template):
        row = webhook_store.list_row(conn, list_id)
        if row is not None:
            facts = ListFacts(
                str(row["list_name"] or ""),
                str(row["list_description"] or ""),
                str(row["campaign_id"] or ""),
            )
    url = webhooks.apinewlead_url(template, NewLead(lead, facts))
    if "--a--" in url.lower():
        # Tokens left: custom fields, when this add_lead wrote the lead's custom row (a new
        # lead's row can only come from this call: custom_fields=Y and the row inserted).
        table = lead_store.custom_table(conn, list_id)
        custom = webhook_store.custom_row(conn, table, lead_id) if table is not None else None
        if custom is not None:
            url = webhooks.apinewlead_url(template, NewLead(lead, facts, custom))
    outbox.enqueue(conn, url_type="apinewlead", uniqueid=str(lead_id), lead_id=lead_id,
                   urls=[url], now=now)  # fmt: skip
    return url

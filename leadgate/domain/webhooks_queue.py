"""Queuing call URLs with the event that fires them, inside the event's transaction.

`consume` is an event consumer of the unit of work (storage/unit_of_work.py): it runs before
COMMIT, so the outbox row exists exactly when the change it reports does.

apinewlead: non-agent add_lead inserted a lead (LeadAdded with origin "add_lead"; spec
add_lead.md step 23). start_call_url and dispo_call_url: a call of a session leadgate's session
engine drives was answered (CallAnswered) or dispositioned (CallDispositioned) — the moments
VICIdial's agent screen fires them (spec webhooks.md §4). The URL is built from the row as stored and queued; the dispatcher sends
it later. No HTTP here, and no query at all when no apinewlead row exists (the rows are cached
for a few seconds).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Connection

from leadgate.domain import call_urls, webhooks
from leadgate.domain.call_urls import CallContext, Disposition
from leadgate.domain.events import CallAnswered, CallDispositioned, LeadAdded
from leadgate.domain.webhooks import ListFacts, NewLead, UrlRow
from leadgate.storage import custom_tables, outbox
from leadgate.storage import webhooks as webhook_store
from leadgate.storage.unit_of_work import UnitOfWork

# Only the Non-Agent API's add_lead (and its lmapi alias) fires apinewlead in VICIdial.
NEWLEAD_ORIGINS = frozenset({"add_lead"})


url_row = call_urls.url_row


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
    """The unit-of-work consumer: queue the call URLs of the events that have one.

    Without the outbox table (a VICIdial database before `leadgate init`) nothing is queued:
    the change itself must not fail for want of its webhook (the dispatcher warns at start)."""
    if not outbox.outbox_present(uow.conn):
        return
    for event in events:
        if isinstance(event, LeadAdded) and event.origin in NEWLEAD_ORIGINS:
            lead_added(uow.conn, lead_id=event.lead_id, list_id=event.list_id, now=uow.now)
        elif isinstance(event, CallDispositioned):
            call_dispositioned(uow.conn, event, now=uow.now)
        elif isinstance(event, CallAnswered):
            call_answered(uow.conn, event, now=uow.now)


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
        custom = custom_tables.with_custom_table(
            conn,
            list_id,
            lambda table: (
                webhook_store.custom_row(conn, table, lead_id) if table is not None else None
            ),
        )
        if custom is not None:
            url = webhooks.apinewlead_url(template, NewLead(lead, facts, custom))
    outbox.enqueue(conn, url_type="apinewlead", uniqueid=str(lead_id), lead_id=lead_id,
                   urls=[url], now=now)  # fmt: skip
    return url


# -- start and dispo URLs of the calls leadgate's session engine drives -----------------------


def call_dispositioned(conn: Connection, event: CallDispositioned, *, now: datetime) -> list[str]:
    """Queue the dispo_call_url(s) of the call (campaign's or in-group's, ALT rows); the URLs."""
    call = CallContext(user=event.user, lead_id=event.lead_id, campaign_id=event.campaign_id,
                       ingroup=event.ingroup, uniqueid=event.uniqueid)  # fmt: skip
    dispo = Disposition(
        status=event.status, talk_seconds=event.talk_seconds, call_notes=event.call_notes,
        callback_datetime=event.callback_datetime, custom_fields=event.custom_fields,
    )  # fmt: skip
    urls = call_urls.dispo_urls(conn, call, dispo, now)
    if urls:
        outbox.enqueue(conn, url_type="dispo", uniqueid=event.uniqueid or str(event.lead_id),
                       lead_id=event.lead_id, urls=urls, now=now)  # fmt: skip
    return urls


def call_answered(conn: Connection, event: CallAnswered, *, now: datetime) -> list[str]:
    """Queue the start_call_url(s) of the call (campaign's or in-group's, ALT rows); the URLs."""
    call = CallContext(user=event.user, lead_id=event.lead_id, campaign_id=event.campaign_id,
                       ingroup=event.ingroup, uniqueid=event.uniqueid)  # fmt: skip
    urls = call_urls.start_urls(conn, call, now)
    if urls:
        outbox.enqueue(conn, url_type="start", uniqueid=event.uniqueid or str(event.lead_id),
                       lead_id=event.lead_id, urls=urls, now=now)  # fmt: skip
    return urls

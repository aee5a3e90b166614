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
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from leadgate.domain import webhooks, webhooks_delivery
from leadgate.domain.events import CallAnswered, CallDispositioned, LeadAdded
from leadgate.domain.webhooks import Agent, CallFacts, Dispo, ListFacts, NewLead, Talk, UrlRow
from leadgate.storage import outbox
from leadgate.storage import webhooks as webhook_store
from leadgate.storage.leads import intake as lead_store
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
        table = lead_store.custom_table(conn, list_id)
        custom = webhook_store.custom_row(conn, table, lead_id) if table is not None else None
        if custom is not None:
            url = webhooks.apinewlead_url(template, NewLead(lead, facts, custom))
    outbox.enqueue(conn, url_type="apinewlead", uniqueid=str(lead_id), lead_id=lead_id,
                   urls=[url], now=now)  # fmt: skip
    return url


# -- start and dispo URLs of the calls leadgate's session engine drives -----------------------

_CUSTOM = ("custom_one", "custom_two", "custom_three", "custom_four", "custom_five")


def _call_facts(conn: Connection, user: str, campaign: Mapping[str, Any], uniqueid: str,
                now: datetime) -> CallFacts:  # fmt: skip
    agent = webhook_store.agent_row(conn, user) or {}
    live = webhook_store.live_agent_row(conn, user) or {}
    posted = {
        "uniqueid": uniqueid, "call_id": str(live.get("callerid") or ""),
        "session_id": str(live.get("conf_exten") or ""),
        "server_ip": str(live.get("server_ip") or ""),
        "customer_server_ip": str(live.get("server_ip") or ""),
        "agent_log_id": str(live.get("agent_log_id") or ""),
        "SIPexten": str(live.get("extension") or ""),
    }  # fmt: skip
    return CallFacts(
        agent=Agent(
            user=user, full_name=str(agent.get("full_name") or ""),
            user_group=str(agent.get("user_group") or ""), email=str(agent.get("email") or ""),
            custom=tuple(str(agent.get(name) or "") for name in _CUSTOM),
        ),
        campaign_id=str(campaign["campaign_id"]), group=str(campaign["campaign_id"]),
        posted=posted, now=now,
        campaign_custom=tuple(str(campaign.get(name) or "") for name in _CUSTOM),
    )  # fmt: skip


def _lead_and_list(conn: Connection, lead_id: int) -> tuple[Mapping[str, Any], ListFacts] | None:
    lead = webhook_store.stored_lead(conn, lead_id)
    if lead is None:
        return None
    row = webhook_store.list_row(conn, int(lead["list_id"] or 0))
    facts = ListFacts()
    if row is not None:
        facts = ListFacts(str(row["list_name"] or ""), str(row["list_description"] or ""),
                          str(row["campaign_id"] or ""))  # fmt: skip
    return lead, facts


def _with_pass(conn: Connection, call: CallFacts, template: str) -> CallFacts:
    """D11: the operator's per-endpoint value for --A--pass--B--, only where the template asks
    for it (VICIdial sends the agent's plain password, which leadgate does not have)."""
    if "--a--pass--b--" not in template.lower():
        return call
    options = [webhooks_delivery.EndpointOptions(e.url_prefix, pass_value=e.pass_value)
               for e in outbox.endpoints(conn)]  # fmt: skip
    endpoint = webhooks_delivery.endpoint_for(webhooks.strip_var_prefix(template), options)
    return replace(call, pass_value=endpoint.pass_value if endpoint is not None else "")


def call_dispositioned(conn: Connection, event: CallDispositioned, *, now: datetime) -> list[str]:
    """Queue the campaign's dispo_call_url (or its qualifying ALT rows); the URLs."""
    campaign = webhook_store.campaign_call_urls(conn, event.campaign_id)
    found = _lead_and_list(conn, event.lead_id)
    if campaign is None or found is None:
        return []
    lead, list_facts = found
    address = webhooks.dispo_address(campaign["dispo_call_url"], None, is_ingroup=False)
    alt = []
    if address == webhooks.ALT:
        rows = webhook_store.call_url_rows(conn, event.campaign_id, "campaign", "dispo")
        alt = webhooks.dispo_alt_rows(
            [url_row(row) for row in rows], status=event.status,
            list_id=str(lead["list_id"]), talk_time=event.talk_seconds,
        )  # fmt: skip
    templates = webhooks.templates_of(address, alt)
    if not templates:
        return []
    call = _call_facts(conn, event.user, campaign, event.uniqueid, now)
    dispo = Dispo(
        status=event.status,
        status_name=webhook_store.status_name(conn, event.status, event.campaign_id),
        talk=Talk.of(event.talk_seconds, 0), callback_datetime=event.callback_datetime,
    )  # fmt: skip
    urls = [webhooks.dispo_url(template, lead, list_facts, _with_pass(conn, call, template), dispo)
            for template in templates]  # fmt: skip
    outbox.enqueue(conn, url_type="dispo", uniqueid=event.uniqueid or str(event.lead_id),
                   lead_id=event.lead_id, urls=urls, now=now)  # fmt: skip
    return urls


def call_answered(conn: Connection, event: CallAnswered, *, now: datetime) -> list[str]:
    """Queue the campaign's start_call_url (or its ALT rows for the lead's list); the URLs."""
    campaign = webhook_store.campaign_call_urls(conn, event.campaign_id)
    found = _lead_and_list(conn, event.lead_id)
    if campaign is None or found is None:
        return []
    lead, list_facts = found
    address = webhooks.start_address(campaign["start_call_url"], None, is_ingroup=False)
    alt = []
    if address == webhooks.ALT:
        rows = webhook_store.call_url_rows(conn, event.campaign_id, "campaign", "start")
        alt = webhooks.start_alt_rows([url_row(row) for row in rows], list_id=str(lead["list_id"]))
    templates = webhooks.templates_of(address, alt)
    if not templates:
        return []
    call = _call_facts(conn, event.user, campaign, event.uniqueid, now)
    urls = [webhooks.start_url(template, lead, list_facts, _with_pass(conn, call, template))
            for template in templates]  # fmt: skip
    outbox.enqueue(conn, url_type="start", uniqueid=event.uniqueid or str(event.lead_id),
                   lead_id=event.lead_id, urls=urls, now=now)  # fmt: skip
    return urls

"""The dispo and start call URLs of one call, built from what the database holds.

`dispo_urls` and `start_urls` take what only the caller knows (the agent, the lead, the
disposition, the values VICIdial takes from the agent screen's POST) and read the rest the way
VICIdial does: the agent's live row and user row, the campaign's or in-group's URL and ALT rows,
the talk time of the agent log row, the call's vicidial_log / closer log / DID log rows, the
status name, the lead as stored with its list and custom row, a DISPO_FILTER container. The
URL strings themselves come from the pure builders in domain/webhooks.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from leadgate.domain import webhooks, webhooks_delivery
from leadgate.domain.webhooks import Agent, CallFacts, Did, Dispo, ListFacts, Talk, UrlRow
from leadgate.storage import custom_tables, outbox
from leadgate.storage import webhooks as webhook_store

_CUSTOM = ("custom_one", "custom_two", "custom_three", "custom_four", "custom_five")


@dataclass(frozen=True)
class CallContext:
    """What the caller knows of the call; everything else is read from the database."""

    user: str
    lead_id: int
    campaign_id: str = ""  # used when the agent has no live row
    # dispo: the in-group the agent screen names (its `stage`), "" for none;
    # start: None reads it from the live call handed to the agent (call_type IN).
    ingroup: str | None = None
    uniqueid: str | None = None  # None: the agent's live row's
    # Values VICIdial takes from the agent screen's POST, by its variable names (see
    # CallFacts.posted); missing ones come from the agent's live row where it has them.
    screen: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Disposition:
    status: str
    # The posted list_id, which the ALT list filter uses (d22); None: the lead's.
    list_id: str | None = None
    agent_log_id: int | None = None  # talk time from this vicidial_agent_log row, if given
    talk_seconds: int = 0  # … else this
    call_notes: str = ""
    callback_lead_status: str = ""
    callback_datetime: str = ""
    custom_fields: bool = False  # the agent screen posted custom_field_names


def url_row(row: Mapping[str, Any]) -> UrlRow:
    return UrlRow(
        url_id=int(row["url_id"]), campaign_id=str(row["campaign_id"] or ""),
        entry_type=str(row["entry_type"] or ""), url_type=str(row["url_type"] or ""),
        active=str(row["active"] or ""), url_rank=int(row["url_rank"] or 0),
        url_statuses=str(row["url_statuses"] or ""), url_lists=str(row["url_lists"] or ""),
        url_call_length=int(row["url_call_length"] or 0),
        url_address=str(row["url_address"] or ""),
    )  # fmt: skip


def _text(row: Mapping[str, Any] | None, name: str) -> str:
    return str((row or {}).get(name) or "")


def _customs(row: Mapping[str, Any] | None) -> tuple[str, ...]:
    return tuple(_text(row, name) for name in _CUSTOM)


def _rows(conn: Connection, owner: str, entry_type: str, url_type: str) -> list[UrlRow]:
    return [url_row(r) for r in webhook_store.call_url_rows(conn, owner, entry_type, url_type)]


@dataclass(frozen=True)
class _Stored:
    lead: dict[str, Any]
    list_facts: ListFacts
    live: Mapping[str, Any]
    campaign_id: str
    campaign: Mapping[str, Any]


def _stored(conn: Connection, call: CallContext) -> _Stored | None:
    lead = webhook_store.stored_lead(conn, call.lead_id)
    if lead is None:
        return None
    row = webhook_store.list_row(conn, int(lead["list_id"] or 0))
    facts = ListFacts(_text(row, "list_name"), _text(row, "list_description"),
                      _text(row, "campaign_id"))  # fmt: skip
    live = webhook_store.live_agent_row(conn, call.user) or {}
    campaign_id = _text(live, "campaign_id") or call.campaign_id
    campaign = webhook_store.campaign_call_urls(conn, campaign_id) or {}
    return _Stored(dict(lead), facts, live, campaign_id, campaign)


def _screen(call: CallContext, live: Mapping[str, Any], *, start: bool) -> dict[str, str]:
    values = {
        "uniqueid": call.uniqueid if call.uniqueid is not None else _text(live, "uniqueid"),
        "call_id": _text(live, "callerid"), "session_id": _text(live, "conf_exten"),
        "server_ip": _text(live, "server_ip"),
        "customer_server_ip": _text(live, "call_server_ip") or _text(live, "server_ip"),
        "agent_log_id": _text(live, "agent_log_id"), "SIPexten": _text(live, "extension"),
    }  # fmt: skip
    if start:  # the start URL reports the agent's customer channel (not the dispo URL)
        values["customer_zap_channel"] = _text(live, "channel")
    values.update(call.screen)
    return values


def _call_facts(conn: Connection, call: CallContext, stored: _Stored, screen: dict[str, str],
                group: str, ingroup_custom: tuple[str, ...], now: datetime) -> CallFacts:  # fmt: skip
    agent = webhook_store.agent_row(conn, call.user)
    uniqueid = screen["uniqueid"]
    called = webhook_store.outbound_log_row(conn, uniqueid) if uniqueid else None
    closer = webhook_store.closer_log_row(conn, uniqueid) if uniqueid else None
    did_row = webhook_store.did_of_call(conn, uniqueid) if uniqueid else None
    did = Did()
    if did_row is not None:
        did = Did(_text(did_row, "did_id"), _text(did_row, "extension"),
                  _text(did_row, "did_pattern"), _text(did_row, "did_description"),
                  _customs(did_row))  # fmt: skip
    return CallFacts(
        agent=Agent(call.user, _text(agent, "full_name"), _text(agent, "user_group"),
                    _text(agent, "email"), _customs(agent)),
        campaign_id=stored.campaign_id,
        group=_text(closer, "campaign_id") or group,
        posted=screen, now=now,
        campaign_custom=_customs(stored.campaign), ingroup_custom=ingroup_custom, did=did,
        closecallid=_text(closer, "closecallid"),
        dialed_number=_text(called, "phone_number") if called else _text(stored.lead, "phone_number"),
        dialed_label=_text(called, "alt_dial") or "NONE",
        term_reason=_text(called, "term_reason") or "NONE",
    )  # fmt: skip


def _custom_row(conn: Connection, lead: Mapping[str, Any]) -> Mapping[str, Any] | None:
    list_id, lead_id = int(lead["list_id"] or 0), int(lead["lead_id"])
    return custom_tables.with_custom_table(
        conn,
        list_id,
        lambda table: webhook_store.custom_row(conn, table, lead_id) if table is not None else None,
    )


def with_pass(conn: Connection, call: CallFacts, template: str) -> CallFacts:
    """D11: the operator's per-endpoint value for --A--pass--B--, only where the template asks
    for it (VICIdial sends the agent's plain password, which leadgate does not have)."""
    if "--a--pass--b--" not in template.lower():
        return call
    options = [webhooks_delivery.EndpointOptions(e.url_prefix, pass_value=e.pass_value)
               for e in outbox.endpoints(conn)]  # fmt: skip
    endpoint = webhooks_delivery.endpoint_for(webhooks.strip_var_prefix(template), options)
    return replace(call, pass_value=endpoint.pass_value if endpoint is not None else "")


def dispo_urls(conn: Connection, call: CallContext, dispo: Disposition, now: datetime) -> list[str]:
    """The dispo_call_url(s) VICIdial requests when the agent dispositions this call."""
    stored = _stored(conn, call)
    if stored is None:
        return []
    ingroup = webhook_store.ingroup_call_urls(conn, call.ingroup) if call.ingroup else None
    address = webhooks.dispo_address(stored.campaign.get("dispo_call_url"),
                                     _text(ingroup, "dispo_call_url"), ingroup is not None)  # fmt: skip
    # The in-group's own URL (not `CAMP`) also brings its ALT rows and custom values (d24, d25).
    on_ingroup = ingroup is not None and address == _text(ingroup, "dispo_call_url")
    talk = Talk.of(dispo.talk_seconds, 0)
    if dispo.agent_log_id is not None:
        logged = webhook_store.agent_log_talk(conn, dispo.agent_log_id, call.lead_id)
        talk = Talk.of(logged["talk_sec"], logged["dead_sec"]) if logged else Talk()
    alt: list[UrlRow] = []
    if address == webhooks.ALT:
        owner = str(call.ingroup) if on_ingroup else stored.campaign_id
        rows = _rows(conn, owner, "ingroup" if on_ingroup else "campaign", "dispo")
        list_id = dispo.list_id if dispo.list_id is not None else _text(stored.lead, "list_id")
        alt = webhooks.dispo_alt_rows(rows, status=dispo.status, list_id=list_id,
                                      talk_time=talk.seconds)  # fmt: skip
    templates = webhooks.templates_of(address, alt)
    if not templates:
        return []
    facts = _call_facts(conn, call, stored, _screen(call, stored.live, start=False),
                        stored.campaign_id, _customs(ingroup) if on_ingroup else _customs(None),
                        now)  # fmt: skip
    # An unknown status is named by its code (recorded d15).
    name = webhook_store.status_name(conn, dispo.status, stored.campaign_id) or dispo.status
    built = Dispo(dispo.status, name, talk, dispo.call_notes, dispo.callback_lead_status,
                  dispo.callback_datetime)  # fmt: skip
    custom = _custom_row(conn, stored.lead) if dispo.custom_fields else None
    urls = []
    for template in templates:
        container = webhooks.dispo_filter_id(template)
        entry = webhook_store.settings_container_entry(conn, container) if container else None
        urls.append(webhooks.dispo_url(template, stored.lead, stored.list_facts,
                                       with_pass(conn, facts, template), built,
                                       custom=custom, dispo_filter=entry))  # fmt: skip
    return urls


def start_urls(conn: Connection, call: CallContext, now: datetime) -> list[str]:
    """The start_call_url(s) VICIdial requests when a call reaches the agent."""
    stored = _stored(conn, call)
    if stored is None:
        return []
    group_id = call.ingroup
    if group_id is None:
        live_call = webhook_store.auto_call_row(conn, _text(stored.live, "callerid"))
        inbound = live_call is not None and _text(live_call, "call_type") == "IN"
        group_id = _text(live_call, "campaign_id") if inbound else ""
    ingroup = webhook_store.ingroup_call_urls(conn, group_id) if group_id else None
    address = webhooks.start_address(stored.campaign.get("start_call_url"),
                                     _text(ingroup, "start_call_url"), ingroup is not None)  # fmt: skip
    on_ingroup = ingroup is not None and webhooks.configured(_text(ingroup, "start_call_url"))
    alt: list[UrlRow] = []
    if address == webhooks.ALT:
        owner = _text(ingroup, "group_id") if on_ingroup else stored.campaign_id
        rows = _rows(conn, owner, "ingroup" if on_ingroup else "campaign", "start")
        alt = webhooks.start_alt_rows(rows, list_id=_text(stored.lead, "list_id"))
    templates = webhooks.templates_of(address, alt)
    if not templates:
        return []
    group = _text(ingroup, "group_id") or stored.campaign_id
    facts = _call_facts(conn, call, stored, _screen(call, stored.live, start=True), group,
                        _customs(ingroup), now)  # fmt: skip
    custom = _custom_row(conn, stored.lead)  # sent whenever the lead has custom data (s04)
    return [webhooks.start_url(t, stored.lead, stored.list_facts, with_pass(conn, facts, t),
                               custom=custom)
            for t in templates]  # fmt: skip

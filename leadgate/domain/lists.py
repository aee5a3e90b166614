"""Lead lists: one set of operations for every caller. Refusals are `Refused` codes; every
change writes vicidial_admin_log and emits EntityChanged. Adds and deletes hold the list's
named lock, so of concurrent identical calls exactly one succeeds."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from leadgate.domain import call_times
from leadgate.domain import field_rules as rules
from leadgate.domain.actor import Actor
from leadgate.domain.campaigns import find_campaign, require_campaign
from leadgate.domain.events import EntityChanged
from leadgate.domain.leads.search import as_text
from leadgate.domain.refusals import Problem, Refused
from leadgate.storage import admin_log
from leadgate.storage import lists as store
from leadgate.storage.unit_of_work import UnitOfWork

FIELDS: dict[str, rules.Rule] = {
    "list_name": rules.text(30, shortest=1),
    "campaign_id": rules.campaign_id,
    "active": rules.yes_no,
    "list_description": rules.text(255),
    "local_call_time": rules.call_time,
    "expiration_date": rules.day,
}


@dataclass(frozen=True)
class ListChange:
    list_id: int
    values: Mapping[str, Any] = field(default_factory=dict)  # field -> value (None: not given)


def parse_list_id(value: str) -> int:
    return rules.list_id("list_id", value)


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


def _lock(uow: UnitOfWork, list_id: int) -> None:
    uow.lock([f"list:{list_id}"])


def add_list(uow: UnitOfWork, change: ListChange, actor: Actor) -> None:
    cleaned = rules.validated(FIELDS, change.values)
    if "campaign_id" not in cleaned:
        raise Refused(Problem.MISSING, entity="list", field="campaign_id")
    require_campaign(uow.conn, cleaned["campaign_id"])
    _lock(uow, change.list_id)
    if store.find_list(uow.conn, change.list_id) is not None:
        raise Refused(Problem.EXISTS, entity="list", key=str(change.list_id))
    row = {"list_id": change.list_id, "list_name": f"List {change.list_id}", "active": "Y",
           "list_changedate": uow.now, **cleaned}  # fmt: skip
    store.insert_list(uow.conn, row)
    _changed(uow, change.list_id, "added", "ADD", actor, cleaned)


def update_list(uow: UnitOfWork, change: ListChange, actor: Actor) -> None:
    get_list(uow.conn, change.list_id)
    cleaned = rules.validated(FIELDS, change.values)
    if not cleaned:
        raise Refused(Problem.NOTHING_TO_CHANGE, entity="list", key=str(change.list_id))
    if "campaign_id" in cleaned:
        require_campaign(uow.conn, cleaned["campaign_id"])
    store.update_list(uow.conn, change.list_id, {**cleaned, "list_changedate": uow.now})
    _changed(uow, change.list_id, "updated", "MODIFY", actor, cleaned)


def delete_list(uow: UnitOfWork, list_id: int, actor: Actor, *, with_leads: bool = False) -> int:
    """Delete a list; its leads too with `with_leads` (else a list with leads is refused).
    Returns the number of leads deleted."""
    _lock(uow, list_id)
    get_list(uow.conn, list_id)
    leads = store.count_leads(uow.conn, list_id)
    if leads and not with_leads:
        raise Refused(Problem.IN_USE, entity="list", key=str(list_id), field="leads",
                      count=leads)  # fmt: skip
    deleted = store.delete_leads(uow.conn, list_id) if leads else 0
    if store.delete_list(uow.conn, list_id) != 1:
        raise Refused(Problem.NOT_FOUND, entity="list", key=str(list_id))
    _changed(uow, list_id, "deleted", "DELETE", actor, {"leads": deleted})
    return deleted


def _changed(
    uow: UnitOfWork, list_id: int, action: str, verb: str, actor: Actor,
    values: Mapping[str, Any],
) -> None:  # fmt: skip
    admin_log.write(
        uow.conn, now=uow.now, user=actor.user, ip=actor.ip[:15], section="LISTS",
        event_type=verb, record_id=str(list_id), event_code=f"ADMIN {verb} LIST",
        event_sql=", ".join(f"{k}" for k in sorted(values)),
    )  # fmt: skip
    uow.emit(EntityChanged("list", str(list_id), action, actor.user))

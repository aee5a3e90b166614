"""Lead lists: one set of operations for every caller. Refusals are `Refused` codes; every
change writes vicidial_admin_log and emits EntityChanged. Adds and deletes hold the list's
named lock, so of concurrent identical calls exactly one succeeds."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection

from leadgate.domain import field_rules as rules
from leadgate.domain.actor import Actor
from leadgate.domain.campaigns import require_campaign
from leadgate.domain.events import EntityChanged
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

"""Campaigns: one set of operations for every caller (CLI now, the Non-Agent API's campaign
functions next). Refusals are `Refused` codes; every change writes vicidial_admin_log and
emits EntityChanged. Adds and deletes hold the campaign's named lock, so of concurrent
identical calls exactly one succeeds."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection

from leadgate.domain import field_rules as rules
from leadgate.domain.actor import Actor
from leadgate.domain.events import EntityChanged
from leadgate.domain.leads import search as lookups
from leadgate.domain.refusals import Problem, Refused
from leadgate.storage import admin_log
from leadgate.storage import campaigns as store
from leadgate.storage import lists as list_store
from leadgate.storage.unit_of_work import UnitOfWork

FIELDS: dict[str, rules.Rule] = {
    "campaign_name": rules.text(40, shortest=1),
    "campaign_description": rules.text(255),
    "active": rules.yes_no,
    "local_call_time": rules.call_time,
    "manual_dial_list_id": rules.list_id,
    "use_internal_dnc": rules.dnc_setting,
    "use_campaign_dnc": rules.dnc_setting,
    "use_other_campaign_dnc": lambda f, v: "" if v == "" else rules.campaign_id(f, v),
    "dial_statuses": rules.statuses,
}


@dataclass(frozen=True)
class CampaignChange:
    campaign_id: str
    values: Mapping[str, Any] = field(default_factory=dict)  # field -> value (None: not given)


def parse_campaign_id(value: str) -> str:
    return rules.campaign_id("campaign_id", value)


def find_campaign(conn: Connection, campaign_id: str) -> dict[str, Any] | None:
    """The campaign with exactly this id (case-sensitive on every database)."""
    for row in store.campaigns_named_like(conn, campaign_id):
        if row["campaign_id"] == campaign_id:
            return row
    return None


def require_campaign(conn: Connection, campaign_id: str) -> dict[str, Any]:
    parse_campaign_id(campaign_id)
    similar = store.campaigns_named_like(conn, campaign_id)
    for row in similar:
        if row["campaign_id"] == campaign_id:
            return row
    raise Refused(Problem.NOT_FOUND, entity="campaign", key=campaign_id,
                  similar=str(similar[0]["campaign_id"]) if similar else "")  # fmt: skip


def all_campaigns(conn: Connection) -> list[dict[str, Any]]:
    return store.all_campaigns(conn)


def campaign_with_lists(
    conn: Connection, campaign_id: str
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    campaign = require_campaign(conn, campaign_id)
    return campaign, list_store.lists_of_campaign(conn, campaign_id)


def viewable_campaigns(conn: Connection, user_group: str) -> frozenset[str] | None:
    """The campaigns the user group may see (None = all, a missing group sees none)."""
    return lookups.allowed_campaigns(conn, user_group, all_marker="-ALL")


@dataclass(frozen=True)
class CampaignListing:
    campaign_id: str
    fields: tuple[str, ...]  # store.LISTING_COLUMNS, dial_statuses without " " and " -"


def campaigns_listing(
    conn: Connection, allowed: frozenset[str] | None, campaign_id: str = ""
) -> list[CampaignListing]:
    listings = []
    for row in store.campaigns_for_listing(conn, allowed, campaign_id):
        row["dial_statuses"] = re.sub(r"^ | -$", "", str(row["dial_statuses"] or ""))
        fields = tuple(lookups.as_text(row[c]) for c in store.LISTING_COLUMNS)
        listings.append(CampaignListing(str(row["campaign_id"]), fields))
    return listings


def campaign_visible(conn: Connection, campaign_id: str, allowed: frozenset[str] | None) -> bool:
    return store.campaign_visible(conn, campaign_id, allowed)


def _lock(uow: UnitOfWork, campaign_id: str) -> None:
    # Upper-cased: MariaDB treats ids differing in case as the same key.
    uow.lock([f"campaign:{campaign_id.upper()}"])


def add_campaign(uow: UnitOfWork, change: CampaignChange, actor: Actor) -> None:
    campaign_id = parse_campaign_id(change.campaign_id)
    cleaned = rules.validated(FIELDS, change.values)
    _lock(uow, campaign_id)
    existing = store.campaigns_named_like(uow.conn, campaign_id)
    if existing:
        # MariaDB would refuse ids differing only in case; refuse them everywhere.
        raise Refused(Problem.EXISTS, entity="campaign", key=str(existing[0]["campaign_id"]))
    _check_other_campaign(uow.conn, cleaned)
    row = {"campaign_id": campaign_id, "campaign_name": campaign_id, "active": "Y", **cleaned}
    store.insert_campaign(uow.conn, row)
    _changed(uow, campaign_id, "added", "ADD", actor, cleaned)


def update_campaign(uow: UnitOfWork, change: CampaignChange, actor: Actor) -> None:
    campaign_id = change.campaign_id
    require_campaign(uow.conn, campaign_id)
    cleaned = rules.validated(FIELDS, change.values)
    if not cleaned:
        raise Refused(Problem.NOTHING_TO_CHANGE, entity="campaign", key=campaign_id)
    _check_other_campaign(uow.conn, cleaned)
    store.update_campaign(uow.conn, campaign_id, cleaned)
    _changed(uow, campaign_id, "updated", "MODIFY", actor, cleaned)


def delete_campaign(uow: UnitOfWork, campaign_id: str, actor: Actor) -> None:
    """Delete a campaign that has no list left (move or delete its lists first)."""
    parse_campaign_id(campaign_id)
    _lock(uow, campaign_id)
    require_campaign(uow.conn, campaign_id)
    lists = store.count_lists(uow.conn, campaign_id)
    if lists:
        raise Refused(Problem.IN_USE, entity="campaign", key=campaign_id, field="lists",
                      count=lists)  # fmt: skip
    if store.delete_campaign(uow.conn, campaign_id) != 1:
        raise Refused(Problem.NOT_FOUND, entity="campaign", key=campaign_id)
    _changed(uow, campaign_id, "deleted", "DELETE", actor, {})


def _check_other_campaign(conn: Connection, cleaned: Mapping[str, Any]) -> None:
    other = cleaned.get("use_other_campaign_dnc")
    if other:
        require_campaign(conn, other)


def _changed(
    uow: UnitOfWork, campaign_id: str, action: str, verb: str, actor: Actor,
    values: Mapping[str, Any],
) -> None:  # fmt: skip
    admin_log.write(
        uow.conn, now=uow.now, user=actor.user, ip=actor.ip[:15], section="CAMPAIGNS",
        event_type=verb, record_id=campaign_id, event_code=f"ADMIN {verb} CAMPAIGN",
        event_sql=", ".join(sorted(values)),
    )  # fmt: skip
    uow.emit(EntityChanged("campaign", campaign_id, action, actor.user))

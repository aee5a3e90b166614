"""Campaigns: lookups for every caller and the CLI's `campaign delete` (the API has none).
Settings (add, update_campaign, campaign_status) are domain/campaign_settings.py. Refusals are
`Refused` codes; a delete writes vicidial_admin_log, emits EntityChanged and holds the
campaign's named lock, so of concurrent identical calls exactly one succeeds."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

from sqlalchemy import Connection

from leadgate.domain import field_rules as rules
from leadgate.domain import reports
from leadgate.domain.actor import Actor
from leadgate.domain.events import EntityChanged
from leadgate.domain.leads import search as lookups
from leadgate.domain.refusals import Problem, Refused
from leadgate.storage import admin_log
from leadgate.storage import campaigns as store
from leadgate.storage import lists as list_store
from leadgate.storage import reports as report_store
from leadgate.storage.unit_of_work import UnitOfWork


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
    found = find_campaign(conn, campaign_id)
    if found is None:
        raise Refused(Problem.NOT_FOUND, entity="campaign", key=campaign_id,
                      similar=similar_campaign(conn, campaign_id))  # fmt: skip
    return found


def similar_campaign(conn: Connection, campaign_id: str) -> str:
    """A campaign whose id differs from `campaign_id` only in case ("" when none)."""
    similar = store.campaigns_named_like(conn, campaign_id)
    return str(similar[0]["campaign_id"]) if similar else ""


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


# -- agent_campaigns ---------------------------------------------------------------------------


class AgentCampaignsProblem(Enum):
    AGENT_NOT_FOUND = "agent not found"  # or in a user group the caller may not see
    NO_CAMPAIGNS = "no campaigns"


@dataclass(frozen=True)
class AgentCampaignsQuery:
    caller_group: str  # the asking user's group: which agents it may see
    agent_user: str
    campaign_id: str = ""  # only this campaign
    ignore_agentdirect: bool = False  # leave out the AGENTDIRECT* in-groups


@dataclass(frozen=True)
class AgentCampaigns:
    campaigns: tuple[str, ...]
    ingroups: tuple[str, ...]


def _id_order(text: str) -> tuple[str, str]:
    # MariaDB's case-insensitive collation orders ids this way; ties by exact spelling.
    return text.upper(), text


def agent_campaigns(
    uow: UnitOfWork, query: AgentCampaignsQuery
) -> AgentCampaigns | AgentCampaignsProblem:
    """The active campaigns an agent's user group allows and the active in-groups those
    campaigns take calls from (their closer_campaigns), as VICIdial's agent_campaigns finds them.
    """
    caller = reports.scope_of(uow, query.caller_group)
    agent = report_store.user_summary(uow.conn, query.agent_user, caller.groups)
    if agent is None:
        return AgentCampaignsProblem.AGENT_NOT_FOUND
    allowed = reports.scope_of(uow, str(agent["user_group"] or "")).campaigns
    rows = store.active_campaigns_of(uow.conn, allowed, query.campaign_id)
    if not rows:
        return AgentCampaignsProblem.NO_CAMPAIGNS
    closers = {
        word
        for row in rows
        for word in re.sub(r"-$", "", str(row["closer_campaigns"] or "")).split(" ")
        if word
    }
    ingroups = store.active_inbound_group_ids(uow.conn, sorted(closers))
    if query.ignore_agentdirect:
        # VICIdial's `NOT LIKE "AGENTDIRECT%"` on MariaDB, where LIKE ignores case.
        ingroups = [g for g in ingroups if not g.upper().startswith("AGENTDIRECT")]
    return AgentCampaigns(
        campaigns=tuple(sorted((str(row["campaign_id"]) for row in rows), key=_id_order)),
        ingroups=tuple(sorted(ingroups, key=_id_order)),
    )


def _lock(uow: UnitOfWork, campaign_id: str) -> None:
    # Upper-cased: MariaDB treats ids differing in case as the same key.
    uow.lock([f"campaign:{campaign_id.upper()}"])


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

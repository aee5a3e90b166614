"""change_ingroups: which in-groups a logged-in agent takes calls from.

In-group lists are VICIdial's text form ' A B -': a leading blank, the ids separated by
blanks, a closing '-'. As in VICIdial the first blank-separated field is never read as an
in-group, so a list without its leading blank loses its first id.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from leadgate.storage import inbound_agents, live_agents
from leadgate.storage.unit_of_work import UnitOfWork

CHANGE_VALUES_NEEDING_CHOICES = frozenset({"ADD", "REMOVE"})
MANUAL_DIAL_METHODS = frozenset({"MANUAL", "INBOUND_MAN"})


class IngroupRefusal(Enum):
    CAMPAIGN_NO_INBOUND = "campaign does not allow inbound calls"
    USER_NOT_ALLOWED = "user is not allowed to change agent in-groups"
    NO_AUTODIAL = "campaign dial_method does not allow outbound autodial"
    NO_SUCH_INGROUP = "ingroup does not exist"
    CHOICES_REQUIRED = "ingroup_choices are required for ADD and REMOVE values"


@dataclass(frozen=True)
class IngroupChange:
    api_user: str
    agent_user: str
    value: str  # CHANGE, ADD or REMOVE (anything else is a CHANGE)
    blended: str
    choices: str
    set_as_default: bool
    client_ip: str


@dataclass(frozen=True)
class IngroupOutcome:
    refusal: IngroupRefusal | None = None
    bad_group: str = ""
    ingroups: str = ""  # the list the agent was given


def group_ids(listing: str) -> list[str]:
    """The in-group ids VICIdial reads from a list (fields after the first, 2+ characters)."""
    fields = listing.removesuffix("-").split(" ")
    return [field for field in fields[1:] if len(field) > 1]


def change_ingroups(uow: UnitOfWork, change: IngroupChange, now: datetime) -> IngroupOutcome:
    conn = uow.conn
    campaign = inbound_agents.agent_campaign_settings(conn, change.agent_user)
    if campaign is None or campaign["campaign_allow_inbound"] != "Y":
        return IngroupOutcome(IngroupRefusal.CAMPAIGN_NO_INBOUND)
    if not inbound_agents.may_change_agent_campaign(conn, change.api_user):
        return IngroupOutcome(IngroupRefusal.USER_NOT_ALLOWED)
    if change.blended == "YES" and campaign["dial_method"] in MANUAL_DIAL_METHODS:
        return IngroupOutcome(IngroupRefusal.NO_AUTODIAL)
    uow.lock([f"live_inbound_agent:{change.agent_user}"])
    current = inbound_agents.selected_ingroups(conn, change.agent_user)
    for group in group_ids(change.choices):
        if not inbound_agents.inbound_group_exists(conn, group):
            return IngroupOutcome(IngroupRefusal.NO_SUCH_INGROUP, bad_group=group)
    if not change.choices and change.value in CHANGE_VALUES_NEEDING_CHOICES:
        return IngroupOutcome(IngroupRefusal.CHOICES_REQUIRED)
    ingroups = change.choices
    if change.value == "ADD":
        ingroups = _added(current, change.choices)
    elif change.value == "REMOVE":
        ingroups = _removed(current, change.choices)
    blended = "1" if change.blended == "YES" else "0"
    live_agents.write_commands(conn, change.agent_user, {
        "external_ingroups": ingroups, "external_blended": blended,
        "external_igb_set_user": change.api_user, "manager_ingroup_set": "SET",
    })  # fmt: skip
    _sync_live_groups(uow, change.agent_user, current, ingroups, now)
    if change.set_as_default:
        inbound_agents.set_default_ingroups(conn, change.agent_user, ingroups, blended)
        sql = (
            f"UPDATE vicidial_users set closer_campaigns='{ingroups}',"
            f"closer_default_blended='{blended}' where user='{change.agent_user}'"
        )
        inbound_agents.log_user_change(
            conn, user=change.api_user, ip=change.client_ip, agent_user=change.agent_user,
            sql=sql, now=now,
        )  # fmt: skip
    return IngroupOutcome(ingroups=ingroups)


def _added(current: str, choices: str) -> str:
    groups = [field for field in current.removesuffix("-").split(" ") if len(field) > 1]
    for group in group_ids(choices):
        if group not in groups:
            groups.append(group)
    return " " + "".join(f"{group} " for group in groups) + "-"


def _removed(current: str, choices: str) -> str:
    present = {field for field in current.removesuffix("-").split(" ") if len(field) > 1}
    listing = current
    for group in group_ids(choices):
        if group in present:
            listing = listing.replace(f" {group} ", " ")
    return listing


def _sync_live_groups(
    uow: UnitOfWork, agent_user: str, before: str, after: str, now: datetime
) -> None:
    """Join the agent to every group of the new list; leave the groups no longer in it."""
    conn = uow.conn
    remaining = before
    for group in group_ids(after):
        settings = inbound_agents.group_settings(conn, agent_user, group)
        inbound_agents.join_group(conn, agent_user, group, settings, now)
        remaining = remaining.replace(f" {group} ", " ")
    for group in group_ids(remaining):
        inbound_agents.leave_group(conn, agent_user, group)

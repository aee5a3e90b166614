"""User look-ups, the rules for names and passwords given outside the API, and user groups.

Users are added, changed and deleted by domain/user_admin.py for every caller (the API's
add_user/update_user, the CLI, `leadgate init`). A user name or password the API's character
filter would change can never log in, so callers that take them unfiltered (the CLI) check
them here first. User groups say which campaigns (and so which lists) a user may see; no API
function writes them. Refusals are `Refused` codes; every group change writes
vicidial_admin_log and emits EntityChanged. Adds hold the group's named lock, so of concurrent
identical calls exactly one succeeds.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection

from leadgate.domain import user_admin
from leadgate.domain.actor import Actor
from leadgate.domain.events import EntityChanged
from leadgate.domain.refusals import Problem, Refused
from leadgate.domain.user_admin import UserFields, UserProblem
from leadgate.storage import admin_log
from leadgate.storage import users as store
from leadgate.storage.unit_of_work import UnitOfWork

# The API keeps only these characters of `user` and `pass` (wire/filters.LOGIN): anything
# else is deleted before the password check, so a name or password with it never matches.
USER_NAME = re.compile(r"[-_0-9a-zA-Z]{2,20}")
PASSWORD = re.compile(r"[-_0-9a-zA-Z]{8,100}")
GROUP_ID = re.compile(r"[-_0-9a-zA-Z]{1,20}")
CAMPAIGN = re.compile(r"[-_0-9a-zA-Z]{2,8}")
ALL_CAMPAIGNS = "-ALL-CAMPAIGNS-"
ADMIN_GROUP = "ADMIN"

# What an API administrator may do (VICIdial level 9 "admin"): every permission and function.
ADMIN_ACCESS = {
    **dict.fromkeys(user_admin.PERMISSION_FLAGS, "1"),
    "active": "Y",
    "api_allowed_functions": " ALL_FUNCTIONS ",
    "api_list_restrict": "0",
}


def check_user_name(user: str) -> str:
    if not USER_NAME.fullmatch(user):
        raise Refused(Problem.BAD_VALUE, entity="user", field="user", value=user)
    return user


def check_password(password: str) -> str:
    if not PASSWORD.fullmatch(password):
        # Never echo a password, not even a refused one.
        raise Refused(Problem.BAD_VALUE, entity="user", field="password")
    return password


# -- users -------------------------------------------------------------------------------------


def find_user(conn: Connection, user: str) -> dict[str, Any] | None:
    return store.find_user(conn, user)


def all_users(conn: Connection) -> list[dict[str, Any]]:
    return store.list_users(conn)


def add_administrator(
    uow: UnitOfWork, user: str, password: str, full_name: str, actor: Actor
) -> None:
    """An API administrator in the ADMIN group (added when missing), through add_user."""
    check_user_name(user)
    check_password(password)
    ensure_admin_group(uow, actor)
    fields = UserFields(agent_user=user, agent_pass=password, user_level="9",
                        full_name=full_name, user_group=ADMIN_GROUP, access=ADMIN_ACCESS)  # fmt: skip
    problem = user_admin.add_user(uow, fields, user_admin.unrestricted(actor)).problem
    if problem is UserProblem.EXISTS:
        raise Refused(Problem.EXISTS, entity="user", key=user)
    assert problem is None, problem


# -- user groups -------------------------------------------------------------------------------


@dataclass(frozen=True)
class GroupChange:
    user_group: str
    group_name: str | None = None
    # Campaign ids, or [ALL_CAMPAIGNS]; None = unchanged.
    allowed_campaigns: list[str] | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)


def allowed_campaigns_text(campaigns: list[str]) -> str:
    """VICIdial's form: ` C1 C2 -` (space-delimited, `-` ended); -ALL-CAMPAIGNS- for all."""
    for campaign in campaigns:
        if campaign != ALL_CAMPAIGNS and not CAMPAIGN.fullmatch(campaign):
            raise Refused(Problem.BAD_VALUE, entity="user_group", field="allowed_campaigns",
                          value=campaign)  # fmt: skip
    return f" {' '.join(campaigns)} -" if campaigns else " -"


def find_group(conn: Connection, user_group: str) -> dict[str, Any] | None:
    return store.find_user_group(conn, user_group)


def get_group(conn: Connection, user_group: str) -> dict[str, Any]:
    row = store.find_user_group(conn, user_group)
    if row is None:
        raise Refused(Problem.NOT_FOUND, entity="user_group", key=user_group)
    return row


def all_groups(conn: Connection) -> list[dict[str, Any]]:
    return store.list_user_groups(conn)


def group_members(conn: Connection, user_group: str) -> int:
    return store.count_group_users(conn, user_group)


def _group_values(change: GroupChange) -> dict[str, Any]:
    values: dict[str, Any] = dict(change.extra)
    if change.group_name is not None:
        name = change.group_name.strip()
        if not 1 <= len(name) <= 40:
            raise Refused(Problem.BAD_VALUE, entity="user_group", field="group_name", value=name)
        values["group_name"] = name
    if change.allowed_campaigns is not None:
        values["allowed_campaigns"] = allowed_campaigns_text(change.allowed_campaigns)
    return values


def add_group(uow: UnitOfWork, change: GroupChange, actor: Actor) -> None:
    group = change.user_group
    if not GROUP_ID.fullmatch(group):
        raise Refused(Problem.BAD_VALUE, entity="user_group", field="user_group", value=group)
    values = {"group_name": group, "allowed_campaigns": f" {ALL_CAMPAIGNS} -",
              **_group_values(change)}  # fmt: skip
    uow.lock([f"user_group:{group.lower()}"])
    if store.find_user_group(uow.conn, group) is not None:
        raise Refused(Problem.EXISTS, entity="user_group", key=group)
    store.insert_user_group(uow.conn, {"user_group": group, **values})
    _changed(uow, group, "added", "ADD", actor, values)


def update_group(uow: UnitOfWork, change: GroupChange, actor: Actor) -> None:
    values = _group_values(change)
    if not values:
        raise Refused(Problem.NOTHING_TO_CHANGE, entity="user_group", key=change.user_group)
    if store.update_user_group(uow.conn, change.user_group, values) == 0:
        raise Refused(Problem.NOT_FOUND, entity="user_group", key=change.user_group)
    _changed(uow, change.user_group, "updated", "MODIFY", actor, values)


def ensure_admin_group(uow: UnitOfWork, actor: Actor) -> bool:
    """The group the first administrator belongs to, allowed every campaign; True if added."""
    uow.lock([f"user_group:{ADMIN_GROUP.lower()}"])
    if store.find_user_group(uow.conn, ADMIN_GROUP) is not None:
        return False
    values = {"group_name": "leadgate administrators",
              "allowed_campaigns": f" {ALL_CAMPAIGNS} -"}  # fmt: skip
    store.insert_user_group(uow.conn, {"user_group": ADMIN_GROUP, **values})
    _changed(uow, ADMIN_GROUP, "added", "ADD", actor, values)
    return True


def _changed(
    uow: UnitOfWork, group: str, action: str, verb: str, actor: Actor, values: Mapping[str, Any]
) -> None:
    admin_log.write(
        uow.conn, now=uow.now, user=actor.user, ip=actor.ip[:15], section="USERGROUPS",
        event_type=verb, record_id=group, event_code=f"ADMIN {verb} USER GROUP",
        event_sql=", ".join(sorted(values)),
    )  # fmt: skip
    uow.emit(EntityChanged("user_group", group, action, actor.user))

"""add_user, copy_user and update_user: VICIdial's rules for API-managed users.

The checks run in VICIdial's order and the first failing one refuses the call (nothing
changes). Passwords are stored only as argon2 hashes (`pass` stays empty) and are never
echoed or logged (DEVIATIONS.md D9). Every change writes vicidial_admin_log without the
password and emits EntityChanged; the user's named lock makes concurrent identical adds and
deletes succeed exactly once.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum

from sqlalchemy import Connection

from leadgate.domain.actor import Actor
from leadgate.domain.events import EntityChanged
from leadgate.domain.passwords import hash_password
from leadgate.storage import admin_log
from leadgate.storage import users as store
from leadgate.storage.unit_of_work import UnitOfWork
from leadgate.values.text import php_strlen

BLANK = "--BLANK--"
# A new user name containing this takes the next free number (system_settings.auto_user_add_value).
AUTOGENERATE = "AUTOGENERA"
# reset_password: VICIdial's alphabet for temporary passwords (no letter O).
RESET_ALPHABET = "0123456789ABCDEFGHIJKLMNPQRSTUVWXYZ"
# VICIdial makes a password of any length asked for; leadgate stops where stored passwords do.
RESET_MAX_LENGTH = 100
# The permission flags and access columns add_user/update_user take only from an unrestricted
# caller (the CLI, `leadgate init`): VICIdial's API has no parameter for them.
PERMISSION_FLAGS = (
    "vdc_agent_api_access", "modify_leads", "view_reports", "modify_lists", "delete_lists",
    "modify_users", "delete_users", "modify_campaigns", "delete_from_dnc", "custom_fields_modify",
)  # fmt: skip
ACCESS_COLUMNS = (*PERMISSION_FLAGS, "api_allowed_functions", "api_list_restrict", "active")


class UserProblem(Enum):
    LEVEL_NOT_ALLOWED = "level not allowed"  # add_user: the API user may not add this level
    GROUP_NOT_FOUND = "group not found"
    EXISTS = "exists"
    NOT_FOUND = "not found"
    MAY_NOT_UPDATE = "may not update this user"
    MAY_NOT_DELETE = "may not delete users"
    FULL_NAME = "full name"
    LEVEL = "user level"
    GROUP = "user group"
    PHONE_LOGIN = "phone login"
    PHONE_PASS = "phone pass"
    HOTKEYS = "hotkeys"
    VOICEMAIL = "voicemail id"
    EMAIL = "email"
    CUSTOM = "custom field"  # `index` 0-4
    ACTIVE = "active"
    WRAPUP = "wrapup seconds override"
    CAMPAIGN_RANK = "campaign rank"
    CAMPAIGN_GRADE = "campaign grade"
    INGROUP_RANK = "in-group rank"
    INGROUP_GRADE = "in-group grade"


@dataclass(frozen=True)
class UserFields:
    """add_user / update_user parameters after VICIdial's filters ("" = not given)."""

    agent_user: str
    agent_pass: str = ""
    user_level: str = ""
    full_name: str = ""
    user_group: str = ""
    phone_login: str = ""
    phone_pass: str = ""
    hotkeys_active: str = ""
    voicemail_id: str = ""
    email: str = ""
    custom: tuple[str, str, str, str, str] = ("", "", "", "", "")
    active: str = ""
    wrapup_seconds_override: str = ""
    in_groups: str = ""
    campaign_rank: str = ""
    campaign_grade: str = ""
    campaign_id: str = ""  # with camp_rg_only: the one campaign ranked
    camp_rg_only: bool = False
    ingroup_rank: str = ""
    ingroup_grade: str = ""
    group_id: str = ""  # with ingrp_rg_only: the one in-group ranked
    ingrp_rg_only: bool = False
    reset_password: str = ""  # a length of 8 or more: replace the password by a random one
    source_user: str = ""  # copy_user: the user copied
    access: Mapping[str, str] = field(default_factory=dict)  # ACCESS_COLUMNS; never from the API


@dataclass(frozen=True)
class ApiUser:
    """The API user making the change: its level and group rules."""

    name: str
    level: int
    modify_same_level: bool
    viewable_groups: frozenset[str] | None  # None = every group
    may_delete: bool
    ip: str = ""

    @property
    def actor(self) -> Actor:
        return Actor(user=self.name, ip=self.ip)


def unrestricted(actor: Actor) -> ApiUser:
    """A caller every level and group rule lets through: the CLI, `leadgate init`."""
    return ApiUser(name=actor.user, level=9, modify_same_level=True, viewable_groups=None,
                   may_delete=True, ip=actor.ip)  # fmt: skip


@dataclass(frozen=True)
class PasswordReset:
    """reset_password's result: the address VICIdial would have mailed the new password to.
    leadgate sends no mail and never shows the new password (README "Security")."""

    email: str
    done: bool  # False: no valid e-mail address, the password is unchanged


@dataclass(frozen=True)
class UserOutcome:
    problem: UserProblem | None = None
    value: str = ""
    index: int = 0
    deleted: bool = False
    updated: bool = False
    ranks: tuple[str, str] | None = None  # (rank, grade) written to vicidial_campaign_agents
    ingroup_ranks: tuple[str, str] | None = None  # (rank, grade): vicidial_inbound_group_agents
    reset: PasswordReset | None = None
    user: str = ""  # add_user/copy_user: the user created (AUTOGENERATE picks its name)


def _custom_columns() -> tuple[str, ...]:
    return ("custom_one", "custom_two", "custom_three", "custom_four", "custom_five")


def _int(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        return 0


def _level_refused(api: ApiUser, level: int) -> bool:
    """A new user's level must be below the API user's (equal too for level 9 with
    modify_same_user_level)."""
    return (api.level < 9 and api.level <= level) or (
        not api.modify_same_level and api.level >= 9 and api.level == level
    )


def _claim_name(uow: UnitOfWork, requested: str) -> str | None:
    """Lock the new user's name; None when that user exists. A name with AUTOGENERA in it
    becomes the first free number from auto_user_add_value on, in steps of 7 (VICIdial's
    rule), and auto_user_add_value remembers it."""
    conn = uow.conn
    uow.lock([f"user:{requested.lower()}"])
    if store.user_exists(conn, requested):
        return None
    if AUTOGENERATE not in requested:
        return requested
    uow.lock(["auto_user_add_value"])
    value = store.auto_user_add_value(conn)
    while True:
        # Locked only when it looks free (never waiting on an existing user's lock), then
        # checked again: a concurrent add of that very name is seen.
        if not store.user_exists(conn, str(value)):
            uow.lock([f"user:{value}"])
            if not store.user_exists(conn, str(value)):
                break
        value += 7
    store.set_auto_user_add_value(conn, value)
    return str(value)


def add_user(uow: UnitOfWork, f: UserFields, api: ApiUser) -> UserOutcome:
    """add_user: the level must be below the API user's (or equal with
    modify_same_user_level), the group must exist, the user must not."""
    level = _int(f.user_level)
    if _level_refused(api, level):
        return UserOutcome(UserProblem.LEVEL_NOT_ALLOWED, f"{f.user_level}|{api.level}")
    if not store.group_visible(uow.conn, f.user_group, api.viewable_groups):
        return UserOutcome(UserProblem.GROUP_NOT_FOUND, f.user_group)
    name = _claim_name(uow, f.agent_user)
    if name is None:
        return UserOutcome(UserProblem.EXISTS, f.agent_user)
    row: dict[str, object] = {
        "user": name, "pass": "", "pass_hash": hash_password(f.agent_pass),
        "full_name": f.full_name, "user_level": level, "user_group": f.user_group,
        "phone_login": f.phone_login, "phone_pass": f.phone_pass,
        "hotkeys_active": f.hotkeys_active or "0", "voicemail_id": f.voicemail_id,
        "email": f.email, "wrapup_seconds_override": _int(f.wrapup_seconds_override or "-1"),
        "agent_choose_ingroups": "1", "agent_choose_blended": "1",
        "closer_default_blended": "0",
        "closer_campaigns": f" {f.in_groups.replace('|', ' ')} -" if f.in_groups else "",
        "active": "Y",
    }  # fmt: skip
    row.update(dict(zip(_custom_columns(), f.custom, strict=True)))
    row.update(_access(f))
    store.insert_user(uow.conn, row)
    _log(uow, api, "ADD", "ADMIN API ADD USER", name, row)
    uow.emit(EntityChanged("user", name, "added", api.name))
    return UserOutcome(user=name)


def copy_user(uow: UnitOfWork, f: UserFields, api: ApiUser) -> UserOutcome:
    """copy_user: a new user with the source user's settings, in-groups and campaigns, under
    add_user's rules applied to the source's level and group."""
    conn = uow.conn
    source = store.source_user_level_and_group(conn, f.source_user)
    # No source user: VICIdial's level check compares with nothing and passes; the group
    # check then refuses (an empty group).
    if source is not None and _level_refused(api, source[0]):
        return UserOutcome(UserProblem.LEVEL_NOT_ALLOWED, f"{source[0]}|{api.level}")
    group = "" if source is None else source[1]
    if not store.group_visible(conn, group, api.viewable_groups):
        return UserOutcome(UserProblem.GROUP_NOT_FOUND, group)
    name = _claim_name(uow, f.agent_user)
    if name is None:
        return UserOutcome(UserProblem.EXISTS, f.agent_user)
    new = {"user": name, "pass": "", "pass_hash": hash_password(f.agent_pass),
           "full_name": f.full_name}  # fmt: skip
    rows = store.copy_user(conn, f.source_user, new)
    admin_log.write(
        conn, now=uow.now, user=api.name, ip=api.ip[:15], section="USERS", event_type="COPY",
        record_id=name, event_code="ADMIN API COPY USER",
        event_sql=f"copy of {f.source_user}: vicidial_users (but user, full_name, pass, "
                  "pass_hash), vicidial_inbound_group_agents, vicidial_campaign_agents",
        event_notes=f"user: {name}   source_user: {f.source_user}   "
                    f"rows: {rows[0]},{rows[1]},{rows[2]}",
    )  # fmt: skip
    uow.emit(EntityChanged("user", name, "added", api.name))
    return UserOutcome(user=name)


def update_user(uow: UnitOfWork, f: UserFields, api: ApiUser, *, delete: bool) -> UserOutcome:
    conn = uow.conn
    uow.lock([f"user:{f.agent_user.lower()}"])
    target = store.find_user(conn, f.agent_user)
    if target is None:
        return UserOutcome(UserProblem.NOT_FOUND)
    target_level = _int(str(target.get("user_level") or 0))
    group = str(target.get("user_group") or "")
    level_ok = target_level <= api.level if api.modify_same_level else target_level < api.level
    if not level_ok or (api.viewable_groups is not None and group not in api.viewable_groups
                        and group != "---ALL---"):  # fmt: skip
        sign = "<=" if api.modify_same_level else "<"
        return UserOutcome(UserProblem.MAY_NOT_UPDATE, f"{f.agent_user}|{sign}|{api.level}\n")
    if delete:
        if not api.may_delete:
            return UserOutcome(UserProblem.MAY_NOT_DELETE, "0")
        store.delete_user(conn, f.agent_user)
        _log(uow, api, "DELETE", "ADMIN API DELETE USER", f.agent_user, {})
        uow.emit(EntityChanged("user", f.agent_user, "deleted", api.name))
        return UserOutcome(deleted=True)
    try:
        changes = _changes(uow, f, api)
    except _Refused as refused:
        return UserOutcome(refused.problem, refused.value, refused.index)
    # As VICIdial: campaign ranks, then in-group ranks, then reset_password, then the
    # fields; a refused in-group rank keeps the campaign ranks already written.
    ranks = ingroup_ranks = None
    try:
        if f.campaign_rank or f.campaign_grade:
            ranks = _ranks(uow, f, api)
        if f.ingroup_rank or f.ingroup_grade:
            ingroup_ranks = _ingroup_ranks(uow, f, api)
    except _Refused as refused:
        return UserOutcome(refused.problem, refused.value, refused.index, ranks=ranks)
    reset = _reset_password(uow, f, api) if _int(f.reset_password) > 7 else None
    done = UserOutcome(ranks=ranks, ingroup_ranks=ingroup_ranks, reset=reset)
    if not changes:
        return done
    store.update_user(conn, f.agent_user, {"failed_login_count": 0, **changes})
    _log(uow, api, "MODIFY", "ADMIN API UPDATE USER", f.agent_user, changes)
    uow.emit(EntityChanged("user", f.agent_user, "updated", api.name))
    return UserOutcome(updated=True, ranks=ranks, ingroup_ranks=ingroup_ranks, reset=reset)


class _Refused(Exception):
    def __init__(self, problem: UserProblem, value: str, index: int = 0) -> None:
        super().__init__(problem.value)
        self.problem, self.value, self.index = problem, value, index


def _blank_or(changes: dict[str, object], column: str, value: str, valid: bool,
              problem: UserProblem, index: int = 0) -> None:  # fmt: skip
    if not value:
        return
    if value == BLANK:
        changes[column] = ""
    elif not valid:
        raise _Refused(problem, value, index)
    else:
        changes[column] = value


def _changes(uow: UnitOfWork, f: UserFields, api: ApiUser) -> dict[str, object]:
    conn = uow.conn
    changes: dict[str, object] = {}
    if f.agent_pass:
        changes.update({"pass": "", "pass_hash": hash_password(f.agent_pass)})
    _blank_or(
        changes, "full_name", f.full_name, php_strlen(f.full_name) <= 50, UserProblem.FULL_NAME
    )
    if f.user_level:
        level = _int(f.user_level)
        if (
            level > 9
            or level < 1
            or level > api.level
            or (level == api.level and not api.modify_same_level)
        ):
            raise _Refused(UserProblem.LEVEL,
                           f"{f.user_level}|{api.level}|{int(api.modify_same_level)}")  # fmt: skip
        changes["user_level"] = level
    if f.user_group:
        valid = store.group_visible(conn, f.user_group, api.viewable_groups)
        if php_strlen(f.user_group) > 20 or not valid:
            raise _Refused(UserProblem.GROUP, f"{f.user_group}|{int(valid)}")
        changes["user_group"] = f.user_group
    if f.phone_login:
        # leadgate has no phones table (telephony only): no phone login is valid.
        _blank_or(changes, "phone_login", f.phone_login, False, UserProblem.PHONE_LOGIN)
    _blank_or(changes, "phone_pass", f.phone_pass, php_strlen(f.phone_pass) <= 20,
              UserProblem.PHONE_PASS)  # fmt: skip
    if f.hotkeys_active:
        if _int(f.hotkeys_active) not in (0, 1):
            raise _Refused(UserProblem.HOTKEYS, f.hotkeys_active)
        changes["hotkeys_active"] = f.hotkeys_active
    _blank_or(changes, "voicemail_id", f.voicemail_id, 2 <= php_strlen(f.voicemail_id) <= 10,
              UserProblem.VOICEMAIL)  # fmt: skip
    _blank_or(changes, "email", f.email, 5 <= php_strlen(f.email) <= 100, UserProblem.EMAIL)
    for index, (value, column) in enumerate(zip(f.custom, _custom_columns(), strict=True)):
        _blank_or(changes, column, value, php_strlen(value) <= 100, UserProblem.CUSTOM, index)
    if f.active:
        if f.active not in ("Y", "N"):
            raise _Refused(UserProblem.ACTIVE, f.active)
        changes["active"] = f.active
    if f.wrapup_seconds_override:
        seconds = _int(f.wrapup_seconds_override)
        if not -1 <= seconds <= 9999:
            raise _Refused(UserProblem.WRAPUP, f.wrapup_seconds_override)
        changes["wrapup_seconds_override"] = seconds
    if f.in_groups:
        changes["closer_campaigns"] = f" {f.in_groups.replace('|', ' ')} -"
    changes.update(_access(f))
    return changes


def _access(f: UserFields) -> dict[str, str]:
    unknown = set(f.access) - set(ACCESS_COLUMNS)
    if unknown:
        raise ValueError(f"not an access column: {sorted(unknown)}")
    return dict(f.access)


def _ranks(uow: UnitOfWork, f: UserFields, api: ApiUser) -> tuple[str, str]:
    """A rank and/or grade for the user in every campaign (or one): vicidial_campaign_agents."""
    values: dict[str, int] = {}
    if f.campaign_rank:
        rank = _int(f.campaign_rank)
        if not -9 <= rank <= 9:
            raise _Refused(UserProblem.CAMPAIGN_RANK, f.campaign_rank)
        values.update({"campaign_rank": rank, "campaign_weight": rank})
    if f.campaign_grade:
        grade = _int(f.campaign_grade)
        if not 1 <= grade <= 10:
            raise _Refused(UserProblem.CAMPAIGN_GRADE, f.campaign_grade)
        values["campaign_grade"] = grade
    only = f.campaign_id if f.camp_rg_only else None
    store.set_campaign_ranks(uow.conn, f.agent_user, values, only)
    _log(uow, api, "MODIFY", "ADMIN API UPDATE USER RANK", f.agent_user, values)
    return f.campaign_rank, f.campaign_grade


def _ingroup_ranks(uow: UnitOfWork, f: UserFields, api: ApiUser) -> tuple[str, str]:
    """A rank and/or grade for the user in every in-group (or one): vicidial_inbound_group_agents,
    and the same on the in-groups it takes calls from right now (vicidial_live_inbound_agents)."""
    values: dict[str, int] = {}
    live: dict[str, int] = {}
    if f.ingroup_rank:
        rank = _int(f.ingroup_rank)
        if not -9 <= rank <= 9:
            raise _Refused(UserProblem.INGROUP_RANK, f.ingroup_rank)
        values.update({"group_rank": rank, "group_weight": rank})
        live["group_weight"] = rank
    if f.ingroup_grade:
        grade = _int(f.ingroup_grade)
        if not 1 <= grade <= 10:
            raise _Refused(UserProblem.INGROUP_GRADE, f.ingroup_grade)
        values["group_grade"] = grade
        live["group_grade"] = grade
    only = f.group_id if f.ingrp_rg_only else None
    rows = store.set_ingroup_ranks(uow.conn, f.agent_user, values, only)
    # VICIdial also writes the value not given (as 0); leadgate leaves that one alone.
    live_rows = store.set_live_ingroup_ranks(uow.conn, f.agent_user, live, only)
    note = f"|{f.group_id}|1" if f.ingrp_rg_only else ""
    _log(uow, api, "MODIFY", "ADMIN API UPDATE USER RANK", f.agent_user, values,
         notes=f"user: {f.agent_user}|rank: {f.ingroup_rank}|grade: {f.ingroup_grade}"
               f"|rows: {rows}|{live_rows}|{note}")  # fmt: skip
    return f.ingroup_rank, f.ingroup_grade


# PHP's FILTER_VALIDATE_EMAIL for what the email filter lets through: a dot-atom local part
# and a domain of two or more labels whose last one starts with a letter.
_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LABEL = r"[A-Za-z0-9]+(?:-+[A-Za-z0-9]+)*"
_EMAIL = re.compile(
    rf"{_ATOM}(?:\.{_ATOM})*@(?:{_LABEL}\.)+[A-Za-z][A-Za-z0-9]*(?:-+[A-Za-z0-9]+)*"
)


def valid_email(address: str) -> bool:
    local = address.partition("@")[0]
    return len(local) <= 64 and len(address) <= 254 and _EMAIL.fullmatch(address) is not None


def _reset_password(uow: UnitOfWork, f: UserFields, api: ApiUser) -> PasswordReset:
    """reset_password: a random password of that length, stored only as its hash. VICIdial
    mails it to the user's address (which must be valid); leadgate sends nothing and shows it
    nowhere, so the account is locked out until an administrator sets a password."""
    email = f.email if len(f.email) >= 5 else store.email_of(uow.conn, f.agent_user)
    if not valid_email(email):
        return PasswordReset(email, done=False)
    length = min(_int(f.reset_password), RESET_MAX_LENGTH)
    secret = "".join(secrets.choice(RESET_ALPHABET) for _ in range(length))
    changes = {"pass": "", "pass_hash": hash_password(secret)}
    store.update_user(uow.conn, f.agent_user, changes)
    _log(uow, api, "MODIFY", "ADMIN API RESET PASS", f.agent_user, changes)
    uow.emit(EntityChanged("user", f.agent_user, "updated", api.name))
    return PasswordReset(email, done=True)


def _log(uow: UnitOfWork, api: ApiUser, verb: str, code: str, user: str,
         values: Mapping[str, object], notes: str = "") -> None:  # fmt: skip
    # Column names only: never a password or its hash.
    admin_log.write(
        uow.conn, now=uow.now, user=api.name, ip=api.ip[:15], section="USERS",
        event_type=verb, record_id=user, event_code=code,
        event_sql=", ".join(sorted(values)), event_notes=notes or f"user: {user}",
    )  # fmt: skip


def viewable_groups(conn: Connection, user_group: str) -> frozenset[str] | None:
    """The user groups an API user of `user_group` may manage (None = all)."""
    return store.viewable_groups(conn, user_group)


def modifies_same_level(conn: Connection, user: str) -> bool:
    """vicidial_users.modify_same_user_level of the API user (VICIdial's default is 1)."""
    row = store.find_user(conn, user)
    return row is not None and str(row.get("modify_same_user_level") or "") == "1"


def user_details(
    conn: Connection, user: str, viewable: frozenset[str] | None
) -> tuple[str, str, str, str] | None:
    """user_details: (full_name, user_group, user_level, active) as printed, or None."""
    row = store.user_summary(conn, user, viewable)
    if row is None:
        return None
    return (
        str(row["full_name"] or ""), str(row["user_group"] or ""),
        str(row["user_level"] if row["user_level"] is not None else ""), str(row["active"] or ""),
    )  # fmt: skip

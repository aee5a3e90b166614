"""add_user and update_user: VICIdial's rules for API-managed users.

The checks run in VICIdial's order and the first failing one refuses the call (nothing
changes). Passwords are stored only as argon2 hashes (`pass` stays empty) and are never
echoed or logged (DEVIATIONS.md D9). Every change writes vicidial_admin_log without the
password and emits EntityChanged; the user's named lock makes concurrent identical adds and
deletes succeed exactly once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum

from sqlalchemy import Connection

from leadgate.domain.actor import Actor
from leadgate.domain.events import EntityChanged
from leadgate.domain.passwords import hash_password
from leadgate.storage import admin_log
from leadgate.storage import users as store
from leadgate.storage.unit_of_work import UnitOfWork

BLANK = "--BLANK--"


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


@dataclass(frozen=True)
class UserOutcome:
    problem: UserProblem | None = None
    value: str = ""
    index: int = 0
    deleted: bool = False
    updated: bool = False
    ranks: tuple[str, str] | None = None  # (rank, grade) written to vicidial_campaign_agents


def _custom_columns() -> tuple[str, ...]:
    return ("custom_one", "custom_two", "custom_three", "custom_four", "custom_five")


def _int(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        return 0


def add_user(uow: UnitOfWork, f: UserFields, api: ApiUser) -> UserOutcome:
    """add_user: the level must be below the API user's (or equal with
    modify_same_user_level), the group must exist, the user must not."""
    level = _int(f.user_level)
    if (api.level < 9 and api.level <= level) or (
        not api.modify_same_level and api.level >= 9 and api.level == level
    ):
        return UserOutcome(UserProblem.LEVEL_NOT_ALLOWED, f"{f.user_level}|{api.level}")
    if not store.group_visible(uow.conn, f.user_group, api.viewable_groups):
        return UserOutcome(UserProblem.GROUP_NOT_FOUND, f.user_group)
    uow.lock([f"user:{f.agent_user.lower()}"])
    if store.find_user(uow.conn, f.agent_user) is not None:
        return UserOutcome(UserProblem.EXISTS, f.agent_user)
    row: dict[str, object] = {
        "user": f.agent_user, "pass": "", "pass_hash": hash_password(f.agent_pass),
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
    store.insert_user(uow.conn, row)
    _log(uow, api, "ADD", "ADMIN API ADD USER", f.agent_user, row)
    uow.emit(EntityChanged("user", f.agent_user, "added", api.name))
    return UserOutcome()


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
    ranks = None
    if f.campaign_rank or f.campaign_grade:
        try:
            ranks = _ranks(uow, f, api)
        except _Refused as refused:
            return UserOutcome(refused.problem, refused.value, refused.index)
    if not changes:
        return UserOutcome(ranks=ranks)
    store.update_user(conn, f.agent_user, {"failed_login_count": 0, **changes})
    _log(uow, api, "MODIFY", "ADMIN API UPDATE USER", f.agent_user, changes)
    uow.emit(EntityChanged("user", f.agent_user, "updated", api.name))
    return UserOutcome(updated=True, ranks=ranks)


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
    _blank_or(changes, "full_name", f.full_name, len(f.full_name) <= 50, UserProblem.FULL_NAME)
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
        if len(f.user_group) > 20 or not valid:
            raise _Refused(UserProblem.GROUP, f"{f.user_group}|{int(valid)}")
        changes["user_group"] = f.user_group
    if f.phone_login:
        # leadgate has no phones table (telephony only): no phone login is valid.
        _blank_or(changes, "phone_login", f.phone_login, False, UserProblem.PHONE_LOGIN)
    _blank_or(changes, "phone_pass", f.phone_pass, len(f.phone_pass) <= 20,
              UserProblem.PHONE_PASS)  # fmt: skip
    if f.hotkeys_active:
        if _int(f.hotkeys_active) not in (0, 1):
            raise _Refused(UserProblem.HOTKEYS, f.hotkeys_active)
        changes["hotkeys_active"] = f.hotkeys_active
    _blank_or(changes, "voicemail_id", f.voicemail_id, 2 <= len(f.voicemail_id) <= 10,
              UserProblem.VOICEMAIL)  # fmt: skip
    _blank_or(changes, "email", f.email, 5 <= len(f.email) <= 100, UserProblem.EMAIL)
    for index, (value, column) in enumerate(zip(f.custom, _custom_columns(), strict=True)):
        _blank_or(changes, column, value, len(value) <= 100, UserProblem.CUSTOM, index)
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
    return changes


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


def _log(uow: UnitOfWork, api: ApiUser, verb: str, code: str, user: str,
         values: Mapping[str, object]) -> None:  # fmt: skip
    # Column names only: never a password or its hash.
    admin_log.write(
        uow.conn, now=uow.now, user=api.name, ip=api.ip[:15], section="USERS",
        event_type=verb, record_id=user, event_code=code,
        event_sql=", ".join(sorted(values)), event_notes=f"user: {user}",
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

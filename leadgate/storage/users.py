"""vicidial_users and vicidial_user_groups."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from enum import Enum
from typing import Any

from sqlalchemy import Column, Connection, bindparam, delete, func, select, update

from leadgate.storage.columns import fit
from leadgate.storage.prepared import Prepared
from leadgate.storage.tables import (
    system_settings,
    vicidial_campaign_agents,
    vicidial_campaigns,
    vicidial_inbound_group_agents,
    vicidial_inbound_groups,
    vicidial_lists,
    vicidial_live_inbound_agents,
    vicidial_user_groups,
    vicidial_users,
)

_users = vicidial_users.c

# Everything the authentication and permission checks look at, in one read.
AUTH_COLUMNS = [
    _users.user,
    _users["pass"],
    _users.pass_hash,
    _users.full_name,
    _users.user_level,
    _users.user_group,
    _users.active,
    _users.failed_login_count,
    _users.last_login_date,
    _users.last_ip,
    _users.api_allowed_functions,
    _users.api_list_restrict,
    _users.vdc_agent_api_access,
    _users.modify_leads,
    _users.view_reports,
    _users.modify_lists,
    _users.delete_lists,
    _users.modify_users,
    _users.delete_users,
    _users.modify_campaigns,
    _users.delete_from_dnc,
    _users.custom_fields_modify,
    _users.ast_admin_access,
    _users.modify_inbound_dids,
    _users.agentcall_manual,
    _users.custom_three,
]

_select_for_auth = Prepared(select(*AUTH_COLUMNS).where(_users.user == bindparam("user")).limit(1))

_record_success = (
    update(vicidial_users)
    .where(_users.user == bindparam("b_user"))
    .values(last_login_date=bindparam("b_now"), last_ip=bindparam("b_ip"), failed_login_count=0)
)


def find_for_auth(conn: Connection, user: str) -> dict[str, Any] | None:
    return _select_for_auth.first(conn, {"user": user})


def record_login_success(conn: Connection, user: str, now: datetime, ip: str) -> None:
    conn.execute(_record_success, {"b_user": user, "b_now": now, "b_ip": ip[:15]})


class LoginFailure(Enum):
    """The three failure writes of VICIdial's user_authorization()."""

    COUNTED = "counted"  # failed_login_count + 1
    RESTARTED = "restarted"  # the lock window had passed: count restarts at 1
    LOCKED = "locked"  # the account is locked: only the day's attempts count up


# failed_last_type_today as each API's user_authorization() writes it.
_FAILURE_TYPES = {
    "non-agent": {
        LoginFailure.COUNTED: "aBAD",
        LoginFailure.RESTARTED: "aBAD",
        LoginFailure.LOCKED: "aLOCK",
    },
    "agent": {
        LoginFailure.COUNTED: "01cBAD",
        LoginFailure.RESTARTED: "02cBAD",
        LoginFailure.LOCKED: "03cLOCK",
    },
}

_select_login_state = select(_users.failed_login_count, _users.last_login_date).where(
    _users.user == bindparam("user")
)


def login_state_for_update(conn: Connection, user: str) -> tuple[int, datetime | None] | None:
    """failed_login_count and last_login_date, locked until the transaction ends (SQLite:
    BEGIN IMMEDIATE already holds the write lock), so concurrent failures count one by one."""
    row = conn.execute(_select_login_state.with_for_update(), {"user": user}).first()
    if row is None:
        return None
    return int(row[0] or 0), row[1]


def record_login_failure(
    conn: Connection,
    user: str,
    *,
    api: str,
    kind: LoginFailure,
    ip: str,
    count: int | None = None,
    last_login_date: datetime | None = None,
) -> None:
    """Write one failed login into the columns VICIdial uses: the day's attempts, the type, the
    address, and (unless locked) the failure count; last_login_date only when given."""
    values: dict[str, Any] = {
        "failed_login_attempts_today": _users.failed_login_attempts_today + 1,
        "failed_last_type_today": _FAILURE_TYPES[api][kind],
    }
    if kind is not LoginFailure.LOCKED:
        values["failed_login_count_today"] = _users.failed_login_count_today + 1
        values["failed_last_ip_today"] = ip[:50]
        values["failed_login_count"] = _users.failed_login_count + 1 if count is None else count
        if last_login_date is not None:
            values["last_login_date"] = last_login_date
    conn.execute(update(vicidial_users).where(_users.user == user).values(**values))


def find_user(conn: Connection, user: str) -> dict[str, Any] | None:
    row = conn.execute(select(vicidial_users).where(_users.user == user)).mappings().first()
    return None if row is None else dict(row)


def list_users(conn: Connection) -> list[dict[str, Any]]:
    return [
        dict(row) for row in conn.execute(select(vicidial_users).order_by(_users.user)).mappings()
    ]


def insert_user(conn: Connection, values: Mapping[str, Any]) -> None:
    conn.execute(vicidial_users.insert().values(**values))


def update_user(conn: Connection, user: str, values: Mapping[str, Any]) -> int:
    return conn.execute(update(vicidial_users).where(_users.user == user).values(**values)).rowcount


def find_user_group(conn: Connection, user_group: str) -> dict[str, Any] | None:
    stmt = select(vicidial_user_groups).where(vicidial_user_groups.c.user_group == user_group)
    row = conn.execute(stmt).mappings().first()
    return None if row is None else dict(row)


def list_ids_of_campaigns(conn: Connection, campaign_ids: Sequence[str]) -> list[str]:
    if not campaign_ids:
        return []
    stmt = select(vicidial_lists.c.list_id).where(vicidial_lists.c.campaign_id.in_(campaign_ids))
    return [str(row[0]) for row in conn.execute(stmt)]


def all_list_ids(conn: Connection) -> list[str]:
    return [str(row[0]) for row in conn.execute(select(vicidial_lists.c.list_id))]


def delete_user(conn: Connection, user: str) -> int:
    return int(conn.execute(delete(vicidial_users).where(_users.user == user)).rowcount)


def list_user_groups(conn: Connection) -> list[dict[str, Any]]:
    stmt = select(vicidial_user_groups).order_by(vicidial_user_groups.c.user_group)
    return [dict(row) for row in conn.execute(stmt).mappings()]


def insert_user_group(conn: Connection, values: Mapping[str, Any]) -> None:
    conn.execute(vicidial_user_groups.insert().values(**fit(vicidial_user_groups, values)))


def update_user_group(conn: Connection, user_group: str, values: Mapping[str, Any]) -> int:
    stmt = update(vicidial_user_groups).where(vicidial_user_groups.c.user_group == user_group)
    return int(conn.execute(stmt.values(**fit(vicidial_user_groups, values))).rowcount)


def count_group_users(conn: Connection, user_group: str) -> int:
    stmt = select(func.count()).where(_users.user_group == user_group)
    return int(conn.execute(stmt).scalar_one())


def group_visible(conn: Connection, user_group: str, viewable: frozenset[str] | None) -> bool:
    """The group exists and is one the API user may see (None = all; ---ALL--- always)."""
    stmt = select(func.count()).where(vicidial_user_groups.c.user_group == user_group)
    if viewable is not None:
        stmt = stmt.where(vicidial_user_groups.c.user_group.in_(sorted({*viewable, "---ALL---"})))
    return int(conn.execute(stmt).scalar_one()) > 0


def viewable_groups(conn: Connection, user_group: str) -> frozenset[str] | None:
    """admin_viewable_groups of a group: None = all (--ALL-- or 3 characters or less)."""
    stmt = select(vicidial_user_groups.c.admin_viewable_groups).where(
        vicidial_user_groups.c.user_group == user_group
    )
    raw = str(conn.execute(stmt).scalar() or "")
    if "--ALL--" in raw.upper() or len(raw) <= 3:
        return None
    return frozenset(g for g in raw.replace(" -", "").split() if g)


def set_campaign_ranks(
    conn: Connection, user: str, values: Mapping[str, Any], only_campaign: str | None
) -> int:
    """Rank/grade of `user` in every campaign (or one): update the rows it has, add the rest."""
    campaign_ids = [str(r[0]) for r in conn.execute(select(vicidial_campaigns.c.campaign_id))]
    return _set_ranks(conn, vicidial_campaign_agents.c.campaign_id, user, campaign_ids, values,
                      only_campaign)  # fmt: skip


def set_ingroup_ranks(
    conn: Connection, user: str, values: Mapping[str, Any], only_group: str | None
) -> int:
    """Rank/grade of `user` in every in-group (or one): vicidial_inbound_group_agents."""
    group_ids = [str(r[0]) for r in conn.execute(select(vicidial_inbound_groups.c.group_id))]
    return _set_ranks(conn, vicidial_inbound_group_agents.c.group_id, user, group_ids, values,
                      only_group)  # fmt: skip


def _set_ranks(conn: Connection, key: Column[Any], user: str, ids: Sequence[str],
               values: Mapping[str, Any], only: str | None) -> int:  # fmt: skip
    """Update the user's rows of `key`'s table for `ids` (or only one), insert the missing ones;
    the number of rows written."""
    table = key.table
    if only is not None:
        ids = [i for i in ids if i == only]
    present = {str(r[0]) for r in conn.execute(select(key).where(table.c.user == user))}
    for one in ids:
        if one in present:
            conn.execute(update(table).where(table.c.user == user, key == one).values(**values))
        else:
            conn.execute(table.insert().values(user=user, **{key.name: one}, **values))
    return len(ids)


def set_live_ingroup_ranks(
    conn: Connection, user: str, values: Mapping[str, Any], only_group: str | None
) -> int:
    """The same rank/grade on the in-groups a logged-in agent takes calls from now."""
    live = vicidial_live_inbound_agents.c
    stmt = update(vicidial_live_inbound_agents).where(live.user == user)
    if only_group is not None:
        stmt = stmt.where(live.group_id == only_group)
    return int(conn.execute(stmt.values(**values)).rowcount)


# What copy_user does not take from the source user: its identity, its credentials and its
# login history (VICIdial copies every other column).
_NOT_COPIED = frozenset({
    "user_id", "user", "pass", "pass_hash", "full_name", "failed_login_count",
    "last_login_date", "last_ip", "failed_login_attempts_today", "failed_login_count_today",
    "failed_last_ip_today", "failed_last_type_today",
})  # fmt: skip


def source_user_level_and_group(conn: Connection, user: str) -> tuple[int, str] | None:
    stmt = select(_users.user_level, _users.user_group).where(_users.user == user).limit(1)
    row = conn.execute(stmt).first()
    return None if row is None else (int(row[0] or 0), str(row[1] or ""))


def copy_user(conn: Connection, source: str, values: Mapping[str, Any]) -> tuple[int, int, int]:
    """A new user (`values`: user, full name, credentials) with everything else of `source`,
    its in-group and campaign settings too (calls_today restarting at 0): the rows written
    to vicidial_users, vicidial_inbound_group_agents and vicidial_campaign_agents."""
    copied = [c for c in vicidial_users.c if c.name not in _NOT_COPIED and c.name not in values]
    row = conn.execute(select(*copied).where(_users.user == source).limit(1)).mappings().first()
    if row is None:
        return 0, 0, 0
    new_user = values["user"]
    conn.execute(vicidial_users.insert().values(**dict(row), **values))
    ingroups = vicidial_inbound_group_agents.c
    ingroup_rows = _copy_agent_rows(
        conn, ingroups.group_id, source, new_user,
        (ingroups.group_rank, ingroups.group_weight, ingroups.group_type, ingroups.daily_limit),
    )  # fmt: skip
    campaigns = vicidial_campaign_agents.c
    campaign_rows = _copy_agent_rows(
        conn, campaigns.campaign_id, source, new_user,
        (campaigns.campaign_rank, campaigns.campaign_weight),
    )  # fmt: skip
    return 1, ingroup_rows, campaign_rows


def _copy_agent_rows(conn: Connection, key: Column[Any], source: str, new_user: str,
                     columns: Sequence[Column[Any]]) -> int:  # fmt: skip
    table = key.table
    present = {str(r[0]) for r in conn.execute(select(key).where(table.c.user == new_user))}
    rows = [
        {**dict(row), "user": new_user, "calls_today": 0}
        for row in conn.execute(
            select(key, *columns).where(table.c.user == source).order_by(key)
        ).mappings()
        if str(row[key.name]) not in present  # a deleted user's rows stay behind
    ]
    if rows:
        conn.execute(table.insert(), rows)
    return len(rows)


def auto_user_add_value(conn: Connection) -> int:
    """system_settings.auto_user_add_value: where AUTOGENERATE looks for a free user number."""
    return int(conn.execute(select(system_settings.c.auto_user_add_value).limit(1)).scalar() or 0)


def set_auto_user_add_value(conn: Connection, value: int) -> None:
    conn.execute(update(system_settings).values(auto_user_add_value=value))


def user_exists(conn: Connection, user: str) -> bool:
    stmt = select(func.count()).where(_users.user == user)
    return int(conn.execute(stmt).scalar_one()) > 0


def email_of(conn: Connection, user: str) -> str:
    return str(conn.execute(select(_users.email).where(_users.user == user)).scalar() or "")


def user_summary(
    conn: Connection, user: str, viewable: frozenset[str] | None
) -> dict[str, Any] | None:
    """full_name, user_group, user_level, active of a user in a group the caller may see."""
    stmt = select(_users.full_name, _users.user_group, _users.user_level, _users.active).where(
        _users.user == user
    )
    if viewable is not None:
        stmt = stmt.where(_users.user_group.in_(sorted({*viewable, "---ALL---"})))
    row = conn.execute(stmt.limit(1)).mappings().first()
    return None if row is None else dict(row)

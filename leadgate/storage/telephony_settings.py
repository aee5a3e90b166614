"""Telephony settings the admin functions maintain: group aliases, filter phone groups,
transfer presets, campaign caller-id groups, alternate call URLs; and the lists of in-groups,
call menus and settings containers."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, delete, func, insert, or_, select, update

from leadgate.storage.columns import fit
from leadgate.storage.tables import (
    groups_alias,
    vicidial_admin_log,
    vicidial_call_menu,
    vicidial_campaign_cid_areacodes,
    vicidial_campaigns,
    vicidial_cid_groups,
    vicidial_filter_phone_groups,
    vicidial_filter_phone_numbers,
    vicidial_inbound_groups,
    vicidial_lists,
    vicidial_settings_containers,
    vicidial_url_multi,
    vicidial_xfer_presets,
)

Row = dict[str, Any]


def admin_log(conn: Connection, row: Mapping[str, Any]) -> None:
    conn.execute(insert(vicidial_admin_log), fit(vicidial_admin_log, dict(row)))


# -- group aliases ---------------------------------------------------------------------------


def group_alias_exists(conn: Connection, group_alias_id: str) -> bool:
    g = groups_alias.c
    return (
        conn.execute(select(func.count()).where(g.group_alias_id == group_alias_id)).scalar_one()
        > 0
    )


def add_group_alias(conn: Connection, values: Mapping[str, Any]) -> None:
    conn.execute(insert(groups_alias), fit(groups_alias, dict(values)))


# -- filter phone groups ---------------------------------------------------------------------


def filter_phone_group_exists(conn: Connection, group_id: str) -> bool:
    g = vicidial_filter_phone_groups.c
    return (
        conn.execute(select(func.count()).where(g.filter_phone_group_id == group_id)).scalar_one()
        > 0
    )


def filter_number_exists(conn: Connection, phone_number: str, group_id: str) -> bool:
    n = vicidial_filter_phone_numbers.c
    statement = select(func.count()).where(
        n.phone_number == phone_number, n.filter_phone_group_id == group_id
    )
    return conn.execute(statement).scalar_one() > 0


def add_filter_number(conn: Connection, phone_number: str, group_id: str) -> int:
    values = fit(
        vicidial_filter_phone_numbers,
        {"phone_number": phone_number, "filter_phone_group_id": group_id},
    )
    conn.execute(insert(vicidial_filter_phone_numbers), values)
    return 1  # one row, or an exception (PostgreSQL reports no row count here)


def delete_filter_number(conn: Connection, phone_number: str, group_id: str) -> int:
    n = vicidial_filter_phone_numbers.c
    statement = delete(vicidial_filter_phone_numbers).where(
        n.phone_number == phone_number, n.filter_phone_group_id == group_id
    )
    return int(conn.execute(statement).rowcount)


# -- transfer presets ------------------------------------------------------------------------


def campaign_visible(conn: Connection, campaign_id: str, campaigns: Sequence[str] | None) -> bool:
    c = vicidial_campaigns.c
    statement = select(func.count()).where(c.campaign_id == campaign_id)
    if campaigns is not None:
        statement = statement.where(c.campaign_id.in_(list(campaigns)))
    return conn.execute(statement).scalar_one() > 0


def presets(conn: Connection, campaign_id: str, limit: int = 1000) -> list[Row]:
    p = vicidial_xfer_presets.c
    statement = (
        select(p.preset_name, p.campaign_id, p.preset_number, p.preset_hide_number, p.preset_dtmf)
        .where(p.campaign_id == campaign_id)
        .order_by(p.preset_name)
        .limit(limit)
    )
    return [dict(row._mapping) for row in conn.execute(statement)]


def preset_exists(conn: Connection, campaign_id: str, preset_name: str) -> bool:
    p = vicidial_xfer_presets.c
    statement = select(func.count()).where(
        p.campaign_id == campaign_id, p.preset_name == preset_name
    )
    return conn.execute(statement).scalar_one() > 0


def add_preset(conn: Connection, values: Mapping[str, Any]) -> int:
    conn.execute(insert(vicidial_xfer_presets), fit(vicidial_xfer_presets, dict(values)))
    return 1  # one row, or an exception (PostgreSQL reports no row count here)


def update_preset(
    conn: Connection, campaign_id: str, preset_name: str, values: Mapping[str, Any]
) -> int:
    p = vicidial_xfer_presets.c
    statement = (
        update(vicidial_xfer_presets)
        .where(p.campaign_id == campaign_id, p.preset_name == preset_name)
        .values(fit(vicidial_xfer_presets, dict(values)))
    )
    return int(conn.execute(statement).rowcount)


def delete_preset(conn: Connection, campaign_id: str, preset_name: str) -> int:
    p = vicidial_xfer_presets.c
    statement = delete(vicidial_xfer_presets).where(
        p.campaign_id == campaign_id, p.preset_name == preset_name
    )
    return int(conn.execute(statement).rowcount)


# -- chooser lists ---------------------------------------------------------------------------


def active_inbound_groups(conn: Connection, groups: Sequence[str] | None) -> list[Row]:
    i = vicidial_inbound_groups.c
    statement = (
        select(i.group_id, i.group_name, i.group_color).where(i.active == "Y").order_by(i.group_id)
    )
    if groups is not None:
        statement = statement.where(i.user_group.in_(list(groups)))
    return [dict(row._mapping) for row in conn.execute(statement)]


def call_menus(conn: Connection, groups: Sequence[str] | None) -> list[Row]:
    m = vicidial_call_menu.c
    statement = select(m.menu_id, m.menu_name, m.menu_prompt).order_by(m.menu_id)
    if groups is not None:
        statement = statement.where(m.user_group.in_(list(groups)))
    return [dict(row._mapping) for row in conn.execute(statement)]


def settings_containers(conn: Connection, kind: str, groups: Sequence[str] | None) -> list[Row]:
    s = vicidial_settings_containers.c
    statement = (
        select(s.container_id, s.container_notes)
        .where(s.container_type == kind)
        .order_by(s.container_id)
    )
    if groups is not None:
        statement = statement.where(s.user_group.in_(list(groups)))
    return [dict(row._mapping) for row in conn.execute(statement)]


# -- alternate call URLs (vicidial_url_multi) ------------------------------------------------

_URL_COLUMNS = (
    "url_id", "campaign_id", "entry_type", "active", "url_type", "url_rank", "url_statuses",
    "url_description", "url_lists", "url_call_length", "url_address",
)  # fmt: skip

# (entry type, url type) → the table, its key and the column that must say ALT.
_ALT_FLAGS = {
    ("campaign", "dispo"): (vicidial_campaigns, "campaign_id", "dispo_call_url"),
    ("campaign", "start"): (vicidial_campaigns, "campaign_id", "start_call_url"),
    ("campaign", "noagent"): (vicidial_campaigns, "campaign_id", "na_call_url"),
    ("ingroup", "dispo"): (vicidial_inbound_groups, "group_id", "dispo_call_url"),
    ("ingroup", "start"): (vicidial_inbound_groups, "group_id", "start_call_url"),
    ("ingroup", "noagent"): (vicidial_inbound_groups, "group_id", "na_call_url"),
    ("ingroup", "addlead"): (vicidial_inbound_groups, "group_id", "add_lead_url"),
    ("list", "noagent"): (vicidial_lists, "list_id", "na_call_url"),
}


def alt_url_kinds() -> frozenset[tuple[str, str]]:
    return frozenset(_ALT_FLAGS)


def uses_alt_urls(conn: Connection, entry_type: str, url_type: str, record_id: str) -> bool:
    table, key, flag = _ALT_FLAGS[(entry_type, url_type)]
    if key == "list_id" and not record_id.isdigit():
        return False
    statement = select(func.count()).where(table.c[key] == record_id, table.c[flag] == "ALT")
    return conn.execute(statement).scalar_one() > 0


def alt_urls(
    conn: Connection, campaign_id: str, entry_type: str, url_type: str, limit: int
) -> list[Row]:
    u = vicidial_url_multi.c
    statement = (
        select(*(u[name] for name in _URL_COLUMNS))
        .where(u.campaign_id == campaign_id, u.entry_type == entry_type, u.url_type == url_type)
        .order_by(u.url_id)
        .limit(limit)
    )
    return [dict(row._mapping) for row in conn.execute(statement)]


def alt_url_exists(
    conn: Connection, campaign_id: str, entry_type: str, url_type: str, url_id: int
) -> bool:
    u = vicidial_url_multi.c
    statement = select(func.count()).where(
        u.campaign_id == campaign_id, u.entry_type == entry_type, u.url_type == url_type,
        u.url_id == url_id,
    )  # fmt: skip
    return conn.execute(statement).scalar_one() > 0


def add_alt_url(conn: Connection, values: Mapping[str, Any]) -> int:
    result = conn.execute(insert(vicidial_url_multi), fit(vicidial_url_multi, dict(values)))
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def update_alt_url(
    conn: Connection, campaign_id: str, url_id: int, values: Mapping[str, Any]
) -> int:
    u = vicidial_url_multi.c
    statement = (
        update(vicidial_url_multi)
        .where(u.campaign_id == campaign_id, u.url_id == url_id)
        .values(fit(vicidial_url_multi, dict(values)))
    )
    return int(conn.execute(statement).rowcount)


# -- caller-id groups (vicidial_campaign_cid_areacodes) --------------------------------------


def cid_group_visible(conn: Connection, cid_group_id: str, groups: Sequence[str] | None) -> bool:
    g = vicidial_cid_groups.c
    statement = select(func.count()).where(g.cid_group_id == cid_group_id)
    if groups is not None:
        statement = statement.where(g.user_group.in_(list(groups)))
    return conn.execute(statement).scalar_one() > 0


def _cid_entries_where(
    campaign_id: str, areacode: str | None, outbound_cid: str | None
) -> list[Any]:
    a = vicidial_campaign_cid_areacodes.c
    conditions: list[Any] = [a.campaign_id == campaign_id]
    if areacode is not None:
        conditions.append(a.areacode == areacode)
    if outbound_cid is not None:
        conditions.append(a.outbound_cid == outbound_cid)
    return conditions


def cid_entries(
    conn: Connection, campaign_id: str, areacode: str | None, outbound_cid: str | None
) -> list[Row]:
    a = vicidial_campaign_cid_areacodes.c
    statement = (
        select(a.areacode, a.outbound_cid, a.active, a.cid_description, a.call_count_today)
        .where(*_cid_entries_where(campaign_id, areacode, outbound_cid))
        .order_by(a.areacode, a.outbound_cid)
    )
    return [dict(row._mapping) for row in conn.execute(statement)]


def add_cid_entry(conn: Connection, values: Mapping[str, Any]) -> int:
    table = vicidial_campaign_cid_areacodes
    conn.execute(insert(table), fit(table, dict(values)))
    return 1  # one row, or an exception (PostgreSQL reports no row count here)


def delete_cid_entries(
    conn: Connection, campaign_id: str, areacode: str | None, outbound_cid: str | None
) -> int:
    statement = delete(vicidial_campaign_cid_areacodes).where(
        *_cid_entries_where(campaign_id, areacode, outbound_cid)
    )
    return int(conn.execute(statement).rowcount)


def update_cid_entries(
    conn: Connection, campaign_id: str, areacode: str | None, outbound_cid: str | None,
    values: Mapping[str, Any],
) -> int:  # fmt: skip
    """Set `values`; the count is of rows that changed (MySQL's affected rows)."""
    table = vicidial_campaign_cid_areacodes
    changes = [table.c[name].is_distinct_from(value) for name, value in values.items()]
    statement = (
        update(table)
        .where(*_cid_entries_where(campaign_id, areacode, outbound_cid), or_(*changes))
        .values(fit(table, dict(values)))
    )
    return int(conn.execute(statement).rowcount)

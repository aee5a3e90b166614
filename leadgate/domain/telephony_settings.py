"""Telephony settings kept in the database: group aliases, filter phone groups, transfer
presets, and the chooser lists of in-groups, call menus and settings containers.

Every change is one unit of work holding a named lock on the record it checks and writes, so
two concurrent requests cannot both pass an "already exists" check; each change writes its
vicidial_admin_log row (without SQL text: leadgate never logs statements).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from leadgate.domain.leads.search import as_text
from leadgate.storage import telephony_settings as store
from leadgate.storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class Actor:
    """Who makes an administrative change, for vicidial_admin_log."""

    user: str
    ip: str


def _admin_log(
    uow: UnitOfWork, actor: Actor, section: str, event_type: str, record_id: str, code: str,
    notes: str = "",
) -> None:  # fmt: skip
    store.admin_log(uow.conn, {
        "event_date": uow.now, "user": actor.user, "ip_address": actor.ip,
        "event_section": section, "event_type": event_type, "record_id": record_id,
        "event_code": code, "event_sql": "", "event_notes": notes,
    })  # fmt: skip


def enum_value(value: str, allowed: Sequence[str]) -> str:
    """MySQL's non-strict ENUM rule: a value outside the list is stored as ''."""
    return value if value in allowed else ""


# -- group aliases -------------------------------------------------------------------------------


@dataclass(frozen=True)
class GroupAlias:
    group_alias_id: str
    group_alias_name: str
    caller_id_number: str
    caller_id_name: str = ""
    active: str = "Y"
    user_group: str = "---ALL---"


def add_group_alias(uow: UnitOfWork, actor: Actor, alias: GroupAlias) -> bool:
    """Add the alias; False when one with that id exists already."""
    uow.lock([f"groups_alias:{alias.group_alias_id}"])
    if store.group_alias_exists(uow.conn, alias.group_alias_id):
        return False
    store.add_group_alias(uow.conn, {
        "group_alias_id": alias.group_alias_id, "group_alias_name": alias.group_alias_name,
        "caller_id_number": alias.caller_id_number, "caller_id_name": alias.caller_id_name,
        "active": enum_value(alias.active, ("Y", "N")), "user_group": alias.user_group,
    })  # fmt: skip
    _admin_log(uow, actor, "GROUPALIASES", "ADD", alias.group_alias_id, "ADMIN API ADD GROUP ALIAS")
    return True


# -- filter phone groups -------------------------------------------------------------------------


class FilterProblem(Enum):
    NO_GROUP = "filter phone group does not exist"
    ALREADY_THERE = "number already in the group"
    NOT_THERE = "number not in the group"


def add_filter_number(
    uow: UnitOfWork, actor: Actor, phone_number: str, group_id: str
) -> FilterProblem | None:
    uow.lock([f"filter_phone:{group_id}:{phone_number}"])
    if not store.filter_phone_group_exists(uow.conn, group_id):
        return FilterProblem.NO_GROUP
    if store.filter_number_exists(uow.conn, phone_number, group_id):
        return FilterProblem.ALREADY_THERE
    added = store.add_filter_number(uow.conn, phone_number, group_id)
    _admin_log(
        uow, actor, "FILTERPHONEGROUPS", "ADD", phone_number,
        f"ADMIN API ADD NUMBER TO FILTER PHONE GROUP {group_id}",
        f"{phone_number}|{group_id}|{added}",
    )  # fmt: skip
    return None


def delete_filter_number(
    uow: UnitOfWork, actor: Actor, phone_number: str, group_id: str
) -> FilterProblem | None:
    uow.lock([f"filter_phone:{group_id}:{phone_number}"])
    if not store.filter_phone_group_exists(uow.conn, group_id):
        return FilterProblem.NO_GROUP
    if not store.filter_number_exists(uow.conn, phone_number, group_id):
        return FilterProblem.NOT_THERE
    deleted = store.delete_filter_number(uow.conn, phone_number, group_id)
    _admin_log(
        uow, actor, "FILTERPHONEGROUPS", "DELETE", phone_number,
        f"ADMIN API DELETE NUMBER FROM FILTER PHONE GROUP {group_id}",
        f"{phone_number}|{group_id}|{deleted}",
    )  # fmt: skip
    return None


# -- transfer presets ----------------------------------------------------------------------------


def campaign_visible(uow: UnitOfWork, campaign_id: str, campaigns: Sequence[str] | None) -> bool:
    return store.campaign_visible(uow.conn, campaign_id, campaigns)


@dataclass(frozen=True)
class Preset:
    preset_name: str
    campaign_id: str
    preset_number: str
    preset_hide_number: str
    preset_dtmf: str


def presets(uow: UnitOfWork, campaign_id: str) -> list[Preset]:
    return [
        Preset(
            *(
                as_text(row[name])
                for name in (
                    "preset_name",
                    "campaign_id",
                    "preset_number",
                    "preset_hide_number",
                    "preset_dtmf",
                )
            )
        )  # fmt: skip
        for row in store.presets(uow.conn, campaign_id)
    ]


class PresetAction(Enum):
    UPDATE = "update"
    NEW = "new"
    DELETE = "delete"


@dataclass(frozen=True)
class PresetChange:
    action: PresetAction
    campaign_id: str
    preset_name: str
    values: dict[str, Any]  # preset_number / preset_dtmf / preset_hide_number to set


class PresetOutcome(Enum):
    ADDED = "added"
    UPDATED = "updated"
    DELETED = "deleted"
    NO_UPDATES = "no updates"


def resolve_preset_name(uow: UnitOfWork, campaign_id: str, preset_name: str) -> tuple[str, int]:
    """The preset an update or delete means: the named one, or else the campaign's only
    preset. (name, 0) when found; (name, presets) when the name is unknown and the campaign
    has two or more."""
    if store.preset_exists(uow.conn, campaign_id, preset_name):
        return preset_name, 0
    first_two = store.presets(uow.conn, campaign_id, limit=2)
    if len(first_two) < 2:
        return (as_text(first_two[0]["preset_name"]) if first_two else ""), 0
    return preset_name, len(first_two)


def change_preset(uow: UnitOfWork, actor: Actor, change: PresetChange) -> PresetOutcome:
    conn = uow.conn
    uow.lock([f"xfer_preset:{change.campaign_id}:{change.preset_name}"])
    notes = f"campaign: {change.campaign_id}|preset_name: {change.preset_name}"
    if change.action is PresetAction.DELETE:
        store.delete_preset(conn, change.campaign_id, change.preset_name)
        _admin_log(uow, actor, "", "DELETE", change.campaign_id, "ADMIN API DELETE PRESET", notes)
        return PresetOutcome.DELETED
    if not change.values:
        return PresetOutcome.NO_UPDATES
    if change.action is PresetAction.NEW:
        store.add_preset(conn, {
            "campaign_id": change.campaign_id, "preset_name": change.preset_name,
            "preset_number": "", **change.values,
        })  # fmt: skip
        _admin_log(uow, actor, "", "ADD", change.campaign_id, "ADMIN API UPDATE PRESET", notes)
        return PresetOutcome.ADDED
    store.update_preset(conn, change.campaign_id, change.preset_name, change.values)
    _admin_log(uow, actor, "", "MODIFY", change.campaign_id, "ADMIN API UPDATE PRESET", notes)
    return PresetOutcome.UPDATED


# -- chooser lists -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChooserItem:
    item_id: str
    name: str
    color: str = ""


def inbound_groups(uow: UnitOfWork, groups: Sequence[str] | None) -> list[ChooserItem]:
    return [
        ChooserItem(as_text(r["group_id"]), as_text(r["group_name"]), as_text(r["group_color"]))
        for r in store.active_inbound_groups(uow.conn, groups)
    ]


def call_menus(uow: UnitOfWork, groups: Sequence[str] | None) -> list[ChooserItem]:
    return [
        ChooserItem(as_text(r["menu_id"]), as_text(r["menu_name"]))
        for r in store.call_menus(uow.conn, groups)
    ]


def settings_containers(
    uow: UnitOfWork, kind: str, groups: Sequence[str] | None
) -> list[ChooserItem]:
    return [
        ChooserItem(as_text(r["container_id"]), as_text(r["container_notes"]))
        for r in store.settings_containers(uow.conn, kind, groups)
    ]


# -- alternate call URLs -------------------------------------------------------------------------


@dataclass(frozen=True)
class AltUrl:
    url_id: str
    campaign_id: str
    entry_type: str
    active: str
    url_type: str
    url_rank: str
    url_statuses: str
    url_description: str
    url_lists: str
    url_call_length: str
    url_address: str


def alt_urls(uow: UnitOfWork, campaign_id: str, entry_type: str, url_type: str) -> list[AltUrl]:
    rows = store.alt_urls(uow.conn, campaign_id, entry_type, url_type, 1000)
    return [AltUrl(**{name: as_text(value) for name, value in row.items()}) for row in rows]


class AltUrlProblem(Enum):
    NO_ENTRY_TYPE = "no entry type"
    NO_URL_TYPE = "no valid url type"
    NOT_ALT = "url is not set to ALT"


def check_alt_url_kind(
    uow: UnitOfWork, entry_type: str, url_type: str, record_id: str
) -> AltUrlProblem | None:
    if entry_type not in ("campaign", "ingroup", "list"):
        return AltUrlProblem.NO_ENTRY_TYPE
    if (entry_type, url_type) not in store.alt_url_kinds():
        return AltUrlProblem.NO_URL_TYPE
    if not store.uses_alt_urls(uow.conn, entry_type, url_type, record_id):
        return AltUrlProblem.NOT_ALT
    return None


def resolve_alt_url_id(
    uow: UnitOfWork, campaign_id: str, entry_type: str, url_type: str, url_id: str
) -> tuple[str, int]:
    """The alternate URL an update means: the given id, or else the only one there is.
    (id, 0) when found; (id, count) when the id is unknown and there are two or more."""
    if (
        url_id.isdigit()
        and len(url_id) < 10
        and store.alt_url_exists(uow.conn, campaign_id, entry_type, url_type, int(url_id))
    ):
        return url_id, 0
    first_two = store.alt_urls(uow.conn, campaign_id, entry_type, url_type, 2)
    if len(first_two) < 2:
        return (as_text(first_two[0]["url_id"]) if first_two else ""), 0
    return url_id, len(first_two)


_SECTIONS = {"campaign": "CAMPAIGNS", "ingroup": "INGROUPS", "list": "LISTS"}


def add_alt_url(
    uow: UnitOfWork, actor: Actor, campaign_id: str, entry_type: str, url_type: str,
    values: dict[str, Any],
) -> int:  # fmt: skip
    url_id = store.add_alt_url(uow.conn, {
        "campaign_id": campaign_id, "entry_type": entry_type, "url_type": url_type, **values,
    })  # fmt: skip
    notes = f"campaign: {campaign_id}|url_id: {url_id}|entry_type: {entry_type}|url_type:{url_type}"
    _admin_log(
        uow, actor, _SECTIONS[entry_type], "ADD", campaign_id, "ADMIN API UPDATE ALT URL", notes
    )
    return url_id


def update_alt_url(
    uow: UnitOfWork, actor: Actor, campaign_id: str, entry_type: str, url_type: str,
    url_id: str, values: dict[str, Any],
) -> None:  # fmt: skip
    if url_id.isdigit() and len(url_id) < 10:
        store.update_alt_url(uow.conn, campaign_id, int(url_id), values)
    notes = f"campaign: {campaign_id}|url_id: {url_id}|entry_type: {entry_type}|url_type:{url_type}"
    _admin_log(
        uow, actor, _SECTIONS[entry_type], "MODIFY", campaign_id, "ADMIN API UPDATE ALT URL", notes
    )


# -- caller-id groups ----------------------------------------------------------------------------


@dataclass(frozen=True)
class CidEntry:
    areacode: str
    outbound_cid: str
    active: str  # Y or N (VICIdial stores N as '')
    description: str
    calls_today: str


@dataclass(frozen=True)
class CidSelection:
    """The caller-id group (a CID group or a campaign) and the entries meant: None = all."""

    cid_group_id: str
    areacode: str | None
    outbound_cid: str | None


def cid_group_visible(
    uow: UnitOfWork,
    cid_group_id: str,
    groups: Sequence[str] | None,
    campaigns: Sequence[str] | None,
) -> bool:
    """A CID group the caller's user group may see, or else a campaign it may see."""
    return store.cid_group_visible(uow.conn, cid_group_id, groups) or store.campaign_visible(
        uow.conn, cid_group_id, campaigns
    )


def cid_entries(uow: UnitOfWork, pick: CidSelection) -> list[CidEntry]:
    rows = store.cid_entries(uow.conn, pick.cid_group_id, pick.areacode, pick.outbound_cid)
    return [
        CidEntry(
            as_text(r["areacode"]),
            as_text(r["outbound_cid"]),
            as_text(r["active"]) or "N",
            as_text(r["cid_description"]),
            as_text(r["call_count_today"]),
        )  # fmt: skip
        for r in rows
    ]


def _entries_notes(entries: Sequence[CidEntry]) -> str:
    return "".join(
        f"{n}|{e.areacode}|{e.outbound_cid}|{e.active}|{e.description}|{e.calls_today}\n"
        for n, e in enumerate(entries, start=1)
    )


def add_cid_entry(
    uow: UnitOfWork, actor: Actor, pick: CidSelection, active: str, description: str
) -> int | None:
    """Add one entry (active '' unless Y); None when it exists already."""
    assert pick.areacode is not None and pick.outbound_cid is not None
    uow.lock([f"cid_group:{pick.cid_group_id}"])
    if store.cid_entries(uow.conn, pick.cid_group_id, pick.areacode, pick.outbound_cid):
        return None
    stored_active = "Y" if active == "Y" else ""
    added = store.add_cid_entry(uow.conn, {
        "campaign_id": pick.cid_group_id, "areacode": pick.areacode,
        "outbound_cid": pick.outbound_cid, "active": stored_active, "cid_description": description,
    })  # fmt: skip
    notes = (
        f"areacode: {pick.areacode} outbound_cid: {pick.outbound_cid} active: {stored_active} "
        f"inserted: {added}"
    )
    _admin_log(uow, actor, "CIDGROUPS", "ADD", pick.cid_group_id, "ADMIN API ADD CID", notes)
    return added


def delete_cid_entries(uow: UnitOfWork, actor: Actor, pick: CidSelection) -> int | None:
    """Delete the selected entries; None when there are none."""
    uow.lock([f"cid_group:{pick.cid_group_id}"])
    entries = cid_entries(uow, pick)
    if not entries:
        return None
    deleted = store.delete_cid_entries(
        uow.conn, pick.cid_group_id, pick.areacode, pick.outbound_cid
    )
    notes = (
        f"areacode: {pick.areacode or '---ALL---'} outbound_cid: {pick.outbound_cid or ''} "
        f"deleted: {deleted}\n{_entries_notes(entries)}"
    )
    _admin_log(uow, actor, "CIDGROUPS", "DELETE", pick.cid_group_id, "ADMIN API DELETE CID", notes)
    return deleted


def update_cid_entries(
    uow: UnitOfWork, actor: Actor, pick: CidSelection, values: dict[str, str]
) -> int:
    """Set active ('' for N) and/or the description of the selected entries: rows changed."""
    uow.lock([f"cid_group:{pick.cid_group_id}"])
    entries = cid_entries(uow, pick)
    modified = store.update_cid_entries(
        uow.conn, pick.cid_group_id, pick.areacode, pick.outbound_cid, values
    )
    notes = (
        f"areacode: {pick.areacode or '---ALL---'} outbound_cid: {pick.outbound_cid or ''} "
        f"modified: {modified}\n{_entries_notes(entries)}"
    )
    _admin_log(uow, actor, "CIDGROUPS", "MODIFY", pick.cid_group_id, "ADMIN API MODIFY CID", notes)
    return modified

"""add_list and update_list: a list's settings, resets, deletion and custom-field copies.

Checks run in VICIdial's order; the first failing one refuses the call and nothing changes.
Refusals are typed codes with the offending value. Every change writes vicidial_admin_log and
emits EntityChanged; the list's named lock is held from the existence check to the commit, so
of concurrent identical add_list calls exactly one adds the list. custom_fields_copy copies
the field definitions and custom-table columns directly in the database (VICIdial calls its
own web server for it; DEVIATIONS.md D6).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from enum import Enum
from urllib.parse import unquote_plus

from sqlalchemy import Connection

from leadgate.domain.actor import Actor
from leadgate.domain.events import EntityChanged
from leadgate.domain.list_custom_fields import (
    FieldActions,
    FieldChange,
    FieldRequest,
    FieldResult,
    change_fields,
    copy_fields,
)
from leadgate.domain.setting_rules import YES_NO, Refusal, Rule, checked, length, one_of
from leadgate.storage import admin_log
from leadgate.storage import campaigns as campaign_store
from leadgate.storage import lists as store
from leadgate.storage.unit_of_work import UnitOfWork
from leadgate.values.text import php_strlen

BLANK = "--BLANK--"
TZ_METHODS = ("COUNTRY_AND_AREA_CODE", "POSTAL_CODE", "NANPA_PREFIX", "OWNER_TIME_ZONE_CODE")
COPY_METHODS = ("APPEND", "UPDATE", "REPLACE")
XFERCONF_COLUMNS = ("xferconf_a_number", "xferconf_b_number", "xferconf_c_number",
                    "xferconf_d_number", "xferconf_e_number")  # fmt: skip
WEBFORM_COLUMNS = ("web_form_address", "web_form_address_two", "web_form_address_three")
LIST_ID = re.compile(r"[0-9]{2,14}")


class ListProblem(Enum):
    REQUIRED_FIELDS = "required fields"  # `value`: the first field missing or malformed
    CAMPAIGN_NOT_FOUND = "campaign not found"
    LIST_EXISTS = "list exists"
    LIST_NOT_FOUND = "list not found"
    SCRIPT = "script not found"
    IN_GROUP = "in-group not found"
    RESET_TIME = "reset time"
    COPY_SOURCE_MISSING = "copy source missing"
    COPY_SOURCE_EMPTY = "copy source has no fields"
    COPY_DENIED = "no custom field permission"
    TZ_METHOD = "time zone method"
    CALL_TIME = "call time not found"
    XFERCONF = "transfer conf"  # `index` 0-4
    LIST_NAME = "list name"
    ACTIVE = "active"
    OUTBOUND_CID = "outbound cid"
    AM_MESSAGE = "answering machine message"


@dataclass(frozen=True)
class ListSettings:
    """add_list / update_list parameters after VICIdial's filters ("" = not given)."""

    list_id: str
    list_name: str = ""
    campaign_id: str = ""
    active: str = ""
    outbound_cid: str = ""
    script: str = ""
    am_message: str = ""
    drop_inbound_group: str = ""
    web_forms: tuple[str, str, str] = ("", "", "")
    reset_time: str = ""
    tz_method: str = ""
    local_call_time: str = ""
    expiration_date: str = ""
    xferconf: tuple[str, str, str, str, str] = ("", "", "", "", "")
    list_description: str = ""
    custom_fields_copy: str = ""
    custom_copy_method: str = ""
    custom_field: FieldRequest = FieldRequest()  # update_list's field_* parameters


@dataclass(frozen=True)
class CustomFieldsCopy:
    source: str
    method: str
    problem: ListProblem | None = None
    count: int = 0  # the source's field count (or list count) VICIdial prints on a refusal
    response: FieldResult | None = None  # the copy's answer (None: refused or not run)
    copied: int = 0  # field definitions added or rewritten


@dataclass(frozen=True)
class AddOutcome:
    problem: ListProblem | None = None
    value: str = ""
    index: int = 0
    copy: CustomFieldsCopy | None = None


def valid_list_id(text: str) -> bool:
    """A list id as add_list and update_list take it: 2-14 digits."""
    return LIST_ID.fullmatch(text) is not None


def _missing_field(s: ListSettings) -> str:
    """add_list's required fields: list id, campaign id (1-8) and list name (2-30)."""
    if not valid_list_id(s.list_id):
        return "list_id"
    if not 1 <= php_strlen(s.campaign_id) <= 8:
        return "campaign_id"
    if not 2 <= php_strlen(s.list_name) <= 30:
        return "list_name"
    return ""


def _web_form(value: str) -> str:
    """VICIdial decodes a URL-encoded address (%3A%2F%2F) and turns its spaces into +."""
    if "%3A%2F%2F" in value:
        value = unquote_plus(value).replace(" ", "+")
    return "" if value == BLANK else value


def _copy_check(
    uow: UnitOfWork, s: ListSettings, may_modify_fields: bool
) -> CustomFieldsCopy | None:
    if not 1 < len(s.custom_fields_copy) < 15:
        return None
    method = s.custom_copy_method if s.custom_copy_method in COPY_METHODS else "APPEND"
    source = int(s.custom_fields_copy)
    if store.find_list(uow.conn, source) is None:
        return CustomFieldsCopy(s.custom_fields_copy, method, ListProblem.COPY_SOURCE_MISSING)
    fields = store.field_count(uow.conn, source)
    if fields < 1:
        return CustomFieldsCopy(s.custom_fields_copy, method, ListProblem.COPY_SOURCE_EMPTY)
    if not may_modify_fields:
        return CustomFieldsCopy(s.custom_fields_copy, method, ListProblem.COPY_DENIED)
    return CustomFieldsCopy(s.custom_fields_copy, method, count=fields)


def _copy(
    uow: UnitOfWork, list_id: int, check: CustomFieldsCopy, actor: Actor, *,
    may_modify_leads: bool,
) -> CustomFieldsCopy:  # fmt: skip
    result = copy_fields(uow, int(check.source), list_id, check.method,
                         may_modify_leads=may_modify_leads, actor=actor)  # fmt: skip
    return replace(check, response=result.response, copied=result.fields)


def _call_time_exists(value: str, conn: Connection) -> bool:
    return value == "campaign" or store.call_time_exists(conn, value)


def _campaign_exists(value: str, conn: Connection) -> bool:
    return campaign_store.campaign_visible(conn, value, None)


def _script_exists(value: str, conn: Connection) -> bool:
    return store.script_exists(conn, value)


def _in_group_exists(value: str, conn: Connection) -> bool:
    return store.inbound_group_exists(conn, value)


_Rule = Rule[Connection, ListProblem]
_L = ListProblem


def _xferconf(empty: str | None) -> tuple[_Rule, ...]:
    """The five transfer numbers, up to 50 characters (update_list empties one with BLANK)."""
    return tuple(
        _Rule(column, length(longest=50), ListProblem.XFERCONF, parameter="xferconf",
             index=index, empty=empty)
        for index, column in enumerate(XFERCONF_COLUMNS)
    )  # fmt: skip


# Checked alike by add_list and update_list, in this order.
_FORMS_AND_TIME_ZONE: tuple[_Rule, ...] = (
    *(_Rule(column, parameter="web_forms", index=index, stored=_web_form)
      for index, column in enumerate(WEBFORM_COLUMNS)),
    _Rule("list_description", empty=BLANK),
    _Rule("time_zone_setting", one_of(TZ_METHODS), _L.TZ_METHOD, parameter="tz_method"),
)  # fmt: skip
_ADD_XFERCONF = _xferconf(empty=None)
# update_list's parameters in VICIdial's order; expiration_date comes between the two parts.
_UPDATE_RULES: tuple[_Rule, ...] = (
    _Rule("campaign_id", _campaign_exists, _L.CAMPAIGN_NOT_FOUND),
    _Rule("agent_script_override", _script_exists, _L.SCRIPT, parameter="script", empty=BLANK),
    _Rule("drop_inbound_group_override", _in_group_exists, _L.IN_GROUP,
         parameter="drop_inbound_group", empty=BLANK),
    _Rule("list_name", length(6, 30), _L.LIST_NAME),
    _Rule("active", YES_NO, _L.ACTIVE),
    _Rule("campaign_cid_override", length(6, 18), _L.OUTBOUND_CID, parameter="outbound_cid"),
    _Rule("am_message_exten_override", length(longest=100), _L.AM_MESSAGE,
         parameter="am_message", empty=BLANK),
    _Rule("reset_time", length(shortest=4), _L.RESET_TIME, empty=BLANK),
)  # fmt: skip
_UPDATE_RULES_AFTER_EXPIRATION: tuple[_Rule, ...] = (
    *_FORMS_AND_TIME_ZONE,
    _Rule("local_call_time", _call_time_exists, _L.CALL_TIME),
    *_xferconf(empty=BLANK),
)


def add_list(
    uow: UnitOfWork, s: ListSettings, actor: Actor, allowed: frozenset[str] | None, *,
    may_modify_fields: bool, may_modify_leads: bool = True,
) -> AddOutcome:  # fmt: skip
    """add_list: the required fields given, the campaign must exist (and be allowed), the list
    must not."""
    missing = _missing_field(s)
    if missing:
        return AddOutcome(ListProblem.REQUIRED_FIELDS, missing)
    conn = uow.conn
    if not campaign_store.campaign_visible(conn, s.campaign_id, allowed):
        return AddOutcome(ListProblem.CAMPAIGN_NOT_FOUND, s.campaign_id)
    list_id = int(s.list_id)
    uow.lock([f"list:{list_id}"])
    if store.find_list(conn, list_id) is not None:
        return AddOutcome(ListProblem.LIST_EXISTS, s.list_id)
    try:
        if s.script and not store.script_exists(conn, s.script):
            raise Refusal(ListProblem.SCRIPT, s.script)
        if s.drop_inbound_group and not store.inbound_group_exists(conn, s.drop_inbound_group):
            raise Refusal(ListProblem.IN_GROUP, s.drop_inbound_group)
        if 0 < len(s.reset_time) < 4:
            raise Refusal(ListProblem.RESET_TIME, s.reset_time)
        copy = _copy_check(uow, s, may_modify_fields)
        if copy is not None and copy.problem is not None:
            return AddOutcome(copy.problem, s.custom_fields_copy, copy=copy)
        row: dict[str, object] = {
            "list_id": list_id, "list_name": s.list_name, "campaign_id": s.campaign_id,
            "active": s.active or "N", "campaign_cid_override": s.outbound_cid,
            "agent_script_override": s.script, "am_message_exten_override": s.am_message,
            "drop_inbound_group_override": s.drop_inbound_group, "reset_time": s.reset_time,
            "expiration_date": s.expiration_date if len(s.expiration_date) >= 10 else "2099-12-31",
        }  # fmt: skip
        row.update(checked(_FORMS_AND_TIME_ZONE, s, conn))
        # "campaign" (the column's default) is not written by add_list.
        if s.local_call_time and s.local_call_time != "campaign":
            if not store.call_time_exists(conn, s.local_call_time):
                raise Refusal(ListProblem.CALL_TIME, s.local_call_time)
            row["local_call_time"] = s.local_call_time
        row.update(checked(_ADD_XFERCONF, s, conn))
    except Refusal as refused:
        return AddOutcome(refused.problem, refused.value, refused.index)
    row["expiration_date"] = _as_date(str(row["expiration_date"]))
    row["list_changedate"] = uow.now
    store.insert_list(conn, row)
    if copy is not None:
        copy = _copy(uow, list_id, copy, actor, may_modify_leads=may_modify_leads)
    # VICIdial notes its admin page's answer to the copy in the admin log.
    response = "" if copy is None or copy.response is None else _COPY_NOTES[copy.response]
    notes = f"list: {list_id}|{s.campaign_id}|{s.custom_fields_copy}|{response}"
    admin_log.write(
        conn, now=uow.now, user=actor.user, ip=actor.ip[:15], section="LISTS",
        event_type="ADD", record_id=str(list_id), event_code="ADMIN API ADD LIST",
        event_sql=", ".join(sorted(row)), event_notes=notes,
    )  # fmt: skip
    uow.emit(EntityChanged("list", str(list_id), "added", actor.user))
    return AddOutcome(copy=copy)


# The admin-log note for a custom-field copy's answer (stored data, as VICIdial writes it).
_COPY_NOTES = {FieldResult.CHANGED: "SUCCESS", FieldResult.REFUSED: "ERROR",
               FieldResult.UNCHANGED: "NONE"}  # fmt: skip


def _as_date(text: str) -> object:
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        # MySQL stores an invalid date as the zero date; 2099-12-31 keeps the list usable.
        return date(2099, 12, 31)


# -- update_list ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ListActions:
    reset_list: bool = False
    delete_list: bool = False
    delete_leads: bool = False
    may_delete_lists: bool = False
    may_delete_leads: bool = False
    may_modify_fields: bool = False
    fields: FieldActions = FieldActions()  # custom_fields_add / _update / _delete


@dataclass(frozen=True)
class ResetResult:
    done: bool
    leads: int = 0
    resets_today: int = 0
    daily_limit: int = 0


@dataclass(frozen=True)
class UpdateOutcome:
    found: bool = True
    problem: ListProblem | None = None
    value: str = ""
    index: int = 0
    updated: bool = False
    reset: ResetResult | None = None
    list_deleted: int | None = None  # rows; None = not asked
    list_delete_denied: bool = False
    leads_deleted: int | None = None
    leads_delete_denied: bool = False
    copy: CustomFieldsCopy | None = None
    field_changes: tuple[FieldChange, ...] = ()  # before any other change, in VICIdial's order


def update_list(
    uow: UnitOfWork, s: ListSettings, actions: ListActions, actor: Actor,
    allowed: frozenset[str] | None,
) -> UpdateOutcome:  # fmt: skip
    conn = uow.conn
    list_id = int(s.list_id)
    uow.lock([f"list:{list_id}"])
    visible = store.visible_list(conn, list_id, allowed) is not None
    if not visible and not actions.fields.any and not 0 < len(s.custom_fields_copy) < 15:
        return UpdateOutcome(found=False)
    field_changes = tuple(
        change_fields(uow, list_id, visible, actions.fields, s.custom_field, actor)
    )
    try:
        changes = _update_changes(uow, s)
    except Refusal as refused:
        return UpdateOutcome(problem=refused.problem, value=refused.value, index=refused.index,
                             field_changes=field_changes)  # fmt: skip
    if changes:
        if "campaign_id" in changes:
            old = store.list_campaign(conn, list_id)
            if old is not None and old != changes["campaign_id"]:
                store.delete_hopper_entries(conn, list_id, old)
        store.update_list(conn, list_id, {**changes, "list_changedate": uow.now})
        admin_log.write(
            conn, now=uow.now, user=actor.user, ip=actor.ip[:15], section="LISTS",
            event_type="MODIFY", record_id=str(list_id), event_code="ADMIN API UPDATE LIST",
            event_sql=", ".join(changes), event_notes=f"list: {list_id}",
        )  # fmt: skip
        uow.emit(EntityChanged("list", str(list_id), "updated", actor.user))
    reset = _reset(uow, list_id, actor) if actions.reset_list else None
    list_deleted: int | None = None
    if actions.delete_list and actions.may_delete_lists:
        list_deleted = _delete_list(uow, list_id, actor)
    # VICIdial stops at a refused deletion: nothing after it (lead deletion, copy) runs.
    list_delete_denied = actions.delete_list and not actions.may_delete_lists
    leads_delete_denied = (
        not list_delete_denied and actions.delete_leads and not actions.may_delete_leads
    )
    leads_deleted: int | None = None
    if actions.delete_leads and actions.may_delete_leads and not list_delete_denied:
        leads_deleted = _delete_leads(uow, list_id, actor)
    copy = None
    if not (list_delete_denied or leads_delete_denied):
        copy = _copy_check(uow, s, actions.may_modify_fields)
    if copy is not None and copy.problem is None:
        copy = _copy(uow, list_id, copy, actor, may_modify_leads=actions.fields.may_modify_leads)
    return UpdateOutcome(
        updated=bool(changes), reset=reset, list_deleted=list_deleted,
        list_delete_denied=list_delete_denied, leads_deleted=leads_deleted,
        leads_delete_denied=leads_delete_denied, copy=copy, field_changes=field_changes,
    )  # fmt: skip


def _delete_list(uow: UnitOfWork, list_id: int, actor: Actor) -> int:
    deleted = store.delete_list(uow.conn, list_id)
    _log(uow, actor, list_id, "DELETE", "ADMIN API DELETE LIST", "delete vicidial_lists")
    uow.emit(EntityChanged("list", str(list_id), "deleted", actor.user))
    return deleted


def _delete_leads(uow: UnitOfWork, list_id: int, actor: Actor) -> int:
    deleted = store.delete_leads(uow.conn, list_id)
    _log(uow, actor, list_id, "DELETE", "ADMIN API DELETE LEADS", "delete vicidial_list")
    return deleted


@dataclass(frozen=True)
class DeleteOutcome:
    found: bool = True
    deleted: bool = False
    leads: int = 0  # the leads deleted, or (refused) the leads the list still has


def delete_list(uow: UnitOfWork, list_id: int, actor: Actor, *, with_leads: bool) -> DeleteOutcome:
    """update_list's delete_list and delete_leads actions as one guarded step (the CLI's
    `list delete`): a list that still has leads is refused unless its leads go too, so no lead
    is left in a list that no longer exists."""
    uow.lock([f"list:{list_id}"])
    if store.find_list(uow.conn, list_id) is None:
        return DeleteOutcome(found=False)
    leads = store.count_leads(uow.conn, list_id)
    if leads and not with_leads:
        return DeleteOutcome(leads=leads)
    _delete_list(uow, list_id, actor)
    deleted = _delete_leads(uow, list_id, actor) if with_leads else 0
    return DeleteOutcome(deleted=True, leads=deleted)


def _log(uow: UnitOfWork, actor: Actor, list_id: int, verb: str, code: str, sql: str,
         notes: str = "") -> None:  # fmt: skip
    admin_log.write(
        uow.conn, now=uow.now, user=actor.user, ip=actor.ip[:15], section="LISTS",
        event_type=verb, record_id=str(list_id), event_code=code,
        event_sql=f"{sql} list_id={list_id}", event_notes=notes or f"list: {list_id}",
    )  # fmt: skip


def _reset(uow: UnitOfWork, list_id: int, actor: Actor) -> ResetResult:
    limit, today = store.reset_facts(uow.conn, list_id)
    if limit > today or limit < 0:
        leads = store.reset_leads(uow.conn, list_id, uow.now)
        _log(uow, actor, list_id, "RESET", "ADMIN API RESET LIST", "reset vicidial_list",
             f"{leads} leads reset, list resets today: {today + 1}")  # fmt: skip
        uow.emit(EntityChanged("list", str(list_id), "reset", actor.user))
        return ResetResult(True, leads, today + 1, limit)
    _log(uow, actor, list_id, "RESET", "ADMIN API RESET LIST FAILED", "",
         f"daily list resets limit reached: {today} / {limit}")  # fmt: skip
    return ResetResult(False, 0, today, limit)


def _update_changes(uow: UnitOfWork, s: ListSettings) -> dict[str, object]:
    changes = checked(_UPDATE_RULES, s, uow.conn)
    if len(s.expiration_date) > 9:
        if s.expiration_date != BLANK:
            # VICIdial writes a given date into the variable of reset_time's change, which
            # is then lost (the date is set either way).
            changes.pop("reset_time", None)
        changes["expiration_date"] = _as_date(
            "2099-12-31" if s.expiration_date == BLANK else s.expiration_date
        )
    changes.update(checked(_UPDATE_RULES_AFTER_EXPIRATION, s, uow.conn))
    return changes

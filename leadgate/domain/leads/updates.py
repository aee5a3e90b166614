"""Changing existing leads: update_lead and batch_update_lead (spec update_lead.md).

`update_lead(uow, UpdateLeadRequest)` returns an `UpdateLeadOutcome`: the steps it took, in
VICIdial's order, as facts (lead ids, counts, statuses); `batch_update_lead` a
`BatchUpdateOutcome`. Refusals are typed codes; the wording is the wire layer's. Changes are
emitted as domain events into the unit of work. No SQL here (storage/leads/updates.py).

Where VICIdial's own SQL would break on a value (a trailing backslash inside its double-quoted
statements, a custom field label the custom table lacks) it crashes with an empty HTTP 500,
sometimes after part of the work; leadgate raises `Rejected` instead, and the caller rolls the
unit of work back so nothing changes.

insert_if_not_found reuses add_lead's pieces (domain/leads/intake.py): the vicidial_list row,
GMT lookup, alt phones and callbacks.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Any

from sqlalchemy import Connection, Table

from leadgate.domain import call_times, timezones
from leadgate.domain.events import (
    CallbackScheduled,
    CallbacksRemoved,
    HopperChanged,
    LeadAdded,
    LeadDeleted,
    LeadStatusSet,
    LeadUpdated,
)
from leadgate.domain.leads import intake as lead_intake
from leadgate.domain.leads.custom_fields import (
    NON_DATA_FIELD_TYPES,
    STANDARD_LEAD_COLUMNS,
    custom_field_text,
)
from leadgate.domain.leads.intake import (
    AddLeadOptions,
    AddLeadRequest,
    AltPhonesLoaded,
    CallbackResult,
)
from leadgate.domain.timezones import GmtOffset
from leadgate.storage import custom_tables, system
from leadgate.storage import hopper as hopper_store
from leadgate.storage.leads import intake as lead_store
from leadgate.storage.leads import updates as store
from leadgate.storage.leads.updates import Scope, ScopeKind, SearchKey
from leadgate.storage.unit_of_work import UnitOfWork
from leadgate.values.numbers import bigint_or_none, bounded_int, cap_digits, clamp_bigint

BLANK_MARKER = "--BLANK--"
RECORDS_MAX = 2**31 - 1
PHONE_MIN, PHONE_MAX = 6, 18
GENDERS = frozenset({"M", "F", "U"})
CALLBACK_RECIPIENTS = frozenset({"USERONLY", "ANYONE"})
# Values VICIdial writes between double quotes: an odd number of trailing backslashes breaks it.
DOUBLE_QUOTED_FIELDS = ("vendor_lead_code", "source_id", "comments")

# The vicidial_list columns update_lead and batch_update_lead set from non-empty request
# values, in VICIdial's order (`user` comes from user_field, `list_id` from list_id_field).
UPDATE_COLUMNS = (
    "user", "list_id", "status", "vendor_lead_code", "source_id", "gmt_offset_now", "title",
    "first_name", "middle_initial", "last_name", "address1", "address2", "address3", "city",
    "state", "province", "postal_code", "country_code", "gender", "date_of_birth", "alt_phone",
    "email", "security_phrase", "comments", "rank", "owner", "called_count", "phone_code",
)  # fmt: skip


# -- requests -------------------------------------------------------------------------------


def _nothing_sent(_label: str) -> str | None:
    return None


@dataclass(frozen=True)
class CallbackRequest:
    mode: str = ""  # 'Y' (add or update), 'REMOVE', anything else = no callback work
    campaign_id: str = ""
    datetime: str = ""
    type: str = ""
    user: str = ""
    status: str = ""
    comments: str = ""


@dataclass(frozen=True)
class HopperRequest:
    add: bool = False
    remove: bool = False
    priority: str = ""  # '-0-9' as sent; clamped like add_lead's
    check_call_time: bool = False


@dataclass(frozen=True)
class UpdateLeadRequest:
    """update_lead's filtered parameters. `fields` holds UPDATE_COLUMNS values by column."""

    api_user: str
    lead_id: str = ""
    list_id: str = ""
    phone_number: str = ""
    search_method: str = ""
    search_location: str = ""
    records: str = ""
    fields: Mapping[str, str] = field(default_factory=dict)
    entry_list_id: str = ""
    force_entry_list_id: str = ""
    no_update: bool = False
    insert_if_not_found: bool = False
    delete_lead: bool = False
    delete_cf_data: bool = False
    reset_lead: bool = False
    update_phone_number: bool = False
    custom_fields: bool = False
    list_exists_check: bool = False
    archived: bool = False
    tz_method: str = ""
    multi_alt_phones: str = ""
    callback: CallbackRequest = field(default_factory=CallbackRequest)
    hopper: HopperRequest = field(default_factory=HopperRequest)
    # A custom field's raw request value by its label; None = not sent.
    custom_value: Callable[[str], str | None] = _nothing_sent

    def text(self, name: str) -> str:
        return self.fields.get(name, "")

    @property
    def vendor_lead_code(self) -> str:
        return self.text("vendor_lead_code")

    @property
    def phone_code(self) -> str:
        return self.text("phone_code")


@dataclass(frozen=True)
class BatchUpdateRequest:
    api_user: str
    lead_ids: str = ""  # digits and commas
    records: str = ""
    fields: Mapping[str, str] = field(default_factory=dict)
    reset_lead: bool = False
    list_exists_check: bool = False
    archived: bool = False


# -- shared helpers -------------------------------------------------------------------------


def list_at_least_99(list_id: str) -> bool:
    """PHP's `$list_id >= 99` on a digits-only string ('' is never >= 99)."""
    return list_id.isdigit() and bounded_int(list_id) >= 99


def breaks_quoted_sql(value: str) -> bool:
    trailing = len(value) - len(value.rstrip("\\"))
    return trailing % 2 == 1


def update_values(fields: Mapping[str, str], *, reset_lead: bool) -> dict[str, str]:
    """The non-empty request fields as VICIdial writes them: `--BLANK--` empties a column,
    a newline becomes `!N`, and gender follows MySQL's ENUM rule (anything but M/F/U → '')."""
    values: dict[str, str] = {}
    for name in UPDATE_COLUMNS:
        value = fields.get(name, "")
        if value:
            values[name] = value
    if reset_lead:
        values["called_since_last_reset"] = "N"
    return values


def as_stored_text(values: Mapping[str, str]) -> dict[str, str]:
    stored = {}
    for name, value in values.items():
        value = "" if value == BLANK_MARKER else value.replace("\n", "!N")
        if name == "gender" and value not in GENDERS:
            value = ""
        stored[name] = value
    return stored


def insert_lock_keys(keys: Sequence[tuple[SearchKey, str | int]]) -> list[str]:
    """Lock names covering the leads an insert_if_not_found search looks for."""
    names = {
        SearchKey.LEAD_ID: "lead-id",
        SearchKey.VENDOR_LEAD_CODE: "lead-vendor",
        SearchKey.PHONE_NUMBER: "lead-phone",
    }
    return [f"{names[key]}:{value}" for key, value in keys]


# -- outcomes -------------------------------------------------------------------------------
#
# update_lead reports what it did as an ordered list of steps (one per VICIdial result line);
# the wire layer words them. A step's `lead_id`/`list_id` are the values the request had reached
# when the step happened (the first match or the inserted lead replaces the request's own).


class UpdateRefusal(Enum):
    """Why update_lead stopped; the steps before it stay done."""

    NO_VALID_SEARCH_METHOD = "no valid search method"
    SEARCH_LIST_NOT_ALLOWED = "search list not allowed"  # api_list_restrict, the list_id sent
    LIST_NOT_DEFINED = "list not defined"  # list_exists_check on list_id_field
    RESULT_LIST_NOT_ALLOWED = "result list not allowed"  # a found lead's list
    INSERT_DATA_INVALID = "insert data invalid"  # insert_if_not_found without phone/code/list
    INSERT_LIST_NOT_ALLOWED = "insert list not allowed"


@dataclass(frozen=True)
class Refused:
    refusal: UpdateRefusal
    list_id: str = ""  # the list the refusal is about
    method: str = ""  # NO_VALID_SEARCH_METHOD: the search method after defaults


class NoMatchAction(Enum):
    REPORTED = "reported"  # no_update=Y: only a notice
    REFUSED = "refused"  # nothing found, nothing to insert: the request failed
    INSERTING = "inserting"  # insert_if_not_found=Y follows


@dataclass(frozen=True)
class NoMatches:
    action: NoMatchAction


@dataclass(frozen=True)
class LeadsFound:
    """no_update=Y: the first match."""

    lead_id: str
    list_id: int
    entry_list: str


@dataclass(frozen=True)
class CustomDataDeleted:
    """delete_cf_data=Y on a found lead."""

    lead_id: int
    list_id: int
    table_list: str  # the custom_<list> table looked at
    entry_list_cleared: int  # 1 when entry_list_id was set to 0
    custom_rows_deleted: int | None  # None: no custom table for this or an earlier lead


@dataclass(frozen=True)
class LeadChanged:
    """A found lead updated (affected = 1 when a column changed) or deleted."""

    lead_id: int
    list_id: int
    affected: int
    deleted: bool = False
    callbacks_deleted: int = 0  # deleted: its callbacks removed and archived
    callbacks_archived: int = 0
    # Callbacks archived by this or an earlier lead's delete or callback removal (None: none).
    archived_callbacks: int | None = None


class CallbackChange(Enum):
    ADDED = "added"
    UPDATED = "updated"
    NOT_UPDATED_NO_FIELDS = "not updated: no fields"
    NOT_ADDED_CAMPAIGN_NOT_VALID = "not added: campaign not valid"
    NOT_ADDED_USER_NOT_VALID = "not added: user not valid"


@dataclass(frozen=True)
class CallbackStep:
    """callback=Y on a found lead; the values as resolved (NOW, nDAYS, defaults)."""

    change: CallbackChange
    lead_id: int
    campaign_id: str = ""
    callback_time: str = ""
    callback_type: str = ""
    callback_user: str = ""
    callback_status: str = ""


@dataclass(frozen=True)
class CallbacksDeleted:
    """callback=REMOVE on a found lead."""

    lead_id: int
    deleted: int
    archived: int


class CustomFieldsChange(Enum):
    NO_CUSTOM_TABLE = "no custom table"  # no custom fields defined for the list
    ENTRY_DELETED = "entry deleted"  # delete_lead=Y removed the custom row
    VALUES_UPDATED = "values updated"  # found lead
    DISABLED = "disabled"  # insert: system_settings.custom_fields_enabled off
    NO_FIELDS = "no fields"  # insert: no data fields defined
    VALUES_ADDED = "values added"  # insert


@dataclass(frozen=True)
class CustomFieldsStep:
    change: CustomFieldsChange
    lead_id: int
    list_id: str
    entry_list: str = ""  # found lead: its entry list
    table_list: str = ""  # found lead: the custom_<list> table written
    count: int = 0  # rows written/deleted; VALUES_ADDED: entry_list_id rows updated
    setting: str = ""  # DISABLED: the setting's value


@dataclass(frozen=True)
class LeadInserted:
    """insert_if_not_found=Y stored a new lead."""

    lead_id: int
    list_id: str
    gmt: GmtOffset


@dataclass(frozen=True)
class AltPhonesAdded:
    lead_id: int
    loaded: AltPhonesLoaded


class HopperChange(Enum):
    ADDED = "added"
    ALREADY_IN_HOPPER = "already in the hopper"
    LEAD_NOT_FOUND = "lead not found"
    OUTSIDE_LOCAL_TIME = "outside local call time"
    NOT_IN_HOPPER = "not in the hopper"
    REMOVED = "removed"
    NOT_REMOVED = "not removed"


@dataclass(frozen=True)
class HopperStep:
    change: HopperChange
    lead_id: str  # as the request reached it ('' when none)
    hopper_id: int = 0  # ADDED
    gmt_offset: str = ""  # OUTSIDE_LOCAL_TIME
    state: str = ""  # OUTSIDE_LOCAL_TIME
    status: str = ""  # REMOVED/NOT_REMOVED: the hopper entry's status before


UpdateStep = (
    Refused | NoMatches | LeadsFound | CustomDataDeleted | LeadChanged | CallbackStep
    | CallbacksDeleted | CustomFieldsStep | LeadInserted | AltPhonesAdded | HopperStep
)  # fmt: skip


@dataclass
class UpdateLeadOutcome:
    steps: list[UpdateStep] = field(default_factory=list)

    @property
    def refused(self) -> Refused | None:
        last = self.steps[-1] if self.steps else None
        return last if isinstance(last, Refused) else None


class RejectionReason(Enum):
    """Requests VICIdial's own SQL would crash on (an empty HTTP 500, sometimes after part of
    the work): leadgate refuses them and changes nothing."""

    INVALID_DATA = "invalid data"  # an odd run of trailing backslashes in a quoted field
    CUSTOM_FIELD_NOT_IN_TABLE = "custom field not in table"
    CUSTOM_FIELD_INVALID_DATA = "custom field invalid data"
    CUSTOM_FIELDS_NOT_ADDED = "custom fields not added"  # insert: table or column missing


@dataclass(frozen=True)
class Rejection:
    reason: RejectionReason
    field: str = ""  # the request field or custom label at fault
    lead_id: int | None = None
    table_list: str = ""  # CUSTOM_FIELDS_NOT_ADDED without a table: the list it was looked for


class Rejected(Exception):
    """Raised instead of crashing: the caller must roll the unit of work back."""

    def __init__(self, rejection: Rejection) -> None:
        super().__init__(rejection.reason.value)
        self.rejection = rejection


class BatchRefusal(Enum):
    NO_LEADS_DEFINED = "no leads defined"
    LIST_NOT_ALLOWED = "list not allowed"
    LIST_NOT_DEFINED = "list not defined"
    INVALID_LEAD_ID_LIST = "invalid lead id list"  # an empty item ("1,,2"): VICIdial crashes
    NO_MATCHES = "no matches"


@dataclass(frozen=True)
class BatchUpdateOutcome:
    refused: BatchRefusal | None = None
    found_ids: tuple[int, ...] = ()
    changed_ids: tuple[int, ...] = ()
    values_sent: bool = True  # False: leads found but no field to set (VICIdial says nothing)


def _refuse_broken_values(fields: Mapping[str, str]) -> None:
    for name in DOUBLE_QUOTED_FIELDS:
        if breaks_quoted_sql(fields.get(name, "")):
            raise Rejected(Rejection(RejectionReason.INVALID_DATA, field=name))


def _allowed(allowed_lists: set[str] | None, list_id: str) -> bool:
    """api_list_restrict: lists below 99 are never restricted."""
    return allowed_lists is None or not list_at_least_99(list_id) or list_id in allowed_lists


def _list_defined(conn: Connection, list_id: str) -> bool:
    number = bigint_or_none(list_id)
    return number is not None and lead_store.list_exists(conn, number)


def _lead_changed_events(
    uow: UnitOfWork, lead_id: int, changes: Mapping[str, Any], api_user: str
) -> None:
    uow.emit(LeadUpdated(lead_id=lead_id, columns=tuple(changes), api_user=api_user))
    if "status" in changes:
        uow.emit(LeadStatusSet(lead_id=lead_id, status=str(changes["status"]), user=api_user))


# -- update_lead ----------------------------------------------------------------------------


def update_lead(
    uow: UnitOfWork,
    request: UpdateLeadRequest,
    *,
    allowed_lists: set[str] | None = None,
) -> UpdateLeadOutcome:
    """Run update_lead: its steps in order (raises Rejected instead of crashing; the caller
    rolls the unit of work back then)."""
    run = _UpdateRun(uow, request, allowed_lists)
    run.execute()
    return run.outcome


@dataclass
class _Found:
    row: dict[str, Any]
    entry_list: str  # the lead's entry_list_id, or force_entry_list_id when given

    @property
    def lead_id(self) -> int:
        return int(self.row["lead_id"])

    @property
    def list_id(self) -> int:
        return int(self.row["list_id"])


class _UpdateRun:
    def __init__(
        self, uow: UnitOfWork, request: UpdateLeadRequest, allowed_lists: set[str] | None
    ) -> None:
        self.uow = uow
        self.conn = uow.conn
        self.req = request
        self.now = uow.now
        self.allowed_lists = allowed_lists
        self.outcome = UpdateLeadOutcome()
        self.user = request.api_user
        self.phone = request.phone_number
        self.lead_id = request.lead_id  # replaced by the first match or the inserted lead
        self.list_id = request.list_id  # likewise
        force = request.force_entry_list_id
        self.entry_list_id = force if len(force) > 1 else request.entry_list_id
        self.table = store.lead_table(request.archived)
        # VICIdial keeps these between the leads of one request (see spec §1 step 12c/d).
        self.archived_callbacks: int | None = None
        self.custom_deleted: int | None = None
        self.callback = request.callback

    def say(self, step: UpdateStep) -> None:
        self.outcome.steps.append(step)

    # -- the steps ---------------------------------------------------------------------------

    def execute(self) -> None:
        req = self.req
        location = req.search_location
        if len(location) < 4 or not list_at_least_99(self.list_id) or len(self.list_id) < 3:
            location = "SYSTEM"
        method = req.search_method if len(req.search_method) >= 6 else "LEAD_ID"
        keys = self._search_keys(method)
        if not keys:
            self.say(Refused(UpdateRefusal.NO_VALID_SEARCH_METHOD, method=method))
            return
        if not _allowed(self.allowed_lists, self.list_id):
            self.say(Refused(UpdateRefusal.SEARCH_LIST_NOT_ALLOWED, list_id=self.list_id))
            return
        list_id_field = req.text("list_id")
        if req.list_exists_check and list_id_field and not _list_defined(self.conn, list_id_field):
            self.say(Refused(UpdateRefusal.LIST_NOT_DEFINED, list_id=list_id_field))
            return
        _refuse_broken_values(req.fields)
        if req.insert_if_not_found and not req.no_update:
            # Search-then-insert must not race (spec §3): two identical calls would both insert.
            # The phone key is add_lead's duplicate-check key, so the two functions serialise too.
            self.uow.lock(insert_lock_keys(keys))

        found = self._search(keys, self._scope(location))
        if req.no_update:
            if not self._report_without_update(found):
                return
        elif found:
            self.lead_id = self.lead_id or str(found[0].lead_id)
            self.list_id = self.list_id or str(found[0].list_id)
            if not self._update_found(found):
                return
        elif not self._insert_instead():
            return
        self._hopper()

    def _search_keys(self, method: str) -> list[tuple[SearchKey, str | int]]:
        req = self.req
        keys: list[tuple[SearchKey, str | int]] = []
        if "LEAD_ID" in method and req.lead_id:
            keys.append((SearchKey.LEAD_ID, req.lead_id))
        if "VENDOR_LEAD_CODE" in method and req.vendor_lead_code:
            keys.append((SearchKey.VENDOR_LEAD_CODE, req.vendor_lead_code))
        if "PHONE_NUMBER" in method and PHONE_MIN <= len(self.phone) <= PHONE_MAX:
            keys.append((SearchKey.PHONE_NUMBER, self.phone))
        return keys

    def _scope(self, location: str) -> Scope | None:
        """Where to search; None = nowhere (a list id too large to exist)."""
        scope = Scope(ScopeKind.SYSTEM)
        list_number = bigint_or_none(self.list_id)
        if "CAMPAIGN" in location.upper() and list_number is not None:
            lists = store.campaign_list_ids(self.conn, list_number)
            if lists:
                scope = Scope(ScopeKind.LISTS, list_ids=tuple(lists))
        if "LIST" in location.upper():
            if list_number is None:
                return None
            scope = Scope(ScopeKind.LIST, list_id=list_number)
        return scope

    def _search(
        self, keys: Sequence[tuple[SearchKey, str | int]], scope: Scope | None
    ) -> list[_Found]:
        if scope is None:
            return []
        limit = min(bounded_int(self.req.records or "1"), RECORDS_MAX)
        force = self.req.force_entry_list_id
        for key, value in keys:
            if key is SearchKey.LEAD_ID:
                value = bounded_int(str(value))
                if value > store.LEAD_ID_MAX:
                    continue  # no lead can have it (VICIdial's search finds nothing either)
            rows = store.find_leads(self.conn, key, value, scope, limit, archived=self.req.archived)
            if rows:
                return [
                    _Found(row, force if len(force) > 1 else str(row["entry_list_id"]))
                    for row in rows
                ]
        return []

    def _report_without_update(self, found: list[_Found]) -> bool:
        if not found:
            self.say(NoMatches(NoMatchAction.REPORTED))
            return False
        first = found[0]
        self.lead_id = self.lead_id or str(first.lead_id)
        self.list_id = self.list_id or str(first.list_id)
        self.say(LeadsFound(self.lead_id, first.list_id, first.entry_list))
        return True

    # -- updating the matches ----------------------------------------------------------------

    def _lead_values(self) -> dict[str, str]:
        req = self.req
        values = update_values(req.fields, reset_lead=req.reset_lead)
        if req.update_phone_number and self.phone:
            values["phone_number"] = self.phone
        if self.entry_list_id and not req.custom_fields:
            values["entry_list_id"] = self.entry_list_id
        return as_stored_text(values)

    def _update_found(self, found: list[_Found]) -> bool:
        values = self._lead_values()
        for lead in found:
            if not _allowed(self.allowed_lists, str(lead.list_id)):
                self.say(Refused(UpdateRefusal.RESULT_LIST_NOT_ALLOWED, list_id=str(lead.list_id)))
                return False
            if self.req.delete_cf_data:
                self._delete_custom_data(lead)
            if values or self.req.delete_lead:
                self._write_lead(lead, values)
            if self.callback.mode == "Y":
                self._schedule_callback(lead)
            elif self.callback.mode == "REMOVE":
                self._remove_callbacks(lead)
            if self.req.custom_fields:
                self._update_custom_fields(lead)
        return True

    def _set_lead_columns(self, lead: _Found, values: Mapping[str, Any]) -> int:
        """Write values to the lead; affected rows the MySQL way (0 = nothing changed)."""
        changes = store.changed_columns(self.table, lead.row, values)
        if not changes:
            return 0
        lead.row.update(changes)
        store.update_lead(self.conn, lead.lead_id, {**changes, "modify_date": self.now},
                          archived=self.req.archived)  # fmt: skip
        _lead_changed_events(self.uow, lead.lead_id, changes, self.user)
        return 1

    def _delete_custom_data(self, lead: _Found) -> None:
        req = self.req
        target = self.entry_list_id
        if req.force_entry_list_id:
            target = req.force_entry_list_id
        if not target:
            target = lead.entry_list
        number = bigint_or_none(target)
        if number is not None and store.custom_table_exists(self.conn, number):
            self.custom_deleted = store.delete_custom_row(self.conn, number, lead.lead_id)
        cleared = self._set_lead_columns(lead, {"entry_list_id": 0})
        self.say(CustomDataDeleted(lead.lead_id, lead.list_id, target, cleared,
                                   self.custom_deleted))  # fmt: skip

    def _write_lead(self, lead: _Found, values: Mapping[str, str]) -> None:
        if self.req.delete_lead:
            deleted, archived = store.archive_and_delete_callbacks(self.conn, lead.lead_id)
            self.archived_callbacks = archived
            affected = store.delete_lead(self.conn, lead.lead_id, archived=self.req.archived)
            if deleted:
                self.uow.emit(CallbacksRemoved(lead_id=lead.lead_id, count=deleted))
            if affected:
                self.uow.emit(LeadDeleted(lead_id=lead.lead_id, api_user=self.user))
            self.say(LeadChanged(lead.lead_id, lead.list_id, affected, deleted=True,
                                 callbacks_deleted=deleted, callbacks_archived=archived,
                                 archived_callbacks=self.archived_callbacks))  # fmt: skip
        else:
            affected = self._set_lead_columns(lead, values)
            self.say(LeadChanged(lead.lead_id, lead.list_id, affected,
                                 archived_callbacks=self.archived_callbacks))  # fmt: skip

    # -- callbacks ---------------------------------------------------------------------------

    def _schedule_callback(self, lead: _Found) -> None:
        callback_id = store.first_callback_id(self.conn, lead.lead_id)
        if callback_id is not None:
            self._update_callback(lead, callback_id)
        else:
            self._add_callback(lead)

    def _callback_step(self, change: CallbackChange, lead: _Found) -> CallbackStep:
        cb = self.callback
        return CallbackStep(change, lead.lead_id, campaign_id=cb.campaign_id,
                            callback_time=cb.datetime, callback_type=cb.type,
                            callback_user=cb.user, callback_status=cb.status)  # fmt: skip

    def _update_callback(self, lead: _Found, callback_id: int) -> None:
        cb = self.callback
        if cb.datetime:
            cb = self.callback = replace(
                cb, datetime=lead_intake.resolve_callback_time(cb.datetime, self.now)
            )
        sets: dict[str, Any] = {}
        if cb.datetime:
            sets["callback_time"] = cb.datetime
        if cb.status:
            sets["lead_status"] = cb.status
        if cb.campaign_id:
            sets["campaign_id"] = cb.campaign_id
        if self.req.text("list_id"):
            sets["list_id"] = self.req.text("list_id")
        if cb.type:
            sets["recipient"] = cb.type if cb.type in CALLBACK_RECIPIENTS else ""
        if cb.comments:
            sets["comments"] = cb.comments
        if cb.user:
            sets["user"] = cb.user
        if not sets:
            self.say(self._callback_step(CallbackChange.NOT_UPDATED_NO_FIELDS, lead))
            return
        store.update_callback(self.conn, callback_id, {"status": "ACTIVE", "entry_time": self.now,
                                                       "modify_date": self.now, **sets})  # fmt: skip
        self.uow.emit(CallbackScheduled(lead.lead_id, cb.datetime, user=cb.user))
        self.say(self._callback_step(CallbackChange.UPDATED, lead))

    def _add_callback(self, lead: _Found) -> None:
        cb = self.callback
        options = AddLeadOptions(
            campaign_id=cb.campaign_id, callback=True, callback_status=cb.status,
            callback_datetime=cb.datetime, callback_type=cb.type, callback_user=cb.user,
            callback_comments=cb.comments,
        )  # fmt: skip
        outcome = lead_intake.schedule_callback(
            self.conn, lead_id=lead.lead_id, list_id=lead.list_id, options=options, now=self.now
        )
        if outcome.result is CallbackResult.CAMPAIGN_NOT_VALID:
            self.say(self._callback_step(CallbackChange.NOT_ADDED_CAMPAIGN_NOT_VALID, lead))
        elif outcome.result is CallbackResult.USER_NOT_VALID:
            self.say(self._callback_step(CallbackChange.NOT_ADDED_USER_NOT_VALID, lead))
        else:
            # VICIdial resolves these in place, so later leads of the request see the results.
            self.callback = replace(
                cb, datetime=outcome.callback_time, type=outcome.callback_type,
                user=outcome.callback_user, status=outcome.callback_status,
            )  # fmt: skip
            self.uow.emit(CallbackScheduled(lead.lead_id, outcome.callback_time,
                                            user=outcome.callback_user))  # fmt: skip
            self.say(self._callback_step(CallbackChange.ADDED, lead))

    def _remove_callbacks(self, lead: _Found) -> None:
        deleted, archived = store.archive_and_delete_callbacks(self.conn, lead.lead_id)
        self.archived_callbacks = archived
        if deleted:
            self.uow.emit(CallbacksRemoved(lead_id=lead.lead_id, count=deleted))
        self.say(CallbacksDeleted(lead.lead_id, deleted, archived))

    # -- custom fields of a found lead -------------------------------------------------------

    def _custom_list_of(self, lead: _Found) -> str:
        target = str(lead.list_id)
        if len(self.req.force_entry_list_id) > 1:
            target = self.req.force_entry_list_id
        if list_at_least_99(lead.entry_list) and bounded_int(lead.entry_list) > 99:
            target = lead.entry_list
        return target

    def _update_custom_fields(self, lead: _Found) -> None:
        target = self._custom_list_of(lead)
        number = bigint_or_none(target)
        custom = custom_tables.custom_table(self.conn, number) if number is not None else None
        list_id = str(lead.list_id)
        if custom is None:
            self.say(CustomFieldsStep(CustomFieldsChange.NO_CUSTOM_TABLE, lead.lead_id, list_id))
            return
        assert number is not None
        no_table = CustomFieldsStep(CustomFieldsChange.NO_CUSTOM_TABLE, lead.lead_id, list_id)
        if self.req.delete_lead:

            def delete_row(table: Table | None) -> CustomFieldsStep | None:
                if table is None:
                    return no_table
                rows = store.delete_custom_row(self.conn, number, lead.lead_id)
                return CustomFieldsStep(CustomFieldsChange.ENTRY_DELETED, lead.lead_id, list_id,
                                        lead.entry_list, target, rows) if rows > 0 else None  # fmt: skip

            step = custom_tables.with_custom_table(self.conn, number, delete_row)
        else:
            sent = self._sent_custom_fields(number)

            def write_row(table: Table | None) -> CustomFieldsStep | None:
                if table is None:
                    return no_table
                values = self._sent_custom_values(sent, table.c.keys(), lead)
                if not values:
                    return None
                existing = store.custom_row(self.conn, table, lead.lead_id)
                count = store.write_custom_row(self.conn, table, lead.lead_id, values, existing)
                return CustomFieldsStep(CustomFieldsChange.VALUES_UPDATED, lead.lead_id, list_id,
                                        lead.entry_list, target, count)  # fmt: skip

            # The sent fields name columns: one the cached layout lacks may just have been added.
            step = custom_tables.with_custom_table(self.conn, number, write_row, needs=sent)
        if step is None:
            return
        self.say(step)
        if step.change is CustomFieldsChange.VALUES_UPDATED and step.count > 0:
            self._set_lead_columns(lead, {"entry_list_id": number})

    def _sent_custom_fields(self, list_id: int) -> dict[str, str]:
        """The list's data fields the request sends by name (label → raw value)."""
        sent: dict[str, str] = {}
        for definition in lead_store.custom_field_defs(self.conn, list_id):
            label = definition.label
            raw = self.req.custom_value(label)
            if raw is None or definition.field_type in NON_DATA_FIELD_TYPES:
                continue
            if label in STANDARD_LEAD_COLUMNS:
                continue
            sent[label] = raw
        return sent

    def _sent_custom_values(
        self, sent: Mapping[str, str], columns: Sequence[str], lead: _Found
    ) -> dict[str, str]:
        """Custom fields sent by name (absent ones stay untouched), cleaned like VICIdial."""
        values: dict[str, str] = {}
        for label, raw in sent.items():
            value = custom_field_text(raw)
            if label not in columns or breaks_quoted_sql(value):
                reason = (
                    RejectionReason.CUSTOM_FIELD_NOT_IN_TABLE
                    if label not in columns
                    else RejectionReason.CUSTOM_FIELD_INVALID_DATA
                )
                raise Rejected(Rejection(reason, field=label, lead_id=lead.lead_id))
            values[label] = value
        return values

    # -- insert_if_not_found -----------------------------------------------------------------

    def _insert_instead(self) -> bool:
        req = self.req
        if not req.insert_if_not_found:
            self.say(NoMatches(NoMatchAction.REFUSED))
            return False
        self.say(NoMatches(NoMatchAction.INSERTING))
        list_id = req.text("list_id") or self.list_id
        phone_code = req.phone_code
        if not PHONE_MIN <= len(self.phone) <= PHONE_MAX or not phone_code or len(list_id) < 3:
            self.say(Refused(UpdateRefusal.INSERT_DATA_INVALID, list_id=list_id))
            return False
        if not _allowed(self.allowed_lists, list_id):
            self.say(Refused(UpdateRefusal.INSERT_LIST_NOT_ALLOWED, list_id=list_id))
            return False
        lead_id, gmt = self._insert_lead(list_id, phone_code)
        self.say(LeadInserted(lead_id, list_id, gmt))
        self.lead_id, self.list_id = str(lead_id), list_id
        if len(req.multi_alt_phones) > 5:
            loaded = lead_intake.store_alt_phones(self.conn, lead_id, req.multi_alt_phones)
            self.say(AltPhonesAdded(lead_id, loaded))
        if req.custom_fields:
            self._insert_custom_fields(lead_id, list_id)
        return True

    def _insert_lead(self, list_id: str, phone_code: str) -> tuple[int, GmtOffset]:
        req = self.req
        gmt = timezones.lookup_gmt_offset(
            self.conn, phone_code=phone_code, phone_number=self.phone, state=req.text("state"),
            postal_code=req.text("postal_code"), owner=req.text("owner"),
            tz_method=req.tz_method, now=self.now,
        )  # fmt: skip
        intake = AddLeadRequest(
            api_user=self.user,
            phone_number=self.phone,
            phone_code=phone_code,
            list_id=list_id,
            fields={name: req.text(name) for name in lead_intake.TEXT_FIELDS},
            date_of_birth=req.text("date_of_birth"),
            rank=cap_digits(req.text("rank")),
            entry_list_id="" if req.custom_fields else self.entry_list_id,
        )
        list_number = clamp_bigint(list_id)
        row = lead_intake.lead_row(
            intake, list_id=list_number, phone_code=phone_code, state=req.text("state"),
            gmt=gmt, now=self.now, status=req.text("status") or "NEW",
        )  # fmt: skip
        # Unlike add_lead, update_lead stores gender as sent (no 'U' default).
        gender = req.text("gender")
        row["gender"] = gender if gender in GENDERS else ""
        lead_id = lead_store.insert_lead(self.conn, row)
        self.uow.emit(
            LeadAdded(
                lead_id=lead_id, list_id=list_number, phone_number=self.phone,
                api_user=self.user, origin="update_lead", vendor_lead_code=req.vendor_lead_code,
            )
        )  # fmt: skip
        return lead_id, gmt

    def _insert_custom_fields(self, lead_id: int, list_id: str) -> None:
        setting = str(system.settings(self.conn).get("custom_fields_enabled") or "0")
        if not setting.isdigit() or int(setting) < 1:
            self.say(CustomFieldsStep(CustomFieldsChange.DISABLED, lead_id, list_id,
                                      setting=setting))  # fmt: skip
            return
        number = bigint_or_none(list_id)
        if number is None or not store.custom_table_exists(self.conn, number):
            self.say(CustomFieldsStep(CustomFieldsChange.NO_CUSTOM_TABLE, lead_id, list_id))
            return
        values = {
            d.label: custom_field_text(self.req.custom_value(d.label))
            for d in lead_store.custom_field_defs(self.conn, number)
            if d.field_type not in NON_DATA_FIELD_TYPES and d.label not in STANDARD_LEAD_COLUMNS
        }
        if not values:
            self.say(CustomFieldsStep(CustomFieldsChange.NO_FIELDS, lead_id, list_id))
            return
        force = self.req.force_entry_list_id
        target = bigint_or_none(force) if len(force) > 1 else number

        def write_row(custom: Table | None) -> Rejection | None:
            unusable = [label for label, value in values.items()
                        if custom is None or label not in custom.c or breaks_quoted_sql(value)]  # fmt: skip
            if custom is None or unusable:
                return Rejection(
                    RejectionReason.CUSTOM_FIELDS_NOT_ADDED,
                    field="" if custom is None else unusable[0], lead_id=lead_id, table_list=force,
                )  # fmt: skip
            store.write_custom_row(self.conn, custom, lead_id, values, None)
            return None

        # The fields name columns: one the cached layout lacks may just have been added.
        rejection = (
            custom_tables.with_custom_table(self.conn, target, write_row, needs=values.keys())
            if target is not None
            else write_row(None)
        )
        if rejection is not None:
            raise Rejected(rejection)
        assert target is not None
        updated = store.set_entry_list_id(self.conn, lead_id, target, archived=self.req.archived)
        self.say(CustomFieldsStep(CustomFieldsChange.VALUES_ADDED, lead_id, list_id,
                                  count=updated))  # fmt: skip

    # -- the hopper --------------------------------------------------------------------------

    def _hopper(self) -> None:
        hopper = self.req.hopper
        lead_id = bigint_or_none(self.lead_id)
        lead_number = lead_id if lead_id is not None else -1
        if hopper.add:
            self._add_to_hopper(lead_number)
        if hopper.remove:
            self._remove_from_hopper(lead_number)

    def _add_to_hopper(self, lead_number: int) -> None:
        list_number = bigint_or_none(self.list_id)
        dialing = (
            hopper_store.list_dialing(self.conn, list_number)
            if list_number is not None
            else hopper_store.NO_CAMPAIGN
        )
        # The lock hopper_bulk_insert and the dialer's hopper fill take: between the check
        # and the insert no other request can queue this lead.
        self.uow.lock([f"hopper-fill:{dialing.campaign_id}"])
        if store.hopper_statuses(self.conn, lead_number):
            self.say(HopperStep(HopperChange.ALREADY_IN_HOPPER, self.lead_id))
            return
        facts = store.lead_facts(self.conn, lead_number, archived=self.req.archived)
        if facts is None:
            self.say(HopperStep(HopperChange.LEAD_NOT_FOUND, self.lead_id))
            return
        if self.req.hopper.check_call_time and not call_times.is_dialable(
            self.conn, dialing.call_time, facts.gmt_offset_now, facts.state, now=self.now
        ):
            self.say(HopperStep(HopperChange.OUTSIDE_LOCAL_TIME, self.lead_id,
                                gmt_offset=str(facts.gmt_offset_now), state=facts.state))  # fmt: skip
            return
        hopper_id = hopper_store.insert_entry(
            self.conn,
            {
                "lead_id": lead_number,
                "campaign_id": dialing.campaign_id,
                "status": "READY",
                "list_id": clamp_bigint(self.list_id),
                "gmt_offset_now": facts.gmt_offset_now,
                "state": facts.state,
                "user": "",
                "priority": lead_intake.hopper_priority(cap_digits(self.req.hopper.priority)),
                "source": "P",
                "vendor_lead_code": facts.vendor_lead_code,
            },
        )
        self.uow.emit(HopperChanged(lead_number, dialing.campaign_id, added=True))
        self.say(HopperStep(HopperChange.ADDED, self.lead_id, hopper_id=hopper_id))

    def _remove_from_hopper(self, lead_number: int) -> None:
        statuses = store.hopper_statuses(self.conn, lead_number)
        if not statuses:
            self.say(HopperStep(HopperChange.NOT_IN_HOPPER, self.lead_id))
            return
        removed = store.remove_from_hopper(self.conn, lead_number)
        if removed > 0:
            # The hopper's campaign is not read back: removal is by lead, in every campaign.
            self.uow.emit(HopperChanged(lead_number, "", added=False))
        change = HopperChange.REMOVED if removed > 0 else HopperChange.NOT_REMOVED
        self.say(HopperStep(change, self.lead_id, status=statuses[0]))


# -- batch_update_lead ----------------------------------------------------------------------


def batch_update_lead(
    uow: UnitOfWork,
    request: BatchUpdateRequest,
    *,
    allowed_lists: set[str] | None = None,
) -> BatchUpdateOutcome:
    """Set the same fields on many leads at once (spec update_lead §2)."""
    conn = uow.conn
    lead_ids = request.lead_ids
    if not lead_ids:
        return BatchUpdateOutcome(BatchRefusal.NO_LEADS_DEFINED)
    list_id_field = request.fields.get("list_id", "")
    if not _allowed(allowed_lists, list_id_field):
        return BatchUpdateOutcome(BatchRefusal.LIST_NOT_ALLOWED)
    if request.list_exists_check and list_id_field and not _list_defined(conn, list_id_field):
        return BatchUpdateOutcome(BatchRefusal.LIST_NOT_DEFINED)
    parts = lead_ids.split(",")
    if any(not part for part in parts):
        # VICIdial builds `lead_id IN(1,,2)` and crashes; say why instead.
        return BatchUpdateOutcome(BatchRefusal.INVALID_LEAD_ID_LIST)
    _refuse_broken_values(request.fields)

    allowed = None if allowed_lists is None else [int(i) for i in allowed_lists if i.isdigit()]
    limit = min(bounded_int(request.records or "1000"), RECORDS_MAX)
    rows = store.find_batch(conn, (int(part) for part in parts if len(part) < 19), allowed, limit,
                            archived=request.archived)  # fmt: skip
    if not rows:
        return BatchUpdateOutcome(BatchRefusal.NO_MATCHES)
    found_ids = tuple(int(row["lead_id"]) for row in rows)
    values = as_stored_text(update_values(request.fields, reset_lead=request.reset_lead))
    if not values:
        return BatchUpdateOutcome(found_ids=found_ids, values_sent=False)
    table = store.lead_table(request.archived)
    changes = {int(row["lead_id"]): store.changed_columns(table, row, values) for row in rows}
    changed = [lead_id for lead_id, columns in changes.items() if columns]
    if changed:
        converted = {
            name: store.stored_value(table.c[name], value) for name, value in values.items()
        }
        store.update_many(
            conn, changed, {**converted, "modify_date": uow.now}, archived=request.archived
        )
        for lead_id in changed:
            _lead_changed_events(uow, lead_id, changes[lead_id], request.api_user)
    return BatchUpdateOutcome(found_ids=found_ids, changed_ids=tuple(changed))

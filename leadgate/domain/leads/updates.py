"""Changing existing leads: update_lead and batch_update_lead (spec update_lead.md).

The functions take filtered request values and return the result lines in VICIdial's order
(`Line`); the wire layer prints them and logs each one. No SQL here (storage/lead_updates.py).

Where VICIdial's own SQL would break on a value (a trailing backslash inside its double-quoted
statements, a custom field label the custom table lacks) it crashes with an empty HTTP 500,
sometimes after part of the work; leadgate refuses instead with one clear ERROR line and changes
nothing (`Rejected`, which the caller answers with a rollback).

insert_if_not_found reuses add_lead's pieces (domain/lead_intake.py): the vicidial_list row,
GMT lookup, alt phones and callbacks.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from leadgate.domain import call_times, timezones
from leadgate.domain.leads import intake as lead_intake
from leadgate.domain.leads.custom_fields import (
    NON_DATA_FIELD_TYPES,
    STANDARD_LEAD_COLUMNS,
    custom_field_text,
)
from leadgate.domain.leads.intake import (
    AddLeadOptions,
    AddLeadRequest,
    CallbackResult,
)
from leadgate.storage import hopper as hopper_store
from leadgate.storage import locks, system
from leadgate.storage.leads import intake as lead_store
from leadgate.storage.leads import updates as store
from leadgate.storage.leads.updates import Scope, ScopeKind, SearchKey
from leadgate.values.numbers import bigint_or_none, bounded_int, cap_digits, clamp_bigint

UPDATE = "update_lead"
BATCH = "batch_update_lead"
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


# -- results --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    """One result line and its vicidial_api_log row."""

    result: str  # SUCCESS / NOTICE / ERROR
    reason: str  # e.g. "update_lead LEAD HAS BEEN UPDATED"
    shown: str  # what follows the reason, separator included (" - a|b" or ": |a|b")
    logged: str = ""  # vicidial_api_log.data
    echo: str = ""  # raw text VICIdial prints in front of the line (multi-alt-phone debris)

    @property
    def text(self) -> str:
        return f"{self.echo}{self.result}: {self.reason}{self.shown}"


def _dash(result: str, reason: str, shown: str, logged: str | None = None) -> Line:
    return Line(result, reason, f" - {shown}", shown if logged is None else logged)


class Rejected(Exception):
    """VICIdial would crash on this request: answer `line` and change nothing."""

    def __init__(self, line: Line) -> None:
        super().__init__(line.text)
        self.line = line


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


def _refuse_broken_values(fields: Mapping[str, str], api_user: str, function: str) -> None:
    for name in DOUBLE_QUOTED_FIELDS:
        if breaks_quoted_sql(fields.get(name, "")):
            raise Rejected(
                _dash(
                    "ERROR", f"{function} INVALID DATA, NOTHING WAS CHANGED", f"{api_user}|{name}"
                )
            )


def _allowed(allowed_lists: set[str] | None, list_id: str) -> bool:
    """api_list_restrict: lists below 99 are never restricted."""
    return allowed_lists is None or not list_at_least_99(list_id) or list_id in allowed_lists


def _list_defined(conn: Connection, list_id: str) -> bool:
    number = bigint_or_none(list_id)
    return number is not None and lead_store.list_exists(conn, number)


# -- update_lead ----------------------------------------------------------------------------


def update_lead(
    conn: Connection,
    request: UpdateLeadRequest,
    *,
    now: datetime,
    allowed_lists: set[str] | None = None,
) -> list[Line]:
    """Run update_lead; the result lines in order (raises Rejected instead of crashing)."""
    run = _UpdateRun(conn, request, now, allowed_lists)
    run.execute()
    return run.lines


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
        self,
        conn: Connection,
        request: UpdateLeadRequest,
        now: datetime,
        allowed_lists: set[str] | None,
    ) -> None:
        self.conn = conn
        self.req = request
        self.now = now
        self.allowed_lists = allowed_lists
        self.lines: list[Line] = []
        self.user = request.api_user
        self.phone = request.phone_number
        self.lead_id = request.lead_id  # replaced by the first match or the inserted lead
        self.list_id = request.list_id  # likewise
        force = request.force_entry_list_id
        self.entry_list_id = force if len(force) > 1 else request.entry_list_id
        self.table = store.lead_table(request.archived)
        # VICIdial keeps these between the leads of one request (see spec §1 step 12c/d).
        self.archived_callbacks = ""
        self.custom_deleted = ""
        self.callback = request.callback

    def say(self, line: Line) -> None:
        self.lines.append(line)

    # -- the steps ---------------------------------------------------------------------------

    def execute(self) -> None:
        req = self.req
        location = req.search_location
        if len(location) < 4 or not list_at_least_99(self.list_id) or len(self.list_id) < 3:
            location = "SYSTEM"
        method = req.search_method if len(req.search_method) >= 6 else "LEAD_ID"
        keys = self._search_keys(method)
        if not keys:
            data = f"{method}|{req.lead_id}|{req.vendor_lead_code}|{self.phone}"
            self.say(
                _dash("ERROR", f"{UPDATE} NO VALID SEARCH METHOD", f"{self.user}|{data}", data)
            )
            return
        if not _allowed(self.allowed_lists, self.list_id):
            self.say(
                _dash(
                    "ERROR",
                    f"{UPDATE} NOT AN ALLOWED LIST ID, SEARCH",
                    f"{self.phone}|{self.list_id}",
                )
            )
            return
        list_id_field = req.text("list_id")
        if req.list_exists_check and list_id_field and not _list_defined(self.conn, list_id_field):
            reason = f"{UPDATE} NOT A DEFINED LIST ID, LIST EXISTS CHECK ENABLED"
            self.say(_dash("ERROR", reason, f"{self.phone}|{list_id_field}"))
            return
        _refuse_broken_values(req.fields, self.user, UPDATE)
        if req.insert_if_not_found and not req.no_update:
            # Search-then-insert must not race (spec §3): two identical calls would both insert.
            # The phone key is add_lead's duplicate-check key, so the two functions serialise too.
            locks.lock_for_transaction(self.conn, insert_lock_keys(keys))

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
        req = self.req
        if not found:
            data = f"{req.lead_id}|{req.vendor_lead_code}|{self.phone}"
            self.say(
                Line(
                    "NOTICE",
                    f"{UPDATE} NO MATCHES FOUND IN THE SYSTEM",
                    f": |{self.user}|{data}",
                    data,
                )
            )
            return False
        first = found[0]
        self.lead_id = self.lead_id or str(first.lead_id)
        self.list_id = self.list_id or str(first.list_id)
        data = (
            f"{self.lead_id}|{req.vendor_lead_code}|{self.phone}|{first.list_id}|{first.entry_list}"
        )
        self.say(
            Line("NOTICE", f"{UPDATE} LEADS FOUND IN THE SYSTEM", f": |{self.user}|{data}", data)
        )
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
                reason = f"{UPDATE} NOT AN ALLOWED LIST ID, RESULTS"
                self.say(_dash("ERROR", reason, str(lead.list_id)))
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
            self.custom_deleted = str(store.delete_custom_row(self.conn, number, lead.lead_id))
        cleared = self._set_lead_columns(lead, {"entry_list_id": 0})
        shown = f"{self.user}|{lead.lead_id}|{target}|{cleared}|{self.custom_deleted}"
        logged = (
            f"{self.phone}|{lead.list_id}|{lead.lead_id}|{target}|{cleared}|{self.custom_deleted}"
        )
        self.say(_dash("NOTICE", f"{UPDATE} CUSTOM FIELDS DATA HAS BEEN DELETED", shown, logged))

    def _write_lead(self, lead: _Found, values: Mapping[str, str]) -> None:
        if self.req.delete_lead:
            deleted, archived = store.archive_and_delete_callbacks(self.conn, lead.lead_id)
            self.archived_callbacks = str(archived)
            affected = store.delete_lead(self.conn, lead.lead_id, archived=self.req.archived)
            reason = f"{UPDATE} LEAD HAS BEEN DELETED {deleted}|{archived}"
        else:
            affected = self._set_lead_columns(lead, values)
            reason = f"{UPDATE} LEAD HAS BEEN UPDATED"
        cb = self.archived_callbacks
        shown = f"{self.user}|{lead.lead_id}|{affected}|{cb}|{cb}|"
        self.say(_dash("SUCCESS", reason, shown, f"{self.phone}|{lead.list_id}|{lead.lead_id}|"))

    # -- callbacks ---------------------------------------------------------------------------

    def _schedule_callback(self, lead: _Found) -> None:
        callback_id = store.first_callback_id(self.conn, lead.lead_id)
        if callback_id is not None:
            self._update_callback(lead, callback_id)
        else:
            self._add_callback(lead)

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
            reason = f"{UPDATE} SCHEDULED CALLBACK NOT UPDATED, NO FIELDS SPECIFIED"
            self.say(_dash("NOTICE", reason, f"{lead.lead_id}|"))
            return
        store.update_callback(self.conn, callback_id, {"status": "ACTIVE", "entry_time": self.now,
                                                       "modify_date": self.now, **sets})  # fmt: skip
        shown = f"{lead.lead_id}|{cb.campaign_id}|{cb.datetime}|{cb.type}|{cb.user}|{cb.status}"
        self.say(_dash("NOTICE", f"{UPDATE} SCHEDULED CALLBACK UPDATED", shown))

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
            reason = f"{UPDATE} SCHEDULED CALLBACK NOT ADDED, CAMPAIGN NOT VALID"
            self.say(_dash("NOTICE", reason, f"{lead.lead_id}|{cb.campaign_id}"))
        elif outcome.result is CallbackResult.USER_NOT_VALID:
            reason = f"{UPDATE} SCHEDULED CALLBACK NOT ADDED, USER NOT VALID"
            self.say(
                _dash("NOTICE", reason, f"{lead.lead_id}|{cb.campaign_id}|{cb.user}|{cb.type}")
            )
        else:
            # VICIdial resolves these in place, so later leads of the request see the results.
            cb = self.callback = replace(
                cb, datetime=outcome.callback_time, type=outcome.callback_type,
                user=outcome.callback_user, status=outcome.callback_status,
            )  # fmt: skip
            shown = f"{lead.lead_id}|{cb.campaign_id}|{cb.datetime}|{cb.type}|{cb.user}|{cb.status}"
            self.say(_dash("NOTICE", f"{UPDATE} SCHEDULED CALLBACK ADDED", shown))

    def _remove_callbacks(self, lead: _Found) -> None:
        deleted, archived = store.archive_and_delete_callbacks(self.conn, lead.lead_id)
        self.archived_callbacks = str(archived)
        shown = f"{self.user}|{lead.lead_id}|{deleted}|{archived}"
        self.say(_dash("NOTICE", f"{UPDATE} SCHEDULED CALLBACK DELETED", shown))

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
        custom = lead_store.custom_table(self.conn, number) if number is not None else None
        where = f"{self.phone}|{lead.lead_id}|{lead.list_id}"
        if custom is None:
            reason = f"{UPDATE} CUSTOM FIELDS NOT ADDED, NO CUSTOM FIELDS DEFINED FOR THIS LIST"
            self.say(_dash("NOTICE", reason, where))
            return
        assert number is not None
        if self.req.delete_lead:
            rows = store.delete_custom_row(self.conn, number, lead.lead_id)
            if rows > 0:
                shown = f"{where}|{lead.entry_list}|{target}|{rows}"
                self.say(
                    _dash(
                        "NOTICE", f"{UPDATE} CUSTOM FIELDS ENTRY DELETED", shown, f"{where}|{rows}"
                    )
                )
            return
        values = self._sent_custom_values(number, custom.c.keys(), lead)
        if not values:
            return
        existing = store.custom_row(self.conn, custom, lead.lead_id)
        count = store.write_custom_row(self.conn, custom, lead.lead_id, values, existing)
        shown = f"{where}|{lead.entry_list}|{target}|{count}"
        self.say(_dash("NOTICE", f"{UPDATE} CUSTOM FIELDS VALUES UPDATED", shown, where))
        if count > 0:
            self._set_lead_columns(lead, {"entry_list_id": number})

    def _sent_custom_values(
        self, list_id: int, columns: Sequence[str], lead: _Found
    ) -> dict[str, str]:
        """Custom fields sent by name (absent ones stay untouched), cleaned like VICIdial."""
        values: dict[str, str] = {}
        for definition in lead_store.custom_field_defs(self.conn, list_id):
            label = definition.label
            raw = self.req.custom_value(label)
            if raw is None or definition.field_type in NON_DATA_FIELD_TYPES:
                continue
            if label in STANDARD_LEAD_COLUMNS:
                continue
            value = custom_field_text(raw)
            if label not in columns or breaks_quoted_sql(value):
                problem = "CUSTOM FIELD NOT IN TABLE" if label not in columns else "INVALID DATA"
                reason = f"{UPDATE} {problem}, NOTHING WAS CHANGED"
                raise Rejected(_dash("ERROR", reason, f"{self.user}|{lead.lead_id}|{label}"))
            values[label] = value
        return values

    # -- insert_if_not_found -----------------------------------------------------------------

    def _insert_instead(self) -> bool:
        req = self.req
        data = f"{req.lead_id}|{req.vendor_lead_code}|{self.phone}"
        result = "NOTICE" if req.insert_if_not_found else "ERROR"
        self.say(
            Line(result, f"{UPDATE} NO MATCHES FOUND IN THE SYSTEM", f": |{self.user}|{data}", data)
        )
        if not req.insert_if_not_found:
            return False
        list_id = req.text("list_id") or self.list_id
        phone_code = req.phone_code
        if not PHONE_MIN <= len(self.phone) <= PHONE_MAX or not phone_code or len(list_id) < 3:
            data = f"{self.phone}|{phone_code}|{list_id}|Y"
            reason = f"{UPDATE} INVALID DATA FOR LEAD INSERTION"
            self.say(_dash("ERROR", reason, f"{self.user}|{data}", data))
            return False
        if not _allowed(self.allowed_lists, list_id):
            self.say(
                _dash(
                    "ERROR", f"{UPDATE} NOT AN ALLOWED LIST ID, INSERT", f"{self.phone}|{list_id}"
                )
            )
            return False
        lead_id, gmt_text = self._insert_lead(list_id, phone_code)
        shown = f"{self.phone}|{list_id}|{lead_id}|{gmt_text}"
        self.say(_dash("SUCCESS", f"{UPDATE} LEAD HAS BEEN ADDED", f"{shown}|{self.user}", shown))
        self.lead_id, self.list_id = str(lead_id), list_id
        if len(req.multi_alt_phones) > 5:
            self._load_alt_phones(lead_id)
        if req.custom_fields:
            self._insert_custom_fields(lead_id, list_id)
        return True

    def _insert_lead(self, list_id: str, phone_code: str) -> tuple[int, str]:
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
        row = lead_intake.lead_row(
            intake, list_id=clamp_bigint(list_id), phone_code=phone_code, state=req.text("state"),
            gmt=gmt, now=self.now, status=req.text("status") or "NEW",
        )  # fmt: skip
        # Unlike add_lead, update_lead stores gender as sent (no 'U' default).
        gender = req.text("gender")
        row["gender"] = gender if gender in GENDERS else ""
        return lead_store.insert_lead(self.conn, row), gmt.text

    def _load_alt_phones(self, lead_id: int) -> None:
        loaded = lead_intake.store_alt_phones(self.conn, lead_id, self.req.multi_alt_phones)
        # VICIdial echoes every record (number|code|note, no newline) before its NOTICE.
        debris = "".join(f"{number}|{code}|{note}" for number, code, note in loaded.records)
        shown = f"{loaded.inserted}|{lead_id}|{self.user}"
        self.say(Line("NOTICE", f"{UPDATE} MULTI-ALT-PHONE NUMBERS LOADED", f" - {shown}",
                      f"{loaded.inserted}|{lead_id}", echo=debris))  # fmt: skip

    def _insert_custom_fields(self, lead_id: int, list_id: str) -> None:
        where = f"{self.phone}|{lead_id}|{list_id}"
        setting = str(system.settings(self.conn).get("custom_fields_enabled") or "0")
        if not setting.isdigit() or int(setting) < 1:
            shown = f"{self.phone}|{lead_id}|Y|{setting}"
            self.say(
                _dash("NOTICE", f"{UPDATE} CUSTOM FIELDS NOT ADDED, CUSTOM FIELDS DISABLED", shown)
            )
            return
        number = bigint_or_none(list_id)
        if number is None or not store.custom_table_exists(self.conn, number):
            reason = f"{UPDATE} CUSTOM FIELDS NOT ADDED, NO CUSTOM FIELDS DEFINED FOR THIS LIST"
            self.say(_dash("NOTICE", reason, where))
            return
        values = {
            d.label: custom_field_text(self.req.custom_value(d.label))
            for d in lead_store.custom_field_defs(self.conn, number)
            if d.field_type not in NON_DATA_FIELD_TYPES and d.label not in STANDARD_LEAD_COLUMNS
        }
        if not values:
            self.say(_dash("NOTICE", f"{UPDATE} CUSTOM FIELDS NOT ADDED, NO FIELDS DEFINED", where))
            return
        force = self.req.force_entry_list_id
        target = bigint_or_none(force) if len(force) > 1 else number
        custom = lead_store.custom_table(self.conn, target) if target is not None else None
        unusable = [label for label, value in values.items()
                    if custom is None or label not in custom.c or breaks_quoted_sql(value)]  # fmt: skip
        if custom is None or unusable:
            detail = f"custom_{force}" if custom is None else unusable[0]
            reason = f"{UPDATE} CUSTOM FIELDS NOT ADDED, NOTHING WAS CHANGED"
            raise Rejected(_dash("ERROR", reason, f"{self.user}|{lead_id}|{detail}"))
        assert target is not None
        store.write_custom_row(self.conn, custom, lead_id, values, None)
        updated = store.set_entry_list_id(self.conn, lead_id, target, archived=self.req.archived)
        self.say(
            _dash("NOTICE", f"{UPDATE} CUSTOM FIELDS VALUES ADDED", f"{where}|{updated}", where)
        )

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
        who = f"{self.phone}|{self.lead_id}|{self.user}"
        if store.hopper_statuses(self.conn, lead_number):
            reason = f"{UPDATE} NOT ADDED TO HOPPER, LEAD IS ALREADY IN THE HOPPER"
            self.say(_dash("NOTICE", reason, who))
            return
        list_number = bigint_or_none(self.list_id)
        dialing = (
            hopper_store.list_dialing(self.conn, list_number)
            if list_number is not None
            else hopper_store.NO_CAMPAIGN
        )
        facts = store.lead_facts(self.conn, lead_number, archived=self.req.archived)
        if facts is None:
            self.say(_dash("NOTICE", f"{UPDATE} NOT ADDED TO HOPPER, LEAD NOT FOUND", who))
            return
        gmt = str(facts.gmt_offset_now)
        if self.req.hopper.check_call_time and not call_times.is_dialable(
            self.conn, dialing.call_time, facts.gmt_offset_now, facts.state, now=self.now
        ):
            shown = f"{self.phone}|{self.lead_id}|{gmt}|0"
            reason = f"{UPDATE} NOT ADDED TO HOPPER, OUTSIDE OF LOCAL TIME"
            self.say(_dash("NOTICE", reason, f"{shown}|{self.user}", f"{shown}|{facts.state}"))
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
        shown = f"{self.phone}|{self.lead_id}|{hopper_id}"
        self.say(_dash("NOTICE", f"{UPDATE} ADDED TO HOPPER", f"{shown}|{self.user}", shown))

    def _remove_from_hopper(self, lead_number: int) -> None:
        statuses = store.hopper_statuses(self.conn, lead_number)
        if not statuses:
            reason = f"{UPDATE} NOT REMOVED FROM HOPPER, LEAD IS NOT IN THE HOPPER"
            self.say(_dash("NOTICE", reason, f"{self.phone}|{self.lead_id}|{self.user}"))
            return
        removed = store.remove_from_hopper(self.conn, lead_number)
        reason = (
            f"{UPDATE} REMOVED FROM HOPPER" if removed > 0 else f"{UPDATE} NOT REMOVED FROM HOPPER"
        )
        shown = f"{self.phone}|{self.lead_id}|{statuses[0]}"
        self.say(_dash("NOTICE", reason, f"{shown}|{self.user}", shown))


# -- batch_update_lead ----------------------------------------------------------------------


def batch_update_lead(
    conn: Connection,
    request: BatchUpdateRequest,
    *,
    now: datetime,
    allowed_lists: set[str] | None = None,
) -> list[Line]:
    """Set the same fields on many leads at once (spec update_lead §2)."""
    user = request.api_user
    lead_ids = request.lead_ids
    if not lead_ids:
        return [_dash("ERROR", f"{BATCH} NO LEADS DEFINED", f"{user}|", "")]
    list_id_field = request.fields.get("list_id", "")
    if not _allowed(allowed_lists, list_id_field):
        return [
            _dash(
                "ERROR", f"{BATCH} NOT AN ALLOWED LIST ID", f"{user}|{list_id_field}", list_id_field
            )
        ]
    if request.list_exists_check and list_id_field and not _list_defined(conn, list_id_field):
        reason = f"{BATCH} NOT A DEFINED LIST ID, LIST EXISTS CHECK ENABLED"
        return [_dash("ERROR", reason, f"{user}|{list_id_field}", list_id_field)]
    parts = lead_ids.split(",")
    if any(not part for part in parts):
        # VICIdial builds `lead_id IN(1,,2)` and crashes; say why instead.
        reason = f"{BATCH} INVALID LEAD ID LIST, NOTHING WAS CHANGED"
        return [_dash("ERROR", reason, f"{user}|{lead_ids}", lead_ids)]
    _refuse_broken_values(request.fields, user, BATCH)

    allowed = None if allowed_lists is None else [int(i) for i in allowed_lists if i.isdigit()]
    limit = min(bounded_int(request.records or "1000"), RECORDS_MAX)
    rows = store.find_batch(conn, (int(part) for part in parts if len(part) < 19), allowed, limit,
                            archived=request.archived)  # fmt: skip
    if not rows:
        return [
            Line(
                "ERROR",
                f"{BATCH} NO MATCHES FOUND IN THE SYSTEM",
                f": |{user}|{lead_ids}",
                lead_ids,
            )
        ]
    values = as_stored_text(update_values(request.fields, reset_lead=request.reset_lead))
    if not values:
        return []
    table = store.lead_table(request.archived)
    changed = [int(row["lead_id"]) for row in rows if store.changed_columns(table, row, values)]
    if changed:
        converted = {
            name: store.stored_value(table.c[name], value) for name, value in values.items()
        }
        store.update_many(
            conn, changed, {**converted, "modify_date": now}, archived=request.archived
        )
    found_ids = ",".join(str(row["lead_id"]) for row in rows)
    data = f"{len(changed)}|{len(rows)}|{found_ids}"
    return [_dash("SUCCESS", f"{BATCH} LEADS HAVE BEEN UPDATED", f"{user}|{data}", data)]

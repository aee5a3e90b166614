"""Custom list fields: which lists have which custom columns (list_custom_fields), and
update_list's field definitions — add, update, delete (custom_fields_add/update/delete).

VICIdial does the field changes by calling its own admin page (admin_lists_custom.php) and
only reports whether that page succeeded, refused or said nothing; `FieldResult` is that answer.
leadgate runs the same checks and changes directly. Each change holds the list's named lock
from its checks to its commit, so concurrent changes to one list's fields run one at a time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import Enum, auto
from typing import Any

from sqlalchemy import Connection

from leadgate.domain.actor import Actor
from leadgate.domain.events import EntityChanged
from leadgate.domain.leads.search import as_text
from leadgate.domain.reserved_words import RESERVED_LABELS
from leadgate.storage import admin_log, system
from leadgate.storage import custom_fields as store
from leadgate.storage.custom_fields import ColumnSpec
from leadgate.storage.unit_of_work import UnitOfWork

ALL_LISTS = "---ALL---"


def custom_fields_enabled(conn: Connection) -> bool:
    """system_settings.custom_fields_enabled (VICIdial compares it numerically with 1)."""
    text = str(system.settings(conn).get("custom_fields_enabled") or "").strip()
    try:
        return float(text) >= 1
    except ValueError:
        return False


@dataclass(frozen=True)
class ListColumns:
    list_id: str
    fields: tuple[str, ...]  # list_name, campaign_id, active, list_changedate, list_lastcalldate
    columns: tuple[str, ...] | None  # custom_<list_id>'s columns but lead_id; None: no table


def list_columns(
    conn: Connection,
    list_id: str,
    allowed_campaigns: frozenset[str] | None,
    allowed_lists: set[str] | None,
) -> list[ListColumns] | None:
    """The lists list_custom_fields describes: `list_id` alone or every list (ALL_LISTS), in
    list_id order, within the user group's campaigns; with api_list_restrict, ALL_LISTS means
    the allowed lists. None when the single list does not exist (or is not visible)."""
    if list_id == ALL_LISTS:
        restricted: list[int] | None = None
        if allowed_lists is not None and _quoted_length(allowed_lists) > 3:
            restricted = [int(x) for x in allowed_lists if x.isdigit()]
        rows = store.lists_for_listing(conn, None, allowed_campaigns, restricted)
    else:
        if not list_id.isdigit():
            return None
        rows = store.lists_for_listing(conn, int(list_id), allowed_campaigns, None)
        if not rows:
            return None
    result = []
    for row in rows:
        columns = store.table_columns(conn, int(row["list_id"]))
        data = None if columns is None else tuple(c for c in columns if c and c != "lead_id")
        fields = tuple(as_text(row[c]) for c in store.LISTING_COLUMNS)
        result.append(ListColumns(str(row["list_id"]), fields, data))
    return result


def _quoted_length(list_ids: set[str]) -> int:
    # VICIdial limits "every list" to the allowed ones only when its SQL list of them
    # ('1','2',…) is longer than 3 characters; shorter, it shows every list.
    return len(",".join(f"'{x}'" for x in list_ids))


# -- update_list: custom_fields_add / custom_fields_update / custom_fields_delete --------------

BLANK = "--BLANK--"
# Labels VICIdial's admin page treats as vicidial_list columns: no custom column, lower case.
_STANDARD = (
    "lead_id vendor_lead_code source_id list_id gmt_offset_now called_since_last_reset "
    "phone_code phone_number title first_name middle_initial last_name address1 address2 "
    "address3 city state province postal_code country_code gender date_of_birth alt_phone "
    "email security_phrase comments called_count last_local_call_time rank owner status "
    "entry_date entry_list_id modify_date user"
)
STANDARD_LABELS = frozenset(_STANDARD.split())
NO_COLUMN_TYPES = frozenset({"DISPLAY", "SCRIPT", "SWITCH", "BUTTON"})
OPTION_TYPES = frozenset({"SELECT", "SOURCESELECT", "MULTI", "RADIO", "CHECKBOX"})
TEXT_TYPES = frozenset({"TEXT", "READONLY", "HIDDEN"})
ENCRYPTABLE_TYPES = frozenset({"TEXT", "HIDDEN", "READONLY", "HIDEBLOB", "AREA", "DATE", "TIME"})
SHOW_HIDE = re.compile(r"^DISABLED$|^X_OUT_ALL$|LAST_1|LAST_2|LAST_3|LAST_4|FIRST_1_LAST_4")


class FieldStep(Enum):
    """How far update_list got with one custom field action."""

    NO_FIELDS = "list missing and no field definitions"
    DENIED = "no custom_fields_modify"
    MISSING = "required parameters missing"
    NOT_FOUND = "no such field"
    SENT = "done or refused: see FieldResult"


class FieldResult(Enum):
    """What VICIdial's admin page answered: the change was made, refused by its checks, or
    nothing happened (an answer it does not recognise)."""

    CHANGED = auto()
    REFUSED = auto()
    UNCHANGED = auto()


@dataclass(frozen=True)
class FieldRequest:
    """The field_* parameters after the API's filters ("" = not given)."""

    label: str = ""
    name: str = ""
    size: str = ""
    field_type: str = ""
    rank: str = ""
    order: str = ""
    rerank: str = ""
    max: str = ""
    default: str = ""
    options: str = ""
    duplicate: str = ""
    description: str = ""
    help: str = ""
    required: str = ""
    multi_position: str = ""
    name_position: str = ""
    encrypt: str = ""
    show_hide: str = ""


@dataclass(frozen=True)
class FieldChange:
    action: str  # "add", "update", "delete"
    step: FieldStep
    field_type: str = ""  # update: the type after merging with the stored field
    result: FieldResult = FieldResult.UNCHANGED


@dataclass(frozen=True)
class FieldActions:
    add: bool = False
    update: bool = False
    delete: bool = False
    may_modify_fields: bool = False  # custom_fields_modify=1
    # modify_leads>=1: VICIdial's admin page requires it (API users; the CLI is not limited)
    may_modify_leads: bool = True

    @property
    def any(self) -> bool:
        return self.add or self.update or self.delete


def change_fields(
    uow: UnitOfWork,
    list_id: int,
    list_exists: bool,
    actions: FieldActions,
    request: FieldRequest,
    actor: Actor,
) -> list[FieldChange]:
    """update_list's field actions in VICIdial's order (add, update, delete). The caller holds
    the list's lock. A missing list still gets them when it has field definitions."""
    changes: list[FieldChange] = []
    exists = list_exists
    for action, wanted in (("add", actions.add), ("update", actions.update),
                           ("delete", actions.delete)):  # fmt: skip
        if not wanted:
            continue
        if not exists:
            exists = store.field_count(uow.conn, list_id) > 0
            if not exists:
                changes.append(FieldChange(action, FieldStep.NO_FIELDS))
                continue
        if not actions.may_modify_fields:
            changes.append(FieldChange(action, FieldStep.DENIED))
            continue
        changes.append(_ACTIONS[action](uow, list_id, actions, request, actor))
    return changes


def _admin_page_runs(uow: UnitOfWork, list_id: int, actions: FieldActions) -> bool:
    """VICIdial's admin page does nothing (UNCHANGED) without
    modify_leads, with custom fields disabled, or for a list id under 100."""
    return actions.may_modify_leads and custom_fields_enabled(uow.conn) and list_id > 99


def _number(text: str) -> int:
    return int(text) if text.isdigit() else 0


def _sizes(size: str, maximum: str) -> tuple[int, int]:
    # The admin page caps the size at 100 and raises an empty or zero size or max to 1.
    field_size = min(_number(size), 100) or 1
    return field_size, _number(maximum) or 1


def _add(
    uow: UnitOfWork, list_id: int, actions: FieldActions, r: FieldRequest, actor: Actor
) -> FieldChange:
    if not (r.label and r.name and r.size and r.field_type and r.rank):
        return FieldChange("add", FieldStep.MISSING)

    def sent(result: FieldResult) -> FieldChange:
        return FieldChange("add", FieldStep.SENT, r.field_type, result)

    if not _admin_page_runs(uow, list_id, actions):
        return sent(FieldResult.UNCHANGED)
    field = _Field.from_request(r)
    conn = uow.conn
    exists = store.field_count(conn, list_id, r.label) > 0
    if len(field.name) < 2 or _refused(field, list_id) or field.label.lower() in RESERVED_LABELS:
        return sent(FieldResult.REFUSED)
    if exists != (field.duplicate == "Y") or (
        field.duplicate == "Y" and field.field_type != "TEXT"
    ):
        return sent(FieldResult.REFUSED)
    if field.label.lower() in STANDARD_LABELS:
        field.label = field.label.lower()
    if field.duplicate == "Y":
        count = store.label_prefix_count(conn, list_id, field.label)
        field.label = f"{field.label}_DUPLICATE_{count:03d}"
    if not _add_definition(uow, list_id, field, actor, stop=False):
        return sent(FieldResult.UNCHANGED)  # VICIdial's ALTER TABLE fails: nothing changes
    return sent(FieldResult.CHANGED)


def _add_definition(uow: UnitOfWork, list_id: int, field: _Field, actor: Actor, *,
                    stop: bool) -> bool:  # fmt: skip
    """The column (or at least the table) and the definition of a new field; False (or
    _Stopped with `stop`) when the database refuses the column."""
    conn = uow.conn
    spec = field.column()
    default = field.column_default()
    if not field.has_column():
        done = store.table_columns(conn, list_id) is not None or store.create_table(conn, list_id)
    else:
        done = (spec is not None and _default_fits(spec, default)
                and store.add_column(conn, list_id, field.label, spec, default))  # fmt: skip
    if not done:
        if stop:
            raise _Stopped
        return False
    uow.lock([store.FIELD_IDS_LOCK])
    field_id = store.insert_field(conn, list_id, field.row())
    notes = _rerank(conn, list_id, field, field_id)
    _log(uow, actor, list_id, "ADD", "ADMIN ADD CUSTOM LIST FIELD", field.label,
         f"Rows updated: 1({field_id})   {notes}")  # fmt: skip
    return True


def _update(
    uow: UnitOfWork, list_id: int, actions: FieldActions, r: FieldRequest, actor: Actor
) -> FieldChange:
    if not r.label:
        return FieldChange("update", FieldStep.MISSING)
    conn = uow.conn
    stored = store.find_field(conn, list_id, r.label)
    if stored is None:
        return FieldChange("update", FieldStep.NOT_FOUND)
    field = _Field.merged(r, stored)

    def sent(result: FieldResult) -> FieldChange:
        return FieldChange("update", FieldStep.SENT, field.request_type, result)

    if not _admin_page_runs(uow, list_id, actions):
        return sent(FieldResult.UNCHANGED)
    columns = store.table_columns(conn, list_id)
    standard = field.label.lower() in STANDARD_LABELS
    if columns is None and not standard and field.duplicate == "N":
        return sent(FieldResult.REFUSED)
    if _refused(field, list_id):
        return sent(FieldResult.REFUSED)
    if field.has_column():
        spec = field.column()
        default = field.column_default()
        if spec is None or not _default_fits(spec, default):
            return sent(FieldResult.UNCHANGED)
        if field.label in (columns or []):
            done = store.modify_column(conn, list_id, field.label, spec, default)
        else:
            done = columns is not None and store.add_column(conn, list_id, field.label, spec,
                                                            default)  # fmt: skip
        if not done:
            return sent(FieldResult.UNCHANGED)
    field_id = int(stored["field_id"])
    store.update_field(conn, field_id, field.row())
    notes = _rerank(conn, list_id, field, field_id)
    _log(uow, actor, list_id, "MODIFY", "ADMIN MODIFY CUSTOM LIST FIELD", field.label,
         f"Rows updated: 1({field_id})   {notes}")  # fmt: skip
    return sent(FieldResult.CHANGED)


def _delete(
    uow: UnitOfWork, list_id: int, actions: FieldActions, r: FieldRequest, actor: Actor
) -> FieldChange:
    if not r.label:
        return FieldChange("delete", FieldStep.MISSING)
    conn = uow.conn
    stored = store.find_field(conn, list_id, r.label)
    if stored is None:
        return FieldChange("delete", FieldStep.NOT_FOUND)

    def sent(result: FieldResult) -> FieldChange:
        return FieldChange("delete", FieldStep.SENT, "", result)

    if not _admin_page_runs(uow, list_id, actions):
        return sent(FieldResult.UNCHANGED)
    standard = r.label.lower() in STANDARD_LABELS
    if store.table_columns(conn, list_id) is None and not standard:
        return sent(FieldResult.REFUSED)
    # VICIdial's API does not tell its admin page the field's type: it drops the column of
    # every field but a vicidial_list one, and a field without a column (DISPLAY, …, a
    # duplicate) is therefore never deleted (the DROP fails).
    if not standard and not store.drop_column(conn, list_id, r.label):
        return sent(FieldResult.UNCHANGED)
    store.delete_field(conn, int(stored["field_id"]))
    _log(uow, actor, list_id, "DELETE", "ADMIN DELETE CUSTOM LIST FIELD", r.label, "")
    return sent(FieldResult.CHANGED)


_ACTIONS = {"add": _add, "update": _update, "delete": _delete}


def _refused(field: _Field, list_id: int) -> bool:
    """The admin page's value checks (a REFUSED answer): a default longer than a text field's
    maximum, option lists without a valid `value,text` line, a SWITCH without this list."""
    if field.field_type in TEXT_TYPES and field.max < len(field.default):
        return True
    lines = [line for line in field.options.split("\n") if "," in line or "|" in line]
    if field.field_type in OPTION_TYPES:
        separator = "|" if field.field_type == "SOURCESELECT" else ","
        valid = [line for line in lines if _option_pair(line, separator)]
        if "\n" not in field.options or len(field.options) < 6 or not valid:
            return True
    if field.field_type == "SWITCH":
        return not any(line.split(",")[0] == str(list_id) for line in lines)
    return False


def _option_pair(line: str, separator: str) -> bool:
    parts = line.split(separator)
    return len(parts) > 1 and parts[0] != "" and parts[1] != ""


def _default_fits(spec: ColumnSpec, default: str | None) -> bool:
    """Whether the database accepts the column's default (MariaDB refuses an ENUM default that
    is not an option and a VARCHAR default longer than the column)."""
    if default is None:
        return True
    if spec.kind == "enum":
        return default in spec.options
    if spec.kind == "varchar":
        return len(default) <= spec.length
    return True


def _rerank(conn: Connection, list_id: int, field: _Field, field_id: int) -> str:
    """field_rerank=YES: fields at the new field's rank move down one rank, and so on while
    a move lands on an occupied rank."""
    if field.rerank != "YES":
        return ""
    notes = ""
    rank = field.rank
    moved = [field_id]
    while True:
        rows = store.fields_at_rank(conn, list_id, rank, moved)
        if not rows:
            return notes
        rank += 1
        for other_id, label in rows:
            store.set_field_rank(conn, other_id, rank)
            notes += f"Field {other_id}({label}) moved to rank {rank}|"
            moved.append(other_id)


def _log(uow: UnitOfWork, actor: Actor, list_id: int, verb: str, code: str, label: str,
         notes: str) -> None:  # fmt: skip
    admin_log.write(
        uow.conn, now=uow.now, user=actor.user, ip=actor.ip[:15], section="CUSTOM_FIELDS",
        event_type=verb, record_id=str(list_id), event_code=code,
        event_sql=f"custom field {label} of list {list_id}", event_notes=notes,
    )  # fmt: skip
    uow.emit(EntityChanged("list", str(list_id), "updated", actor.user))


# -- custom_fields_copy (add_list, update_list) ------------------------------------------------

COPY_METHODS = ("APPEND", "UPDATE", "REPLACE")


@dataclass(frozen=True)
class CopyResult:
    response: FieldResult
    fields: int = 0  # field definitions added or rewritten


class _Stopped(Exception):
    """VICIdial's admin page dies at a failed ALTER TABLE: what it did before stays."""


def copy_fields(
    uow: UnitOfWork, source: int, target: int, method: str, *, may_modify_leads: bool,
    actor: Actor,
) -> CopyResult:  # fmt: skip
    """custom_fields_copy as VICIdial's admin page does it (the caller holds the target's lock).

    APPEND adds the source's fields the target lacks (duplicates get a new _DUPLICATE_ label);
    UPDATE rewrites the target's fields that the source also has; REPLACE deletes the target's
    fields (when it has a custom table) and appends. CHANGED when a field changed, REFUSED for
    a copy onto itself or from a list without fields, UNCHANGED otherwise; with the number of
    fields added or rewritten."""
    conn = uow.conn
    if not (may_modify_leads and custom_fields_enabled(conn) and source > 99 and target > 99):
        return CopyResult(FieldResult.UNCHANGED)
    if source == target or store.field_count(conn, source) < 1:
        return CopyResult(FieldResult.REFUSED)
    uow.lock([store.FIELD_IDS_LOCK])
    changed: list[bool] = []
    deleted = 0
    try:
        table_exists = store.table_columns(conn, target) is not None
        if method == "REPLACE":
            if table_exists:
                for row in store.copy_order(conn, target):
                    _delete_copied(uow, target, row, actor)
                    deleted += 1
            method = "APPEND"
        for row in store.copy_order(conn, source):
            if method == "APPEND":
                changed.append(_append_copied(uow, target, row, table_exists, actor))
                table_exists = table_exists or changed[-1]
            elif method == "UPDATE":
                changed.append(_update_copied(uow, target, row, actor))
    except _Stopped:
        pass
    written = sum(changed)
    return CopyResult(FieldResult.CHANGED if written or deleted else FieldResult.UNCHANGED, written)


def _copied(row: dict[str, Any]) -> FieldRequest:
    def text(column: str) -> str:
        return as_text(row.get(column))

    return FieldRequest(
        label=text("field_label"), name=text("field_name"), size=text("field_size"),
        field_type=text("field_type"), rank=text("field_rank"), order=text("field_order"),
        max=text("field_max"), default=text("field_default"), options=text("field_options"),
        duplicate=text("field_duplicate"), description=text("field_description"),
        help=text("field_help"), required=text("field_required"),
        multi_position=text("multi_position"), name_position=text("name_position"),
        encrypt=text("field_encrypt"), show_hide=text("field_show_hide"),
    )  # fmt: skip


def _delete_copied(uow: UnitOfWork, target: int, row: dict[str, Any], actor: Actor) -> None:
    field = _Field(_copied(row), str(row.get("field_type") or ""))
    if field.has_column() and not store.drop_column(uow.conn, target, field.label):
        raise _Stopped
    store.delete_field(uow.conn, int(row["field_id"]))
    _log(uow, actor, target, "DELETE", "ADMIN DELETE CUSTOM LIST FIELD", field.label, "")


def _append_copied(
    uow: UnitOfWork, target: int, row: dict[str, Any], table_exists: bool, actor: Actor
) -> bool:
    conn = uow.conn
    request = _copied(row)
    standard = request.label.lower() in STANDARD_LABELS
    # VICIdial looks for the label only when the target has a table (or for a vicidial_list
    # field): copying into a list without a table adds every field.
    looked_up = table_exists or standard
    if looked_up and request.duplicate != "Y" and store.field_count(conn, target, request.label):
        return False
    field = _Field(request, request.field_type)
    if standard:
        field.label = field.label.lower()
    if field.duplicate == "Y":
        count = store.label_prefix_count(conn, target, field.label)
        field.label = f"{field.label}_DUPLICATE_{count:03d}"
    _add_definition(uow, target, field, actor, stop=True)
    return True


def _update_copied(uow: UnitOfWork, target: int, row: dict[str, Any], actor: Actor) -> bool:
    conn = uow.conn
    request = _copied(row)
    stored = store.find_field(conn, target, request.label)
    if stored is None:
        return False
    if request.duplicate == "Y":
        request = replace(request, field_type="TEXT")
    field = _Field(request, request.field_type)
    if field.has_column():
        columns = store.table_columns(conn, target)
        spec = field.column()
        default = field.column_default()
        if columns is None or spec is None or not _default_fits(spec, default):
            raise _Stopped
        change = store.modify_column if field.label in columns else store.add_column
        if not change(conn, target, field.label, spec, default):
            raise _Stopped
    field_id = int(stored["field_id"])
    store.update_field(conn, field_id, field.row())
    _log(uow, actor, target, "MODIFY", "ADMIN MODIFY CUSTOM LIST FIELD", field.label,
         f"Rows updated: 1({field_id})   ")  # fmt: skip
    return True


_SMALLINT_MAX = 32767


def _choice(value: str, allowed: tuple[str, ...], fallback: str) -> str:
    return value if value in allowed else fallback


class _Field:
    """One field definition as VICIdial's admin page writes it (values after its defaults)."""

    def __init__(self, r: FieldRequest, request_type: str) -> None:
        self.request_type = request_type  # the type update_list prints
        self.label = r.label
        self.name, self.description, self.help = r.name, r.description, r.help
        self.options, self.default = r.options, r.default
        self.field_type = r.field_type
        self.rank = min(_number(r.rank), _SMALLINT_MAX)
        self.order = min(_number(r.order or "1"), _SMALLINT_MAX)
        self.size, self.max = _sizes(r.size, r.max)
        self.max = min(self.max, _SMALLINT_MAX)
        self.required, self.duplicate = r.required, r.duplicate
        self.multi_position, self.name_position = r.multi_position, r.name_position
        self.encrypt, self.show_hide, self.rerank = r.encrypt, r.show_hide, r.rerank
        if self.encrypt == "Y" and (
            self.field_type not in ENCRYPTABLE_TYPES or self.duplicate == "Y"
        ):
            self.encrypt = "N"
        self.cost = 1

    @classmethod
    def from_request(cls, r: FieldRequest) -> _Field:
        """custom_fields_add: update_list's defaults for the optional parameters."""
        normal = FieldRequest(
            label=r.label, name=r.name, size=r.size, field_type=r.field_type, rank=r.rank,
            order=r.order or "1", rerank=_choice(r.rerank, ("YES", "NO"), "NO"), max=r.max,
            default=r.default, options=r.options,
            duplicate=_choice(r.duplicate, ("Y", "N"), "N"), description=r.description,
            help=r.help, required=_choice(r.required, ("Y", "N"), "N"),
            multi_position=_choice(r.multi_position, ("HORIZONTAL", "VERTICAL"), "HORIZONTAL"),
            name_position=_choice(r.name_position, ("TOP", "LEFT"), "LEFT"),
            encrypt=_choice(r.encrypt, ("Y", "N"), "N"),
            show_hide=r.show_hide if SHOW_HIDE.search(r.show_hide) else "DISABLED",
        )  # fmt: skip
        return cls(normal, r.field_type)

    @classmethod
    def merged(cls, r: FieldRequest, stored: dict[str, Any]) -> _Field:
        """custom_fields_update: every parameter not given keeps the stored value; --BLANK--
        empties description, help, options and default."""

        def old(column: str) -> str:
            return as_text(stored.get(column))

        def given(value: str, column: str) -> str:
            return value if value else old(column)

        def blankable(value: str, column: str) -> str:
            merged = given(value, column)
            return "" if merged == BLANK else merged

        field_type = given(r.field_type, "field_type")
        merged = FieldRequest(
            label=r.label, name=given(r.name, "field_name"), size=given(r.size, "field_size"),
            field_type=field_type, rank=given(r.rank, "field_rank"),
            order=given(r.order, "field_order"), rerank=_choice(r.rerank, ("YES", "NO"), "NO"),
            max=given(r.max, "field_max"), default=blankable(r.default, "field_default"),
            options=blankable(r.options, "field_options"),
            duplicate=_choice(r.duplicate, ("Y", "N"), old("field_duplicate")),
            description=blankable(r.description, "field_description"),
            help=blankable(r.help, "field_help"),
            required=_choice(r.required, ("Y", "N"), old("field_required")),
            multi_position=_choice(r.multi_position, ("HORIZONTAL", "VERTICAL"),
                                   old("multi_position")),
            name_position=_choice(r.name_position, ("TOP", "LEFT"), old("name_position")),
            encrypt=_choice(r.encrypt, ("Y", "N"), old("field_encrypt")),
            show_hide=r.show_hide if SHOW_HIDE.search(r.show_hide) else old("field_show_hide"),
        )  # fmt: skip
        if merged.duplicate == "Y":  # a duplicate field is a TEXT field
            merged = replace(merged, field_type="TEXT")
        return cls(merged, field_type)

    def has_column(self) -> bool:
        return (
            self.field_type not in NO_COLUMN_TYPES
            and self.label.lower() not in STANDARD_LABELS
            and self.duplicate != "Y"
        )

    def column(self) -> ColumnSpec | None:
        """The custom column's type (None for a type VICIdial has no column type for: its
        ALTER TABLE then fails). Also sets field_cost as VICIdial computes it."""
        kind = self.field_type
        spec: ColumnSpec | None = None
        if kind in ("SELECT", "SOURCESELECT", "RADIO"):
            values = self._option_values(both=True)
            self.cost = len(",".join(f"'{v}'" for v in values))
            if values and len(set(values)) == len(values):
                spec = ColumnSpec("enum", options=tuple(values))
        elif kind in ("MULTI", "CHECKBOX"):
            self.cost = len(",".join(f"'{v}'" for v in self._option_values(both=False))) or 1
            spec = ColumnSpec("varchar", self.cost)
        elif kind in TEXT_TYPES:
            length = self.max if self.encrypt != "Y" else (30 if self.max < 8 else self.max * 4)
            self.cost = length + 1
            spec = ColumnSpec("varchar", length)
        elif kind in ("HIDEBLOB", "AREA"):
            self.cost = 15
            spec = ColumnSpec("blob" if kind == "HIDEBLOB" else "text")
        elif kind in ("DATE", "TIME"):
            encrypted = self.encrypt == "Y"
            self.cost = 31 if encrypted else (10 if kind == "DATE" else 8)
            spec = ColumnSpec("varchar", 30) if encrypted else ColumnSpec(kind.lower())
        return spec

    def _option_values(self, *, both: bool) -> list[str]:
        values = []
        for line in self.options.split("\n"):
            if (
                self.field_type == "SOURCESELECT"
                and "|" in line
                or (self.field_type != "SOURCESELECT" and ("," in line or (both and "|" in line)))
            ):
                if self.field_type == "SOURCESELECT":
                    values.append(re.sub(r"(?i)^option=>", "", line.split("|")[0]))
                else:
                    values.append(line.split(",")[0])
        return values

    def column_default(self) -> str | None:
        """The column's DEFAULT: none for AREA/DATE/TIME, the text NULL, or encrypted text."""
        if self.default == "NULL" or self.field_type in ("AREA", "DATE", "TIME"):
            return None
        if self.encrypt == "Y" and self.field_type in (*TEXT_TYPES, "HIDEBLOB"):
            return None
        return self.default

    def row(self) -> dict[str, Any]:
        if self.has_column():
            self.column()
        return {
            "field_label": self.label, "field_name": self.name,
            "field_description": self.description, "field_rank": self.rank,
            "field_help": self.help, "field_type": self.field_type,
            "field_options": self.options, "field_size": self.size, "field_max": self.max,
            "field_default": self.default, "field_required": self.required,
            "field_cost": min(self.cost * 3, _SMALLINT_MAX),
            "multi_position": self.multi_position, "name_position": self.name_position,
            "field_order": self.order, "field_encrypt": self.encrypt,
            "field_show_hide": self.show_hide, "field_duplicate": self.duplicate,
        }  # fmt: skip

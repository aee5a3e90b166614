"""Custom fields: the per-list custom_<list_id> tables' values, as add_lead and update_lead
write them (the field definitions live in vicidial_lists_fields; storage reflects the tables)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from sqlalchemy import Connection, Table

from leadgate.storage import custom_tables, system
from leadgate.storage.leads import intake as lead_store

BLANK_MARKER = "--BLANK--"

# Custom-field labels that name standard vicidial_list columns are never written to custom_*.
STANDARD_LEAD_COLUMNS = frozenset(
    [
        "lead_id",
        "vendor_lead_code",
        "source_id",
        "list_id",
        "gmt_offset_now",
        "called_since_last_reset",
        "phone_code",
        "phone_number",
        "title",
        "first_name",
        "middle_initial",
        "last_name",
        "address1",
        "address2",
        "address3",
        "city",
        "state",
        "province",
        "postal_code",
        "country_code",
        "gender",
        "date_of_birth",
        "alt_phone",
        "email",
        "security_phrase",
        "comments",
        "called_count",
        "last_local_call_time",
        "rank",
        "owner",
    ]
)
NON_DATA_FIELD_TYPES = frozenset({"DISPLAY", "SCRIPT", "BUTTON", "SWITCH"})


class CustomFieldsResult(Enum):
    ADDED = "added"
    NOTHING_STORED = "no fields to update"
    NO_FIELDS = "no fields defined"
    NO_TABLE = "no custom table"
    DISABLED = "disabled"


@dataclass(frozen=True)
class CustomFieldsOutcome:
    result: CustomFieldsResult
    entry_list_updates: int = 0  # ADDED: rows the entry_list_id update touched
    setting: str = ""  # DISABLED: system_settings.custom_fields_enabled


def custom_field_text(raw: str | None) -> str:
    """A custom field's request value as VICIdial stores it."""
    if raw is None:
        return ""
    value = raw.replace("+", " ").replace(";", "").replace('"', "")
    if value.endswith("\\"):
        value = value[:-1]
    return "" if value == BLANK_MARKER else value


def store_custom_fields(
    conn: Connection, lead_id: int, list_id: int, value_of: Callable[[str], str | None]
) -> CustomFieldsOutcome:
    """Write the lead's custom_<list_id> row from the request (spec add_lead §7)."""
    setting = str(system.settings(conn).get("custom_fields_enabled") or "0")
    if not setting.isdigit() or int(setting) < 1:
        return CustomFieldsOutcome(CustomFieldsResult.DISABLED, setting=setting)
    if custom_tables.custom_table(conn, list_id) is None:
        return CustomFieldsOutcome(CustomFieldsResult.NO_TABLE)
    values: dict[str, str] = {}
    for definition in lead_store.custom_field_defs(conn, list_id):
        if definition.field_type in NON_DATA_FIELD_TYPES:
            continue
        if definition.label in STANDARD_LEAD_COLUMNS:
            continue
        # cf_encrypt is not available: values are stored as plain text (documented Tier 3).
        values[definition.label] = custom_field_text(value_of(definition.label))
    if not values:
        return CustomFieldsOutcome(CustomFieldsResult.NO_FIELDS)

    def insert_row(table: Table | None) -> int | None:
        return None if table is None else lead_store.insert_custom_row(conn, table, lead_id, values)

    # The fields just read name the columns: one the cached layout lacks was just added.
    stored = custom_tables.with_custom_table(conn, list_id, insert_row, needs=values.keys())
    if stored is None:
        return CustomFieldsOutcome(CustomFieldsResult.NO_TABLE)
    if stored < 1:
        return CustomFieldsOutcome(CustomFieldsResult.NOTHING_STORED)
    updated = lead_store.set_entry_list_id(conn, lead_id, list_id)
    return CustomFieldsOutcome(CustomFieldsResult.ADDED, entry_list_updates=updated)

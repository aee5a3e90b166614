"""Custom list fields: which lists have which custom columns (list_custom_fields), and
update_list's field definitions — add, update, delete (custom_fields_add/update/delete).

VICIdial does the field changes by calling its own admin page (admin_lists_custom.php) and
only reports whether that page said SUCCESS, ERROR or nothing; `FieldResult` is that answer.
leadgate runs the same checks and changes directly. Each change holds the list's named lock
from its checks to its commit, so concurrent changes to one list's fields run one at a time.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection

from leadgate.domain.leads.search import as_text
from leadgate.storage import custom_fields as store
from leadgate.storage import system

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

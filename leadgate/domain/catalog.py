"""Lists and campaigns: validation, creation and changes (no SQL here, see storage.catalog).

Limits follow VICIdial's column widths, so nothing the CLI accepts is silently cut on write.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection

from leadgate.storage import catalog as store

CAMPAIGN_ID = re.compile(r"[-_0-9A-Za-z]{2,8}")
LIST_ID = re.compile(r"[0-9]{2,19}")
CODE = re.compile(r"[-_0-9A-Za-z]+")
MAX_LIST_ID = 2**63 - 1  # BIGINT
DNC_SETTINGS = ("Y", "N", "AREACODE")


class CatalogError(ValueError):
    """A user-facing reason why a list or campaign change was refused."""


def parse_campaign_id(value: str) -> str:
    if not CAMPAIGN_ID.fullmatch(value):
        raise CatalogError(
            f"invalid campaign id {value!r}: 2-8 characters of letters, digits, - or _"
        )
    return value


def parse_list_id(value: str) -> int:
    if not LIST_ID.fullmatch(value) or int(value) > MAX_LIST_ID:
        raise CatalogError(f"invalid list id {value!r}: 2-19 digits")
    return int(value)


def _text(label: str, longest: int, *, shortest: int = 0) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        text = str(value).strip()
        if not shortest <= len(text) <= longest:
            raise CatalogError(f"{label} must be {shortest}-{longest} characters")
        return text

    return check


def _yes_no(value: Any) -> str:
    if isinstance(value, bool):
        return "Y" if value else "N"
    if value not in ("Y", "N"):
        raise CatalogError(f"expected Y or N, got {value!r}")
    return str(value)


def _call_time(value: Any) -> str:
    text = str(value)
    if not (CODE.fullmatch(text) and len(text) <= 10):
        raise CatalogError(
            f"invalid call time id {text!r}: 1-10 characters of letters, digits, - or _"
        )
    return text


def _expiration(value: Any) -> date:
    if isinstance(value, date):
        return value if not isinstance(value, datetime) else value.date()
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise CatalogError(f"invalid expiration date {value!r}: use YYYY-MM-DD") from None


def _dnc_setting(value: Any) -> str:
    text = str(value).upper()
    if text not in DNC_SETTINGS:
        raise CatalogError(f"invalid DNC setting {value!r}: one of {', '.join(DNC_SETTINGS)}")
    return text


def _dial_statuses(value: Any) -> str:
    """`NEW CALLBK` or `NEW,CALLBK` → VICIdial's ` NEW CALLBK -` (space-delimited, `-` ended)."""
    statuses = [s for s in re.split(r"[\s,]+", str(value)) if s and s != "-"]
    for status in statuses:
        if not (CODE.fullmatch(status) and len(status) <= 6):
            raise CatalogError(f"invalid status {status!r}: 1-6 letters, digits, - or _")
    if not statuses:
        raise CatalogError("dial statuses: give at least one status")
    stored = f" {' '.join(statuses)} -"
    if len(stored) > 255:
        raise CatalogError("dial statuses: too many (255 characters at most)")
    return stored


def _manual_dial_list_id(value: Any) -> int:
    if isinstance(value, int):
        value = str(value)
    return parse_list_id(str(value))


LIST_FIELDS: dict[str, Callable[[Any], Any]] = {
    "list_name": _text("list name", 30, shortest=1),
    "campaign_id": parse_campaign_id,
    "active": _yes_no,
    "list_description": _text("list description", 255),
    "local_call_time": _call_time,
    "expiration_date": _expiration,
}

CAMPAIGN_FIELDS: dict[str, Callable[[Any], Any]] = {
    "campaign_name": _text("campaign name", 40, shortest=1),
    "campaign_description": _text("campaign description", 255),
    "active": _yes_no,
    "local_call_time": _call_time,
    "manual_dial_list_id": _manual_dial_list_id,
    "use_internal_dnc": _dnc_setting,
    "use_campaign_dnc": _dnc_setting,
    "use_other_campaign_dnc": lambda v: "" if v in ("", None) else parse_campaign_id(str(v)),
    "dial_statuses": _dial_statuses,
}


def _validated(
    fields: Mapping[str, Callable[[Any], Any]], values: Mapping[str, Any]
) -> dict[str, Any]:
    cleaned: dict[str, Any] = {}
    for name, value in values.items():
        if name not in fields:
            raise CatalogError(f"unknown field {name!r}")
        if value is not None:
            cleaned[name] = fields[name](value)
    return cleaned


# --- campaigns ---------------------------------------------------------------------------


def find_campaign(conn: Connection, campaign_id: str) -> dict[str, Any] | None:
    """The campaign with exactly this id (case-sensitive on every database)."""
    for row in store.campaigns_named_like(conn, campaign_id):
        if row["campaign_id"] == campaign_id:
            return row
    return None


def require_campaign(conn: Connection, campaign_id: str) -> dict[str, Any]:
    parse_campaign_id(campaign_id)
    similar = store.campaigns_named_like(conn, campaign_id)
    for row in similar:
        if row["campaign_id"] == campaign_id:
            return row
    hint = f" (did you mean {similar[0]['campaign_id']}?)" if similar else ""
    raise CatalogError(f"campaign {campaign_id} does not exist{hint}")


def create_campaign(conn: Connection, campaign_id: str, values: Mapping[str, Any]) -> None:
    parse_campaign_id(campaign_id)
    existing = store.campaigns_named_like(conn, campaign_id)
    if existing:
        # MariaDB would refuse ids differing only in case; refuse them everywhere.
        raise CatalogError(f"campaign {existing[0]['campaign_id']} already exists")
    cleaned = _validated(CAMPAIGN_FIELDS, values)
    _check_other_campaign(conn, cleaned)
    row = {"campaign_id": campaign_id, "campaign_name": campaign_id, "active": "Y", **cleaned}
    store.insert_campaign(conn, row)


def update_campaign(conn: Connection, campaign_id: str, values: Mapping[str, Any]) -> None:
    require_campaign(conn, campaign_id)
    cleaned = _validated(CAMPAIGN_FIELDS, values)
    if not cleaned:
        raise CatalogError("nothing to change: give at least one option")
    _check_other_campaign(conn, cleaned)
    store.update_campaign(conn, campaign_id, cleaned)


def _check_other_campaign(conn: Connection, cleaned: Mapping[str, Any]) -> None:
    other = cleaned.get("use_other_campaign_dnc")
    if other:
        require_campaign(conn, other)


def campaign_with_lists(
    conn: Connection, campaign_id: str
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    campaign = require_campaign(conn, campaign_id)
    return campaign, store.lists_of_campaign(conn, campaign_id)


# --- lists -------------------------------------------------------------------------------


def get_list(conn: Connection, list_id: int) -> dict[str, Any]:
    row = store.find_list(conn, list_id)
    if row is None:
        raise CatalogError(f"list {list_id} does not exist")
    return row


def create_list(conn: Connection, list_id: int, values: Mapping[str, Any], now: datetime) -> None:
    cleaned = _validated(LIST_FIELDS, values)
    if "campaign_id" not in cleaned:
        raise CatalogError("a list needs a campaign (--campaign)")
    require_campaign(conn, cleaned["campaign_id"])
    if store.find_list(conn, list_id) is not None:
        raise CatalogError(f"list {list_id} already exists")
    row = {"list_id": list_id, "list_name": f"List {list_id}", "active": "Y",
           "list_changedate": now, **cleaned}  # fmt: skip
    store.insert_list(conn, row)


def update_list(conn: Connection, list_id: int, values: Mapping[str, Any], now: datetime) -> None:
    get_list(conn, list_id)
    cleaned = _validated(LIST_FIELDS, values)
    if not cleaned:
        raise CatalogError("nothing to change: give at least one option")
    if "campaign_id" in cleaned:
        require_campaign(conn, cleaned["campaign_id"])
    store.update_list(conn, list_id, {**cleaned, "list_changedate": now})

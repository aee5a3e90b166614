"""GMT offsets of leads (add_lead §8), area-code facts and NANPA prefix checks.

Public API — used by add_lead (and anything else that needs a lead's time zone):

* `lookup_gmt_offset(conn, phone_code=, phone_number=, state=, postal_code=, owner=,
  tz_method=, now=) -> GmtOffset` — the offset printed in the SUCCESS line (`.text`) and
  stored in vicidial_list.gmt_offset_now / vicidial_hopper.gmt_offset_now (`.value`).
* `area_code_exists(conn, phone_code, area_code) -> bool` — usacan_areacode_check
  (add_lead passes phone_code "1": VICIdial always checks country code 1).
* `state_for_area_code(conn, phone_code, area_code) -> str | None` — lookup_state;
  None = nothing known (leave the state as it is).
* `nanpa_rows(conn) -> int` — rows of vicidial_nanpa_prefix_codes counted up to
  `NANPA_MIN_ROWS` (10); fewer than that disables the NANPA options, and the count is what
  the NOTICE line prints. `nanpa_loaded(count) -> bool` says which.
* `nanpa_prefix_exists(conn, area_code, prefix) -> bool` — nanpa_ac_prefix_check.
* `format_php_number(value) -> str` — PHP's shortest number text (-4.0 → "-4", 10.5 → "10.5").
* `dst_in_effect(dst_range, local_standard) -> bool` — VICIdial's DST_range rules.
* `phone_codes_in_use(conn) -> bool` — whether vicidial_phone_codes has rows (cached).

Two sources:
* **VICIdial tables** — when vicidial_phone_codes has rows (leadgate on an existing VICIdial
  database) every lookup follows VICIdial: raw GMT_offset text, DST_range rules.
* **Built-in** — otherwise (standalone): phonenumbers/zipcodes/zoneinfo facts
  (`phone_code_facts`), so DST is the real one at `now` (Chicago -6 in winter, -5 in summer;
  Arizona always -7; Mexico no longer shifts). Built-in offsets print in PHP's shortest form
  (-6, 0, 5.5). An unknown US/Canada area code takes servers.local_gmt with the US rule;
  an unknown phone code gives an empty offset (stored 0.00).
  vicidial_postal_codes (tz_method=POSTAL) and vicidial_nanpa_prefix_codes (NANPA) rows are
  used when present in both modes; POSTAL falls back to the built-in ZIP table.

`now`: an aware datetime, or a naive server-local one (like `Call.now`); None = current time.
"""

from __future__ import annotations

import threading
import time
import weakref
from calendar import monthrange
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation

from sqlalchemy import Connection, Engine

from leadgate.domain import phone_code_facts as facts
from leadgate.storage import system
from leadgate.storage import timezone_data as data
from leadgate.storage.timezone_data import ZoneRow

NANPA_MIN_ROWS = 10
US_DST_RANGE = "SSM-FSN"
TABLE_CHECK_SECONDS = 60.0


@dataclass(frozen=True, slots=True)
class GmtOffset:
    """A lead's GMT offset: `text` for the answer line, `value` for gmt_offset_now."""

    text: str  # '' when unknown, '-6' / '-4' (shortest form) or raw table text like '-5.00'
    value: Decimal  # DECIMAL(4,2) column value; 0.00 when unknown

    @property
    def known(self) -> bool:
        return self.text != ""


# ----------------------------------------------------------------------------------------
# public API


def lookup_gmt_offset(
    conn: Connection,
    *,
    phone_code: str,
    phone_number: str,
    state: str = "",
    postal_code: str = "",
    owner: str = "",
    tz_method: str = "",
    now: datetime | None = None,
    us_prefix: str | None = None,
) -> GmtOffset:
    """The lead's current GMT offset (add_lead §8), DST included.

    Order (later matches override earlier ones, like VICIdial): tz_method containing POSTAL
    (postal_code longer than 4, phone_code 1), tz_method exactly TZCODE (owner = tz code,
    longer than 1), tz_method containing NANPA (first 3 / next 3 digits; the caller strips
    NANPA when the data is not loaded); when none matched, the phone code / area code.

    `us_prefix` defaults to digits 4-6 of the number. VICIdial quirk: with
    usacan_prefix_check=Y add_lead has cut it to the 4th digit alone, which silently
    disables the NANPA method — pass `phone_number[3:4]` then to behave the same.
    """
    moment = facts.utc(now)
    tables = phone_codes_in_use(conn)
    area_code = phone_number[:3]
    prefix = phone_number[3:6] if us_prefix is None else us_prefix
    method = tz_method.upper()
    found: ZoneRow | str | None = None  # a table row, or an IANA zone of the built-in source

    if "POSTAL" in method and len(postal_code) > 4 and phone_code == "1":
        found = data.postal_code_row(conn, postal_code) or (
            None if tables else facts.zip_zone(postal_code)
        )
    if tz_method == "TZCODE" and len(owner) > 1:
        found = (
            data.phone_code_by_tz_code(conn, owner, phone_code)
            if tables
            else _builtin_tz_code(phone_code, owner)
        )
    if "NANPA" in method and len(area_code) > 2 and len(prefix) > 2:
        nanpa = data.nanpa_row(conn, area_code, prefix)
        if nanpa is not None:
            found = ZoneRow(nanpa.gmt_offset, nanpa.dst, US_DST_RANGE if nanpa.dst == "Y" else "")
    if found is None:
        if tables:
            found = _table_country_row(conn, phone_code, area_code, state)
        else:
            found = _builtin_country_zone(phone_code, phone_number, state)
            if found is None and phone_code == "1":
                return _server_fallback(conn, moment)
    if found is None:
        return GmtOffset(text="", value=Decimal("0.00"))
    if isinstance(found, str):
        return _zone_offset(found, moment)
    return _row_offset(found, moment)


def area_code_exists(conn: Connection, phone_code: str, area_code: str) -> bool:
    """Whether `area_code` is a known area code of `phone_code` (usacan_areacode_check)."""
    if phone_codes_in_use(conn):
        return data.phone_code_by_area(conn, phone_code, area_code) is not None
    if phone_code == "1":
        return facts.nanp_area(area_code) is not None
    return False


def state_for_area_code(conn: Connection, phone_code: str, area_code: str) -> str | None:
    """State of an area code (lookup_state); None when the area code is unknown."""
    if phone_codes_in_use(conn):
        row = data.phone_code_by_area(conn, phone_code, area_code)
        return None if row is None else row.state
    if phone_code == "1":
        area = facts.nanp_area(area_code)
        return area.state if area is not None and area.state else None
    return None


def nanpa_rows(conn: Connection) -> int:
    """Rows of vicidial_nanpa_prefix_codes, counted up to NANPA_MIN_ROWS (the NOTICE count)."""
    return data.nanpa_rows_upto(conn, NANPA_MIN_ROWS)


def nanpa_loaded(count: int) -> bool:
    """Whether `nanpa_rows` found enough rows for the NANPA options to stay enabled."""
    return count >= NANPA_MIN_ROWS


def nanpa_prefix_exists(conn: Connection, area_code: str, prefix: str) -> bool:
    """Whether (area code, prefix) is in vicidial_nanpa_prefix_codes (nanpa_ac_prefix_check)."""
    return data.nanpa_row(conn, area_code, prefix) is not None


def format_php_number(value: float | Decimal) -> str:
    """How PHP prints a number: no trailing '.0' (-4.0 → '-4'), else shortest ('10.5')."""
    number = float(value)
    if number == int(number):
        return str(int(number))
    return repr(number)


def dst_in_effect(dst_range: str, local_standard: datetime) -> bool:
    """Whether VICIdial's DST_range rule puts this local *standard* time in summer time."""
    rule = _DST_RULES.get(dst_range)
    if rule is None:
        return False
    (start_month, start_week), (end_month, end_week), hour = rule
    year = local_standard.year
    start = _sunday(year, start_month, start_week).replace(hour=hour)
    end = _sunday(year, end_month, end_week).replace(hour=hour)
    moment = local_standard.replace(tzinfo=None)
    if start < end:  # northern hemisphere: summer inside the year
        return start <= moment < end
    return moment >= start or moment < end  # southern: summer spans the new year


def phone_codes_in_use(conn: Connection) -> bool:
    """Whether vicidial_phone_codes has rows; checked at most once a minute per database."""
    engine = conn.engine
    now = time.monotonic()
    with _tables_lock:
        cached = _tables_seen.get(engine)
    if cached is not None and now - cached[1] < TABLE_CHECK_SECONDS:
        return cached[0]
    in_use = data.phone_codes_has_rows(conn)
    with _tables_lock:
        _tables_seen[engine] = (in_use, now)
    return in_use


def forget_cached_state() -> None:
    """Drop the cached 'vicidial_phone_codes has rows' answers (after loading phone codes)."""
    with _tables_lock:
        _tables_seen.clear()


# ----------------------------------------------------------------------------------------
# internals

_tables_lock = threading.Lock()
_tables_seen: weakref.WeakKeyDictionary[Engine, tuple[bool, float]] = weakref.WeakKeyDictionary()

# DST_range → ((start month, nth Sunday), (end month, nth Sunday), hour); -1 = last Sunday.
_DST_RULES: dict[str, tuple[tuple[int, int], tuple[int, int], int]] = {
    "SSM-FSN": ((3, 2), (11, 1), 2),
    "FSA-LSO": ((4, 1), (10, -1), 2),
    "LSM-LSO": ((3, -1), (10, -1), 1),
    "LSO-LSM": ((10, -1), (3, -1), 1),
    "FSO-LSM": ((10, 1), (3, -1), 1),
    "FSO-FSA": ((10, 1), (4, 1), 1),
    "FSO-TSM": ((10, 1), (3, 3), 1),
    "LSS-FSA": ((9, -1), (4, 1), 1),
    "TSO-LSF": ((10, 3), (2, -1), 1),
}


def _sunday(year: int, month: int, nth: int) -> datetime:
    """The nth Sunday of a month (nth=-1: the last one), at midnight."""
    if nth > 0:
        first = datetime(year, month, 1)
        first_sunday = first + timedelta(days=(6 - first.weekday()) % 7)
        return first_sunday + timedelta(weeks=nth - 1)
    last = datetime(year, month, monthrange(year, month)[1])
    return last - timedelta(days=(last.weekday() + 1) % 7)


def _to_decimal(text: str | float) -> Decimal:
    """The DECIMAL(4,2) value MySQL would store for this text (garbage → 0.00)."""
    try:
        value = Decimal(str(text).strip() or "0")
    except InvalidOperation:
        return Decimal("0.00")
    if not value.is_finite():
        return Decimal("0.00")
    value = max(min(value, Decimal("99.99")), Decimal("-99.99"))
    return value.quantize(Decimal("0.01"))


def _to_hours(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        return 0.0


def _row_offset(row: ZoneRow, moment: datetime) -> GmtOffset:
    """A table row: raw text, or the shortest form of text+1 when DST is in effect."""
    raw = row.gmt_offset.replace("+", "")
    hours = _to_hours(raw)
    local_standard = (moment + timedelta(hours=hours)).replace(tzinfo=None)
    if dst_in_effect(row.dst_range, local_standard):
        text = format_php_number(hours + 1)
        return GmtOffset(text=text, value=_to_decimal(text))
    return GmtOffset(text=raw, value=_to_decimal(raw))


def _zone_offset(zone: str, moment: datetime) -> GmtOffset:
    offset = facts.zone_offset(zone, moment)
    if offset is None:
        return GmtOffset(text="", value=Decimal("0.00"))
    text = format_php_number(offset.current)
    return GmtOffset(text=text, value=_to_decimal(text))


def _table_country_row(
    conn: Connection, phone_code: str, area_code: str, state: str
) -> ZoneRow | None:
    row = None
    if phone_code in ("1", "52"):
        row = data.phone_code_by_area(conn, phone_code, area_code)
    elif phone_code == "61":
        row = data.phone_code_by_state(conn, phone_code, state)
    return row or data.phone_code_first(conn, phone_code)


def _builtin_country_zone(phone_code: str, phone_number: str, state: str) -> str | None:
    if phone_code == "1":
        area = facts.nanp_area(phone_number[:3])
        return None if area is None else area.zone
    # a short slice keeps the lru cache of country_zone small and effective
    return facts.country_zone(phone_code, phone_number[:7], state)


def _builtin_tz_code(phone_code: str, owner: str) -> str | None:
    if phone_code != "1":
        return None
    return facts.TZ_CODE_ZONES.get(owner.upper())


def _server_fallback(conn: Connection, moment: datetime) -> GmtOffset:
    """Unknown US/Canada area code: the server's standard offset with the US DST rule."""
    local_gmt = system.server_local_gmt(conn)
    if not local_gmt:
        return GmtOffset(text="", value=Decimal("0.00"))
    offset = _row_offset(ZoneRow(local_gmt, "Y", US_DST_RANGE), moment)
    text = format_php_number(_to_hours(offset.text))  # built-in answers print shortest
    return GmtOffset(text=text, value=_to_decimal(text))

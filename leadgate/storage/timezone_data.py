"""Time-zone reference tables and call times: every query `timezones`/`call_times` need.

Tables: vicidial_phone_codes, vicidial_postal_codes, vicidial_nanpa_prefix_codes,
vicidial_call_times, vicidial_state_call_times (servers.local_gmt is read through
`storage.system.server_local_gmt`).

Public API (all statements are built once at import; every value is a bound parameter):

* `phone_codes_has_rows(conn) -> bool`
* `phone_code_by_area(conn, country_code, areacode) -> ZoneRow | None`
* `phone_code_by_state(conn, country_code, state) -> ZoneRow | None`
* `phone_code_first(conn, country_code) -> ZoneRow | None`
* `phone_code_by_tz_code(conn, tz_code, country_code) -> ZoneRow | None`
  (GMT_offset of the first row, DST_range = the largest among the matching rows)
* `postal_code_row(conn, postal_code) -> ZoneRow | None` (country code 1, prefix match)
* `nanpa_rows_upto(conn, limit) -> int`
* `nanpa_row(conn, areacode, prefix) -> ZoneRow | None`
* `call_time_row(conn, call_time_id) -> Mapping | None`
* `state_call_time_row(conn, ids, state) -> Mapping | None`

`country_code` is a SMALLINT column: callers pass the phone code as text; values that are
not digits or cannot fit the column find nothing without a query (PostgreSQL is strict).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, bindparam, func, select

from leadgate.storage.tables import (
    vicidial_call_times,
    vicidial_nanpa_prefix_codes,
    vicidial_phone_codes,
    vicidial_postal_codes,
    vicidial_state_call_times,
)

_SMALLINT_MAX = 32767


@dataclass(frozen=True, slots=True)
class ZoneRow:
    """GMT facts of one reference row, as stored (GMT_offset is raw text like '-5.00')."""

    gmt_offset: str
    dst: str
    dst_range: str
    state: str = ""


_pc = vicidial_phone_codes.c
_pc_columns = (_pc.GMT_offset, _pc.DST, _pc.DST_range, _pc.state)

_phone_codes_any = select(_pc.country_code).limit(1)
_by_area = (
    select(*_pc_columns)
    .where(_pc.country_code == bindparam("cc"), _pc.areacode == bindparam("ac"))
    .limit(1)
)
_by_state = (
    select(*_pc_columns)
    .where(_pc.country_code == bindparam("cc"), _pc.state == bindparam("st"))
    .limit(1)
)
_first = select(*_pc_columns).where(_pc.country_code == bindparam("cc")).limit(1)
_tz_code_offset = (
    select(_pc.GMT_offset)
    .where(_pc.tz_code == bindparam("tz"), _pc.country_code == bindparam("cc"))
    .limit(1)
)
_tz_code_range = select(func.max(_pc.DST_range)).where(
    _pc.tz_code == bindparam("tz"), _pc.country_code == bindparam("cc")
)

_zip = vicidial_postal_codes.c
_postal = (
    select(_zip.GMT_offset, _zip.DST, _zip.DST_range, _zip.state)
    .where(_zip.country_code == 1, _zip.postal_code.like(bindparam("pattern"), escape="/"))
    .limit(1)
)

_np = vicidial_nanpa_prefix_codes.c
_nanpa_upto = select(func.count()).select_from(
    select(_np.areacode).limit(bindparam("limit")).subquery()
)
_nanpa = (
    select(_np.GMT_offset, _np.DST, _np.state)
    .where(_np.areacode == bindparam("ac"), _np.prefix == bindparam("prefix"))
    .limit(1)
)

_ct = vicidial_call_times.c
_call_time = select(
    _ct.ct_default_start,
    _ct.ct_default_stop,
    *(getattr(_ct, f"ct_{day}_{edge}") for day in (
        "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"
    ) for edge in ("start", "stop")),
    _ct.ct_state_call_times,
).where(_ct.call_time_id == bindparam("id"))  # fmt: skip

_sct = vicidial_state_call_times.c
_state_call_time = (
    select(
        _sct.sct_default_start,
        _sct.sct_default_stop,
        *(getattr(_sct, f"sct_{day}_{edge}") for day in (
            "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"
        ) for edge in ("start", "stop")),
    )
    .where(
        _sct.state_call_time_id.in_(bindparam("ids", expanding=True)),
        _sct.state_call_time_state == bindparam("state"),
    )
    .limit(1)
)  # fmt: skip


def _country_code(phone_code: str) -> int | None:
    if not phone_code.isdigit():
        return None
    value = int(phone_code)
    return value if value <= _SMALLINT_MAX else None


def _zone_row(row: Any) -> ZoneRow | None:
    if row is None:
        return None
    return ZoneRow(
        gmt_offset=str(row[0] if row[0] is not None else ""),
        dst=str(row[1] or ""),
        dst_range=str(row[2] or ""),
        state=str(row[3] or "") if len(row) > 3 else "",
    )


def phone_codes_has_rows(conn: Connection) -> bool:
    """True when vicidial_phone_codes holds any row (running on a VICIdial database)."""
    return conn.execute(_phone_codes_any).first() is not None


def phone_code_by_area(conn: Connection, country_code: str, areacode: str) -> ZoneRow | None:
    cc = _country_code(country_code)
    if cc is None:
        return None
    return _zone_row(conn.execute(_by_area, {"cc": cc, "ac": areacode}).first())


def phone_code_by_state(conn: Connection, country_code: str, state: str) -> ZoneRow | None:
    cc = _country_code(country_code)
    if cc is None:
        return None
    return _zone_row(conn.execute(_by_state, {"cc": cc, "st": state}).first())


def phone_code_first(conn: Connection, country_code: str) -> ZoneRow | None:
    cc = _country_code(country_code)
    if cc is None:
        return None
    return _zone_row(conn.execute(_first, {"cc": cc}).first())


def phone_code_by_tz_code(conn: Connection, tz_code: str, country_code: str) -> ZoneRow | None:
    """GMT_offset of the first row with this tz_code; DST_range = the largest of its rows."""
    cc = _country_code(country_code)
    if cc is None:
        return None
    params = {"tz": tz_code, "cc": cc}
    offset = conn.execute(_tz_code_offset, params).scalar()
    if offset is None:
        return None
    dst_range = str(conn.execute(_tz_code_range, params).scalar() or "")
    return ZoneRow(gmt_offset=str(offset), dst="Y" if len(dst_range) > 2 else "N",
                   dst_range=dst_range)  # fmt: skip


def postal_code_row(conn: Connection, postal_code: str) -> ZoneRow | None:
    """First country-code-1 postal row whose code starts with `postal_code`."""
    escaped = postal_code.replace("/", "//").replace("%", "/%").replace("_", "/_")
    return _zone_row(conn.execute(_postal, {"pattern": escaped + "%"}).first())


def nanpa_rows_upto(conn: Connection, limit: int) -> int:
    """Rows in vicidial_nanpa_prefix_codes, counted no further than `limit` (cheap)."""
    return int(conn.execute(_nanpa_upto, {"limit": limit}).scalar_one())


def nanpa_row(conn: Connection, areacode: str, prefix: str) -> ZoneRow | None:
    row = conn.execute(_nanpa, {"ac": areacode, "prefix": prefix}).first()
    if row is None:
        return None
    return ZoneRow(gmt_offset=str(row[0] if row[0] is not None else ""), dst=str(row[1] or ""),
                   dst_range="", state=str(row[2] or ""))  # fmt: skip


def call_time_row(conn: Connection, call_time_id: str) -> Mapping[str, Any] | None:
    """ct_default_start/stop, ct_<day>_start/stop and ct_state_call_times of one call time."""
    row = conn.execute(_call_time, {"id": call_time_id}).mappings().first()
    return dict(row) if row is not None else None


def state_call_time_row(
    conn: Connection, ids: Sequence[str], state: str
) -> Mapping[str, Any] | None:
    """sct_* start/stop values of the first of `ids` that is a rule for `state`."""
    if not ids:
        return None
    row = conn.execute(_state_call_time, {"ids": list(ids), "state": state}).mappings().first()
    return dict(row) if row is not None else None

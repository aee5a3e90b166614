"""Built-in time-zone facts: phone codes, NANP area codes and US ZIP codes → IANA zones.

leadgate brings its own source so a standalone deployment (empty `vicidial_phone_codes`)
still finds every lead's GMT offset. The facts come from `phonenumbers` (time-zone and
geocoder prefix tables), `zipcodes` and the stdlib `zoneinfo`, so daylight-saving time is
always the real one for the given moment (Arizona and Hawaii never shift, Mexico stopped
in 2022, the EU and the USA switch on their own dates).

Public API (no SQL, no I/O except reading the libraries' data once):

* `nanp_area(area_code) -> AreaFacts | None` — zone and 2-letter state/province of a
  country-code-1 area code (one answer per area code, like VICIdial's table).
* `country_zone(phone_code, phone_number, state) -> str | None` — zone for any other
  phone code (longest number prefix; Australia by state first, like VICIdial).
* `zip_zone(postal_code) -> str | None` — zone of a 5-digit US ZIP code.
* `TZ_CODE_ZONES` — the US tz codes (EST/CST/MST/PST) that `tz_method=TZCODE` accepts.
* `zone_offset(zone, moment) -> ZoneOffset | None` — standard and current UTC offset.

Every table is built once, on first use, and kept for the life of the process.
"""

from __future__ import annotations

import re
import threading
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


@dataclass(frozen=True, slots=True)
class AreaFacts:
    """What leadgate knows about one NANP area code (country code 1)."""

    area_code: str
    zone: str  # IANA zone name, e.g. "America/Chicago"
    state: str  # 2-letter state/province ("IL", "ON"), '' when unknown (e.g. Caribbean)


@dataclass(frozen=True, slots=True)
class ZoneOffset:
    """A zone's UTC offset at one moment, in hours."""

    standard: float  # offset without daylight saving, e.g. -6.0 for Chicago
    current: float  # offset in force at the moment, e.g. -5.0 for Chicago in July

    @property
    def dst(self) -> bool:
        return self.current != self.standard


# tz_method=TZCODE: VICIdial's US rows carry these codes (offsets -5/-6/-7/-8 with the
# US daylight-saving rule, which is the "largest DST_range" VICIdial picks for them).
TZ_CODE_ZONES: Mapping[str, str] = {
    "EST": "America/New_York",
    "CST": "America/Chicago",
    "MST": "America/Denver",
    "PST": "America/Los_Angeles",
}

# Australia: VICIdial looks phone code 61 up by the lead's state.
AUSTRALIAN_STATE_ZONES: Mapping[str, str] = {
    "ACT": "Australia/Sydney",
    "NSW": "Australia/Sydney",
    "NT": "Australia/Darwin",
    "QLD": "Australia/Brisbane",
    "SA": "Australia/Adelaide",
    "TAS": "Australia/Hobart",
    "VIC": "Australia/Melbourne",
    "WA": "Australia/Perth",
}

_STATE_NAMES: Mapping[str, str] = {
    "Alabama": "AL", "Alaska": "AK", "Arizona": "AZ", "Arkansas": "AR", "California": "CA",
    "Colorado": "CO", "Connecticut": "CT", "Delaware": "DE", "Florida": "FL", "Georgia": "GA",
    "Hawaii": "HI", "Idaho": "ID", "Illinois": "IL", "Indiana": "IN", "Iowa": "IA",
    "Kansas": "KS", "Kentucky": "KY", "Louisiana": "LA", "Maine": "ME", "Maryland": "MD",
    "Massachusetts": "MA", "Michigan": "MI", "Minnesota": "MN", "Mississippi": "MS",
    "Missouri": "MO", "Montana": "MT", "Nebraska": "NE", "Nevada": "NV",
    "New Hampshire": "NH", "New Jersey": "NJ", "New Mexico": "NM", "New York": "NY",
    "North Carolina": "NC", "North Dakota": "ND", "Ohio": "OH", "Oklahoma": "OK",
    "Oregon": "OR", "Pennsylvania": "PA", "Rhode Island": "RI", "South Carolina": "SC",
    "South Dakota": "SD", "Tennessee": "TN", "Texas": "TX", "Utah": "UT", "Vermont": "VT",
    "Virginia": "VA", "Washington": "WA", "Washington D.C.": "DC",
    "Washington, D.C.": "DC", "District of Columbia": "DC", "West Virginia": "WV",
    "Wisconsin": "WI", "Wyoming": "WY", "Puerto Rico": "PR", "Guam": "GU",
    "US Virgin Islands": "VI", "American Samoa": "AS", "Northern Mariana Islands": "MP",
    "Alberta": "AB", "British Columbia": "BC", "Manitoba": "MB", "New Brunswick": "NB",
    "Newfoundland and Labrador": "NL", "Newfoundland": "NL", "Nova Scotia": "NS",
    "Northwest Territories": "NT", "Nunavut": "NU", "Ontario": "ON",
    "Prince Edward Island": "PE", "Quebec": "QC", "Saskatchewan": "SK", "Yukon": "YT",
}  # fmt: skip

# Area codes whose numbers span several zones: the zone of most of their subscribers
# (the prefix tables would otherwise elect a border zone, e.g. Adak for all of Alaska).
_AREA_ZONE_OVERRIDES: Mapping[str, str] = {
    "208": "America/Boise",
    "423": "America/New_York",
    "605": "America/Chicago",
    "701": "America/Chicago",
    "709": "America/St_Johns",
    "867": "America/Edmonton",
    "879": "America/St_Johns",
    "907": "America/Anchorage",
}

# US territories inside NANP that the geocoder names only as a country.
_AREA_STATE_OVERRIDES: Mapping[str, str] = {
    "670": "MP",
    "671": "GU",
    "684": "AS",
    "787": "PR",
    "939": "PR",
}

_CITY_STATE = re.compile(r",\s*([A-Z]{2})$")
_DIGITS = 9  # phonenumbers' prefix tables are at most this long (country code included)

T = TypeVar("T")


def _built_once(build: Callable[[], T]) -> Callable[[], T]:
    """Build a table on first use, once per process, safely under threads."""
    lock = threading.Lock()
    holder: list[T] = []

    def get() -> T:
        if not holder:
            with lock:
                if not holder:
                    holder.append(build())
        return holder[0]

    return get


def _zone_tables() -> dict[str, tuple[str, ...]]:
    from phonenumbers.tzdata import TIMEZONE_DATA

    return dict(TIMEZONE_DATA)


def _prefix_index(data: Mapping[str, object]) -> dict[str, list[str]]:
    """Every key of a phonenumbers prefix table under its 4-char (NANP) head."""
    index: dict[str, list[str]] = defaultdict(list)
    for key in data:
        if key.startswith("1") and len(key) >= 4:
            index[key[:4]].append(key)
    return index


def _main_zone(keys: list[str], zones_of: Mapping[str, tuple[str, ...]]) -> str | None:
    """The zone covering most numbers under these prefixes (shorter prefix = more numbers)."""
    votes: Counter[str] = Counter()
    for key in keys:
        zones = [z for z in zones_of[key] if _known_zone(z)]
        for zone in zones:
            votes[zone] += 10 ** max(_DIGITS + 3 - len(key), 0) / len(zones)
    if not votes:
        return None
    return min(votes, key=lambda zone: (-votes[zone], zone))


def _state_of(description: str) -> str:
    if description in _STATE_NAMES:
        return _STATE_NAMES[description]
    match = _CITY_STATE.search(description)
    return match.group(1) if match else ""


def _main_state(keys: list[str], names: Mapping[str, Mapping[str, str]]) -> str:
    votes: Counter[str] = Counter()
    for key in keys:
        state = _state_of(names[key].get("en", ""))
        if state:
            votes[state] += 10 ** max(_DIGITS + 3 - len(key), 0)
    if not votes:
        return ""
    return min(votes, key=lambda state: (-votes[state], state))


def _build_nanp() -> dict[str, AreaFacts]:
    from phonenumbers.geodata import GEOCODE_DATA

    zones_of = _zone_tables()
    zone_keys = _prefix_index(zones_of)
    name_keys = _prefix_index(GEOCODE_DATA)
    areas: dict[str, AreaFacts] = {}
    for head, keys in zone_keys.items():
        area_code = head[1:]
        if not area_code.isdigit():
            continue
        zone = _AREA_ZONE_OVERRIDES.get(area_code) or _main_zone(keys, zones_of)
        if zone is None:
            continue
        state = _AREA_STATE_OVERRIDES.get(area_code) or _main_state(
            name_keys.get(head, []), GEOCODE_DATA
        )
        areas[area_code] = AreaFacts(area_code=area_code, zone=zone, state=state)
    return areas


def _build_zips() -> dict[str, str]:
    import zipcodes

    return {
        entry["zip_code"]: entry["timezone"]
        for entry in zipcodes.list_all()  # type: ignore[no-untyped-call]
        if entry.get("timezone") and _known_zone(entry["timezone"])
    }


_nanp = _built_once(_build_nanp)
_zips = _built_once(_build_zips)


@lru_cache(maxsize=1024)
def _known_zone(zone: str) -> bool:
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def nanp_area(area_code: str) -> AreaFacts | None:
    """Facts of a country-code-1 area code ("312" → America/Chicago, IL); None if unknown."""
    return _nanp().get(area_code)


@lru_cache(maxsize=4096)
def country_zone(phone_code: str, phone_number: str, state: str = "") -> str | None:
    """Zone of a lead outside country code 1; None when the phone code is unknown.

    Australia (61) is looked up by the lead's state first, as VICIdial does. Otherwise the
    longest known prefix of phone_code+phone_number decides; when that prefix spans
    several zones the one covering most numbers of the country wins.
    Callers pass at most the first few digits of the number (cache key).
    """
    if not phone_code.isdigit():
        return None
    if phone_code == "61" and state.upper() in AUSTRALIAN_STATE_ZONES:
        return AUSTRALIAN_STATE_ZONES[state.upper()]
    zones_of = _zone_tables()
    if phone_code not in zones_of:
        return None
    digits = phone_code + "".join(ch for ch in phone_number if ch.isdigit())
    for length in range(min(len(digits), _DIGITS), len(phone_code) - 1, -1):
        zones = [zone for zone in zones_of.get(digits[:length], ()) if _known_zone(zone)]
        if zones:
            # several zones share the prefix: the one with most numbers in the country
            weights = _country_zone_weights(phone_code)
            return min(zones, key=lambda zone: (-weights.get(zone, 0.0), zone))
    return None


@lru_cache(maxsize=512)
def _country_zone_weights(phone_code: str) -> dict[str, float]:
    zones_of = _zone_tables()
    votes: Counter[str] = Counter()
    for key in zones_of:
        if key.startswith(phone_code):
            zones = zones_of[key]
            for zone in zones:
                votes[zone] += 10 ** max(_DIGITS + 3 - len(key), 0) / len(zones)
    return dict(votes)


def zip_zone(postal_code: str) -> str | None:
    """Zone of a US ZIP code; only a 5-digit code matches (VICIdial: LIKE '<code>%')."""
    if len(postal_code) != 5 or not postal_code.isdigit():
        return None
    return _zips().get(postal_code)


def zone_offset(zone: str, moment: datetime) -> ZoneOffset | None:
    """Standard and current offset (hours) of an IANA zone at an aware moment."""
    if not _known_zone(zone):
        return None
    local = moment.astimezone(ZoneInfo(zone))
    current = local.utcoffset() or timedelta(0)
    dst = local.dst() or timedelta(0)
    return ZoneOffset(
        standard=(current - dst).total_seconds() / 3600,
        current=current.total_seconds() / 3600,
    )


def warm_up() -> None:
    """Build the phone-code tables now (e.g. at server start) instead of on first request."""
    _nanp()
    country_zone("44", "20")


def utc(moment: datetime | None) -> datetime:
    """An aware UTC moment; naive datetimes are server-local (like `Call.now`)."""
    if moment is None:
        return datetime.now(UTC)
    return moment.astimezone(UTC)

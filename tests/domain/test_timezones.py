"""GMT offsets (add_lead §8): built-in source, VICIdial tables, POSTAL/TZCODE/NANPA."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import insert, update

from leadgate.domain import phone_code_facts, timezones
from leadgate.storage.database import Database
from leadgate.storage.tables import (
    servers,
    vicidial_nanpa_prefix_codes,
    vicidial_phone_codes,
    vicidial_postal_codes,
)

WINTER = datetime(2026, 11, 20, 18, 0, tzinfo=UTC)  # like the recordings: no DST anywhere north
SUMMER = datetime(2026, 7, 15, 18, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    timezones.forget_cached_state()
    yield
    timezones.forget_cached_state()


def lookup(db: Database, phone_number: str, now: datetime = WINTER, **kw: Any) -> tuple[str, str]:
    params: dict[str, Any] = {"phone_code": "1", **kw}
    with db.transaction() as conn:
        found = timezones.lookup_gmt_offset(conn, phone_number=phone_number, now=now, **params)
    return found.text, str(found.value)


def insert_rows(db: Database, table: Any, *rows: dict[str, Any]) -> None:
    with db.transaction() as conn:
        for row in rows:  # one by one: rows may set different columns
            conn.execute(insert(table).values(**row))
    timezones.forget_cached_state()


# --- built-in source (empty vicidial_phone_codes) -----------------------------------------


@pytest.mark.parametrize(
    ("phone_code", "phone", "winter", "summer"),
    [
        ("1", "3125550123", ("-6", "-6.00"), ("-5", "-5.00")),  # Chicago
        ("1", "6025550123", ("-7", "-7.00"), ("-7", "-7.00")),  # Arizona: no DST
        ("1", "8085550123", ("-10", "-10.00"), ("-10", "-10.00")),  # Hawaii
        ("1", "4165557000", ("-5", "-5.00"), ("-4", "-4.00")),  # Toronto
        ("1", "4155550199", ("-8", "-8.00"), ("-7", "-7.00")),  # San Francisco
        ("44", "2071234567", ("0", "0.00"), ("1", "1.00")),  # London
        ("52", "2221234567", ("-6", "-6.00"), ("-6", "-6.00")),  # Puebla: no DST since 2022
        ("91", "9812345678", ("5.5", "5.50"), ("5.5", "5.50")),  # India: half hour
    ],
)
def test_builtin_offsets_follow_real_dst(
    db: Database,
    phone_code: str,
    phone: str,
    winter: tuple[str, str],
    summer: tuple[str, str],
) -> None:
    assert lookup(db, phone, WINTER, phone_code=phone_code) == winter
    assert lookup(db, phone, SUMMER, phone_code=phone_code) == summer


@pytest.mark.parametrize("phone_code", ["999", "12345", "99999"])
def test_unknown_phone_code_gives_empty_offset_stored_as_zero(
    db: Database, phone_code: str
) -> None:
    assert lookup(db, "4567123456", phone_code=phone_code) == ("", "0.00")


def test_unknown_us_area_code_uses_server_gmt_with_us_dst(db: Database) -> None:
    assert lookup(db, "9995551234", WINTER) == ("-5", "-5.00")
    assert lookup(db, "555123", WINTER) == ("-5", "-5.00")
    assert lookup(db, "9995551234", SUMMER) == ("-4", "-4.00")


def test_unknown_us_area_code_follows_the_server_row(db: Database) -> None:
    with db.transaction() as conn:
        conn.execute(update(servers).values(local_gmt="-8.00"))
    assert lookup(db, "9995551234", WINTER) == ("-8", "-8.00")


def test_naive_now_is_server_local_time(db: Database) -> None:
    # the test process runs with the machine's zone; an aware and the equivalent naive
    # local moment give the same answer
    naive_local = SUMMER.astimezone().replace(tzinfo=None)
    assert lookup(db, "3125550123", naive_local) == lookup(db, "3125550123", SUMMER)


# --- tz_method ------------------------------------------------------------------------------


POSTAL_ROWS = [
    {"postal_code": "90210", "state": "CA", "GMT_offset": "-8", "DST": "Y",
     "DST_range": "SSM-FSN", "country": "USA", "country_code": 1},
    {"postal_code": "85001", "state": "AZ", "GMT_offset": "-7", "DST": "N",
     "DST_range": "", "country": "USA", "country_code": 1},
]  # fmt: skip


def test_postal_row_overrides_area_code(db: Database) -> None:
    insert_rows(db, vicidial_postal_codes, *POSTAL_ROWS)
    assert lookup(db, "3125570070", tz_method="POSTAL", postal_code="90210") == ("-8", "-8.00")
    assert lookup(db, "3125570070", SUMMER, tz_method="POSTAL", postal_code="90210") == (
        "-7",
        "-7.00",
    )
    assert lookup(db, "3125570071", SUMMER, tz_method="POSTAL", postal_code="85001") == (
        "-7",
        "-7.00",
    )


def test_postal_needs_five_chars_country_1_and_prefix_match(db: Database) -> None:
    insert_rows(db, vicidial_postal_codes, *POSTAL_ROWS)
    assert lookup(db, "3125570073", tz_method="POSTAL", postal_code="9021")[0] == "-6"
    assert lookup(db, "3125570074", tz_method="POSTAL", postal_code="90210-1234")[0] == "-6"
    assert lookup(db, "3125570074", tz_method="WHATEVER", postal_code="90210")[0] == "-6"
    assert (
        lookup(db, "2071234567", phone_code="44", tz_method="POSTAL", postal_code="90210")[0] == "0"
    )


def test_postal_without_row_uses_builtin_zip_table(db: Database) -> None:
    # 10001 = New York City; no vicidial_postal_codes row
    assert lookup(db, "3125570072", tz_method="POSTAL", postal_code="10001") == ("-5", "-5.00")
    # not a real ZIP code: back to the area code
    assert lookup(db, "3125570072", tz_method="POSTAL", postal_code="99999") == ("-6", "-6.00")


def test_tzcode_builtin(db: Database) -> None:
    assert lookup(db, "3125570075", tz_method="TZCODE", owner="PST") == ("-8", "-8.00")
    assert lookup(db, "3125570075", SUMMER, tz_method="TZCODE", owner="EST") == ("-4", "-4.00")
    assert lookup(db, "3125570076", tz_method="TZCODE", owner="XYZ") == ("-6", "-6.00")
    assert lookup(db, "3125570077", tz_method="TZCODE", owner="P") == ("-6", "-6.00")
    # the method must be exactly TZCODE
    assert lookup(db, "3125570077", tz_method="TZCODEX", owner="PST") == ("-6", "-6.00")


NANPA_ROWS = [
    {"areacode": "312", "prefix": "555", "GMT_offset": "-6", "DST": "Y", "state": "IL"},
    {"areacode": "602", "prefix": "555", "GMT_offset": "-7", "DST": "N", "state": "AZ"},
    {"areacode": "212", "prefix": "555", "GMT_offset": "-8", "DST": "Y", "state": "NY"},
]


def test_nanpa_rows_override_the_area_code(db: Database) -> None:
    insert_rows(db, vicidial_nanpa_prefix_codes, *NANPA_ROWS)
    assert lookup(db, "6025551234", tz_method="NANPA") == ("-7", "-7.00")
    assert lookup(db, "6025551234", SUMMER, tz_method="NANPA") == ("-7", "-7.00")
    # deliberately odd row: the table wins over the area code and gets the US DST rule
    assert lookup(db, "2125551234", tz_method="NANPA") == ("-8", "-8.00")
    assert lookup(db, "2125551234", SUMMER, tz_method="NANPA") == ("-7", "-7.00")
    # no row for this prefix: area code
    assert lookup(db, "3125621234", tz_method="NANPA") == ("-6", "-6.00")
    # usacan_prefix_check quirk: a one-digit prefix skips the NANPA method
    assert lookup(db, "2125551234", tz_method="NANPA", us_prefix="5") == ("-5", "-5.00")


def test_nanpa_counts_and_prefix_checks(db: Database) -> None:
    with db.transaction() as conn:
        assert timezones.nanpa_rows(conn) == 0
    insert_rows(db, vicidial_nanpa_prefix_codes, *NANPA_ROWS)
    with db.transaction() as conn:
        assert timezones.nanpa_rows(conn) == 3
        assert not timezones.nanpa_loaded(3)
        assert timezones.nanpa_prefix_exists(conn, "312", "555")
        assert not timezones.nanpa_prefix_exists(conn, "312", "540")
    insert_rows(
        db,
        vicidial_nanpa_prefix_codes,
        *({"areacode": "312", "prefix": str(600 + n), "GMT_offset": "-6", "DST": "Y"}
          for n in range(20)),
    )  # fmt: skip
    with db.transaction() as conn:
        assert timezones.nanpa_rows(conn) == timezones.NANPA_MIN_ROWS
    assert timezones.nanpa_loaded(timezones.NANPA_MIN_ROWS)


# --- area codes and states --------------------------------------------------------------------


def test_builtin_area_code_facts(db: Database) -> None:
    with db.transaction() as conn:
        assert timezones.area_code_exists(conn, "1", "312")
        assert timezones.area_code_exists(conn, "1", "416")
        assert not timezones.area_code_exists(conn, "1", "999")
        assert not timezones.area_code_exists(conn, "1", "555")
        assert timezones.state_for_area_code(conn, "1", "312") == "IL"
        assert timezones.state_for_area_code(conn, "1", "415") == "CA"
        assert timezones.state_for_area_code(conn, "1", "416") == "ON"
        assert timezones.state_for_area_code(conn, "1", "999") is None
        assert timezones.state_for_area_code(conn, "44", "207") is None


# --- VICIdial tables in use -------------------------------------------------------------------


def phone_code(cc: int, area: str, state: str, gmt: str, dst_range: str, tz: str = "") -> dict:
    return {"country_code": cc, "country": "USA", "areacode": area, "state": state,
            "GMT_offset": gmt, "DST": "Y" if dst_range else "N", "DST_range": dst_range,
            "geographic_description": "", "tz_code": tz}  # fmt: skip


VICIDIAL_CODES = [
    phone_code(1, "201", "NJ", "-5.00", "SSM-FSN", "EST"),
    phone_code(1, "312", "IL", "-6.00", "SSM-FSN", "CST"),
    phone_code(1, "602", "AZ", "-7.00", "", "MST"),
    phone_code(1, "303", "CO", "-7.00", "SSM-FSN", "MST"),
    phone_code(44, "", "", "+0.00", "LSM-LSO"),
    phone_code(61, "", "NSW", "+10.00", "FSO-FSA"),
    phone_code(61, "", "WA", "+8.00", ""),
]


def test_vicidial_table_rows_print_raw_text_unless_dst(db: Database) -> None:
    insert_rows(db, vicidial_phone_codes, *VICIDIAL_CODES)
    assert lookup(db, "3125550123", WINTER) == ("-6.00", "-6.00")
    assert lookup(db, "3125550123", SUMMER) == ("-5", "-5.00")
    assert lookup(db, "6025550123", SUMMER) == ("-7.00", "-7.00")
    assert lookup(db, "2071234567", WINTER, phone_code="44") == ("0.00", "0.00")
    assert lookup(db, "2071234567", SUMMER, phone_code="44") == ("1", "1.00")
    # unknown area code: first row of the country
    assert lookup(db, "9995551234", WINTER) == ("-5.00", "-5.00")
    # Australia by state; southern-hemisphere DST in (northern) winter
    assert lookup(db, "291234567", WINTER, phone_code="61", state="NSW") == ("11", "11.00")
    assert lookup(db, "891234567", WINTER, phone_code="61", state="WA") == ("8.00", "8.00")
    assert lookup(db, "291234567", SUMMER, phone_code="61", state="NSW") == ("10.00", "10.00")
    # phone codes the table does not know
    assert lookup(db, "4567123456", phone_code="999") == ("", "0.00")


def test_vicidial_tables_tzcode_takes_largest_dst_range(db: Database) -> None:
    insert_rows(db, vicidial_phone_codes, *VICIDIAL_CODES)
    # MST rows: AZ without DST and CO with SSM-FSN -> the rule applies
    assert lookup(db, "3125550123", SUMMER, tz_method="TZCODE", owner="MST") == ("-6", "-6.00")
    assert lookup(db, "3125550123", WINTER, tz_method="TZCODE", owner="MST")[1] == "-7.00"


def test_vicidial_tables_area_code_facts(db: Database) -> None:
    insert_rows(db, vicidial_phone_codes, *VICIDIAL_CODES)
    with db.transaction() as conn:
        assert timezones.area_code_exists(conn, "1", "312")
        # the table is the whole truth now: 416 is not in it
        assert not timezones.area_code_exists(conn, "1", "416")
        assert timezones.state_for_area_code(conn, "1", "602") == "AZ"
        assert timezones.state_for_area_code(conn, "1", "416") is None


def test_table_state_is_cached_until_forgotten(db: Database) -> None:
    assert lookup(db, "3125550123") == ("-6", "-6.00")  # built-in: shortest form
    with db.transaction() as conn:
        conn.execute(insert(vicidial_phone_codes), [VICIDIAL_CODES[1]])
    assert lookup(db, "3125550123") == ("-6", "-6.00")  # still cached
    timezones.forget_cached_state()
    assert lookup(db, "3125550123") == ("-6.00", "-6.00")


# --- pure helpers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "text"),
    [(-4.0, "-4"), (10.5, "10.5"), (0.0, "0"), (Decimal("-3.50"), "-3.5"), (5.75, "5.75")],
)
def test_format_php_number(value: float | Decimal, text: str) -> None:
    assert timezones.format_php_number(value) == text


@pytest.mark.parametrize(
    ("dst_range", "local_standard", "expected"),
    [
        ("SSM-FSN", datetime(2026, 3, 8, 1, 59), False),  # 2nd Sunday of March 2026 = 8th
        ("SSM-FSN", datetime(2026, 3, 8, 2, 0), True),
        ("SSM-FSN", datetime(2026, 10, 31, 12, 0), True),
        ("SSM-FSN", datetime(2026, 11, 1, 1, 0), True),  # 1st Sunday of November = 1st
        ("SSM-FSN", datetime(2026, 11, 1, 2, 0), False),
        ("FSA-LSO", datetime(2026, 4, 4, 12, 0), False),  # 1st Sunday of April 2026 = 5th
        ("FSA-LSO", datetime(2026, 4, 5, 3, 0), True),
        ("LSM-LSO", datetime(2026, 3, 29, 0, 59), False),  # last Sunday of March = 29th
        ("LSM-LSO", datetime(2026, 3, 29, 1, 0), True),
        ("LSM-LSO", datetime(2026, 10, 25, 1, 0), False),  # last Sunday of October = 25th
        ("LSO-LSM", datetime(2026, 1, 15, 12, 0), True),
        ("LSO-LSM", datetime(2026, 6, 15, 12, 0), False),
        ("FSO-FSA", datetime(2026, 10, 4, 1, 0), True),
        ("FSO-FSA", datetime(2026, 10, 3, 23, 0), False),
        ("FSO-TSM", datetime(2026, 3, 14, 12, 0), True),  # 3rd Sunday of March = 15th
        ("FSO-TSM", datetime(2026, 3, 15, 12, 0), False),
        ("LSS-FSA", datetime(2026, 9, 27, 12, 0), True),  # last Sunday of September = 27th
        ("TSO-LSF", datetime(2026, 10, 18, 12, 0), True),  # 3rd Sunday of October = 18th
        ("TSO-LSF", datetime(2026, 2, 22, 12, 0), False),  # last Sunday of February = 22nd
        ("", datetime(2026, 7, 1), False),
        ("BOGUS", datetime(2026, 7, 1), False),
    ],
)
def test_dst_rules(dst_range: str, local_standard: datetime, expected: bool) -> None:
    assert timezones.dst_in_effect(dst_range, local_standard) is expected


def test_builtin_tables_pick_the_main_zone_of_split_area_codes() -> None:
    alaska = phone_code_facts.nanp_area("907")
    assert alaska is not None and alaska.zone == "America/Anchorage"
    south_dakota = phone_code_facts.nanp_area("605")
    assert south_dakota is not None and south_dakota.zone == "America/Chicago"
    assert phone_code_facts.nanp_area("999") is None
    assert phone_code_facts.country_zone("61", "891234567", "WA") == "Australia/Perth"
    assert phone_code_facts.country_zone("44", "2071234567", "") == "Europe/London"
    assert phone_code_facts.country_zone("52", "6641234567", "") == "America/Tijuana"
    assert phone_code_facts.country_zone("61", "891234567", "nsw") == "Australia/Sydney"

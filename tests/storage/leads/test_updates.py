"""MySQL non-strict value conversion and change detection used for affected-row counts."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from leadgate.storage.leads import updates as store
from leadgate.storage.tables import vicidial_callbacks, vicidial_list

C = vicidial_list.c


def test_integers_take_the_leading_number_and_clamp_to_the_column() -> None:
    assert store.stored_value(C.rank, "12abc") == 12
    assert store.stored_value(C.rank, "x") == 0
    assert store.stored_value(C.called_count, "9" * 10000) == 32767
    assert store.stored_value(C.list_id, "9" * 30) == 2**63 - 1
    assert store.stored_value(C.lead_id, "-" + "9" * 30) == -(2**31)


def test_decimals_round_half_up_and_clamp() -> None:
    assert store.stored_value(C.gmt_offset_now, "-5.555") == Decimal("-5.56")
    assert store.stored_value(C.gmt_offset_now, "--5") == Decimal("0.00")
    assert store.stored_value(C.gmt_offset_now, "1.2.3") == Decimal("1.20")
    assert store.stored_value(C.gmt_offset_now, "9" * 5000) == Decimal("99.99")


def test_dates_strings_and_non_text() -> None:
    assert store.stored_value(C.date_of_birth, "1990-2-3") == date(1990, 2, 3)
    assert store.stored_value(C.date_of_birth, "1990-02-30") == "0000-00-00"  # the zero date
    assert store.stored_value(
        vicidial_callbacks.c.callback_time, "2035-01-01 12:00:00"
    ) == datetime(2035, 1, 1, 12)
    assert store.stored_value(C.first_name, "F" * 40) == "F" * 30
    assert store.stored_value(C.list_id, 101) == 101


def test_changed_columns_compares_like_mysql_row_images() -> None:
    row = {"first_name": "Bob", "last_name": None, "gmt_offset_now": Decimal("-6.00"),
           "rank": 0, "date_of_birth": date(1990, 2, 3)}  # fmt: skip
    same = {"first_name": "Bob", "gmt_offset_now": "-6", "rank": "0", "date_of_birth": "1990-02-03"}
    assert store.changed_columns(vicidial_list, row, same) == {}
    changed = store.changed_columns(
        vicidial_list, row, {"first_name": "bob", "last_name": "", "rank": "1"}
    )
    assert changed == {"first_name": "bob", "last_name": "", "rank": 1}

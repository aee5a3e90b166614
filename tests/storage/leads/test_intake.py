"""vicidial_list storage of add_lead: MySQL-like date parsing and portable duplicate queries."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from leadgate.domain.leads import duplicates
from leadgate.storage.database import Database
from leadgate.storage.leads import intake as leads
from leadgate.storage.zero_dates import ZERO_DATE, ZERO_DATETIME
from tests.factories import Seeder


@pytest.mark.parametrize(
    ("text", "parsed"),
    [("2035-05-05 10:30:00", datetime(2035, 5, 5, 10, 30)),
     ("2035-06-07+08:15:00", datetime(2035, 6, 7, 8, 15)),
     ("2035-06-07", datetime(2035, 6, 7)), ("20350607081500", datetime(2035, 6, 7, 8, 15)),
     ("tomorrow", ZERO_DATETIME), ("", ZERO_DATETIME), ("2035-13-45 10:00:00", ZERO_DATETIME),
     ("0000-00-00", ZERO_DATETIME)],
)  # fmt: skip
def test_parse_mysql_datetime(text: str, parsed: datetime | str) -> None:
    assert leads.parse_mysql_datetime(text) == parsed


@pytest.mark.parametrize(
    ("text", "parsed"),
    [("1980-05-17", date(1980, 5, 17)), ("19800517", date(1980, 5, 17)),
     ("800517", date(1980, 5, 17)), ("05171980", ZERO_DATE), ("1980-13-45", ZERO_DATE),
     ("", ZERO_DATE)],
)  # fmt: skip
def test_parse_mysql_date(text: str, parsed: date | str) -> None:
    assert leads.parse_mysql_date(text) == parsed


def _find(db: Database, option: str, **values: object) -> leads.DuplicateRow | None:
    (check,) = duplicates.plan(option).checks
    params = {"phone": "3125550001", "list_id": 101, "title": "", "alt_phone": "",
              "first_name": "", "last_name": "", "since": None, **values}  # fmt: skip
    with db.transaction() as conn:
        return leads.find_duplicate(conn, check, **params)  # type: ignore[arg-type]


def test_name_comparison_ignores_case_and_trailing_spaces(db: Database, seed: Seeder) -> None:
    seed.campaign()
    seed.list(101)
    lead = seed.lead(phone_number="3125550001", first_name="Jim", last_name="Beam ")
    found = _find(db, "DUPNAMEPHONESYS", first_name="JIM", last_name="beam")
    assert found == leads.DuplicateRow(lead_id=lead, list_id=101, phone_number="3125550001")
    assert _find(db, "DUPNAMEPHONESYS", first_name="Jimmy", last_name="Beam") is None


def test_lowest_lead_id_wins_and_window_is_strict(db: Database, seed: Seeder) -> None:
    seed.campaign()
    seed.list(101)
    seed.list(102)
    now = datetime(2026, 1, 10, 12, 0, 0)
    old = seed.lead(phone_number="3125550001", list_id=102, entry_date=now - timedelta(days=8))
    edge = seed.lead(phone_number="3125550001", list_id=102, entry_date=now - timedelta(days=7))
    newer = seed.lead(phone_number="3125550001", list_id=102, entry_date=now - timedelta(days=1))
    assert _find(db, "DUPCAMP").lead_id == old  # type: ignore[union-attr]
    since = now - timedelta(days=7)
    assert _find(db, "DUPSYS", since=since).lead_id == newer  # type: ignore[union-attr]
    assert edge < newer
    assert _find(db, "DUPLIST") is None  # the leads are in list 102, not 101


def test_campaign_scope_of_an_orphan_list_is_the_list_itself(db: Database, seed: Seeder) -> None:
    seed.list(777, campaign_id="GONE")
    lead = seed.lead(phone_number="3125550001", list_id=777)
    assert _find(db, "DUPCAMP", list_id=777).lead_id == lead  # type: ignore[union-attr]

"""Zero dates: stored as VICIdial stores them on MySQL/MariaDB, as NULL elsewhere, and treated
alike by every query (a zero callback_time is due at once)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import select
from starlette.testclient import TestClient

from leadgate.storage.database import Database
from leadgate.storage.tables import vicidial_callbacks, vicidial_list
from leadgate.storage.zero_dates import is_due, sql_mode_allowing_zero_dates
from tests.factories import Seeder

URL = "/vicidial/non_agent_api.php"
CREDS = {"source": "test", "user": "6666", "pass": "1234"}


@pytest.fixture
def ready(seed: Seeder) -> Seeder:
    seed.user()
    seed.user_group()
    seed.campaign("TESTCAMP")
    seed.list(101, "TESTCAMP")
    return seed


def _call(client: TestClient, **params: Any) -> str:
    response = client.get(URL, params={**CREDS, **params})
    assert response.status_code == 200
    return response.text


def _raw(db: Database, sql: str, **params: Any) -> Any:
    """A column as the engine stores it (MySQL: the zero date as text, not NULL)."""
    with db.transaction() as conn:
        return conn.exec_driver_sql(sql.format(**params)).scalar()


def _zero(db: Database, kind: str) -> str | None:
    zero = {"date": "0000-00-00", "datetime": "0000-00-00 00:00:00"}[kind]
    return zero if db.backend == "mysql" else None


def _text(db: Database, column: str) -> str:
    return f"CAST({column} AS CHAR)" if db.backend == "mysql" else column


def test_add_lead_stores_zero_dates_as_vicidial(
    client: TestClient, ready: Seeder, db: Database
) -> None:
    body = _call(client, function="add_lead", phone_number="3125550101", list_id="101",
                 date_of_birth="1990-02-30", callback="Y", campaign_id="TESTCAMP",
                 callback_datetime="tomorrow")  # fmt: skip
    assert body.startswith("SUCCESS: add_lead LEAD HAS BEEN ADDED"), body
    lead_id = int(body.split(" - ")[1].split("|")[2])
    dob = _raw(db, "SELECT {c} FROM vicidial_list WHERE lead_id = {i}",
               c=_text(db, "date_of_birth"), i=lead_id)  # fmt: skip
    assert dob == _zero(db, "date")
    when = _raw(db, "SELECT {c} FROM vicidial_callbacks WHERE lead_id = {i}",
                c=_text(db, "callback_time"), i=lead_id)  # fmt: skip
    assert when == _zero(db, "datetime")


def test_zero_callback_time_is_due_at_once_on_every_engine(
    client: TestClient, ready: Seeder, db: Database
) -> None:
    body = _call(client, function="add_lead", phone_number="3125550102", list_id="101",
                 callback="Y", campaign_id="TESTCAMP", callback_datetime="")  # fmt: skip
    zero_lead = int(body.split(" - ")[1].split("|")[2])
    later = _call(client, function="add_lead", phone_number="3125550103", list_id="101",
                  callback="Y", campaign_id="TESTCAMP",
                  callback_datetime="2099-01-01 10:00:00")  # fmt: skip
    later_lead = int(later.split(" - ")[1].split("|")[2])
    cb = vicidial_callbacks.c
    with db.transaction() as conn:
        due = conn.execute(
            select(cb.lead_id).where(is_due(cb.callback_time, datetime(2030, 1, 1), conn.dialect))
        ).scalars().all()  # fmt: skip
    assert zero_lead in due and later_lead not in due


def test_update_lead_with_an_unreadable_date_stores_the_zero_date(
    client: TestClient, ready: Seeder, db: Database
) -> None:
    lead_id = ready.lead(phone_number="3125550104", list_id=101, date_of_birth=None)
    body = _call(client, function="update_lead", lead_id=str(lead_id), date_of_birth="19900230")
    assert body.startswith("SUCCESS: update_lead LEAD HAS BEEN UPDATED"), body
    dob = _raw(db, "SELECT {c} FROM vicidial_list WHERE lead_id = {i}",
               c=_text(db, "date_of_birth"), i=lead_id)  # fmt: skip
    assert dob == _zero(db, "date")
    # A valid date afterwards replaces it; reading back through the table gives a real date.
    _call(client, function="update_lead", lead_id=str(lead_id), date_of_birth="1990-02-28")
    with db.transaction() as conn:
        stored = conn.execute(
            select(vicidial_list.c.date_of_birth).where(vicidial_list.c.lead_id == lead_id)
        ).scalar_one()
    assert str(stored) == "1990-02-28"


def test_zero_date_reads_back_as_vicidial_prints_it(
    client: TestClient, ready: Seeder, db: Database
) -> None:
    body = _call(client, function="add_lead", phone_number="3125550105", list_id="101")
    lead_id = body.split(" - ")[1].split("|")[2]
    info = _call(client, function="lead_all_info", lead_id=lead_id)
    assert info.count("|") > 21, info
    date_of_birth = info.splitlines()[-1].split("|")[21]
    # MySQL prints VICIdial's zero date; the other engines keep it as NULL, printed empty.
    assert date_of_birth == ("0000-00-00" if db.backend == "mysql" else "")


@pytest.mark.parametrize(
    ("mode", "wanted"),
    [("STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO",
      "ERROR_FOR_DIVISION_BY_ZERO"),
     ("ONLY_FULL_GROUP_BY,STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION",
      "ONLY_FULL_GROUP_BY,NO_ENGINE_SUBSTITUTION"),
     ("", "")],
)  # fmt: skip
def test_sql_mode_drops_only_the_flags_refusing_vicidial_values(mode: str, wanted: str) -> None:
    assert sql_mode_allowing_zero_dates(mode) == wanted

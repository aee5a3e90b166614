"""Two workers on one database, each with its own cache of the custom_<list_id> layouts (two
Database objects stand in for two `leadgate serve` processes): when one changes a custom
table through update_list (or VICIdial's admin screen changes it behind leadgate's back), the
other serves add_lead, update_lead, lead_all_info and lead_field_info with custom fields
correctly at once, without waiting for its cached layout to expire; on every engine."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import event, text
from starlette.testclient import TestClient

from leadgate.http.app import create_app
from leadgate.settings import Settings
from leadgate.storage import custom_tables
from leadgate.storage.database import Database
from tests.factories import Seeder

NON_AGENT = "/vicidial/non_agent_api.php"
CREDS = {"source": "test", "user": "6666", "pass": "1234"}


@pytest.fixture
def other_db(db_url: str, db: Database) -> Iterator[Database]:
    """The second worker's database handle (its own engine, so its own layout cache)."""
    database = Database(db_url)
    yield database
    database.dispose()


@pytest.fixture
def other(other_db: Database, settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings, other_db)) as test_client:
        yield test_client


@pytest.fixture
def ready(seed: Seeder) -> Seeder:
    seed.user()
    seed.user_group("ADMIN")
    seed.campaign("TESTCAMP")
    seed.list(101)
    return seed


def call(client: TestClient, function: str, **params: str) -> str:
    response = client.get(NON_AGENT, params={**CREDS, "function": function, **params})
    assert response.status_code == 200
    assert "SYSTEM ERROR" not in response.text, response.text
    return response.text


def add_field(client: TestClient, label: str) -> None:
    answer = call(client, "update_list", list_id="101", custom_fields_add="Y", field_label=label,
                  field_name=label, field_size="20", field_max="20", field_type="TEXT", field_rank="1")  # fmt: skip
    assert "SUCCESS: Field added" in answer, answer


def delete_field(client: TestClient, label: str) -> None:
    answer = call(client, "update_list", list_id="101", custom_fields_delete="Y",
                  field_label=label)  # fmt: skip
    assert "SUCCESS: Field deleted" in answer, answer


def add_lead(client: TestClient, phone: str, **custom: str) -> int:
    answer = call(client, "add_lead", phone_number=phone, list_id="101", custom_fields="Y",
                  **custom)  # fmt: skip
    match = re.match(r"SUCCESS: add_lead LEAD HAS BEEN ADDED - \d+\|101\|(\d+)\|", answer)
    assert match, answer
    return int(match.group(1))


def custom_row(seed: Seeder, lead_id: int) -> dict[str, Any]:
    (row,) = seed.rows("SELECT * FROM custom_101 WHERE lead_id = :lead", lead=lead_id)
    return row


def all_info(client: TestClient, lead_id: int) -> list[str]:
    """lead_all_info's custom values (after the lead's 32 standard columns)."""
    line = call(client, "lead_all_info", lead_id=str(lead_id), custom_fields="Y")
    return line.rstrip("\n").split("|")[32:]


def test_a_field_dropped_by_another_worker(
    client: TestClient, other: TestClient, ready: Seeder
) -> None:
    add_field(client, "pet_name")
    add_field(client, "color")
    first = add_lead(other, "3125550101", pet_name="Tom", color="red")  # caches both columns
    assert all_info(other, first) == ["Tom", "red"]

    delete_field(client, "color")
    second = add_lead(other, "3125550102", pet_name="Rex", color="blue")
    assert custom_row(ready, second) == {"lead_id": second, "pet_name": "Rex"}
    assert all_info(other, second) == ["Rex"]
    assert call(other, "lead_field_info", lead_id=str(second), field_name="pet_name",
                custom_fields="Y", list_id="101") == "Rex"  # fmt: skip
    answer = call(other, "update_lead", lead_id=str(first), custom_fields="Y", pet_name="Kit",
                  color="green")  # fmt: skip
    assert answer == f"NOTICE: update_lead CUSTOM FIELDS VALUES UPDATED - |{first}|101|101|101|1\n"
    assert custom_row(ready, first) == {"lead_id": first, "pet_name": "Kit"}


def test_a_field_added_by_another_worker(
    client: TestClient, other: TestClient, ready: Seeder
) -> None:
    add_field(client, "pet_name")
    first = add_lead(other, "3125550111", pet_name="Tom")  # caches lead_id, pet_name

    add_field(client, "color")
    second = add_lead(other, "3125550112", pet_name="Rex", color="blue")
    assert custom_row(ready, second) == {"lead_id": second, "pet_name": "Rex", "color": "blue"}
    assert all_info(other, second) == ["Rex", "blue"]
    answer = call(other, "update_lead", lead_id=str(first), custom_fields="Y", color="green")
    assert answer == f"NOTICE: update_lead CUSTOM FIELDS VALUES UPDATED - |{first}|101|101|101|1\n"
    assert custom_row(ready, first) == {"lead_id": first, "pet_name": "Tom", "color": "green"}
    assert all_info(other, first) == ["Tom", "green"]


def test_fields_renamed_behind_leadgates_back(other: TestClient, ready: Seeder) -> None:
    """VICIdial's admin screen on a shared database: a field deleted and another added in one
    go, no leadgate process told."""
    with ready.db.transaction() as conn:
        conn.execute(text("CREATE TABLE custom_101 (lead_id INTEGER PRIMARY KEY, "
                          "old_name VARCHAR(20))"))  # fmt: skip
        conn.execute(text("INSERT INTO vicidial_lists_fields (list_id, field_label, field_rank, "
                          "field_type) VALUES (101, 'old_name', 1, 'TEXT')"))  # fmt: skip
    first = add_lead(other, "3125550121", old_name="Tom")
    assert custom_row(ready, first) == {"lead_id": first, "old_name": "Tom"}

    with ready.db.transaction() as conn:
        conn.execute(text("ALTER TABLE custom_101 DROP COLUMN old_name"))
        conn.execute(text("ALTER TABLE custom_101 ADD COLUMN new_name VARCHAR(20)"))
        conn.execute(text("UPDATE vicidial_lists_fields SET field_label = 'new_name'"))
    second = add_lead(other, "3125550122", new_name="Rex", old_name="Max")
    assert custom_row(ready, second) == {"lead_id": second, "new_name": "Rex"}
    assert all_info(other, second) == ["Rex"]


def test_a_table_dropped_behind_leadgates_back(other: TestClient, ready: Seeder) -> None:
    with ready.db.transaction() as conn:
        conn.execute(text("CREATE TABLE custom_101 (lead_id INTEGER PRIMARY KEY, "
                          "pet_name VARCHAR(20))"))  # fmt: skip
        conn.execute(text("INSERT INTO vicidial_lists_fields (list_id, field_label, field_rank, "
                          "field_type) VALUES (101, 'pet_name', 1, 'TEXT')"))  # fmt: skip
    first = add_lead(other, "3125550131", pet_name="Tom")
    assert custom_row(ready, first) == {"lead_id": first, "pet_name": "Tom"}

    with ready.db.transaction() as conn:
        conn.execute(text("DROP TABLE custom_101"))
    add_lead(other, "3125550132", pet_name="Rex")  # the lead is stored; its custom row cannot be
    answer = call(other, "update_lead", lead_id=str(first), custom_fields="Y", pet_name="Kit")
    assert answer == (
        f"NOTICE: update_lead CUSTOM FIELDS NOT ADDED, NO CUSTOM FIELDS DEFINED FOR THIS LIST - "
        f"|{first}|101\n"
    )
    assert call(other, "lead_all_info", lead_id=str(first), custom_fields="Y") == (
        f"ERROR: lead_all_info CUSTOM FIELDS NOT FOUND: 6666|{first}||101\n"
    )


# -- the cost: nothing more on the hot path, no reflection while the layout is cached ---------


def _statements_of(database: Database, work: Any) -> list[str]:
    statements: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if not statement.lstrip().upper().startswith(("BEGIN", "COMMIT")):
            statements.append(statement)

    event.listen(database.engine, "before_cursor_execute", count)
    try:
        work()
    finally:
        event.remove(database.engine, "before_cursor_execute", count)
    return statements


def test_add_lead_without_custom_fields_costs_no_extra_statement(
    client: TestClient, ready: Seeder, db: Database
) -> None:
    def plain(phone: str) -> None:
        answer = call(client, "add_lead", phone_number=phone, list_id="101")
        assert answer.startswith("SUCCESS: add_lead"), answer

    plain("3125550141")  # warm the caches (auth, time zones)
    without_table = _statements_of(db, lambda: plain("3125550142"))
    add_field(client, "pet_name")
    add_lead(client, "3125550143", pet_name="Tom")  # the layout is cached
    with_table = _statements_of(db, lambda: plain("3125550144"))
    assert len(with_table) == len(without_table), with_table
    assert not [s for s in with_table if "custom_101" in s or "SAVEPOINT" in s.upper()], with_table


def test_a_cached_layout_costs_no_reflection(
    client: TestClient, ready: Seeder, db: Database
) -> None:
    add_field(client, "pet_name")
    add_lead(client, "3125550151", pet_name="Tom")  # the layout is cached
    statements = _statements_of(db, lambda: add_lead(client, "3125550152", pet_name="Rex"))
    catalog = ("information_schema", "pg_catalog", "pragma", "sqlite_master", "show ")
    assert not [s for s in statements if any(c in s.lower() for c in catalog)], statements
    savepoints = [s for s in statements if s.upper().startswith(("SAVEPOINT", "RELEASE"))]
    assert len(savepoints) == (2 if db.backend == "postgresql" else 0), statements
    assert custom_tables.custom_table_name(101) in " ".join(statements)

"""The cached custom_<list_id> layouts: what each engine's "no such column/table" looks like,
the retry with a fresh layout (the transaction stays usable on PostgreSQL), refreshing for a
column the cache does not know, and forgetting one database's layouts only."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Connection, Table, insert, select, text
from sqlalchemy.exc import DBAPIError

from leadgate.storage import custom_tables
from leadgate.storage.database import Database


@pytest.fixture
def other_db(db_url: str, db: Database) -> Iterator[Database]:
    database = Database(db_url)
    yield database
    database.dispose()


def _make_table(db: Database, *columns: str) -> None:
    with db.transaction() as conn:
        extra = "".join(f", {name} VARCHAR(20)" for name in columns)
        conn.execute(text(f"CREATE TABLE custom_101 (lead_id INTEGER PRIMARY KEY{extra})"))


def _ddl(db: Database, statement: str) -> None:
    with db.transaction() as conn:
        conn.execute(text(statement))


def _failure(db: Database, statement: str) -> DBAPIError:
    with db.transaction() as conn, pytest.raises(DBAPIError) as caught:
        conn.execute(text(statement))
    return caught.value


def test_missing_columns_and_tables_are_recognised(db: Database) -> None:
    _make_table(db, "pet_name")
    _ddl(db, "INSERT INTO custom_101 (lead_id) VALUES (1)")
    with db.engine.connect() as conn:
        changed = [
            _failure(db, "SELECT color FROM custom_101"),
            _failure(db, "INSERT INTO custom_101 (lead_id, color) VALUES (2, 'x')"),
            _failure(db, "UPDATE custom_101 SET color = 'x'"),
            _failure(db, "SELECT lead_id FROM custom_102"),
        ]
        assert [custom_tables.layout_changed(conn, error) for error in changed] == [True] * 4
        duplicate = _failure(db, "INSERT INTO custom_101 (lead_id) VALUES (1)")
        assert not custom_tables.layout_changed(conn, duplicate)


def _add_pet(conn: Connection, table: Table | None, lead_id: int) -> list[str]:
    """Read every column (fails on a stale layout), then write: the retry's contract."""
    assert table is not None
    names = [str(row.pet_name) for row in conn.execute(select(table)).all()]
    conn.execute(insert(table).values(lead_id=lead_id, pet_name="Tom"))
    return names


def test_a_stale_layout_is_read_again_and_the_work_retried_once(
    db: Database, other_db: Database
) -> None:
    _make_table(db, "pet_name", "color")
    _ddl(db, "INSERT INTO custom_101 (lead_id, pet_name) VALUES (1, 'Max')")
    with other_db.transaction() as conn:
        assert custom_tables.custom_table(conn, 101) is not None  # cached with both columns
    _ddl(db, "ALTER TABLE custom_101 DROP COLUMN color")
    layouts: list[list[str]] = []

    def work(table: Table | None) -> list[str]:
        assert table is not None
        layouts.append(list(table.c.keys()))
        return _add_pet(conn, table, 7)

    with other_db.transaction() as conn:
        assert custom_tables.with_custom_table(conn, 101, work) == ["Max"]
        conn.execute(text("INSERT INTO custom_101 (lead_id, pet_name) VALUES (8, 'Rex')"))
    assert layouts == [["lead_id", "pet_name", "color"], ["lead_id", "pet_name"]]
    assert _count(db) == 3  # the transaction went on after the failed attempt, and committed


def test_a_second_failure_is_not_retried(db: Database) -> None:
    _make_table(db, "pet_name")
    calls: list[int] = []

    def work(table: Table | None) -> None:
        calls.append(1)
        conn.execute(text("SELECT color FROM custom_101"))

    with db.transaction() as conn, pytest.raises(DBAPIError):
        custom_tables.with_custom_table(conn, 101, work)
    assert calls == [1, 1]


def _count(db: Database) -> int:
    with db.transaction() as conn:
        return int(conn.execute(text("SELECT COUNT(*) FROM custom_101")).scalar_one())


def test_a_dropped_table_reaches_the_work_as_none(db: Database, other_db: Database) -> None:
    _make_table(db, "pet_name")
    with other_db.transaction() as conn:
        assert custom_tables.custom_table(conn, 101) is not None
    _ddl(db, "DROP TABLE custom_101")
    seen: list[bool] = []

    def work(table: Table | None) -> str:
        seen.append(table is None)
        return "no table" if table is None else str(_add_pet(conn, table, 7))

    with other_db.transaction() as conn:
        assert custom_tables.with_custom_table(conn, 101, work) == "no table"
        assert conn.execute(text("SELECT 1")).scalar_one() == 1
    assert seen == [False, True]


def test_other_failures_are_not_retried(db: Database) -> None:
    _make_table(db, "pet_name")
    _ddl(db, "INSERT INTO custom_101 (lead_id) VALUES (1)")
    calls: list[int] = []

    def work(table: Table | None) -> None:
        assert table is not None
        calls.append(1)
        conn.execute(insert(table).values(lead_id=1))

    with db.transaction() as conn, pytest.raises(DBAPIError):
        custom_tables.with_custom_table(conn, 101, work)
    assert calls == [1]


def test_a_column_the_cache_does_not_know_is_looked_for(db: Database, other_db: Database) -> None:
    _make_table(db, "pet_name")
    with other_db.transaction() as conn:
        cached = custom_tables.custom_table(conn, 101)
    _ddl(db, "ALTER TABLE custom_101 ADD COLUMN color VARCHAR(20)")
    with other_db.transaction() as conn:
        assert custom_tables.custom_table(conn, 101) is cached  # still fresh enough
        assert custom_tables.custom_table(conn, 101, needs=["pet_name"]) is cached
        fresh = custom_tables.custom_table(conn, 101, needs=["color"])
        assert fresh is not None
        assert list(fresh.c.keys()) == ["lead_id", "pet_name", "color"]
        assert custom_tables.custom_table(conn, 101) is fresh


def test_a_database_forgets_only_its_own_layouts(db: Database, other_db: Database) -> None:
    _make_table(db, "pet_name")
    with db.transaction() as conn:
        mine = custom_tables.custom_table(conn, 101)
    with other_db.transaction() as conn:
        theirs = custom_tables.custom_table(conn, 101)
    with db.transaction() as conn:
        custom_tables.forget_custom_tables(conn)
        assert custom_tables.custom_table(conn, 101) is not mine
    with other_db.transaction() as conn:
        assert custom_tables.custom_table(conn, 101) is theirs

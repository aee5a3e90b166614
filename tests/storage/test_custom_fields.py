"""custom_<list_id> DDL: refused on a VICIdial database (no leadgate schema), and never fed an
unchecked label or default."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import create_engine, inspect

from leadgate.storage import custom_fields
from leadgate.storage.custom_fields import ColumnSpec
from leadgate.storage.database import Database, normalise_url


def test_no_ddl_without_leadgate_schema(scratch_db_url: Callable[[], str]) -> None:
    engine = create_engine(normalise_url(scratch_db_url()))
    try:
        with engine.begin() as conn:
            assert custom_fields.create_table(conn, 101) is False
            assert custom_fields.add_column(conn, 101, "pet", ColumnSpec("varchar", 5), "") is False
        with engine.connect() as conn:
            assert inspect(conn).get_table_names() == []
    finally:
        engine.dispose()


def test_unsafe_labels_and_defaults_are_refused(db: Database) -> None:
    with db.transaction() as conn:
        assert custom_fields.create_table(conn, 101) is True
        text = ColumnSpec("varchar", 10)
        assert custom_fields.add_column(conn, 101, "pet; DROP TABLE x", text, None) is False
        assert custom_fields.add_column(conn, 101, "pet", text, "it's") is False
        assert custom_fields.add_column(conn, 101, "pet", text, "fine") is True
        assert custom_fields.drop_column(conn, 101, 'pet"') is False
        assert custom_fields.table_columns(conn, 101) == ["lead_id", "pet"]

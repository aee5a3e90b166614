"""The frozen migrations build exactly the schema of storage/tables.py, on every engine."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Column, Integer, MetaData, String, Table, inspect

from leadgate.storage.database import Database
from leadgate.storage.schema import alembic_config, upgrade_schema
from leadgate.storage.tables import metadata


def _differences(database: Database, target: MetaData) -> list[Any]:
    def include(
        _obj: object, name: str | None, kind: str, _reflected: bool, _other: object
    ) -> bool:
        return not (kind == "table" and name == "alembic_version")

    with database.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "include_object": include}
        )
        return list(compare_metadata(context, target))


def test_migrations_build_exactly_the_tables_module(scratch_db_url: Callable[[], str]) -> None:
    database = Database(scratch_db_url())
    try:
        upgrade_schema(database)
        # Tables, columns, types (loosely, as the engine stores them), nullability, indexes
        # and unique constraints: anything added to tables.py needs a new revision.
        assert _differences(database, metadata) == []
    finally:
        database.dispose()


def test_the_comparison_sees_drift(scratch_db_url: Callable[[], str]) -> None:
    """A column, index or table that tables.py has and the migrations lack is reported."""
    database = Database(scratch_db_url())
    try:
        upgrade_schema(database)
        drifted = MetaData()
        for table in metadata.sorted_tables:
            table.to_metadata(drifted)
        drifted.tables["vicidial_list"].append_column(Column("webhook_state", String(10)))
        Table("leadgate_outbox", drifted, Column("id", Integer, primary_key=True))
        kinds = {diff[0] for diff in _differences(database, drifted)}
        assert kinds == {"add_column", "add_table"}
    finally:
        database.dispose()


def test_revisions_form_one_linear_chain_from_0001() -> None:
    scripts = ScriptDirectory.from_config(alembic_config())
    revisions = list(scripts.walk_revisions())  # head first
    assert len(scripts.get_heads()) == 1
    assert revisions[-1].revision == "0001" and revisions[-1].down_revision is None
    for newer, older in zip(revisions, revisions[1:], strict=False):
        assert newer.down_revision == older.revision


def test_baseline_adds_only_missing_tables_and_touches_existing_ones_not(
    scratch_db_url: Callable[[], str],
) -> None:
    database = Database(scratch_db_url())
    try:
        # An existing, narrower vicidial_list (as on a VICIdial database with other columns).
        own = MetaData()
        Table("vicidial_list", own, Column("lead_id", Integer, primary_key=True),
              Column("phone_number", String(18)))  # fmt: skip
        own.create_all(database.engine)
        upgrade_schema(database)
        inspector = inspect(database.engine)
        assert [c["name"] for c in inspector.get_columns("vicidial_list")] == [
            "lead_id",
            "phone_number",
        ]
        assert inspector.get_indexes("vicidial_list") == []
        assert inspector.has_table("vicidial_users") and inspector.has_table("vicidial_hopper")
    finally:
        database.dispose()


def test_migrations_never_read_the_live_tables_module() -> None:
    """A revision spells its DDL out: importing leadgate code would let it change later."""
    folder = Path(ScriptDirectory.from_config(alembic_config()).versions)
    assert sorted(folder.glob("*.py"))
    for path in folder.glob("*.py"):
        source = path.read_text()
        assert "import leadgate" not in source and "from leadgate" not in source, path.name
        assert "leadgate.storage" not in source, path.name

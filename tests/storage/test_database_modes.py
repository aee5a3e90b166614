"""What kind of database leadgate is started on, and what `leadgate serve`/`init` do to it."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator

import pytest
from rich.console import Console
from sqlalchemy import Column, Integer, MetaData, inspect
from typer.testing import CliRunner

from leadgate.cli.bootstrap import bootstrap
from leadgate.cli.main import app
from leadgate.storage.database import Database
from leadgate.storage.schema import (
    VICIDIAL_CORE_TABLES,
    DatabaseMode,
    SchemaError,
    database_mode,
    database_state,
    head_revision,
    prepare_for_serving,
    user_count,
)
from leadgate.storage.tables import metadata


@pytest.fixture
def fresh(scratch_db_url: Callable[[], str]) -> Iterator[Database]:
    database = Database(scratch_db_url())
    yield database
    database.dispose()


def _vicidial_like(database: Database) -> None:
    """VICIdial's core tables (and no alembic_version), as on a VICIdial server."""
    core = MetaData()
    for name in VICIDIAL_CORE_TABLES:
        metadata.tables[name].to_metadata(core)
    core.create_all(database.engine)


def _tables(database: Database) -> set[str]:
    return set(inspect(database.engine).get_table_names())


def test_empty_database_gets_the_schema_at_first_start(fresh: Database) -> None:
    assert database_mode(fresh) is DatabaseMode.EMPTY
    state = prepare_for_serving(fresh)
    assert state.mode is DatabaseMode.LEADGATE and state.revision == head_revision()
    assert state.missing_tables == ()


def test_vicidial_database_is_served_without_any_ddl(fresh: Database) -> None:
    _vicidial_like(fresh)
    before = _tables(fresh)
    state = prepare_for_serving(fresh)
    assert state.mode is DatabaseMode.VICIDIAL
    assert "vicidial_list_archive" in state.missing_tables
    assert "vicidial_list" not in state.missing_tables
    assert _tables(fresh) == before
    assert "VICIdial database" in state.describe() and "vicidial_hopper" in state.describe()


def test_bootstrap_on_a_vicidial_database_shows_the_mode_and_writes_nothing(
    fresh: Database,
) -> None:
    _vicidial_like(fresh)
    out = io.StringIO()
    bootstrap(fresh.url, Console(file=out, width=300))
    assert "database: VICIdial database" in out.getvalue()
    assert "Created API user" not in out.getvalue() and user_count(fresh) == 0


def test_bootstrap_on_an_empty_database_creates_schema_and_admin(fresh: Database) -> None:
    out = io.StringIO()
    bootstrap(fresh.url, Console(file=out, width=300))
    assert f"database: leadgate schema, revision {head_revision()}" in out.getvalue()
    assert "Created API user 'admin'" in out.getvalue() and user_count(fresh) == 1


def test_a_database_with_other_tables_is_refused(fresh: Database) -> None:
    other = MetaData()
    from sqlalchemy import Table

    Table("invoices", other, Column("id", Integer, primary_key=True))
    other.create_all(fresh.engine)
    with pytest.raises(SchemaError, match="leadgate init"):
        prepare_for_serving(fresh)
    assert _tables(fresh) == {"invoices"}


def test_schema_written_by_a_newer_leadgate_is_refused(fresh: Database) -> None:
    prepare_for_serving(fresh)
    with fresh.transaction() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    state = database_state(fresh)
    assert state.mode is DatabaseMode.UNKNOWN and "9999" in state.describe()
    with pytest.raises(SchemaError):
        prepare_for_serving(fresh)


def test_init_lists_what_it_creates_and_asks_on_a_non_empty_database(fresh: Database) -> None:
    _vicidial_like(fresh)
    before = _tables(fresh)
    runner = CliRunner()
    refused = runner.invoke(app, ["init", "--db", fresh.url])
    assert refused.exit_code == 1
    assert "tables to create:" in refused.output and "vicidial_list_archive" in refused.output
    assert "--yes" in refused.output
    assert _tables(fresh) == before

    done = runner.invoke(app, ["init", "--db", fresh.url, "--yes"])
    assert done.exit_code == 0, done.output
    assert _tables(fresh) == before | set(metadata.tables) | {"alembic_version"}
    assert database_mode(fresh) is DatabaseMode.LEADGATE

    again = runner.invoke(app, ["init", "--db", fresh.url])
    assert again.exit_code == 0 and "schema up to date" in again.output


def test_init_on_an_empty_database_does_not_ask(fresh: Database) -> None:
    result = CliRunner().invoke(app, ["init", "--db", fresh.url])
    assert result.exit_code == 0, result.output
    assert "tables to create:" in result.output and "schema ready" in result.output
    assert database_mode(fresh) is DatabaseMode.LEADGATE

"""Running the `leadgate` command in-process against the test database."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from click.testing import Result
from typer.testing import CliRunner

from leadgate.cli import campaigns, common, dnc, groups, lists, reports, users
from leadgate.cli.main import app
from leadgate.storage.database import Database

Invoke = Callable[..., Result]


@pytest.fixture
def leadgate(db: Database, db_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Invoke]:
    """`leadgate("list", "add", "101", "--campaign", "C")` with --db set to the test database."""
    runner = CliRunner()
    opened: list[Database] = []

    # A real `leadgate` process ends after one command; in-process, its engines must be closed
    # or PostgreSQL refuses to drop the test database at the end of the session.
    def open_and_remember(url: str | None) -> Database:
        database = common.open_database(url)
        opened.append(database)
        return database

    for module in (campaigns, dnc, groups, lists, reports, users):
        monkeypatch.setattr(module, "open_database", open_and_remember)

    def invoke(*args: str) -> Result:
        return runner.invoke(app, [*args, "--db", db_url])

    yield invoke
    for database in opened:
        database.dispose()

"""Running the `leadgate` command in-process against the test database."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from click.testing import Result
from typer.testing import CliRunner

from leadgate.cli.main import app
from leadgate.storage.database import Database

Invoke = Callable[..., Result]


@pytest.fixture
def leadgate(db: Database, db_url: str) -> Invoke:
    """`leadgate("list", "add", "101", "--campaign", "C")` with --db set to the test database."""
    runner = CliRunner()

    def invoke(*args: str) -> Result:
        return runner.invoke(app, [*args, "--db", db_url])

    return invoke

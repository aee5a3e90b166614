"""The test command leaves nothing behind: the suite and the conformance runner drop the
databases they create (issue 9 item 10), under names chosen by LEADGATE_TEST_DB_PREFIX."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from leadgate.storage.database import normalise_url

ROOT = Path(__file__).resolve().parent.parent


def server_databases(admin_url: str, prefix: str) -> list[str]:
    engine = create_engine(normalise_url(admin_url))
    try:
        with engine.connect() as conn:
            if engine.dialect.name == "mysql":
                rows = conn.execute(text("SHOW DATABASES"))
            else:
                rows = conn.execute(text("SELECT datname FROM pg_database"))
            return [row[0] for row in rows if str(row[0]).startswith(prefix)]
    finally:
        engine.dispose()


@pytest.fixture
def admin_url(request: pytest.FixtureRequest) -> str:
    option = str(request.config.getoption("--db-url"))
    if option == "sqlite":
        pytest.skip("server databases only: run with --db-url mysql://… or postgresql://…")
    return option


def test_pytest_session_drops_its_database(admin_url: str, tmp_path: Path) -> None:
    prefix = f"lgclean{os.getpid()}"
    env = {**os.environ, "LEADGATE_TEST_DB_PREFIX": prefix}
    nested = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--db-url", admin_url,
         "tests/http/test_platform.py::test_health", "--basetemp", str(tmp_path / "nested")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert nested.returncode == 0, nested.stdout + nested.stderr
    assert server_databases(admin_url, prefix) == []


def test_conformance_runner_drops_its_databases(admin_url: str) -> None:
    prefix = f"lgconf{os.getpid()}"
    backend = "mysql" if admin_url.startswith(("mysql", "mariadb")) else "postgresql"
    env = {
        **os.environ,
        "LEADGATE_TEST_DB_PREFIX": prefix,
        f"LEADGATE_TEST_{'MYSQL' if backend == 'mysql' else 'POSTGRESQL'}": admin_url,
    }
    run = subprocess.run(
        [sys.executable, "scripts/conformance.py", "--backend", backend, "--files", "cases",
         "--groups", "version"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    assert server_databases(admin_url, prefix) == []

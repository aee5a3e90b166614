"""Shared fixtures. The same suite runs on SQLite (default), MariaDB and PostgreSQL:

    pytest --db-url mysql://root@127.0.0.1/test
    pytest --db-url postgresql://postgres@127.0.0.1/postgres

For a server database a fresh database named leadgate_test_<pid> is created for the session and
dropped at its end (LEADGATE_TEST_DB_PREFIX replaces `leadgate`; host and port come from the URL).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import delete, text
from starlette.testclient import TestClient

from leadgate.domain import system
from leadgate.http.app import create_app
from leadgate.settings import Settings
from leadgate.storage.custom_tables import forget_custom_tables
from leadgate.storage.database import Database, normalise_url
from leadgate.storage.schema import upgrade_schema
from leadgate.storage.tables import metadata
from tests.factories import Seeder


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--db-url", default=os.environ.get("LEADGATE_TEST_DB_URL", "sqlite"),
                     help="sqlite (default), or a MariaDB/MySQL or PostgreSQL server URL")  # fmt: skip


def _session_database_url(option: str, tmp_dir: Path) -> tuple[str, str | None]:
    """The URL tests use, and the admin URL to drop it with afterwards (server databases)."""
    if option == "sqlite":
        return f"sqlite:///{tmp_dir / 'test.db'}", None
    from sqlalchemy import create_engine

    admin_url = normalise_url(option)
    prefix = os.environ.get("LEADGATE_TEST_DB_PREFIX", "leadgate")
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_]{0,30}", prefix):
        raise pytest.UsageError(f"LEADGATE_TEST_DB_PREFIX must be a plain identifier: {prefix!r}")
    name = f"{prefix}_test_{os.getpid()}"
    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name}")
        suffix = " CHARACTER SET utf8mb4" if engine.dialect.name == "mysql" else ""
        conn.exec_driver_sql(f"CREATE DATABASE {name}{suffix}")
    engine.dispose()
    return admin_url.set(database=name).render_as_string(hide_password=False), name


@pytest.fixture(autouse=True, scope="session")
def cheap_password_hashing() -> Iterator[None]:
    """argon2 with tiny parameters: the tests count verifications, they do not need their cost
    (the default costs ~0.1 s of CPU, and every failed login now pays one)."""
    from argon2 import PasswordHasher

    from leadgate.domain import passwords

    real = passwords._hasher
    passwords._hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    passwords._dummy_hash.cache_clear()
    yield
    passwords._hasher = real
    passwords._dummy_hash.cache_clear()


@pytest.fixture(scope="session")
def db_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    option = request.config.getoption("--db-url")
    url, name = _session_database_url(option, tmp_path_factory.mktemp("db"))
    database = Database(url)
    upgrade_schema(database)
    database.dispose()
    yield url
    if name is not None:
        from sqlalchemy import create_engine

        engine = create_engine(normalise_url(option), isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name}")
        engine.dispose()


@pytest.fixture
def scratch_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[], str]]:
    """A factory of fresh, empty databases on the engine under test; dropped afterwards."""
    option = request.config.getoption("--db-url")
    made: list[str] = []

    def make() -> str:
        if option == "sqlite":
            return f"sqlite:///{tmp_path / f'scratch{len(made)}.db'}"
        from sqlalchemy import create_engine

        admin_url = normalise_url(option)
        prefix = os.environ.get("LEADGATE_TEST_DB_PREFIX", "leadgate")
        name = f"{prefix}_scratch_{os.getpid()}_{len(made)}"
        engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name}")
            suffix = " CHARACTER SET utf8mb4" if engine.dialect.name == "mysql" else ""
            conn.exec_driver_sql(f"CREATE DATABASE {name}{suffix}")
        engine.dispose()
        made.append(name)
        return admin_url.set(database=name).render_as_string(hide_password=False)

    yield make
    if made:
        from sqlalchemy import create_engine

        engine = create_engine(normalise_url(option), isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            for name in made:
                conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name}")
        engine.dispose()


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    """A database with leadgate's schema and empty tables (but the singleton settings rows)."""
    database = Database(db_url)
    forget_custom_tables()  # tests drop and re-create custom_<n> tables
    system.use_non_latin.forget()  # a new database may reuse a dropped engine's id
    _empty_tables(database)
    upgrade_schema(database)
    yield database
    database.dispose()


def _empty_tables(database: Database) -> None:
    with database.transaction() as conn:
        for table in reversed(metadata.sorted_tables):
            conn.execute(delete(table))
        # custom_<list_id> tables made by tests
        for name in _custom_tables(database, conn):
            conn.exec_driver_sql(f"DROP TABLE {name}")


def _custom_tables(database: Database, conn: object) -> list[str]:
    from sqlalchemy import inspect

    return [t for t in inspect(conn).get_table_names() if t.startswith("custom_")]  # type: ignore[arg-type]


@pytest.fixture
def seed(db: Database) -> Seeder:
    return Seeder(db)


@pytest.fixture
def settings(db_url: str) -> Settings:
    # No login-row cache: tests change users between calls and expect it to count at once.
    # No session engine and no webhook dispatcher unless a test starts one: they would write
    # (and run statements) while tests set up rows or count statements.
    return Settings(db_url=db_url, log_api_urls=False, login_row_cache_seconds=0, telephony="off",
                    webhooks_dispatcher=False)  # fmt: skip


@pytest.fixture
def client(db: Database, settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings, db)) as test_client:
        yield test_client


@pytest.fixture
def backend(db: Database) -> str:
    return db.backend


def count(db: Database, sql: str) -> int:
    with db.transaction() as conn:
        return int(conn.execute(text(sql)).scalar_one())

"""Engines and transactions for SQLite, MariaDB/MySQL and PostgreSQL.

Users give plain URLs (`sqlite:///x.db`, `mysql://u:p@h/db`, `postgresql://u@h/db`); leadgate picks
the driver. Every transaction is short and synchronous: on SQLite it runs on the event loop (a
thread hop costs as much as the whole insert), on network databases in a worker thread.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import functools
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any, TypeVar

import anyio
import anyio.to_thread
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url

from leadgate.storage.unit_of_work import EventConsumer, UnitOfWork, finish
from leadgate.storage.zero_dates import sql_mode_allowing_zero_dates

T = TypeVar("T")

_DRIVERS = {
    "sqlite": "sqlite+pysqlite",
    "mysql": "mysql+pymysql",
    "mariadb": "mysql+pymysql",
    "postgresql": "postgresql+psycopg",
    "postgres": "postgresql+psycopg",
}


def normalise_url(url: str) -> URL:
    """Turn a plain database URL into one naming the driver leadgate ships with."""
    parsed = make_url(url)
    if "+" not in parsed.drivername:
        driver = _DRIVERS.get(parsed.drivername)
        if driver is None:
            raise ValueError(f"unsupported database URL scheme: {parsed.drivername}")
        parsed = parsed.set(drivername=driver)
    if parsed.get_backend_name() == "mysql" and "charset" not in parsed.query:
        parsed = parsed.update_query_dict({"charset": "utf8mb4"})
    return parsed


def create_db_engine(url: str) -> Engine:
    parsed = normalise_url(url)
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        # Every transaction ends in an explicit COMMIT or ROLLBACK, so the pool's
        # reset-on-return rollback is pure overhead.
        engine = create_engine(
            parsed,
            connect_args={"timeout": 30, "isolation_level": None},
            pool_reset_on_return=None,
        )
        _configure_sqlite(engine)
        return engine
    options: dict[str, Any] = {}
    if backend == "mysql":
        # READ COMMITTED, like PostgreSQL's default: a statement sees what other calls have
        # committed, so a duplicate check made after taking a named lock (storage/locks.py)
        # sees the lead the lock's previous holder inserted.
        options["isolation_level"] = "READ COMMITTED"
    engine = create_engine(
        parsed, pool_size=20, max_overflow=20, pool_pre_ping=True, pool_recycle=3600, **options
    )
    if backend == "mysql":
        _configure_mysql(engine)
    return engine


def _configure_mysql(engine: Engine) -> None:
    # VICIdial runs with sql_mode='' and stores zero dates (storage/zero_dates.py) and ''
    # for a value outside an ENUM; the default sql_mode refuses both. leadgate cuts and converts
    # values itself, as non-strict MySQL would. A session variable: no privilege needed, the
    # server's setting stays as it is.
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("SELECT @@SESSION.sql_mode")
        current = str(cursor.fetchone()[0] or "")
        wanted = sql_mode_allowing_zero_dates(current)
        if wanted != current:
            cursor.execute("SET SESSION sql_mode = %s", (wanted,))
        cursor.close()


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    # BEGIN IMMEDIATE takes the write lock up front: a check-then-insert can then never race
    # another process, and SQLite never has to fail a read lock's upgrade to a write lock.
    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        # Straight on the driver: SQLAlchemy's statement machinery costs more than the BEGIN.
        connection.connection.dbapi_connection.execute("BEGIN IMMEDIATE")  # type: ignore[union-attr]


# Network databases: at most this many calls run in worker threads at once (one pooled
# connection each). anyio's default (40 threads) let a worker's memory grow without bound
# under fuzzing: every thread gets its own glibc malloc arena, fragmented by large requests.
WORKER_THREADS = 16
MALLOC_ARENAS = 2
# Buffers from this size on (a big request body, a long value) get their own mapping, returned
# to the system when freed. glibc raises this threshold after each such free, after which big
# buffers come from the heap and fragment it.
MMAP_THRESHOLD = 256 * 1024
_M_MMAP_THRESHOLD = -3  # glibc mallopt() parameters
_M_ARENA_MAX = -8


def limit_malloc_arenas(arenas: int = MALLOC_ARENAS) -> None:
    """Bound glibc malloc's memory for this process: at most `arenas` arenas however many
    threads, and a fixed mmap threshold (no-op without glibc)."""
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.mallopt(_M_ARENA_MAX, arenas)
        libc.mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD)


class Database:
    """One engine and the way to run a unit of work on it."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = create_db_engine(url)
        self.backend = self.engine.dialect.name
        self.event_consumers: list[EventConsumer] = []
        self._limiter: anyio.CapacityLimiter | None = None

    def add_event_consumer(self, consumer: EventConsumer) -> None:
        """Run `consumer` inside every unit of work that emitted events, before it commits."""
        if consumer not in self.event_consumers:
            self.event_consumers.append(consumer)

    @property
    def is_sqlite(self) -> bool:
        return self.backend == "sqlite"

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        with self.engine.begin() as connection:
            yield connection

    def run_in_transaction(self, work: Callable[[Connection], T]) -> T:
        with self.transaction() as connection:
            return work(connection)

    @contextmanager
    def unit_of_work(self, now: datetime) -> Iterator[UnitOfWork]:
        """One transaction: commits when the block ends normally (after the event consumers
        ran), rolls back on any exception."""
        with self.engine.begin() as connection:
            uow = UnitOfWork(connection, now)
            yield uow
            finish(uow, self.event_consumers)

    async def run(self, work: Callable[..., T], *args: Any) -> T:
        """Run blocking database work without stalling the event loop on network databases."""
        if self.is_sqlite:
            return work(*args)
        if self._limiter is None:
            self._limiter = anyio.CapacityLimiter(WORKER_THREADS)
        return await anyio.to_thread.run_sync(functools.partial(work, *args), limiter=self._limiter)

    def dispose(self) -> None:
        self.engine.dispose()


_MISSING_TABLE = re.compile(
    r"no such table: (\w+)|Table '[^']*?(\w+)' doesn't exist|relation \"(\w+)\" does not exist"
)


def missing_table(error: BaseException) -> str | None:
    """The table a failed statement needed and the database lacks (a VICIdial database
    without an optional table, see storage/schema.py), or None for any other failure."""
    match = _MISSING_TABLE.search(str(getattr(error, "orig", None) or error))
    return next((name for name in match.groups() if name), None) if match else None

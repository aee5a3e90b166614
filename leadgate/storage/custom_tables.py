"""The layouts (columns) of the custom_<list_id> tables, reflected and cached per process.

Reflecting a table costs several queries and its layout rarely changes, so a found layout is
reused for a few seconds. Another process may change a table meanwhile (another
`leadgate serve` worker's update_list, VICIdial's own admin screen on a shared database), so:

- a caller that names columns (`needs`) the cached layout lacks gets the layout read again;
- `with_custom_table` runs the statements that use a layout and, when the database answers
  that a column or table of it does not exist, forgets the layout and runs them once more
  with a fresh one.

Only callers that use custom fields pay for any of this (add_lead without custom fields never
gets here).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Collection
from contextlib import AbstractContextManager, nullcontext
from typing import Any, TypeVar

from sqlalchemy import Connection, MetaData, Table, inspect
from sqlalchemy.exc import DBAPIError

from leadgate.storage.zero_dates import with_zero_dates

T = TypeVar("T")

CUSTOM_TABLE_TTL = 5.0
_layouts: dict[tuple[int, str], tuple[float, Table]] = {}

# What each engine answers when a statement names a column or table that does not exist.
_MYSQL_MISSING = frozenset({1054, 1146})  # ER_BAD_FIELD_ERROR, ER_NO_SUCH_TABLE
_POSTGRESQL_MISSING = frozenset({"42703", "42P01"})  # undefined_column, undefined_table
_SQLITE_MISSING = ("no such table", "no such column", "has no column named")


def custom_table_name(list_id: int) -> str:
    return f"custom_{list_id}"


def custom_table(conn: Connection, list_id: int, needs: Collection[str] = ()) -> Table | None:
    """custom_<list_id> as it exists now (or a few seconds ago), or None when it does not
    exist. A cached layout lacking one of the columns in `needs` is read again (another
    process may just have added it); a missing table is looked for again on every call."""
    name = custom_table_name(list_id)
    key = (id(conn.engine), name)
    cached = _layouts.get(key)
    if (
        cached is not None
        and cached[0] > time.monotonic()
        and all(column in cached[1].c for column in needs)
    ):
        return cached[1]
    if not inspect(conn).has_table(name):
        _layouts.pop(key, None)
        return None
    table = Table(name, MetaData(), autoload_with=conn, listeners=[("column_reflect", _zero_dates)])
    _layouts[key] = (time.monotonic() + CUSTOM_TABLE_TTL, table)
    return table


def _zero_dates(_inspector: object, _table: Table, column: dict[str, Any]) -> None:
    column["type"] = with_zero_dates(column["type"])


def forget_custom_table(conn: Connection, list_id: int) -> None:
    _layouts.pop((id(conn.engine), custom_table_name(list_id)), None)


def forget_custom_tables(conn: Connection | None = None) -> None:
    """Forget the cached layouts of conn's database (it just changed a custom table), or
    every cached layout."""
    if conn is None:
        _layouts.clear()
        return
    engine = id(conn.engine)
    for key in [key for key in _layouts if key[0] == engine]:
        del _layouts[key]


def with_custom_table(
    conn: Connection,
    list_id: int,
    work: Callable[[Table | None], T],
    needs: Collection[str] = (),
) -> T:
    """work(custom_<list_id>'s layout, or None): retried once with a freshly read layout when
    the database says a column or table of the cached one no longer exists.

    `work` runs statements only (its caller reports afterwards) and must write nothing before
    a statement that can fail so: every statement is atomic, so a failed attempt leaves
    nothing behind. On PostgreSQL a failed statement aborts the transaction, so each attempt
    runs in a savepoint; MariaDB and SQLite fail only the statement."""
    try:
        with _attempt(conn):
            return work(custom_table(conn, list_id, needs))
    except DBAPIError as error:
        if not layout_changed(conn, error):
            raise
    forget_custom_table(conn, list_id)
    return work(custom_table(conn, list_id, needs))


def retry_if_layout_changed(conn: Connection, list_id: int, work: Callable[[], T]) -> T:
    """work() (which reads custom_<list_id>'s layout itself), run once more when the table
    changed between its reading the layout and its using it."""
    return with_custom_table(conn, list_id, lambda _table: work())


def _attempt(conn: Connection) -> AbstractContextManager[object]:
    return conn.begin_nested() if conn.dialect.name == "postgresql" else nullcontext()


def layout_changed(conn: Connection, error: DBAPIError) -> bool:
    """True when the failed statement named a column or table that does not exist."""
    orig = error.orig
    backend = conn.dialect.name
    if backend == "postgresql":
        return getattr(orig, "sqlstate", None) in _POSTGRESQL_MISSING
    if backend == "mysql":
        args: tuple[object, ...] = getattr(orig, "args", ())
        return bool(args) and args[0] in _MYSQL_MISSING
    message = str(orig)
    return any(text in message for text in _SQLITE_MISSING)

"""Hot-path statements: compiled once per dialect, run straight on the DBAPI cursor.

SQLAlchemy Core builds and types every statement (so the SQL stays portable and in this
layer), but its per-execution machinery costs more than SQLite's own work on a tiny insert.
A `Prepared` statement compiles once per dialect, remembers the parameter order and the type
conversions (bind and result processors), and then runs on the call's own DBAPI connection —
inside the same transaction as everything else the call does.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table, bindparam, insert
from sqlalchemy.engine import Dialect
from sqlalchemy.sql import ClauseElement
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.expression import Select

Processor = Callable[[Any], Any] | None


@dataclass(frozen=True)
class _Compiled:
    sql: str
    positional: tuple[str, ...] | None  # parameter names in order; None = named (dict) style
    names: dict[str, str]  # bind key -> name in the SQL text (named style)
    defaults: dict[str, Any]  # literal values compiled into the statement
    bind_processors: dict[str, Processor]
    result_names: tuple[str, ...]
    result_processors: tuple[Processor, ...]


def _compile(statement: ClauseElement, dialect: Dialect) -> _Compiled:
    compiled = statement.compile(dialect=dialect)
    assert isinstance(compiled, SQLCompiler)
    if "POSTCOMPILE" in compiled.string:
        raise ValueError("expanding parameters cannot be prepared")
    defaults: dict[str, Any] = {}
    processors: dict[str, Processor] = {}
    for key, bind in compiled.binds.items():
        if not bind.required or bind.value is not None:
            defaults[key] = bind.effective_value
        processors[key] = bind.type._cached_bind_processor(dialect)
    escaped = getattr(compiled, "escaped_bind_names", None) or {}
    result_names: tuple[str, ...] = ()
    result_processors: tuple[Processor, ...] = ()
    if isinstance(statement, Select):
        columns = list(statement.selected_columns)
        result_names = tuple(str(column.key) for column in columns)
        result_processors = tuple(
            column.type._cached_result_processor(dialect, None) for column in columns
        )
    return _Compiled(
        sql=compiled.string,
        positional=tuple(compiled.positiontup or ()) if compiled.positional else None,
        names={key: escaped.get(key, key) for key in compiled.binds},
        defaults=defaults,
        bind_processors=processors,
        result_names=result_names,
        result_processors=result_processors,
    )


class Prepared:
    """One Core statement, ready to run on any of the three databases."""

    def __init__(self, statement: ClauseElement) -> None:
        self.statement = statement
        self._by_dialect: dict[str, _Compiled] = {}

    def _for(self, conn: Connection) -> _Compiled:
        dialect = conn.dialect
        compiled = self._by_dialect.get(dialect.name)
        if compiled is None:
            compiled = self._by_dialect[dialect.name] = _compile(self.statement, dialect)
        return compiled

    def run(self, conn: Connection, params: Mapping[str, Any]) -> Any:
        """Execute; returns the DBAPI cursor (rowcount, lastrowid, fetch*)."""
        compiled = self._for(conn)
        bound = self._bind(compiled, params)
        cursor = conn.connection.cursor()
        if conn._has_events or conn.engine._has_events:
            # Keep statement listeners (round-trip counters, tracing) seeing every statement.
            conn.dispatch.before_cursor_execute(conn, cursor, compiled.sql, bound, None, False)
        cursor.execute(compiled.sql, bound)
        return cursor

    def run_many(self, conn: Connection, rows: Sequence[Mapping[str, Any]]) -> Any:
        """executemany over rows (drivers batch it: pymysql rewrites to one multi-row INSERT)."""
        compiled = self._for(conn)
        bound_rows = [self._bind(compiled, row) for row in rows]
        if conn._has_events or conn.engine._has_events:
            conn.dispatch.before_cursor_execute(conn, None, compiled.sql, bound_rows, None, True)
        cursor = conn.connection.cursor()
        cursor.executemany(compiled.sql, bound_rows)
        return cursor

    @staticmethod
    def _bind(compiled: _Compiled, params: Mapping[str, Any]) -> Any:
        values = {**compiled.defaults, **params}
        for key, process in compiled.bind_processors.items():
            if process is not None and key in values:
                values[key] = process(values[key])
        if compiled.positional is not None:
            return tuple(values[name] for name in compiled.positional)
        names = compiled.names
        return {names[k]: v for k, v in values.items() if k in names}

    def first(self, conn: Connection, params: Mapping[str, Any]) -> dict[str, Any] | None:
        """The first row as a dict of converted values, or None."""
        compiled = self._for(conn)
        cursor = self.run(conn, params)
        try:
            row = cursor.fetchone()
        finally:
            cursor.close()
        if row is None:
            return None
        return {
            name: (process(value) if process is not None else value)
            for name, process, value in zip(
                compiled.result_names, compiled.result_processors, row, strict=False
            )
        }


class PreparedInsert:
    """INSERT of one row into `table`, prepared per set of columns; returns the new id."""

    def __init__(self, table: Table, id_column: str | None = None) -> None:
        self.table = table
        self.id_column = id_column
        self._by_columns: dict[tuple[str, ...], tuple[Prepared, Prepared]] = {}

    def _prepared(self, columns: tuple[str, ...], returning: bool) -> Prepared:
        pair = self._by_columns.get(columns)
        if pair is None:
            values = {name: bindparam(name, type_=self.table.c[name].type) for name in columns}
            plain = insert(self.table).values(values)
            with_id = plain.returning(self.table.c[self.id_column]) if self.id_column else plain
            pair = self._by_columns[columns] = (Prepared(plain), Prepared(with_id))
        return pair[1] if returning else pair[0]

    def insert(self, conn: Connection, values: Mapping[str, Any]) -> int | None:
        columns = tuple(sorted(values))
        # PostgreSQL has no lastrowid: ask for the id with RETURNING there.
        returning = self.id_column is not None and conn.dialect.name == "postgresql"
        cursor = self._prepared(columns, returning).run(conn, values)
        try:
            if self.id_column is None:
                return None
            if returning:
                return int(cursor.fetchone()[0])
            return int(cursor.lastrowid)
        finally:
            cursor.close()

    def insert_many(self, conn: Connection, rows: Sequence[Mapping[str, Any]]) -> None:
        """Insert rows sharing one set of columns in a single executemany (one round trip)."""
        if not rows:
            return
        columns = tuple(sorted(rows[0]))
        if len(rows) == 1 or any(tuple(sorted(row)) != columns for row in rows):
            for row in rows:
                self._prepared(tuple(sorted(row)), False).run(conn, row).close()
            return
        self._prepared(columns, False).run_many(conn, rows).close()

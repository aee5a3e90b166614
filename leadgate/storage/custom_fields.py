"""Custom list fields: the custom_<list_id> tables' columns and the vicidial_lists_fields rows
that define them (list_custom_fields, update_list's custom_fields_add/update/delete).

Field labels are column names. Every label that reaches DDL here is checked against
LABEL_PATTERN first and quoted by the dialect; defaults are rendered as SQL literals by the
dialect's compiler. Nothing from a request is ever interpolated unchecked.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, ParamSpec

from sqlalchemy import (
    Connection,
    Date,
    Integer,
    String,
    Text,
    Time,
    delete,
    func,
    inspect,
    literal,
    select,
    update,
)
from sqlalchemy.dialects import mysql
from sqlalchemy.exc import DBAPIError
from sqlalchemy.types import LargeBinary, TypeEngine

from leadgate.storage import lists
from leadgate.storage.columns import fit
from leadgate.storage.custom_tables import forget_custom_tables
from leadgate.storage.tables import vicidial_lists, vicidial_lists_fields

_P = ParamSpec("_P")
_lists = vicidial_lists.c
FIELD_IDS_LOCK = lists.FIELD_IDS_LOCK
_fields = vicidial_lists_fields.c

# VICIdial's field labels after its filter ([^_0-9a-zA-Z] removed); also a safe identifier.
LABEL_PATTERN = re.compile(r"^[A-Za-z0-9_]{1,50}$")
# Characters a column default may hold (VICIdial's field_default filter keeps fewer).
_DEFAULT_PATTERN = re.compile(r"^[^'\"%\x00]*$")

LISTING_COLUMNS = ("list_name", "campaign_id", "active", "list_changedate", "list_lastcalldate")


class UnsafeIdentifier(ValueError):
    """A label or list id that cannot be used as a column or table name."""


def table_name(list_id: int) -> str:
    if list_id < 0:
        raise UnsafeIdentifier(str(list_id))
    return f"custom_{list_id}"


def _label(label: str) -> str:
    if not LABEL_PATTERN.match(label):
        raise UnsafeIdentifier(label)
    return label


# -- list_custom_fields ------------------------------------------------------------------------


def lists_for_listing(
    conn: Connection,
    list_id: int | None,
    allowed_campaigns: frozenset[str] | None,
    allowed_lists: Iterable[int] | None,
) -> list[dict[str, Any]]:
    """The lists to describe, by list_id: one list (list_id given) or every list with a
    positive id (None), limited to `allowed_campaigns` and `allowed_lists` when given."""
    stmt = select(_lists.list_id, *(_lists[c] for c in LISTING_COLUMNS)).order_by(_lists.list_id)
    if list_id is not None:
        stmt = stmt.where(_lists.list_id == list_id)
    elif allowed_lists is not None:
        stmt = stmt.where(_lists.list_id.in_(sorted(set(allowed_lists))))
    else:
        stmt = stmt.where(_lists.list_id > 0)
    if allowed_campaigns is not None:
        stmt = stmt.where(_lists.campaign_id.in_(sorted(allowed_campaigns)))
    return [dict(row) for row in conn.execute(stmt).mappings()]


def table_columns(conn: Connection, list_id: int) -> list[str] | None:
    """custom_<list_id>'s column names in table order (None when the table does not exist)."""
    name = table_name(list_id)
    inspector = inspect(conn)
    if not inspector.has_table(name):
        return None
    return [str(column["name"]) for column in inspector.get_columns(name)]


# -- field definitions -------------------------------------------------------------------------


def field_count(conn: Connection, list_id: int, label: str | None = None) -> int:
    stmt = select(func.count()).where(_fields.list_id == list_id)
    if label is not None:
        stmt = stmt.where(_fields.field_label == label)
    return int(conn.execute(stmt).scalar_one())


def label_prefix_count(conn: Connection, list_id: int, prefix: str) -> int:
    """Fields of the list whose label starts with `prefix` (LIKE 'prefix%', prefix escaped)."""
    escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    stmt = select(func.count()).where(
        _fields.list_id == list_id, _fields.field_label.like(f"{escaped}%", escape="\\")
    )
    return int(conn.execute(stmt).scalar_one())


def copy_order(conn: Connection, list_id: int) -> list[dict[str, Any]]:
    """The list's field definitions in the order VICIdial copies them."""
    stmt = select(vicidial_lists_fields).where(_fields.list_id == list_id)
    stmt = stmt.order_by(_fields.field_rank, _fields.field_order, _fields.field_label)
    return [dict(row) for row in conn.execute(stmt).mappings()]


def find_field(conn: Connection, list_id: int, label: str) -> dict[str, Any] | None:
    stmt = (
        select(vicidial_lists_fields)
        .where(_fields.list_id == list_id, _fields.field_label == label)
        .order_by(_fields.field_id)
    )
    row = conn.execute(stmt).mappings().first()
    return None if row is None else dict(row)


def insert_field(conn: Connection, list_id: int, values: Mapping[str, Any]) -> int:
    """A new field definition of the list; its field_id. The caller holds FIELD_IDS_LOCK."""
    return lists.add_field(conn, list_id, dict(fit(vicidial_lists_fields, values)))


def update_field(conn: Connection, field_id: int, values: Mapping[str, Any]) -> int:
    stmt = update(vicidial_lists_fields).where(_fields.field_id == field_id)
    return int(conn.execute(stmt.values(**fit(vicidial_lists_fields, values))).rowcount)


def delete_field(conn: Connection, field_id: int) -> int:
    stmt = delete(vicidial_lists_fields).where(_fields.field_id == field_id)
    return int(conn.execute(stmt).rowcount)


def fields_at_rank(
    conn: Connection, list_id: int, rank: int, exclude: Iterable[int]
) -> list[tuple[int, str]]:
    """(field_id, field_label) of the list's fields at `rank`, except `exclude`, by field_id."""
    stmt = (
        select(_fields.field_id, _fields.field_label)
        .where(_fields.list_id == list_id, _fields.field_rank == rank)
        .where(_fields.field_id.not_in(sorted(set(exclude))))
        .order_by(_fields.field_id)
    )
    return [(int(r[0]), str(r[1] or "")) for r in conn.execute(stmt)]


def set_field_rank(conn: Connection, field_id: int, rank: int) -> None:
    conn.execute(update(vicidial_lists_fields).where(_fields.field_id == field_id).values(
        field_rank=rank))  # fmt: skip


# -- custom_<list_id> columns (DDL) -------------------------------------------------------------


class ColumnSpec:
    """A custom column's type: kind is varchar, enum, text, blob, date or time."""

    def __init__(self, kind: str, length: int = 0, options: tuple[str, ...] = ()) -> None:
        self.kind, self.length, self.options = kind, length, options

    def type_for(self, dialect_name: str) -> TypeEngine[Any]:
        if self.kind == "enum":
            if dialect_name == "mysql":
                return mysql.ENUM(*self.options)
            return String(max([len(o) for o in self.options] + [1]))
        if self.kind == "text":
            return Text()
        if self.kind == "blob":
            return LargeBinary()
        if self.kind == "date":
            return Date()
        if self.kind == "time":
            return Time()
        return String(max(self.length, 1))


def _quote(conn: Connection, identifier: str) -> str:
    return str(conn.dialect.identifier_preparer.quote(identifier))


def _default_sql(conn: Connection, value: str) -> str:
    if not _DEFAULT_PATTERN.match(value):
        raise UnsafeIdentifier(value)
    compiled = literal(value, String()).compile(
        dialect=conn.dialect, compile_kwargs={"literal_binds": True}
    )
    return str(compiled)


def _column_sql(conn: Connection, label: str, spec: ColumnSpec, default: str | None) -> str:
    column_type = spec.type_for(conn.dialect.name).compile(dialect=conn.dialect)
    sql = f"{_quote(conn, _label(label))} {column_type}"
    if default is not None:
        sql += f" DEFAULT {_default_sql(conn, default)}"
    return sql


def _run_ddl(conn: Connection, statements: list[str]) -> bool:
    """Run DDL statements; False when the database refuses one. PostgreSQL and SQLite run
    them in a savepoint, so a refusal changes nothing; MariaDB commits implicitly around each
    DDL statement (callers therefore run DDL after their checks and before their row writes).
    On a VICIdial database (VICIdial mode, README) every change is refused without trying."""
    if not inspect(conn).has_table("alembic_version"):
        return False  # a VICIdial database (no leadgate schema): leadgate runs no DDL there
    try:
        if conn.dialect.name == "mysql":
            for statement in statements:
                conn.exec_driver_sql(statement)
        else:
            with conn.begin_nested():
                for statement in statements:
                    conn.exec_driver_sql(statement)
    except DBAPIError:
        return False
    finally:
        forget_custom_tables(conn)
    return True


def create_table(conn: Connection, list_id: int) -> bool:
    """custom_<list_id> with only its lead_id key."""
    name = _quote(conn, table_name(list_id))
    return _run_ddl(conn, [f"CREATE TABLE {name} ({_key_sql(conn)})"])


def _key_sql(conn: Connection) -> str:
    key_type = Integer().compile(dialect=conn.dialect)
    return f"{_quote(conn, 'lead_id')} {key_type} NOT NULL PRIMARY KEY"


def _unsafe_is_refused(ddl: Callable[_P, bool]) -> Callable[_P, bool]:
    """A label or default that must not reach SQL makes the change fail like refused DDL."""

    @functools.wraps(ddl)
    def run(*args: _P.args, **kwargs: _P.kwargs) -> bool:
        try:
            return ddl(*args, **kwargs)
        except UnsafeIdentifier:
            return False

    return run


@_unsafe_is_refused
def add_column(
    conn: Connection, list_id: int, label: str, spec: ColumnSpec, default: str | None
) -> bool:
    """Add the column (creating custom_<list_id> around it when missing)."""
    name = _quote(conn, table_name(list_id))
    column = _column_sql(conn, label, spec, default)
    if table_columns(conn, list_id) is None:
        return _run_ddl(conn, [f"CREATE TABLE {name} ({_key_sql(conn)}, {column})"])
    return _run_ddl(conn, [f"ALTER TABLE {name} ADD COLUMN {column}"])


@_unsafe_is_refused
def modify_column(
    conn: Connection, list_id: int, label: str, spec: ColumnSpec, default: str | None
) -> bool:
    """Change an existing column's type and default (SQLite keeps its declared type: it does
    not enforce column types)."""
    name = _quote(conn, table_name(list_id))
    backend = conn.dialect.name
    if backend == "mysql":
        return _run_ddl(
            conn, [f"ALTER TABLE {name} MODIFY {_column_sql(conn, label, spec, default)}"]
        )
    if backend == "postgresql":
        column = _quote(conn, _label(label))
        column_type = spec.type_for(backend).compile(dialect=conn.dialect)
        using = f"{column}::text"
        if spec.kind in ("date", "time"):
            using = f"NULLIF({column}::text, '')::{column_type}"
        elif spec.kind == "blob":
            using = f"convert_to({column}::text, 'UTF8')"
        statements = [
            f"ALTER TABLE {name} ALTER COLUMN {column} DROP DEFAULT",
            f"ALTER TABLE {name} ALTER COLUMN {column} TYPE {column_type} USING {using}",
        ]
        if default is not None:
            statements.append(
                f"ALTER TABLE {name} ALTER COLUMN {column} SET DEFAULT {_default_sql(conn, default)}"
            )
        return _run_ddl(conn, statements)
    _label(label)
    return True


@_unsafe_is_refused
def drop_column(conn: Connection, list_id: int, label: str) -> bool:
    name = _quote(conn, table_name(list_id))
    columns = table_columns(conn, list_id)
    if columns is None or label not in columns:
        return False  # VICIdial's ALTER TABLE … DROP fails the same way
    return _run_ddl(conn, [f"ALTER TABLE {name} DROP COLUMN {_quote(conn, _label(label))}"])

"""MySQL's zero dates, stored as VICIdial stores them and read back the same on every engine.

VICIdial runs MySQL with `sql_mode=''`: a DATE or DATETIME given an empty or invalid value
stores `0000-00-00` / `0000-00-00 00:00:00`, and VICIdial's own processes depend on it (its
hopper treats a zero callback_time as due at once). leadgate writes the same values:

* MySQL/MariaDB: the zero date itself (each connection drops the sql_mode flags that forbid
  it, see storage/database.py). The driver reads it back as the text `0000-00-00…`, which is
  also what VICIdial prints.
* SQLite/PostgreSQL have no zero date: it is stored as NULL — the convention of the
  conformance kit too — and read back as NULL (printed empty). Every query leadgate runs
  treats the two alike: a comparison with a real date excludes both, a descending sort puts
  both last, and `is_due` counts both as due at once.

In Python a zero date is the text `ZERO_DATE` / `ZERO_DATETIME`; the column types below turn it
into what the engine stores.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Final, Literal

from sqlalchemy import ColumnElement, Date, DateTime, or_
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

ZERO_DATE: Final = "0000-00-00"
ZERO_DATETIME: Final = "0000-00-00 00:00:00"
ZeroDate = Literal["0000-00-00"]
ZeroDateTime = Literal["0000-00-00 00:00:00"]

# Flags that make MySQL refuse what VICIdial's `sql_mode=''` stores: zero dates, and (strict
# modes) a value outside an ENUM of VICIdial's tables, which non-strict MySQL stores as ''.
_REFUSING_VICIDIAL_VALUES = frozenset(
    {"NO_ZERO_DATE", "NO_ZERO_IN_DATE", "STRICT_TRANS_TABLES", "STRICT_ALL_TABLES", "TRADITIONAL"}
)


def is_zero_date(value: object) -> bool:
    return isinstance(value, str) and value.startswith(ZERO_DATE)


def _engine_value(value: Any, dialect: Dialect) -> Any:
    if is_zero_date(value):
        return value if dialect.name == "mysql" else None
    return value


class VicidialDate(TypeDecorator[Any]):
    """DATE that also stores `ZERO_DATE`."""

    impl = Date
    cache_ok = True

    def process_bind_param(self, value: date | str | None, dialect: Dialect) -> Any:
        return _engine_value(value, dialect)


class VicidialDateTime(TypeDecorator[Any]):
    """DATETIME that also stores `ZERO_DATETIME`."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | str | None, dialect: Dialect) -> Any:
        return _engine_value(value, dialect)


def plain_type(column_type: Any) -> Any:
    """The SQLAlchemy type under a decorated one (for isinstance checks on Date/DateTime)."""
    return column_type.impl_instance if isinstance(column_type, TypeDecorator) else column_type


def with_zero_dates(column_type: Any) -> Any:
    """The zero-date-aware version of a reflected column type (custom_<list_id> tables)."""
    if isinstance(column_type, DateTime):
        return VicidialDateTime()
    if isinstance(column_type, Date):
        return VicidialDate()
    return column_type


def sql_mode_allowing_zero_dates(sql_mode: str) -> str:
    """The session's sql_mode minus the flags that refuse what VICIdial stores."""
    flags = [flag for flag in sql_mode.split(",") if flag and flag not in _REFUSING_VICIDIAL_VALUES]
    return ",".join(flags)


def is_due(column: ColumnElement[Any], now: datetime, dialect: Dialect) -> ColumnElement[bool]:
    """`column <= now` where a zero date counts as due at once (VICIdial's hopper rule)."""
    if dialect.name == "mysql":
        return column <= now  # the zero date sorts before every real date; NULL is never due
    return or_(column <= now, column.is_(None))

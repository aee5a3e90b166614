"""Searching a whole database for passwords."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import String, Text, inspect, select, text

from leadgate.storage.database import Database
from leadgate.storage.tables import metadata, vicidial_users


def password_hits(db: Database, passwords: Iterable[str]) -> list[str]:
    """`table.column` of every text value that contains one of `passwords` — apart from
    vicidial_users.pass, the VICIdial column that holds plain passwords by design."""
    wanted = [p for p in passwords if p]
    hits: list[str] = []
    with db.transaction() as conn:
        names = set(inspect(conn).get_table_names())
        for table in metadata.sorted_tables:
            if table.name not in names:
                continue
            columns = [c for c in table.columns if isinstance(c.type, String | Text)]
            if table is vicidial_users:
                columns = [c for c in columns if c.name != "pass"]
            if not columns:
                continue
            for row in conn.execute(select(*columns)):
                for column, value in zip(columns, row, strict=True):
                    if isinstance(value, str) and any(p in value for p in wanted):
                        hits.append(f"{table.name}.{column.name}")
        for name in sorted(n for n in names if n.startswith("custom_")):
            for row in conn.execute(text(f"SELECT * FROM {name}")):
                if any(isinstance(v, str) and p in v for v in row for p in wanted):
                    hits.append(name)
    return hits


def assert_no_password_stored(db: Database, passwords: Iterable[str]) -> None:
    assert password_hits(db, passwords) == []

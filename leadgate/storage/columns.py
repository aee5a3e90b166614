"""Cutting values to column widths, as MySQL's non-strict mode does on write."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Table, Text

# MySQL/MariaDB TEXT holds 65,535 bytes; a longer value fails in strict mode. Every engine cuts
# there, so a long request logs the same row everywhere (and a VICIdial MEDIUMTEXT column
# simply has room to spare).
TEXT_BYTES = 65_535
_TEXT_SAFE_CHARS = TEXT_BYTES // 4  # up to this many characters always fit (UTF-8: ≤ 4 bytes)


def _lengths(table: Table) -> dict[str, int]:
    """Column name -> width: VARCHAR length in characters, or -TEXT_BYTES for a TEXT column
    (a width in bytes). Computed once per table (kept in table.info)."""
    lengths: dict[str, int] | None = table.info.get("leadgate_lengths")
    if lengths is None:
        lengths = {}
        for column in table.columns:
            length = getattr(column.type, "length", None)
            if isinstance(column.type, Text) and (length is None or length >= TEXT_BYTES):
                lengths[column.name] = -TEXT_BYTES
            elif length:
                lengths[column.name] = length
        table.info["leadgate_lengths"] = lengths
    return lengths


def cut_utf8(value: str, max_bytes: int) -> str:
    """`value` cut to at most `max_bytes` bytes of UTF-8, never inside a character."""
    if len(value) <= max_bytes // 4:
        return value
    encoded = value.encode("utf-8", "surrogatepass")
    if len(encoded) <= max_bytes:
        return value
    return encoded[:max_bytes].decode("utf-8", "ignore")


def fit(table: Table, values: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of `values` with every string cut to its column's width."""
    lengths = _lengths(table)
    fitted = dict(values)
    for name, value in values.items():
        if isinstance(value, str):
            length = lengths.get(name)
            if length is None:
                continue
            if length < 0:
                if len(value) > _TEXT_SAFE_CHARS:
                    fitted[name] = cut_utf8(value, -length)
            elif len(value) > length:
                fitted[name] = value[:length]
    return fitted

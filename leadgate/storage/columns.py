"""Cutting values to column widths, as MySQL's non-strict mode does on write."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Table


def _lengths(table: Table) -> dict[str, int]:
    """Column name -> VARCHAR length, computed once per table (kept in table.info)."""
    lengths: dict[str, int] | None = table.info.get("leadgate_lengths")
    if lengths is None:
        lengths = {
            column.name: length
            for column in table.columns
            if (length := getattr(column.type, "length", None))
        }
        table.info["leadgate_lengths"] = lengths
    return lengths


def fit(table: Table, values: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of `values` with every string cut to its VARCHAR column's length."""
    lengths = _lengths(table)
    fitted = dict(values)
    for name, value in values.items():
        if isinstance(value, str):
            length = lengths.get(name)
            if length is not None and len(value) > length:
                fitted[name] = value[:length]
    return fitted

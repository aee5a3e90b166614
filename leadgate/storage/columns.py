"""Cutting values to column widths, as MySQL's non-strict mode does on write."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Table


def fit(table: Table, values: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of `values` with every string cut to its VARCHAR column's length."""
    fitted = dict(values)
    columns = table.c
    for name, value in values.items():
        if isinstance(value, str) and name in columns:
            length = getattr(columns[name].type, "length", None)
            if length and len(value) > length:
                fitted[name] = value[:length]
    return fitted

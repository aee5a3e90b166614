"""VICIdial's numeric coercions of request text, shared by the domain and storage."""

from __future__ import annotations


def bounded_int(text: str, digits: int = 20) -> int:
    """int(text) for a signed digit string, sized down first: beyond `digits` digits every
    value is clamped by its column anyway (and Python refuses to convert huge strings)."""
    text = text.strip()
    sign = "-" if text.startswith("-") else ""
    body = text.lstrip("+-").lstrip("0") or "0"
    if len(body) > digits:
        body = "9" * digits
    return int(sign + body)

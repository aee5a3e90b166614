"""VICIdial's numeric coercions of request text, shared by the domain and storage.

Request values arrive as digit strings of any length; Python refuses to convert very long ones,
and beyond 20 digits every value is clamped by its column anyway, so each helper sizes the text
down before converting it.
"""

from __future__ import annotations

BIGINT_MAX = 2**63 - 1
SMALLINT_MAX = 32767


def bounded_int(text: str, digits: int = 20) -> int:
    """int(text) for a signed digit string, sized down first: beyond `digits` digits every
    value is clamped by its column anyway (and Python refuses to convert huge strings)."""
    text = text.strip()
    sign = "-" if text.startswith("-") else ""
    body = text.lstrip("+-").lstrip("0") or "0"
    if len(body) > digits:
        body = "9" * digits
    return int(sign + body)


def clamped_int(digits: str, low: int, high: int) -> int:
    """An optionally signed digit string clamped to [low, high], however long it is
    (0 when it is not a number)."""
    negative = digits.startswith("-")
    body = digits.lstrip("-").lstrip("0") or "0"
    if not body.isdigit():
        return 0
    if len(body) > 20:  # far outside any column: no need to parse 10 kB of digits
        return low if negative else high
    value = -int(body) if negative else int(body)
    return max(low, min(high, value))


def clamp_bigint(digits: str) -> int:
    """A digit string as a BIGINT column stores it (non-strict MySQL clamps); 0 if not digits."""
    return clamped_int(digits, 0, BIGINT_MAX) if digits.isdigit() else 0


def clamp_smallint(digits: str) -> int:
    """A digits-only string (never negative) as a SMALLINT column stores it."""
    return clamped_int(digits, 0, SMALLINT_MAX) if digits.isdigit() else 0


def cap_digits(text: str) -> str:
    """A (signed) digit string shortened to at most 20 digits, keeping it "too large"."""
    if text and text.lstrip("-").isdigit():
        return str(bounded_int(text))
    return text


def bigint_or_none(digits: str) -> int | None:
    """A digits-only id that a BIGINT column can hold; None when empty or too large."""
    if not digits.isdigit():
        return None
    number = bounded_int(digits)
    return number if number <= BIGINT_MAX else None

"""Value rules of admin fields (lists, campaigns): VICIdial's column widths and forms.

A rule returns the value as stored or raises Refused(BAD_VALUE, field=…); nothing the CLI
accepts is cut on write. The forms are named in cli/wording.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any

from leadgate.domain.refusals import Problem, Refused

CAMPAIGN_ID = re.compile(r"[-_0-9A-Za-z]{2,8}")
LIST_ID = re.compile(r"[0-9]{2,19}")
CODE = re.compile(r"[-_0-9A-Za-z]+")
MAX_LIST_ID = 2**63 - 1  # BIGINT
DNC_SETTINGS = ("Y", "N", "AREACODE")

Rule = Callable[[str, Any], Any]  # (field name, value) -> stored value


def bad(field: str, value: Any) -> Refused:
    return Refused(Problem.BAD_VALUE, field=field, value=str(value))


def campaign_id(field: str, value: Any) -> str:
    text = str(value)
    if not CAMPAIGN_ID.fullmatch(text):
        raise bad(field, value)
    return text


def list_id(field: str, value: Any) -> int:
    text = str(value)
    if not LIST_ID.fullmatch(text) or int(text) > MAX_LIST_ID:
        raise bad(field, value)
    return int(text)


def text(longest: int, *, shortest: int = 0) -> Rule:
    def rule(field: str, value: Any) -> str:
        stripped = str(value).strip()
        if not shortest <= len(stripped) <= longest:
            raise bad(field, value)
        return stripped

    return rule


def yes_no(field: str, value: Any) -> str:
    if isinstance(value, bool):
        return "Y" if value else "N"
    if value not in ("Y", "N"):
        raise bad(field, value)
    return str(value)


def call_time(field: str, value: Any) -> str:
    stripped = str(value)
    if not (CODE.fullmatch(stripped) and len(stripped) <= 10):
        raise bad(field, value)
    return stripped


def day(field: str, value: Any) -> date:
    if isinstance(value, date):
        return value if not isinstance(value, datetime) else value.date()
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise bad(field, value) from None


def dnc_setting(field: str, value: Any) -> str:
    upper = str(value).upper()
    if upper not in DNC_SETTINGS:
        raise bad(field, value)
    return upper


def statuses(field: str, value: Any) -> str:
    """`NEW CALLBK` or `NEW,CALLBK` → VICIdial's ` NEW CALLBK -` (space-delimited, `-` ended)."""
    found = [s for s in re.split(r"[\s,]+", str(value)) if s and s != "-"]
    stored = f" {' '.join(found)} -"
    if not found or len(stored) > 255:
        raise bad(field, value)
    for status in found:
        if not (CODE.fullmatch(status) and len(status) <= 6):
            raise bad(field, status)
    return stored


def validated(rules: Mapping[str, Rule], values: Mapping[str, Any]) -> dict[str, Any]:
    """The given values (None = not given) as stored; unknown fields are refused."""
    cleaned: dict[str, Any] = {}
    for name, value in values.items():
        if name not in rules:
            raise Refused(Problem.UNKNOWN_FIELD, field=name)
        if value is not None:
            cleaned[name] = rules[name](name, value)
    return cleaned

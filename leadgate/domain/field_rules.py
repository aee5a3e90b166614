"""Value rules of admin fields (campaign ids, list ids, dial statuses): VICIdial's column
widths and forms.

A rule returns the value as stored or raises Refused(BAD_VALUE, field=…); nothing the CLI
accepts is cut on write. The forms are named in cli/wording.py.
"""

from __future__ import annotations

import re
from typing import Any

from leadgate.domain.refusals import Problem, Refused

CAMPAIGN_ID = re.compile(r"[-_0-9A-Za-z]{2,8}")
LIST_ID = re.compile(r"[0-9]{2,19}")
CODE = re.compile(r"[-_0-9A-Za-z]+")
MAX_LIST_ID = 2**63 - 1  # BIGINT
DNC_SETTINGS = ("Y", "N", "AREACODE")


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

"""The 76 recorded webhook scenarios (shared/conformance/webhooks.jsonl) for golden tests."""

from __future__ import annotations

import json
import os
import re
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote_plus

CONFORMANCE = Path(
    os.environ.get(
        "LEADGATE_CONFORMANCE_KIT",
        Path(__file__).resolve().parents[2] / "shared" / "conformance",
    )
)

# The fixed "now" golden tests use; recorded dates/epochs are normalised back to placeholders.
NOW = datetime(2026, 12, 6, 12, 34, 56)
SQLDATE = NOW.strftime("%Y-%m-%d %H:%M:%S")
SQLDATE_ENC = quote_plus(SQLDATE)
RECEIVER = "http://127.0.0.1:18700"


@cache
def scenarios() -> list[dict[str, Any]]:
    with (CONFORMANCE / "webhooks.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def of_event(event: str) -> list[dict[str, Any]]:
    return [s for s in scenarios() if s["event"] == event]


@cache
def fixture() -> dict[str, Any]:
    return dict(json.loads((CONFORMANCE / "fixture.json").read_text(encoding="utf-8")))


def expected_urls(scenario: dict[str, Any]) -> list[str]:
    """The URLs VICIdial built: the url column of its vicidial_url_log rows, in order."""
    return [str(row["url"]) for row in scenario["url_log"]]


def normalise(url: str, now: datetime = NOW) -> str:
    stamp = now.strftime("%Y-%m-%d %H:%M:%S")
    url = url.replace(quote_plus(stamp), "<SQLDATE_ENC>").replace(stamp, "<SQLDATE>")
    return url.replace(str(int(now.timestamp())), "<EPOCH>")


_ASSIGNMENT = re.compile(
    r"\s*`?(\w+)`?\s*=\s*(%s|'(?:[^']|'')*'|NOW\(\)|UNIX_TIMESTAMP\(\)\s*-\s*\d+|-?[\d.]+)\s*(?:,|$)"
)


def parse_assignments(text: str, args: list[Any] | None) -> dict[str, Any]:
    """`a=%s,b='x',c=NOW()` (the recorder's MySQL SET lists) → column → value."""
    values: dict[str, Any] = {}
    pending = list(args or [])
    position = 0
    while position < len(text):
        match = _ASSIGNMENT.match(text, position)
        assert match, f"cannot parse {text[position:]!r}"
        name, raw = match.group(1), match.group(2)
        if raw == "%s":
            values[name] = pending.pop(0)
        elif raw.startswith("'"):
            values[name] = _mysql_unescape(raw[1:-1].replace("''", "'"))
        elif raw == "NOW()":
            values[name] = NOW
        elif raw.startswith("UNIX_TIMESTAMP"):
            values[name] = int(NOW.timestamp()) - int(raw.split("-")[-1])
        else:
            values[name] = int(raw) if raw.lstrip("-").isdigit() else raw
        position = match.end()
    return values


_MYSQL_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "0": "\0", "\\": "\\", "'": "'", '"': '"'}


def _mysql_unescape(text: str) -> str:
    """MySQL string-literal backslash escapes (`\\n` is a newline)."""
    return re.sub(r"\\(.)", lambda m: _MYSQL_ESCAPES.get(m.group(1), m.group(1)), text)


_INSERT = re.compile(r"^INSERT INTO (\w+) SET (.*)$", re.S)
_UPDATE = re.compile(r"^UPDATE (\w+) SET (.*?)(?: WHERE (\w+)\s*=\s*('[^']*'|\d+))?$", re.S)


def setup_steps(
    scenario: dict[str, Any],
) -> list[tuple[str, str, dict[str, Any], tuple[str, Any] | None]]:
    """Each setup statement as (verb, table, values, where) with where = (column, value)."""
    steps = []
    for step in scenario["setup"]:
        sql, args = step["sql"], step.get("args")
        insert = _INSERT.match(sql)
        if insert:
            steps.append(
                ("insert", insert.group(1), parse_assignments(insert.group(2), args), None)
            )
            continue
        update = _UPDATE.match(sql)
        assert update, sql
        # The WHERE value never uses a placeholder; SET may.
        values = parse_assignments(update.group(2), args)
        where = None
        if update.group(3):
            raw = update.group(4)
            where = (update.group(3), raw[1:-1] if raw.startswith("'") else int(raw))
        steps.append(("update", update.group(1), values, where))
    return steps

"""Do-not-call administration for the CLI: add, remove, check and bulk import.

`campaign_id=None` means VICIdial's system (internal) list; any other value a campaign's own list.
Every add and delete leaves a vicidial_dnc_log row, the system list logged as `-SYSINT-`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from leadgate.domain import catalog
from leadgate.storage import dnc_registry as store

SYSTEM_LOG_CAMPAIGN = "-SYSINT-"
# 6-18 digits, or VICIdial's area-code wildcard: area code + seven capital X.
PHONE = re.compile(r"[0-9]{6,18}|[0-9]{3}XXXXXXX")
# Formatting people put in phone numbers; removed before validating.
SEPARATORS = re.compile(r"[\s().+-]")
FIELD_SEPARATORS = re.compile(r"[,;\t]")
BATCH_SIZE = 1000
INVALID_SAMPLES = 5

# Database.run_in_transaction: runs work(conn) in one transaction and returns its result.
Runner = Callable[[Callable[[Connection], Any]], Any]


class DncError(ValueError):
    """A user-facing reason why a DNC change was refused."""


@dataclass
class DncStatus:
    phone: str
    system: bool
    campaigns: list[str]


@dataclass
class ImportCounts:
    added: int = 0
    skipped: int = 0
    invalid: int = 0
    invalid_samples: list[str] = field(default_factory=list)

    def note_invalid(self, line_number: int, text: str) -> None:
        self.invalid += 1
        if len(self.invalid_samples) < INVALID_SAMPLES:
            self.invalid_samples.append(f"line {line_number}: {text[:40]!r}")


def normalise_phone(value: str) -> str:
    phone = SEPARATORS.sub("", value)
    if not PHONE.fullmatch(phone):
        raise DncError(f"invalid phone number {value!r}: 6-18 digits (or NPAXXXXXXX)")
    return phone


def _log_campaign(campaign_id: str | None) -> str:
    return SYSTEM_LOG_CAMPAIGN if campaign_id is None else campaign_id


def _list_name(campaign_id: str | None) -> str:
    return "the system DNC list" if campaign_id is None else f"the DNC list of {campaign_id}"


def _require_campaign(conn: Connection, campaign_id: str | None) -> None:
    if campaign_id is None:
        return
    try:
        catalog.require_campaign(conn, campaign_id)
    except catalog.CatalogError as exc:
        raise DncError(str(exc)) from None


def add(conn: Connection, phone: str, campaign_id: str | None, user: str, now: datetime) -> str:
    phone = normalise_phone(phone)
    _require_campaign(conn, campaign_id)
    if store.listed(conn, [phone], campaign_id):
        raise DncError(f"{phone} is already on {_list_name(campaign_id)}")
    store.insert_phones(conn, [phone], campaign_id)
    store.write_log(conn, [phone], _log_campaign(campaign_id), "add", user, now)
    return phone


def remove(conn: Connection, phone: str, campaign_id: str | None, user: str, now: datetime) -> str:
    phone = normalise_phone(phone)
    _require_campaign(conn, campaign_id)
    if store.delete_phone(conn, phone, campaign_id) == 0:
        raise DncError(f"{phone} is not on {_list_name(campaign_id)}")
    store.write_log(conn, [phone], _log_campaign(campaign_id), "delete", user, now)
    return phone


def check(conn: Connection, phone: str, campaign_id: str | None) -> DncStatus:
    """Is the phone on the system list, and on which campaign lists (or only `campaign_id`'s)?"""
    phone = normalise_phone(phone)
    _require_campaign(conn, campaign_id)
    system = bool(store.listed(conn, [phone], None))
    if campaign_id is None:
        campaigns = store.campaigns_listing(conn, phone)
    else:
        campaigns = [campaign_id] if store.listed(conn, [phone], campaign_id) else []
    return DncStatus(phone=phone, system=system, campaigns=campaigns)


def phone_of_line(line: str) -> str | None:
    """The phone in a line of a DNC file (the line, or its first CSV column); None if blank."""
    first = FIELD_SEPARATORS.split(line, maxsplit=1)[0].strip().strip("\"'").lstrip("\ufeff")
    return normalise_phone(first) if first else None


def import_phones(
    run_in_transaction: Runner,
    lines: Iterable[str],
    campaign_id: str | None,
    user: str,
    now: datetime,
    batch_size: int = BATCH_SIZE,
) -> ImportCounts:
    """Add every phone of `lines`, one transaction per batch.

    Batches commit as they go: a re-run after an interruption just skips what is already there.
    """
    run_in_transaction(lambda conn: _require_campaign(conn, campaign_id))
    counts = ImportCounts()
    batch: dict[str, None] = {}  # ordered set: the file's order is kept, repeats dropped
    for number, line in enumerate(lines, start=1):
        try:
            phone = phone_of_line(line)
        except DncError:
            counts.note_invalid(number, line.strip())
            continue
        if phone is None:
            continue
        if phone in batch:
            counts.skipped += 1
            continue
        batch[phone] = None
        if len(batch) >= batch_size:
            _flush(run_in_transaction, list(batch), campaign_id, user, now, counts)
            batch.clear()
    _flush(run_in_transaction, list(batch), campaign_id, user, now, counts)
    return counts


def _flush(
    run_in_transaction: Runner,
    phones: list[str],
    campaign_id: str | None,
    user: str,
    now: datetime,
    counts: ImportCounts,
) -> None:
    if not phones:
        return

    def work(conn: Connection) -> int:
        present = store.listed(conn, phones, campaign_id)
        new = [p for p in phones if p not in present]
        store.insert_phones(conn, new, campaign_id)
        store.write_log(conn, new, _log_campaign(campaign_id), "add", user, now)
        return len(new)

    added = int(run_in_transaction(work))
    counts.added += added
    counts.skipped += len(phones) - added

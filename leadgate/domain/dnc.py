"""Do-not-call lists: one set of operations for the Non-Agent API and the CLI.

* add_number / remove_number (add_dnc_phone / delete_dnc_phone, `leadgate dnc add|remove`):
  the campaign id `SYSTEM_INTERNAL` names the system list; any other id is a campaign list.
  Every change writes vicidial_dnc_log and vicidial_admin_log and emits DncChanged.
  Race-free: the list's named lock is held from the check to the commit, so of N identical
  concurrent calls exactly one changes the list and the others are told it already had.
* import_numbers: a file's numbers in batches (`leadgate dnc import`), same rows and events.
* dnc_listing: the seed function dnc_check [DESIGNED] — system list first, then the campaign's
  list (or the one its use_other_campaign_dnc names).
* check_number: check_phone_number — call time, number rules, DNC lists, then the number's
  GMT offset and dialability by every requested method.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum

from sqlalchemy import Connection

from leadgate.domain import call_times, campaigns, timezones
from leadgate.domain.events import DncChanged
from leadgate.domain.phone_rules import PhoneProblem, validate
from leadgate.storage import admin_log, timezone_data
from leadgate.storage import dnc as store
from leadgate.storage.unit_of_work import UnitOfWork

SYSTEM_LIST = "SYSTEM_INTERNAL"
SYSTEM_LOG_CAMPAIGN = "-SYSINT-"
# 6-18 digits, or VICIdial's area-code wildcard: area code + seven capital X.
STORED_PHONE = re.compile(r"[0-9]{6,18}|[0-9]{3}XXXXXXX")
# Formatting people put in phone numbers; removed before validating (CLI input).
SEPARATORS = re.compile(r"[\s().+-]")
FIELD_SEPARATORS = re.compile(r"[,;\t]")
BATCH_SIZE = 1000


class DncOutcome(Enum):
    ADDED = "added"
    ALREADY_LISTED = "already listed"
    REMOVED = "removed"
    NOT_LISTED = "not listed"
    UNKNOWN_CAMPAIGN = "unknown campaign"


@dataclass(frozen=True)
class DncRequest:
    phone_number: str
    campaign_id: str = SYSTEM_LIST  # SYSTEM_INTERNAL = the system list
    user: str = ""
    ip: str = ""
    # The CLI refuses a campaign that does not exist; VICIdial's API does not check.
    require_campaign: bool = False


def _target(campaign_id: str) -> str | None:
    """None for the system list, else the campaign id as stored (cut to the column width)."""
    return None if campaign_id == SYSTEM_LIST else store.fit_campaign(campaign_id)


def _unknown_campaign(conn: Connection, request: DncRequest, target: str | None) -> bool:
    return (
        request.require_campaign
        and target is not None
        and campaigns.find_campaign(conn, target) is None
    )


def _lock_key(target: str | None) -> str:
    # One lock per list: adds, deletes and imports of one list never interleave.
    return f"dnc:{SYSTEM_LIST if target is None else target}"


def add_number(uow: UnitOfWork, request: DncRequest) -> DncOutcome:
    """Put the number on the list (nothing changes when it is already there)."""
    return _change(uow, request, adding=True)


def remove_number(uow: UnitOfWork, request: DncRequest) -> DncOutcome:
    """Take the number off the list (nothing changes when it is not there)."""
    return _change(uow, request, adding=False)


def _change(uow: UnitOfWork, request: DncRequest, *, adding: bool) -> DncOutcome:
    conn = uow.conn
    phone, target = store.fit_phone(request.phone_number), _target(request.campaign_id)
    if _unknown_campaign(conn, request, target):
        return DncOutcome.UNKNOWN_CAMPAIGN
    uow.lock([_lock_key(target)])
    listed = bool(store.listed(conn, [phone], target))
    if adding:
        if listed:
            return DncOutcome.ALREADY_LISTED
        store.insert_phones(conn, [phone], target)
        changed = 1
    else:
        if not listed:
            return DncOutcome.NOT_LISTED
        changed = store.delete_phone(conn, phone, target)
        if changed == 0:  # cannot happen under the lock; never log a change that did not happen
            return DncOutcome.NOT_LISTED
    _log(uow, [phone], target, request, adding=adding, affected=changed)
    return DncOutcome.ADDED if adding else DncOutcome.REMOVED


def _log(
    uow: UnitOfWork, phones: list[str], target: str | None, request: DncRequest, *,
    adding: bool, affected: int,
) -> None:  # fmt: skip
    action = "add" if adding else "delete"
    campaign = SYSTEM_LIST if target is None else target
    store.write_log(uow.conn, phones, SYSTEM_LOG_CAMPAIGN if target is None else target, action,
                    request.user, uow.now)  # fmt: skip
    verb = "ADD" if adding else "DELETE"
    table = "vicidial_dnc" if target is None else "vicidial_campaign_dnc"
    record = phones[0] if len(phones) == 1 else f"{len(phones)} numbers"
    admin_log.write(
        uow.conn, now=uow.now, user=request.user, ip=request.ip[:15], section="LISTS",
        event_type=verb, record_id=record, event_code=f"ADMIN API {verb} DNC NUMBER",
        event_sql=f"{action} {table} phone_number={record} campaign_id={campaign}",
        event_notes=f"{record}|{campaign}|{affected}|{len(phones)}",
    )  # fmt: skip
    for phone in phones:
        uow.emit(DncChanged(phone_number=phone, campaign_id="" if target is None else target,
                            added=adding, user=request.user))  # fmt: skip


# -- the CLI's phone input and bulk import -----------------------------------------------------


def normalise_phone(value: str) -> str | None:
    """A typed phone number as stored ((312) 555-1234 → 3125551234); None when it is not one."""
    phone = SEPARATORS.sub("", value)
    return phone if STORED_PHONE.fullmatch(phone) else None


def phone_of_line(line: str) -> str | None:
    """The phone in a line of a DNC file (the line, or its first CSV column).

    "" for a blank line; None when the line has no valid phone."""
    first = FIELD_SEPARATORS.split(line, maxsplit=1)[0].strip().strip("\"'").lstrip("\ufeff")
    return normalise_phone(first) if first else ""


@dataclass
class ImportReport:
    added: int = 0
    skipped: int = 0  # already listed, or repeated in the file
    rejected: int = 0  # lines without a valid phone number
    header: bool = False  # the first line had no digit at all: taken as a header, skipped
    outcome: DncOutcome | None = None  # UNKNOWN_CAMPAIGN: nothing was imported
    samples: list[tuple[int, str]] = field(default_factory=list)


UnitOpener = Callable[[], AbstractContextManager[UnitOfWork]]
Rejected = Callable[[int, str], None]


def import_numbers(
    open_unit: UnitOpener, lines: Iterable[str], request: DncRequest, *,
    on_reject: Rejected | None = None, batch_size: int = BATCH_SIZE,
) -> ImportReport:  # fmt: skip
    """Add every phone of `lines`, one unit of work per batch (the request's phone is unused).

    Batches commit as they go: a re-run after an interruption skips what is already there.
    A line without a valid phone is counted, passed to `on_reject(line_number, line)` and
    changes nothing.
    """
    report = ImportReport()
    target = _target(request.campaign_id)
    with open_unit() as uow:
        if _unknown_campaign(uow.conn, request, target):
            report.outcome = DncOutcome.UNKNOWN_CAMPAIGN
            return report
    batch: dict[str, None] = {}  # ordered set: the file's order is kept, repeats dropped
    for number, line in enumerate(lines, start=1):
        phone = phone_of_line(line)
        if phone is None and number == 1 and not any(c.isdigit() for c in line):
            report.header = True  # a CSV header ("phone_number,name") is not a rejected line
            continue
        if phone is None:
            report.rejected += 1
            if on_reject is not None:
                on_reject(number, line)
            continue
        if not phone:
            continue
        if phone in batch:
            report.skipped += 1
            continue
        batch[phone] = None
        if len(batch) >= batch_size:
            _flush(open_unit, list(batch), target, request, report)
            batch.clear()
    _flush(open_unit, list(batch), target, request, report)
    return report


def _flush(
    open_unit: UnitOpener, phones: list[str], target: str | None, request: DncRequest,
    report: ImportReport,
) -> None:  # fmt: skip
    if not phones:
        return
    with open_unit() as uow:
        uow.lock([_lock_key(target)])
        present = store.listed(uow.conn, phones, target)
        new = [p for p in phones if p not in present]
        store.insert_phones(uow.conn, new, target)
        if new:
            _log(uow, new, target, request, adding=True, affected=len(new))
    report.added += len(new)
    report.skipped += len(phones) - len(new)


@dataclass(frozen=True)
class DncStatus:
    phone: str
    system: bool
    campaigns: list[str]


def status(conn: Connection, phone: str, campaign_id: str | None) -> DncStatus:
    """Exact listings of a number: the system list, and every campaign's (or only one's)."""
    system = bool(store.listed(conn, [phone], None))
    if campaign_id is None:
        listed_in = store.campaigns_listing(conn, phone)
    else:
        listed_in = [campaign_id] if store.listed(conn, [phone], campaign_id) else []
    return DncStatus(phone=phone, system=system, campaigns=listed_in)


def dnc_listing(conn: Connection, phone: str, campaign_id: str, *, areacode: bool) -> str | None:
    """Which list has the number: SYSTEM_INTERNAL, the campaign id, or None."""
    if store.in_system_dnc(conn, phone, areacode=areacode):
        return SYSTEM_LIST
    if campaign_id and store.in_campaign_dnc(conn, phone, campaign_id, areacode=areacode):
        return campaign_id
    return None


# -- check_phone_number ------------------------------------------------------------------------


@dataclass(frozen=True)
class PhoneCheck:
    """The check_phone_number parameters after filtering."""

    phone_number: str
    phone_code: str = ""
    local_call_time: str = ""
    postal_code: str = ""
    state: str = ""
    owner: str = ""
    dnc_check: str = ""
    campaign_dnc_check: str = ""
    campaign_id: str = ""
    usacan_prefix_check: str = ""
    usacan_areacode_check: str = ""
    nanpa_ac_prefix_check: str = ""
    tz_method: str = ""


class CheckFailure(Enum):
    CALL_TIME = "THIS IS NOT A VALID CALL TIME"
    NANPA_DATA = "NANPA options disabled, NANPA prefix data not loaded"
    INVALID = "INVALID PHONE NUMBER"
    DNC = "PHONE NUMBER IN DNC"
    CAMPAIGN_DNC = "PHONE NUMBER IN CAMPAIGN DNC"


@dataclass(frozen=True)
class CheckResult:
    failure: CheckFailure | None = None
    detail: str = ""  # the phone problem (LENGTH, PREFIX…) or the NANPA row count
    segments: tuple[str, ...] = ()  # "AREACODE: 1|-6" … in method order
    phone_code: str = ""


def check_number(conn: Connection, check: PhoneCheck, now: datetime) -> CheckResult:
    """check_phone_number's steps in VICIdial's order; the first failure ends the check."""
    if timezone_data.call_time_row(conn, check.local_call_time) is None:
        return CheckResult(CheckFailure.CALL_TIME)
    phone_code = check.phone_code or "1"
    tz_method = check.tz_method or "AREACODE"
    if check.nanpa_ac_prefix_check == "Y" or "NANPA" in tz_method.upper():
        count = timezones.nanpa_rows(conn)
        if not timezones.nanpa_loaded(count):
            return CheckResult(CheckFailure.NANPA_DATA, str(count))
    problem = _phone_problem(conn, check)
    if problem is not None:
        return CheckResult(CheckFailure.INVALID, problem.value)
    phone = check.phone_number
    if check.dnc_check in ("Y", "AREACODE") and store.in_system_dnc(
        conn, phone, areacode=check.dnc_check == "AREACODE"
    ):
        return CheckResult(CheckFailure.DNC)
    if check.campaign_dnc_check in ("Y", "AREACODE") and store.in_campaign_dnc(
        conn, phone, check.campaign_id, areacode=check.campaign_dnc_check == "AREACODE"
    ):
        return CheckResult(CheckFailure.CAMPAIGN_DNC)
    segments = tuple(_segments(conn, check, phone_code, tz_method.upper(), now))
    return CheckResult(segments=segments, phone_code=phone_code)


def _phone_problem(conn: Connection, check: PhoneCheck) -> PhoneProblem | None:
    return validate(
        check.phone_number,
        prefix_check=check.usacan_prefix_check == "Y",
        areacode_check=check.usacan_areacode_check == "Y",
        nanpa_check=check.nanpa_ac_prefix_check == "Y",
        known_areacode=lambda area: timezones.area_code_exists(conn, "1", area),
        known_nanpa_prefix=lambda area, prefix: timezones.nanpa_prefix_exists(conn, area, prefix),
    )


def _segments(
    conn: Connection, check: PhoneCheck, phone_code: str, methods: str, now: datetime
) -> list[str]:
    """One "<METHOD>: <dialable>|<offset>" per method named in tz_method, in fixed order."""
    usable = {
        "AREACODE": True,
        "POSTAL": 4 < len(check.postal_code) < 6,
        "TZCODE": 0 < len(check.owner) < 7,
        "NANPA": True,
    }
    segments = []
    for method, can_run in usable.items():
        if method not in methods:
            continue
        dialable, offset = 0, ""
        if can_run:
            gmt = timezones.lookup_gmt_offset(
                conn, phone_code=phone_code, phone_number=check.phone_number,
                state=check.state, postal_code=check.postal_code, owner=check.owner,
                tz_method="" if method == "AREACODE" else method, now=now,
            )  # fmt: skip
            offset = gmt.text
            dialable = int(
                call_times.is_dialable(conn, check.local_call_time, gmt.value, check.state, now)
            )
        segments.append(f"{method}: {dialable}|{offset}")
    return segments

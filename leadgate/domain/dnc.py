"""Do-not-call lists through the API, and phone-number checks.

* add_number / remove_number: add_dnc_phone / delete_dnc_phone — the campaign id
  `SYSTEM_INTERNAL` names the system list; any other id is a campaign list whose campaign is not
  checked (VICIdial's rule). Every change writes vicidial_dnc_log and vicidial_admin_log.
* dnc_listing: the seed function dnc_check [DESIGNED] — system list first, then the campaign's
  list (or the one its use_other_campaign_dnc names).
* check_number: check_phone_number — call time, number rules, DNC lists, then the number's
  GMT offset and dialability by every requested method.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from sqlalchemy import Connection

from leadgate.domain import call_times, timezones
from leadgate.domain.phone_rules import PhoneProblem, validate
from leadgate.storage import dnc as dnc_lookup
from leadgate.storage import dnc_admin, timezone_data

SYSTEM_LIST = "SYSTEM_INTERNAL"
SYSTEM_LOG_CAMPAIGN = "-SYSINT-"


def _target(campaign_id: str) -> str | None:
    """None for the system list, else the campaign id as stored (cut to the column width)."""
    return None if campaign_id == SYSTEM_LIST else dnc_admin.fit_campaign(campaign_id)


def add_number(
    conn: Connection, phone: str, campaign_id: str, *, user: str, ip: str, now: datetime
) -> bool:
    """Put the number on the list; False when it is already there (nothing changes)."""
    stored, target = dnc_admin.fit_phone(phone), _target(campaign_id)
    if dnc_admin.is_listed(conn, stored, target):
        return False
    added = dnc_admin.add(conn, stored, target)
    _log(conn, stored, target, "add", user=user, ip=ip, now=now, affected=added)
    return True


def remove_number(
    conn: Connection, phone: str, campaign_id: str, *, user: str, ip: str, now: datetime
) -> bool:
    """Take the number off the list; False when it is not there (nothing changes)."""
    stored, target = dnc_admin.fit_phone(phone), _target(campaign_id)
    if not dnc_admin.is_listed(conn, stored, target):
        return False
    removed = dnc_admin.remove(conn, stored, target)
    _log(conn, stored, target, "delete", user=user, ip=ip, now=now, affected=removed)
    return True


def _log(
    conn: Connection, phone: str, target: str | None, action: str, *, user: str, ip: str,
    now: datetime, affected: int,
) -> None:  # fmt: skip
    campaign = SYSTEM_LIST if target is None else target
    logged = dnc_admin.log_change(
        conn, phone=phone, log_campaign=SYSTEM_LOG_CAMPAIGN if target is None else target,
        action=action, user=user, now=now,
    )  # fmt: skip
    verb = "ADD" if action == "add" else "DELETE"
    table = "vicidial_dnc" if target is None else "vicidial_campaign_dnc"
    dnc_admin.log_admin_event(
        conn, now=now, user=user, ip=ip[:15], event_type=verb, record_id=phone,
        event_code=f"ADMIN API {verb} DNC NUMBER",
        # VICIdial stores its SQL text here; leadgate describes the change instead.
        event_sql=f"{action} {table} phone_number={phone} campaign_id={campaign}",
        event_notes=f"{phone}|{campaign}|{affected}|{logged}",
    )  # fmt: skip


def dnc_listing(conn: Connection, phone: str, campaign_id: str, *, areacode: bool) -> str | None:
    """Which list has the number: SYSTEM_INTERNAL, the campaign id, or None."""
    if dnc_lookup.in_system_dnc(conn, phone, areacode=areacode):
        return SYSTEM_LIST
    if campaign_id and dnc_lookup.in_campaign_dnc(conn, phone, campaign_id, areacode=areacode):
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
    if check.dnc_check in ("Y", "AREACODE") and dnc_lookup.in_system_dnc(
        conn, phone, areacode=check.dnc_check == "AREACODE"
    ):
        return CheckResult(CheckFailure.DNC)
    if check.campaign_dnc_check in ("Y", "AREACODE") and dnc_lookup.in_campaign_dnc(
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

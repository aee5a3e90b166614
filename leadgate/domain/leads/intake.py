"""Adding one lead (spec add_lead §2-§10): checks, decisions and the writes, in VICIdial's order.

No SQL and no wire text here: `add_lead` takes already-filtered request values
(`AddLeadRequest`) and returns an `AddLeadOutcome` that says what happened, step by step; the
wire layer turns it into lines and api-log rows. update_lead's insert_if_not_found and the Agent
API's external_add_lead reuse the pieces (`lead_row`, `store_alt_phones`, `store_custom_fields`,
`queue_in_hopper`, `schedule_callback`, `find_duplicate`).

Race-free duplicates: when a duplicate check is asked for, a lock named after the duplicate key
is taken inside the call's transaction before the checks, so of N identical concurrent calls
exactly one inserts and the others see its lead (storage/locks.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import Enum
from typing import Any

from sqlalchemy import Connection

from leadgate.domain import call_times, phone_rules, timezones
from leadgate.domain.events import CallbackScheduled, HopperChanged, LeadAdded
from leadgate.domain.leads import duplicates
from leadgate.domain.leads.custom_fields import CustomFieldsOutcome, store_custom_fields
from leadgate.domain.leads.duplicates import DuplicateCheck, DuplicatePlan, Match
from leadgate.domain.phone_rules import PhoneProblem
from leadgate.domain.timezones import GmtOffset
from leadgate.storage import callbacks as callback_store
from leadgate.storage import dnc as dnc_store
from leadgate.storage import hopper as hopper_store
from leadgate.storage.leads import intake as lead_store
from leadgate.storage.unit_of_work import UnitOfWork
from leadgate.values.numbers import clamp_bigint, clamp_smallint, clamped_int

DEFAULT_LIST_ID = 999
HOPPER_PRIORITY_LIMIT = 99
GENDERS = frozenset({"M", "F", "U"})
MAX_CALLBACK_DAYS = 10_000_000
MULTI_ALT_MIN_LENGTH = 6  # processed only when longer than 5 characters

# The free-text vicidial_list columns taken from the request as they are (after filtering).
TEXT_FIELDS = (
    "vendor_lead_code", "source_id", "title", "first_name", "middle_initial", "last_name",
    "address1", "address2", "address3", "city", "state", "province", "postal_code",
    "country_code", "alt_phone", "email", "security_phrase", "comments", "owner",
)  # fmt: skip
# Values VICIdial writes between double quotes: a trailing backslash breaks its INSERT.
_DOUBLE_QUOTED_FIELDS = ("vendor_lead_code", "source_id", "comments")


# -- the request ----------------------------------------------------------------------------


@dataclass(frozen=True)
class AddLeadOptions:
    """The add_lead switches, already filtered (flags are 'Y'/'AREACODE' or anything = off)."""

    dnc_check: str = ""  # 'Y' or 'AREACODE'
    campaign_dnc_check: str = ""  # 'Y' or 'AREACODE'
    campaign_id: str = ""
    duplicate_check: str = ""
    usacan_prefix_check: bool = False
    usacan_areacode_check: bool = False
    nanpa_ac_prefix_check: bool = False
    tz_method: str = ""
    lookup_state: bool = False
    list_exists_check: bool = False
    add_to_hopper: bool = False
    hopper_priority: str = ""  # filtered to '-0-9'; clamped to -99..99 here
    hopper_local_call_time_check: bool = False
    custom_fields: bool = False
    multi_alt_phones: str = ""
    callback: bool = False
    callback_status: str = ""
    callback_datetime: str = ""
    callback_type: str = ""
    callback_user: str = ""
    callback_comments: str = ""


def _no_custom_value(_label: str) -> str | None:
    return None


@dataclass(frozen=True)
class AddLeadRequest:
    """One lead to add: filtered request values, before any default is applied."""

    api_user: str
    phone_number: str
    phone_code: str = ""
    list_id: str = ""  # digits as sent ('' when missing); < 3 digits becomes 999
    fields: Mapping[str, str] = field(default_factory=dict)  # TEXT_FIELDS values
    gender: str = ""
    date_of_birth: str = ""
    rank: str = ""
    entry_list_id: str = ""
    options: AddLeadOptions = field(default_factory=AddLeadOptions)
    # A custom field's raw request value by its label (None = not sent).
    custom_value: Callable[[str], str | None] = _no_custom_value

    def text(self, name: str) -> str:
        return self.fields.get(name, "")


# -- the outcome ----------------------------------------------------------------------------


class Refusal(Enum):
    NOT_ALLOWED_LIST = "not allowed list"
    LIST_NOT_DEFINED = "list not defined"
    INVALID_PHONE = "invalid phone"
    DNC = "dnc"
    CAMPAIGN_DNC = "campaign dnc"
    DUPLICATE = "duplicate"
    UNCHECKABLE_DUPLICATE = "duplicate check impossible"
    NOT_ADDED = "not added"


@dataclass(frozen=True)
class DuplicateFound:
    check: DuplicateCheck
    lead_id: int
    list_id: int
    via: str  # 'PHONE' when the found lead's phone_number matched, else 'ALT'


class NotAddedCause(Enum):
    """Why no lead was stored where VICIdial's own SQL fails (an empty HTTP 500)."""

    BACKSLASH_AT_END = "a double-quoted value ends with a backslash"
    QUOTE_IN_COMPARED_VALUE = "a duplicate check compares a value with a quote"
    CAMPAIGN_LIST_NOT_DEFINED = "a campaign duplicate check on a list that is not defined"


@dataclass(frozen=True)
class Refused:
    refusal: Refusal
    phone_problem: PhoneProblem | None = None
    duplicate: DuplicateFound | None = None
    check: DuplicateCheck | None = None  # UNCHECKABLE_DUPLICATE: the check that could not run
    cause: NotAddedCause | None = None  # NOT_ADDED, UNCHECKABLE_DUPLICATE


@dataclass(frozen=True)
class AltPhonesLoaded:
    records: tuple[tuple[str, str, str], ...]  # number, code, note as sent (for the echo)
    inserted: int


class HopperResult(Enum):
    ADDED = "added"
    OUTSIDE_CALL_TIME = "outside local call time"


@dataclass(frozen=True)
class HopperOutcome:
    result: HopperResult
    hopper_id: int = 0
    campaign_id: str = ""  # ADDED: the campaign whose hopper it joined


class CallbackResult(Enum):
    ADDED = "added"
    CAMPAIGN_NOT_VALID = "campaign not valid"
    USER_NOT_VALID = "user not valid"


@dataclass(frozen=True)
class CallbackOutcome:
    result: CallbackResult
    callback_time: str = ""  # as resolved ('NOW' → now, '3DAYS' → now + 3 days)
    callback_type: str = ""
    callback_user: str = ""
    callback_status: str = ""


@dataclass
class AddLeadOutcome:
    """What add_lead did, in the order the wire layer reports it."""

    phone_number: str
    list_id: str  # as printed: before the 999 default for early refusals, after it otherwise
    nanpa_rows: int | None = None  # set when NANPA options were switched off (too few rows)
    refused: Refused | None = None
    lead_id: int | None = None
    gmt: GmtOffset | None = None
    state: str = ""
    alt_phones: AltPhonesLoaded | None = None
    custom_fields: CustomFieldsOutcome | None = None
    hopper: HopperOutcome | None = None
    callback: CallbackOutcome | None = None

    @property
    def added(self) -> bool:
        return self.lead_id is not None


# -- the service ----------------------------------------------------------------------------


def add_lead(
    uow: UnitOfWork,
    request: AddLeadRequest,
    *,
    allowed_lists: set[str] | None = None,
    origin: str = "add_lead",
) -> AddLeadOutcome:
    """Check and store one lead, then its extras (alt phones, custom data, hopper, callback).

    Emits LeadAdded when the lead is stored."""
    conn, now = uow.conn, uow.now
    options = request.options
    phone = request.phone_number
    outcome = AddLeadOutcome(phone_number=phone, list_id=request.list_id)

    # Both list checks look at the list_id as sent, before the 999 default (quirk Q5).
    if allowed_lists is not None and request.list_id not in allowed_lists:
        return _refuse(outcome, Refusal.NOT_ALLOWED_LIST)
    if options.list_exists_check and not _list_defined(conn, request.list_id):
        return _refuse(outcome, Refusal.LIST_NOT_DEFINED)

    list_id = effective_list_id(request.list_id)
    outcome.list_id = str(list_id)
    phone_code = request.phone_code or "1"

    nanpa_check, tz_method = options.nanpa_ac_prefix_check, options.tz_method
    if nanpa_check or "NANPA" in tz_method.upper():
        rows = timezones.nanpa_rows(conn)
        if not timezones.nanpa_loaded(rows):
            outcome.nanpa_rows = rows
            nanpa_check, tz_method = False, _NANPA.sub("", tz_method)
    if options.usacan_prefix_check:
        # VICIdial's prefix check overwrites the 3-digit prefix it later gives the NANPA time
        # zone look-up with a single digit, so that look-up never matches.
        tz_method = _NANPA.sub("", tz_method)

    problem = phone_rules.validate(
        phone,
        prefix_check=options.usacan_prefix_check,
        areacode_check=options.usacan_areacode_check,
        nanpa_check=nanpa_check,
        known_areacode=lambda area: timezones.area_code_exists(conn, "1", area),
        known_nanpa_prefix=lambda area, prefix: timezones.nanpa_prefix_exists(conn, area, prefix),
    )
    if problem is not None:
        return _refuse(outcome, Refusal.INVALID_PHONE, phone_problem=problem)

    state = request.text("state")
    if options.lookup_state and not state:
        state = timezones.state_for_area_code(conn, phone_code, phone[:3]) or state

    refused = pre_insert_checks(uow, request, list_id)
    if refused is not None:
        outcome.refused = refused
        return outcome
    if any(_breaks_quoted_insert(request.text(name)) for name in _DOUBLE_QUOTED_FIELDS):
        # VICIdial's INSERT fails on a value ending in a backslash: no lead is stored.
        return _refuse(outcome, Refusal.NOT_ADDED, cause=NotAddedCause.BACKSLASH_AT_END)

    gmt = timezones.lookup_gmt_offset(
        conn, phone_code=phone_code, phone_number=phone, state=state,
        postal_code=request.text("postal_code"), owner=request.text("owner"),
        tz_method=tz_method, now=now,
    )  # fmt: skip
    outcome.gmt, outcome.state = gmt, state

    row = lead_row(request, list_id=list_id, phone_code=phone_code, state=state, gmt=gmt, now=now)
    lead_id = lead_store.insert_lead(conn, row)
    outcome.lead_id = lead_id
    uow.emit(
        LeadAdded(
            lead_id=lead_id, list_id=list_id, phone_number=phone, api_user=request.api_user,
            origin=origin, vendor_lead_code=request.text("vendor_lead_code"),
        )
    )  # fmt: skip

    if len(options.multi_alt_phones) >= MULTI_ALT_MIN_LENGTH:
        outcome.alt_phones = store_alt_phones(conn, lead_id, options.multi_alt_phones)
    if options.custom_fields:
        outcome.custom_fields = store_custom_fields(conn, lead_id, list_id, request.custom_value)
    if options.add_to_hopper:
        outcome.hopper = queue_in_hopper(
            conn, lead_id=lead_id, list_id=list_id, gmt=gmt, state=state,
            vendor_lead_code=request.text("vendor_lead_code"),
            priority=hopper_priority(options.hopper_priority),
            check_call_time=options.hopper_local_call_time_check, now=now,
        )  # fmt: skip
        if outcome.hopper.result is HopperResult.ADDED:
            uow.emit(HopperChanged(lead_id, outcome.hopper.campaign_id, added=True))
    if options.callback:
        outcome.callback = schedule_callback(
            conn, lead_id=lead_id, list_id=list_id, options=options, now=now
        )
        if outcome.callback.result is CallbackResult.ADDED:
            uow.emit(CallbackScheduled(lead_id, outcome.callback.callback_time,
                                       user=outcome.callback.callback_user))  # fmt: skip
    return outcome


def _refuse(outcome: AddLeadOutcome, refusal: Refusal, **details: Any) -> AddLeadOutcome:
    outcome.refused = Refused(refusal=refusal, **details)
    return outcome


def _list_defined(conn: Connection, list_id: str) -> bool:
    if not list_id:
        return False
    return lead_store.list_exists(conn, clamp_bigint(list_id))


def _dnc_refusal(conn: Connection, phone: str, options: AddLeadOptions) -> Refusal | None:
    if _dnc_wanted(options.dnc_check):
        areacode = options.dnc_check == "AREACODE"
        if dnc_store.in_system_dnc(conn, phone, areacode=areacode):
            return Refusal.DNC
    if _dnc_wanted(options.campaign_dnc_check):
        areacode = options.campaign_dnc_check == "AREACODE"
        if dnc_store.in_campaign_dnc(conn, phone, options.campaign_id, areacode=areacode):
            return Refusal.CAMPAIGN_DNC
    return None


def _dnc_wanted(flag: str) -> bool:
    return flag in ("Y", "AREACODE")


# -- duplicates -----------------------------------------------------------------------------


def duplicate_lock_keys(request: AddLeadRequest, plan: DuplicatePlan) -> list[str]:
    """Lock names covering every lead this request's duplicate checks could find."""
    keys = []
    if plan.phone_keyed:
        keys.append(f"lead-phone:{request.phone_number}")
    if plan.title_alt_keyed:
        title = request.text("title").rstrip(" ").lower()
        alt_phone = request.text("alt_phone").rstrip(" ").lower()
        keys.append(f"lead-title-alt:{title}|{alt_phone}")
    return keys


def pre_insert_checks(uow: UnitOfWork, request: AddLeadRequest, list_id: int) -> Refused | None:
    """System DNC, campaign DNC, then the duplicate checks; the first that refuses wins.

    With duplicate checks the dedup lock is taken first, then one SELECT answers the DNC checks
    and the first duplicate check together (most requests ask for one duplicate check only).
    """
    conn, now = uow.conn, uow.now
    options = request.options
    plan = duplicates.plan(options.duplicate_check)
    if not plan.wanted:
        refusal = _dnc_refusal(conn, request.phone_number, options)
        return None if refusal is None else Refused(refusal)
    uow.lock(duplicate_lock_keys(request, plan))
    first = plan.checks[0]
    if _unquotable(request, first.match):
        refusal = _dnc_refusal(conn, request.phone_number, options)
        return Refused(refusal) if refusal is not None else _unquotable_refusal(first)
    system_dnc, campaign_dnc = (
        _dnc_wanted(options.dnc_check),
        _dnc_wanted(options.campaign_dnc_check),
    )
    params = dnc_store.dnc_params(
        request.phone_number, system_areacode=options.dnc_check == "AREACODE",
        campaign_areacode=options.campaign_dnc_check == "AREACODE",
        campaign_id=options.campaign_id,
    )  # fmt: skip
    probe = lead_store.probe(
        conn, first, dnc_params=params, system_dnc=system_dnc, campaign_dnc=campaign_dnc,
        **_duplicate_values(request, list_id, plan.entered_after(now)),
    )  # fmt: skip
    if probe.system_dnc:
        return Refused(Refusal.DNC)
    if probe.campaign_dnc:
        return Refused(Refusal.CAMPAIGN_DNC)
    if not probe.list_defined:
        return _undefined_list_refusal(first)
    if probe.duplicate is not None:
        return _duplicate_refusal(request, first, probe.duplicate)
    list_defined = True if first.scope is duplicates.Scope.CAMP else None
    return find_duplicate(conn, request, plan, list_id, now, skip=1, list_defined=list_defined)


def find_duplicate(
    conn: Connection,
    request: AddLeadRequest,
    plan: DuplicatePlan,
    list_id: int,
    now: datetime,
    *,
    skip: int = 0,
    list_defined: bool | None = None,
) -> Refused | None:
    """Run the planned checks in order (after the first `skip`); the first hit refuses."""
    values = _duplicate_values(request, list_id, plan.entered_after(now))
    for check in plan.checks[skip:]:
        if _unquotable(request, check.match):
            return _unquotable_refusal(check)
        if check.scope is duplicates.Scope.CAMP:
            if list_defined is None:
                list_defined = lead_store.list_exists(conn, list_id)
            if not list_defined:
                return _undefined_list_refusal(check)
        row = lead_store.find_duplicate(conn, check, **values)
        if row is not None:
            return _duplicate_refusal(request, check, row)
    return None


def _duplicate_values(
    request: AddLeadRequest, list_id: int, since: datetime | None
) -> dict[str, Any]:
    return {
        "phone": request.phone_number, "list_id": list_id, "title": request.text("title"),
        "alt_phone": request.text("alt_phone"), "first_name": request.text("first_name"),
        "last_name": request.text("last_name"), "since": since,
    }  # fmt: skip


def _duplicate_refusal(
    request: AddLeadRequest, check: DuplicateCheck, row: lead_store.DuplicateRow
) -> Refused:
    via = "PHONE" if duplicates.same_number(request.phone_number, row.phone_number) else "ALT"
    hit = DuplicateFound(check=check, lead_id=row.lead_id, list_id=row.list_id, via=via)
    return Refused(Refusal.DUPLICATE, duplicate=hit)


def _unquotable_refusal(check: DuplicateCheck) -> Refused:
    # VICIdial's SELECT breaks on the quote (an empty HTTP 500) and stores nothing.
    return Refused(
        Refusal.UNCHECKABLE_DUPLICATE, check=check, cause=NotAddedCause.QUOTE_IN_COMPARED_VALUE
    )


def _undefined_list_refusal(check: DuplicateCheck) -> Refused:
    # VICIdial builds `list_id IN()` for a list that is not defined and fails: no lead.
    return Refused(
        Refusal.UNCHECKABLE_DUPLICATE, check=check, cause=NotAddedCause.CAMPAIGN_LIST_NOT_DEFINED
    )


def _unquotable(request: AddLeadRequest, match: Match) -> bool:
    """Whether VICIdial's single-quoted SELECT for this check would contain a raw quote."""
    if match is Match.NAME_PHONE:
        names = (request.text("first_name"), request.text("last_name"))
    elif match is Match.TITLE_ALT:
        names = (request.text("title"), request.text("alt_phone"))
    else:
        return False
    return any("'" in name for name in names)


# -- the vicidial_list row ------------------------------------------------------------------


def effective_list_id(list_id: str) -> int:
    """The list a lead goes to: fewer than 3 digits (or none) means list 999."""
    return DEFAULT_LIST_ID if len(list_id) < 3 else clamp_bigint(list_id)


def stored_gender(gender: str) -> str:
    """Empty means 'U'; anything but M/F/U is what MySQL's non-strict ENUM stores: ''."""
    if not gender:
        return "U"
    return gender if gender in GENDERS else ""


def hopper_priority(text: str) -> int:
    """hopper_priority ('-0-9' only) as VICIdial computes it: default 0, clamped to ±99."""
    if not text:
        return 0
    if re.fullmatch(r"-?\d+", text):
        return clamped_int(text, -HOPPER_PRIORITY_LIMIT, HOPPER_PRIORITY_LIMIT)
    # Not a number (e.g. '1-2' or '--5'): PHP compares it as text with -99 and 99, then the
    # database keeps its leading number.
    if text < "-99":
        return -HOPPER_PRIORITY_LIMIT
    if text > "99":
        return HOPPER_PRIORITY_LIMIT
    lead = re.match(r"-?\d+", text)
    limit = HOPPER_PRIORITY_LIMIT
    return clamped_int(lead.group(), -limit, limit) if lead else 0


def _breaks_quoted_insert(value: str) -> bool:
    trailing = len(value) - len(value.rstrip("\\"))
    return trailing % 2 == 1


def lead_row(
    request: AddLeadRequest,
    *,
    list_id: int,
    phone_code: str,
    state: str,
    gmt: GmtOffset,
    now: datetime,
    status: str | None = None,
) -> dict[str, Any]:
    """The vicidial_list values of a new lead (strings are cut to width by storage)."""
    row: dict[str, Any] = {name: request.text(name) for name in TEXT_FIELDS}
    row.update(
        phone_code=phone_code,
        phone_number=request.phone_number,
        list_id=list_id,
        status=status or ("CBHOLD" if request.options.callback else "NEW"),
        user=request.api_user,
        state=state,
        gmt_offset_now=gmt.value,
        gender=stored_gender(request.gender),
        date_of_birth=lead_store.parse_mysql_date(request.date_of_birth),
        rank=clamp_smallint(request.rank),
        called_since_last_reset="N",
        called_count=0,
        entry_date=now,
        modify_date=now,
        last_local_call_time=now,
        entry_list_id=clamp_bigint(request.entry_list_id) if request.entry_list_id else 0,
    )
    return row


# -- after the insert -----------------------------------------------------------------------


def parse_alt_phones(text: str) -> list[tuple[str, str, str]]:
    """`number_code_note!number_code_note…` → (number, code, note) per record, '' if missing."""
    records = []
    for record in text.split("!"):
        parts = record.split("_")
        parts += [""] * (3 - len(parts))
        records.append((parts[0], parts[1], parts[2]))
    return records


def store_alt_phones(conn: Connection, lead_id: int, text: str) -> AltPhonesLoaded:
    records = parse_alt_phones(text)
    rows = [
        {
            "lead_id": lead_id,
            "phone_code": code or "1",
            "phone_number": number,
            "alt_phone_note": note,
            "alt_phone_count": count,
            "active": "Y",
        }
        for count, (number, code, note) in enumerate(records, start=1)
    ]
    inserted = lead_store.insert_alt_phones(conn, rows)
    return AltPhonesLoaded(records=tuple(records), inserted=inserted)


def queue_in_hopper(
    conn: Connection,
    *,
    lead_id: int,
    list_id: int,
    gmt: GmtOffset,
    state: str,
    vendor_lead_code: str,
    priority: int,
    check_call_time: bool,
    now: datetime,
) -> HopperOutcome:
    """Put the new lead in the hopper of its list's campaign (spec add_lead §9)."""
    dialing = hopper_store.list_dialing(conn, list_id)
    if check_call_time and not call_times.is_dialable(
        conn, dialing.call_time, gmt.value, state, now=now
    ):
        return HopperOutcome(HopperResult.OUTSIDE_CALL_TIME)
    hopper_id = hopper_store.insert_entry(
        conn,
        {
            "lead_id": lead_id,
            "campaign_id": dialing.campaign_id,
            "status": "READY",
            "list_id": list_id,
            "gmt_offset_now": gmt.value,
            "state": state,
            "user": "",
            "priority": priority,
            "source": "P",
            "vendor_lead_code": vendor_lead_code,
        },
    )
    return HopperOutcome(HopperResult.ADDED, hopper_id=hopper_id, campaign_id=dialing.campaign_id)


_NANPA = re.compile("NANPA", re.IGNORECASE)
_DAYS_SUFFIX = re.compile(r"\dDAYS$", re.IGNORECASE)


def resolve_callback_time(text: str, now: datetime) -> str:
    """'NOW' → now; '<n>DAYS' → now + n days (n = every digit in the value); else as sent."""
    if text == "NOW":
        return f"{now:%Y-%m-%d %H:%M:%S}"
    if _DAYS_SUFFIX.search(text):
        days = clamped_int("".join(ch for ch in text if ch.isdigit()), 0, MAX_CALLBACK_DAYS)
        try:
            return f"{now + timedelta(days=days):%Y-%m-%d %H:%M:%S}"
        except OverflowError:  # beyond year 9999: PHP prints a nonsense date; store none
            return ""
    return text


def schedule_callback(
    conn: Connection, *, lead_id: int, list_id: int, options: AddLeadOptions, now: datetime
) -> CallbackOutcome:
    """Create the scheduled callback of a new lead (spec add_lead §10)."""
    campaign_id = options.campaign_id
    if not campaign_id or not callback_store.campaign_exists(conn, campaign_id):
        return CallbackOutcome(CallbackResult.CAMPAIGN_NOT_VALID)
    callback_type, callback_user, user_group = "ANYONE", "", ""
    if options.callback_type == "USERONLY":
        found_group = callback_store.user_group_of(conn, options.callback_user)
        if found_group is None:
            return CallbackOutcome(
                CallbackResult.USER_NOT_VALID,
                callback_type="USERONLY",
                callback_user=options.callback_user,
            )
        callback_type, callback_user, user_group = "USERONLY", options.callback_user, found_group
    callback_time = resolve_callback_time(options.callback_datetime, now)
    status = options.callback_status or "CALLBK"
    callback_store.insert_callback(
        conn,
        {
            "lead_id": lead_id,
            "list_id": list_id,
            "campaign_id": campaign_id,
            "status": "ACTIVE",
            "entry_time": now,
            "callback_time": lead_store.parse_mysql_datetime(callback_time),
            "modify_date": now,
            "user": callback_user,
            "recipient": callback_type,
            "comments": options.callback_comments,
            "user_group": user_group,
            "lead_status": status,
        },
    )
    return CallbackOutcome(
        CallbackResult.ADDED,
        callback_time=callback_time,
        callback_type=callback_type,
        callback_user=callback_user,
        callback_status=status,
    )

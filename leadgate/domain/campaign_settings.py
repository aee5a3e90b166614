"""update_campaign and the seed's campaign_status: a campaign's dialing settings.

The checks run in VICIdial's order and the first failing one refuses the whole call (nothing
changes); the refusal is a typed code carrying the offending value. A valid call updates the
named columns and campaign_changedate, writes vicidial_admin_log, and with reset_hopper
empties the campaign's hopper (another admin-log row). Both hold the campaign's named lock.
The CLI's `campaign add` (no API counterpart) checks its settings with the same rules, and
the CLI sets a few columns update_campaign has no parameter for (description, call time,
manual dial list, DNC settings, the whole dial status set), checked here too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from sqlalchemy import Connection

from leadgate.domain import field_rules as rules
from leadgate.domain.actor import Actor
from leadgate.domain.events import EntityChanged
from leadgate.domain.refusals import Refused
from leadgate.domain.setting_rules import (
    YES_NO,
    Refusal,
    Rule,
    checked,
    length,
    number_between,
    one_of,
)
from leadgate.storage import admin_log, system
from leadgate.storage import campaigns as store
from leadgate.storage import hopper as hopper_store
from leadgate.storage import lists as list_store
from leadgate.storage.unit_of_work import UnitOfWork
from leadgate.values.text import php_strlen

DIAL_METHODS = ("MANUAL", "RATIO", "INBOUND_MAN", "ADAPT_AVERAGE", "ADAPT_HARD_LIMIT",
                "ADAPT_TAPERED")  # fmt: skip
SECONDARY_ORDERS = ("LEAD_ASCEND", "LEAD_DESCEND", "CALLTIME_ASCEND", "CALLTIME_DESCEND",
                    "VENDOR_ASCEND", "VENDOR_DESCEND")  # fmt: skip
_ORDER_BASES = ("DOWN", "UP", "DOWN PHONE", "UP PHONE", "DOWN LAST NAME", "UP LAST NAME",
                "DOWN COUNT", "UP COUNT", "RANDOM", "DOWN LAST CALL TIME", "UP LAST CALL TIME",
                "DOWN RANK", "UP RANK", "DOWN OWNER", "UP OWNER", "DOWN TIMEZONE",
                "UP TIMEZONE")  # fmt: skip
_NTH_NEW = ("2nd", "3rd", "4th", "5th", "6th")
# VICIdial's lead orders: every base, and every base but DOWN/UP TIMEZONE's plain pair with
# " <n>th NEW" (the base list of those variants is the same one).
LIST_ORDERS = frozenset(
    [*_ORDER_BASES, *(f"{base} {nth} NEW" for base in _ORDER_BASES for nth in _NTH_NEW)]
)
BLANK = "--BLANK--"
NO_FILTER = "---NONE---"
XFERCONF_COLUMNS = ("xferconf_a_number", "xferconf_b_number", "xferconf_c_number",
                    "xferconf_d_number", "xferconf_e_number")  # fmt: skip
WEBFORM_COLUMNS = ("web_form_address", "web_form_address_two", "web_form_address_three")
DNC_COLUMNS = ("use_internal_dnc", "use_campaign_dnc")


class SettingProblem(Enum):
    CAMPAIGN_ID = "campaign id"  # add: not 2-8 letters, digits, - or _
    CAMPAIGN_EXISTS = "campaign exists"  # add: `value` is the id (maybe differing in case)
    AUTO_DIAL_LEVEL = "auto dial level"
    DIAL_METHOD = "dial method"
    ADAPTIVE_MAXIMUM_LEVEL = "adaptive maximum level"
    VDAD_EXTEN = "routing extension"
    HOPPER_LEVEL = "hopper level"
    DIAL_TIMEOUT = "dial timeout"
    CAMPAIGN_NAME = "campaign name"
    CAMPAIGN_CID = "campaign cid"
    LEAD_FILTER = "lead filter"
    ACTIVE = "active"
    XFERCONF = "transfer conf number"  # `index` 0-4
    DISPO_CALL_URL = "dispo call url"
    WEBFORM = "web form"  # `index` 0-2
    LIST_ORDER_RANDOM = "random list order"
    LIST_ORDER = "list order"
    LIST_ORDER_LENGTH = "list order length"
    LIST_ORDER_RANDOMIZE = "list order randomize"
    LIST_ORDER_RANDOMIZE_LENGTH = "list order randomize length"
    LIST_ORDER_SECONDARY = "list order secondary"
    LIST_ORDER_SECONDARY_LENGTH = "list order secondary length"
    DIAL_STATUS_ADD = "dial status add"
    DIAL_STATUS_ADD_FULL = "dial statuses full"
    DIAL_STATUS_REMOVE = "dial status remove"
    DIAL_STATUS_REMOVE_NONE = "no dial statuses"
    DIAL_STATUS_REMOVE_MISSING = "dial status not set"
    # Columns only the CLI sets:
    DESCRIPTION = "description"
    CALL_TIME = "call time not found"
    MANUAL_DIAL_LIST = "manual dial list id"
    DNC_SETTING = "dnc setting"  # `index` 0: use_internal_dnc, 1: use_campaign_dnc
    OTHER_CAMPAIGN_DNC = "other campaign not found"
    DIAL_STATUSES = "dial statuses"  # `value`: the bad status (or the whole set, too long)


@dataclass(frozen=True)
class CampaignSettings:
    """update_campaign's parameters after VICIdial's filters ("" = not given)."""

    campaign_id: str
    auto_dial_level: str = ""
    dial_method: str = ""
    adaptive_maximum_level: str = ""
    campaign_vdad_exten: str = ""
    hopper_level: str = ""
    dial_timeout: str = ""
    campaign_name: str = ""
    outbound_cid: str = ""
    lead_filter_id: str = ""
    active: str = ""
    xferconf: tuple[str, str, str, str, str] = ("", "", "", "", "")
    dispo_call_url: str = ""
    webforms: tuple[str, str, str] = ("", "", "")
    list_order: str = ""
    list_order_randomize: str = ""
    list_order_secondary: str = ""
    dial_status_add: str = ""
    dial_status_remove: str = ""
    reset_hopper: bool = False
    # Columns only the CLI sets ("" = not given; BLANK clears the description and the other
    # campaign DNC):
    campaign_description: str = ""
    local_call_time: str = ""
    manual_dial_list_id: str = ""
    dnc: tuple[str, str] = ("", "")  # use_internal_dnc, use_campaign_dnc
    use_other_campaign_dnc: str = ""
    dial_statuses: str = ""  # the whole set, e.g. "NEW CALLBK" or "NEW,CALLBK"


@dataclass(frozen=True)
class SettingsOutcome:
    found: bool = True  # False: no such campaign (or not one the caller may see)
    problem: SettingProblem | None = None
    index: int = 0  # which xferconf / webform
    value: str = ""  # the refused value
    auto_dial_limit: str = ""  # the limit AUTO_DIAL_LEVEL was checked against, as printed
    updated: bool = False  # False with no problem: no update was defined
    hopper_rows: int | None = None  # rows removed by reset_hopper (None: not asked)


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def _php_float_text(value: float) -> str:
    """How PHP prints a float: no trailing zeros (4.001, 3)."""
    text = repr(value)
    return text[:-2] if text.endswith(".0") else text


def update_settings(
    uow: UnitOfWork, settings: CampaignSettings, actor: Actor, allowed: frozenset[str] | None
) -> SettingsOutcome:
    conn = uow.conn
    campaign_id = settings.campaign_id
    uow.lock([f"campaign:{campaign_id.upper()}"])
    if not store.campaign_visible(conn, campaign_id, allowed):
        return SettingsOutcome(found=False)
    limit = _number(str(system.settings(conn).get("auto_dial_limit") or "0")) or 0.0
    limit_text = _php_float_text(limit + 0.001)
    try:
        changes = _changes(uow, settings, limit + 0.001)
    except Refusal as refused:
        return SettingsOutcome(problem=refused.problem, index=refused.index, value=refused.value,
                               auto_dial_limit=limit_text)  # fmt: skip
    if changes:
        store.update_campaign(conn, campaign_id, {**changes, "campaign_changedate": uow.now})
        admin_log.write(
            conn, now=uow.now, user=actor.user, ip=actor.ip[:15], section="CAMPAIGNS",
            event_type="MODIFY", record_id=campaign_id, event_code="ADMIN API UPDATE CAMPAIGN",
            event_sql=", ".join(changes), event_notes=f"campaign: {campaign_id}",
        )  # fmt: skip
        uow.emit(EntityChanged("campaign", campaign_id, "updated", actor.user))
    hopper_rows = None
    if settings.reset_hopper:
        hopper_rows = reset_hopper(uow, campaign_id, actor)
    return SettingsOutcome(updated=bool(changes), hopper_rows=hopper_rows)


def add_campaign(uow: UnitOfWork, settings: CampaignSettings, actor: Actor) -> SettingsOutcome:
    """The CLI's `campaign add`: a new campaign (named as its id unless a name is given, active
    unless told), its settings checked as update_campaign checks them."""
    conn = uow.conn
    campaign_id = settings.campaign_id
    if not rules.CAMPAIGN_ID.fullmatch(campaign_id):
        return SettingsOutcome(found=False, problem=SettingProblem.CAMPAIGN_ID, value=campaign_id)
    uow.lock([f"campaign:{campaign_id.upper()}"])
    existing = store.campaigns_named_like(conn, campaign_id)
    if existing:
        # MariaDB would refuse ids differing only in case; refuse them everywhere.
        taken = str(existing[0]["campaign_id"])
        return SettingsOutcome(found=False, problem=SettingProblem.CAMPAIGN_EXISTS, value=taken)
    limit = _number(str(system.settings(conn).get("auto_dial_limit") or "0")) or 0.0
    try:
        changes = _changes(uow, settings, limit + 0.001)
    except Refusal as refused:
        return SettingsOutcome(found=False, problem=refused.problem, index=refused.index,
                               value=refused.value,
                               auto_dial_limit=_php_float_text(limit + 0.001))  # fmt: skip
    row = {"campaign_id": campaign_id, "campaign_name": campaign_id, "active": "Y", **changes,
           "campaign_changedate": uow.now}  # fmt: skip
    store.insert_campaign(conn, row)
    admin_log.write(
        conn, now=uow.now, user=actor.user, ip=actor.ip[:15], section="CAMPAIGNS",
        event_type="ADD", record_id=campaign_id, event_code="ADMIN ADD CAMPAIGN",
        event_sql=", ".join(sorted(row)), event_notes=f"campaign: {campaign_id}",
    )  # fmt: skip
    uow.emit(EntityChanged("campaign", campaign_id, "added", actor.user))
    return SettingsOutcome(updated=True)


def reset_hopper(uow: UnitOfWork, campaign_id: str, actor: Actor) -> int:
    """Empty a campaign's hopper; the rows removed."""
    removed = hopper_store.delete_campaign_entries(uow.conn, campaign_id)
    admin_log.write(
        uow.conn, now=uow.now, user=actor.user, ip=actor.ip[:15], section="CAMPAIGNS",
        event_type="RESET", record_id=campaign_id, event_code="ADMIN API RESET HOPPER",
        event_sql=f"delete vicidial_hopper campaign_id={campaign_id}",
        event_notes=f"campaign: {campaign_id}",
    )  # fmt: skip
    uow.emit(EntityChanged("hopper", campaign_id, "reset", actor.user))
    return removed


@dataclass(frozen=True)
class _Context:
    conn: Connection
    auto_dial_limit: float  # the highest auto_dial_level allowed


def _within_auto_dial_limit(value: str, context: _Context) -> bool:
    level = _number(value)
    return level is None or not (level > context.auto_dial_limit or level < 0)


def _lead_filter_exists(value: str, context: _Context) -> bool:
    return store.lead_filter_exists(context.conn, value)


def _not_random(value: str, _context: object) -> bool:
    # VICIdial's API never sets a random order (its campaign setting forbids it).
    return "RANDOM" not in value.upper()


def _call_time_exists(value: str, context: _Context) -> bool:
    return list_store.call_time_exists(context.conn, value)


def _is_list_id(value: str, _context: object) -> bool:
    try:
        rules.list_id("", value)
    except Refused:
        return False
    return True


def _is_dnc_setting(value: str, _context: object) -> bool:
    return value.upper() in rules.DNC_SETTINGS


def _campaign_exists(value: str, context: _Context) -> bool:
    return store.campaign_visible(context.conn, value, None)


_P = SettingProblem
_Rule = Rule[_Context, SettingProblem]
# The parameters in VICIdial's order, then the columns only the CLI sets (update_campaign has
# no parameter for them); the dial statuses follow.
_RULES: tuple[_Rule, ...] = (
    _Rule("auto_dial_level", _within_auto_dial_limit, _P.AUTO_DIAL_LEVEL),
    _Rule("dial_method", one_of(DIAL_METHODS), _P.DIAL_METHOD),
    _Rule("adaptive_maximum_level", length(longest=5), _P.ADAPTIVE_MAXIMUM_LEVEL),
    _Rule("campaign_vdad_exten", length(3, 20), _P.VDAD_EXTEN),
    _Rule("hopper_level", number_between(1, 5000), _P.HOPPER_LEVEL),
    _Rule("dial_timeout", number_between(1, 120), _P.DIAL_TIMEOUT),
    _Rule("campaign_name", length(6, 40), _P.CAMPAIGN_NAME),
    _Rule("campaign_cid", length(6, 20), _P.CAMPAIGN_CID, parameter="outbound_cid"),
    _Rule("lead_filter_id", _lead_filter_exists, _P.LEAD_FILTER, empty=NO_FILTER),
    _Rule("active", YES_NO, _P.ACTIVE),
    *(_Rule(column, length(longest=50), _P.XFERCONF, parameter="xferconf", index=index,
           empty=BLANK) for index, column in enumerate(XFERCONF_COLUMNS)),
    _Rule("dispo_call_url", length(3, 65000), _P.DISPO_CALL_URL, empty=BLANK),
    *(_Rule(column, length(3, 65000), _P.WEBFORM, parameter="webforms", index=index,
           empty=BLANK) for index, column in enumerate(WEBFORM_COLUMNS)),
    _Rule("lead_order", _not_random, _P.LIST_ORDER_RANDOM, parameter="list_order"),
    _Rule("lead_order", one_of(LIST_ORDERS), _P.LIST_ORDER, parameter="list_order"),
    _Rule("lead_order", length(2, 30), _P.LIST_ORDER_LENGTH, parameter="list_order"),
    _Rule("lead_order_randomize", YES_NO, _P.LIST_ORDER_RANDOMIZE,
         parameter="list_order_randomize"),
    _Rule("lead_order_secondary", one_of(SECONDARY_ORDERS), _P.LIST_ORDER_SECONDARY,
         parameter="list_order_secondary"),
    # The CLI's columns:
    _Rule("campaign_description", length(longest=255), _P.DESCRIPTION, empty=BLANK),
    _Rule("local_call_time", _call_time_exists, _P.CALL_TIME),
    _Rule("manual_dial_list_id", _is_list_id, _P.MANUAL_DIAL_LIST,
         stored=lambda value: str(int(value))),
    *(_Rule(column, _is_dnc_setting, _P.DNC_SETTING, parameter="dnc", index=index,
           stored=str.upper) for index, column in enumerate(DNC_COLUMNS)),
    _Rule("use_other_campaign_dnc", _campaign_exists, _P.OTHER_CAMPAIGN_DNC, empty=BLANK),
)  # fmt: skip


def _changes(uow: UnitOfWork, s: CampaignSettings, limit: float) -> dict[str, str]:
    """The columns to set, checked in VICIdial's order (the first problem refuses)."""
    changes = checked(_RULES, s, _Context(uow.conn, limit))
    if s.dial_statuses:
        try:
            changes["dial_statuses"] = rules.statuses("", s.dial_statuses)
        except Refused as refused:
            raise Refusal(SettingProblem.DIAL_STATUSES, refused.value) from None
    statuses = _dial_statuses(uow, s, changes.get("dial_statuses"))
    if statuses is not None:
        changes["dial_statuses"] = statuses
    return changes


def _dial_statuses(uow: UnitOfWork, s: CampaignSettings, given: str | None) -> str | None:
    """dial_status_add puts a status first; dial_status_remove takes one out (after an add).
    Both start from the `given` set (the CLI's whole set) when there is one."""
    statuses = given
    if s.dial_status_add:
        if php_strlen(s.dial_status_add) > 6:
            raise Refusal(SettingProblem.DIAL_STATUS_ADD, s.dial_status_add)
        current = given if given is not None else store.dial_statuses(uow.conn, s.campaign_id)
        if len(current) > 248:
            raise Refusal(SettingProblem.DIAL_STATUS_ADD_FULL, s.dial_status_add)
        statuses = f" {s.dial_status_add}{current if len(current) >= 2 else ' -'}"
    if s.dial_status_remove:
        if php_strlen(s.dial_status_remove) > 6:
            raise Refusal(SettingProblem.DIAL_STATUS_REMOVE, s.dial_status_remove)
        if statuses is None:
            current = store.dial_statuses(uow.conn, s.campaign_id)
            if not current or current == " -":
                raise Refusal(SettingProblem.DIAL_STATUS_REMOVE_NONE, s.dial_status_remove)
        else:
            current = statuses
        pattern = re.compile(rf"\s{re.escape(s.dial_status_remove)}\s", re.IGNORECASE)
        if not pattern.search(current):
            raise Refusal(SettingProblem.DIAL_STATUS_REMOVE_MISSING, s.dial_status_remove)
        statuses = pattern.sub(" ", current)
    return statuses


# -- campaign_status [SEED-ONLY, DESIGNED] -------------------------------------------------------

ACTIVATE = frozenset({"ACTIVE", "START", "Y"})
DEACTIVATE = frozenset({"INACTIVE", "STOP", "PAUSED", "PAUSE", "N"})


class StatusProblem(Enum):
    NOT_FOUND = "not found"
    BAD_VALUE = "bad value"


@dataclass(frozen=True)
class StatusOutcome:
    problem: StatusProblem | None = None
    before: str = ""  # active Y/N before the call
    after: str = ""  # and after it ("" when only reported)


def set_campaign_status(
    uow: UnitOfWork, campaign_id: str, value: str, actor: Actor,
    allowed: frozenset[str] | None,
) -> StatusOutcome:  # fmt: skip
    """Start (active=Y) or stop/pause (active=N) a campaign; without a value, report it.
    VICIdial has no paused state: pausing is active=N, as update_campaign's active=N."""
    wanted = value.upper()
    if value and wanted not in ACTIVATE | DEACTIVATE:
        return StatusOutcome(StatusProblem.BAD_VALUE)
    uow.lock([f"campaign:{campaign_id.upper()}"])
    if not campaign_id or not store.campaign_visible(uow.conn, campaign_id, allowed):
        return StatusOutcome(StatusProblem.NOT_FOUND)
    before = store.campaign_active(uow.conn, campaign_id)
    if not value:
        return StatusOutcome(before=before)
    after = "Y" if wanted in ACTIVATE else "N"
    store.update_campaign(uow.conn, campaign_id, {"active": after,
                                                  "campaign_changedate": uow.now})  # fmt: skip
    admin_log.write(
        uow.conn, now=uow.now, user=actor.user, ip=actor.ip[:15], section="CAMPAIGNS",
        event_type="MODIFY", record_id=campaign_id, event_code="ADMIN API CAMPAIGN STATUS",
        event_sql="active", event_notes=f"campaign: {campaign_id} {before}->{after}",
    )  # fmt: skip
    uow.emit(EntityChanged("campaign", campaign_id, "updated", actor.user))
    return StatusOutcome(before=before, after=after)

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

from leadgate.domain import field_rules as rules
from leadgate.domain.actor import Actor
from leadgate.domain.events import EntityChanged
from leadgate.domain.refusals import Refused
from leadgate.storage import admin_log, system
from leadgate.storage import campaigns as store
from leadgate.storage import hopper as hopper_store
from leadgate.storage import lists as list_store
from leadgate.storage.unit_of_work import UnitOfWork

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


class _Refused(Exception):
    def __init__(self, problem: SettingProblem, value: str, index: int = 0) -> None:
        super().__init__(problem.value)
        self.problem, self.value, self.index = problem, value, index


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
    except _Refused as refused:
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
    except _Refused as refused:
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


def _changes(uow: UnitOfWork, s: CampaignSettings, limit: float) -> dict[str, str]:
    """The columns to set, checked in VICIdial's order (the first problem refuses)."""
    changes: dict[str, str] = {}
    if s.auto_dial_level:
        level = _number(s.auto_dial_level)
        if level is not None and (level > limit or level < 0):
            raise _Refused(SettingProblem.AUTO_DIAL_LEVEL, s.auto_dial_level)
        changes["auto_dial_level"] = s.auto_dial_level
    if s.dial_method:
        if s.dial_method not in DIAL_METHODS:
            raise _Refused(SettingProblem.DIAL_METHOD, s.dial_method)
        changes["dial_method"] = s.dial_method
    if s.adaptive_maximum_level:
        if len(s.adaptive_maximum_level) > 5:
            raise _Refused(SettingProblem.ADAPTIVE_MAXIMUM_LEVEL, s.adaptive_maximum_level)
        changes["adaptive_maximum_level"] = s.adaptive_maximum_level
    if s.campaign_vdad_exten:
        if not 3 <= len(s.campaign_vdad_exten) <= 20:
            raise _Refused(SettingProblem.VDAD_EXTEN, s.campaign_vdad_exten)
        changes["campaign_vdad_exten"] = s.campaign_vdad_exten
    if s.hopper_level:
        if not 1 <= int(s.hopper_level) <= 5000:
            raise _Refused(SettingProblem.HOPPER_LEVEL, s.hopper_level)
        changes["hopper_level"] = s.hopper_level
    if s.dial_timeout:
        if not 1 <= int(s.dial_timeout) <= 120:
            raise _Refused(SettingProblem.DIAL_TIMEOUT, s.dial_timeout)
        changes["dial_timeout"] = s.dial_timeout
    if s.campaign_name:
        if not 6 <= len(s.campaign_name) <= 40:
            raise _Refused(SettingProblem.CAMPAIGN_NAME, s.campaign_name)
        changes["campaign_name"] = s.campaign_name
    if s.outbound_cid:
        if not 6 <= len(s.outbound_cid) <= 20:
            raise _Refused(SettingProblem.CAMPAIGN_CID, s.outbound_cid)
        changes["campaign_cid"] = s.outbound_cid
    if s.lead_filter_id:
        lead_filter = "" if s.lead_filter_id == NO_FILTER else s.lead_filter_id
        if lead_filter and not store.lead_filter_exists(uow.conn, lead_filter):
            raise _Refused(SettingProblem.LEAD_FILTER, lead_filter)
        changes["lead_filter_id"] = lead_filter
    if s.active:
        if s.active not in ("Y", "N"):
            raise _Refused(SettingProblem.ACTIVE, s.active)
        changes["active"] = s.active
    for index, (value, column) in enumerate(zip(s.xferconf, XFERCONF_COLUMNS, strict=True)):
        if value:
            if value != BLANK and len(value) > 50:
                raise _Refused(SettingProblem.XFERCONF, value, index)
            changes[column] = "" if value == BLANK else value
    if s.dispo_call_url:
        _url(changes, "dispo_call_url", s.dispo_call_url, SettingProblem.DISPO_CALL_URL, 0)
    for index, (value, column) in enumerate(zip(s.webforms, WEBFORM_COLUMNS, strict=True)):
        if value:
            _url(changes, column, value, SettingProblem.WEBFORM, index)
    _list_order(changes, s)
    _cli_columns(uow, changes, s)
    statuses = _dial_statuses(uow, s, changes.get("dial_statuses"))
    if statuses is not None:
        changes["dial_statuses"] = statuses
    return changes


def _cli_columns(uow: UnitOfWork, changes: dict[str, str], s: CampaignSettings) -> None:
    """The columns update_campaign has no parameter for (the API leaves them all "")."""
    if s.campaign_description:
        description = "" if s.campaign_description == BLANK else s.campaign_description
        if len(description) > 255:
            raise _Refused(SettingProblem.DESCRIPTION, description)
        changes["campaign_description"] = description
    if s.local_call_time:
        if not list_store.call_time_exists(uow.conn, s.local_call_time):
            raise _Refused(SettingProblem.CALL_TIME, s.local_call_time)
        changes["local_call_time"] = s.local_call_time
    if s.manual_dial_list_id:
        try:
            changes["manual_dial_list_id"] = str(rules.list_id("", s.manual_dial_list_id))
        except Refused:
            raise _Refused(SettingProblem.MANUAL_DIAL_LIST, s.manual_dial_list_id) from None
    for index, (value, column) in enumerate(zip(s.dnc, DNC_COLUMNS, strict=True)):
        if value:
            if value.upper() not in rules.DNC_SETTINGS:
                raise _Refused(SettingProblem.DNC_SETTING, value, index)
            changes[column] = value.upper()
    if s.use_other_campaign_dnc:
        other = "" if s.use_other_campaign_dnc == BLANK else s.use_other_campaign_dnc
        if other and not store.campaign_visible(uow.conn, other, None):
            raise _Refused(SettingProblem.OTHER_CAMPAIGN_DNC, other)
        changes["use_other_campaign_dnc"] = other
    if s.dial_statuses:
        try:
            changes["dial_statuses"] = rules.statuses("", s.dial_statuses)
        except Refused as refused:
            raise _Refused(SettingProblem.DIAL_STATUSES, refused.value) from None


def _url(changes: dict[str, str], column: str, value: str, problem: SettingProblem,
         index: int) -> None:  # fmt: skip
    if value != BLANK and not 3 <= len(value) <= 65000:
        raise _Refused(problem, value, index)
    changes[column] = "" if value == BLANK else value


def _list_order(changes: dict[str, str], s: CampaignSettings) -> None:
    if s.list_order:
        # VICIdial's API never sets a random order (its campaign setting forbids it).
        if "RANDOM" in s.list_order.upper():
            raise _Refused(SettingProblem.LIST_ORDER_RANDOM, s.list_order)
        if s.list_order not in LIST_ORDERS:
            raise _Refused(SettingProblem.LIST_ORDER, s.list_order)
        if not 2 <= len(s.list_order) <= 30:
            raise _Refused(SettingProblem.LIST_ORDER_LENGTH, s.list_order)
        changes["lead_order"] = s.list_order
    if s.list_order_randomize:
        if s.list_order_randomize not in ("Y", "N"):
            raise _Refused(SettingProblem.LIST_ORDER_RANDOMIZE, s.list_order_randomize)
        changes["lead_order_randomize"] = s.list_order_randomize
    if s.list_order_secondary:
        if s.list_order_secondary not in SECONDARY_ORDERS:
            raise _Refused(SettingProblem.LIST_ORDER_SECONDARY, s.list_order_secondary)
        changes["lead_order_secondary"] = s.list_order_secondary


def _dial_statuses(uow: UnitOfWork, s: CampaignSettings, given: str | None) -> str | None:
    """dial_status_add puts a status first; dial_status_remove takes one out (after an add).
    Both start from the `given` set (the CLI's whole set) when there is one."""
    statuses = given
    if s.dial_status_add:
        if len(s.dial_status_add) > 6:
            raise _Refused(SettingProblem.DIAL_STATUS_ADD, s.dial_status_add)
        current = given if given is not None else store.dial_statuses(uow.conn, s.campaign_id)
        if len(current) > 248:
            raise _Refused(SettingProblem.DIAL_STATUS_ADD_FULL, s.dial_status_add)
        statuses = f" {s.dial_status_add}{current if len(current) >= 2 else ' -'}"
    if s.dial_status_remove:
        if len(s.dial_status_remove) > 6:
            raise _Refused(SettingProblem.DIAL_STATUS_REMOVE, s.dial_status_remove)
        if statuses is None:
            current = store.dial_statuses(uow.conn, s.campaign_id)
            if not current or current == " -":
                raise _Refused(SettingProblem.DIAL_STATUS_REMOVE_NONE, s.dial_status_remove)
        else:
            current = statuses
        pattern = re.compile(rf"\s{re.escape(s.dial_status_remove)}\s", re.IGNORECASE)
        if not pattern.search(current):
            raise _Refused(SettingProblem.DIAL_STATUS_REMOVE_MISSING, s.dial_status_remove)
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

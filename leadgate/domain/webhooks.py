"""VICIdial's "call URLs" built exactly as VICIdial builds them (spec webhooks.md §1-2).

Pure functions, no SQL and no HTTP: which configured URL fires (`choose_apinewlead`,
`choose_call_urls`), and the final URL string (`apinewlead_url`, `dispo_url`, `start_url`).
The recorded behaviour (shared/conformance/WEBHOOKS.md) wins over the spec where they differ:

* apinewlead: `lead_id` raw, `SQLdate`/`epoch` empty, custom fields only when the custom row
  was written by this add_lead; unknown tokens (`--A--pass--B--` too) stay in the URL.
* dispo/start: most values are urlencoded once, a few twice (`dispo_name`, `did_pattern`, …),
  `camp_custom_*` not at all in dispo URLs and `user_custom_*` twice in start URLs; the values
  VICIdial takes from the agent screen's POST go in as they are.
* `--A--pass--B--` (dispo/start): VICIdial sends the agent's plain password. leadgate keeps
  none, so it sends the per-URL secret the operator configured, or nothing (DEVIATIONS D11).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from urllib.parse import quote_plus

SYSTEM_NEWLEAD_ID = "-SYSTEM-API-NEWLEAD-"
DISABLED = "---DISABLED---"
ALT = "ALT"
ALL_STATUSES = "---ALL---"
# A configured campaign/in-group URL is used when longer than this, or when it is ALT.
CALL_URL_MIN_LENGTH = 8
# An apinewlead URL is used only when longer than 10 characters.
NEWLEAD_URL_MIN_LENGTH = 11
ZERO_DATE = "0000-00-00"
# Custom field types that hold no data (no column, never substituted).
NON_DATA_FIELD_TYPES = frozenset({"DISPLAY", "SCRIPT", "BUTTON", "SWITCH"})

# PHP trim()'s default character set.
_PHP_WHITESPACE = " \t\n\r\0\x0b"


def php_urlencode(value: str) -> str:
    """PHP urlencode(): space → '+', all but A-Z a-z 0-9 - _ . as uppercase %XX of UTF-8."""
    return quote_plus(value, safe="").replace("~", "%7E")


def encoded(value: Any) -> str:
    """urlencode(trim(value)) of a stored value, as VICIdial substitutes most variables."""
    return php_urlencode(text_of(value).strip(_PHP_WHITESPACE))


def encoded_twice(value: Any) -> str:
    return php_urlencode(encoded(value))


def text_of(value: Any) -> str:
    """A stored value as PHP reads it from MySQL (NULL → '', dates and decimals as MySQL prints)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (Decimal, float)):
        return f"{value:.2f}"
    return str(value)


def strip_var_prefix(template: str) -> str:
    return template[3:] if template.startswith("VAR") else template


def substitute(template: str, values: Mapping[str, str]) -> str:
    """Drop a leading VAR, then replace each `--A--name--B--` (case-insensitively, every
    occurrence, in the order of `values`) by its already-encoded value. Tokens without a
    value stay as they are."""
    url = strip_var_prefix(template)
    for name, value in values.items():
        if "--" not in url:
            break
        token = f"--A--{name}--B--"
        if token.lower() in url.lower():
            url = re.sub(re.escape(token), lambda _m, v=value: v, url, flags=re.IGNORECASE)  # type: ignore[misc]
    return url


# -- apinewlead -----------------------------------------------------------------------------


@dataclass(frozen=True)
class UrlRow:
    """One vicidial_url_multi row (only what URL choice needs)."""

    url_id: int
    campaign_id: str
    entry_type: str
    url_type: str
    active: str = "Y"
    url_rank: int = 1
    url_statuses: str = ""
    url_lists: str = ""
    url_call_length: int = 0
    url_address: str = ""
    url_description: str = ""


def choose_apinewlead(rows: Iterable[UrlRow], list_id: int | str) -> str | None:
    """The one apinewlead template for a lead added to `list_id`, or None.

    The first system row (table order) is the default; the first row of the list, when not
    empty, replaces it, and `---DISABLED---` there switches it off for that list. `active` is
    not looked at (quirk). The chosen URL must be longer than 10 characters."""
    system = next((r for r in rows if _is_newlead(r, SYSTEM_NEWLEAD_ID, "system")), None)
    listed = next((r for r in rows if _is_newlead(r, str(list_id), "list")), None)
    address = system.url_address if system is not None else ""
    if listed is not None and listed.url_address:
        address = listed.url_address
    if address == DISABLED or len(address) < NEWLEAD_URL_MIN_LENGTH:
        return None
    return address


def _is_newlead(row: UrlRow, campaign_id: str, entry_type: str) -> bool:
    return (
        row.url_type == "apinewlead"
        and row.campaign_id == campaign_id
        and row.entry_type == entry_type
    )


# The apinewlead variables, in VICIdial's substitution order (all but lead_id are encoded).
_NEWLEAD_LEAD_FIELDS = (
    "vendor_id", "vendor_lead_code", "list_id", "list_name", "list_description", "campaign",
    "gmt_offset_now", "phone_code", "phone_number", "phone", "title", "first_name",
    "middle_initial", "last_name", "address1", "address2", "address3", "city", "state",
    "province", "postal_code", "country_code", "gender", "date_of_birth", "alt_phone", "email",
    "security_phrase", "comments", "user", "SQLdate", "epoch", "source_id", "status", "rank",
    "owner", "entry_list_id", "entry_date", "called_count",
)  # fmt: skip
_LIST_TOKENS = ("--a--list_name--b--", "--a--list_description--b--", "--a--campaign--b--")


def needs_list_facts(template: str) -> bool:
    """VICIdial reads the list's name, description and campaign only for these tokens."""
    lowered = template.lower()
    return any(token in lowered for token in _LIST_TOKENS)


@dataclass(frozen=True)
class ListFacts:
    list_name: str = ""
    list_description: str = ""
    campaign_id: str = ""


@dataclass(frozen=True)
class NewLead:
    """What an apinewlead URL is built from: the stored lead row, its list, and its custom
    row when this add_lead wrote one (None otherwise: custom tokens then stay literal)."""

    lead: Mapping[str, Any]
    list_facts: ListFacts = field(default_factory=ListFacts)
    custom: Mapping[str, Any] | None = None


def apinewlead_url(template: str, new_lead: NewLead) -> str:
    lead = new_lead.lead
    facts = new_lead.list_facts
    values: dict[str, str] = {"lead_id": text_of(lead.get("lead_id"))}
    derived = {
        "vendor_id": lead.get("vendor_lead_code"),
        "phone": lead.get("phone_number"),
        "list_name": facts.list_name,
        "list_description": facts.list_description,
        "campaign": facts.campaign_id,
        "SQLdate": "",  # empty in VICIdial (quirk)
        "epoch": "",
        "date_of_birth": lead.get("date_of_birth") or ZERO_DATE,  # MySQL's zero date
    }
    for name in _NEWLEAD_LEAD_FIELDS:
        values[name] = encoded(derived[name] if name in derived else lead.get(name))
    if new_lead.custom is not None:
        for label, value in new_lead.custom.items():
            if label != "lead_id":
                values[label] = encoded(value)
    return substitute(template, values)


# -- dispo and start (agent-screen events) ---------------------------------------------------


@dataclass(frozen=True)
class CallUrlChoice:
    """Which campaign/in-group URL applies: the configured value, and for ALT its rows."""

    address: str
    alt_rows: Sequence[UrlRow] = ()


def configured(address: str | None) -> bool:
    value = address or ""
    return value == ALT or len(value) >= CALL_URL_MIN_LENGTH


def dispo_address(campaign_url: str | None, ingroup_url: str | None, is_ingroup: bool) -> str:
    """dispo: an in-group's URL is used even when empty; only `CAMP` falls back to the
    campaign's (recorded d25/d26; the spec's fallback on empty is not what VICIdial does)."""
    if is_ingroup and (ingroup_url or "") != "CAMP":
        return ingroup_url or ""
    return campaign_url or ""


def start_address(campaign_url: str | None, ingroup_url: str | None, is_ingroup: bool) -> str:
    """start: an in-group's URL when configured, else the campaign's (recorded s08)."""
    if is_ingroup and configured(ingroup_url):
        return ingroup_url or ""
    return campaign_url or ""


def _has_word(words: str, word: str) -> bool:
    return f" {word} " in f" {words} "


def dispo_alt_rows(
    rows: Iterable[UrlRow], *, status: str, list_id: str, talk_time: int
) -> list[UrlRow]:
    """ALT dispo rows that qualify, in rank order (rows already filtered to the campaign or
    in-group, entry type, url_type 'dispo' and active 'Y')."""
    chosen = []
    for row in sorted(rows, key=lambda r: (r.url_rank, r.url_id)):
        statuses_ok = ALL_STATUSES in row.url_statuses or _has_word(row.url_statuses, status)
        lists_ok = not row.url_lists.strip() or _has_word(row.url_lists, list_id)
        if statuses_ok and lists_ok and talk_time >= row.url_call_length:
            chosen.append(row)
    return chosen


def start_alt_rows(rows: Iterable[UrlRow], *, list_id: str) -> list[UrlRow]:
    """ALT start rows: only url_lists is checked (recorded s05/s06)."""
    return [
        row
        for row in sorted(rows, key=lambda r: (r.url_rank, r.url_id))
        if not row.url_lists.strip() or _has_word(row.url_lists, list_id)
    ]


def templates_of(address: str, alt_rows: Sequence[UrlRow]) -> list[str]:
    """The templates to send: the configured one, or the qualifying ALT rows' addresses."""
    if address == ALT:
        return [row.url_address for row in alt_rows]
    if configured(address):
        return [address]
    return []


@dataclass(frozen=True)
class Talk:
    """Talk time from the agent log row: talk_sec - dead_sec, 0 below 1 second."""

    seconds: int = 0

    @staticmethod
    def of(talk_sec: int | None, dead_sec: int | None) -> Talk:
        seconds = (talk_sec or 0) - (dead_sec or 0)
        return Talk(seconds if seconds >= 1 else 0)

    @property
    def minutes(self) -> int:
        return math.ceil(self.seconds / 60)


@dataclass(frozen=True)
class Agent:
    user: str
    full_name: str = ""
    user_group: str = ""
    email: str = ""
    custom: Sequence[str] = ("", "", "", "", "")


@dataclass(frozen=True)
class Did:
    did_id: str = ""
    extension: str = ""
    pattern: str = ""
    description: str = ""
    custom: Sequence[str] = ("", "", "", "", "")


@dataclass(frozen=True)
class CallFacts:
    """Everything a dispo or start URL can carry besides the lead and its list.

    `posted` holds the agent screen's values (after its character filter) by VICIdial's
    variable names: phone_login, original_phone_login, phone_pass, uniqueid, call_id,
    session_id, server_ip, customer_server_ip, camp_script, in_script, recording_id,
    recording_filename, agent_log_id, SIPexten, customer_zap_channel, xfercallid, parked_by."""

    agent: Agent
    campaign_id: str
    group: str  # the campaign, or the in-group the call came through
    posted: Mapping[str, str]
    now: datetime
    campaign_custom: Sequence[str] = ("", "", "", "", "")
    # The in-group's custom values, only when the in-group's own URL is used (d24 vs d25).
    ingroup_custom: Sequence[str] = ("", "", "", "", "")
    did: Did = field(default_factory=Did)
    closecallid: str = ""
    dialed_number: str = ""
    dialed_label: str = "NONE"
    term_reason: str = "NONE"
    # D11: what replaces --A--pass--B-- (VICIdial: the agent's plain password).
    pass_value: str = ""


@dataclass(frozen=True)
class Dispo:
    status: str
    status_name: str = ""
    talk: Talk = field(default_factory=Talk)
    call_notes: str = ""
    callback_lead_status: str = ""
    callback_datetime: str = ""


_CUSTOM_SUFFIXES = ("one", "two", "three", "four", "five")
_LEAD_FIELDS = (
    "vendor_lead_code", "list_id", "gmt_offset_now", "phone_code", "phone_number", "title",
    "first_name", "middle_initial", "last_name", "address1", "address2", "address3", "city",
    "state", "province", "postal_code", "country_code", "gender", "date_of_birth", "alt_phone",
    "email", "security_phrase", "comments", "source_id", "rank", "owner", "entry_list_id",
    "entry_date", "called_count",
)  # fmt: skip
_RAW_POSTED = (
    "phone_login", "original_phone_login", "phone_pass", "uniqueid", "session_id", "server_ip",
    "customer_server_ip", "camp_script", "in_script", "recording_id", "recording_filename",
    "agent_log_id", "xfercallid", "parked_by",
)  # fmt: skip


def _call_values(
    lead: Mapping[str, Any], list_facts: ListFacts, call: CallFacts, *, start: bool
) -> dict[str, str]:
    values: dict[str, str] = {"lead_id": encoded(lead.get("lead_id"))}
    values["vendor_id"] = encoded(lead.get("vendor_lead_code"))
    for name in _LEAD_FIELDS:
        values[name] = encoded(lead.get(name))
    values["phone"] = encoded(lead.get("phone_number"))
    values["list_name"] = encoded(list_facts.list_name)
    values["list_description"] = encoded(list_facts.list_description)
    agent = call.agent
    values.update(
        user=agent.user,
        pass_=call.pass_value,
        fullname=encoded(agent.full_name),
        user_group=encoded(agent.user_group),
        agent_email=encoded(agent.email),
        campaign=call.campaign_id,
        group=call.group,
        channel_group=call.group,
        closecallid=encoded(call.closecallid),
        SQLdate=encoded(call.now.strftime("%Y-%m-%d %H:%M:%S")),
        epoch=str(int(call.now.timestamp())),
        dialed_number=call.dialed_number,
        dialed_label=call.dialed_label,
        fronter=agent.user,
        closer="",
        did_id=encoded(call.did.did_id),
        did_extension=encoded(call.did.extension),
        did_pattern=encoded_twice(call.did.pattern),
        did_description=encoded_twice(call.did.description),
    )
    values["pass"] = values.pop("pass_")
    for name in _RAW_POSTED:
        values[name] = call.posted.get(name, "")
    values["call_id"] = encoded(call.posted.get("call_id", ""))
    values["SIPexten"] = encoded(call.posted.get("SIPexten", ""))
    values["customer_zap_channel"] = encoded(call.posted.get("customer_zap_channel", ""))
    for index, suffix in enumerate(_CUSTOM_SUFFIXES):
        user_custom = agent.custom[index]
        values[f"user_custom_{suffix}"] = (
            encoded_twice(user_custom) if start else encoded(user_custom)
        )
        values[f"did_custom_{suffix}"] = encoded_twice(call.did.custom[index])
        values[f"ig_custom_{suffix}"] = encoded(call.ingroup_custom[index])
        camp_custom = call.campaign_custom[index]
        values[f"camp_custom_{suffix}"] = encoded(camp_custom) if start else text_of(camp_custom)
    return values


def _with_custom(values: dict[str, str], custom: Mapping[str, Any] | None) -> dict[str, str]:
    if custom is not None:
        for label, value in custom.items():
            if label != "lead_id":
                values[label] = encoded(value)
    return values


_DISPO_FILTER = re.compile(r"dispo_filter_container=([^&]*)")


def dispo_filter_id(template: str) -> str | None:
    """The settings container a dispo URL names with `dispo_filter_container=<ID>`."""
    match = _DISPO_FILTER.search(template)
    return match.group(1) if match else None


def apply_dispo_filter(values: dict[str, str], container_entry: str) -> None:
    """DISPO_FILTER lines `field,match,replacement`: a variable whose (encoded) value equals
    `match` exactly (empty matches empty) is sent as `replacement`."""
    for line in container_entry.splitlines():
        parts = line.strip().split(",", 2)
        if len(parts) == 3 and parts[0] in values and values[parts[0]] == parts[1]:
            values[parts[0]] = parts[2]


def dispo_url(
    template: str,
    lead: Mapping[str, Any],
    list_facts: ListFacts,
    call: CallFacts,
    dispo: Dispo,
    *,
    custom: Mapping[str, Any] | None = None,
    dispo_filter: str | None = None,
) -> str:
    """A dispo_call_url. `custom` only when the agent screen posted custom_field_names;
    `dispo_filter` is the entry of the container the template names, if any."""
    values = _call_values(lead, list_facts, call, start=False)
    # CBHOLD with a callback status reports that status (recorded d03).
    shown = dispo.callback_lead_status if dispo.status == "CBHOLD" else ""
    values.update(
        dispo=encoded(shown or dispo.status),
        dispo_name=encoded_twice(dispo.status_name),
        talk_time=str(dispo.talk.seconds),
        talk_time_ms=str(dispo.talk.seconds * 1000),
        talk_time_min=str(dispo.talk.minutes),
        # 0 or 1 characters of notes are sent as a single space (recorded d13).
        call_notes=encoded(dispo.call_notes) if len(dispo.call_notes) > 1 else "+",
        callback_lead_status=encoded(dispo.callback_lead_status),
        callback_datetime=encoded(dispo.callback_datetime),
        term_reason=call.term_reason,
    )
    if dispo_filter is not None:
        apply_dispo_filter(values, dispo_filter)
    return substitute(template, _with_custom(values, custom))


def start_url(
    template: str,
    lead: Mapping[str, Any],
    list_facts: ListFacts,
    call: CallFacts,
    *,
    custom: Mapping[str, Any] | None = None,
) -> str:
    """A start_call_url: dispo is the lead's status, talk time 0; the dispo-only variables
    other than talk_time/talk_time_min stay literal."""
    values = _call_values(lead, list_facts, call, start=True)
    for name in ("recording_id", "recording_filename"):
        values.pop(name)
    # The start URL reports the list as entry list for a lead without custom data (s01).
    if not int(lead.get("entry_list_id") or 0):
        values["entry_list_id"] = encoded(lead.get("list_id"))
    values.update(dispo=encoded(lead.get("status")), talk_time="0", talk_time_min="0")
    return substitute(template, _with_custom(values, custom))

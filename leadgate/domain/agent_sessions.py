"""Agent sessions and the commands the Agent API sends to them.

An agent is logged in iff a vicidial_live_agents row exists for them. The API never acts on
the call itself: it validates, then writes a command string into one of the row's `external_*`
mailbox columns, which the agent screen executes and clears (agent_api.md §0). The command
formats here are the ones VICIdial's agent screen reads, so a real screen sharing the database
keeps working.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection

from leadgate.domain.agent_commands import (
    Callback,
    DialCommand,
    StatusCommand,
    TransferCommand,
    is_callback_datetime,
    logout_text,
    pause_text,
)
from leadgate.domain.leads import intake as lead_intake
from leadgate.domain.timezones import GmtOffset
from leadgate.storage import dnc as dnc_store
from leadgate.storage import live_agents, system
from leadgate.storage.leads import intake as lead_store
from leadgate.values.numbers import clamp_smallint

# Statuses in which the agent is not paused (RESUME is refused in these).
ACTIVE_STATUSES = frozenset({"READY", "QUEUE", "INCALL", "CLOSER"})
CALLBACK_COMMENTS_MAX = 200
DIAL_QUEUE_MODE_STANDARD = "STANDARD"
# external_add_lead stores gmt_offset_now's column default: it never looks the offset up.
NO_GMT_LOOKUP = GmtOffset(text="", value=Decimal("0.00"))


@dataclass(frozen=True)
class AgentSession:
    """The parts of an agent's vicidial_live_agents row the API looks at."""

    user: str
    status: str
    campaign_id: str
    lead_id: int
    callerid: str
    closer_campaigns: str
    update_fields_flag: str = ""
    update_fields_data: str = ""
    server_ip: str = ""
    conf_exten: str = ""
    recording: str = ""  # external_recording: a command, or the id of the recording running

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> AgentSession:
        return cls(
            user=str(row["user"] or ""),
            status=str(row["status"] or ""),
            campaign_id=str(row["campaign_id"] or ""),
            lead_id=int(row["lead_id"] or 0),
            callerid=str(row["callerid"] or ""),
            closer_campaigns=str(row["closer_campaigns"] or ""),
            update_fields_flag=str(row.get("external_update_fields") or ""),
            update_fields_data=str(row.get("external_update_fields_data") or ""),
            server_ip=str(row.get("server_ip") or ""),
            conf_exten=str(row.get("conf_exten") or ""),
            recording=str(row.get("external_recording") or ""),
        )

    @property
    def is_paused_state(self) -> bool:
        return self.status not in ACTIVE_STATUSES


def find_session(conn: Connection, agent_user: str) -> AgentSession | None:
    row = live_agents.find_session(conn, agent_user)
    return None if row is None else AgentSession.from_row(row)


def user_for_alt_id(conn: Connection, alt_user: str) -> str | None:
    """The agent a CRM id (vicidial_users.custom_three) stands for: the first by user name."""
    return live_agents.user_with_alt_id(conn, alt_user)


# -- pause / logout / hangup / pause code ---------------------------------------------------


def is_pause_value(value: str) -> bool:
    """external_pause accepts any value containing PAUSE or RESUME (case-sensitive)."""
    return "PAUSE" in value or "RESUME" in value


def refuses_resume(session: AgentSession, value: str) -> bool:
    """RESUME is refused when the agent is not paused."""
    return "RESUME" in value and not session.is_paused_state


def send_pause(conn: Connection, session: AgentSession, value: str, epoch: int) -> str:
    command = pause_text(value, epoch)
    live_agents.write_commands(conn, session.user, {"external_pause": command})
    return command


def send_logout(conn: Connection, session: AgentSession, value: str) -> None:
    # The screen reads LOGOUT from the pause mailbox.
    live_agents.write_commands(conn, session.user, {"external_pause": logout_text(value)})


def send_hangup(conn: Connection, session: AgentSession, value: str) -> None:
    live_agents.write_commands(conn, session.user, {"external_hangup": value})


def send_pause_code(conn: Connection, session: AgentSession, code: str) -> None:
    live_agents.write_commands(conn, session.user, {"external_pause_code": code})


# -- external_status ------------------------------------------------------------------------


@dataclass(frozen=True)
class Disposition:
    status: str
    callback_datetime: str = ""
    callback_type: str = ""
    callback_comments: str = ""
    qm_dispo_code: str = ""


def status_command(conn: Connection, session: AgentSession, dispo: Disposition) -> str:
    """The external_status string: `STATUS`, or the callback form
    `STATUS!datetime!type!comments!`, plus an optional QueueMetrics code."""
    callback = None
    if is_callback_datetime(dispo.callback_datetime) and live_agents.is_callback_status(
        conn, dispo.status, session.campaign_id
    ):
        callback = Callback(
            when=dispo.callback_datetime,
            recipient=dispo.callback_type if len(dispo.callback_type) >= 4 else "ANYONE",
            comments=dispo.callback_comments[:CALLBACK_COMMENTS_MAX],
        )
    return StatusCommand(dispo.status, callback, dispo.qm_dispo_code).text()


def send_status(conn: Connection, session: AgentSession, command: str) -> None:
    live_agents.write_commands(conn, session.user, {"external_status": command})


# -- external_dial --------------------------------------------------------------------------


def dial_mode(conn: Connection, session: AgentSession) -> str:
    """The campaign's api_manual_dial ('' when the campaign does not exist: queue mode)."""
    campaign = live_agents.campaign_dial_settings(conn, session.campaign_id)
    return "" if campaign is None else str(campaign["api_manual_dial"] or "")


def ready_to_dial(session: AgentSession, mode: str) -> bool:
    """STANDARD mode needs a paused agent without a lead; queue modes are always ready."""
    if mode != DIAL_QUEUE_MODE_STANDARD:
        return True
    return session.status == "PAUSED" and session.lead_id < 1


def send_dial(conn: Connection, session: AgentSession, command: DialCommand) -> None:
    live_agents.write_commands(conn, session.user, {"external_dial": command.text()})


def php_numeric(text: str) -> float | None:
    """PHP 8's idea of a numeric string (surrounding whitespace allowed), as a float."""
    stripped = text.strip(" \t\n\r\v\f")
    if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?", stripped):
        return None
    return float(stripped)


def php_loose_equal(left: str | None, right: str) -> bool:
    """PHP 8 `==` between a (nullable) column value and a string."""
    if left is None:
        return right == ""
    a, b = php_numeric(left), php_numeric(right)
    if a is not None and b is not None:
        return a == b
    return left == right


def caller_id_too_short(caller_id: str | None) -> bool:
    """VICIdial's `caller_id_number < 4` test with PHP 8 comparison rules."""
    if caller_id is None:
        return True
    number = php_numeric(caller_id)
    if number is not None:
        return number < 4
    return caller_id < "4"


def search_alt_dial(lead: dict[str, Any], phone: str) -> str:
    """Which of the lead's numbers `phone` is (MAIN beats ALT beats ADDR3), '' for none."""
    if php_loose_equal(_text_or_none(lead["phone_number"]), phone):
        return "MAIN"
    if php_loose_equal(_text_or_none(lead["alt_phone"]), phone):
        return "ALT"
    if php_loose_equal(_text_or_none(lead["address3"]), phone):
        return "ADDR3"
    return ""


def lead_number_for(lead: dict[str, Any], alt_dial: str) -> str:
    """The number to dial: alt_phone for ALT, address3 for ADDR3, else phone_number."""
    column = {"ALT": "alt_phone", "ADDR3": "address3"}.get(alt_dial, "phone_number")
    return str(lead[column] or "")


def _text_or_none(value: Any) -> str | None:
    return None if value is None else str(value)


# -- calls_in_queue_count -------------------------------------------------------------------


def queue_routes(closer_campaigns: str) -> tuple[list[str], bool]:
    """The in-groups VICIdial matches for an agent's selected in-groups, and whether
    AGENTDIRECT was selected.

    VICIdial turns ' A B -' into the SQL list ('','A','B'): the leading blank becomes an
    empty group id, which is matched too. AGENTDIRECT is cut out of the text wherever it occurs.
    """
    text = re.sub(r"\s-", "", closer_campaigns)
    text = re.sub(r"\s", "','", text)
    direct = re.search("AGENTDIRECT", text, flags=re.IGNORECASE) is not None
    if direct:
        text = re.sub("AGENTDIRECT", "", text, flags=re.IGNORECASE)
    return text.split("','"), direct


def calls_in_queue(conn: Connection, session: AgentSession) -> int:
    groups, direct = queue_routes(session.closer_campaigns)
    calls = live_agents.calls_waiting(
        conn, session.campaign_id, groups, session.user if direct else None
    )
    return calls + live_agents.emails_waiting(conn, groups)


# -- update_fields --------------------------------------------------------------------------


def send_update_fields(conn: Connection, session: AgentSession, field_list: str) -> int:
    """Tell the screen to reload the named fields; 1 when the row changed (MySQL's count)."""
    values = {"external_update_fields": "1", "external_update_fields_data": field_list}
    live_agents.write_commands(conn, session.user, values)
    stored = live_agents.fit_session_values(values)["external_update_fields_data"]
    unchanged = session.update_fields_flag == "1" and session.update_fields_data == stored
    return 0 if unchanged else 1


# -- external_add_lead ----------------------------------------------------------------------


@dataclass(frozen=True)
class ManualDialLead:
    """A lead for the manual-dial list of the agent's campaign (filtered request values)."""

    api_user: str
    phone_number: str
    phone_code: str
    fields: dict[str, str]  # lead_intake.TEXT_FIELDS values
    gender: str = ""
    date_of_birth: str = ""
    rank: str = ""
    dnc_check: bool = False
    campaign_dnc_check: bool = False


@dataclass(frozen=True)
class ManualDialLeadOutcome:
    campaign_id: str = ""  # '' when the agent's campaign does not exist
    list_id: int = 0
    in_dnc: bool = False
    in_campaign_dnc: bool = False
    lead_id: int | None = None

    @property
    def campaign_found(self) -> bool:
        return self.campaign_id != ""


def add_manual_dial_lead(
    conn: Connection, session: AgentSession, lead: ManualDialLead, now: datetime
) -> ManualDialLeadOutcome:
    """Insert a lead into the manual-dial list of the agent's campaign (agent_api.md §3).

    Unlike add_lead: no phone_code or gender default, no GMT lookup (the column default is
    kept), no duplicate check, no hopper; both DNC lists are checked before deciding.
    """
    campaign = live_agents.campaign_dial_settings(conn, session.campaign_id)
    if campaign is None:
        return ManualDialLeadOutcome()
    campaign_id = str(campaign["campaign_id"])
    # A NULL list id is stored as 0 (MySQL's reading of the empty string VICIdial sends).
    list_id = int(campaign["manual_dial_list_id"] or 0)
    phone = lead.phone_number
    in_dnc = lead.dnc_check and dnc_store.in_system_dnc(conn, phone, areacode=False)
    in_campaign_dnc = lead.campaign_dnc_check and dnc_store.in_campaign_dnc(
        conn, phone, campaign_id, areacode=False
    )
    outcome = ManualDialLeadOutcome(campaign_id=campaign_id, list_id=list_id, in_dnc=in_dnc,
                                    in_campaign_dnc=in_campaign_dnc)  # fmt: skip
    if in_dnc or in_campaign_dnc:
        return outcome
    request = lead_intake.AddLeadRequest(
        api_user=lead.api_user, phone_number=phone, phone_code=lead.phone_code,
        fields=lead.fields, gender=lead.gender, date_of_birth=lead.date_of_birth, rank=lead.rank,
    )  # fmt: skip
    row = lead_intake.lead_row(
        request, list_id=list_id, phone_code=lead.phone_code, state=request.text("state"),
        gmt=NO_GMT_LOOKUP, now=now, status="NEW",
    )  # fmt: skip
    # No 'U' default here: an empty or unknown gender is stored as '' (MySQL's bad-ENUM value).
    row["gender"] = lead.gender if lead.gender in lead_intake.GENDERS else ""
    lead_id = lead_store.insert_lead(conn, row)
    return replace(outcome, lead_id=lead_id)


# -- lookups external_dial and the lead-screen functions need -------------------------------


def may_dial_manually(conn: Connection, agent_user: str) -> bool:
    return live_agents.may_dial_manually(conn, agent_user)


def inbound_group_exists(conn: Connection, group_id: str) -> bool:
    return live_agents.inbound_group_exists(conn, group_id)


def group_alias_caller_id(conn: Connection, group_alias: str) -> tuple[bool, str | None]:
    """(the group alias exists, its caller_id_number)."""
    return live_agents.group_alias_caller_id(conn, group_alias)


def outbound_cid_setting(conn: Connection) -> str:
    """system_settings.outbound_cid_any (API_ONLY lets external_dial set the caller id)."""
    return str(system.settings(conn).get("outbound_cid_any") or "")


def lead_dial_numbers(conn: Connection, lead_id: str) -> dict[str, Any] | None:
    return live_agents.lead_dial_numbers(conn, lead_id)


def place_dial(
    conn: Connection, session: AgentSession, mode: str, command: DialCommand, now: datetime
) -> bool:
    """STANDARD: the agent's external_dial mailbox; queue modes: a READY row in the manual
    dial queue. False when that number is already queued for the agent."""
    if mode == DIAL_QUEUE_MODE_STANDARD:
        send_dial(conn, session, command)
        return True
    if live_agents.is_queued_for_dial(conn, session.user, command.value):
        return False
    live_agents.queue_dial(conn, session.user, command.value, command.text(), now)
    return True


def screen_lead_summary(conn: Connection, lead_id: int) -> dict[str, Any]:
    """phone_number, vendor_lead_code, province, security_phrase, source_id ({} if gone)."""
    return live_agents.lead_summary(conn, lead_id) or {}


GMT_LIMIT = Decimal("99.99")


def update_screen_lead(conn: Connection, lead_id: int, texts: dict[str, str]) -> int:
    """Store update_fields' values as MySQL (non-strict) would; 1 when the lead changed
    (MySQL's affected-rows count), 0 when nothing changed or the lead is gone."""
    values = live_agents.fit_lead_values(
        {name: _stored_lead_value(name, text) for name, text in texts.items()}
    )
    before = live_agents.lead_fields(conn, lead_id)
    if before is None:
        return 0
    live_agents.update_lead_fields(conn, lead_id, values)
    return int(any(_differs(before[name], value) for name, value in values.items()))


def _stored_lead_value(name: str, text: str) -> Any:
    if name == "rank":
        return clamp_smallint(text)
    if name == "gmt_offset_now":
        return _gmt_offset(text)
    if name == "date_of_birth":
        return lead_store.parse_mysql_date(text)
    if name == "gender":
        return text if text in lead_intake.GENDERS else ""
    return text


def _gmt_offset(text: str) -> Decimal:
    """MySQL's reading of text into DECIMAL(4,2): the leading number (0 if none), clamped."""
    match = re.match(r"-?(\d+\.?\d*|\.\d+)", text)
    number = Decimal(match.group(0)) if match else Decimal(0)
    return max(-GMT_LIMIT, min(GMT_LIMIT, number)).quantize(Decimal("0.01"))


def _differs(old: Any, new: Any) -> bool:
    """Whether storing `new` over `old` changes the column."""
    if old is None or new is None:
        return (old is None) != (new is None)
    if isinstance(new, Decimal):
        return Decimal(str(old)) != new
    if isinstance(new, date):
        return bool((old.date() if isinstance(old, datetime) else old) != new)
    if isinstance(new, int):
        return bool(int(old) != new)
    return bool(str(old) != new)


# -- transfer_conference --------------------------------------------------------------------

LIVE_CALLERID_MIN = 16  # a callerid this long only exists while a call is live


def has_live_call(session: AgentSession) -> bool:
    return session.lead_id > 0 and len(session.callerid) >= LIVE_CALLERID_MIN


def transfer_ingroup(conn: Connection, session: AgentSession, ingroup_choices: str) -> str:
    """The in-group to transfer to: DEFAULTINGROUP means the live call's default."""
    if "DEFAULTINGROUP" in ingroup_choices:
        return live_agents.default_transfer_group(conn, session.callerid)
    return ingroup_choices


def active_inbound_group_exists(conn: Connection, group_id: str) -> bool:
    return live_agents.active_inbound_group_exists(conn, group_id)


def send_transfer(conn: Connection, session: AgentSession, command: TransferCommand) -> None:
    live_agents.write_commands(conn, session.user, {"external_transferconf": command.text()})


# -- refresh_panel, set_timer_action, st_login_log, preview_dial_action, vm_message --------

MEDIUMINT_MAX = 8388607
PREVIEW_ACTIONS = frozenset({"SKIP", "DIALONLY", "ALTDIAL", "ADR3DIAL", "FINISH"})
ALT_NUMBER_ACTIONS = frozenset({"ALTDIAL", "ADR3DIAL", "FINISH"})


def send_timer_action(
    conn: Connection, session: AgentSession, action: str, message: str, seconds: str
) -> None:
    """A timer action for the screen; seconds is digits ('' is stored as 0, as MySQL does)."""
    stored_seconds = min(int(seconds), MEDIUMINT_MAX) if seconds.isdigit() else 0
    live_agents.write_commands(
        conn,
        session.user,
        {
            "external_timer_action": action,
            "external_timer_action_message": message,
            "external_timer_action_seconds": stored_seconds,
        },
    )


def record_crm_login(conn: Connection, crm_id: str, crm_team: str) -> str | None:
    """st_login_log: the user with this CRM id gets the team id in custom_four."""
    user = live_agents.user_with_alt_id(conn, crm_id)
    if user is not None:
        live_agents.set_crm_login(conn, user, crm_team)
    return user


@dataclass(frozen=True)
class PreviewSettings:
    manual_preview_dial: str
    alt_number_dialing: str


def preview_settings(conn: Connection, session: AgentSession) -> PreviewSettings:
    """The campaign's preview options ('' each when the campaign does not exist)."""
    row = live_agents.campaign_preview_settings(conn, session.campaign_id) or {}
    return PreviewSettings(
        manual_preview_dial=str(row.get("manual_preview_dial") or ""),
        alt_number_dialing=str(row.get("alt_number_dialing") or ""),
    )


def send_preview_action(conn: Connection, session: AgentSession, action: str) -> None:
    # The screen reads preview actions from the same mailbox as dial commands.
    live_agents.write_commands(conn, session.user, {"external_dial": action})


def leave_vm_message(
    conn: Connection, lead_id: int, api_user: str, message: str, now: datetime
) -> None:
    live_agents.add_lead_message(conn, lead_id, api_user, message, now)


def same_lead(lead_id: str, session: AgentSession) -> bool:
    """Whether a digits-only lead_id names the lead on the agent's screen (as numbers)."""
    return lead_id.isdigit() and int(lead_id) == session.lead_id

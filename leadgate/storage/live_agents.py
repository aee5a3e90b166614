"""vicidial_live_agents (the agent sessions) and the lookups the Agent API makes around them.

The Agent API never acts itself: it writes commands into the `external_*` columns of the
agent's vicidial_live_agents row, which the agent screen polls and clears. Everything the API
reads on the way (campaign dial settings, callback statuses, in-groups, group aliases, the
manual-dial queue, waiting calls and e-mails) is here too.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import (
    Connection,
    Update,
    and_,
    bindparam,
    func,
    literal,
    or_,
    select,
    update,
)

from leadgate.storage.columns import fit
from leadgate.storage.tables import (
    groups_alias,
    vicidial_auto_calls,
    vicidial_campaign_statuses,
    vicidial_campaigns,
    vicidial_email_list,
    vicidial_inbound_groups,
    vicidial_lead_messages,
    vicidial_list,
    vicidial_live_agents,
    vicidial_manual_dial_queue,
    vicidial_statuses,
    vicidial_users,
)

# vicidial_list.lead_id and vicidial_live_agents.lead_id are INT columns: an id outside that
# range cannot exist, and PostgreSQL would reject it as a parameter.
MAX_ID = 2**31 - 1

_agents = vicidial_live_agents.c
_users = vicidial_users.c
_campaigns = vicidial_campaigns.c
_leads = vicidial_list.c

SESSION_COLUMNS = (
    _agents.user,
    _agents.status,
    _agents.campaign_id,
    _agents.lead_id,
    _agents.callerid,
    _agents.conf_exten,
    _agents.closer_campaigns,
    _agents.pause_code,
    _agents.external_update_fields,
    _agents.external_update_fields_data,
    _agents.server_ip,
    _agents.external_recording,
)
_select_session = select(*SESSION_COLUMNS).where(_agents.user == bindparam("b_user")).limit(1)

_select_alt_user = (
    select(_users.user)
    .where(_users.custom_three == bindparam("b_alt"))
    .order_by(_users.user)
    .limit(1)
)
_update_custom_four = (
    update(vicidial_users)
    .where(_users.user == bindparam("b_user"))
    .values(custom_four=bindparam("b_value"))
)
_select_manual_dialer = select(func.count()).where(
    _users.user == bindparam("b_user"), _users.agentcall_manual == "1"
)

_select_campaign = select(
    _campaigns.campaign_id,
    _campaigns.manual_dial_list_id,
    _campaigns.api_manual_dial,
    _campaigns.use_other_campaign_dnc,
).where(_campaigns.campaign_id == bindparam("b_campaign"))

_select_preview_settings = select(
    _campaigns.manual_preview_dial, _campaigns.alt_number_dialing
).where(_campaigns.campaign_id == bindparam("b_campaign"))

_count_system_callback_status = select(func.count()).where(
    vicidial_statuses.c.status == bindparam("b_status"),
    vicidial_statuses.c.scheduled_callback == "Y",
)
_count_campaign_callback_status = select(func.count()).where(
    vicidial_campaign_statuses.c.campaign_id == bindparam("b_campaign"),
    vicidial_campaign_statuses.c.status == bindparam("b_status"),
    vicidial_campaign_statuses.c.scheduled_callback == "Y",
)
_count_inbound_group = select(func.count()).where(
    vicidial_inbound_groups.c.group_id == bindparam("b_group")
)
_count_active_inbound_group = select(func.count()).where(
    vicidial_inbound_groups.c.group_id == bindparam("b_group"),
    vicidial_inbound_groups.c.active == "Y",
)
_select_call_route = (
    select(vicidial_auto_calls.c.campaign_id, vicidial_auto_calls.c.call_type)
    .where(vicidial_auto_calls.c.callerid == bindparam("b_callerid"))
    .limit(1)
)
_select_ingroup_xfer_group = select(vicidial_inbound_groups.c.default_xfer_group).where(
    vicidial_inbound_groups.c.group_id == bindparam("b_group")
)
_select_campaign_xfer_group = select(_campaigns.default_xfer_group).where(
    _campaigns.campaign_id == bindparam("b_group")
)
_select_group_alias_cid = select(groups_alias.c.caller_id_number).where(
    groups_alias.c.group_alias_id == bindparam("b_alias")
)
_count_queued_dial = select(func.count()).where(
    vicidial_manual_dial_queue.c.user == bindparam("b_user"),
    vicidial_manual_dial_queue.c.phone_number == bindparam("b_phone"),
)
_insert_queued_dial = vicidial_manual_dial_queue.insert()
_insert_lead_message = vicidial_lead_messages.insert()

_select_lead_numbers = select(
    _leads.phone_number, _leads.alt_phone, _leads.address3, _leads.phone_code
).where(_leads.lead_id == bindparam("b_lead"))
_select_lead_summary = select(
    _leads.phone_number,
    _leads.vendor_lead_code,
    _leads.province,
    _leads.security_phrase,
    _leads.source_id,
).where(_leads.lead_id == bindparam("b_lead"))

# The editable lead columns of update_fields, read before the update to tell whether it
# changes anything (MySQL reports only changed rows as affected).
LEAD_FIELD_COLUMNS = (
    "phone_code", "address1", "address2", "address3", "alt_phone", "city", "comments",
    "country_code", "date_of_birth", "email", "first_name", "gender", "gmt_offset_now",
    "last_name", "middle_initial", "phone_number", "postal_code", "province",
    "security_phrase", "source_id", "state", "title", "vendor_lead_code", "rank", "owner",
)  # fmt: skip
_select_lead_fields = select(*(_leads[name] for name in LEAD_FIELD_COLUMNS)).where(
    _leads.lead_id == bindparam("b_lead")
)


def _command_update(*columns: str) -> Update:
    """UPDATE vicidial_live_agents SET <columns> WHERE user = :b_user, built once."""
    return (
        update(vicidial_live_agents)
        .where(_agents.user == bindparam("b_user"))
        .values({name: bindparam(name) for name in columns})
    )


# One prepared statement per command mailbox the API writes.
_COMMAND_UPDATES: dict[tuple[str, ...], Update] = {
    columns: _command_update(*columns)
    for columns in (
        ("external_pause",),
        ("external_status",),
        ("external_hangup",),
        ("external_dial",),
        ("external_pause_code",),
        ("external_update_fields", "external_update_fields_data"),
        ("external_transferconf",),
        ("external_timer_action", "external_timer_action_message", "external_timer_action_seconds"),
        ("external_park",),
        ("external_dtmf",),
        ("external_recording",),
        ("external_lead_id",),
        ("external_ingroups", "external_blended", "external_igb_set_user", "manager_ingroup_set"),
    )
}


def as_id(text: str) -> int | None:
    """A digits-only id as an int, or None when it cannot be a stored INT id."""
    if not text.isdigit():
        return None
    value = int(text)
    return value if value <= MAX_ID else None


# -- sessions -------------------------------------------------------------------------------


def find_session(conn: Connection, agent_user: str) -> dict[str, Any] | None:
    """The agent's vicidial_live_agents row (the session columns), or None if logged out."""
    if not agent_user:
        return None
    row = conn.execute(_select_session, {"b_user": agent_user}).mappings().first()
    return None if row is None else dict(row)


def write_commands(conn: Connection, agent_user: str, values: Mapping[str, Any]) -> int:
    """Write command mailbox columns of the agent's row (cut to width); rows matched."""
    columns = tuple(values)
    statement = _COMMAND_UPDATES.get(columns)
    if statement is None:
        statement = _command_update(*columns)
    params = {"b_user": agent_user, **fit(vicidial_live_agents, values)}
    return int(conn.execute(statement, params).rowcount or 0)


# -- users ----------------------------------------------------------------------------------


def user_with_alt_id(conn: Connection, alt_id: str) -> str | None:
    """The alphabetically first user whose custom_three is `alt_id` (a CRM agent id)."""
    if not alt_id:
        return None
    row = conn.execute(_select_alt_user, {"b_alt": alt_id}).first()
    return None if row is None else str(row[0])


def set_crm_login(conn: Connection, user: str, crm_team: str) -> None:
    """st_login_log: remember the CRM team id in vicidial_users.custom_four."""
    values = fit(vicidial_users, {"custom_four": crm_team})
    conn.execute(_update_custom_four, {"b_user": user, "b_value": values["custom_four"]})


def may_dial_manually(conn: Connection, agent_user: str) -> bool:
    """vicidial_users.agentcall_manual = '1' for the agent."""
    return bool(conn.execute(_select_manual_dialer, {"b_user": agent_user}).scalar_one())


# -- campaigns and statuses -----------------------------------------------------------------


def campaign_dial_settings(conn: Connection, campaign_id: str) -> dict[str, Any] | None:
    """campaign_id, manual_dial_list_id, api_manual_dial, use_other_campaign_dnc."""
    if not campaign_id:
        return None
    row = conn.execute(_select_campaign, {"b_campaign": campaign_id}).mappings().first()
    return None if row is None else dict(row)


def campaign_preview_settings(conn: Connection, campaign_id: str) -> dict[str, Any] | None:
    """manual_preview_dial and alt_number_dialing of the campaign, or None."""
    if not campaign_id:
        return None
    row = conn.execute(_select_preview_settings, {"b_campaign": campaign_id}).mappings().first()
    return None if row is None else dict(row)


def is_callback_status(conn: Connection, status: str, campaign_id: str) -> bool:
    """A scheduled-callback status, system-wide or in the campaign's own statuses."""
    params = {"b_status": status, "b_campaign": campaign_id or ""}
    if conn.execute(_count_system_callback_status, params).scalar_one():
        return True
    return bool(conn.execute(_count_campaign_callback_status, params).scalar_one())


def inbound_group_exists(conn: Connection, group_id: str) -> bool:
    return bool(conn.execute(_count_inbound_group, {"b_group": group_id}).scalar_one())


def active_inbound_group_exists(conn: Connection, group_id: str) -> bool:
    return bool(conn.execute(_count_active_inbound_group, {"b_group": group_id}).scalar_one())


def default_transfer_group(conn: Connection, callerid: str) -> str:
    """The default_xfer_group of the in-group (inbound call) or campaign of the live call
    with this callerid; '' when there is no such call or setting."""
    route = conn.execute(_select_call_route, {"b_callerid": callerid}).first()
    group, call_type = ("", "") if route is None else (str(route[0] or ""), str(route[1] or ""))
    statement = _select_ingroup_xfer_group if call_type == "IN" else _select_campaign_xfer_group
    row = conn.execute(statement, {"b_group": group}).first()
    return "" if row is None or row[0] is None else str(row[0])


def group_alias_caller_id(conn: Connection, group_alias: str) -> tuple[bool, str | None]:
    """(the alias exists, its caller_id_number)."""
    row = conn.execute(_select_group_alias_cid, {"b_alias": group_alias}).first()
    if row is None:
        return False, None
    return True, None if row[0] is None else str(row[0])


# -- manual dial queue ----------------------------------------------------------------------


def is_queued_for_dial(conn: Connection, agent_user: str, phone_number: str) -> bool:
    params = {"b_user": agent_user, "b_phone": phone_number}
    return bool(conn.execute(_count_queued_dial, params).scalar_one())


def queue_dial(
    conn: Connection, agent_user: str, phone_number: str, command: str, now: datetime
) -> None:
    values = {
        "user": agent_user,
        "phone_number": phone_number,
        "entry_time": now,
        "status": "READY",
        "external_dial": command,
    }
    conn.execute(_insert_queued_dial, fit(vicidial_manual_dial_queue, values))


# -- leads ----------------------------------------------------------------------------------


def lead_dial_numbers(conn: Connection, lead_id: str) -> dict[str, Any] | None:
    """phone_number, alt_phone, address3 and phone_code of a lead, or None."""
    key = as_id(lead_id)
    if key is None:
        return None
    row = conn.execute(_select_lead_numbers, {"b_lead": key}).mappings().first()
    return None if row is None else dict(row)


def lead_summary(conn: Connection, lead_id: int) -> dict[str, Any] | None:
    """The fields st_get_agent_active_lead reports."""
    row = conn.execute(_select_lead_summary, {"b_lead": lead_id}).mappings().first()
    return None if row is None else dict(row)


def lead_fields(conn: Connection, lead_id: int) -> dict[str, Any] | None:
    row = conn.execute(_select_lead_fields, {"b_lead": lead_id}).mappings().first()
    return None if row is None else dict(row)


def fit_lead_values(values: Mapping[str, Any]) -> dict[str, Any]:
    """The values as vicidial_list stores them (strings cut to column width)."""
    return fit(vicidial_list, values)


def fit_session_values(values: Mapping[str, Any]) -> dict[str, Any]:
    """The values as vicidial_live_agents stores them (strings cut to column width)."""
    return fit(vicidial_live_agents, values)


def update_lead_fields(conn: Connection, lead_id: int, values: Mapping[str, Any]) -> int:
    """UPDATE the lead's columns (cut to width); rows matched."""
    if not values:
        return 0
    statement = update(vicidial_list).where(_leads.lead_id == lead_id)
    return int(conn.execute(statement.values(**fit(vicidial_list, values))).rowcount or 0)


def add_lead_message(
    conn: Connection, lead_id: int, user: str, message: str, now: datetime
) -> None:
    """vm_message: a voicemail message for the lead, played when the agent drops to VM."""
    values = {"lead_id": lead_id, "call_date": now, "user": user, "message_entry": message}
    conn.execute(_insert_lead_message, fit(vicidial_lead_messages, values))


# -- queue counts ---------------------------------------------------------------------------


def calls_waiting(
    conn: Connection, campaign_id: str, ingroups: Sequence[str], direct_agent: str | None
) -> int:
    """LIVE vicidial_auto_calls for the campaign or the in-groups (and, with AGENTDIRECT,
    the calls waiting for this agent alone)."""
    calls = vicidial_auto_calls.c
    routes = [calls.campaign_id == campaign_id, calls.campaign_id.in_(list(ingroups))]
    if direct_agent is not None:
        routes.append(
            and_(calls.campaign_id.like("%AGENTDIRECT%"), calls.agent_only == direct_agent)
        )
    statement = select(func.count()).where(calls.status == "LIVE", or_(*routes))
    return int(conn.execute(statement).scalar_one())


def emails_waiting(conn: Connection, ingroups: Sequence[str]) -> int:
    emails = vicidial_email_list.c
    statement = select(func.count()).where(
        emails.status.in_(["NEW", "QUEUE"]),
        emails.group_id.in_(list(ingroups)) if ingroups else literal(False),
    )
    return int(conn.execute(statement).scalar_one())

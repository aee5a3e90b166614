"""Agent API functions about the lead on the agent's screen: update_fields and
st_get_agent_active_lead (agent_api.md §11, §12).
"""

from __future__ import annotations

import re
from typing import Any

from leadgate.domain import agent_sessions
from leadgate.wire.agent import params
from leadgate.wire.agent.common import AgentCall
from leadgate.wire.context import Call

# update_fields: lead columns in VICIdial's order, and whether the name test on the query
# string ignores case (VICIdial's own mix: the later ones do).
UPDATE_FIELDS: tuple[tuple[str, bool], ...] = (
    ("phone_code", False), ("address1", False), ("address2", False), ("address3", False),
    ("alt_phone", False), ("city", False), ("comments", False), ("country_code", False),
    ("date_of_birth", False), ("email", False), ("first_name", False), ("gender", False),
    ("gmt_offset_now", False), ("last_name", False), ("middle_initial", False),
    ("phone_number", False), ("postal_code", True), ("province", True),
    ("security_phrase", True), ("source_id", True), ("state", True), ("title", True),
    ("vendor_lead_code", True), ("rank", True), ("owner", True),
)  # fmt: skip
# Names that only ask the screen to reload something (no lead column).
RELOAD_TRIGGERS = ("formreload", "scriptreload", "script2reload", "emailreload", "chatreload")


def _mentions(query: str, name: str, ignore_case: bool) -> bool:
    """VICIdial's presence test: the name anywhere in the query string (values included)."""
    return re.search(re.escape(name), query, flags=re.IGNORECASE if ignore_case else 0) is not None


def update_fields(call: Call) -> None:
    ac = AgentCall.start(call)
    if not ac.agent_user:
        ac.fail("agent_user not valid", ac.agent_user, data=ac.agent_user)
    ac.require_function_allowed()
    session = ac.require_session()
    user = call.user
    assert user is not None
    if not _may_modify_leads(user.flag("modify_leads")):
        ac.fail("user is not allowed to modify lead information", f"{ac.agent_user}|{user.name}")
    if session.lead_id <= 0:
        ac.fail("agent_user does not have a lead on their screen", ac.agent_user)
    query = params.quirk_query_string(call.request)
    texts = {
        name: ac.param(name, params.LEAD_FIELD_FILTERS[name])
        for name, ignore_case in UPDATE_FIELDS
        if _mentions(query, name, ignore_case)
    }
    names = [*texts, *(name for name in RELOAD_TRIGGERS if _mentions(query, name, True))]
    if not names:
        ac.fail("no fields have been defined", ac.agent_user)
    quoted = [name for name, text in texts.items() if '"' in text]
    if quoted:
        # VICIdial puts the values between double quotes in its SQL, so a double quote in
        # one breaks the statement and nothing is stored (DEVIATIONS.md D4: it crashes).
        ac.fail("update_fields error - double quote in field value",
                f"{ac.agent_user}|{','.join(quoted)}")  # fmt: skip
    lead_rows = agent_sessions.update_screen_lead(call.conn, session.lead_id, texts) if texts else 0
    field_list = ",".join(names)
    agent_rows = agent_sessions.send_update_fields(call.conn, session, field_list)
    assignments = ",".join(f'{name}="{text}"' for name, text in texts.items())
    data = (
        f"{user.name}|{ac.agent_user}|{session.lead_id}|{lead_rows}|{agent_rows}|"
        f"{field_list}|{assignments}|"
    )
    ac.say("SUCCESS", "update_fields lead updated", data, data=data)


def _may_modify_leads(flag: str) -> bool:
    return flag in {"1", "2", "3", "4"}


def st_get_agent_active_lead(call: Call) -> None:
    ac = AgentCall.start(call)
    vendor_id = ac.param("vendor_id", params.FREE_TEXT)
    if not ac.value or not vendor_id:
        data = f"{ac.value}|{vendor_id}"
        ac.fail("st_get_agent_active_lead not valid", data, data=data)
    ac.require_function_allowed()
    found = agent_sessions.user_for_alt_id(call.conn, ac.value)
    if found is None:
        ac.fail("no user found", ac.value)
    session = agent_sessions.find_session(call.conn, found)
    if session is None:
        ac.fail("user not logged in", found)
    if session.lead_id <= 0:
        ac.fail("no active lead found", found)
    lead = agent_sessions.screen_lead_summary(call.conn, session.lead_id)
    fields = ("phone_number", "vendor_lead_code", "province", "security_phrase", "source_id")
    phone, vendor, province, phrase, source_id = (_text(lead.get(name)) for name in fields)
    data = f"{found}|{phone}|{session.lead_id}|{vendor}|{province}|{phrase}|{source_id}"
    ac.say("SUCCESS", "st_get_agent_active_lead lead found", data, data=data)


def _text(value: Any) -> str:
    return "" if value is None else str(value)

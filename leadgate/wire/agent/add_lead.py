"""external_add_lead: a lead for the manual-dial list of the agent's campaign (agent_api.md §3).

It only stores the lead; the agent (or external_dial with lead_id) dials it.
"""

from __future__ import annotations

from leadgate.domain import agent_sessions
from leadgate.domain.agent_sessions import ManualDialLead
from leadgate.domain.leads import intake as lead_intake
from leadgate.wire.agent import params
from leadgate.wire.agent.common import AgentCall
from leadgate.wire.context import Call
from leadgate.wire.filters import php_strlen

DNC_FLAGS = frozenset({"YES", "Y"})


def _lead_from_request(ac: AgentCall) -> ManualDialLead:
    user = ac.call.user
    assert user is not None
    fields = {
        name: ac.param(name, params.LEAD_FIELD_FILTERS[name]) for name in lead_intake.TEXT_FIELDS
    }
    vendor_id = ac.param("vendor_id", params.FREE_TEXT)
    if vendor_id:
        fields["vendor_lead_code"] = vendor_id
    return ManualDialLead(
        api_user=user.name,
        phone_number=ac.value,
        phone_code=ac.param("phone_code", params.PHONE_CODE),
        fields=fields,
        gender=ac.param("gender", params.UPPER),
        date_of_birth=ac.param("date_of_birth", params.LEAD_FIELD_FILTERS["date_of_birth"]),
        rank=ac.param("rank", params.LEAD_FIELD_FILTERS["rank"]),
        dnc_check=ac.param("dnc_check", params.DNC_FLAG) in DNC_FLAGS,
        campaign_dnc_check=ac.param("campaign_dnc_check", params.DNC_FLAG) in DNC_FLAGS,
    )


def external_add_lead(call: Call) -> None:
    ac = AgentCall.start(call)
    phone_number = ac.param("phone_number", params.PHONE_NUMBER)
    if not ac.value and php_strlen(phone_number) > 1:
        ac.value = phone_number
    phone_code = ac.param("phone_code", params.PHONE_CODE)
    no_agent = php_strlen(ac.agent_user) < 2 and php_strlen(ac.alt_user) < 2
    if no_agent or not phone_code or php_strlen(ac.value) < 2:
        data = f"{ac.value}|{phone_code}"
        ac.fail("external_add_lead not valid", f"{data}|{ac.agent_user}|{ac.alt_user}", data=data)
    session = ac.standard_checks()
    lead = _lead_from_request(ac)
    outcome = agent_sessions.add_manual_dial_lead(call.conn, session, lead, call.now)
    if not outcome.campaign_found:
        ac.fail("campaign manual dial list undefined", f"{ac.value}||{ac.agent_user}")
    campaign_id, list_id = outcome.campaign_id, outcome.list_id
    if outcome.lead_id is not None:
        ac.say("SUCCESS", "lead added",
               f"{ac.value}|{campaign_id}|{list_id}|{outcome.lead_id}|{ac.agent_user}",
               data=f"{ac.value}|{list_id}|{outcome.lead_id}")  # fmt: skip
        return
    if outcome.in_dnc:
        ac.say("ERROR", "add_lead PHONE NUMBER IN DNC", f"{ac.value}|{ac.agent_user}",
               data=ac.value)  # fmt: skip
    if outcome.in_campaign_dnc:
        ac.say("ERROR", "add_lead PHONE NUMBER IN CAMPAIGN DNC",
               f"{ac.value}|{campaign_id}|{ac.agent_user}", data=f"{ac.value}|{campaign_id}")  # fmt: skip

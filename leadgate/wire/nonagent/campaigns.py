"""Campaign functions on the Non-Agent API: campaigns_list, hopper_list, hopper_bulk_insert,
agent_campaigns, update_campaign and the seed's campaign_status [DESIGNED] (spec
admin_functions.md "Campaigns", docs/NON-AGENT_API.txt for hopper_bulk_insert)."""

from __future__ import annotations

from typing import NoReturn

from leadgate.domain import campaigns, hopper, system
from leadgate.domain.actor import Actor
from leadgate.domain.campaign_settings import (
    CampaignSettings,
    SettingProblem,
    SettingsOutcome,
    StatusProblem,
    set_campaign_status,
    update_settings,
)
from leadgate.domain.campaigns import AgentCampaignsProblem, AgentCampaignsQuery
from leadgate.domain.hopper import BulkInsertRequest, Queueing
from leadgate.domain.leads.intake import hopper_priority
from leadgate.values.numbers import cap_digits
from leadgate.wire import filters
from leadgate.wire.common import standard_checks
from leadgate.wire.context import Call, Finished
from leadgate.wire.filters import php_strlen
from leadgate.wire.nonagent.lookups import fail, request_user

HOPPER_HEADER = (
    "hopper_order", "priority", "lead_id", "list_id", "phone_number", "phone_code", "state",
    "status", "count", "gmt_offset", "rank", "alt", "hopper_source", "vendor_lead_code",
    "source_id", "age_days", "last_call_time",
)  # fmt: skip
CAMPAIGN_HEADER = (
    "campaign_id", "campaign_name", "active", "user_group", "dial_method", "dial_level",
    "lead_order", "dial_statuses", "dial_timeout", "dial_prefix", "manual_dial_prefix",
    "three_way_dial_prefix",
)  # fmt: skip
AGENT_CAMPAIGNS_HEADER = ("user", "allowed_campaigns_list", "allowed_ingroups_list")
# VICIdial pads these words to a fixed width (its translation helper's second argument).
AGE_WORDS = {"HOURS": "HOURS ", "DAYS": "DAYS  ", "YEARS": "YEARS "}
NEVER = "NEVER    "


def _separator(call: Call) -> str:
    """stage csv, tab or pipe (the default); newline is not offered here."""
    return {"csv": ",", "tab": "\t"}.get(call.param("stage", filters.LOGIN), "|")


def _campaign_info_checks(call: Call) -> str:
    user = request_user(call)
    reason = f"{call.function} USER DOES NOT HAVE PERMISSION TO GET CAMPAIGN INFO"
    standard_checks(call, f"ERROR: {reason}: |{user}|0|", reason, "0")
    return user


def _viewable(call: Call) -> frozenset[str] | None:
    assert call.user is not None
    return campaigns.viewable_campaigns(call.conn, call.user.user_group)


def campaigns_list(call: Call) -> None:
    user = _campaign_info_checks(call)
    campaign_id = call.param("campaign_id", filters.LOGIN)
    separator = _separator(call)
    listings = campaigns.campaigns_listing(call.conn, _viewable(call), campaign_id)
    if not listings:
        reason = "campaigns_list THIS USER HAS NO VIEWABLE CAMPAIGNS"
        fail(call, reason, f"ERROR: {reason}: {user}|", f"{user}|")
    if call.param("header", filters.ALNUM) == "YES":
        call.reply.line(separator.join(CAMPAIGN_HEADER))
    for listing in listings:
        call.reply.line(separator.join(listing.fields))
    ids = ",".join(f"'{listing.campaign_id}'" for listing in listings)
    call.reply.log("SUCCESS", f"campaigns_list RESULTS FOUND: {len(listings)}",
                   data=f"{user}|{ids}|")  # fmt: skip


def agent_campaigns(call: Call) -> None:
    """The campaigns and in-groups an agent may take: `agent|CAMP1-CAMP2|INGROUP1-INGROUP2`.
    The rows logged after the permission checks name the agent (VICIdial's agent_user column;
    the shared checks' rows leave it empty)."""
    user = request_user(call)
    agent_user = call.param("agent_user", filters.LOGIN)
    reason = "agent_campaigns USER DOES NOT HAVE PERMISSION TO GET AGENT INFO"
    standard_checks(call, f"ERROR: {reason}: |{user}|0|", reason, "0")
    assert call.user is not None
    query = AgentCampaignsQuery(
        caller_group=call.user.user_group, agent_user=agent_user,
        campaign_id=call.param("campaign_id", filters.LOGIN),
        ignore_agentdirect=call.param("ignore_agentdirect", filters.UPPER) == "Y",
    )  # fmt: skip
    found = campaigns.agent_campaigns(call.uow, query)
    if found is AgentCampaignsProblem.AGENT_NOT_FOUND:
        reason = "agent_campaigns AGENT USER DOES NOT EXIST"
        # No closing bar after the agent: VICIdial's line.
        _fail_for_agent(call, reason, f"ERROR: {reason}: |{user}|{agent_user}", agent_user)
    if found is AgentCampaignsProblem.NO_CAMPAIGNS:
        reason = "agent_campaigns THIS AGENT USER HAS NO AVAILABLE CAMPAIGNS"
        data = f"{agent_user}|{user}|"
        _fail_for_agent(call, reason, f"ERROR: {reason}: {data}", data)
    separator = _separator(call)
    campaign_list, ingroup_list = "-".join(found.campaigns), "-".join(found.ingroups)
    if call.param("header", filters.ALNUM) == "YES":
        call.reply.line(separator.join(AGENT_CAMPAIGNS_HEADER))
    call.reply.line(separator.join((agent_user, campaign_list, ingroup_list)))
    call.reply.log("SUCCESS", "agent_campaigns RESULTS FOUND: 1", agent_user=agent_user,
                   data=f"{user}|{agent_user}|{campaign_list}|{ingroup_list}")  # fmt: skip


def _fail_for_agent(call: Call, reason: str, line: str, data: str) -> NoReturn:
    call.reply.line(line)
    call.reply.log("ERROR", reason, data=data, agent_user=call.param("agent_user", filters.LOGIN))
    raise Finished


def hopper_list(call: Call) -> None:
    user = _campaign_info_checks(call)
    campaign_id = call.param("campaign_id", filters.LOGIN)
    allowed = _viewable(call)
    if not campaigns.campaign_visible(call.conn, campaign_id, allowed):
        reason = "hopper_list THIS CAMPAIGN DOES NOT EXIST"
        fail(call, reason, f"ERROR: {reason}: |{user}|{campaign_id}", "0")
    separator = _separator(call)
    server_gmt = system.server_clock(call.conn, call.now).tz_now_hours
    entries = hopper.ready_entries(call.conn, campaign_id, allowed, now=call.now,
                                   server_gmt=server_gmt)  # fmt: skip
    if not entries:
        reason = "hopper_list THERE ARE NO LEADS IN THE HOPPER FOR THIS CAMPAIGN"
        data = f"{user}|{campaign_id}"
        fail(call, reason, f"ERROR: {reason}: {data}", data)
    if call.param("header", filters.ALNUM) == "YES":
        call.reply.line(separator.join(HOPPER_HEADER))
    for order, entry in enumerate(entries):
        age = (
            NEVER
            if entry.last_call is None
            else f"{entry.last_call[0]} {AGE_WORDS[entry.last_call[1]]}"
        )
        call.reply.line(separator.join((
            str(order), entry.priority, entry.lead_id, entry.list_id, entry.phone_number,
            entry.phone_code, entry.state, entry.status, entry.called_count,
            entry.gmt_offset_now, entry.rank, entry.alt_dial, entry.source,
            entry.vendor_lead_code, entry.source_id, str(entry.age_days), age,
        )))  # fmt: skip
    # VICIdial logs an unset variable in place of the list.
    call.reply.log("SUCCESS", f"hopper_list RESULTS FOUND: {len(entries)}", data=f"{user}||")


# -- hopper_bulk_insert ------------------------------------------------------------------------

LEAD_IDS = filters.keep(r",0-9")
_BULK = "hopper_bulk_insert"
_NOT_ADDED = f"NOTICE: {_BULK} NOT ADDED TO HOPPER,"


def hopper_bulk_insert(call: Call) -> None:
    user = request_user(call)
    reason = f"{_BULK} USER DOES NOT HAVE PERMISSION TO ADD LEADS TO THE HOPPER"
    standard_checks(call, f"ERROR: {reason}: |{user}|0|", reason, "0")
    assert call.user is not None
    lead_ids = call.param("lead_ids", LEAD_IDS)
    request = BulkInsertRequest(
        lead_ids=lead_ids.split(","),
        priority=hopper_priority(cap_digits(call.param("hopper_priority", filters.SIGNED_DIGITS))),
        check_call_time=call.param("hopper_local_call_time_check", filters.UPPER) == "Y",
        lists=hopper.api_scope(call.conn, call.user.user_group),
    )
    outcome = hopper.bulk_insert(call.uow, request)
    if outcome.invalid_lead_ids:
        # VICIdial's SQL breaks on an empty lead id (an empty HTTP 500, DEVIATIONS D4).
        reason = f"{_BULK} INVALID LEAD ID LIST, NOTHING WAS CHANGED"
        fail(call, reason, f"ERROR: {reason} - {user}|{lead_ids}", lead_ids)
    not_found = 0
    for lead in outcome.leads:
        if lead.result is Queueing.ADDED:
            call.reply.line(f"NOTICE: {_BULK} LEAD ADDED TO HOPPER - "
                            f"{lead.phone_number}|{lead.lead_id}|{lead.hopper_id}|{user}")  # fmt: skip
        elif lead.result is Queueing.ALREADY_QUEUED:
            call.reply.line(f"{_NOT_ADDED} LEAD IS ALREADY IN THE HOPPER - {lead.lead_id}")
        elif lead.result is Queueing.OUTSIDE_CALL_TIME:
            call.reply.line(f"{_NOT_ADDED} OUTSIDE OF LOCAL TIME, - {lead.lead_id}|"
                            f"{lead.gmt_offset_now}|{lead.state}|0")  # fmt: skip
        elif lead.result is Queueing.NO_CAMPAIGN:
            # VICIdial goes on looking for the lead and reports it not found as well.
            call.reply.line(
                f"NOTICE: {_BULK} CAMPAIGN DOES NOT EXIST - {lead.list_id}|{lead.lead_id}"
            )
        if lead.result in (Queueing.NO_CAMPAIGN, Queueing.NOT_FOUND):
            call.reply.line(f"{_NOT_ADDED} LEAD NOT FOUND - {lead.lead_id}")
            not_found += 1
    added = outcome.count(Queueing.ADDED)
    refused = len(outcome.leads) - added - outcome.count(Queueing.NOT_FOUND)
    last = outcome.last_hopper_id
    if last is not None:
        reason = f"{_BULK} LEADS HAVE BEEN INSERTED INTO THE HOPPER"
        call.reply.line(f"SUCCESS: {reason} - {added}|{refused}|{last}|{user}")
        call.reply.log("SUCCESS", reason, data=f"{added}|{refused}|{last}|{not_found}|{refused}")
    else:
        reason = f"{_BULK} NO LEADS HAVE BEEN INSERTED INTO THE HOPPER"
        call.reply.line(f"ERROR: {reason} - {refused}|{not_found}|{user}")
        call.reply.log("ERROR", reason, data=f"0||{not_found}|{refused}")


# -- update_campaign, campaign_status -----------------------------------------------------------

_OPTIONAL = ", THIS IS AN OPTIONAL FIELD"
_NUMBERS = ("ONE", "TWO", "THREE", "FOUR", "FIVE")
SETTING_REASONS = {
    SettingProblem.DIAL_METHOD: "DIAL METHOD IS NOT VALID",
    SettingProblem.ADAPTIVE_MAXIMUM_LEVEL: "ADAPT MAXIMUM DIAL LEVEL MUST BE FROM 1 TO 5 CHARACTERS",
    SettingProblem.VDAD_EXTEN: "ROUTING EXTENSION MUST BE FROM 3 TO 20 CHARACTERS",
    SettingProblem.HOPPER_LEVEL: "HOPPER LEVEL MUST BE FROM 1 TO 2000",
    SettingProblem.DIAL_TIMEOUT: "DIAL TIMEOUT MUST BE FROM 1 TO 120",
    SettingProblem.CAMPAIGN_NAME: "CAMPAIGN NAME MUST BE FROM 6 TO 40 CHARACTERS",
    SettingProblem.CAMPAIGN_CID: "CAMPAIGN CID MUST BE FROM 6 TO 20 CHARACTERS",
    SettingProblem.LEAD_FILTER: "CAMPAIGN LEAD FILTER MUST BE A VALID FILTER IN THE SYSTEM",
    SettingProblem.ACTIVE: "ACTIVE MUST BE Y OR N",
    SettingProblem.DISPO_CALL_URL: "DISPO CALL URL IS NOT VALID",
    SettingProblem.LIST_ORDER_RANDOM: "LIST ORDER INCLUDING RANDOM ARE NOT ALLOWED",
    SettingProblem.LIST_ORDER: "LIST ORDER IS NOT VALID",
    SettingProblem.LIST_ORDER_LENGTH: "LIST ORDER IS NOT A VALID LENGTH",
    SettingProblem.LIST_ORDER_RANDOMIZE: "LIST ORDER RANDOMIZE IS NOT VALID",
    SettingProblem.LIST_ORDER_RANDOMIZE_LENGTH: "LIST ORDER RANDOMIZE IS NOT A VALID LENGTH",
    SettingProblem.LIST_ORDER_SECONDARY: "LIST ORDER SECONDARY IS NOT VALID",
    SettingProblem.LIST_ORDER_SECONDARY_LENGTH: "LIST ORDER SECONDARY IS NOT A VALID LENGTH",
    SettingProblem.DIAL_STATUS_ADD: "DIAL STATUS ADD IS NOT VALID",
    SettingProblem.DIAL_STATUS_ADD_FULL: "DIAL STATUS ADD FAILURE, TOO MANY EXISTING DIAL STATUSES",
    SettingProblem.DIAL_STATUS_REMOVE: "DIAL STATUS REMOVE IS NOT VALID",
    SettingProblem.DIAL_STATUS_REMOVE_NONE: "DIAL STATUS REMOVE FAILURE, NO EXISTING DIAL STATUSES SET",
    SettingProblem.DIAL_STATUS_REMOVE_MISSING: "DIAL STATUS REMOVE FAILURE, NOT AN EXISTING DIAL STATUS",
}  # fmt: skip
URL = filters.keep(r"\- %=+.:/@?&_0-9a-zA-Z")
CAMPAIGN_NAME = filters.keep(r"\- .,_0-9a-zA-Z")
LIST_ORDER = filters.keep(r" 0-9a-zA-Z")
DECIMAL = filters.keep(r".0-9")


def _setting_reason(outcome: SettingsOutcome) -> str:
    problem = outcome.problem
    if problem is SettingProblem.AUTO_DIAL_LEVEL:
        return f"AUTO DIAL LEVEL MUST BE FROM 0 TO {outcome.auto_dial_limit}"
    if problem is SettingProblem.XFERCONF:
        return f"TRANSFER CONF NUMBER {_NUMBERS[outcome.index]} IS NOT VALID"
    if problem is SettingProblem.WEBFORM:
        return f"WENFORM {outcome.index + 1} URL IS NOT VALID"  # sic: VICIdial's spelling
    assert problem is not None
    return SETTING_REASONS[problem]


def _modify_checks(call: Call) -> str:
    user = request_user(call)
    reason = f"{call.function} USER DOES NOT HAVE PERMISSION TO UPDATE CAMPAIGNS"
    standard_checks(call, f"ERROR: {reason}: |{user}|0", reason, "0")
    return user


def _actor(call: Call) -> Actor:
    return Actor(user=request_user(call), ip=call.request.client_ip)


def update_campaign(call: Call) -> None:
    user = _modify_checks(call)
    p = call.param
    campaign_id = p("campaign_id", filters.LOGIN)
    if not 2 <= php_strlen(campaign_id) <= 8:
        reason = "update_campaign YOU MUST USE ALL REQUIRED FIELDS"
        # VICIdial prints campaign_id, campaign_name, campaign_id (unfiltered name unset here).
        data = f"{campaign_id}|{p('campaign_name', CAMPAIGN_NAME)}|{campaign_id}"
        fail(call, reason, f"ERROR: {reason}: |{user}|{data}", data)
    settings = CampaignSettings(
        campaign_id=campaign_id,
        auto_dial_level=p("auto_dial_level", DECIMAL),
        dial_method=p("dial_method", filters.LOGIN),
        adaptive_maximum_level=p("adaptive_maximum_level", DECIMAL),
        campaign_vdad_exten=p("campaign_vdad_exten", filters.DIGITS),
        hopper_level=p("hopper_level", filters.DIGITS),
        dial_timeout=p("dial_timeout", filters.DIGITS),
        campaign_name=p("campaign_name", CAMPAIGN_NAME),
        outbound_cid=p("outbound_cid", filters.DIGITS),
        lead_filter_id=p("lead_filter_id", filters.LOGIN),
        active=p("active", filters.UPPER),
        xferconf=(p("xferconf_one", filters.LOGIN), p("xferconf_two", filters.LOGIN),
                  p("xferconf_three", filters.LOGIN), p("xferconf_four", filters.LOGIN),
                  p("xferconf_five", filters.LOGIN)),
        dispo_call_url=p("dispo_call_url", URL),
        webforms=(p("webform_one", URL), p("webform_two", URL), p("webform_three", URL)),
        list_order=p("list_order", LIST_ORDER),
        list_order_randomize=p("list_order_randomize", filters.LOGIN),
        list_order_secondary=p("list_order_secondary", filters.LOGIN),
        dial_status_add=p("dial_status_add", filters.LOGIN),
        dial_status_remove=p("dial_status_remove", filters.LOGIN),
        reset_hopper=filters.keep("NY")(p("reset_hopper", filters.UPPER)) == "Y",
    )  # fmt: skip
    outcome = update_settings(call.uow, settings, _actor(call), _viewable(call))
    if not outcome.found:
        reason = "update_campaign CAMPAIGN DOES NOT EXIST"
        fail(call, reason, f"ERROR: {reason}: |{user}|{campaign_id}", campaign_id)
    if outcome.problem is not None:
        reason = f"update_campaign {_setting_reason(outcome)}{_OPTIONAL}"
        fail(call, reason, f"ERROR: {reason}: |{user}|{outcome.value}", outcome.value)
    if outcome.updated:
        reason = "update_campaign CAMPAIGN HAS BEEN UPDATED"
        call.reply.line(f"SUCCESS: {reason} - {user}|{campaign_id}")
        call.reply.log("SUCCESS", reason, data=campaign_id)
    else:
        reason = "update_campaign NO UPDATES DEFINED"
        call.reply.line(f"NOTICE: {reason}: |{user}|")
        call.reply.log("NOTICE", reason)
    if outcome.hopper_rows is not None:
        # VICIdial prints an unset variable where the removed row count would go.
        reason = "update_campaign HOPPER HAS BEEN RESET"
        call.reply.line(f"NOTICE: {reason} - {user}|{campaign_id}|")
        call.reply.log("NOTICE", reason, data=f"{campaign_id}|")


def campaign_status(call: Call) -> None:
    """[SEED-ONLY, DESIGNED] Start, stop or pause a campaign (spec admin_functions.md)."""
    user = _modify_checks(call)
    campaign_id = call.param("campaign_id", filters.LOGIN)
    value = call.param("value", filters.LOGIN)
    outcome = set_campaign_status(call.uow, campaign_id, value, _actor(call), _viewable(call))
    if outcome.problem is StatusProblem.BAD_VALUE:
        reason = "campaign_status VALUE IS NOT VALID"
        fail(call, reason, f"ERROR: {reason}: |{user}|{value}", value)
    if outcome.problem is StatusProblem.NOT_FOUND:
        reason = "campaign_status CAMPAIGN DOES NOT EXIST"
        fail(call, reason, f"ERROR: {reason}: |{user}|{campaign_id}", campaign_id)
    if not outcome.after:
        reason = "campaign_status CAMPAIGN STATUS"
        data = f"{campaign_id}|{outcome.before}"
    else:
        reason = "campaign_status CAMPAIGN HAS BEEN UPDATED"
        data = f"{campaign_id}|{outcome.before}|{outcome.after}"
    call.reply.line(f"SUCCESS: {reason} - {user}|{data}")
    call.reply.log("SUCCESS", reason, data=data)

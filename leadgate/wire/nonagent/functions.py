"""The Non-Agent API's function table (/vicidial/non_agent_api.php and /API/lmapi.php).

The only place a Non-Agent function is named: a name missing here answers exactly as VICIdial
answers an unknown function (`ERROR: NO FUNCTION SPECIFIED`, after authentication).
`version` and the teapot functions are answered before authentication (wire/service.py).
"""

from __future__ import annotations

from leadgate.domain import permissions as rules
from leadgate.wire.functions import FunctionSpec, FunctionTable, Tier
from leadgate.wire.nonagent import (
    add_lead,
    call_logs,
    callbacks,
    campaigns,
    dnc,
    list_custom_fields,
    lists,
    lookups,
    reports,
    telephony_settings,
    update_lead,
    users,
)
from leadgate.wire.telephony import non_agent_telephony

_TELEPHONY = (
    "blind_monitor", "sounds_list", "moh_list", "vm_list", "add_phone", "update_phone",
    "add_phone_alias", "update_phone_alias", "server_refresh", "add_did", "copy_did",
    "update_did", "agent_ingroup_info",
    "update_remote_agent",
)  # fmt: skip

NON_AGENT_FUNCTIONS = FunctionTable(
    "non-agent",
    [
        # Lead intake and maintenance
        FunctionSpec("add_lead", add_lead.add_lead, rules.CHANGE_LEADS, list_restricted=True),
        FunctionSpec("update_lead", update_lead.update_lead, rules.CHANGE_LEADS,
                     list_restricted=True),
        FunctionSpec("batch_update_lead", update_lead.batch_update_lead, rules.CHANGE_LEADS,
                     list_restricted=True, tier=Tier.VICIDIAL),
        # Look-ups
        FunctionSpec("lead_search", lookups.lead_search, rules.SEARCH_LEADS, list_restricted=True),
        FunctionSpec("lead_all_info", lookups.lead_all_info, rules.READ_LEAD_ALL_INFO,
                     tier=Tier.VICIDIAL),
        FunctionSpec("lead_field_info", lookups.lead_field_info, rules.READ_LEAD_FIELDS,
                     tier=Tier.VICIDIAL),
        FunctionSpec("lead_callback_info", lookups.lead_callback_info, rules.VIEW_REPORTS,
                     tier=Tier.VICIDIAL),
        FunctionSpec("lead_status_search", lookups.lead_status_search, rules.READ_LEAD_FIELDS,
                     tier=Tier.VICIDIAL),
        # DNC
        FunctionSpec("add_dnc_phone", dnc.add_dnc_phone, rules.ADD_DNC),
        FunctionSpec("delete_dnc_phone", dnc.delete_dnc_phone, rules.DELETE_DNC),
        FunctionSpec("check_phone_number", dnc.check_phone_number, rules.CHECK_PHONES,
                     tier=Tier.VICIDIAL),
        FunctionSpec("dnc_check", dnc.dnc_check, rules.CHECK_PHONES, designed=True),
        # Callbacks (seed functions: update_lead's callback options as functions)
        FunctionSpec("add_callback", callbacks.add_callback, rules.CHANGE_LEADS, designed=True),
        FunctionSpec("remove_callback", callbacks.remove_callback, rules.CHANGE_LEADS,
                     designed=True),
        # Agents and reports
        FunctionSpec("logged_in_agents", reports.logged_in_agents, rules.VIEW_REPORTS,
                     tier=Tier.VICIDIAL),
        FunctionSpec("agent_status", reports.agent_status, rules.VIEW_REPORTS,
                     tier=Tier.VICIDIAL),
        FunctionSpec("recording_lookup", reports.recording_lookup, rules.VIEW_REPORTS),
        FunctionSpec("campaign_stats", reports.campaign_stats, rules.VIEW_REPORTS, designed=True),
        FunctionSpec("agent_stats", reports.agent_stats, rules.VIEW_REPORTS, designed=True),
        FunctionSpec("agent_stats_export", reports.agent_stats_export, rules.VIEW_REPORTS,
                     tier=Tier.VICIDIAL),
        FunctionSpec("user_group_status", reports.user_group_status, rules.VIEW_REPORTS,
                     tier=Tier.VICIDIAL),
        FunctionSpec("in_group_status", reports.in_group_status, rules.VIEW_REPORTS,
                     tier=Tier.VICIDIAL),
        FunctionSpec("phone_number_log", reports.phone_number_log, rules.VIEW_REPORTS,
                     tier=Tier.VICIDIAL),
        FunctionSpec("call_status_stats", reports.call_status_stats, rules.VIEW_STATS,
                     tier=Tier.VICIDIAL),
        FunctionSpec("call_dispo_report", reports.call_dispo_report, rules.VIEW_STATS,
                     tier=Tier.VICIDIAL),
        # Call logs
        FunctionSpec("callid_info", call_logs.callid_info, rules.VIEW_REPORTS,
                     tier=Tier.VICIDIAL),
        FunctionSpec("ccc_lead_info", call_logs.ccc_lead_info, rules.VIEW_REPORTS,
                     tier=Tier.VICIDIAL),
        FunctionSpec("did_log_export", call_logs.did_log_export, rules.VIEW_REPORTS,
                     tier=Tier.VICIDIAL),
        FunctionSpec("update_log_entry", call_logs.update_log_entry, rules.CHANGE_CALL_LOGS,
                     tier=Tier.VICIDIAL),
        FunctionSpec("lead_dearchive", call_logs.lead_dearchive, rules.DEARCHIVE_LEADS,
                     tier=Tier.VICIDIAL),
        # Telephony settings kept in the database
        FunctionSpec("ingroup_list", telephony_settings.ingroup_list, rules.VIEW_SETTINGS,
                     tier=Tier.VICIDIAL),
        FunctionSpec("callmenu_list", telephony_settings.callmenu_list, rules.VIEW_SETTINGS,
                     tier=Tier.VICIDIAL),
        FunctionSpec("container_list", telephony_settings.container_list, rules.VIEW_SETTINGS,
                     tier=Tier.VICIDIAL),
        FunctionSpec("add_group_alias", telephony_settings.add_group_alias,
                     rules.MODIFY_TELEPHONY, tier=Tier.VICIDIAL),
        FunctionSpec("add_fpg_phone", telephony_settings.add_fpg_phone, rules.MODIFY_FILTER_GROUPS,
                     tier=Tier.VICIDIAL),
        FunctionSpec("delete_fpg_phone", telephony_settings.delete_fpg_phone,
                     rules.MODIFY_FILTER_GROUPS, tier=Tier.VICIDIAL),
        FunctionSpec("update_presets", telephony_settings.update_presets, rules.MODIFY_CAMPAIGNS,
                     tier=Tier.VICIDIAL),
        FunctionSpec("update_alt_url", telephony_settings.update_alt_url, rules.MODIFY_CAMPAIGNS,
                     tier=Tier.VICIDIAL),
        FunctionSpec("update_cid_group_entry", telephony_settings.update_cid_group_entry,
                     rules.MODIFY_CAMPAIGNS, tier=Tier.VICIDIAL),
        # Lists
        FunctionSpec("add_list", lists.add_list, rules.MODIFY_LISTS, tier=Tier.VICIDIAL),
        FunctionSpec("update_list", lists.update_list, rules.MODIFY_LISTS, list_restricted=True,
                     tier=Tier.VICIDIAL),
        FunctionSpec("list_info", lists.list_info, rules.MODIFY_LISTS, list_restricted=True,
                     tier=Tier.VICIDIAL),
        FunctionSpec("list_custom_fields", list_custom_fields.list_custom_fields,
                     rules.MODIFY_LISTS, list_restricted=True, tier=Tier.VICIDIAL),
        # Users
        FunctionSpec("add_user", users.add_user, rules.MODIFY_USERS, tier=Tier.VICIDIAL),
        FunctionSpec("copy_user", users.copy_user, rules.MODIFY_USERS, tier=Tier.VICIDIAL),
        FunctionSpec("update_user", users.update_user, rules.MODIFY_USERS, tier=Tier.VICIDIAL),
        FunctionSpec("user_details", users.user_details, rules.VIEW_REPORTS, tier=Tier.VICIDIAL),
        # Campaigns and the hopper
        FunctionSpec("campaigns_list", campaigns.campaigns_list, rules.VIEW_CAMPAIGN_REPORTS,
                     tier=Tier.VICIDIAL),
        FunctionSpec("hopper_list", campaigns.hopper_list, rules.VIEW_CAMPAIGN_REPORTS,
                     tier=Tier.VICIDIAL),
        FunctionSpec("hopper_bulk_insert", campaigns.hopper_bulk_insert, rules.MODIFY_CAMPAIGNS,
                     tier=Tier.VICIDIAL),
        FunctionSpec("agent_campaigns", campaigns.agent_campaigns, rules.VIEW_AGENT_ACCESS,
                     tier=Tier.VICIDIAL),
        FunctionSpec("update_campaign", campaigns.update_campaign, rules.MODIFY_CAMPAIGNS,
                     tier=Tier.VICIDIAL),
        FunctionSpec("campaign_status", campaigns.campaign_status, rules.MODIFY_CAMPAIGNS,
                     designed=True),
        # Telephony only
        *(FunctionSpec(name, non_agent_telephony, tier=Tier.TELEPHONY) for name in _TELEPHONY),
    ],
)  # fmt: skip

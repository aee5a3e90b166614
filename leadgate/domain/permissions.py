"""Which users may call which function (VICIdial's per-function capability rules)."""

from __future__ import annotations

from collections.abc import Callable

from leadgate.domain.auth import User

Rule = Callable[[User], bool]


def _modify_leads_in(low: int, high: int) -> Rule:
    def rule(user: User) -> bool:
        value = user.flag("modify_leads")
        return value.isdigit() and low <= int(value) <= high

    return rule


def _all(*rules: Rule) -> Rule:
    def rule(user: User) -> bool:
        return user.row.get("active") == "Y" and all(r(user) for r in rules)

    return rule


def _level(minimum: int) -> Rule:
    return lambda user: user.level >= minimum


def _flag(column: str) -> Rule:
    return lambda user: user.has(column)


API = _flag("vdc_agent_api_access")

RULES: dict[str, Rule] = {
    "add_lead": _all(API, _modify_leads_in(1, 4), _level(8)),
    "update_lead": _all(API, _modify_leads_in(1, 4), _level(8)),
    "batch_update_lead": _all(API, _modify_leads_in(1, 4), _level(8)),
    "update_log_entry": _all(API, _modify_leads_in(1, 4), _level(8)),
    "lead_search": _all(API, _modify_leads_in(1, 5), _level(8)),
    "lead_all_info": _all(API, _modify_leads_in(1, 5), _flag("view_reports"), _level(7)),
    "lead_field_info": _all(API, _modify_leads_in(1, 4), _level(7)),
    "lead_status_search": _all(API, _modify_leads_in(1, 4), _level(7)),
    "lead_dearchive": _all(API, _modify_leads_in(1, 1), _level(8)),
    "lead_callback_info": _all(API, _flag("view_reports"), _level(7)),
    "recording_lookup": _all(API, _flag("view_reports"), _level(7)),
    "agent_status": _all(API, _flag("view_reports"), _level(7)),
    "logged_in_agents": _all(API, _flag("view_reports"), _level(7)),
    "campaigns_list": _all(API, _flag("view_reports"), _level(8)),
    "hopper_list": _all(API, _flag("view_reports"), _level(8)),
    "check_phone_number": _all(API, _level(8)),
    "add_dnc_phone": _all(_flag("modify_lists"), _level(8)),
    "delete_dnc_phone": _all(_flag("modify_lists"), _flag("delete_from_dnc"), _level(8)),
    "add_list": _all(API, _flag("modify_lists"), _level(8)),
    "list_info": _all(API, _flag("modify_lists"), _level(8)),
    "list_custom_fields": _all(API, _flag("modify_lists"), _level(8)),
    "update_list": _all(API, _flag("modify_lists"), _level(8)),
    "add_user": _all(API, _flag("modify_users"), _level(8)),
    "copy_user": _all(API, _flag("modify_users"), _level(8)),
    "update_user": _all(API, _flag("modify_users"), _level(8)),
    "update_campaign": _all(API, _flag("modify_campaigns"), _level(8)),
    "hopper_bulk_insert": _all(API, _flag("modify_campaigns"), _level(8)),
    # Seed-only functions [DESIGNED]: as check_phone_number / update_lead.
    "dnc_check": _all(API, _level(8)),
    "add_callback": _all(API, _modify_leads_in(1, 4), _level(8)),
    "remove_callback": _all(API, _modify_leads_in(1, 4), _level(8)),
}


def may_call(user: User, function: str) -> bool:
    """The function-specific capability check; functions without a rule need none."""
    rule = RULES.get(function)
    return True if rule is None else rule(user)


def function_allowed(user: User, function: str) -> bool:
    """The api_allowed_functions allow-list: ' fn ' (space-delimited) or ALL_FUNCTIONS."""
    allowed = str(user.row.get("api_allowed_functions") or "")
    return "ALL_FUNCTIONS" in allowed or f" {function} " in allowed

"""Which users may do what: VICIdial's capability rules, named by what they protect.

The function tables (wire/nonagent/functions.py, wire/agent/functions.py) give each API
function one of these rules; the rules themselves know nothing about function names.
"""

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

# Lead data. modify_leads 5 is VICIdial's "read only" setting.
CHANGE_LEADS = _all(API, _modify_leads_in(1, 4), _level(8))
SEARCH_LEADS = _all(API, _modify_leads_in(1, 5), _level(8))
READ_LEAD_ALL_INFO = _all(API, _modify_leads_in(1, 5), _flag("view_reports"), _level(7))
READ_LEAD_FIELDS = _all(API, _modify_leads_in(1, 4), _level(7))
DEARCHIVE_LEADS = _all(API, _modify_leads_in(1, 1), _level(8))
CHANGE_CALL_LOGS = _all(API, _modify_leads_in(1, 4), _level(8))
CHECK_PHONES = _all(API, _level(8))
# Reports and status views.
VIEW_REPORTS = _all(API, _flag("view_reports"), _level(7))
# call_status_stats: no API-access flag, but level 9.
VIEW_STATS = _all(_flag("view_reports"), _level(9))
VIEW_CAMPAIGN_REPORTS = _all(API, _flag("view_reports"), _level(8))
# DNC lists (VICIdial does not ask for API access here).
ADD_DNC = _all(_flag("modify_lists"), _level(8))
DELETE_DNC = _all(_flag("modify_lists"), _flag("delete_from_dnc"), _level(8))
# Administration.
MODIFY_LISTS = _all(API, _flag("modify_lists"), _level(8))
MODIFY_USERS = _all(API, _flag("modify_users"), _level(8))
VIEW_AGENT_ACCESS = _all(API, _flag("view_reports"), _flag("modify_users"), _level(8))
MODIFY_CAMPAIGNS = _all(API, _flag("modify_campaigns"), _level(8))
# Telephony settings kept in the database.
VIEW_SETTINGS = _all(_level(7))  # ingroup_list, callmenu_list, container_list
MODIFY_TELEPHONY = _all(API, _flag("ast_admin_access"), _level(8))
MODIFY_FILTER_GROUPS = _all(_flag("modify_lists"), _level(8))


def may(user: User, rule: Rule | None) -> bool:
    """The function's capability check; a function without a rule needs none."""
    return True if rule is None else rule(user)


def function_allowed(user: User, function: str) -> bool:
    """The api_allowed_functions allow-list: ' fn ' (space-delimited) or ALL_FUNCTIONS."""
    allowed = str(user.row.get("api_allowed_functions") or "")
    return "ALL_FUNCTIONS" in allowed or f" {function} " in allowed

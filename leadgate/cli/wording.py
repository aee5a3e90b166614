"""The CLI's words for the domain's refusal codes (domain/refusals.py, and the list, campaign
settings' and user problems)."""

from __future__ import annotations

from leadgate.domain.campaign_settings import (
    DIAL_METHODS,
    SECONDARY_ORDERS,
    SettingProblem,
    SettingsOutcome,
)
from leadgate.domain.list_settings import TZ_METHODS, ListProblem, ListSettings
from leadgate.domain.refusals import Problem, Refused
from leadgate.domain.user_admin import UserFields, UserOutcome, UserProblem

_CODE = "letters, digits, - or _"

# field -> (how the field is named, the form it takes)
_FORMS: dict[str, tuple[str, str]] = {
    "campaign_id": ("campaign id", f"2-8 characters of {_CODE}"),
    "user_group": ("user group", f"1-20 characters of {_CODE}"),
    "group_name": ("group name", "1-40 characters"),
    "allowed_campaigns": ("campaign id", f"2-8 characters of {_CODE}, or -ALL-CAMPAIGNS-"),
}
_LENGTHS: dict[str, str] = {
    "group_name": "group name must be 1-40 characters",
    # The API keeps only these characters of user and pass: anything else could never log in.
    "user": "user must be 2-20 characters of ASCII letters, digits, - or _ "
    "(the API drops every other character, so such a user could never log in)",
    "password": "password must be 8+ characters of ASCII letters, digits, - or _ "
    "(the API drops every other character, so such a password could never match)",
}
_DEPENDANTS = {
    ("campaign", "lists"): "move or delete them first",
    ("user_group", "users"): "move them to another group first",
}


def refusal(exc: Refused) -> str:
    name = exc.entity.replace("_", " ")
    if exc.problem is Problem.BAD_VALUE:
        if exc.field in _LENGTHS:
            return _LENGTHS[exc.field]
        label, form = _FORMS.get(exc.field, (exc.field.replace("_", " "), "not accepted"))
        return f"invalid {label} {exc.value!r}: {form}"
    if exc.problem is Problem.NOT_FOUND:
        hint = f" (did you mean {exc.similar}?)" if exc.similar else ""
        return f"{name} {exc.key} does not exist{hint}"
    if exc.problem is Problem.EXISTS:
        return f"{name} {exc.key} already exists"
    if exc.problem is Problem.NOTHING_TO_CHANGE:
        return "nothing to change: give at least one option"
    if exc.problem is Problem.IN_USE:
        advice = _DEPENDANTS.get((exc.entity, exc.field), "")
        return f"{name} {exc.key} still has {exc.count} {exc.field}" + (
            f": {advice}" if advice else ""
        )
    raise AssertionError(exc.problem)


# -- list and campaign settings (domain/list_settings.py, domain/campaign_settings.py) ----------

_LIST_WORDS: dict[ListProblem, str] = {
    ListProblem.CAMPAIGN_NOT_FOUND: "campaign {value} does not exist",
    ListProblem.LIST_EXISTS: "list {value} already exists",
    ListProblem.LIST_NOT_FOUND: "list {value} does not exist",
    ListProblem.SCRIPT: "script {value} does not exist",
    ListProblem.IN_GROUP: "in-group {value} does not exist",
    ListProblem.RESET_TIME: "invalid reset time {value!r}: HHMM times joined by -, e.g. 0800-1300",
    ListProblem.COPY_SOURCE_MISSING: "list {value} to copy custom fields from does not exist",
    ListProblem.COPY_SOURCE_EMPTY: "list {value} has no custom fields to copy",
    ListProblem.COPY_DENIED: "not allowed to modify custom fields",
    ListProblem.TZ_METHOD: "invalid time zone method {value!r}: one of " + ", ".join(TZ_METHODS),
    ListProblem.CALL_TIME: "call time {value} does not exist",
    ListProblem.XFERCONF: "transfer conf number {number} must be 50 characters at most",
    ListProblem.LIST_NAME: "list name must be 6-30 characters",
    ListProblem.ACTIVE: "active must be Y or N",
    ListProblem.OUTBOUND_CID: "invalid outbound caller id {value!r}: 6-18 digits",
    ListProblem.AM_MESSAGE: "answering machine message must be 100 characters at most",
}
_REQUIRED = {
    "list_id": "invalid list id {list_id!r}: 2-14 digits",
    "campaign_id": "invalid campaign id {campaign_id!r}: 1-8 characters",
    "list_name": "list name must be 2-30 characters",
}


def invalid_list_id(text: str) -> str:
    return _REQUIRED["list_id"].format(list_id=text)


def list_problem(problem: ListProblem, value: str, index: int, s: ListSettings) -> str:
    """One line for a refused add_list/update_list; REQUIRED_FIELDS's value names the field."""
    if problem is ListProblem.REQUIRED_FIELDS:
        if value == "campaign_id" and not s.campaign_id:
            return "a list needs a campaign (--campaign)"
        return _REQUIRED[value].format(list_id=s.list_id, campaign_id=s.campaign_id)
    return _LIST_WORDS[problem].format(value=value, number=index + 1)


_STATUS = "1-6 letters, digits, - or _"
_SETTING_WORDS: dict[SettingProblem, str] = {
    SettingProblem.CAMPAIGN_ID: "invalid campaign id {value!r}: 2-8 characters of " + _CODE,
    SettingProblem.CAMPAIGN_EXISTS: "campaign {value} already exists",
    SettingProblem.AUTO_DIAL_LEVEL: "dial level must be from 0 to {limit}",
    SettingProblem.DIAL_METHOD: "invalid dial method {value!r}: one of " + ", ".join(DIAL_METHODS),
    SettingProblem.ADAPTIVE_MAXIMUM_LEVEL: "adaptive maximum level must be 1-5 characters",
    SettingProblem.VDAD_EXTEN: "routing extension must be 3-20 characters",
    SettingProblem.HOPPER_LEVEL: "hopper level must be from 1 to 5000",
    SettingProblem.DIAL_TIMEOUT: "dial timeout must be from 1 to 120 seconds",
    SettingProblem.CAMPAIGN_NAME: "campaign name must be 6-40 characters",
    SettingProblem.CAMPAIGN_CID: "outbound caller id must be 6-20 characters",
    SettingProblem.LEAD_FILTER: "lead filter {value} does not exist",
    SettingProblem.ACTIVE: "active must be Y or N",
    SettingProblem.XFERCONF: "transfer conf number {number} must be 50 characters at most",
    SettingProblem.DISPO_CALL_URL: "dispo call URL must be 3-65000 characters",
    SettingProblem.WEBFORM: "web form {number} URL must be 3-65000 characters",
    SettingProblem.LIST_ORDER_RANDOM: "list order {value!r}: random orders are not allowed",
    SettingProblem.LIST_ORDER: "invalid list order {value!r}: e.g. DOWN, UP PHONE, DOWN 2nd NEW",
    SettingProblem.LIST_ORDER_LENGTH: "invalid list order {value!r}: 2-30 characters",
    SettingProblem.LIST_ORDER_RANDOMIZE: "list order randomize must be Y or N",
    SettingProblem.LIST_ORDER_RANDOMIZE_LENGTH: "list order randomize must be Y or N",
    SettingProblem.LIST_ORDER_SECONDARY: "invalid secondary list order {value!r}: one of "
    + ", ".join(SECONDARY_ORDERS),
    SettingProblem.LIST_ORDER_SECONDARY_LENGTH: "invalid secondary list order {value!r}",
    SettingProblem.DIAL_STATUS_ADD: "invalid status {value!r}: " + _STATUS,
    SettingProblem.DIAL_STATUS_ADD_FULL: "cannot add {value}: the dial statuses are full",
    SettingProblem.DIAL_STATUS_REMOVE: "invalid status {value!r}: " + _STATUS,
    SettingProblem.DIAL_STATUS_REMOVE_NONE: "cannot remove {value}: the campaign has no dial "
    "statuses",
    SettingProblem.DIAL_STATUS_REMOVE_MISSING: "cannot remove {value}: not one of the "
    "campaign's dial statuses",
    SettingProblem.DESCRIPTION: "campaign description must be 0-255 characters",
    SettingProblem.CALL_TIME: "call time {value} does not exist",
    SettingProblem.MANUAL_DIAL_LIST: "invalid list id {value!r}: 2-19 digits",
    SettingProblem.DNC_SETTING: "invalid DNC setting {value!r}: one of Y, N, AREACODE",
    SettingProblem.OTHER_CAMPAIGN_DNC: "campaign {value} does not exist",
    SettingProblem.DIAL_STATUSES: "invalid status {value!r}: " + _STATUS
    + ", 255 characters in all",
}  # fmt: skip


def setting_problem(outcome: SettingsOutcome) -> str:
    assert outcome.problem is not None
    return _SETTING_WORDS[outcome.problem].format(
        value=outcome.value, number=outcome.index + 1, limit=outcome.auto_dial_limit
    )


# -- users (domain/user_admin.py) ---------------------------------------------------------------

_USER_WORDS: dict[UserProblem, str] = {
    UserProblem.LEVEL_NOT_ALLOWED: "not allowed to add users at level {f.user_level}",
    UserProblem.GROUP_NOT_FOUND: "user group {f.user_group} does not exist",
    UserProblem.EXISTS: "user {f.agent_user} already exists",
    UserProblem.NOT_FOUND: "user {f.agent_user} does not exist",
    UserProblem.MAY_NOT_UPDATE: "not allowed to change user {f.agent_user}",
    UserProblem.MAY_NOT_DELETE: "not allowed to delete users",
    UserProblem.FULL_NAME: "full name must be 1-50 characters",
    UserProblem.LEVEL: "invalid user level {f.user_level!r}: 1-9",
    UserProblem.GROUP: "user group {f.user_group} does not exist",
    UserProblem.PHONE_LOGIN: "phone login {f.phone_login} does not exist",
    UserProblem.PHONE_PASS: "phone password must be 20 characters at most",
    UserProblem.HOTKEYS: "hotkeys setting must be 0 or 1",
    UserProblem.VOICEMAIL: "voicemail id must be 2-10 characters",
    UserProblem.EMAIL: "email must be 5-100 characters",
    UserProblem.CUSTOM: "custom field {number} must be 100 characters at most",
    UserProblem.ACTIVE: "active must be Y or N",
    UserProblem.WRAPUP: "wrap-up seconds override must be from -1 to 9999",
    UserProblem.CAMPAIGN_RANK: "campaign rank must be from -9 to 9",
    UserProblem.CAMPAIGN_GRADE: "campaign grade must be from 1 to 10",
    UserProblem.INGROUP_RANK: "in-group rank must be from -9 to 9",
    UserProblem.INGROUP_GRADE: "in-group grade must be from 1 to 10",
}


def user_problem(outcome: UserOutcome, f: UserFields) -> str:
    """One line for a refused add_user/update_user."""
    assert outcome.problem is not None
    return _USER_WORDS[outcome.problem].format(f=f, number=outcome.index + 1)

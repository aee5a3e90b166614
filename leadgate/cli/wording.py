"""The CLI's words for the domain's refusal codes (domain/refusals.py)."""

from __future__ import annotations

from leadgate.domain.refusals import Problem, Refused

_CODE = "letters, digits, - or _"

# field -> (how the field is named, the form it takes)
_FORMS: dict[str, tuple[str, str]] = {
    "campaign_id": ("campaign id", f"2-8 characters of {_CODE}"),
    "use_other_campaign_dnc": ("campaign id", f"2-8 characters of {_CODE}"),
    "list_id": ("list id", "2-19 digits"),
    "manual_dial_list_id": ("list id", "2-19 digits"),
    "local_call_time": ("call time id", f"1-10 characters of {_CODE}"),
    "expiration_date": ("expiration date", "use YYYY-MM-DD"),
    "use_internal_dnc": ("DNC setting", "one of Y, N, AREACODE"),
    "use_campaign_dnc": ("DNC setting", "one of Y, N, AREACODE"),
    "dial_statuses": ("status", f"1-6 {_CODE}, 255 characters in all"),
    "active": ("active setting", "Y or N"),
    "user_group": ("user group", f"1-20 characters of {_CODE}"),
    "group_name": ("group name", "1-40 characters"),
    "allowed_campaigns": ("campaign id", f"2-8 characters of {_CODE}, or -ALL-CAMPAIGNS-"),
}
_LENGTHS: dict[str, str] = {
    "list_name": "list name must be 1-30 characters",
    "list_description": "list description must be 0-255 characters",
    "campaign_name": "campaign name must be 1-40 characters",
    "campaign_description": "campaign description must be 0-255 characters",
    "group_name": "group name must be 1-40 characters",
    # The API keeps only these characters of user and pass: anything else could never log in.
    "user": "user must be 2-20 characters of ASCII letters, digits, - or _ "
    "(the API drops every other character, so such a user could never log in)",
    "password": "password must be 8+ characters of ASCII letters, digits, - or _ "
    "(the API drops every other character, so such a password could never match)",
}
_NEEDED = {("list", "campaign_id"): "a list needs a campaign (--campaign)"}
_DEPENDANTS = {
    ("campaign", "lists"): "move or delete them first",
    ("list", "leads"): "use --with-leads to delete them too",
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
    if exc.problem is Problem.MISSING:
        return _NEEDED.get((exc.entity, exc.field), f"{exc.field} is required")
    if exc.problem is Problem.IN_USE:
        advice = _DEPENDANTS.get((exc.entity, exc.field), "")
        return f"{name} {exc.key} still has {exc.count} {exc.field}" + (
            f": {advice}" if advice else ""
        )
    return f"unknown field {exc.field!r}"

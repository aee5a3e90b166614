"""Agent API parameters: the Agent API's own character whitelists and VICIdial's quirks in
reading `value` and the query string.
"""

from __future__ import annotations

from urllib.parse import parse_qsl

from leadgate.wire import filters
from leadgate.wire.filters import Filter, Letters, drop, keep
from leadgate.wire.request import ApiRequest, is_credential

# With system_settings.use_non_latin=1 api.php swaps a-zA-Z for any Unicode letter in the
# whitelists that are `Letters` here (alone or in a `Chain`); the `keep(...)` ones are the same
# under both settings. `AgentCall.param` picks the filter for the setting.


def _plus_first(inner: Filter) -> Filter:
    """'+' becomes a space before the whitelist runs (so the space survives)."""
    return filters.Chain(_plus_to_space, inner)


def _plus_to_space(value: str) -> str:
    return value.replace("+", " ")


VALUE = Letters(r"\-|_0-9")
AGENT_USER = filters.LOGIN
ALT_USER = filters.LETTERS_DIGITS
WORD = filters.LOGIN  # search, preview, focus, status, dial_ingroup, outbound_cid, cid_choice
DNC_FLAG = keep(r"\-_0-9a-zA-Z")  # dnc_check, campaign_dnc_check: a-zA-Z under both settings
PHONE_CODE = keep(r"0-9X")
PHONE_NUMBER = Letters(r"*#0-9")
LEAD_ID = filters.DIGITS
ALNUM = filters.LETTERS_DIGITS  # group_alias, dial_prefix, text_color
ALT_DIAL = keep(r"0-9A-Z")
UPPER = filters.UPPER  # callback_type, vtiger_callback, country_code, gender
FREE_TEXT = filters.plus_to_space(drop(r";#"))  # vendor_id, vendor_lead_code, source_id, comments
CALLBACK_DATETIME = _plus_first(Letters(r"\- :._0-9"))
CALLBACK_COMMENTS = _plus_first(Letters(r"\- ._0-9"))
QM_DISPO_CODE = Letters(r"\-._0-9")
MIDDLE_INITIAL = filters.LETTERS_DIGITS
INGROUP_CHOICES = _plus_first(Letters(r"\- _0-9"))
NOTES = _plus_first(Letters(r"\- ._0-9"))
PREVIEW_ACTION = keep(r"A-Z0-9")
# postal_code runs through the add_lead whitelist and then a second, narrower one.
POSTAL_CODE = filters.Chain(filters.POSTAL_CODE, Letters(r"\- ._0-9"))

# The lead fields (external_add_lead, update_fields) and their whitelists.
LEAD_FIELD_FILTERS: dict[str, Filter] = {
    "phone_code": PHONE_CODE,
    "phone_number": PHONE_NUMBER,
    "vendor_lead_code": FREE_TEXT,
    "source_id": FREE_TEXT,
    "gmt_offset_now": filters.DECIMAL,
    "title": filters.TITLE,
    "first_name": filters.NAME,
    "middle_initial": MIDDLE_INITIAL,
    "last_name": filters.NAME,
    "address1": filters.ADDRESS,
    "address2": filters.ADDRESS,
    "address3": filters.ADDRESS,
    "city": filters.ADDRESS,
    "state": filters.STATE,
    "province": filters.PROVINCE,
    "postal_code": POSTAL_CODE,
    "country_code": UPPER,
    "gender": UPPER,
    "date_of_birth": filters.DATE,
    "alt_phone": filters.ALT_PHONE,
    "email": filters.EMAIL,
    "security_phrase": filters.ADDRESS,
    "comments": FREE_TEXT,
    "rank": filters.DIGITS,
    "owner": filters.ADDRESS,
}


def _query_names(request: ApiRequest) -> set[str]:
    return {name for name, _ in parse_qsl(request.query_string, keep_blank_values=True)}


def posted_names(request: ApiRequest) -> list[str]:
    """The names that came only in the form body, in posted order."""
    query = _query_names(request)
    seen: list[str] = []
    for name, _ in parse_qsl(request.body_string, keep_blank_values=True):
        if name not in query and name not in seen:
            seen.append(name)
    return seen


def agent_value(request: ApiRequest, *, non_latin: bool = False) -> str:
    """`value`, filtered (letters as use_non_latin=`non_latin` says). Quirk kept from VICIdial: when a POST carries no `value` at all,
    the value of the LAST posted field is used instead (its form-reading loop leaves that
    behind in the same variable) — recorded in conformance case ag_eal_post. When that last
    field is a credential the value is empty instead, so a password never becomes a value
    that is echoed, logged or stored (DEVIATIONS.md D7)."""
    value_filter = VALUE.pick(non_latin)
    if request.has("value"):
        return request.get("value", value_filter)
    posted = posted_names(request)
    if not posted or is_credential(posted[-1]):
        return ""
    return value_filter(request.raw(posted[-1]))


def quirk_query_string(request: ApiRequest) -> str:
    """The text VICIdial's update_fields searches for field names: the raw query string,
    then for a POST `&GET-AND-POST=Y&` and the posted `name=value` pairs (quotes, backslashes
    and semicolons removed)."""
    query = request.query_string
    posted = posted_names(request)
    if posted:
        body = "&".join(f"{name}={request.raw(name)}" for name in posted)
        query = f"{query}&GET-AND-POST=Y&{body}" if query else body
    return query.translate(str.maketrans("", "", "'\"\\;"))


# The phone-side and notification functions' parameters.
STAGE = drop(r"'\"\\;")  # stage: only quotes, backslashes and semicolons removed
STATUS = Letters(r"\-_0-9")  # ra_call_control's lead status
RECIPIENT = Letters(r"\-_0-9")
RECIPIENT_TYPE = Letters(r"_")
YES_NO = keep(r"YNyn")  # notification_retry, show_confetti
TEXT_FONT = Letters(r",\- ")
TEXT_WEIGHT = Letters(r",")
NOTIFICATION_DATE = keep(r"\- :0-9")

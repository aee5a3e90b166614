"""The Non-Agent API's parameters whose whitelist follows system_settings.use_non_latin.

With use_non_latin=1 non_agent_api.php filters these parameters (by name, whatever the
function) with a whitelist that keeps any Unicode letter (PCRE \\p{L}) where the usual one
keeps a-zA-Z. Every other parameter (list_id, stage, header, flags, dates, digits, ...) is
filtered the same under both settings. `Call.param` consults this table only under 1, so
under 0 every handler's own filter applies unchanged.

A value of None means the handler's own filter is already a `Letters` (or `Chain`) that
follows the setting; it is used when its choice depends on another parameter
(field_options: SCRIPT fields keep ' and &).
"""

from __future__ import annotations

from collections.abc import Mapping

from leadgate.wire import filters
from leadgate.wire.filters import Filter, Letters

_WORD = filters.LOGIN  # -_0-9 and letters
_LETTERS_DIGITS = filters.LETTERS_DIGITS  # 0-9 and letters
_FULL_NAME = Letters(r"\- +.:/@_0-9")  # '+' kept as sent
_LIST_TEXT = Letters(r"\- +.:/@?&_0-9")
_URL = Letters(r"\- %=+.:/@?&_0-9")
_DESCRIPTION = Letters(r"\- .,_0-9")
_DID_PATTERN = Letters(r":+*#._0-9")
_FIELD_TEXT = Letters(r" .,-_0-9")  # ',-_' is a range in VICIdial's class too
_FIELD_HELP = Letters(r" '&.\n|,-_0-9")

NON_LATIN_PARAMS: Mapping[str, Filter | None] = {
    "status": _WORD,
    "ingroups": _WORD,
    "phone_extension": _WORD,
    "users": Letters(r"\-,_0-9"),
    "statuses": Letters(r"\- .,_0-9"),
    "categories": Letters(r"\-,_0-9"),
    "user": _WORD,
    "pass": _WORD,
    "agent_user": _WORD,
    "title": filters.TITLE,
    "first_name": filters.NAME,
    "middle_initial": filters.MIDDLE_INITIAL,
    "last_name": filters.NAME,
    "address1": filters.ADDRESS,
    "address2": filters.ADDRESS,
    "address3": filters.ADDRESS,
    "city": filters.ADDRESS,
    "state": filters.STATE,
    "province": filters.PROVINCE,
    "postal_code": filters.POSTAL_CODE,
    "country_code": filters.MIDDLE_INITIAL,
    "alt_phone": filters.ALT_PHONE,
    "email": filters.EMAIL,
    "security_phrase": filters.ADDRESS,
    "campaign_id": _WORD,
    "multi_alt_phones": filters.MULTI_ALT_PHONES,
    "source": _LETTERS_DIGITS,
    "phone_login": _WORD,
    "owner": filters.ADDRESS,
    "user_field": _WORD,
    "voicemail_id": _LETTERS_DIGITS,
    "agent_pass": _WORD,
    "agent_full_name": _FULL_NAME,
    "agent_user_group": _WORD,
    "phone_pass": _WORD,
    "custom_one": _FULL_NAME,
    "custom_two": _FULL_NAME,
    "custom_three": _FULL_NAME,
    "custom_four": _FULL_NAME,
    "custom_five": _FULL_NAME,
    # extension is filtered twice; the first, narrower whitelist decides.
    "extension": _WORD,
    "dialplan_number": Letters(r"*#0-9"),
    "registration_password": _WORD,
    "phone_full_name": Letters(r"\- +._0-9"),
    # outbound_cid and areacode: the handler narrows them further unless ---ALL---.
    "outbound_cid": _WORD,
    "phone_context": _WORD,
    "list_name": _LIST_TEXT,
    "script": _WORD,
    "am_message": _WORD,
    "drop_inbound_group": _WORD,
    "web_form_address": _URL,
    "web_form_address_two": _URL,
    "web_form_address_three": _URL,
    "dispo_call_url": _URL,
    "webform_one": _URL,
    "webform_two": _URL,
    "webform_three": _URL,
    "url_address": _URL,
    "uniqueid": Letters(r"\- ._0-9"),
    "alias_id": _WORD,
    "phone_logins": Letters(r"\-,_0-9"),
    "alias_name": _FULL_NAME,
    "callback_status": _WORD,
    "callback_user": _WORD,
    "callback_comments": _FULL_NAME,
    "admin_user_group": _WORD,
    "group_alias_id": Letters(r"_0-9"),
    "group_alias_name": Letters(r"\- +_0-9"),
    "caller_id_name": Letters(r"\- +_0-9"),
    "user_groups": Letters(r"\-|,_0-9"),
    "in_groups": Letters(r"\-|,_0-9"),
    "group": Letters(r"\-|_0-9"),
    "call_id": _LETTERS_DIGITS,
    "expiration_date": _WORD,
    "local_call_time": _WORD,
    "campaigns": Letters(r"\-,|_0-9"),
    "campaign_name": _DESCRIPTION,
    # field_name is filtered twice; the first, narrower whitelist decides.
    "field_name": _WORD,
    "lead_filter_id": _WORD,
    "outbound_alt_cid": _LETTERS_DIGITS,
    "did_pattern": _DID_PATTERN,
    "source_did_pattern": _DID_PATTERN,
    "new_dids": Letters(r":+,*#._0-9"),
    "did_description": _DESCRIPTION,
    "did_route": _WORD,
    "record_call": _WORD,
    "exten_context": _WORD,
    "voicemail_ext": Letters(r"*#._0-9"),
    "filter_clean_cid_number": _DESCRIPTION,
    "areacode": _WORD,
    "cid_group_id": _WORD,
    "cid_description": _DESCRIPTION,
    "leads_counts": _WORD,
    "remove_from_hopper": _LETTERS_DIGITS,
    "list_description": _LIST_TEXT,
    "custom_order": _WORD,
    "custom_copy_method": _WORD,
    "duration": _WORD,
    "is_webphone": _WORD,
    "webphone_auto_answer": _WORD,
    "use_external_server_ip": _WORD,
    "template_id": _WORD,
    "on_hook_agent": _WORD,
    "delete_did": _LETTERS_DIGITS,
    "group_by_campaign": _LETTERS_DIGITS,
    "source_user": _WORD,
    "menu_id": _WORD,
    "xferconf_one": _WORD,
    "xferconf_two": _WORD,
    "xferconf_three": _WORD,
    "xferconf_four": _WORD,
    "xferconf_five": _WORD,
    # field_label stays ASCII: it names a column (list_custom_fields.LABEL).
    "field_show_hide": Letters(r"_0-9"),
    "field_description": _FIELD_TEXT,
    "field_options": None,
    "field_help": _FIELD_HELP,
    "field_default": Letters(r" .\n,-_0-9"),
    "group_id": Letters(r"_0-9"),
    "url_statuses": Letters(r"\- 0-9"),
    "url_description": _FIELD_TEXT,
    "preset_name": Letters(r"\- _0-9"),
    "dial_status_add": _WORD,
    "dial_status_remove": _WORD,
}

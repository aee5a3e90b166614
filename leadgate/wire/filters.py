"""VICIdial's per-parameter character filters.

VICIdial never rejects a parameter for its characters: it deletes every character outside a
whitelist. Each filter here is one such whitelist; `plus_to_space` marks the text fields where a
`+` that survived URL decoding (sent as %2B) becomes a space.
"""

from __future__ import annotations

import re
from collections.abc import Callable

Filter = Callable[[str], str]


def keep(allowed: str) -> Filter:
    """A filter that deletes every character not in the regex character-class body `allowed`."""
    pattern = re.compile(f"[^{allowed}]")

    def apply(value: str) -> str:
        return pattern.sub("", value)

    return apply


def drop(removed: str) -> Filter:
    """A filter that deletes only the characters in `removed`."""
    pattern = re.compile(f"[{removed}]")

    def apply(value: str) -> str:
        return pattern.sub("", value)

    return apply


def plus_to_space(inner: Filter) -> Filter:
    def apply(value: str) -> str:
        return inner(value).replace("+", " ")

    return apply


# The whitelists VICIdial uses, named by what they allow.
LOGIN = keep(r"\-_0-9a-zA-Z")  # user, pass, function, campaign ids, codes
AGENT_PASS = keep(r"\-_0-9a-zA-Z.+/=")  # the Agent API also keeps . + / = in pass
ALNUM = keep(r"0-9a-zA-Z")  # source, custom_fields flag, list_exists_check
DIGITS = keep(r"0-9")
SIGNED_DIGITS = keep(r"\-0-9")
UPPER = keep(r"A-Z")  # flags: case-sensitive on purpose
PHONE = keep(r"0-9,")
DECIMAL = keep(r"\-_.0-9")
NO_SEMI_HASH_QUOTE = plus_to_space(drop(r';#"'))  # vendor_lead_code, source_id, comments
TITLE = keep(r"\- '_.0-9a-zA-Z")
NAME = plus_to_space(keep(r"\- '+_.0-9a-zA-Z"))
MIDDLE_INITIAL = keep(r"\-_0-9a-zA-Z")
ADDRESS = plus_to_space(keep(r"\- '+.:/@_0-9a-zA-Z"))  # address1-3, city, security_phrase, owner
STATE = keep(r"\- 0-9a-zA-Z")
PROVINCE = plus_to_space(keep(r"\- '+._0-9a-zA-Z"))
POSTAL_CODE = plus_to_space(keep(r"\- '+0-9a-zA-Z"))
DATE = keep(r"\-0-9")
ALT_PHONE = plus_to_space(keep(r"\- '+_.0-9a-zA-Z"))
EMAIL = plus_to_space(keep(r"\- '+.:/@%_0-9a-zA-Z"))
MULTI_ALT_PHONES = plus_to_space(keep(r"\- +!:_0-9a-zA-Z"))
CALLBACK_TEXT = keep(r"\- +.:/@_0-9a-zA-Z")  # callback_comments, callback_datetime: '+' kept


def custom_field_value(value: str) -> str:
    """Custom-field values: '+' to space, no ; or ", and one trailing backslash removed."""
    value = value.replace("+", " ").replace(";", "").replace('"', "")
    if value.endswith("\\"):
        value = value[:-1]
    return value

"""VICIdial's per-parameter character filters.

VICIdial never rejects a parameter for its characters: it deletes every character outside a
whitelist. Each filter here is one such whitelist; `plus_to_space` marks the text fields where a
`+` that survived URL decoding (sent as %2B) becomes a space.

With system_settings.use_non_latin=1 VICIdial swaps the a-zA-Z of most whitelists for "any
Unicode letter" (PCRE \\p{L}); those whitelists are `Letters`: called directly they filter as
with 0, `.pick(non_latin)` gives the filter for the current setting. The other whitelists
(digits, flags, the ;#" removers, …) are the same under both settings.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from leadgate.values.text import php_strlen as php_strlen  # the wire layer measures with it

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


# What bytes that are not UTF-8 decode to (wire/request.py parse_params).
UNDECODABLE = "\ufffd"


def _keep_letter(match: re.Match[str]) -> str:
    # str.isalpha() is exactly the Unicode general categories L* (PCRE's \p{L}).
    char = match.group()
    return char if char.isalpha() else ""


class Letters:
    """A whitelist of letters plus `others` (a regex character-class body without letters).

    Letters are a-zA-Z (use_non_latin=0, the call's default) or any Unicode letter
    (use_non_latin=1). `plus_space` turns a surviving '+' into a space afterwards.
    """

    def __init__(self, others: str, *, plus_space: bool = False) -> None:
        self._latin = re.compile(f"[^{others}a-zA-Z]")
        self._not_other = re.compile(f"[^{others}]")
        self._plus_space = plus_space

    def __call__(self, value: str) -> str:
        return self._finish(self._latin.sub("", value))

    def non_latin(self, value: str) -> str:
        if UNDECODABLE in value:
            # PCRE's /u refuses a subject that is not UTF-8 and PHP's preg_replace() then
            # returns NULL: VICIdial loses the whole parameter, not just the bad bytes. (A
            # U+FFFD sent as UTF-8 counts too: rare, and PHP would drop it, not being a letter.)
            return ""
        return self._finish(self._not_other.sub(_keep_letter, value))

    def pick(self, non_latin: bool) -> Filter:
        """The filter for system_settings.use_non_latin (True when it is 1)."""
        return self.non_latin if non_latin else self

    def _finish(self, value: str) -> str:
        return value.replace("+", " ") if self._plus_space else value


class Chain:
    """Filters applied one after the other; under use_non_latin=1 each `Letters` step is
    swapped for its Unicode version."""

    def __init__(self, *steps: Filter) -> None:
        self._steps = steps

    def __call__(self, value: str) -> str:
        for step in self._steps:
            value = step(value)
        return value

    def pick(self, non_latin: bool) -> Filter:
        return Chain(*(for_setting(step, non_latin) for step in self._steps))


def for_setting(filter_: Filter, non_latin: bool) -> Filter:
    """`filter_` as it applies under use_non_latin (True when 1): only `Letters` (alone or
    in a `Chain`) change."""
    return filter_.pick(non_latin) if isinstance(filter_, Letters | Chain) else filter_


# The whitelists VICIdial uses, named by what they allow. `Letters` ones follow use_non_latin.
LOGIN = Letters(r"\-_0-9")  # user, pass, campaign ids, callback user/status
CODE = keep(r"\-_0-9a-zA-Z")  # function, tz_method, duplicate_check: a-zA-Z under both settings
AGENT_PASS = Letters(r"\-_0-9.+/=")  # the Agent API also keeps . + / = in pass
ALNUM = keep(r"0-9a-zA-Z")  # custom_fields flag, list_exists_check
LETTERS_DIGITS = Letters(r"0-9")  # the Agent API's source, alt_user, middle_initial, …
DIGITS = keep(r"0-9")
SIGNED_DIGITS = keep(r"\-0-9")
UPPER = keep(r"A-Z")  # flags: case-sensitive on purpose
PHONE = keep(r"0-9,")
DECIMAL = keep(r"\-_.0-9")
NO_SEMI_HASH_QUOTE = plus_to_space(drop(r';#"'))  # vendor_lead_code, source_id, comments
TITLE = Letters(r"\- '_.0-9")
NAME = Letters(r"\- '+_.0-9", plus_space=True)
MIDDLE_INITIAL = Letters(r"\-_0-9")  # also country_code
ADDRESS = Letters(r"\- '+.:/@_0-9", plus_space=True)  # address1-3, city, security_phrase, owner
STATE = Letters(r"\- 0-9")
PROVINCE = Letters(r"\- '+._0-9", plus_space=True)
POSTAL_CODE = Letters(r"\- '+0-9", plus_space=True)
DATE = keep(r"\-0-9")
ALT_PHONE = Letters(r"\- '+_.0-9", plus_space=True)
EMAIL = Letters(r"\- '+.:/@%_0-9", plus_space=True)
MULTI_ALT_PHONES = Letters(r"\- +!:_0-9", plus_space=True)
CALLBACK_TEXT = keep(r"\- +.:/@_0-9a-zA-Z")  # callback_datetime: '+' kept, a-zA-Z always
CALLBACK_COMMENTS = Letters(r"\- +.:/@_0-9")  # '+' kept


def custom_field_value(value: str) -> str:
    """Custom-field values: '+' to space, no ; or ", and one trailing backslash removed."""
    value = value.replace("+", " ").replace(";", "").replace('"', "")
    if value.endswith("\\"):
        value = value[:-1]
    return value

"""Phone-number validation of add_lead (spec add_lead §2 step 11), VICIdial's rules exactly.

Each step runs only while the number is still valid; the first failing step names the reason.
The data look-ups (known area codes, NANPA prefixes) are passed in, so the rules stay pure.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

MIN_LENGTH = 6
MAX_LENGTH = 16


class PhoneProblem(Enum):
    LENGTH = "LENGTH"
    PREFIX = "PREFIX"
    AREACODE = "AREACODE"
    NANPA = "NANPA AREACODE PREFIX"


def length_ok(phone: str) -> bool:
    """6 to 16 characters; commas (kept by the filter) count."""
    return MIN_LENGTH <= len(phone) <= MAX_LENGTH


def usacan_prefix_ok(phone: str) -> bool:
    """The 4th character (exchange's first digit) must be 2-9.

    VICIdial compares it with the number 2; PHP compares a comma as a string, which is below
    "2", so a comma fails too.
    """
    return len(phone) >= 4 and phone[3] not in "01,"


def validate(
    phone: str,
    *,
    prefix_check: bool,
    areacode_check: bool,
    nanpa_check: bool,
    known_areacode: Callable[[str], bool],
    known_nanpa_prefix: Callable[[str, str], bool],
) -> PhoneProblem | None:
    """The reason the number is refused, or None when it passes every requested check.

    The area-code check only looks the area code up: VICIdial also computes a "must be 10
    digits" reason but never acts on it (quirk Q3), so 9 or 11 digits with a known area code
    pass.
    """
    if not length_ok(phone):
        return PhoneProblem.LENGTH
    if prefix_check and not usacan_prefix_ok(phone):
        return PhoneProblem.PREFIX
    if areacode_check and not known_areacode(phone[:3]):
        return PhoneProblem.AREACODE
    if nanpa_check and not known_nanpa_prefix(phone[:3], phone[3:6]):
        return PhoneProblem.NANPA
    return None

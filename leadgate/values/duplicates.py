"""The duplicate-check vocabulary of add_lead's `duplicate_check` option: which lead columns a
check compares and over which leads. The domain plans checks from it (domain/leads/duplicates.py);
storage turns each check into one SELECT (storage/leads/intake.py)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Match(Enum):
    """Which lead columns must equal the request's values."""

    PHONE = "phone"  # phone_number = P
    PHONE_OR_ALT = "phone_or_alt"  # phone_number = P or alt_phone = P
    TITLE_ALT = "title_alt"  # title and alt_phone equal the request's (blank = blank)
    NAME_PHONE = "name_phone"  # first_name, last_name and phone_number equal


class Scope(Enum):
    LIST = "LIST"  # the request's list (after the 999 default)
    CAMP = "CAMP"  # every list of the campaign the request's list belongs to
    SYS = "SYS"  # every lead


@dataclass(frozen=True)
class DuplicateCheck:
    option: str  # the token that switches it on, e.g. "DUPPHONEALTCAMP"
    match: Match
    scope: Scope


CHECKS: tuple[DuplicateCheck, ...] = tuple(
    DuplicateCheck(f"{prefix}{scope.value}", match, scope)
    for prefix, match in (
        ("DUP", Match.PHONE),
        ("DUPPHONEALT", Match.PHONE_OR_ALT),
        ("DUPTITLEALTPHONE", Match.TITLE_ALT),
        ("DUPNAMEPHONE", Match.NAME_PHONE),
    )
    for scope in (Scope.LIST, Scope.CAMP, Scope.SYS)
)

"""Do-not-call look-ups: the system list (vicidial_dnc) and per-campaign lists.

An AREACODE check also matches the wildcard entry `<area code>XXXXXXX` (seven capital X).
`system_dnc_listed()` / `campaign_dnc_listed()` are the same look-ups as EXISTS clauses, for
statements that check the DNC lists together with something else in one round trip (add_lead's
duplicate probe, storage/leads/intake.py); their parameters are given by `dnc_params`.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Exists, String, bindparam, func, select

from leadgate.storage.tables import vicidial_campaign_dnc, vicidial_campaigns, vicidial_dnc


def system_dnc_listed() -> Exists:
    """EXISTS: :phone or :system_wildcard is on the system DNC list."""
    numbers = [bindparam("phone", type_=String), bindparam("system_wildcard", type_=String)]
    return (
        select(vicidial_dnc.c.phone_number).where(vicidial_dnc.c.phone_number.in_(numbers)).exists()
    )


def campaign_dnc_listed() -> Exists:
    """EXISTS: :phone or :campaign_wildcard is on the DNC list of :dnc_campaign_id — or of the
    campaign named in its use_other_campaign_dnc. An unknown campaign has an empty list."""
    named = bindparam("dnc_campaign_id", type_=String)
    other = (
        select(vicidial_campaigns.c.use_other_campaign_dnc)
        .where(vicidial_campaigns.c.campaign_id == named)
        .limit(1)
        .scalar_subquery()
    )
    numbers = [bindparam("phone", type_=String), bindparam("campaign_wildcard", type_=String)]
    return (
        select(vicidial_campaign_dnc.c.phone_number)
        .where(vicidial_campaign_dnc.c.phone_number.in_(numbers))
        .where(vicidial_campaign_dnc.c.campaign_id == func.coalesce(func.nullif(other, ""), named))
        .exists()
    )


_system_dnc = select(system_dnc_listed())
_campaign_dnc = select(campaign_dnc_listed())


def areacode_wildcard(phone: str) -> str:
    return f"{phone[:3]}XXXXXXX"


def dnc_params(
    phone: str, *, system_areacode: bool = False, campaign_areacode: bool = False,
    campaign_id: str = "",
) -> dict[str, Any]:  # fmt: skip
    """Parameters of the EXISTS clauses above (a plain check uses the number as its wildcard)."""
    wildcard = areacode_wildcard(phone)
    return {
        "phone": phone,
        "system_wildcard": wildcard if system_areacode else phone,
        "campaign_wildcard": wildcard if campaign_areacode else phone,
        "dnc_campaign_id": campaign_id,
    }


def in_system_dnc(conn: Connection, phone: str, *, areacode: bool) -> bool:
    """Whether the number (or, with `areacode`, its area-code wildcard) is on the system DNC."""
    params = dnc_params(phone, system_areacode=areacode)
    return bool(conn.execute(_system_dnc, params).scalar())


def in_campaign_dnc(conn: Connection, phone: str, campaign_id: str, *, areacode: bool) -> bool:
    """Whether the number is on the DNC list of `campaign_id` — or of the campaign named in its
    use_other_campaign_dnc. An unknown campaign simply has an empty list."""
    params = dnc_params(phone, campaign_areacode=areacode, campaign_id=campaign_id)
    return bool(conn.execute(_campaign_dnc, params).scalar())

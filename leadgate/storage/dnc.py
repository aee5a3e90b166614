"""Do-not-call lists: the system list (vicidial_dnc), per-campaign lists
(vicidial_campaign_dnc) and the vicidial_dnc_log audit trail.

`campaign_id=None` means the system list. Callers pass values already cut to the column widths
(`fit_phone`, `fit_campaign`), so an existence check and the write that follows it look at the
same stored value.

An AREACODE check also matches the wildcard entry `<area code>XXXXXXX` (seven capital X).
`system_dnc_listed()` / `campaign_dnc_listed()` are the same look-ups as EXISTS clauses, for
statements that check the DNC lists together with something else in one round trip (add_lead's
duplicate probe, storage/leads/intake.py); their parameters are given by `dnc_params`.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Exists, String, bindparam, delete, func, insert, select

from leadgate.storage.columns import fit
from leadgate.storage.tables import (
    vicidial_campaign_dnc,
    vicidial_campaigns,
    vicidial_dnc,
    vicidial_dnc_log,
)

_system = vicidial_dnc.c
_campaign = vicidial_campaign_dnc.c


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


# -- changes -----------------------------------------------------------------------------------


def fit_phone(phone: str) -> str:
    return str(fit(vicidial_dnc, {"phone_number": phone})["phone_number"])


def fit_campaign(campaign_id: str) -> str:
    return str(fit(vicidial_campaign_dnc, {"campaign_id": campaign_id})["campaign_id"])


def listed(conn: Connection, phones: Collection[str], campaign_id: str | None) -> set[str]:
    """Which of `phones` are on the list (exact numbers, no wildcard)."""
    if not phones:
        return set()
    if campaign_id is None:
        stmt = select(_system.phone_number).where(_system.phone_number.in_(phones))
    else:
        stmt = select(_campaign.phone_number).where(
            _campaign.campaign_id == campaign_id, _campaign.phone_number.in_(phones)
        )
    return {str(row[0]) for row in conn.execute(stmt)}


def campaigns_listing(conn: Connection, phone: str) -> list[str]:
    """The campaigns whose own list has exactly this number."""
    stmt = (
        select(_campaign.campaign_id)
        .where(_campaign.phone_number == phone)
        .order_by(_campaign.campaign_id)
    )
    return [str(row[0]) for row in conn.execute(stmt)]


def insert_phones(conn: Connection, phones: Sequence[str], campaign_id: str | None) -> None:
    if not phones:
        return
    if campaign_id is None:
        conn.execute(insert(vicidial_dnc), [{"phone_number": p} for p in phones])
    else:
        rows = [{"phone_number": p, "campaign_id": campaign_id} for p in phones]
        conn.execute(insert(vicidial_campaign_dnc), rows)


def delete_phone(conn: Connection, phone: str, campaign_id: str | None) -> int:
    """Delete the number; the number of rows deleted."""
    if campaign_id is None:
        stmt = delete(vicidial_dnc).where(_system.phone_number == phone)
    else:
        stmt = delete(vicidial_campaign_dnc).where(
            _campaign.phone_number == phone, _campaign.campaign_id == campaign_id
        )
    return int(conn.execute(stmt).rowcount)


def write_log(
    conn: Connection, phones: Sequence[str], log_campaign: str, action: str, user: str,
    now: datetime,
) -> None:  # fmt: skip
    """vicidial_dnc_log rows (campaign `-SYSINT-` for the system list)."""
    if not phones:
        return
    rows = [
        fit(
            vicidial_dnc_log,
            {
                "phone_number": p,
                "campaign_id": log_campaign,
                "action": action,
                "action_date": now,
                "user": user,
            },
        )  # fmt: skip
        for p in phones
    ]
    conn.execute(insert(vicidial_dnc_log), rows)

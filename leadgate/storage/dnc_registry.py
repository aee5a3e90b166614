"""Do-not-call lists as the CLI administers them: vicidial_dnc, vicidial_campaign_dnc and the
vicidial_dnc_log audit trail. `campaign_id=None` means the system (internal) list."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime

from sqlalchemy import Connection, delete, insert, select

from leadgate.storage.columns import fit
from leadgate.storage.tables import vicidial_campaign_dnc, vicidial_dnc, vicidial_dnc_log

_system = vicidial_dnc.c
_campaign = vicidial_campaign_dnc.c


def listed(conn: Connection, phones: Collection[str], campaign_id: str | None) -> set[str]:
    """Which of `phones` are already on the list."""
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
    if campaign_id is None:
        stmt = delete(vicidial_dnc).where(_system.phone_number == phone)
    else:
        stmt = delete(vicidial_campaign_dnc).where(
            _campaign.phone_number == phone, _campaign.campaign_id == campaign_id
        )
    return conn.execute(stmt).rowcount


def write_log(
    conn: Connection,
    phones: Sequence[str],
    log_campaign: str,
    action: str,
    user: str,
    now: datetime,
) -> None:
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

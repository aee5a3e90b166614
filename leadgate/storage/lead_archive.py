"""Moving a lead back from vicidial_list_archive into vicidial_list (lead_dearchive)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, delete, insert, select

from leadgate.storage.reports import big
from leadgate.storage.tables import vicidial_list, vicidial_list_archive, vicidial_lists


def list_ids_of_campaigns(conn: Connection, campaigns: Sequence[str]) -> list[int]:
    l = vicidial_lists.c  # noqa: E741
    rows = conn.execute(
        select(l.list_id).where(l.campaign_id.in_(list(campaigns))).order_by(l.list_id)
    )
    return [int(row[0]) for row in rows]


def archived_list_id(conn: Connection, lead_id: int, lists: Sequence[int] | None) -> int | None:
    a = vicidial_list_archive.c
    statement = select(a.list_id).where(a.lead_id == big(lead_id))
    if lists is not None:
        statement = statement.where(a.list_id.in_(list(lists)))
    row = conn.execute(statement.limit(1)).first()
    return None if row is None else int(row[0])


def live_lead_exists(conn: Connection, lead_id: int) -> bool:
    v = vicidial_list.c
    return conn.execute(select(v.lead_id).where(v.lead_id == big(lead_id))).first() is not None


def move_back(conn: Connection, lead_id: int) -> tuple[int, int]:
    """Copy the archived lead into vicidial_list and delete it from the archive:
    (rows inserted, rows deleted)."""
    names = [column.name for column in vicidial_list.columns]
    source = select(*(vicidial_list_archive.c[name] for name in names)).where(
        vicidial_list_archive.c.lead_id == big(lead_id)
    )
    inserted = conn.execute(insert(vicidial_list).from_select(names, source)).rowcount
    if inserted < 1:
        return 0, 0
    deleted = conn.execute(
        delete(vicidial_list_archive).where(vicidial_list_archive.c.lead_id == big(lead_id))
    ).rowcount
    return int(inserted), int(deleted)

"""vicidial_api_log.function compares case-insensitively on every engine, as VICIdial's MySQL
column does: the API log counted per function puts a call made as `ADD_LEAD` with `add_lead`."""

from __future__ import annotations

from sqlalchemy import func, insert, select

from leadgate.storage.database import Database
from leadgate.storage.tables import vicidial_api_log


def test_counts_per_function_ignore_case_and_keep_the_stored_text(db: Database) -> None:
    rows = [
        {"user": "6666", "function": name, "result": "ERROR"}
        for name in ("add_lead", "ADD_LEAD", "add_lead", "update_lead")
    ]
    with db.transaction() as conn:
        conn.execute(insert(vicidial_api_log), rows)
    counts = (
        select(func.count())
        .select_from(vicidial_api_log)
        .group_by(vicidial_api_log.c.function, vicidial_api_log.c.result)
    )
    with db.transaction() as conn:
        groups = sorted(conn.execute(counts).scalars())
        matching = conn.execute(
            select(vicidial_api_log.c.function).where(vicidial_api_log.c.function == "Add_Lead")
        ).scalars()
        stored = sorted(matching)
    assert groups == [1, 3]
    assert stored == ["ADD_LEAD", "add_lead", "add_lead"]

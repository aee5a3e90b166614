"""On a VICIdial database served before `leadgate init` there is no outbox table: a change
that would queue a call URL must still go through, queuing nothing."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import create_engine, text

from leadgate.domain import webhooks_queue
from leadgate.domain.events import LeadAdded
from leadgate.storage.unit_of_work import UnitOfWork


def test_no_outbox_table_means_nothing_is_queued_and_nothing_fails() -> None:
    engine = create_engine("sqlite://")
    try:
        with engine.begin() as conn:
            # Only a VICIdial table; neither leadgate's outbox nor vicidial_url_multi exists,
            # so any attempt to queue would raise.
            conn.execute(text("CREATE TABLE vicidial_list (lead_id INTEGER PRIMARY KEY)"))
            uow = UnitOfWork(conn, datetime(2026, 12, 6, 12, 0, 0))
            event = LeadAdded(lead_id=1, list_id=101, phone_number="3125551234",
                              api_user="6666", origin="add_lead")  # fmt: skip
            webhooks_queue.consume(uow, [event])
            conn.execute(text("INSERT INTO vicidial_list (lead_id) VALUES (2)"))
    finally:
        engine.dispose()

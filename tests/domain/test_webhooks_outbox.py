"""The operator's outbox operations behind `leadgate webhooks` (domain/webhooks_outbox.py)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import insert, select

from leadgate.domain import webhooks_outbox
from leadgate.storage.database import Database
from leadgate.storage.tables import leadgate_webhook_outbox

NOW = datetime(2026, 12, 6, 12, 0, 0)


def _row(db: Database, name: str, state: str, finished: datetime | None) -> None:
    with db.transaction() as conn:
        conn.execute(insert(leadgate_webhook_outbox).values(
            webhook_id=f"msg_{name}", url_type="apinewlead", uniqueid=name, lead_id=1,
            url="http://crm.example/x", state=state, attempts=1, created_at=NOW - timedelta(days=30),
            next_attempt_at=NOW, finished_at=finished))  # fmt: skip


def _left(db: Database) -> list[str]:
    with db.transaction() as conn:
        query = select(leadgate_webhook_outbox.c.uniqueid).order_by(
            leadgate_webhook_outbox.c.uniqueid
        )
        return list(conn.execute(query).scalars())


def test_purge_keeps_pending_recent_and_dead_rows_unless_asked(db: Database) -> None:
    _row(db, "old-delivered", "delivered", NOW - timedelta(days=10))
    _row(db, "old-dead", "dead", NOW - timedelta(days=10))
    _row(db, "new-delivered", "delivered", NOW - timedelta(hours=1))
    _row(db, "pending", "pending", None)
    with db.transaction() as conn:
        assert webhooks_outbox.purge(conn, NOW, timedelta(days=7), dead=False) == 1
    assert _left(db) == ["new-delivered", "old-dead", "pending"]
    with db.transaction() as conn:
        assert webhooks_outbox.purge(conn, NOW, timedelta(days=7), dead=True) == 1
    assert _left(db) == ["new-delivered", "pending"]


def test_endpoints_are_set_and_removed_once(db: Database) -> None:
    with db.transaction() as conn:
        webhooks_outbox.set_endpoint(
            conn, "https://crm.example/", post=False, secret="", pass_value="tok"
        )
        assert webhooks_outbox.remove_endpoint(conn, "https://crm.example/")
        assert not webhooks_outbox.remove_endpoint(conn, "https://crm.example/")


def test_listing_shows_at_least_one_row_newest_first(db: Database) -> None:
    _row(db, "a", "dead", NOW)
    _row(db, "b", "pending", None)
    with db.transaction() as conn:
        assert [row["uniqueid"] for row in webhooks_outbox.newest_rows(conn, None, 0)] == ["b"]
        assert [row["uniqueid"] for row in webhooks_outbox.newest_rows(conn, "dead", 5)] == ["a"]
        assert webhooks_outbox.counts_by_state(conn) == {"pending": 1, "delivered": 0, "dead": 1}

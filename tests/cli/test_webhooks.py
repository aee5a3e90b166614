"""`leadgate webhooks list|show|retry|purge|endpoint`."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from sqlalchemy import insert, select

from leadgate.cli import common
from leadgate.cli import webhooks as webhooks_cli
from leadgate.storage.database import Database
from leadgate.storage.tables import leadgate_webhook_endpoints, leadgate_webhook_outbox
from tests.cli.conftest import Invoke


@pytest.fixture
def cli(leadgate: Invoke, monkeypatch: pytest.MonkeyPatch) -> Iterator[Invoke]:
    monkeypatch.setattr(webhooks_cli, "open_database", common.open_database)
    yield leadgate


def _row(db: Database, state: str, finished: datetime | None = None) -> None:
    when = datetime(2020, 1, 1)
    with db.transaction() as conn:
        conn.execute(insert(leadgate_webhook_outbox).values(
            webhook_id=f"msg_{state}_{finished}", url_type="apinewlead", uniqueid="77", lead_id=77,
            url="http://crm.example/x?l=77", state=state, attempts=3, created_at=when,
            next_attempt_at=when, finished_at=finished, last_error="Connection refused"))  # fmt: skip


def test_list_counts_by_state_and_filters(cli: Invoke, db: Database) -> None:
    _row(db, "dead", datetime(2020, 1, 2))
    _row(db, "pending")
    result = cli("webhooks", "list")
    assert result.exit_code == 0, result.output
    assert "pending: 1  delivered: 0  dead: 1" in result.output
    assert "apinewl" in result.output and "77" in result.output
    assert cli("webhooks", "list", "--state", "bogus").exit_code == 1


def test_show_retry_and_purge(cli: Invoke, db: Database) -> None:
    _row(db, "dead", datetime(2020, 1, 2))
    with db.transaction() as conn:
        outbox_id = conn.execute(select(leadgate_webhook_outbox.c.outbox_id)).scalar_one()
    shown = cli("webhooks", "show", str(outbox_id))
    assert shown.exit_code == 0 and "last_error: Connection refused" in shown.output
    missing = cli("webhooks", "show", "999999")
    assert missing.exit_code == 1 and "Traceback" not in missing.output
    assert "1 row(s) queued again" in cli("webhooks", "retry").output
    with db.transaction() as conn:
        row = conn.execute(select(leadgate_webhook_outbox)).mappings().one()
    assert (row["state"], row["attempts"]) == ("pending", 0)
    _row(db, "delivered", datetime(2020, 1, 2))
    purged = cli("webhooks", "purge", "--older-than-days", "1")
    assert "1 row(s) purged" in purged.output
    with db.transaction() as conn:
        states = conn.execute(select(leadgate_webhook_outbox.c.state)).scalars().all()
    assert states == ["pending"]


def test_endpoint_options(cli: Invoke, db: Database) -> None:
    added = cli("webhooks", "endpoint", "https://crm.example/", "--post", "--secret", "s")
    assert added.exit_code == 0, added.output
    with db.transaction() as conn:
        row = conn.execute(select(leadgate_webhook_endpoints)).mappings().one()
    assert (row["url_prefix"], row["method"], row["secret"]) == (
        "https://crm.example/",
        "POST",
        "s",
    )
    assert cli("webhooks", "endpoint", "ftp://x").exit_code == 1
    assert cli("webhooks", "endpoint", "https://crm.example/", "--remove").exit_code == 0
    assert cli("webhooks", "endpoint", "https://crm.example/", "--remove").exit_code == 1

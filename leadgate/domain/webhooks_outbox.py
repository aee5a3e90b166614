"""The operator's view of the call URL outbox (`leadgate webhooks …`): counts and rows, sending
dead rows again, purging finished ones, and the per-endpoint delivery options."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection

from leadgate.storage import outbox

STATES = outbox.STATES


def counts_by_state(conn: Connection) -> dict[str, int]:
    """Rows per state, every state named (0 when none)."""
    return outbox.counts_by_state(conn)


def newest_rows(conn: Connection, state: str | None, limit: int) -> list[dict[str, Any]]:
    """The newest `limit` rows (at least one), optionally of one state."""
    return outbox.listing(conn, state, max(1, limit))


def find_row(conn: Connection, outbox_id: int) -> dict[str, Any] | None:
    return outbox.one(conn, outbox_id)


def retry(conn: Connection, now: datetime, *, outbox_id: int | None = None) -> int:
    """Queue every dead row (or the one row given, unless delivered) again with a fresh attempt
    budget; the number of rows queued."""
    return outbox.retry(conn, now, outbox_id=outbox_id)


def purge(conn: Connection, now: datetime, older_than: timedelta, *, dead: bool) -> int:
    """Delete the delivered rows (and the dead ones too with `dead`) that finished more than
    `older_than` ago; the number of rows deleted. Pending rows are never purged."""
    states = [outbox.DELIVERED, *([outbox.DEAD] if dead else [])]
    return outbox.purge(conn, states, now - older_than)


def set_endpoint(
    conn: Connection, url_prefix: str, *, post: bool, secret: str, pass_value: str
) -> None:
    """Deliver URLs starting with `url_prefix` by POST (or GET), signed when `secret` is set."""
    method = "POST" if post else "GET"
    outbox.set_endpoint(conn, outbox.Endpoint(url_prefix, method, secret, pass_value))


def remove_endpoint(conn: Connection, url_prefix: str) -> bool:
    """Forget an endpoint's options; False when there were none."""
    return outbox.remove_endpoint(conn, url_prefix) > 0

"""One unit of work: one transaction with its named locks, its API-log rows and its events.

Every caller — the VICIdial endpoints, the CLI, background workers — changes the database
through a unit of work. Operations record what happened as events (`emit`); before the
transaction commits, the database's event consumers (the webhook outbox, metrics) see those
events and may write in the same transaction, so a consumer's rows exist exactly when the
change they describe does. Storage knows nothing about what an event means.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from leadgate.storage import api_log, locks


@dataclass
class UnitOfWork:
    conn: Connection
    now: datetime
    events: list[object] = field(default_factory=list)

    @property
    def backend(self) -> str:
        return self.conn.dialect.name

    def lock(self, keys: Iterable[str]) -> None:
        """Hold named locks until the transaction ends (race-free check-then-write)."""
        locks.lock_for_transaction(self.conn, keys)

    def emit(self, event: object) -> None:
        self.events.append(event)

    def log_api_calls(self, rows: Sequence[dict[str, Any]]) -> None:
        api_log.write(self.conn, rows)

    def log_api_call_with_url(self, row: dict[str, Any], *, url: str, remote_ip: str) -> None:
        api_log.write_with_url(self.conn, row, url=url, remote_ip=remote_ip, when=self.now)


# A consumer runs inside the transaction, before COMMIT, with every event of the unit of work.
EventConsumer = Callable[[UnitOfWork, Sequence[object]], None]


def finish(uow: UnitOfWork, consumers: Sequence[EventConsumer]) -> None:
    """Hand the events to the consumers; an exception here rolls the whole unit back."""
    if not uow.events:
        return
    events = tuple(uow.events)
    for consumer in consumers:
        consumer(uow, events)

"""leadgate's durable webhook outbox: its own tables and all their SQL.

A delivery row is inserted in the same transaction as the event that caused it (a lead
inserted, a call connected, a disposition), so a rolled-back change never sends a webhook and a
committed one always has its row. A single dispatcher (the holder of the lease row) sends the
due rows and records each attempt here and in VICIdial's vicidial_url_log.
"""

from __future__ import annotations

import uuid
import weakref
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    bindparam,
    delete,
    func,
    insert,
    inspect,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError

from leadgate.storage.columns import fit
from leadgate.storage.tables import DEAD as DEAD
from leadgate.storage.tables import DELIVERED as DELIVERED
from leadgate.storage.tables import PENDING as PENDING
from leadgate.storage.tables import (
    leadgate_leases,
    leadgate_webhook_endpoints,
    leadgate_webhook_outbox,
    vicidial_url_log,
)

STATES = (PENDING, DELIVERED, DEAD)
DISPATCHER_LEASE = "webhook-dispatcher"

OB = leadgate_webhook_outbox.c


# Per engine: does the database have the outbox table? (A VICIdial database served with the
# cron user's grants has none until `leadgate init` adds it.)
_outbox_present: weakref.WeakKeyDictionary[Engine, bool] = weakref.WeakKeyDictionary()


def outbox_present(conn: Connection) -> bool:
    engine = conn.engine
    present = _outbox_present.get(engine)
    if present is None:
        present = inspect(conn).has_table(leadgate_webhook_outbox.name)
        _outbox_present[engine] = present
    return present


def new_webhook_id() -> str:
    return f"msg_{uuid.uuid4().hex}"


# -- written with the event ------------------------------------------------------------------

_insert = insert(leadgate_webhook_outbox)


def enqueue(
    conn: Connection, *, url_type: str, uniqueid: str, lead_id: int | None, urls: Sequence[str],
    now: datetime,
) -> None:  # fmt: skip
    """Queue URLs for delivery, inside the caller's transaction."""
    if not urls:
        return
    rows = [
        {
            "webhook_id": new_webhook_id(),
            "url_type": url_type,
            "uniqueid": uniqueid,
            "lead_id": lead_id,
            "url": url,
            "state": PENDING,
            "attempts": 0,
            "created_at": now,
            "next_attempt_at": now,
        }  # fmt: skip
        for url in urls
    ]
    conn.execute(_insert, rows)


# -- the dispatcher's lease ------------------------------------------------------------------

_renew = (
    update(leadgate_leases)
    .where(leadgate_leases.c.lease_name == bindparam("name_"))
    .where(
        (leadgate_leases.c.holder == bindparam("holder_"))
        | (leadgate_leases.c.expires_at < bindparam("now_"))
    )  # fmt: skip
    .values(holder=bindparam("holder_"), expires_at=bindparam("until_"))
)


def take_lease(conn: Connection, name: str, holder: str, now: datetime, ttl: float) -> bool:
    """Take or renew the named lease when it is free, expired or already ours (one atomic
    UPDATE, so of several contenders exactly one wins); True when we hold it now."""
    params = {"name_": name, "holder_": holder, "now_": now,
              "until_": now + timedelta(seconds=ttl)}  # fmt: skip
    if (conn.execute(_renew, params).rowcount or 0) > 0:
        return True
    exists = conn.execute(
        select(leadgate_leases.c.holder).where(leadgate_leases.c.lease_name == name)
    ).first()
    if exists is not None:
        return False
    try:
        with conn.begin_nested():
            conn.execute(insert(leadgate_leases).values(
                lease_name=name, holder=holder, expires_at=params["until_"]))  # fmt: skip
    except IntegrityError:
        return False  # another contender inserted it first
    return True


def release_lease(conn: Connection, name: str, holder: str) -> None:
    conn.execute(
        delete(leadgate_leases)
        .where(leadgate_leases.c.lease_name == name)
        .where(leadgate_leases.c.holder == holder)
    )


# -- delivery --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Delivery:
    outbox_id: int
    webhook_id: str
    url_type: str
    uniqueid: str
    lead_id: int | None
    url: str
    attempts: int
    created_at: datetime
    url_log_id: int | None


_DELIVERY_COLUMNS = (OB.outbox_id, OB.webhook_id, OB.url_type, OB.uniqueid, OB.lead_id, OB.url,
                     OB.attempts, OB.created_at, OB.url_log_id)  # fmt: skip
_due = (
    select(*_DELIVERY_COLUMNS)
    .where(OB.state == PENDING)
    .where(OB.next_attempt_at <= bindparam("now_"))
    .order_by(OB.next_attempt_at, OB.outbox_id)
    .limit(bindparam("limit_"))
)


def due(conn: Connection, now: datetime, limit: int) -> list[Delivery]:
    return [Delivery(*row) for row in conn.execute(_due, {"now_": now, "limit_": limit})]


def postpone(conn: Connection, outbox_id: int, until: datetime) -> None:
    conn.execute(
        update(leadgate_webhook_outbox)
        .where(OB.outbox_id == outbox_id)
        .values(next_attempt_at=until)
    )


def begin_url_log(conn: Connection, delivery: Delivery, now: datetime) -> int:
    """VICIdial logs the URL before calling it; later attempts update the same row."""
    result = conn.execute(
        insert(vicidial_url_log).values(
            uniqueid=delivery.uniqueid[:50],
            url_date=now,
            url_type=delivery.url_type,
            response_sec=0,
            url=delivery.url,
            url_response="",
        )  # fmt: skip
    )
    url_log_id = int(result.inserted_primary_key[0])  # type: ignore[index]
    conn.execute(update(leadgate_webhook_outbox).where(OB.outbox_id == delivery.outbox_id)
                 .values(url_log_id=url_log_id))  # fmt: skip
    return url_log_id


@dataclass(frozen=True)
class Attempt:
    """What one attempt gave, and what the outbox row becomes."""

    state: str
    next_attempt_at: datetime | None
    status: int | None
    error: str
    response_sec: int
    url_response: str


def record_attempt(
    conn: Connection, delivery: Delivery, url_log_id: int, attempt: Attempt, now: datetime
) -> None:
    values: dict[str, Any] = {
        "attempts": delivery.attempts + 1, "last_attempt_at": now, "state": attempt.state,
        "last_status": attempt.status, "last_error": attempt.error,
    }  # fmt: skip
    if attempt.next_attempt_at is not None:
        values["next_attempt_at"] = attempt.next_attempt_at
    if attempt.state != PENDING:
        values["finished_at"] = now
    conn.execute(
        update(leadgate_webhook_outbox)
        .where(OB.outbox_id == delivery.outbox_id)
        .values(**fit(leadgate_webhook_outbox, values))
    )
    conn.execute(
        update(vicidial_url_log)
        .where(vicidial_url_log.c.url_log_id == url_log_id)
        .values(response_sec=min(attempt.response_sec, 65535), url_response=attempt.url_response)
    )


# -- endpoints (opt-in POST + signing) -------------------------------------------------------


@dataclass(frozen=True)
class Endpoint:
    url_prefix: str
    method: str = "GET"
    secret: str = ""
    pass_value: str = ""


def endpoints(conn: Connection) -> list[Endpoint]:
    rows = conn.execute(select(leadgate_webhook_endpoints)).all()
    return [Endpoint(str(r[0]), str(r[1]), str(r[2] or ""), str(r[3] or "")) for r in rows]


def set_endpoint(conn: Connection, endpoint: Endpoint) -> None:
    table = leadgate_webhook_endpoints
    conn.execute(delete(table).where(table.c.url_prefix == endpoint.url_prefix))
    conn.execute(insert(table).values(
        url_prefix=endpoint.url_prefix, method=endpoint.method, secret=endpoint.secret,
        pass_value=endpoint.pass_value))  # fmt: skip


def remove_endpoint(conn: Connection, url_prefix: str) -> int:
    table = leadgate_webhook_endpoints
    return int(conn.execute(delete(table).where(table.c.url_prefix == url_prefix)).rowcount or 0)


# -- operator views and actions --------------------------------------------------------------


def counts_by_state(conn: Connection) -> dict[str, int]:
    rows = conn.execute(select(OB.state, func.count()).group_by(OB.state)).all()
    counts = dict.fromkeys(STATES, 0)
    counts.update({str(state): int(count) for state, count in rows})
    return counts


def listing(conn: Connection, state: str | None, limit: int) -> list[dict[str, Any]]:
    query = select(leadgate_webhook_outbox).order_by(OB.outbox_id.desc()).limit(limit)
    if state is not None:
        query = query.where(OB.state == state)
    return [dict(row._mapping) for row in conn.execute(query)]


def one(conn: Connection, outbox_id: int) -> dict[str, Any] | None:
    row = conn.execute(select(leadgate_webhook_outbox).where(OB.outbox_id == outbox_id)).first()
    return dict(row._mapping) if row is not None else None


def retry(conn: Connection, now: datetime, *, outbox_id: int | None = None) -> int:
    """Send dead (or one given not-delivered) rows again, with a fresh attempt budget."""
    query = update(leadgate_webhook_outbox).values(
        state=PENDING, attempts=0, next_attempt_at=now, created_at=now, finished_at=None
    )
    if outbox_id is None:
        query = query.where(OB.state == DEAD)
    else:
        query = query.where(OB.outbox_id == outbox_id).where(OB.state != DELIVERED)
    return int(conn.execute(query).rowcount or 0)


def purge(conn: Connection, states: Sequence[str], older_than: datetime) -> int:
    """Delete finished rows (delivered/dead) that finished before `older_than`."""
    query = (
        delete(leadgate_webhook_outbox)
        .where(OB.state.in_(list(states)))
        .where(OB.finished_at < older_than)
    )
    return int(conn.execute(query).rowcount or 0)

"""The webhook dispatcher: sends due outbox rows in the background.

One dispatcher is active per database: each pass first takes or renews a lease row, so any
number of `leadgate serve` workers, servers and `leadgate webhooks run` processes can run one
and only the holder sends. An attempt is GET as VICIdial does it (redirects followed, no body,
only Host and Connection headers), or POST with a JSON body for endpoints that opted in;
endpoints with a secret get Standard Webhooks signature headers. Results are recorded in the
outbox (attempts, state) and in vicidial_url_log (response time and text).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import time
import uuid
from collections.abc import AsyncIterator, Callable
from datetime import datetime, timedelta
from typing import Any, TypeVar

import httpx
from sqlalchemy import Connection
from sqlalchemy import inspect as sa_inspect

from leadgate.domain import webhooks_delivery as rules
from leadgate.domain.webhooks_delivery import EndpointOptions, Policy, Result
from leadgate.settings import Settings
from leadgate.storage import outbox
from leadgate.storage.database import Database
from leadgate.storage.outbox import Attempt, Delivery
from leadgate.wire import url_log

log = logging.getLogger("leadgate.webhooks")
T = TypeVar("T")


def policy_of(settings: Settings) -> Policy:
    return Policy(
        max_attempts=max(1, settings.webhook_max_attempts),
        max_age=timedelta(seconds=settings.webhook_max_age_seconds),
        backoff=settings.webhook_backoff_seconds,
        backoff_max=settings.webhook_backoff_max_seconds,
    )


def _network_reason(error: Exception) -> str:
    if isinstance(error, httpx.TimeoutException):
        return "Connection timed out"
    if isinstance(error, httpx.ConnectError):
        cause: BaseException | None = error
        while cause is not None:  # the OS error under httpx's own wording
            if isinstance(cause, ConnectionRefusedError):
                return "Connection refused"
            cause = cause.__cause__ or cause.__context__
        return str(error) or "Connect error"
    return str(error) or type(error).__name__


class Dispatcher:
    def __init__(
        self,
        database: Database,
        settings: Settings,
        *,
        holder: str | None = None,
        now: Callable[[], datetime] = datetime.now,  # sub-second: short backoffs matter
    ) -> None:
        self.database = database
        self.settings = settings
        self.policy = policy_of(settings)
        self.holder = holder or f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self.now = now
        self._client: httpx.AsyncClient | None = None
        self._in_flight: set[int] = set()
        self._tasks: set[asyncio.Task[None]] = set()

    # -- the loop ----------------------------------------------------------------------------

    async def run(self, stop: asyncio.Event) -> None:
        """Pass after pass until `stop` is set; errors are logged and the loop goes on.
        Attempts run in the background: a hanging receiver holds one slot, not the loop."""
        try:
            while not stop.is_set():
                started = 0
                try:
                    started = await self.run_once(wait=False)
                except Exception:  # a database outage must not end the dispatcher
                    log.exception("webhook dispatcher pass failed")
                if started == 0:
                    with contextlib.suppress(asyncio.TimeoutError):
                        await asyncio.wait_for(stop.wait(), self.settings.webhook_poll_seconds)
        finally:
            if self._tasks:  # let attempts under way finish and be recorded
                await asyncio.gather(*self._tasks, return_exceptions=True)
            await self.close()
            with contextlib.suppress(Exception):
                await self.database.run(self._tx, self._release)

    async def run_once(self, *, wait: bool = True) -> int:
        """One pass: hold the lease, start attempts for due rows (as many as free slots),
        and (with `wait`) wait for them and their records. The number of attempts started
        (0 when another dispatcher holds the lease)."""
        if not await self.database.run(self._tx, self._take_lease):
            return 0
        free = max(1, self.settings.webhook_concurrency) - len(self._in_flight)
        if free <= 0:
            return 0
        deliveries, endpoints = await self.database.run(self._tx, self._load, free)
        started = []
        for delivery, url_log_id in deliveries:
            self._in_flight.add(delivery.outbox_id)
            endpoint = rules.endpoint_for(delivery.url, endpoints)
            task = asyncio.create_task(self._deliver(delivery, url_log_id, endpoint))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
            started.append(task)
        if wait and started:
            await asyncio.gather(*started, return_exceptions=True)
        return len(started)

    async def _deliver(
        self, delivery: Delivery, url_log_id: int, endpoint: EndpointOptions | None
    ) -> None:
        try:
            result = await self.attempt(delivery, endpoint)
            await self.database.run(self._tx, self._record, delivery, url_log_id, result)
        except Exception:
            log.exception("webhook %s: recording the attempt failed", delivery.outbox_id)
        finally:
            self._in_flight.discard(delivery.outbox_id)

    # -- one HTTP attempt --------------------------------------------------------------------

    @property
    def timeout(self) -> float:
        return min(10.0, self.settings.webhook_timeout_seconds)  # never longer than 10 s

    def client(self) -> httpx.AsyncClient:
        if self._client is None:
            self._client = httpx.AsyncClient(
                follow_redirects=True,
                timeout=httpx.Timeout(self.timeout),
                headers={"Connection": "close"},
            )
            # VICIdial (PHP file()) sends Host and Connection only.
            for name in ("User-Agent", "Accept", "Accept-Encoding"):
                self._client.headers.pop(name, None)
        return self._client

    async def attempt(self, delivery: Delivery, endpoint: EndpointOptions | None) -> Result:
        method = endpoint.method if endpoint is not None else "GET"
        body = b""
        headers: dict[str, str] = {}
        if method == "POST":
            body = rules.json_body(delivery.url_type, delivery.uniqueid, delivery.lead_id,
                                   delivery.url, delivery.created_at)  # fmt: skip
            headers["Content-Type"] = "application/json"
        if endpoint is not None and endpoint.secret:
            headers.update(rules.signature_headers(
                endpoint.secret, delivery.webhook_id, int(time.time()), body))  # fmt: skip
        started = time.monotonic()
        try:
            response = await self.client().request(
                method, rules.wire_target(delivery.url), content=body or None, headers=headers
            )
        except httpx.HTTPError as error:
            return Result(None, error=_network_reason(error), seconds=time.monotonic() - started)
        except Exception as error:  # an unusable URL: never retried into success
            return Result(None, error=str(error) or type(error).__name__,
                          seconds=time.monotonic() - started)  # fmt: skip
        return Result(response.status_code, response.text, seconds=time.monotonic() - started)

    async def close(self) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    # -- database steps (each its own short transaction) --------------------------------------

    def _tx(self, work: Callable[..., T], *args: Any) -> T:
        with self.database.transaction() as conn:
            return work(conn, *args)

    def _take_lease(self, conn: Connection) -> bool:
        return outbox.take_lease(conn, outbox.DISPATCHER_LEASE, self.holder, self.now(),
                                 self.settings.webhook_lease_seconds)  # fmt: skip

    def _release(self, conn: Connection) -> None:
        outbox.release_lease(conn, outbox.DISPATCHER_LEASE, self.holder)

    def _load(
        self, conn: Connection, limit: int
    ) -> tuple[list[tuple[Delivery, int]], list[EndpointOptions]]:
        now = self.now()
        # Rows being sent are not due again until their attempt can no longer be running
        # (if this process dies mid-attempt, another dispatcher takes them up after that).
        hidden_until = now + timedelta(seconds=self.timeout + 5)
        deliveries: list[tuple[Delivery, int]] = []
        for delivery in outbox.due(conn, now, limit + len(self._in_flight)):
            if delivery.outbox_id in self._in_flight or len(deliveries) >= limit:
                continue
            url_log_id = delivery.url_log_id or outbox.begin_url_log(conn, delivery, now)
            outbox.postpone(conn, delivery.outbox_id, hidden_until)
            deliveries.append((delivery, url_log_id))
        endpoints = [EndpointOptions(e.url_prefix, e.method.upper(), e.secret)
                     for e in outbox.endpoints(conn)] if deliveries else []  # fmt: skip
        return deliveries, endpoints

    def _record(
        self, conn: Connection, delivery: Delivery, url_log_id: int, result: Result
    ) -> None:
        now = self.now()
        attempts = delivery.attempts + 1
        step = rules.next_step(self.policy, result, attempts=attempts,
                               created_at=delivery.created_at, now=now)  # fmt: skip
        error = result.error or (f"HTTP {result.status}" if result.retryable or
                                 (result.status or 0) >= 400 else "")  # fmt: skip
        outbox.record_attempt(conn, delivery, url_log_id, Attempt(
            state=step.state, next_attempt_at=step.retry_at, status=result.status, error=error,
            response_sec=int(result.seconds), url_response=url_log.url_log_response(delivery.url, result),
        ), now)  # fmt: skip
        if step.state == rules.DEAD:
            log.warning(
                "webhook %s dead after %d attempt(s): %s", delivery.outbox_id, attempts, error
            )


_DISPATCHER_TABLES = ("leadgate_webhook_outbox", "leadgate_leases")


def _missing_tables(database: Database, names: tuple[str, ...]) -> list[str]:
    with database.engine.connect() as conn:
        inspector = sa_inspect(conn)
        return [name for name in names if not inspector.has_table(name)]


@contextlib.asynccontextmanager
async def webhook_dispatcher(database: Database, settings: Settings) -> AsyncIterator[None]:
    """Run a dispatcher in the background for the lifetime of a server worker (when enabled);
    the lease makes only one of all workers and servers send."""
    from leadgate.domain import webhooks_queue

    webhooks_queue.NEWLEAD_ROWS.ttl = settings.webhook_rows_cache_seconds
    if not settings.webhooks_dispatcher:
        yield
        return
    # On a VICIdial database (storage/schema.py) leadgate's outbox tables exist only after
    # `leadgate init`: without them there is nothing to send, and each pass would only fail.
    missing = await database.run(_missing_tables, database, _DISPATCHER_TABLES)
    if missing:
        log.warning("webhook dispatcher off: the database has no %s (see `leadgate init`)",
                    ", ".join(missing))  # fmt: skip
        yield
        return
    stop = asyncio.Event()
    task = asyncio.create_task(Dispatcher(database, settings).run(stop))
    try:
        yield
    finally:
        stop.set()
        with contextlib.suppress(Exception):
            await asyncio.wait_for(task, settings.webhook_timeout_seconds + 5)

"""The dispatcher against a local receiver: retries, timeouts, dead letters, one lease holder,
opt-in POST with Standard Webhooks signatures, and add_lead not waiting for any of it."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import insert, select
from starlette.testclient import TestClient

from leadgate.delivery.dispatcher import Dispatcher
from leadgate.domain import clock
from leadgate.domain.webhooks_delivery import verify_signature
from leadgate.settings import Settings
from leadgate.storage import outbox
from leadgate.storage.database import Database
from leadgate.storage.tables import leadgate_webhook_outbox, vicidial_url_log, vicidial_url_multi
from tests.webhook_receiver import running_receiver

OB = leadgate_webhook_outbox.c


def _queue(db: Database, url: str, lead_id: int = 42) -> None:
    with db.transaction() as conn:
        outbox.enqueue(conn, url_type="apinewlead", uniqueid=str(lead_id), lead_id=lead_id,
                       urls=[url], now=clock.now())  # fmt: skip


def _rows(db: Database) -> list[dict[str, Any]]:
    with db.transaction() as conn:
        query = select(leadgate_webhook_outbox).order_by(OB.outbox_id)
        return [dict(r) for r in conn.execute(query).mappings()]


def _log_rows(db: Database) -> list[dict[str, Any]]:
    with db.transaction() as conn:
        return [dict(r) for r in conn.execute(select(vicidial_url_log)).mappings()]


def _passes(
    db: Database, settings: Settings, count: int, pause: float = 0.0,
    until: Callable[[], bool] | None = None,
) -> None:  # fmt: skip
    """`count` dispatcher passes, or (with `until`) passes until it holds (10 s at most;
    MySQL rounds DATETIME to whole seconds, so a short backoff can take up to a second)."""
    dispatcher = Dispatcher(db, settings, holder="tests")

    async def run() -> None:
        try:
            if until is None:
                for _ in range(count):
                    await dispatcher.run_once()
                    await asyncio.sleep(pause)
                return
            deadline = time.monotonic() + 10
            while not until() and time.monotonic() < deadline:
                await dispatcher.run_once()
                await asyncio.sleep(0.05)
        finally:
            await dispatcher.close()

    asyncio.run(run())


def test_fails_twice_then_delivered_on_the_third_attempt(
    db: Database, webhook_settings: Settings
) -> None:
    with running_receiver(fail_first=2) as receiver:
        _queue(db, f"{receiver.base}/flaky?lead=42")
        _passes(db, webhook_settings, 0, until=lambda: _rows(db)[0]["state"] != "pending")
        assert receiver.targets() == ["/flaky?lead=42"] * 3
    [row] = _rows(db)
    assert (row["state"], row["attempts"], row["last_status"]) == ("delivered", 3, 200)
    # One vicidial_url_log row per URL, holding the last attempt's answer.
    [log] = _log_rows(db)
    assert (log["uniqueid"], log["url_type"], log["url_response"]) == ("42", "apinewlead", "OK")


def test_out_of_attempts_is_dead_and_retry_sends_it_again(
    db: Database, webhook_settings: Settings
) -> None:
    settings = webhook_settings.model_copy(update={"webhook_max_attempts": 2})
    with running_receiver(fail_first=5) as receiver:
        _queue(db, f"{receiver.base}/flaky")
        _passes(db, settings, 0, until=lambda: _rows(db)[0]["state"] != "pending")
        assert len(receiver.requests) == 2
        [row] = _rows(db)
        assert (row["state"], row["attempts"], row["last_status"]) == ("dead", 2, 503)
        assert _log_rows(db)[0]["url_response"].endswith("HTTP/1.1 503 Service Unavailable\r\n")
        with db.transaction() as conn:
            assert outbox.retry(conn, clock.now()) == 1
        receiver.fail_first = 0
        _passes(db, settings, count=2)
    assert _rows(db)[0]["state"] == "delivered"


def test_a_network_error_is_retried(db: Database, webhook_settings: Settings) -> None:
    with running_receiver() as receiver:
        _queue(db, f"{receiver.base}/gone")
    # The receiver is closed now: a network error → pending again, not dead.
    _passes(db, webhook_settings, count=1)
    [row] = _rows(db)
    assert (row["state"], row["attempts"], row["last_status"]) == ("pending", 1, None)
    assert row["last_error"] == "Connection refused"


def test_a_hanging_receiver_times_out_and_is_retried(
    db: Database, webhook_settings: Settings
) -> None:
    settings = webhook_settings.model_copy(update={"webhook_timeout_seconds": 0.5})
    with running_receiver(hang_seconds=5) as receiver:
        _queue(db, f"{receiver.base}/hang")
        started = time.monotonic()
        _passes(db, settings, count=1)
        assert time.monotonic() - started < 3  # the timeout, not the receiver, ended it
        [row] = _rows(db)
        assert (row["state"], row["attempts"], row["last_error"]) == (
            "pending", 1, "Connection timed out")  # fmt: skip
        assert row["next_attempt_at"] is not None
        _passes(db, settings, 0, until=lambda: _rows(db)[0]["attempts"] >= 2)
        assert len(receiver.requests) == 2
    assert _rows(db)[0]["attempts"] == 2


def test_add_lead_does_not_wait_for_a_hanging_receiver(
    vicidial: Database, webhook_settings: Settings
) -> None:
    """A dispatcher runs inside the app while the receiver hangs: add_lead answers as fast as
    with no webhook at all (well under the hang), and every lead gets its row."""
    settings = webhook_settings.model_copy(
        update={"webhooks_dispatcher": True, "webhook_timeout_seconds": 5.0}
    )
    from leadgate.http.app import create_app

    with running_receiver(hang_seconds=8) as receiver:
        with vicidial.transaction() as conn:
            conn.execute(insert(vicidial_url_multi).values(
                campaign_id="-SYSTEM-API-NEWLEAD-", entry_type="system", active="Y",
                url_type="apinewlead", url_address=f"{receiver.base}/hang?l=--A--lead_id--B--",
            ))  # fmt: skip
        with TestClient(create_app(settings, vicidial)) as api:
            times = []
            for n in range(5):
                started = time.monotonic()
                answer = api.get("/vicidial/non_agent_api.php", params={
                    "user": "6666", "pass": "1234", "source": "test", "function": "add_lead",
                    "phone_number": f"312555{7000 + n}", "list_id": "999"})  # fmt: skip
                times.append(time.monotonic() - started)
                assert answer.text.startswith("SUCCESS: add_lead LEAD HAS BEEN ADDED")
            deadline = time.monotonic() + 5
            while len(receiver.requests) < 5 and time.monotonic() < deadline:
                time.sleep(0.05)
            assert len(receiver.requests) == 5  # all in flight at once, none answered yet
            assert max(times) < 1.0, times
            receiver.release.set()
    assert len(_rows(vicidial)) == 5


def test_only_the_lease_holder_sends(db: Database, webhook_settings: Settings) -> None:
    now = clock.now()
    with db.transaction() as conn:
        assert outbox.take_lease(conn, "x", "a", now, 10)
        assert not outbox.take_lease(conn, "x", "b", now, 10)
        assert outbox.take_lease(conn, "x", "a", now, 10)  # renewal
        assert outbox.take_lease(conn, "x", "b", now + timedelta(seconds=11), 10)  # expired
    with running_receiver() as receiver:
        _queue(db, f"{receiver.base}/one")
        with db.transaction() as conn:
            outbox.take_lease(conn, outbox.DISPATCHER_LEASE, "someone-else", clock.now(), 60)
        _passes(db, webhook_settings, count=2)
        assert receiver.requests == []
        with db.transaction() as conn:
            outbox.release_lease(conn, outbox.DISPATCHER_LEASE, "someone-else")
        _passes(db, webhook_settings, count=1)
        assert receiver.targets() == ["/one"]


def test_concurrent_lease_takers_one_wins(db: Database) -> None:
    winners: list[str] = []
    barrier = threading.Barrier(4)

    def contend(name: str) -> None:
        barrier.wait()
        with db.transaction() as conn:
            if outbox.take_lease(conn, "race", name, clock.now(), 30):
                winners.append(name)

    threads = [threading.Thread(target=contend, args=(f"h{i}",)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(winners) == 1


def test_opt_in_post_with_standard_webhooks_signature(
    db: Database, webhook_settings: Settings
) -> None:
    secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    with running_receiver() as receiver:
        with db.transaction() as conn:
            outbox.set_endpoint(conn, outbox.Endpoint(receiver.base + "/signed", "POST", secret))
        _queue(db, f"{receiver.base}/signed?lead_id=42&fn=Bob+Lee")
        _passes(db, webhook_settings, count=1)
        _queue(db, f"{receiver.base}/signed?lead_id=42&fn=Bob+Lee")  # same event, new row
        [request] = receiver.requests[:1]
    headers = {k.lower(): v for k, v in request.headers}
    assert request.method == "POST" and headers["content-type"] == "application/json"
    assert verify_signature(secret, headers, request.body)
    assert not verify_signature(secret, headers, request.body + b" ")
    assert headers["webhook-id"] == _rows(db)[0]["webhook_id"]
    import json

    payload = json.loads(request.body)
    assert payload["type"] == "vicidial.apinewlead"
    assert payload["data"]["params"] == {"lead_id": "42", "fn": "Bob Lee"}


def test_retries_carry_the_same_webhook_id(db: Database, webhook_settings: Settings) -> None:
    with running_receiver(fail_first=1) as receiver:
        with db.transaction() as conn:
            outbox.set_endpoint(conn, outbox.Endpoint(receiver.base, "GET", "s3cret"))
        _queue(db, f"{receiver.base}/flaky")
        _passes(db, webhook_settings, 0, until=lambda: _rows(db)[0]["state"] != "pending")
        ids = [{k.lower(): v for k, v in r.headers}["webhook-id"] for r in receiver.requests]
    assert len(ids) == 2 and ids[0] == ids[1] == _rows(db)[0]["webhook_id"]


def test_purge_removes_only_finished_rows_older_than_asked(db: Database) -> None:
    old = datetime(2020, 1, 1)
    with db.transaction() as conn:
        for state in ("delivered", "dead", "pending"):
            conn.execute(insert(leadgate_webhook_outbox).values(
                webhook_id=f"msg_{state}", url_type="apinewlead", uniqueid="1", url="http://x/y",
                state=state, attempts=1, created_at=old, next_attempt_at=old,
                finished_at=None if state == "pending" else old))  # fmt: skip
        assert outbox.purge(conn, ["delivered"], old + timedelta(days=1)) == 1
        assert outbox.counts_by_state(conn) == {"pending": 1, "delivered": 0, "dead": 1}


def test_webhooks_run_delivers_on_its_own_and_stops_on_sigint(db: Database) -> None:
    import os
    import signal
    import subprocess
    import sys

    with running_receiver() as receiver:
        _queue(db, f"{receiver.base}/standalone")
        env = dict(os.environ, LEADGATE_WEBHOOK_POLL_SECONDS="0.1")
        process = subprocess.Popen(
            [sys.executable, "-m", "leadgate", "webhooks", "run", "--db", db.url],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )  # fmt: skip
        try:
            deadline = time.monotonic() + 30
            while not receiver.requests and time.monotonic() < deadline:
                time.sleep(0.1)
            assert receiver.targets() == ["/standalone"]
            while _rows(db)[0]["state"] == "pending" and time.monotonic() < deadline:
                time.sleep(0.1)
        finally:
            process.send_signal(signal.SIGINT)
            _, errors = process.communicate(timeout=30)
        assert process.returncode == 0, errors
        assert b"Traceback" not in errors
    assert _rows(db)[0]["state"] == "delivered"
    with db.transaction() as conn:  # the lease is given back on the way out
        assert conn.execute(select(outbox.leadgate_leases)).all() == []

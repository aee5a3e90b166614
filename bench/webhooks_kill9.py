#!/usr/bin/env python3
"""kill -9 test for the webhook outbox, on SQLite, MariaDB or PostgreSQL.

add_lead runs at full speed (several client threads) against `leadgate serve` with an
apinewlead URL pointing at a local receiver; in the middle of the run every leadgate process
is killed with SIGKILL, then the server is started again and the load goes on. At the end the
script waits for the outbox to drain and checks, by lead_id at the receiver:

* every committed lead was delivered at least once,
* nothing was delivered for a lead that does not exist,
* repeated deliveries of a lead carry the same webhook-id (Standard Webhooks header).

usage: bench/webhooks_kill9.py [--backend sqlite|mysql|postgresql] [--seconds 8] [--workers 2]
Exit status 0 when all three hold.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from collections import defaultdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.conformance import KIT, ScratchDatabase, free_port, wait_until_up  # noqa: E402


class Deliveries:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.ids_by_lead: dict[int, set[str]] = defaultdict(set)
        self.count = 0


def start_receiver(deliveries: Deliveries, delay: float) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *_args: Any) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802
            query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
            lead_id = int(query["lead"][0])
            time.sleep(delay)  # deliveries in flight when the kill comes
            with deliveries.lock:
                deliveries.ids_by_lead[lead_id].add(self.headers.get("webhook-id", ""))
                deliveries.count += 1
            self.send_response(200)
            self.send_header("Content-Length", "2")
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(b"OK")

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def start_server(db_url: str, port: int, workers: int) -> subprocess.Popen[bytes]:
    env = dict(os.environ, LEADGATE_WEBHOOK_POLL_SECONDS="0.2", LEADGATE_WEBHOOK_LEASE_SECONDS="3",
               LEADGATE_WEBHOOK_BACKOFF_SECONDS="0.2")  # fmt: skip
    server = subprocess.Popen(
        [sys.executable, "-m", "leadgate", "serve", "--db", db_url, "--port", str(port),
         "--workers", str(workers)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, start_new_session=True,
    )  # fmt: skip
    wait_until_up(f"http://127.0.0.1:{port}", server)
    return server


def load(base: str, stop: threading.Event, counter: list[int], start: int) -> None:
    number = start
    while not stop.is_set():
        number += 1
        query = urllib.parse.urlencode({
            "user": "6666", "pass": "1234", "source": "kill9", "function": "add_lead",
            "phone_number": f"{3120000000 + number}", "list_id": "999",
        })  # fmt: skip
        try:
            with urllib.request.urlopen(f"{base}/vicidial/non_agent_api.php?{query}", timeout=5):
                counter[0] += 1
        except OSError:
            time.sleep(0.05)  # the server is down (killed): try again


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--backend", choices=["sqlite", "mysql", "postgresql"], default="sqlite")
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--clients", type=int, default=6)
    parser.add_argument(
        "--receiver-delay", type=float, default=0.2, help="seconds the receiver takes per delivery"
    )
    args = parser.parse_args()

    import sqlalchemy as sa

    from leadgate.storage.database import normalise_url

    database = ScratchDatabase(args.backend, "kill9")
    deliveries = Deliveries()
    receiver = start_receiver(deliveries, args.receiver_delay)
    server: subprocess.Popen[bytes] | None = None
    try:
        subprocess.run([sys.executable, "-m", "leadgate", "init", "--db", database.url],
                       check=True, stdout=subprocess.DEVNULL)  # fmt: skip
        subprocess.run([sys.executable, str(KIT / "load_fixture.py"), "--db-url", database.url],
                       check=True, stdout=subprocess.DEVNULL)  # fmt: skip
        hook = f"http://127.0.0.1:{receiver.server_address[1]}/hook"
        engine = sa.create_engine(normalise_url(database.url))
        with engine.begin() as conn:
            conn.execute(sa.text(
                "INSERT INTO vicidial_url_multi (campaign_id, entry_type, active, url_type, "
                "url_rank, url_statuses, url_description, url_address, url_lists, url_call_length) "
                "VALUES ('-SYSTEM-API-NEWLEAD-', 'system', 'Y', 'apinewlead', 1, '', '', :u, '', 0)"
            ), {"u": hook + "?lead=--A--lead_id--B--"})  # fmt: skip
            conn.execute(sa.text(
                "INSERT INTO leadgate_webhook_endpoints (url_prefix, method, secret, pass_value) "
                "VALUES (:p, 'GET', 'kill9-secret', '')"), {"p": hook})  # fmt: skip
            first_lead = conn.execute(sa.text("SELECT MAX(lead_id) FROM vicidial_list")).scalar()

        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = start_server(database.url, port, args.workers)
        stop = threading.Event()
        counter = [0]
        clients = [threading.Thread(target=load, args=(base, stop, counter, n * 1_000_000))
                   for n in range(args.clients)]  # fmt: skip
        for client in clients:
            client.start()
        time.sleep(args.seconds / 2)
        os.killpg(server.pid, signal.SIGKILL)  # every leadgate process, mid-run
        server.wait()
        answered_at_kill = counter[0]
        time.sleep(0.5)
        server = start_server(database.url, port, args.workers)
        time.sleep(args.seconds / 2)
        stop.set()
        for client in clients:
            client.join()

        deadline = time.monotonic() + 120
        pending = -1
        while time.monotonic() < deadline:
            with engine.begin() as conn:
                pending = int(conn.execute(sa.text(
                    "SELECT COUNT(*) FROM leadgate_webhook_outbox WHERE state = 'pending'"
                )).scalar_one())  # fmt: skip
            if pending == 0:
                break
            time.sleep(0.5)
        with engine.begin() as conn:
            leads = {int(r[0]) for r in conn.execute(sa.text(
                "SELECT lead_id FROM vicidial_list WHERE lead_id > :f"), {"f": first_lead})}  # fmt: skip
            states = dict(conn.execute(sa.text(
                "SELECT state, COUNT(*) FROM leadgate_webhook_outbox GROUP BY state")).all())  # fmt: skip
        engine.dispose()
    finally:
        if server is not None and server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
        receiver.shutdown()
        database.drop()

    delivered = set(deliveries.ids_by_lead)
    missing = leads - delivered
    phantom = delivered - leads
    split_ids = [lead for lead, ids in deliveries.ids_by_lead.items() if len(ids) != 1]
    repeats = deliveries.count - len(delivered)
    print(f"{args.backend}: {len(leads)} leads committed ({answered_at_kill} answered before the "
          f"kill), {deliveries.count} deliveries, {repeats} repeated, outbox {states}, "
          f"pending left {pending}")  # fmt: skip
    print(f"  committed but never delivered: {len(missing)}; delivered without a lead: "
          f"{len(phantom)}; leads with more than one webhook-id: {len(split_ids)}")  # fmt: skip
    return 0 if not missing and not phantom and not split_ids else 1


if __name__ == "__main__":
    raise SystemExit(main())

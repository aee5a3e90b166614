"""Latency of ordinary requests while clients hammer wrong passwords (issue 8 item 2).

Starts `leadgate serve` on a fresh database (default: SQLite in a temp dir, 1 worker) with two
API users whose passwords are argon2 hashes, then for each scenario:

1. idle: one client (keep-alive) sends authenticated lead_search calls for `--seconds` and
   records each latency;
2. attack: the same, while `--attackers` processes send wrong passwords as fast as the server
   answers them — for an existing user (`known`: it locks after 10 failures), an unknown user
   (`unknown`: a dummy-hash verification each), and a new user name per request (`spray`).

Prints p50/p99 of the ordinary client idle and under attack, their ratio (target: p50 < 2x),
and the attackers' request rate. Example:

    .venv/bin/python bench/login_attack.py --seconds 10
    .venv/bin/python bench/login_attack.py --db-url mysql://root@127.0.0.1/test --workers 2
"""

from __future__ import annotations

import argparse
import multiprocessing
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import httpx  # noqa: E402
from add_lead import running_server  # noqa: E402

from leadgate.domain import clock, database_setup, users  # noqa: E402
from leadgate.domain.actor import Actor  # noqa: E402
from leadgate.storage.database import Database  # noqa: E402
from scripts.seeding import HOST, free_port, scratch_database  # noqa: E402

USER, PASSWORD = "benchuser", "BenchPassword-123"
VICTIM, VICTIM_PASSWORD = "victim", "VictimPassword-456"
PATH = "/vicidial/non_agent_api.php"


def prepare(url: str) -> None:
    database = Database(url)
    try:
        database_setup.upgrade_schema(database)
        with database.unit_of_work(clock.now()) as uow:
            for user, password in ((USER, PASSWORD), (VICTIM, VICTIM_PASSWORD)):
                users.add_administrator(uow, user, password, "Bench", Actor("bench"))
    finally:
        database.dispose()


def ordinary(port: int, seconds: float) -> list[float]:
    latencies: list[float] = []
    params = {"source": "bench", "user": USER, "pass": PASSWORD, "function": "lead_search",
              "phone_number": "3125550000"}  # fmt: skip
    with httpx.Client(base_url=f"http://{HOST}:{port}", timeout=30) as client:
        client.get(PATH, params=params)  # warm: the password is verified once
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            started = time.perf_counter()
            response = client.get(PATH, params=params)
            latencies.append(time.perf_counter() - started)
            assert response.status_code == 200, response.status_code
    return latencies


def attacker(port: int, seconds: float, scenario: str, index: int, counts: list[int]) -> None:
    sent = 0
    with httpx.Client(base_url=f"http://{HOST}:{port}", timeout=30) as client:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            user = {"known": VICTIM, "unknown": "nosuchuser"}.get(scenario, f"s{index}x{sent}")
            client.get(PATH, params={"source": "x", "user": user, "pass": f"wrong{sent}",
                                     "function": "lead_search", "phone_number": "1"})  # fmt: skip
            sent += 1
    counts[index] = sent


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * pct))] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db-url", default=None)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--attackers", type=int, default=8)
    parser.add_argument("--scenarios", default="known,unknown,spray")
    args = parser.parse_args()
    with (
        tempfile.TemporaryDirectory() as tmp,
        scratch_database(args.db_url, Path(tmp), "bench") as url,
    ):
        prepare(url)
        port = free_port()
        with running_server(url, port, args.workers, Path(tmp) / "server.log"):
            idle = ordinary(port, args.seconds)
            print(f"idle: {len(idle)} requests, p50 {percentile(idle, .5):.2f} ms, "
                  f"p99 {percentile(idle, .99):.2f} ms")  # fmt: skip
            for scenario in args.scenarios.split(","):
                manager = multiprocessing.Manager()
                counts = manager.list([0] * args.attackers)
                procs = [multiprocessing.Process(target=attacker,
                                                 args=(port, args.seconds, scenario, i, counts))
                         for i in range(args.attackers)]  # fmt: skip
                for proc in procs:
                    proc.start()
                time.sleep(0.5)  # the attack is under way
                busy = ordinary(port, args.seconds - 1)
                for proc in procs:
                    proc.join()
                ratio = percentile(busy, 0.5) / percentile(idle, 0.5)
                print(f"attack {scenario:8s}: {len(busy)} requests, p50 {percentile(busy, .5):.2f} ms"
                      f" ({ratio:.2f}x idle), p99 {percentile(busy, .99):.2f} ms; attackers "
                      f"{sum(counts)} requests ({sum(counts) / args.seconds:.1f}/s)")  # fmt: skip
                manager.shutdown()
        print(f"mean idle latency {statistics.mean(idle) * 1000:.2f} ms")


if __name__ == "__main__":
    main()

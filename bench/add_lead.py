"""Benchmark: leadgate's add_lead (and friends) over HTTP, against the bare database ceiling.

What one run does, every step bounded in time and bound to 127.0.0.1 only:

1. Creates a fresh database: a sqlite file in a temporary directory by default, or with
   ``--db-url mysql://root@127.0.0.1/x`` / ``postgresql://postgres@127.0.0.1/x`` a new database
   ``leadgate_bench_<pid>`` on that server (dropped again at the end). It creates the schema
   and, directly through leadgate's domain/storage layers, one API user, campaign ``BENCH``
   (campaign DNC on), list 1001 with a custom field table ``custom_1001``, 10 000 system and
   campaign DNC numbers and 20 000 leads (for the update_lead / lead_search scenarios).
2. Counts the database round trips of one ``plain`` add_lead, in-process (the app over httpx's
   ASGI transport, a ``before_cursor_execute`` counter on the engine): cold (first call, the
   password not yet verified) and warm.
3. Measures the ceiling: the bare database doing what a plain add_lead must do at the least —
   duplicate-check SELECT + INSERT vicidial_list + INSERT vicidial_api_log in one transaction,
   SQLAlchemy Core on the same URL and engine settings, in a tight loop for --duration seconds
   (1 thread on SQLite, whose writes are serialised anyway; --connections threads on servers).
4. Starts ``python -m leadgate serve --db URL --port P --workers N`` and drives it with ``wrk``
   (a second process, --connections concurrent connections; a generated Lua script makes a
   random phone number per request) for --duration seconds per scenario:

   ``plain``        add_lead dnc_check=Y duplicate_check=DUPLIST add_to_hopper=N
   ``heavy``        add_lead duplicate_check=DUPCAMP dnc_check=Y campaign_dnc_check=Y
                    add_to_hopper=Y custom_fields=Y (custom_1001.favorite_color)
   ``update_id``    update_lead by lead_id (random seeded lead)
   ``update_vendor`` update_lead search_method=VENDOR_LEAD_CODE (random seeded lead)
   ``lead_search``  lead_search by phone_number (random seeded lead)

   and prints requests/s, p50 and p99 latency, and how many answers began with SUCCESS, NOTICE
   or ERROR (scenarios whose function is not implemented yet simply show ERROR answers).
5. Stops the server (its whole process group) and removes what it created.

Usage (from the repository root)::

    .venv/bin/python bench/add_lead.py                       # sqlite, all scenarios, 10 s each
    .venv/bin/python bench/add_lead.py --duration 5 --scenario plain --scenario heavy
    .venv/bin/python bench/add_lead.py --db-url mysql://root@127.0.0.1/test --workers 2

``--analyze`` runs ANALYZE after seeding. On SQLite this matters a lot: without planner
statistics SQLite answers "phone_number = ? AND list_id = ?" through the list_id index (every
lead of the list is scanned) instead of the phone_number index.

Needs ``wrk`` on the PATH (Debian/Ubuntu: ``apt-get install wrk``). Not a test: nothing in CI.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import (  # noqa: E402
    Column,
    Engine,
    Integer,
    MetaData,
    String,
    Table,
    bindparam,
    event,
    insert,
    select,
)

from leadgate.storage import dnc as dnc_store  # noqa: E402
from leadgate.storage.database import Database, create_db_engine, normalise_url  # noqa: E402
from leadgate.storage.tables import (  # noqa: E402
    vicidial_api_log,
    vicidial_list,
    vicidial_lists_fields,
)
from scripts.seeding import HOST, ApiSeed, free_port, scratch_database, seed_database  # noqa: E402

API_USER = "benchapi"
API_PASS = "Bench-pass-2026"
CAMPAIGN = "BENCH"
LIST_ID = 1001
SEEDED_LEADS = 20_000
SEEDED_DNC = 10_000
SEED_PHONE_BASE = 7_000_000_000  # seeded leads: phone 7000000000 + n, vendor_lead_code BV<n>
NON_AGENT = "/vicidial/non_agent_api.php"
ALL_SCENARIOS = ("plain", "heavy", "update_id", "update_vendor", "lead_search")

COMMON = {"source": "bench", "user": API_USER, "pass": API_PASS}
ADD_LEAD = {**COMMON, "function": "add_lead", "list_id": str(LIST_ID), "phone_code": "1",
            "first_name": "Bench", "last_name": "Mark", "city": "Chicago", "state": "IL",
            "postal_code": "60601"}  # fmt: skip
SCENARIO_PARAMS: dict[str, dict[str, str]] = {
    "plain": {**ADD_LEAD, "dnc_check": "Y", "duplicate_check": "DUPLIST", "add_to_hopper": "N"},
    "heavy": {**ADD_LEAD, "dnc_check": "Y", "duplicate_check": "DUPCAMP",
              "campaign_dnc_check": "Y", "add_to_hopper": "Y", "custom_fields": "Y",
              "favorite_color": "blue"},
    "update_id": {**COMMON, "function": "update_lead", "search_method": "LEAD_ID",
                  "first_name": "Updated", "comments": "bench update"},
    "update_vendor": {**COMMON, "function": "update_lead", "search_method": "VENDOR_LEAD_CODE",
                      "first_name": "Updated", "comments": "bench update"},
    "lead_search": {**COMMON, "function": "lead_search", "search_method": "PHONE_NUMBER"},
}  # fmt: skip
# The request parameter each scenario randomises, and how (Lua expression).
RANDOM_PARAM = {
    "plain": ("phone_number", 'string.format("%d%07d", math.random(201, 989), math.random(0, 9999999))'),
    "heavy": ("phone_number", 'string.format("%d%07d", math.random(201, 989), math.random(0, 9999999))'),
    "update_id": ("lead_id", "tostring(math.random(LEAD_MIN, LEAD_MAX))"),
    "update_vendor": ("vendor_lead_code", '"BV" .. math.random(0, SEEDED - 1)'),
    "lead_search": ("phone_number", "tostring(PHONE_BASE + math.random(0, SEEDED - 1))"),
}  # fmt: skip


@dataclass
class Result:
    name: str
    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    errors: int = 0
    outcomes: str = ""
    sample: str = ""

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


# --- database --------------------------------------------------------------------------------


SEED = ApiSeed(actor="bench", user=API_USER, password=API_PASS, full_name="Benchmark",
               campaign_id=CAMPAIGN, campaign_name="Benchmark", list_id=LIST_ID,
               list_name="Benchmark", dnc=("Y", "Y"))  # fmt: skip


def prepare(url: str, analyze: bool = False) -> tuple[int, int]:
    """Schema, API user, campaign, list (scripts/seeding.py) + custom table, DNC numbers and
    seed leads.

    Returns the range of seeded lead ids.
    """
    database = Database(url)
    try:
        now = datetime.now().replace(microsecond=0)
        seed_database(database, SEED, now)
        with database.transaction() as conn:
            conn.execute(insert(vicidial_lists_fields).values(
                list_id=LIST_ID, field_label="favorite_color", field_name="Favorite color",
                field_rank=1, field_order=1, field_type="TEXT", field_size=20, field_max=100,
            ))  # fmt: skip
        custom = Table(f"custom_{LIST_ID}", MetaData(),
                       Column("lead_id", Integer, primary_key=True, autoincrement=False),
                       Column("favorite_color", String(100)))  # fmt: skip
        custom.create(database.engine)
        rng = random.Random(7)
        dnc = sorted({f"{rng.randint(201, 989)}{rng.randint(0, 9_999_999):07d}"
                      for _ in range(SEEDED_DNC)})  # fmt: skip
        leads = [
            {
                "entry_date": now,
                "modify_date": now,
                "status": "NEW",
                "user": API_USER,
                "vendor_lead_code": f"BV{n}",
                "list_id": LIST_ID,
                "phone_code": "1",
                "phone_number": str(SEED_PHONE_BASE + n),
                "first_name": "Seed",
                "last_name": f"Lead{n}",
                "gmt_offset_now": -5,
                "entry_list_id": 0,
                "rank": 0,
                "called_count": 0,
            }  # fmt: skip
            for n in range(SEEDED_LEADS)
        ]
        with database.transaction() as conn:
            dnc_store.insert_phones(conn, dnc, None)
            dnc_store.insert_phones(conn, dnc[::2], CAMPAIGN)
            for start in range(0, len(leads), 5000):
                conn.execute(insert(vicidial_list), leads[start : start + 5000])
            ids = conn.execute(select(vicidial_list.c.lead_id).order_by(vicidial_list.c.lead_id))
            lead_ids = [int(row[0]) for row in ids]
        if analyze:
            # Without statistics SQLite may pick the list_id index for "phone AND list_id".
            with database.engine.connect() as conn:
                conn.exec_driver_sql("ANALYZE")
                conn.commit()
        return lead_ids[0], lead_ids[-1]
    finally:
        database.dispose()


# --- round trips -----------------------------------------------------------------------------


def count_round_trips(url: str, scenario: str = "plain") -> tuple[int, int, list[str]]:
    """Statements sent to the database by one add_lead of `scenario`: cold, warm, and the warm
    ones (BEGIN counts as one; COMMIT is not a cursor execute and does not)."""
    import httpx

    from leadgate.http.app import create_app
    from leadgate.settings import load_settings

    database = Database(url)
    statements: list[str] = []

    @event.listens_for(database.engine, "before_cursor_execute")
    def _count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(" ".join(statement.split())[:90])

    app = create_app(load_settings(db_url=url), database)

    async def call(phone: str) -> str:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url=f"http://{HOST}") as client:
            params = {**SCENARIO_PARAMS[scenario], "phone_number": phone}
            response = await client.get(NON_AGENT, params=params)
            return response.text

    try:
        first = 3125550100 + 10 * list(SCENARIO_PARAMS).index(scenario)  # unique per scenario
        asyncio.run(call(str(first)))
        cold = len(statements)
        statements.clear()
        answer = asyncio.run(call(str(first + 1))).strip().replace("\n", " / ")
        warm = list(statements)
    finally:
        database.dispose()
    return cold, len(warm), [f"answer: {answer[:160]}", *warm]


# --- ceiling ---------------------------------------------------------------------------------

_dup_check = (
    select(vicidial_list.c.lead_id)
    .where(vicidial_list.c.phone_number == bindparam("phone"),
           vicidial_list.c.list_id == bindparam("list_id"))
    .limit(1)
)  # fmt: skip
_insert_lead = insert(vicidial_list)
_insert_log = insert(vicidial_api_log)


def _one_insert(engine: Engine, phone: str) -> None:
    now = datetime.now().replace(microsecond=0)
    with engine.begin() as conn:
        conn.execute(_dup_check, {"phone": phone, "list_id": LIST_ID}).first()
        lead_id = conn.execute(_insert_lead, {
            "entry_date": now, "modify_date": now, "status": "NEW", "user": API_USER,
            "vendor_lead_code": "", "source_id": "", "list_id": LIST_ID, "phone_code": "1",
            "phone_number": phone, "first_name": "Bench", "last_name": "Mark", "city": "Chicago",
            "state": "IL", "postal_code": "60601", "gmt_offset_now": -5, "entry_list_id": 0,
            "rank": 0, "called_count": 0, "owner": "", "called_since_last_reset": "N",
        }).inserted_primary_key[0]  # type: ignore[index]  # fmt: skip
        conn.execute(_insert_log, {
            "user": API_USER, "agent_user": API_USER, "function": "add_lead", "value": phone,
            "result": "SUCCESS", "result_reason": "add_lead LEAD HAS BEEN ADDED",
            "source": "bench", "data": f"{phone}|{LIST_ID}|{lead_id}|-5|{API_USER}",
            "api_date": now, "api_script": "non-agent", "run_time": "0",
        })  # fmt: skip


def measure_ceiling(url: str, seconds: float, threads: int) -> Result:
    engine = create_db_engine(url)
    latencies: list[list[float]] = [[] for _ in range(threads)]
    deadline = time.monotonic() + seconds

    def worker(index: int) -> None:
        rng = random.Random(index)
        mine = latencies[index]
        while time.monotonic() < deadline:
            phone = f"{rng.randint(201, 989)}{rng.randint(0, 9_999_999):07d}"
            started = time.perf_counter()
            _one_insert(engine, phone)
            mine.append(time.perf_counter() - started)

    started = time.monotonic()
    pool = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join(seconds + 60)
    elapsed = time.monotonic() - started
    engine.dispose()
    merged = sorted(x for mine in latencies for x in mine)
    return Result(name=f"ceiling ({threads} thread{'s' if threads > 1 else ''})",
                  requests=len(merged), seconds=elapsed, p50_ms=_percentile(merged, 50) * 1000,
                  p99_ms=_percentile(merged, 99) * 1000, outcomes="bare SQL")  # fmt: skip


def _percentile(ordered: list[float], pct: float) -> float:
    if not ordered:
        return 0.0
    if len(ordered) == 1:
        return ordered[0]
    return statistics.quantiles(ordered, n=100, method="inclusive")[int(pct) - 1]


# --- server and wrk --------------------------------------------------------------------------


@contextmanager
def running_server(url: str, port: int, workers: int, log: Path) -> Iterator[None]:
    command = [sys.executable, "-m", "leadgate", "serve", "--db", url, "--host", HOST,
               "--port", str(port), "--workers", str(workers)]  # fmt: skip
    with log.open("wb") as out:
        # Own session: the server and its worker processes can be stopped as one group.
        server = subprocess.Popen(command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
                                  start_new_session=True)  # fmt: skip
    try:
        wait_until_healthy(server, port, log)
        yield
    finally:
        stop(server)


def wait_until_healthy(server: subprocess.Popen[bytes], port: int, log: Path) -> None:
    import httpx

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"server exited early:\n{log.read_text()[-2000:]}")
        with suppress(httpx.HTTPError):
            if httpx.get(f"http://{HOST}:{port}/health", timeout=2).text == "OK\n":
                return
        time.sleep(0.2)
    raise SystemExit(f"server not healthy within 60 s:\n{log.read_text()[-2000:]}")


def stop(server: subprocess.Popen[bytes]) -> None:
    if server.poll() is not None:
        return
    with suppress(ProcessLookupError):
        os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        with suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=5)


LUA_TEMPLATE = r"""
-- generated by bench/add_lead.py
local LEAD_MIN, LEAD_MAX, SEEDED, PHONE_BASE = %(lead_min)d, %(lead_max)d, %(seeded)d, %(phone_base)d
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() * 100 + id)
  success, notice, failure, other = 0, 0, 0, 0
  sample = ""
end

request = function()
  local value = %(random_expr)s
  return wrk.format("GET", "%(path)s?%(query)s&%(param)s=" .. value)
end

response = function(status, headers, body)
  local head = string.sub(body, 1, 7)
  if head == "SUCCESS" then success = success + 1
  elseif head == "NOTICE:" then notice = notice + 1
  elseif string.sub(body, 1, 6) == "ERROR:" then failure = failure + 1
  else other = other + 1 end
  if sample == "" then sample = string.sub(body, 1, 160) end
end

done = function(summary, latency, requests)
  local s, n, f, o, first = 0, 0, 0, 0, ""
  for _, t in ipairs(threads) do
    s = s + t:get("success"); n = n + t:get("notice")
    f = f + t:get("failure"); o = o + t:get("other")
    if first == "" then first = t:get("sample") end
  end
  first = (string.gsub(first, "\n", " / "))
  first = (string.gsub(first, '[%%c\\"]', " "))
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests": %%d, "duration_us": %%d, "p50_us": %%d, "p99_us": %%d, ' ..
    '"errors": %%d, "success": %%d, "notice": %%d, "error": %%d, "other": %%d, "sample": %%q}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.status + e.timeout, s, n, f, o, first))
end
"""


def lua_script(scenario: str, lead_range: tuple[int, int]) -> str:
    param, expression = RANDOM_PARAM[scenario]
    return LUA_TEMPLATE % {
        "lead_min": lead_range[0], "lead_max": lead_range[1], "seeded": SEEDED_LEADS,
        "phone_base": SEED_PHONE_BASE, "random_expr": expression, "path": NON_AGENT,
        "query": urlencode(SCENARIO_PARAMS[scenario]), "param": param,
    }  # fmt: skip


def run_wrk(scenario: str, port: int, args: argparse.Namespace, lead_range: tuple[int, int],
            workdir: Path, seconds: float) -> Result:  # fmt: skip
    script = workdir / f"{scenario}.lua"
    script.write_text(lua_script(scenario, lead_range))
    threads = max(1, min(args.wrk_threads, args.connections))
    command = ["wrk", "-t", str(threads), "-c", str(args.connections), "-d", f"{seconds:g}s",
               "--timeout", "10s", "-s", str(script), f"http://{HOST}:{port}{NON_AGENT}"]  # fmt: skip
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60)
    except subprocess.TimeoutExpired:
        return Result(scenario, 0, seconds, 0, 0, outcomes="wrk timed out")
    line = next((x for x in done.stdout.splitlines() if x.startswith("BENCH_JSON ")), None)
    if line is None:
        return Result(scenario, 0, seconds, 0, 0, outcomes=f"wrk failed: {done.stderr[-200:]}")
    try:
        data = _lua_json(line.removeprefix("BENCH_JSON "))
    except ValueError:  # an answer with bytes JSON cannot carry: parse without the sample
        data = _lua_json(line.removeprefix("BENCH_JSON ").split(', "sample"')[0] + "}")
    outcomes = (f"SUCCESS {data['success']} · NOTICE {data['notice']} · "
                f"ERROR {data['error']}" + (f" · data lines {data['other']}" if data["other"] else ""))  # fmt: skip
    return Result(scenario, int(data["requests"]), data["duration_us"] / 1e6,
                  data["p50_us"] / 1000, data["p99_us"] / 1000, errors=int(data["errors"]),
                  outcomes=outcomes, sample=str(data.get("sample", "")).strip())  # fmt: skip


def _lua_json(text: str) -> dict[str, Any]:
    """wrk's %q quoting is Lua's: close to JSON except for escaped newlines ('\\' + newline)."""
    return dict(json.loads(text.replace("\\\n", "\\n")))


# --- main ------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db-url", default=None,
                        help="sqlite (default: a temp file) or a mysql:// / postgresql:// server "
                             "URL; a fresh database is created on it and dropped afterwards")  # fmt: skip
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per scenario")
    parser.add_argument("--connections", type=int, default=8, help="concurrent connections")
    parser.add_argument("--workers", type=int, default=1, help="leadgate server processes")
    parser.add_argument("--wrk-threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--scenario", action="append", choices=[*ALL_SCENARIOS, "all"],
                        help="repeatable; default all")  # fmt: skip
    parser.add_argument("--skip-ceiling", action="store_true", help="do not measure the ceiling")
    parser.add_argument("--analyze", action="store_true",
                        help="run ANALYZE after seeding (planner statistics; see the README)")  # fmt: skip
    parser.add_argument("--show-statements", action="store_true",
                        help="print the SQL of the warm add_lead round trips")  # fmt: skip
    args = parser.parse_args(argv)
    chosen = args.scenario or ["all"]
    args.scenarios = list(ALL_SCENARIOS) if "all" in chosen else list(dict.fromkeys(chosen))
    if not 1 <= args.duration <= 600:
        parser.error("--duration must be 1-600 seconds")
    if not 1 <= args.connections <= 1000:
        parser.error("--connections must be 1-1000")
    return args


def print_results(results: list[Result], backend: str, args: argparse.Namespace) -> None:
    stats = ", ANALYZEd" if args.analyze else ""
    print(f"\nleadgate add_lead benchmark — {backend}{stats}, {args.workers} worker(s), "
          f"{args.connections} connections, {args.duration:g} s per scenario")  # fmt: skip
    header = f"{'scenario':<22}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'requests':>10}  answers"
    print(header)
    print("-" * len(header))
    for r in results:
        socket_errors = f" · socket/HTTP errors {r.errors}" if r.errors else ""
        print(f"{r.name:<22}{r.rate:>9.0f}{r.p50_ms:>9.2f}{r.p99_ms:>9.2f}{r.requests:>10}  "
              f"{r.outcomes}{socket_errors}")  # fmt: skip
    samples = [r for r in results if r.sample]
    if samples:
        print("\nfirst answer per scenario:")
        for r in samples:
            print(f"  {r.name:<14} {r.sample[:150]}")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.scenarios and shutil.which("wrk") is None:
        print("error: wrk is not installed (needed to drive HTTP load). Install it with\n"
              "  apt-get update && apt-get install -y wrk   (Debian/Ubuntu)\n"
              "  brew install wrk                           (macOS)", file=sys.stderr)  # fmt: skip
        return 2
    with tempfile.TemporaryDirectory(prefix="leadgate-bench-") as tmp:
        workdir = Path(tmp)
        with scratch_database(args.db_url, workdir, "bench") as url:
            return run(args, url, workdir)


def run(args: argparse.Namespace, url: str, workdir: Path) -> int:
    backend = normalise_url(url).get_backend_name()
    step("preparing a fresh database")
    lead_range = prepare(url, args.analyze)
    step("counting database round trips of one plain and one heavy add_lead")
    trips = {name: count_round_trips(url, name) for name in ("plain", "heavy")}
    results: list[Result] = []
    if not args.skip_ceiling:
        threads = 1 if backend == "sqlite" else args.connections
        step(f"measuring the bare-database ceiling for {args.duration:g} s")
        results.append(measure_ceiling(url, args.duration, threads))
    port = free_port()
    step(f"starting leadgate on {HOST}:{port} ({args.workers} worker(s))")
    with running_server(url, port, args.workers, workdir / "server.log"):
        step("warming up (1 s)")
        run_wrk("plain", port, args, lead_range, workdir, 1)
        for scenario in args.scenarios:
            step(f"wrk: {scenario} for {args.duration:g} s")
            results.append(run_wrk(scenario, port, args, lead_range, workdir, args.duration))
    print_results(results, backend, args)
    for name, (cold, warm, statements) in trips.items():
        print(f"\ndatabase round trips for one {name} add_lead: {warm} warm, {cold} cold "
              "(cold = first call in the process, also verifying the password) + COMMIT")  # fmt: skip
        print(f"  {statements[0]}")
        if args.show_statements:
            for statement in statements[1:]:
                print(f"  - {statement}")
    return 0


def step(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def _exit_on_sigterm() -> None:
    """SIGTERM unwinds through the `finally` blocks (server stopped, database dropped), as
    Ctrl-C already does."""

    def handler(signum: int, _frame: Any) -> None:
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, handler)


if __name__ == "__main__":
    _exit_on_sigterm()
    sys.exit(main())

"""Fuzz a live `leadgate serve`: hostile requests to every endpoint, then the verdict.

    .venv/bin/python scripts/fuzz.py --requests 100000                       # SQLite
    .venv/bin/python scripts/fuzz.py --db-url mysql://root@127.0.0.1/test --requests 100000
    .venv/bin/python scripts/fuzz.py --db-url postgresql://postgres@127.0.0.1/postgres

Starts the server on a fresh database (SQLite in a temp dir, or a new `leadgate_fuzz_<pid>`
database on the given server, dropped afterwards) with an API user, an agent with a live
session, a campaign and a list, and sends `--requests` generated requests (seeded: the same
seed sends the same requests): both APIs and /API/lmapi.php, every function and parameter
leadgate knows, valid values, hostile bytes, huge values, repeated and malformed parameters,
huge and malformed bodies, odd methods and paths; right, wrong and missing passwords.

Passes when: no HTTP 5xx, no `SYSTEM ERROR` line, no traceback in the server log, no password
in any reply, log line or table, and the worker's RSS grew less than 20 % from the warm-up
point (after 10 % of the requests) to the end. Exit status 0 = pass.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
from sqlalchemy import String, Text, insert, inspect, select, text  # noqa: E402

from leadgate.domain import users  # noqa: E402
from leadgate.domain.actor import Actor  # noqa: E402
from leadgate.storage.database import Database  # noqa: E402
from leadgate.storage.tables import metadata, vicidial_live_agents, vicidial_users  # noqa: E402
from leadgate.wire.agent.functions import AGENT_FUNCTIONS  # noqa: E402
from leadgate.wire.nonagent.functions import NON_AGENT_FUNCTIONS  # noqa: E402
from scripts.seeding import HOST, ApiSeed, free_port, scratch_database, seed_database  # noqa: E402

API_USER, API_PASSWORD = "fuzzapi", "FuzzApiPassword-7Qx"
AGENT, AGENT_PASSWORD = "fuzzagent", "FuzzAgentPassword-3Kz"
WRONG_PASSWORDS = ("FuzzWrongPassword-9Lm", "FuzzOtherWrong-2Pn")
PASSWORDS = (API_PASSWORD, AGENT_PASSWORD, *WRONG_PASSWORDS)
PATHS = ("/vicidial/non_agent_api.php", "/agc/api.php", "/API/lmapi.php")
ODD_PATHS = ("/", "/agc/", "/vicidial/non_agent_api.php/x", "/%00", "/health", "/nope.php",
             "//vicidial/non_agent_api.php", "/agc/api.php?", "/API/LMAPI.PHP")  # fmt: skip
METHODS = ("GET",) * 8 + ("POST",) * 8 + ("PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE")

PARAMS = (
    "function", "source", "user", "pass", "agent_user", "value", "phone_number", "phone_code",
    "list_id", "campaign_id", "lead_id", "vendor_lead_code", "vendor_id", "source_id",
    "first_name", "last_name", "middle_initial", "title", "address1", "address2", "address3",
    "city", "state", "province", "postal_code", "country_code", "gender", "date_of_birth",
    "alt_phone", "email", "security_phrase", "comments", "rank", "owner", "gmt_offset_now",
    "dnc_check", "campaign_dnc_check", "duplicate_check", "add_to_hopper", "hopper_priority",
    "hopper_local_call_time_check", "callback", "callback_status", "callback_datetime",
    "callback_type", "callback_user", "callback_comments", "custom_fields", "lookup_state",
    "list_exists_check", "usacan_prefix_check", "usacan_areacode_check", "nanpa_ac_prefix_check",
    "multi_alt_phones", "entry_list_id", "search_method", "search_location", "insert_if_not_found",
    "records", "no_update", "delete_lead", "delete_cf_data", "reset_lead", "update_phone_number",
    "status", "called_count", "archived_lead", "header", "stage", "field_name", "lead_ids",
    "search", "preview", "focus", "dial_prefix", "group_alias", "alt_user", "alt_dial",
    "dial_ingroup", "outbound_cid", "ingroup_choices", "consultative", "cid_choice",
    "pause_code", "notes", "qm_dispo_code", "timer_action", "timer_action_message",
    "timer_action_seconds", "timer_action_destination", "user_field_one", "favorite_color",
    "formreload", "scriptreload", "agent_pass", "phone_pass", "phone_login", "callback_id",
    "date", "format", "DB", "sql",
)  # fmt: skip

HOSTILE = (
    "", " ", "'", '"', "\\", ";", "--", "' OR '1'='1", "1; DROP TABLE vicidial_list;--",
    "%", "%%", "%zz", "%0", "%00", "\x00", "\x00abc", "\r\n", "\r\nX-Injected: 1", "\t",
    "<script>alert(1)</script>", "${jndi:ldap://x}", "{{7*7}}", "../../etc/passwd", "|", "||",
    "&", "=", "+", "++", "é", "€", "😀", "\ud800", "\uffff", "ä" * 300, "-1", "0", "-0",
    "99999999999999999999999999", "1e309", "NaN", "null", "None", "true", "[]", "{}", "0x1F",
    "2026-02-30", "0000-00-00 00:00:00", "9999-99-99", "today", "NOW", "-ALL-", "---ALL---",
    "A" * 20, "A" * 21, "1" * 100, "Y", "N", "X", "ALL", "DUPLIST", "DUPCAMP", "DUPSYS",
    "DUPTITLEALTPHONELIST", "PAUSE", "RESUME", "SALE", "LOGOUT", "ALL_FUNCTIONS",
)  # fmt: skip


@dataclass
class Verdict:
    sent: int = 0
    statuses: Counter[int] = field(default_factory=Counter)
    server_errors: list[str] = field(default_factory=list)
    system_errors: list[str] = field(default_factory=list)
    leaks_in_replies: list[str] = field(default_factory=list)
    transport_errors: Counter[str] = field(default_factory=Counter)
    rss_warm_mb: float = 0.0
    rss_end_mb: float = 0.0
    tracebacks: int = 0
    slowest: list[tuple[float, str]] = field(default_factory=list)
    first_traceback: str = ""
    leaks_in_log: int = 0
    leaks_in_tables: list[str] = field(default_factory=list)

    @property
    def rss_growth(self) -> float:
        return self.rss_end_mb / self.rss_warm_mb - 1 if self.rss_warm_mb else 0.0

    @property
    def passed(self) -> bool:
        return not (self.server_errors or self.system_errors or self.leaks_in_replies
                    or self.tracebacks or self.leaks_in_log or self.leaks_in_tables
                    or self.rss_growth >= 0.20)  # fmt: skip

    def summary(self) -> dict[str, Any]:
        return {
            "requests": self.sent, "statuses": dict(sorted(self.statuses.items())),
            "5xx": len(self.server_errors), "system_error_lines": len(self.system_errors),
            "tracebacks": self.tracebacks, "password_in_replies": len(self.leaks_in_replies),
            "password_in_log": self.leaks_in_log, "password_in_tables": self.leaks_in_tables,
            "transport_errors": dict(self.transport_errors),
            "rss_warm_mb": round(self.rss_warm_mb, 1), "rss_end_mb": round(self.rss_end_mb, 1),
            "rss_growth_pct": round(self.rss_growth * 100, 1),
            "examples": (self.server_errors + self.system_errors + self.leaks_in_replies)[:5],
            "slowest": [f"{seconds:.2f}s {line}" for seconds, line in self.slowest[:3]],
            "first_traceback": self.first_traceback,
            "passed": self.passed,
        }  # fmt: skip


# -- generated requests ------------------------------------------------------------------------


class Generator:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.functions = [s.name for s in NON_AGENT_FUNCTIONS] + [s.name for s in AGENT_FUNCTIONS]

    def value(self) -> str:
        rng = self.rng
        roll = rng.random()
        if roll < 0.35:
            return rng.choice(HOSTILE)
        if roll < 0.55:
            return str(rng.choice([rng.randint(0, 999), rng.randint(2000000000, 9999999999),
                                   101, 1000, 3125551234]))  # fmt: skip
        if roll < 0.75:
            return "".join(chr(rng.randint(32, 126)) for _ in range(rng.randint(1, 40)))
        if roll < 0.85:
            return "".join(chr(rng.randint(0, 0x2FFF)) for _ in range(rng.randint(1, 20)))
        if roll < 0.98:
            return rng.choice(["TESTCAMP", "101", "102", AGENT, API_USER, "NEW", "Y"])
        return rng.choice("9é'%") * rng.choice([300, 5000, 70_000])

    def encode(self, name: str, value: str) -> str:
        if self.rng.random() < 0.1:  # raw: malformed escapes, bare bytes
            keep = "%'\"<>;|\\{}$[]@!*()+,:/?=~^`"
            raw = f"{name}={value}".encode("utf-8", "replace")
            return quote(raw, safe=keep)
        raw_name, raw_value = (t.encode("utf-8", "surrogatepass") for t in (name, value))
        return f"{quote(raw_name, safe='')}={quote(raw_value, safe='')}"

    def request(self) -> tuple[str, str, dict[str, str], bytes | None]:
        """method, url, headers, body"""
        rng = self.rng
        path = rng.choice(ODD_PATHS) if rng.random() < 0.03 else rng.choice(PATHS)
        method = rng.choice(METHODS)
        agent = path == "/agc/api.php"
        pairs: list[tuple[str, str]] = [("source", "fuzz")]
        roll = rng.random()
        user, password = (AGENT, AGENT_PASSWORD) if agent and rng.random() < 0.2 else (
            API_USER, API_PASSWORD)  # fmt: skip
        if roll < 0.80:
            pairs += [("user", user), ("pass", password)]
        elif roll < 0.90:
            pairs += [("user", rng.choice([user, "nobody", "6666"])),
                      ("pass", rng.choice(WRONG_PASSWORDS))]  # fmt: skip
        elif roll < 0.95:
            pairs += [("user", self.value()), ("pass", self.value())]
        pairs.append(("function", rng.choice(self.functions) if rng.random() < 0.92
                      else self.value()))  # fmt: skip
        if agent:
            pairs.append(("agent_user", AGENT if rng.random() < 0.8 else self.value()))
        for _ in range(rng.randint(0, 12)):
            pairs.append((rng.choice(PARAMS) if rng.random() < 0.95 else self.value(),
                          self.value()))  # fmt: skip
        if rng.random() < 0.2:  # a credential last: the Agent API's `value` quirk
            pairs.append((rng.choice(["pass", "agent_pass", "phone_pass"]), password))
        rng.shuffle(pairs[1:-1]) if rng.random() < 0.3 else None
        form = "&".join(self.encode(n, v) for n, v in pairs)
        headers: dict[str, str] = {}
        body: bytes | None = None
        if len(form) > 60_000:  # too long for a URL (httpx refuses > 64 KB): post it
            method = "POST"
        if len(form) <= 60_000 and (
            method in ("GET", "HEAD", "DELETE", "OPTIONS", "TRACE") or rng.random() < 0.3
        ):
            url = f"{path}?{form}"
            if method == "POST" and rng.random() < 0.5:
                body = b""
        else:
            url = path if rng.random() < 0.7 else f"{path}?{self.encode('function', 'version')}"
            body, headers = self.body(form)
        return method, url, headers, body

    def body(self, form: str) -> tuple[bytes, dict[str, str]]:
        rng = self.rng
        roll = rng.random()
        form_type = {"content-type": "application/x-www-form-urlencoded"}
        if roll < 0.70:
            return form.encode("utf-8", "surrogatepass"), form_type
        if roll < 0.75:
            boundary = "fuzzb"
            parts = "".join(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{n}"\r\n\r\n{v}\r\n'
                for n, _, v in (p.partition("=") for p in form.split("&"))
            )
            return (parts + f"--{boundary}--\r\n").encode("utf-8", "surrogatepass"), {
                "content-type": f"multipart/form-data; boundary={boundary}"}  # fmt: skip
        if roll < 0.80:
            return b"--broken\r\nContent-Disposition: form-data\r\n\r\nx", {
                "content-type": "multipart/form-data; boundary=broken"}  # fmt: skip
        if roll < 0.85:
            return json.dumps({"function": "add_lead", "x": form}).encode(), {
                "content-type": "application/json"}  # fmt: skip
        if roll < 0.90:
            return bytes(rng.randrange(256) for _ in range(rng.randint(1, 2000))), form_type
        if roll < 0.93:
            return (
                form + "&comments=" + "x" * rng.choice([100_000, 1_500_000])
            ).encode(), form_type
        if roll < 0.96:
            return form.encode(), {"content-type": rng.choice(["text/plain", "", "garbage/x; ;",
                                                               "application/x-www-form-urlencoded; charset=latin-1"])}  # fmt: skip
        return ("&" * rng.randint(1, 5000) + form).encode(), form_type


# -- server and database -----------------------------------------------------------------------


SEED = ApiSeed(actor="fuzz", user=API_USER, password=API_PASSWORD, full_name="Fuzz",
               campaign_id="TESTCAMP", campaign_name="Fuzz campaign", list_id=101,
               list_name="Fuzz")  # fmt: skip


def prepare(url: str) -> None:
    """The API user, campaign and list (scripts/seeding.py), then a logged-in agent with
    Agent API access for the agent functions."""
    database = Database(url)
    try:
        now = datetime.now().replace(microsecond=0)
        seed_database(database, SEED, now)
        actor = Actor(user="fuzz")
        with database.unit_of_work(now) as uow:
            conn = uow.conn
            users.add_administrator(uow, AGENT, AGENT_PASSWORD, "Agent", actor)
            conn.execute(vicidial_users.update().where(vicidial_users.c.user == AGENT)
                         .values(vdc_agent_api_access="1"))  # fmt: skip
            conn.execute(insert(vicidial_live_agents).values(
                user=AGENT, server_ip="10.0.0.1", status="PAUSED", lead_id=0,
                campaign_id=SEED.campaign_id, closer_campaigns=""))  # fmt: skip
    finally:
        database.dispose()


@contextmanager
def running_server(
    url: str, port: int, log: Path, server: str
) -> Iterator[subprocess.Popen[bytes]]:
    command = [sys.executable, "-m", "leadgate", "serve", "--db", url, "--host", HOST,
               "--port", str(port), "--workers", "1", "--server", server]  # fmt: skip
    env = {**os.environ, "LEADGATE_LOG_API_URLS": "true",
           # no waiting on failed logins here: the fuzzer sends many from one address
           "LEADGATE_AUTH_FAILURE_MAX_DELAY_SECONDS": "0"}  # fmt: skip
    with log.open("wb") as out:
        proc = subprocess.Popen(command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True, env=env)  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"server did not start:\n{log.read_text()[-2000:]}")
            with suppress(httpx.HTTPError):
                if httpx.get(f"http://{HOST}:{port}/health", timeout=2).text == "OK\n":
                    break
            time.sleep(0.2)
        yield proc
    finally:
        with suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            with suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=5)


def worker_rss_mb(root_pid: int) -> float:
    """The largest RSS among the server's processes (the worker that runs the app)."""
    pids, todo = [], [root_pid]
    while todo:
        pid = todo.pop()
        pids.append(pid)
        with suppress(OSError):
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children") as handle:
                    todo.extend(int(child) for child in handle.read().split())
    best = 0
    for pid in pids:
        with suppress(OSError), open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    best = max(best, int(line.split()[1]))
    return best / 1024


# -- the run -----------------------------------------------------------------------------------


async def drive(port: int, total: int, concurrency: int, seed: int, verdict: Verdict,
                root_pid: int) -> None:  # fmt: skip
    generator = Generator(seed)
    warm_at = max(1, total // 10)
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    queue: asyncio.Queue[tuple[str, str, dict[str, str], bytes | None] | None] = asyncio.Queue(
        maxsize=concurrency * 2
    )

    async def produce() -> None:
        for _ in range(total):
            await queue.put(generator.request())
        for _ in range(concurrency):
            await queue.put(None)

    async def consume(client: httpx.AsyncClient) -> None:
        while (item := await queue.get()) is not None:
            method, url, headers, body = item
            started = time.monotonic()
            try:
                response = await client.request(method, url, headers=headers, content=body)
            except (httpx.HTTPError, httpx.InvalidURL) as exc:
                verdict.transport_errors[type(exc).__name__] += 1
                continue
            finally:
                verdict.sent += 1
                if verdict.sent == warm_at:
                    verdict.rss_warm_mb = worker_rss_mb(root_pid)
            text_body = response.text
            verdict.statuses[response.status_code] += 1
            line = f"{method} {url[:200]} -> {response.status_code} {text_body[:200]!r}"
            elapsed = time.monotonic() - started
            if len(verdict.slowest) < 3 or elapsed > verdict.slowest[-1][0]:
                verdict.slowest = sorted([*verdict.slowest, (elapsed, line)], reverse=True)[:3]
            if response.status_code >= 500:
                verdict.server_errors.append(line)
            if "SYSTEM ERROR" in text_body:
                verdict.system_errors.append(line)
            if any(p in text_body for p in PASSWORDS):
                verdict.leaks_in_replies.append(line)

    async with httpx.AsyncClient(base_url=f"http://{HOST}:{port}", limits=limits,
                                 timeout=60) as client:  # fmt: skip
        await asyncio.gather(produce(), *(consume(client) for _ in range(concurrency)))


def password_hits(url: str, passwords: tuple[str, ...]) -> list[str]:
    """`table.column` of every stored text containing a password (vicidial_users.pass, the
    VICIdial column for plain passwords, excepted)."""
    database = Database(url)
    hits: set[str] = set()
    try:
        with database.engine.connect() as conn:
            names = set(inspect(conn).get_table_names())
            for table in metadata.sorted_tables:
                columns = [c for c in table.columns if isinstance(c.type, String | Text)
                           and not (table is vicidial_users and c.name == "pass")]  # fmt: skip
                if table.name not in names or not columns:
                    continue
                for row in conn.execute(select(*columns)):
                    for column, value in zip(columns, row, strict=True):
                        if isinstance(value, str) and any(p in value for p in passwords):
                            hits.add(f"{table.name}.{column.name}")
            for name in sorted(n for n in names if n.startswith("custom_")):
                for row in conn.execute(text(f"SELECT * FROM {name}")):
                    if any(isinstance(v, str) and p in v for v in row for p in passwords):
                        hits.add(name)
    finally:
        database.dispose()
    return sorted(hits)


def run(db_url: str | None, requests: int, concurrency: int = 8, seed: int = 1,
        server: str = "granian") -> Verdict:  # fmt: skip
    verdict = Verdict()
    with tempfile.TemporaryDirectory() as tmp, scratch_database(db_url, Path(tmp), "fuzz") as url:
        prepare(url)
        port = free_port()
        log = Path(tmp) / "server.log"
        with running_server(url, port, log, server) as proc:
            asyncio.run(drive(port, requests, concurrency, seed, verdict, proc.pid))
            verdict.rss_end_mb = worker_rss_mb(proc.pid)
        server_log = log.read_text(errors="replace")
        verdict.tracebacks = server_log.count("Traceback")
        if verdict.tracebacks:
            at = server_log.index("Traceback")
            verdict.first_traceback = server_log[max(0, at - 300) : at + 3000]
        verdict.leaks_in_log = sum(server_log.count(p) for p in PASSWORDS)
        verdict.leaks_in_tables = password_hits(url, PASSWORDS)
    return verdict


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db-url", default=None, help="sqlite (default) or a server URL")
    parser.add_argument("--requests", type=int, default=100_000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--server", default="granian", help="granian or uvicorn")
    args = parser.parse_args()
    started = time.monotonic()
    verdict = run(args.db_url, args.requests, args.concurrency, args.seed, args.server)
    print(json.dumps({**verdict.summary(), "seconds": round(time.monotonic() - started)},
                     indent=1, ensure_ascii=False))  # fmt: skip
    sys.exit(0 if verdict.passed else 1)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Report speed on a big call history: every report over one day, on 1,000,000 rows in
vicidial_log and 1,000,000 in vicidial_agent_log (plus vicidial_closer_log, live agents).

Makes a fresh database (SQLite file, or a scratch database on the MariaDB/PostgreSQL server
given), creates the schema with `leadgate init`'s migrations, fills the tables with bulk
inserts spread evenly over --days days, then times each report operation (the domain
operations the Non-Agent API and `leadgate report` run) over one day in the middle, --repeat
times, and prints a table of the best and median times. Exit status 1 when a median is over
--limit seconds.

usage: bench/reports.py [--db-url URL] [--rows 1000000] [--days 30] [--repeat 5]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import Table, insert  # noqa: E402

from leadgate.domain import call_logs, database_setup, reports  # noqa: E402
from leadgate.domain.reports import Scope  # noqa: E402
from leadgate.storage.database import Database  # noqa: E402
from leadgate.storage.tables import (  # noqa: E402
    vicidial_agent_log,
    vicidial_campaigns,
    vicidial_closer_log,
    vicidial_live_agents,
    vicidial_log,
    vicidial_statuses,
    vicidial_users,
)
from leadgate.storage.unit_of_work import UnitOfWork  # noqa: E402
from scripts.seeding import scratch_database  # noqa: E402

CAMPAIGNS = [f"CAMP{n:02d}" for n in range(10)]
INGROUPS = [f"LINE{n:02d}" for n in range(5)]
AGENTS = [f"{1000 + n}" for n in range(200)]
STATUSES = ["SALE", "NI", "NA", "B", "DROP", "CALLBK", "DNC", "A", "N", "XFER"]
FIRST_DAY = datetime(2020, 1, 1)
CHUNK = 20000
EVERYTHING = Scope(None, None)


def _chunks(total: int, make: Callable[[int], dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, total, CHUNK):
        yield [make(n) for n in range(start, min(start + CHUNK, total))]


def _bulk(db: Database, table: Table, total: int, make: Callable[[int], dict[str, Any]]) -> None:
    conn_backend = db.backend
    for rows in _chunks(total, make):
        with db.transaction() as conn:
            if conn_backend == "postgresql":
                _copy(conn, table, rows)
            else:
                conn.execute(insert(table), rows)


def _copy(conn: Any, table: Table, rows: list[dict[str, Any]]) -> None:
    """PostgreSQL COPY: an order of magnitude faster than INSERT for a million rows."""
    columns = list(rows[0])
    raw = conn.connection.driver_connection
    names = ", ".join(f'"{name}"' for name in columns)
    with raw.cursor() as cursor, cursor.copy(f"COPY {table.name} ({names}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([row[name] for name in columns])


def fill(db: Database, rows: int, days: int) -> None:
    rng = random.Random(7)
    seconds = days * 86400

    def moment(n: int, total: int) -> datetime:
        return FIRST_DAY + timedelta(seconds=n * seconds // total)

    with db.transaction() as conn:
        conn.execute(insert(vicidial_campaigns), [
            {"campaign_id": c, "campaign_name": c, "active": "Y",
             "closer_campaigns": " " + " ".join(INGROUPS) + " -"} for c in CAMPAIGNS
        ])  # fmt: skip
        conn.execute(insert(vicidial_users), [
            {"user": a, "pass": "x", "full_name": f"Agent {a}", "user_level": 1,
             "user_group": "AGENTS", "active": "Y"} for a in AGENTS
        ])  # fmt: skip
        conn.execute(insert(vicidial_statuses), [
            {"status": s, "status_name": s, "human_answered": "Y" if s in ("SALE", "NI") else "N"}
            for s in STATUSES
        ])  # fmt: skip
        conn.execute(insert(vicidial_live_agents), [
            {"user": a, "server_ip": "10.0.0.1", "status": rng.choice(["READY", "PAUSED", "INCALL"]),
             "lead_id": 0, "campaign_id": rng.choice(CAMPAIGNS), "callerid": ""} for a in AGENTS
        ])  # fmt: skip
    _bulk(db, vicidial_log, rows, lambda n: {
        "uniqueid": f"{1577836800 + n}.{n}", "lead_id": n + 1, "list_id": 101,
        "campaign_id": CAMPAIGNS[n % len(CAMPAIGNS)], "call_date": moment(n, rows),
        "length_in_sec": n % 300, "status": STATUSES[n * 7 % len(STATUSES)], "phone_code": "1",
        "phone_number": f"312{n % 9000000 + 1000000:07d}", "user": AGENTS[n % len(AGENTS)],
        "user_group": "AGENTS", "term_reason": "CALLER",
    })  # fmt: skip
    _bulk(db, vicidial_agent_log, rows, lambda n: {
        "user": AGENTS[n % len(AGENTS)], "server_ip": "10.0.0.1", "event_time": moment(n, rows),
        "lead_id": n + 1 if n % 5 else 0, "campaign_id": CAMPAIGNS[n % len(CAMPAIGNS)],
        "pause_epoch": 1577836800 + n * seconds // rows, "pause_sec": n % 40,
        "wait_sec": n % 25, "talk_sec": n % 200, "dispo_sec": n % 15, "dead_sec": n % 3,
        "status": STATUSES[n % len(STATUSES)], "user_group": "AGENTS",
        "sub_status": "LOGIN" if n % 50 == 0 else "", "uniqueid": f"{1577836800 + n}.{n}",
    })  # fmt: skip
    inbound = rows // 10
    _bulk(db, vicidial_closer_log, inbound, lambda n: {
        "lead_id": n + 1, "list_id": 101, "campaign_id": INGROUPS[n % len(INGROUPS)],
        "call_date": moment(n, inbound), "length_in_sec": n % 300,
        "status": STATUSES[n * 3 % len(STATUSES)], "phone_code": "1",
        "phone_number": f"312{n % 9000000 + 1000000:07d}", "user": AGENTS[n % len(AGENTS)],
        "uniqueid": f"{1577836800 + n}.{n}", "term_reason": "CALLER",
    })  # fmt: skip


def scenarios(day: datetime) -> dict[str, Callable[[UnitOfWork], object]]:
    start, end = day, day.replace(hour=23, minute=59, second=59)
    return {
        "agent_stats_export (all agents)": lambda uow: reports.agent_stats_export(
            uow, reports.AgentStatsQuery(start, end)),
        "agent_stats_export by campaign": lambda uow: reports.agent_stats_export(
            uow, reports.AgentStatsQuery(start, end, by_campaign=True)),
        "agent_stats_export one agent": lambda uow: reports.agent_stats_export(
            uow, reports.AgentStatsQuery(start, end, agent_user=AGENTS[7])),
        "call_status_stats ALLCAMPAIGNS": lambda uow: reports.call_status_stats(
            uow, reports.CallStatsQuery(start, end, ("ALLCAMPAIGNS",), None, None)),
        "call_dispo_report all, by status": lambda uow: reports.call_dispo_report(
            uow, reports.DispoQuery(start, end, campaigns="ALLCAMPAIGNS", ingroups="ALLGROUPS",
                                    breakdown=True)),
        "phone_number_log (one number, ALL)": lambda uow: reports.phone_number_log(
            uow, ["3121000500"], reports.CallDirection.ALL, last_only=False),
        "campaign_stats": lambda uow: reports.campaign_stats(uow, EVERYTHING, CAMPAIGNS[3]),
        "agent_stats": lambda uow: reports.agent_stats(uow, EVERYTHING, AGENTS[3]),
        "logged_in_agents (200 agents)": lambda uow: reports.logged_in_agents(
            uow, EVERYTHING, campaigns=None, user_groups=None, with_sub_status=True),
        "update_log_entry (latest call)": lambda uow: call_logs.update_log_entry(
            uow, CAMPAIGNS[1], "V0000000000000000011", "SALE"),
    }  # fmt: skip


def measure(db: Database, day: datetime, repeat: int) -> list[tuple[str, float, float]]:
    results = []
    for name, operation in scenarios(day).items():
        times = []
        for _ in range(repeat):
            with db.transaction() as conn:
                uow = UnitOfWork(conn=conn, now=day.replace(hour=12))
                began = time.perf_counter()
                operation(uow)
                times.append(time.perf_counter() - began)
        results.append((name, min(times), statistics.median(times)))
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db-url", default=None, help="sqlite (default) or a server URL")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--days", type=int, default=30)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--limit", type=float, default=1.0, help="seconds allowed per report")
    args = parser.parse_args(argv)
    with (
        tempfile.TemporaryDirectory() as workdir,
        scratch_database(args.db_url, Path(workdir), "bench") as url,
    ):
        db = Database(url)
        try:
            database_setup.upgrade_schema(db)
            began = time.perf_counter()
            fill(db, args.rows, args.days)
            filled = time.perf_counter() - began
            if db.backend != "sqlite":
                with db.transaction() as conn:
                    for table in ("vicidial_log", "vicidial_agent_log", "vicidial_closer_log"):
                        conn.exec_driver_sql(
                            f"ANALYZE {'TABLE ' if db.backend == 'mysql' else ''}{table}"
                        )
            else:
                with db.transaction() as conn:
                    conn.exec_driver_sql("ANALYZE")
            day = FIRST_DAY + timedelta(days=args.days // 2)
            results = measure(db, day, args.repeat)
        finally:
            db.dispose()
    per_day = args.rows // args.days
    print(f"{db.backend}: {args.rows:,} rows in vicidial_log and vicidial_agent_log over "
          f"{args.days} days (~{per_day:,} a day), filled in {filled:.0f} s; "
          f"one day ({day:%Y-%m-%d}), {args.repeat} runs")  # fmt: skip
    print("| report | best ms | median ms |\n| --- | --- | --- |")
    slow = False
    for name, best, median in results:
        print(f"| {name} | {best * 1000:,.1f} | {median * 1000:,.1f} |")
        slow = slow or median > args.limit
    return 1 if slow else 0


if __name__ == "__main__":
    raise SystemExit(main())

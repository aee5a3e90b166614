"""`leadgate serve --workers 3` runs a session engine in every worker process; the leases make
each command run exactly once: no manual call is placed twice and none is lost."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from leadgate.domain.sessions import login as sessions
from leadgate.storage.database import Database
from leadgate.storage.tables import vicidial_list, vicidial_live_agents, vicidial_log
from tests.factories import Seeder
from tests.test_concurrency_add_lead import _free_port, _wait_for_health

ROOT = Path(__file__).resolve().parents[2]
CALLS = 15
CREDS = {"source": "test", "user": "6666", "pass": "1234"}


@pytest.fixture
def server(db_url: str, db: Database, seed: Seeder, tmp_path: Path) -> Iterator[str]:
    seed.user()
    seed.user_group("AGENTS")
    seed.campaign("MAN", dial_method="MANUAL", api_manual_dial="STANDARD")
    seed.user(**{"user": "1000", "pass": "1234", "user_level": 1, "user_group": "AGENTS",
                 "vdc_agent_api_access": "0", "agentcall_manual": "1"})  # fmt: skip
    with db.unit_of_work(datetime.now()) as uow:
        assert sessions.login(uow, sessions.LoginRequest("1000", "MAN")).refusal is None
    port = _free_port()
    env = {**os.environ, "LEADGATE_TELEPHONY": "simulator", "LEADGATE_SIM_TIME_SCALE": "500",
           "LEADGATE_ENGINE_TICK_SECONDS": "0.02", "LEADGATE_ENGINE_LEASE_SECONDS": "2"}  # fmt: skip
    log = (tmp_path / "server.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "leadgate", "serve", "--db", db_url, "--port", str(port),
         "--workers", "3"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_for_health(base, process)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def _api(base: str, **params: str) -> str:
    query = urllib.parse.urlencode({**CREDS, "agent_user": "1000", **params})
    with urllib.request.urlopen(f"{base}/agc/api.php?{query}", timeout=30) as response:
        return str(response.read().decode())


def _live(db: Database) -> dict[str, Any]:
    with db.transaction() as conn:
        query = select(vicidial_live_agents).where(vicidial_live_agents.c.user == "1000")
        return dict(conn.execute(query).mappings().one())


def _wait(db: Database, condition: Any) -> None:
    deadline = time.monotonic() + 60
    while not condition(_live(db)):
        assert time.monotonic() < deadline, "the session engine did not act in time"
        time.sleep(0.02)


def test_every_command_runs_exactly_once_across_three_workers(server: str, db: Database) -> None:
    for n in range(CALLS):
        body = _api(server, function="external_dial", value=f"31255580{n:02d}",
                    phone_code="1", search="YES", preview="NO", focus="YES")  # fmt: skip
        assert body.startswith("SUCCESS: external_dial function set"), body
        _wait(db, lambda live: live["lead_id"] > 0)
        assert _api(server, function="external_status", value="SALE").startswith("SUCCESS")
        _wait(db, lambda live: live["lead_id"] == 0 and live["external_status"] == "")
    with db.transaction() as conn:
        calls = conn.execute(select(vicidial_log.c.phone_number, vicidial_log.c.status)).all()
        leads = conn.execute(
            select(vicidial_list.c.phone_number, vicidial_list.c.called_count)
        ).all()
    assert sorted(calls) == [(f"31255580{n:02d}", "SALE") for n in range(CALLS)]
    assert sorted(leads) == [(f"31255580{n:02d}", 1) for n in range(CALLS)]
    assert _live(db)["calls_today"] == CALLS

"""Identical add_lead calls racing through several server processes store exactly one lead.

VICIdial checks for duplicates and then inserts without a lock, so a burst of identical
requests can create several leads. leadgate takes a named lock before the duplicate check.
This starts a real `leadgate serve --workers 3` on the test database and fires 20 identical
requests at once.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from leadgate.storage.database import Database
from tests.factories import Seeder

ROOT = Path(__file__).resolve().parent.parent
CALLS = 20


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def server(db_url: str, seed: Seeder, tmp_path: Path) -> Iterator[str]:
    seed.user()
    seed.campaign()
    seed.list(101)
    port = _free_port()
    env = {**os.environ, "LEADGATE_LOG_API_URLS": "false"}
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


def _wait_for_health(base: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{base}/health", timeout=1) as response:
                if response.status == 200:
                    time.sleep(0.5)  # let every worker finish starting
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("server did not come up")


def _fire_together(url: str, count: int) -> list[str]:
    barrier = threading.Barrier(count)
    answers: list[str] = [""] * count

    def call(index: int) -> None:
        barrier.wait()
        with urllib.request.urlopen(url, timeout=60) as response:
            answers[index] = response.read().decode()

    threads = [threading.Thread(target=call, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers


@pytest.mark.parametrize(
    ("duplicate_check", "phone", "error_start"),
    [
        ("DUPLIST", "3125550101", "ERROR: add_lead DUPLICATE PHONE NUMBER IN LIST - 3125550101|101|"),
        ("DUPSYS", "3125550102", "ERROR: add_lead DUPLICATE PHONE NUMBER IN SYSTEM - 3125550102|101|"),
        ("DUPNAMEPHONECAMP30DAY", "3125550103",
         "ERROR: add_lead DUPLICATE NAME PHONE IN CAMPAIGN LISTS - Ann|Lee|3125550103|101|"),
    ],
)  # fmt: skip
def test_concurrent_identical_add_leads_store_one_lead(
    server: str, db: Database, seed: Seeder, duplicate_check: str, phone: str, error_start: str
) -> None:
    query = urllib.parse.urlencode({
        "source": "test", "user": "6666", "pass": "1234", "function": "add_lead",
        "phone_number": phone, "list_id": "101", "first_name": "Ann", "last_name": "Lee",
        "duplicate_check": duplicate_check,
    })  # fmt: skip
    answers = _fire_together(f"{server}/vicidial/non_agent_api.php?{query}", CALLS)

    successes = [a for a in answers if a.startswith("SUCCESS: add_lead LEAD HAS BEEN ADDED")]
    duplicates = [a for a in answers if a.startswith(error_start)]
    assert len(successes) == 1, answers
    assert len(duplicates) == CALLS - 1, answers
    lead_id = successes[0].split("|")[2]
    assert {a[len(error_start) :].split("|")[0].strip() for a in duplicates} == {lead_id}
    rows = [r for r in seed.table_rows("vicidial_list", "lead_id", "phone_number")
            if r["phone_number"] == phone]  # fmt: skip
    assert len(rows) == 1
    assert str(rows[0]["lead_id"]) == lead_id

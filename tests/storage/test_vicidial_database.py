"""leadgate on a stock VICIdial database, as VICIdial's cron user: it serves, and it changes no
table definition (MariaDB/MySQL only: run with --db-url mysql://…).

The database is built from VICIdial's own CREATE TABLE statements (tests/fixtures), loaded with
the conformance fixture as root; leadgate then runs as a user with exactly the grants VICIdial's
install gives its cron user.
"""

from __future__ import annotations

import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text

from leadgate.storage.database import Database, normalise_url
from leadgate.storage.schema import DatabaseMode, DatabaseState, database_state
from scripts.conformance import CASE_FILES, read_groups

ROOT = Path(__file__).resolve().parents[2]
KIT = Path(os.environ.get("LEADGATE_CONFORMANCE_KIT", ROOT.parent / "shared" / "conformance"))
VICIDIAL_TABLES = Path(__file__).resolve().parents[1] / "fixtures" / "vicidial_tables.sql"
CRON_GRANTS = "SELECT, INSERT, UPDATE, DELETE, LOCK TABLES"


@dataclass
class VicidialDatabase:
    root_url: str
    cron_url: str
    root: Engine


def _statements(sql: str) -> list[str]:
    body = "\n".join(line for line in sql.splitlines() if not line.startswith("--"))
    return [part.strip() for part in re.split(r";\s*\n", body) if part.strip()]


def _raw(engine: Engine, *statements: str) -> None:
    """Statements as written (no parameter markers: '%' is a host wildcard here)."""
    connection = engine.raw_connection()
    try:
        cursor = connection.cursor()
        for statement in statements:
            cursor.execute(statement)
        cursor.close()
    finally:
        connection.close()


@pytest.fixture
def vicidial_db(request: pytest.FixtureRequest) -> Iterator[VicidialDatabase]:
    option = request.config.getoption("--db-url")
    if not option.startswith("mysql") and not option.startswith("mariadb"):
        pytest.skip("VICIdial runs on MariaDB/MySQL: run with --db-url mysql://…")
    admin_url = normalise_url(option)
    name = f"{os.environ.get('LEADGATE_TEST_DB_PREFIX', 'leadgate')}_vici_{os.getpid()}"
    user, password = f"lgcron{os.getpid()}", secrets.token_hex(12)
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    root_url = admin_url.set(database=name)
    root = create_engine(root_url, isolation_level="AUTOCOMMIT")
    try:
        _raw(admin, f"DROP DATABASE IF EXISTS {name}",
             f"CREATE DATABASE {name} CHARACTER SET utf8mb4",
             f"DROP USER IF EXISTS '{user}'@'%'",
             f"CREATE USER '{user}'@'%' IDENTIFIED BY '{password}'",
             f"GRANT {CRON_GRANTS} ON {name}.* TO '{user}'@'%'")  # fmt: skip
        # sql_mode '' as VICIdial's install runs
        _raw(root, "SET SESSION sql_mode = ''", *_statements(VICIDIAL_TABLES.read_text()))
        root_text = root_url.render_as_string(hide_password=False)
        subprocess.run([sys.executable, str(KIT / "load_fixture.py"), "--db-url", root_text],
                       check=True, stdout=subprocess.DEVNULL)  # fmt: skip
        cron_url = root_url.set(username=user, password=password)
        yield VicidialDatabase(root_text, cron_url.render_as_string(hide_password=False), root)
    finally:
        root.dispose()
        _raw(admin, f"DROP USER IF EXISTS '{user}'@'%'", f"DROP DATABASE IF EXISTS {name}")
        admin.dispose()


def _layout(engine: Engine) -> tuple[object, ...]:
    """Every table, column and index definition (custom_<n> tables are the kit's, made as root)."""
    schema = engine.url.database
    with engine.connect() as conn:
        # Not create_time: the kit's --reload-fixture (as root) truncates, which re-creates.
        tables = conn.execute(text(
            "SELECT table_name, engine FROM information_schema.tables "
            "WHERE table_schema = :s AND table_name NOT LIKE 'custom\\_%' ORDER BY 1"
        ), {"s": schema}).all()  # fmt: skip
        columns = conn.execute(text(
            "SELECT table_name, column_name, ordinal_position, column_type, is_nullable, "
            "column_default, extra FROM information_schema.columns "
            "WHERE table_schema = :s AND table_name NOT LIKE 'custom\\_%' ORDER BY 1, 3"
        ), {"s": schema}).all()  # fmt: skip
        indexes = conn.execute(text(
            "SELECT table_name, index_name, seq_in_index, column_name, non_unique "
            "FROM information_schema.statistics "
            "WHERE table_schema = :s AND table_name NOT LIKE 'custom\\_%' ORDER BY 1, 2, 3"
        ), {"s": schema}).all()  # fmt: skip
    return tuple(map(tuple, tables)), tuple(map(tuple, columns)), tuple(map(tuple, indexes))


def database_state_of(url: str) -> DatabaseState:
    database = Database(url)
    try:
        return database_state(database)
    finally:
        database.dispose()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(base: str, path: str, **params: str) -> str:
    url = f"{base}{path}?{urllib.parse.urlencode(params)}"
    with urllib.request.urlopen(url, timeout=30) as response:
        assert response.status == 200
        return str(response.read().decode())


def _wait_until_up(base: str, server: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError("leadgate serve exited")
        try:
            _get(base, "/health")
            return
        except OSError:
            time.sleep(0.2)
    raise AssertionError("leadgate serve did not answer")


AUTH = {"source": "test", "user": "6666", "pass": "1234"}


def test_serves_a_vicidial_database_with_cron_grants_and_changes_no_table(
    vicidial_db: VicidialDatabase, tmp_path: Path
) -> None:
    before = _layout(vicidial_db.root)
    state = database_state_of(vicidial_db.cron_url)
    assert state.mode is DatabaseMode.VICIDIAL
    # VICIdial's own schema lacks the archive table and leadgate's own tables.
    assert state.missing_tables == (
        "leadgate_agent_sessions", "leadgate_leases", "leadgate_webhook_endpoints",
        "leadgate_webhook_outbox", "vicidial_list_archive",
    )  # fmt: skip

    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    # Output to a file: a pipe nobody reads would block the server once it is full.
    log_file = tmp_path / "serve.log"
    with log_file.open("w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "leadgate", "serve", "--db", vicidial_db.cron_url,
             "--port", str(port), "--server", "uvicorn"],
            stdout=log, stderr=subprocess.STDOUT, text=True,
        )  # fmt: skip
    try:
        _wait_until_up(base, server)
        # Every recorded case file leadgate passes, each from a freshly loaded fixture.
        sections = read_groups()
        for number, (section, (cases, expected)) in enumerate(CASE_FILES.items()):
            groups = sections.get(section, [])
            if not groups:
                continue
            command = [sys.executable, str(KIT / "run.py"), "--base-url", base,
                       "--db-url", vicidial_db.root_url, "--cases", str(KIT / cases),
                       "--expected", str(KIT / expected), "--only", ",".join(groups), "--diff"]  # fmt: skip
            if number:
                command.append("--reload-fixture")
            run = subprocess.run(command, capture_output=True, text=True)  # fmt: skip
            assert run.returncode == 0, f"{cases}: {run.stdout[:5000]} {run.stdout[-300:]}"

        # Zero dates as VICIdial stores them: no valid callback time, no date of birth.
        added = _get(base, "/vicidial/non_agent_api.php", **AUTH, function="add_lead",
                     phone_number="3125579901", list_id="101", callback="Y",
                     campaign_id="TESTCAMP", callback_datetime="tomorrow")  # fmt: skip
        assert added.startswith("SUCCESS: add_lead LEAD HAS BEEN ADDED"), added
        lead_id = int(added.split(" - ")[1].split("|")[2])
        with vicidial_db.root.connect() as conn:
            conn.exec_driver_sql("SET SESSION sql_mode = ''")
            row = conn.execute(text(
                "SELECT CAST(date_of_birth AS CHAR), status FROM vicidial_list WHERE lead_id = :id"
            ), {"id": lead_id}).one()  # fmt: skip
            assert tuple(row) == ("0000-00-00", "CBHOLD")
            callback = conn.execute(text(
                "SELECT CAST(callback_time AS CHAR) FROM vicidial_callbacks WHERE lead_id = :id"
            ), {"id": lead_id}).scalar_one()  # fmt: skip
            assert callback == "0000-00-00 00:00:00"
        # The missing archive table: an error line, as in the conformance kit's D4 cases.
        archived = _get(base, "/vicidial/non_agent_api.php", **AUTH, function="lead_search",
                        phone_number="3125579901", archived_lead="Y")  # fmt: skip
        assert archived.startswith("ERROR: lead_search"), archived
    finally:
        server.terminate()
        server.wait(timeout=20)
    output = log_file.read_text()
    assert "VICIdial database" in output and "vicidial_list_archive" in output, output
    # No failing background work (webhook dispatcher, session engine) on a VICIdial database.
    assert "pass failed" not in output and "tick failed" not in output, output
    after = _layout(vicidial_db.root)
    for kind, old, new in zip(("tables", "columns", "indexes"), before, after, strict=True):
        assert set(old) ^ set(new) == set(), kind  # shows the differing definitions


def test_init_on_a_vicidial_database_adds_only_missing_tables(
    vicidial_db: VicidialDatabase,
) -> None:
    before = _layout(vicidial_db.root)
    leadgate = [sys.executable, "-m", "leadgate", "init", "--db"]
    refused = subprocess.run([*leadgate, vicidial_db.root_url], capture_output=True, text=True,
                             stdin=subprocess.DEVNULL)  # fmt: skip
    assert refused.returncode == 1
    missing = database_state_of(vicidial_db.root_url).missing_tables
    listed = ", ".join([*missing, "alembic_version"])
    assert f"tables to create: {listed}" in refused.stdout
    assert "--yes" in refused.stderr
    assert _layout(vicidial_db.root) == before

    as_cron = subprocess.run([*leadgate, vicidial_db.cron_url, "--yes"], capture_output=True,
                             text=True)  # fmt: skip
    assert as_cron.returncode == 1 and "Traceback" not in as_cron.stderr + as_cron.stdout
    assert "denied" in as_cron.stderr

    done = subprocess.run([*leadgate, vicidial_db.root_url, "--yes"], capture_output=True,
                          text=True)  # fmt: skip
    assert done.returncode == 0, done.stderr
    tables, columns, indexes = _layout(vicidial_db.root)
    old_tables, old_columns, old_indexes = before
    new_names = {row[0] for row in tables} - {row[0] for row in old_tables}
    assert new_names == {*missing, "alembic_version"}
    # Every existing column and index is still there, unchanged (a revision may add indexes).
    assert set(old_columns) <= set(columns)
    assert set(old_indexes) <= set(indexes)

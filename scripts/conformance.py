#!/usr/bin/env python3
"""Run the VICIdial conformance kit (../shared/conformance) against a live leadgate server.

For one database backend: make a fresh, empty database, `leadgate init`, load the kit's fixture,
start `leadgate serve` on a free port, replay the recorded cases and compare the groups listed in
scripts/conformance-groups.txt (the groups leadgate implements). Exit status is run.py's.

usage: scripts/conformance.py --backend sqlite|mysql|postgresql [--groups a,b] [--diff] [--workers N]
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KIT = Path(os.environ.get("LEADGATE_CONFORMANCE_KIT", ROOT.parent / "shared" / "conformance"))
GROUPS_FILE = ROOT / "scripts" / "conformance-groups.txt"


def fresh_database(backend: str) -> str:
    """Create an empty database and return its URL."""
    name = f"leadgate_conf_{os.getpid()}"
    if backend == "sqlite":
        path = Path(tempfile.mkdtemp(prefix="leadgate-conf-")) / "conformance.db"
        return f"sqlite:///{path}"
    import sqlalchemy as sa

    from leadgate.storage.database import normalise_url

    if backend == "mysql":
        admin = os.environ.get("LEADGATE_TEST_MYSQL", "mysql+pymysql://root@127.0.0.1:3306/test")
        engine = sa.create_engine(normalise_url(admin), isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name}")
            conn.exec_driver_sql(f"CREATE DATABASE {name} CHARACTER SET utf8mb4")
        return str(engine.url.set(database=name).render_as_string(hide_password=False))
    admin = os.environ.get(
        "LEADGATE_TEST_POSTGRESQL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
    )
    engine = sa.create_engine(normalise_url(admin), isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name}")
        conn.exec_driver_sql(f"CREATE DATABASE {name}")
    return str(engine.url.set(database=name).render_as_string(hide_password=False))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_up(url: str, server: subprocess.Popen[bytes], seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("leadgate serve exited before it answered")
        try:
            with urllib.request.urlopen(url + "/health", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("leadgate serve did not answer in time")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--backend", choices=["sqlite", "mysql", "postgresql"], default="sqlite")
    parser.add_argument("--groups", help="comma-separated groups (default: conformance-groups.txt)")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--diff", action="store_true")
    parser.add_argument("--results")
    args = parser.parse_args()

    groups = args.groups or ",".join(
        line.split("#")[0].strip() for line in GROUPS_FILE.read_text().splitlines()
        if line.split("#")[0].strip()
    )  # fmt: skip
    db_url = fresh_database(args.backend)
    python = sys.executable
    leadgate = [python, "-m", "leadgate"]
    subprocess.run([*leadgate, "init", "--db", db_url], check=True, stdout=subprocess.DEVNULL)
    subprocess.run([python, str(KIT / "load_fixture.py"), "--db-url", db_url], check=True,
                   stdout=subprocess.DEVNULL)  # fmt: skip
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [*leadgate, "serve", "--db", db_url, "--port", str(port), "--workers", str(args.workers)],
        stdout=subprocess.DEVNULL,
    )
    try:
        wait_until_up(base_url, server)
        command = [python, str(KIT / "run.py"), "--base-url", base_url, "--db-url", db_url,
                   "--only", groups]  # fmt: skip
        if args.diff:
            command += ["--diff", "--max-diff", "40"]
        if args.results:
            command += ["--results", args.results]
        print(f"conformance on {args.backend}: groups {groups}", flush=True)
        return subprocess.run(command).returncode
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    sys.exit(main())

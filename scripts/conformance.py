#!/usr/bin/env python3
"""Run the VICIdial conformance kit (../shared/conformance) against a live leadgate server.

For one database backend and each case file with enforced groups (scripts/conformance-groups.txt:
[cases] → cases.jsonl, [reports] → cases_reports.jsonl, [more] → cases_more.jsonl): make a fresh,
empty database, `leadgate init`, load the kit's fixture, start `leadgate serve` on a free port,
replay the file's cases and compare its groups; then stop the server and drop the database.
Exit status is 0 only when every file passed.

usage: scripts/conformance.py --backend sqlite|mysql|postgresql [--files cases,more]
                              [--groups a,b] [--diff] [--workers N]

Environment: LEADGATE_TEST_MYSQL / LEADGATE_TEST_POSTGRESQL (admin URLs of the servers: host,
port, user), LEADGATE_TEST_DB_PREFIX (databases are named <prefix>_conf_<pid>_<file>; default
leadgate), LEADGATE_CONFORMANCE_PORT (the server's port; default a free one),
LEADGATE_CONFORMANCE_KIT (the kit's folder).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
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
# Section of the groups file → (case file, expected answers).
CASE_FILES = {
    "cases": ("cases.jsonl", "expected.jsonl"),
    "reports": ("cases_reports.jsonl", "expected_reports.jsonl"),
    "more": ("cases_more.jsonl", "expected_more.jsonl"),
}
DEFAULT_ADMIN_URLS = {
    "mysql": ("LEADGATE_TEST_MYSQL", "mysql://root@127.0.0.1:3306/test"),
    "postgresql": ("LEADGATE_TEST_POSTGRESQL", "postgresql://postgres@127.0.0.1:5432/postgres"),
}


def read_groups(path: Path = GROUPS_FILE) -> dict[str, list[str]]:
    """The groups file's sections: {'cases': [...], 'reports': [...], 'more': [...], 'pending': [...]}."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for raw in path.read_text().splitlines():
        line = raw.split("#")[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
        elif current is not None:
            current.append(line)
    return sections


def for_backend(groups: list[str], backend: str) -> list[str]:
    """The groups enforced on `backend`: plain ones, and GROUP@BACKEND for that backend."""
    chosen = []
    for group in groups:
        name, _, only = group.partition("@")
        if not only or only == backend:
            chosen.append(name)
    return chosen


class ScratchDatabase:
    """An empty database for one run; dropped (or deleted) afterwards."""

    def __init__(self, backend: str, tag: str) -> None:
        self.backend = backend
        self.name = f"{db_prefix()}_conf_{os.getpid()}_{tag}"
        self.tmp_dir: str | None = None
        self.admin_url = ""
        if backend == "sqlite":
            self.tmp_dir = tempfile.mkdtemp(prefix="leadgate-conf-")
            self.url = f"sqlite:///{Path(self.tmp_dir) / 'conformance.db'}"
            return
        env, default = DEFAULT_ADMIN_URLS[backend]
        self.admin_url = os.environ.get(env, default)
        suffix = " CHARACTER SET utf8mb4" if backend == "mysql" else ""
        self._admin(f"DROP DATABASE IF EXISTS {self.name}", f"CREATE DATABASE {self.name}{suffix}")
        self.url = self._engine().url.set(database=self.name).render_as_string(hide_password=False)

    def _engine(self):  # type: ignore[no-untyped-def]
        import sqlalchemy as sa

        from leadgate.storage.database import normalise_url

        return sa.create_engine(normalise_url(self.admin_url), isolation_level="AUTOCOMMIT")

    def _admin(self, *statements: str) -> None:
        engine = self._engine()
        try:
            with engine.connect() as conn:
                for statement in statements:
                    conn.exec_driver_sql(statement)
        finally:
            engine.dispose()

    def drop(self) -> None:
        if self.tmp_dir is not None:
            shutil.rmtree(self.tmp_dir, ignore_errors=True)
            return
        if self.backend == "postgresql":
            self._admin(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                f"WHERE datname = '{self.name}' AND pid <> pg_backend_pid()"
            )
        self._admin(f"DROP DATABASE IF EXISTS {self.name}")


def db_prefix() -> str:
    prefix = os.environ.get("LEADGATE_TEST_DB_PREFIX", "leadgate")
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_]{0,30}", prefix):
        raise SystemExit(f"LEADGATE_TEST_DB_PREFIX must be a plain identifier, not {prefix!r}")
    return prefix


def free_port() -> int:
    if os.environ.get("LEADGATE_CONFORMANCE_PORT"):
        return int(os.environ["LEADGATE_CONFORMANCE_PORT"])
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


def run_file(section: str, groups: list[str], args: argparse.Namespace) -> int:
    cases, expected = CASE_FILES[section]
    database = ScratchDatabase(args.backend, section)
    python = sys.executable
    leadgate = [python, "-m", "leadgate"]
    server: subprocess.Popen[bytes] | None = None
    try:
        subprocess.run([*leadgate, "init", "--db", database.url], check=True,
                       stdout=subprocess.DEVNULL)  # fmt: skip
        subprocess.run([python, str(KIT / "load_fixture.py"), "--db-url", database.url],
                       check=True, stdout=subprocess.DEVNULL)  # fmt: skip
        port = free_port()
        base_url = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [*leadgate, "serve", "--db", database.url, "--port", str(port),
             "--workers", str(args.workers)],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        wait_until_up(base_url, server)
        command = [python, str(KIT / "run.py"), "--base-url", base_url, "--db-url", database.url,
                   "--cases", str(KIT / cases), "--expected", str(KIT / expected),
                   "--only", ",".join(groups)]  # fmt: skip
        if args.diff:
            command += ["--diff", "--max-diff", str(args.max_diff)]
        if args.results:
            command += ["--results", f"{args.results}.{section}"]
        print(f"conformance on {args.backend}, {cases}: groups {','.join(groups)}", flush=True)
        return subprocess.run(command).returncode
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
        database.drop()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--backend", choices=["sqlite", "mysql", "postgresql"], default="sqlite")
    parser.add_argument(
        "--files", help="comma-separated sections: cases,reports,more (default all)"
    )
    parser.add_argument("--groups", help="comma-separated groups (default: the groups file's)")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--diff", action="store_true")
    parser.add_argument("--max-diff", type=int, default=40, help="mismatches shown with --diff")
    parser.add_argument("--results", help="write the server's answers to FILE.<section>")
    args = parser.parse_args()

    sections = read_groups()
    wanted = args.files.split(",") if args.files else list(CASE_FILES)
    status = 0
    for section in wanted:
        groups = (
            args.groups.split(",")
            if args.groups
            else for_backend(sections.get(section, []), args.backend)
        )
        if groups:
            status |= run_file(section, groups, args)
    return status


if __name__ == "__main__":
    sys.exit(main())

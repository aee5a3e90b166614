"""Options and helpers every CLI command shares, and opening the database with clear errors."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from sqlalchemy import inspect
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from leadgate.settings import data_dir, default_db_url, load_settings
from leadgate.storage.database import Database, normalise_url

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Database URL: sqlite:///path, mysql://user:pass@host/db, postgresql://user@host/db.",
        envvar="LEADGATE_DB_URL",
        show_default=default_db_url(),
    ),
]

# soft_wrap: an error stays one line however narrow the terminal.
URL_FORMS = "use sqlite:///path, mysql://… or postgresql://…"
err_console = Console(stderr=True, soft_wrap=True)

# SQLite files this process created; main() removes them again when the command fails.
created_files: list[Path] = []
# Databases this process opened; main() closes their connections when the command ends.
opened: list[Database] = []


def shown_url(url: str) -> str:
    """A database URL as the user wrote it, fit for a terminal or a log: password as ***."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "(not a URL)"


def open_database(db: str | None, *, create: bool = False) -> Database:
    """The database a command works on, checked: reachable and (unless `create`) initialised.

    Every mistake is one error line and exit code 1. A missing SQLite file is created only with
    `create` (init, serve); other commands never leave an empty database file behind.
    """
    url = load_settings(db_url=db).db_url
    try:
        parsed = normalise_url(url)
    except (ArgumentError, ValueError) as exc:
        fail(f"bad database URL ({_first_line(exc)}): {URL_FORMS}")
    sqlite_file = _sqlite_file(parsed)
    if sqlite_file is not None and not sqlite_file.exists():
        if not create:
            fail(f"no database at {sqlite_file}: run `leadgate init` first (or give --db)")
        if sqlite_file.parent == data_dir():
            sqlite_file.parent.mkdir(parents=True, exist_ok=True)
        elif not sqlite_file.parent.is_dir():
            fail(f"cannot create {sqlite_file}: directory {sqlite_file.parent} does not exist")
        created_files.append(sqlite_file)
    try:
        database = Database(url)
        with database.engine.connect() as conn:
            ready = inspect(conn).has_table("vicidial_users")
    except (SQLAlchemyError, ValueError, ImportError) as exc:
        fail(f"cannot open database {shown_url(url)}: {_driver_reason(exc)}")
    if not ready and not create:
        database.dispose()
        fail(f"database {shown_url(url)} has no leadgate tables: run `leadgate init` first")
    err_console.print(f"database: {shown_url(url)}", style="dim", highlight=False)
    opened.append(database)
    return database


def _sqlite_file(url: URL) -> Path | None:
    if url.get_backend_name() != "sqlite":
        return None
    name = url.database or ""
    if name in ("", ":memory:") or name.startswith("file:"):
        return None
    return Path(name).absolute()


def _driver_reason(exc: BaseException) -> str:
    """The driver's own words (unknown database, connection refused …), on one line."""
    return _first_line(getattr(exc, "orig", None) or exc)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else exc.__class__.__name__


def fail(message: str) -> NoReturn:
    err_console.print(f"[red]error:[/red] {message}", highlight=False)
    raise typer.Exit(code=1)


def database_failure(exc: SQLAlchemyError) -> str:
    """One line for a database error that escaped a command."""
    reason = _driver_reason(exc)
    lowered = reason.lower()
    missing = any(s in lowered for s in ("no such table", "doesn't exist", "does not exist"))
    return f"database error: {reason}" + (" (run `leadgate init` first)" if missing else "")

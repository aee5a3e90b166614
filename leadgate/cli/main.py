"""The `leadgate` command: a thin shell over the storage and domain layers."""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from sqlalchemy.exc import SQLAlchemyError

import leadgate
from leadgate.cli import agents, campaigns, common, dnc, groups, lists, reports, users, webhooks
from leadgate.cli.common import DbOption, database_failure, err_console, open_database
from leadgate.settings import Settings, SettingsError, load_settings

app = typer.Typer(
    help="leadgate: VICIdial-compatible lead-intake API server. "
    "Every option also reads its LEADGATE_* environment variable or a .env file (README).",
    no_args_is_help=True,
)
app.add_typer(users.app, name="user")
app.add_typer(groups.app, name="group")
app.add_typer(lists.app, name="list")
app.add_typer(campaigns.app, name="campaign")
app.add_typer(dnc.app, name="dnc")
app.add_typer(agents.app, name="agent")
app.add_typer(webhooks.app, name="webhooks")
app.add_typer(reports.app, name="report")
console = Console(soft_wrap=True, highlight=False)

_DEFAULTS = Settings.model_fields


def _version(value: bool) -> None:
    if value:
        console.print(f"leadgate {leadgate.__version__}")
        raise typer.Exit


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """leadgate: VICIdial-compatible lead-intake API server."""


@app.command()
def init(
    db: DbOption = None,
    yes: Annotated[
        bool,
        typer.Option(
            "--yes", "-y", help="Do not ask before changing a database that already has tables."
        ),
    ] = False,
) -> None:
    """Create or upgrade the database schema, and nothing else (lists the changes first)."""
    from leadgate.cli.schema import run_init

    run_init(open_database(db, create=True), yes=yes, console=console)


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[
        str | None,
        typer.Option(help="Address to listen on.", envvar="LEADGATE_HOST",
                     show_default=str(_DEFAULTS["host"].default)),
    ] = None,
    port: Annotated[
        int | None,
        typer.Option(help="Port to listen on.", envvar="LEADGATE_PORT",
                     show_default=str(_DEFAULTS["port"].default)),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(help="Server processes sharing the port.", envvar="LEADGATE_WORKERS",
                     show_default=str(_DEFAULTS["workers"].default)),
    ] = None,
    server: Annotated[str, typer.Option(help="granian (fast) or uvicorn.")] = "granian",
) -> None:  # fmt: skip
    """Run the HTTP server (creating the schema and a first admin user when needed)."""
    from leadgate.cli.bootstrap import bootstrap
    from leadgate.cli.serving import ensure_port_free, run_granian, run_uvicorn

    if server not in ("granian", "uvicorn"):
        common.fail(f"unknown server {server!r}: granian or uvicorn")
    settings = load_settings(db_url=db, host=host, port=port, workers=workers)
    ensure_port_free(settings.host, settings.port)
    open_database(settings.db_url, create=True).dispose()
    from leadgate.domain.database_setup import SchemaError

    try:
        bootstrap(settings.db_url, console)
    except SchemaError as exc:
        common.fail(str(exc))
    # Worker processes read their configuration from the environment.
    os.environ["LEADGATE_DB_URL"] = settings.db_url
    console.print(f"leadgate listening on http://{settings.host}:{settings.port} "
                  f"({settings.workers} worker(s), {server})")  # fmt: skip
    if server == "uvicorn":
        run_uvicorn(settings)
    else:
        run_granian(settings)


def main() -> None:
    """The console script: database failures anywhere are one line and exit code 1, and a
    failed command leaves no SQLite file it created behind."""
    try:
        app()
    except SystemExit as exc:
        if exc.code not in (0, None):
            _remove_created_files()
        raise
    except SQLAlchemyError as exc:
        _remove_created_files()
        err_console.print(f"[red]error:[/red] {database_failure(exc)}", highlight=False)
        sys.exit(1)
    except SettingsError as exc:
        _remove_created_files()
        err_console.print(f"[red]error:[/red] {escape(str(exc))}", highlight=False)
        sys.exit(1)
    finally:
        while common.opened:
            common.opened.pop().dispose()


def _remove_created_files() -> None:
    for path in common.created_files:
        for suffix in ("", "-wal", "-shm", "-journal"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)


if __name__ == "__main__":
    main()

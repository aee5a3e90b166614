"""Options and helpers every CLI command shares."""

from __future__ import annotations

from typing import Annotated, NoReturn

import typer
from rich.console import Console

from leadgate.settings import load_settings
from leadgate.storage.database import Database

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Database URL (sqlite:///path, mysql://…, postgresql://…).",
                 envvar="LEADGATE_DB_URL", show_default=False),
]  # fmt: skip

err_console = Console(stderr=True)


def open_database(db: str | None) -> Database:
    url = load_settings(db_url=db).db_url
    try:
        return Database(url)
    except Exception as exc:  # a bad URL or a missing driver: say so, no traceback
        fail(f"cannot open database: {exc}")


def fail(message: str) -> NoReturn:
    err_console.print(f"[red]error:[/red] {message}")
    raise typer.Exit(code=1)

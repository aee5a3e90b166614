"""The `leadgate` command: a thin shell over the storage and domain layers."""

from __future__ import annotations

import os
from typing import Annotated

import typer
from rich.console import Console

from leadgate.cli import agents, campaigns, dnc, lists, users, webhooks
from leadgate.cli.common import DbOption, open_database
from leadgate.settings import load_settings

app = typer.Typer(
    help="leadgate: VICIdial-compatible lead-intake API server.", no_args_is_help=True
)
app.add_typer(users.app, name="user")
app.add_typer(lists.app, name="list")
app.add_typer(campaigns.app, name="campaign")
app.add_typer(dnc.app, name="dnc")
app.add_typer(agents.app, name="agent")
app.add_typer(webhooks.app, name="webhooks")
console = Console()


@app.command()
def init(db: DbOption = None) -> None:
    """Create or upgrade the database schema, and nothing else."""
    from leadgate.storage.schema import upgrade_schema

    database = open_database(db)
    upgrade_schema(database)
    console.print(f"schema ready on {database.engine.url.render_as_string(hide_password=True)}")


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str | None, typer.Option(help="Address to listen on.")] = None,
    port: Annotated[int | None, typer.Option(help="Port to listen on.")] = None,
    workers: Annotated[int | None, typer.Option(help="Server processes sharing the port.")] = None,
    server: Annotated[str, typer.Option(help="granian (fast) or uvicorn.")] = "granian",
) -> None:
    """Run the HTTP server (creating the schema and a first admin user when needed)."""
    from leadgate.cli.bootstrap import bootstrap

    settings = load_settings(db_url=db, host=host, port=port, workers=workers)
    bootstrap(settings.db_url, console)
    # Worker processes read their configuration from the environment.
    os.environ["LEADGATE_DB_URL"] = settings.db_url
    console.print(f"leadgate listening on http://{settings.host}:{settings.port} "
                  f"({settings.workers} worker(s), {server})")  # fmt: skip
    if server == "uvicorn":
        import uvicorn

        uvicorn.run(
            "leadgate.http.app:create_app_from_env",
            factory=True, host=settings.host, port=settings.port, workers=settings.workers,
            access_log=False, log_level="warning",
        )  # fmt: skip
        return
    from granian.constants import Interfaces
    from granian.server import Server

    Server(
        "leadgate.http.app:create_app_from_env",
        factory=True, address=settings.host, port=settings.port, workers=settings.workers,
        interface=Interfaces.ASGI, log_access=False, respawn_failed_workers=True,
    ).serve()  # fmt: skip


if __name__ == "__main__":
    app()

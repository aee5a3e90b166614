"""`leadgate webhooks …`: the outbox of call URLs (list, show, retry, purge), per-endpoint
options (POST + signing), and a dispatcher on its own (`run`)."""

from __future__ import annotations

import asyncio
import contextlib
import signal
from datetime import timedelta
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from leadgate.cli.common import DbOption, fail, open_database
from leadgate.domain import clock, webhooks_outbox
from leadgate.settings import load_settings

app = typer.Typer(help="Outgoing call URLs (webhooks): the delivery outbox.", no_args_is_help=True)
console = Console()

State = Annotated[
    str | None, typer.Option("--state", help="pending, delivered or dead.", show_default=False)
]
Limit = Annotated[int, typer.Option("--limit", help="Rows to show (newest first).")]
OutboxId = Annotated[int, typer.Argument(help="The outbox row (see `webhooks list`).")]


def _check_state(state: str | None) -> None:
    if state is not None and state not in webhooks_outbox.STATES:
        fail(f"unknown state {state!r}: use one of {', '.join(webhooks_outbox.STATES)}")


@app.command("list")
def list_(db: DbOption = None, state: State = None, limit: Limit = 20) -> None:
    """Counts by state, then the newest rows."""
    _check_state(state)
    database = open_database(db)
    with database.transaction() as conn:
        counts = webhooks_outbox.counts_by_state(conn)
        rows = webhooks_outbox.newest_rows(conn, state, limit)
    database.dispose()
    console.print("  ".join(f"{name}: {count}" for name, count in counts.items()))
    table = Table("id", "type", "uniqueid", "state", "attempts", "next attempt", "last", "url")
    for row in rows:
        last = str(row["last_status"] or row["last_error"] or "")
        table.add_row(str(row["outbox_id"]), row["url_type"], row["uniqueid"], row["state"],
                      str(row["attempts"]), str(row["next_attempt_at"] or ""), last,
                      row["url"])  # fmt: skip
    console.print(table)


@app.command("show")
def show(outbox_id: OutboxId, db: DbOption = None) -> None:
    """Every column of one outbox row."""
    database = open_database(db)
    with database.transaction() as conn:
        row = webhooks_outbox.find_row(conn, outbox_id)
    database.dispose()
    if row is None:
        fail(f"no outbox row {outbox_id}")
    for name, value in row.items():
        console.print(f"{name}: {'' if value is None else value}", markup=False)


@app.command("retry")
def retry(
    outbox_id: Annotated[int | None, typer.Argument(help="One row; default: every dead row.")] = None,
    db: DbOption = None,
) -> None:  # fmt: skip
    """Send dead rows (or one row not yet delivered) again, with a fresh attempt budget."""
    database = open_database(db)
    with database.transaction() as conn:
        changed = webhooks_outbox.retry(conn, clock.now(), outbox_id=outbox_id)
    database.dispose()
    if outbox_id is not None and changed == 0:
        fail(f"no outbox row {outbox_id} waiting or dead (delivered rows are not sent again)")
    console.print(f"{changed} row(s) queued again")


@app.command("purge")
def purge(
    db: DbOption = None,
    older_than_days: Annotated[float, typer.Option("--older-than-days", min=0)] = 7.0,
    dead: Annotated[bool, typer.Option("--dead/--no-dead", help="Purge dead rows too.")] = False,
) -> None:
    """Delete delivered rows (and dead ones with --dead) finished before the given age."""
    database = open_database(db)
    with database.transaction() as conn:
        removed = webhooks_outbox.purge(
            conn, clock.now(), timedelta(days=older_than_days), dead=dead
        )
    database.dispose()
    console.print(f"{removed} row(s) purged")


@app.command("endpoint")
def endpoint(
    url_prefix: Annotated[str, typer.Argument(help="URLs starting with this (longest wins).")],
    db: DbOption = None,
    post: Annotated[bool, typer.Option("--post/--get", help="POST a JSON body instead of GET.")] = False,
    secret: Annotated[str, typer.Option("--secret", help="Standard Webhooks signing secret.")] = "",
    pass_value: Annotated[str, typer.Option(
        "--pass-value", help="Sent for --A--pass--B-- in dispo/start URLs (VICIdial sends the "
        "agent's password; leadgate this value, or nothing).")] = "",
    remove: Annotated[bool, typer.Option("--remove", help="Forget this endpoint.")] = False,
) -> None:  # fmt: skip
    """Opt an endpoint in to POST and/or signed deliveries (VICIdial's plain GET otherwise)."""
    if not url_prefix.startswith(("http://", "https://")):
        fail("the prefix must start with http:// or https://")
    database = open_database(db)
    with database.transaction() as conn:
        if remove:
            found = webhooks_outbox.remove_endpoint(conn, url_prefix)
        else:
            webhooks_outbox.set_endpoint(
                conn, url_prefix, post=post, secret=secret, pass_value=pass_value
            )
            found = True
    database.dispose()
    if not found:
        fail(f"no endpoint {url_prefix}")
    console.print("removed" if remove else f"{url_prefix}: {'POST' if post else 'GET'}"
                  f"{', signed' if secret else ''}", markup=False)  # fmt: skip


@app.command("run")
def run(db: DbOption = None) -> None:
    """Run a dispatcher in the foreground until interrupted (one is active per database)."""
    from leadgate.delivery.dispatcher import Dispatcher

    settings = load_settings(db_url=db)
    database = open_database(db)
    console.print("webhook dispatcher running (Ctrl-C to stop)")

    async def main() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError):
                loop.add_signal_handler(sig, stop.set)
        await Dispatcher(database, settings).run(stop)

    try:
        asyncio.run(main())
    finally:
        database.dispose()

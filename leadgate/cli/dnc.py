"""`leadgate dnc …`: the system do-not-call list (vicidial_dnc) and campaign lists
(vicidial_campaign_dnc, with --campaign). Every change is logged in vicidial_dnc_log."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from leadgate.cli.common import DbOption, fail, open_database
from leadgate.cli.guard import refusals
from leadgate.domain import clock, dnc_registry

app = typer.Typer(help="Do-not-call lists (system, or a campaign's with --campaign).",
                  no_args_is_help=True)  # fmt: skip
console = Console()

Phone = Annotated[str, typer.Argument(help="Phone number: 6-18 digits.", show_default=False)]
Campaign = Annotated[
    str | None,
    typer.Option("--campaign", help="Use this campaign's DNC list instead of the system list."),
]
By = Annotated[str, typer.Option("--by", help="User name written to vicidial_dnc_log.")]


def _where(campaign: str | None) -> str:
    return "system DNC list" if campaign is None else f"DNC list of campaign {campaign}"


@app.command("add")
def add(phone: Phone, db: DbOption = None, campaign: Campaign = None, by: By = "CLI") -> None:
    """Add a phone number to a DNC list."""
    with refusals(), open_database(db).transaction() as conn:
        number = dnc_registry.add(conn, phone, campaign, by, clock.now())
    console.print(f"added {number} to the {_where(campaign)}")


@app.command("remove")
def remove(phone: Phone, db: DbOption = None, campaign: Campaign = None, by: By = "CLI") -> None:
    """Remove a phone number from a DNC list."""
    with refusals(), open_database(db).transaction() as conn:
        number = dnc_registry.remove(conn, phone, campaign, by, clock.now())
    console.print(f"removed {number} from the {_where(campaign)}")


@app.command("check")
def check(phone: Phone, db: DbOption = None, campaign: Campaign = None) -> None:
    """Tell whether a phone is on the system list and on campaign lists (or only --campaign's)."""
    with refusals(), open_database(db).transaction() as conn:
        status = dnc_registry.check(conn, phone, campaign)
    table = Table("list", "listed", title=f"DNC status of {status.phone}")
    table.add_row("system", "yes" if status.system else "no")
    if campaign is not None:
        table.add_row(f"campaign {campaign}", "yes" if status.campaigns else "no")
    else:
        for listed_in in status.campaigns:
            table.add_row(f"campaign {listed_in}", "yes")
    console.print(table)
    blocked = status.system or bool(status.campaigns)
    console.print(f"{status.phone}: " + ("[red]DNC[/red]" if blocked else "[green]not DNC[/green]"))


@app.command("import")
def import_(
    file: Annotated[Path, typer.Argument(help="One phone per line, or CSV with it first.")],
    db: DbOption = None,
    campaign: Campaign = None,
    by: By = "CLI",
    batch_size: Annotated[int, typer.Option(min=1, max=50_000, help="Rows per transaction.")] = (
        dnc_registry.BATCH_SIZE
    ),
) -> None:
    """Add every phone of a file (blank lines and duplicates skipped, batches committed)."""
    if not file.is_file():
        fail(f"cannot read {file}: not a file")
    database = open_database(db)
    with file.open("rb") as stream, _progress() as progress:
        task = progress.add_task("importing", total=os.fstat(stream.fileno()).st_size)

        def lines() -> Iterator[str]:
            for raw in stream:
                progress.advance(task, len(raw))
                yield raw.decode("utf-8", errors="replace").lstrip("\ufeff")  # BOM

        with refusals():
            counts = dnc_registry.import_phones(
                database.run_in_transaction, lines(), campaign, by, clock.now(), batch_size
            )
    console.print(f"{_where(campaign)}: [green]{counts.added} added[/green], "
                  f"{counts.skipped} skipped (already listed or repeated), "
                  f"[red]{counts.invalid} invalid[/red]")  # fmt: skip
    for sample in counts.invalid_samples:
        console.print(f"  invalid {sample}")


def _progress() -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), DownloadColumn(),
                    TimeRemainingColumn(), console=console, transient=True)  # fmt: skip

"""`leadgate dnc …`: the system do-not-call list (vicidial_dnc) and campaign lists
(vicidial_campaign_dnc, with --campaign). The same operations as add_dnc_phone and
delete_dnc_phone: every change is logged in vicidial_dnc_log and vicidial_admin_log."""

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
from leadgate.domain import campaigns, clock, dnc
from leadgate.domain.dnc import DncOutcome, DncRequest

app = typer.Typer(help="Do-not-call lists (system, or a campaign's with --campaign).",
                  no_args_is_help=True)  # fmt: skip
console = Console()

Phone = Annotated[str, typer.Argument(help="Phone number: 6-18 digits.", show_default=False)]
Campaign = Annotated[
    str | None,
    typer.Option("--campaign", help="Use this campaign's DNC list instead of the system list."),
]
By = Annotated[str, typer.Option("--by", help="User name written to the DNC and admin logs.")]
INVALID_SAMPLES = 5


def _where(campaign: str | None) -> str:
    return "system DNC list" if campaign is None else f"DNC list of campaign {campaign}"


def _list_name(campaign: str | None) -> str:
    return "the system DNC list" if campaign is None else f"the DNC list of {campaign}"


def _phone(value: str) -> str:
    phone = dnc.normalise_phone(value)
    if phone is None:
        fail(f"invalid phone number {value!r}: 6-18 digits (or NPAXXXXXXX)")
    return phone


def _request(phone: str, campaign: str | None, by: str) -> DncRequest:
    if campaign is not None:
        with refusals():
            campaigns.parse_campaign_id(campaign)
    return DncRequest(phone_number=phone, campaign_id=campaign or dnc.SYSTEM_LIST, user=by,
                      require_campaign=True)  # fmt: skip


def _refused(outcome: DncOutcome, phone: str, campaign: str | None) -> None:
    if outcome is DncOutcome.UNKNOWN_CAMPAIGN:
        fail(f"campaign {campaign} does not exist")
    if outcome is DncOutcome.ALREADY_LISTED:
        fail(f"{phone} is already on {_list_name(campaign)}")
    if outcome is DncOutcome.NOT_LISTED:
        fail(f"{phone} is not on {_list_name(campaign)}")


@app.command("add")
def add(phone: Phone, db: DbOption = None, campaign: Campaign = None, by: By = "CLI") -> None:
    """Add a phone number to a DNC list."""
    number = _phone(phone)
    request = _request(number, campaign, by)
    with refusals(), open_database(db).unit_of_work(clock.now()) as uow:
        outcome = dnc.add_number(uow, request)
    _refused(outcome, number, campaign)
    console.print(f"added {number} to the {_where(campaign)}")


@app.command("remove")
def remove(phone: Phone, db: DbOption = None, campaign: Campaign = None, by: By = "CLI") -> None:
    """Remove a phone number from a DNC list."""
    number = _phone(phone)
    request = _request(number, campaign, by)
    with refusals(), open_database(db).unit_of_work(clock.now()) as uow:
        outcome = dnc.remove_number(uow, request)
    _refused(outcome, number, campaign)
    console.print(f"removed {number} from the {_where(campaign)}")


@app.command("check")
def check(phone: Phone, db: DbOption = None, campaign: Campaign = None) -> None:
    """Tell whether a phone is on the system list and on campaign lists (or only --campaign's)."""
    number = _phone(phone)
    with refusals(), open_database(db).transaction() as conn:
        if campaign is not None:
            campaigns.require_campaign(conn, campaign)
        status = dnc.status(conn, number, campaign)
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
        dnc.BATCH_SIZE
    ),
    rejects: Annotated[
        Path | None,
        typer.Option(help="Write rejected lines here (default: FILE.rejects next to FILE)."),
    ] = None,
) -> None:
    """Add every phone of a file (blank lines and duplicates skipped, batches committed).

    Lines without a valid phone number are reported, written to a reject file, and make the
    command exit with code 2 (the valid lines are imported all the same).
    """
    if not file.is_file():
        fail(f"cannot read {file}: not a file")
    reject_path = rejects or file.with_name(file.name + ".rejects")
    if reject_path.resolve() == file.resolve():
        fail("the reject file cannot be the input file")
    request = _request("", campaign, by)
    reject_path.unlink(missing_ok=True)  # a reject file of an earlier run would mislead
    database = open_database(db)
    samples: list[str] = []
    reject_file = None

    def on_reject(line_number: int, line: str) -> None:
        nonlocal reject_file
        if reject_file is None:
            reject_file = reject_path.open("w", encoding="utf-8")
        reject_file.write(line if line.endswith("\n") else line + "\n")
        if len(samples) < INVALID_SAMPLES:
            samples.append(f"line {line_number}: {line.strip()[:40]!r}")

    try:
        with file.open("rb") as stream, _progress() as progress:
            task = progress.add_task("importing", total=os.fstat(stream.fileno()).st_size)

            def lines() -> Iterator[str]:
                for raw in stream:
                    progress.advance(task, len(raw))
                    yield raw.decode("utf-8", errors="replace").lstrip("\ufeff")  # BOM

            with refusals():
                report = dnc.import_numbers(
                    lambda: database.unit_of_work(clock.now()), lines(), request,
                    on_reject=on_reject, batch_size=batch_size,
                )  # fmt: skip
    finally:
        if reject_file is not None:
            reject_file.close()
    if report.outcome is DncOutcome.UNKNOWN_CAMPAIGN:
        fail(f"campaign {campaign} does not exist")
    console.print(f"{_where(campaign)}: [green]{report.added} added[/green], "
                  f"{report.skipped} skipped (already listed or repeated), "
                  f"[red]{report.rejected} invalid[/red]"
                  + (" (first line taken as a header)" if report.header else ""))  # fmt: skip
    if report.rejected:
        for sample in samples:
            console.print(f"  invalid {sample}")
        console.print(f"rejected lines written to {reject_path}")
        raise typer.Exit(code=2)


def _progress() -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), DownloadColumn(),
                    TimeRemainingColumn(), console=console, transient=True)  # fmt: skip

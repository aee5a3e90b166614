"""`leadgate list …`: lead lists (vicidial_lists)."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from leadgate.cli.common import DbOption, open_database
from leadgate.cli.guard import refusals
from leadgate.domain import clock, lists
from leadgate.domain.actor import Actor

app = typer.Typer(help="Lead lists (vicidial_lists).", no_args_is_help=True)
console = Console()

CLI_ACTOR = Actor(user="CLI")
SHOWN = ("list_id", "list_name", "campaign_id", "active", "list_description", "local_call_time",
         "expiration_date", "list_changedate", "list_lastcalldate")  # fmt: skip

ListId = Annotated[str, typer.Argument(help="List id: 2-19 digits.", show_default=False)]
Campaign = Annotated[str | None, typer.Option("--campaign", help="Campaign the list belongs to.")]
Name = Annotated[str | None, typer.Option("--name", help="List name (30 characters at most).")]
Description = Annotated[str | None, typer.Option("--description", help="List description.")]
Active = Annotated[bool | None, typer.Option("--active/--inactive", help="List active.")]
CallTime = Annotated[
    str | None,
    typer.Option("--call-time", help="local_call_time: a call time id, or 'campaign'."),
]
Expires = Annotated[str | None, typer.Option("--expires", help="expiration_date, YYYY-MM-DD.")]


def _values(campaign: str | None, name: str | None, description: str | None,
            active: bool | None, call_time: str | None, expires: str | None) -> dict[str, Any]:  # fmt: skip
    return {"campaign_id": campaign, "list_name": name, "list_description": description,
            "active": active, "local_call_time": call_time, "expiration_date": expires}  # fmt: skip


@app.command("add")
def add(
    list_id: ListId, campaign: Campaign = None, db: DbOption = None, name: Name = None,
    description: Description = None, active: Active = True, call_time: CallTime = None,
    expires: Expires = None,
) -> None:  # fmt: skip
    """Create a list attached to an existing campaign."""
    with refusals():
        number = lists.parse_list_id(list_id)
        values = _values(campaign, name, description, active, call_time, expires)
        with open_database(db).unit_of_work(clock.now()) as uow:
            lists.add_list(uow, lists.ListChange(number, values), CLI_ACTOR)
    console.print(f"created list [bold]{number}[/bold] in campaign [bold]{campaign}[/bold]")


@app.command("update")
def update(
    list_id: ListId, db: DbOption = None, campaign: Campaign = None, name: Name = None,
    description: Description = None, active: Active = None, call_time: CallTime = None,
    expires: Expires = None,
) -> None:  # fmt: skip
    """Change a list's name, campaign, status, call time or expiration date."""
    with refusals():
        number = lists.parse_list_id(list_id)
        values = _values(campaign, name, description, active, call_time, expires)
        with open_database(db).unit_of_work(clock.now()) as uow:
            lists.update_list(uow, lists.ListChange(number, values), CLI_ACTOR)
    console.print(f"updated list [bold]{number}[/bold]")


@app.command("show")
def show(list_id: ListId, db: DbOption = None) -> None:
    """Show one list."""
    with refusals():
        number = lists.parse_list_id(list_id)
        with open_database(db).transaction() as conn:
            row = lists.get_list(conn, number)
    table = Table(show_header=False, title=f"list {number}")
    for column in SHOWN:
        table.add_row(column, _text(row[column]))
    console.print(table)


@app.command("list")
def list_(
    db: DbOption = None,
    campaign: Annotated[
        str | None, typer.Option("--campaign", help="Only this campaign's.")
    ] = None,
) -> None:
    """List every list (or one campaign's)."""
    with refusals(), open_database(db).transaction() as conn:
        rows = lists.all_lists(conn, campaign)
    table = Table("list_id", "list_name", "campaign_id", "active", "expiration_date",
                  title=f"lists ({len(rows)})")  # fmt: skip
    for row in rows:
        table.add_row(*(_text(row[c]) for c in ("list_id", "list_name", "campaign_id", "active",
                                                "expiration_date")))  # fmt: skip
    console.print(table)


@app.command("delete")
def delete(
    list_id: ListId,
    db: DbOption = None,
    with_leads: Annotated[bool, typer.Option("--with-leads", help="Delete its leads too.")] = False,
) -> None:
    """Delete a list (a list that has leads only with --with-leads)."""
    with refusals():
        number = lists.parse_list_id(list_id)
        with open_database(db).unit_of_work(clock.now()) as uow:
            leads = lists.delete_list(uow, number, CLI_ACTOR, with_leads=with_leads)
    console.print(f"deleted list [bold]{number}[/bold]" + (f" and {leads} leads" if leads else ""))


def _text(value: object) -> str:
    return "" if value is None else str(value)

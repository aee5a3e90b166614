"""`leadgate group …`: user groups (vicidial_user_groups) — which campaigns, and so which
lists, their users may see (lead_field_info, lead_all_info, api_list_restrict)."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from leadgate.cli.common import DbOption, open_database
from leadgate.cli.guard import refusals
from leadgate.domain import clock, users
from leadgate.domain.actor import Actor
from leadgate.domain.users import ALL_CAMPAIGNS, GroupChange

app = typer.Typer(help="User groups (vicidial_user_groups).", no_args_is_help=True)
console = Console()
CLI_ACTOR = Actor(user="CLI")

GroupId = Annotated[
    str, typer.Argument(help="User group: 1-20 letters, digits, - or _.", show_default=False)
]
Name = Annotated[str | None, typer.Option("--name", help="Group name (40 characters).")]
Campaigns = Annotated[
    str | None,
    typer.Option("--campaigns",
                 help=f"Allowed campaigns, space or comma separated, or {ALL_CAMPAIGNS}."),
]  # fmt: skip


def _campaigns(value: str | None) -> list[str] | None:
    if value is None:
        return None
    return [c for c in value.replace(",", " ").split() if c and c != "-"]


@app.command("add")
def add(group: GroupId, db: DbOption = None, name: Name = None,
        campaigns: Campaigns = ALL_CAMPAIGNS) -> None:  # fmt: skip
    """Create a user group (allowed every campaign unless --campaigns says otherwise)."""
    change = GroupChange(group, group_name=name, allowed_campaigns=_campaigns(campaigns))
    with refusals(), open_database(db).unit_of_work(clock.now()) as uow:
        users.add_group(uow, change, CLI_ACTOR)
    console.print(f"created user group [bold]{group}[/bold]")


@app.command("update")
def update(group: GroupId, db: DbOption = None, name: Name = None,
           campaigns: Campaigns = None) -> None:  # fmt: skip
    """Change a group's name or allowed campaigns."""
    change = GroupChange(group, group_name=name, allowed_campaigns=_campaigns(campaigns))
    with refusals(), open_database(db).unit_of_work(clock.now()) as uow:
        users.update_group(uow, change, CLI_ACTOR)
    console.print(f"updated user group [bold]{group}[/bold]")


@app.command("show")
def show(group: GroupId, db: DbOption = None) -> None:
    """Show one group and how many users it has."""
    with refusals(), open_database(db).transaction() as conn:
        row = users.get_group(conn, group)
        members = users.group_members(conn, group)
    table = Table(show_header=False, title=f"user group {group}")
    for column in ("user_group", "group_name", "allowed_campaigns"):
        table.add_row(column, "" if row[column] is None else str(row[column]).strip())
    table.add_row("users", str(members))
    console.print(table)


@app.command("list")
def list_(db: DbOption = None) -> None:
    """List every user group."""
    with refusals(), open_database(db).transaction() as conn:
        rows = users.all_groups(conn)
    table = Table("user_group", "group_name", "allowed_campaigns",
                  title=f"user groups ({len(rows)})")  # fmt: skip
    for row in rows:
        table.add_row(str(row["user_group"]), str(row["group_name"] or ""),
                      str(row["allowed_campaigns"] or "").strip())  # fmt: skip
    console.print(table)

"""`leadgate user …`: API users with hashed passwords.

add, copy, update, passwd and delete run the API's own add_user/copy_user/update_user
operations (domain/user_admin.py) as an unrestricted caller, so both write vicidial_users by one
set of rules; the CLI adds the permission columns the API has no parameter for."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from leadgate.cli.common import DbOption, fail, open_database
from leadgate.cli.guard import refusals
from leadgate.cli.wording import user_problem
from leadgate.domain import clock, user_admin, users
from leadgate.domain.actor import Actor
from leadgate.domain.passwords import generate_password
from leadgate.domain.user_admin import PERMISSION_FLAGS, UserFields, UserOutcome, UserProblem

app = typer.Typer(help="API users (vicidial_users).", no_args_is_help=True)
console = Console()
CLI_CALLER = user_admin.unrestricted(Actor(user="CLI"))

SHOWN = ("user", "full_name", "user_level", "user_group", "active", "api_allowed_functions",
         "api_list_restrict", *PERMISSION_FLAGS, "failed_login_count", "last_login_date")  # fmt: skip

Level = Annotated[int | None, typer.Option(min=1, max=9, help="User level 1-9 (API needs 8+).")]
Group = Annotated[str | None, typer.Option(help="User group.")]
Name = Annotated[str | None, typer.Option("--full-name", help="Full name.")]
Active = Annotated[bool | None, typer.Option("--active/--inactive", help="Account active.")]
ApiAccess = Annotated[bool | None, typer.Option("--api-access/--no-api-access")]
Functions = Annotated[
    str | None, typer.Option(help="Allowed API functions, space separated, or ALL_FUNCTIONS.")
]
Restrict = Annotated[bool | None, typer.Option("--list-restrict/--no-list-restrict")]
Grant = Annotated[
    list[str] | None,
    typer.Option("--grant", help=f"Set a permission to 1 ({', '.join(PERMISSION_FLAGS)}).")
]  # fmt: skip
Revoke = Annotated[list[str] | None, typer.Option("--revoke", help="Set a permission to 0.")]


def _access(active: bool | None, api_access: bool | None, functions: str | None,
            restrict: bool | None, grant: list[str] | None,
            revoke: list[str] | None) -> dict[str, str]:  # fmt: skip
    """The permission and access columns the options set (user_admin.ACCESS_COLUMNS)."""
    access: dict[str, str] = {}
    if active is not None:
        access["active"] = "Y" if active else "N"
    if api_access is not None:
        access["vdc_agent_api_access"] = "1" if api_access else "0"
    if functions is not None:
        access["api_allowed_functions"] = f" {' '.join(functions.split())} "
    if restrict is not None:
        access["api_list_restrict"] = "1" if restrict else "0"
    for value, names in (("1", grant or []), ("0", revoke or [])):
        for name in names:
            if name not in PERMISSION_FLAGS:
                fail(f"unknown permission {name!r}; one of: {', '.join(PERMISSION_FLAGS)}")
            access[name] = value
    return access


def _check(outcome: UserOutcome, fields: UserFields) -> None:
    if outcome.problem is not None:
        fail(user_problem(outcome, fields))


@app.command("add")
def add(
    user: str,
    db: DbOption = None,
    password: Annotated[str | None, typer.Option(help="Password; generated when omitted.")] = None,
    level: Level = 8, group: Group = "ADMIN", full_name: Name = None, active: Active = True,
    api_access: ApiAccess = True, functions: Functions = "ALL_FUNCTIONS",
    restrict: Restrict = False, grant: Grant = None, revoke: Revoke = None,
) -> None:  # fmt: skip
    """Create an API user in an existing user group (its password is stored as an argon2
    hash)."""
    database = open_database(db)
    generated = password is None
    secret = password or generate_password()
    access = {"modify_leads": "1", "view_reports": "1",
              **_access(active, api_access, functions, restrict, grant, revoke)}  # fmt: skip
    fields = UserFields(agent_user=user, agent_pass=secret, user_level=str(level or 8),
                        full_name=full_name or user, user_group=group or "ADMIN",
                        access=access)  # fmt: skip
    with refusals(), database.unit_of_work(clock.now()) as uow:
        users.check_user_name(user)
        users.check_password(secret)
        outcome = user_admin.add_user(uow, fields, CLI_CALLER)
        _check(outcome, fields)
    # AUTOGENERATE in the name: add_user picked the next free number.
    console.print(f"created user [bold]{outcome.user}[/bold]")
    if generated:
        console.print(f"password: [bold yellow]{secret}[/bold yellow] (shown only this once)")


@app.command("update")
def update(
    user: str, db: DbOption = None, level: Level = None, group: Group = None,
    full_name: Name = None, active: Active = None, api_access: ApiAccess = None,
    functions: Functions = None, restrict: Restrict = None, grant: Grant = None,
    revoke: Revoke = None,
) -> None:  # fmt: skip
    """Change a user's level, group or permissions."""
    access = _access(None, api_access, functions, restrict, grant, revoke)
    fields = UserFields(
        agent_user=user, user_level="" if level is None else str(level),
        full_name=full_name or "", user_group=group or "",
        active="" if active is None else "Y" if active else "N", access=access,
    )  # fmt: skip
    if not (fields.user_level or fields.full_name or fields.user_group or fields.active or access):
        fail("nothing to change: give at least one option")
    _update(db, fields, delete=False)
    console.print(f"updated user [bold]{user}[/bold]")


@app.command("passwd")
def passwd(
    user: str,
    db: DbOption = None,
    password: Annotated[
        str | None, typer.Option(help="New password; generated when omitted.")
    ] = None,
) -> None:
    """Set a new password (also unlocks the account)."""
    secret = password or generate_password()
    with refusals():
        users.check_password(secret)
    _update(db, UserFields(agent_user=user, agent_pass=secret), delete=False)
    console.print(f"password of [bold]{user}[/bold] changed")
    if password is None:
        console.print(f"password: [bold yellow]{secret}[/bold yellow] (shown only this once)")


def _update(db: str | None, fields: UserFields, *, delete: bool) -> None:
    with refusals(), open_database(db).unit_of_work(clock.now()) as uow:
        _check(user_admin.update_user(uow, fields, CLI_CALLER, delete=delete), fields)


@app.command("show")
def show(user: str, db: DbOption = None) -> None:
    """Show one user (never the password)."""
    with refusals(), open_database(db).transaction() as conn:
        row = users.find_user(conn, user)
    if row is None:
        fail(f"user {user} does not exist")
    table = Table(show_header=False)
    for column in SHOWN:
        table.add_row(column, "" if row[column] is None else str(row[column]))
    console.print(table)


@app.command("list")
def list_(db: DbOption = None) -> None:
    """List every user."""
    with refusals(), open_database(db).transaction() as conn:
        rows = users.all_users(conn)
    table = Table("user", "full_name", "level", "group", "active", "api")
    for row in rows:
        table.add_row(str(row["user"]), str(row["full_name"] or ""), str(row["user_level"]),
                      str(row["user_group"] or ""), str(row["active"] or ""),
                      str(row["vdc_agent_api_access"] or ""))  # fmt: skip
    console.print(table)


@app.command("delete")
def delete(user: str, db: DbOption = None) -> None:
    """Delete a user."""
    _update(db, UserFields(agent_user=user), delete=True)
    console.print(f"deleted user [bold]{user}[/bold]")


@app.command("copy")
def copy(
    source: str,
    new: str,
    db: DbOption = None,
    password: Annotated[str | None, typer.Option(help="Password; generated when omitted.")] = None,
    full_name: Name = None,
) -> None:
    """Create NEW with SOURCE's level, group, permissions, in-groups and campaigns (the API's
    copy_user); NEW may be AUTOGENERATE for the next free number."""
    generated = password is None
    with refusals():
        secret = users.check_password(password or generate_password())
        fields = UserFields(agent_user=users.check_user_name(new), agent_pass=secret,
                            full_name=full_name or new, source_user=source)  # fmt: skip
        with open_database(db).unit_of_work(clock.now()) as uow:
            outcome = user_admin.copy_user(uow, fields, CLI_CALLER)
    if outcome.problem is UserProblem.EXISTS:
        fail(f"user {new} already exists")
    if outcome.problem is UserProblem.GROUP_NOT_FOUND:
        fail(f"user {source} does not exist" if not outcome.value
             else f"user group {outcome.value} of user {source} does not exist")  # fmt: skip
    console.print(f"created user [bold]{outcome.user}[/bold] as a copy of [bold]{source}[/bold]")
    if generated:
        console.print(f"password: [bold yellow]{secret}[/bold yellow] (shown only this once)")

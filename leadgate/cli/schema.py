"""`leadgate init`: say what will be created, ask on a database that already has tables, do it."""

from __future__ import annotations

import sys

import typer
from rich.console import Console
from sqlalchemy.exc import SQLAlchemyError

from leadgate.cli.common import fail, shown_url
from leadgate.domain import database_setup
from leadgate.domain.database_setup import DatabaseMode
from leadgate.storage.database import Database


def run_init(database: Database, *, yes: bool, console: Console) -> None:
    where = shown_url(database.url)
    try:
        plan = database_setup.init_plan(database)
        if plan.nothing_to_do:
            console.print(f"schema up to date on {where} (revision {plan.state.revision})")
            return
        console.print(f"database {where}: {plan.state.describe()}", soft_wrap=True)
        if plan.revisions_to_apply:
            console.print(
                "revisions to apply: " + ", ".join(plan.revisions_to_apply), soft_wrap=True
            )
        if plan.tables_to_create:
            console.print("tables to create: " + ", ".join(plan.tables_to_create), soft_wrap=True)
        if plan.state.mode is DatabaseMode.VICIDIAL:
            console.print(
                "existing tables keep their rows and columns; a revision may add a missing "
                "column or index to them (0007: indexes the report functions need)",
                soft_wrap=True,
            )
        if plan.needs_confirmation and not yes:
            if not sys.stdin.isatty():
                fail("the database already has tables: run again with --yes to apply this")
            if not typer.confirm("apply these changes?", default=False):
                fail("nothing was changed")
        database_setup.upgrade_schema(database)
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        fail(f"database error: {reason}")
    finally:
        database.dispose()
    console.print(f"schema ready on {where}")

"""First start: decide what kind of database this is, then one administrator (and the ADMIN
user group it belongs to) when leadgate serves its own database and it has no user at all."""

from __future__ import annotations

from rich.console import Console

from leadgate.domain import clock, database_setup, users
from leadgate.domain.actor import Actor
from leadgate.domain.database_setup import DatabaseState
from leadgate.domain.passwords import generate_password
from leadgate.storage.database import Database

BOOTSTRAP = Actor(user="leadgate")


def bootstrap(db_url: str, console: Console) -> DatabaseState:
    """Raises database_setup.SchemaError when the database cannot be served as it is."""
    database = Database(db_url)
    try:
        state = database_setup.prepare_for_serving(database)
        console.print(f"database: {state.describe()}", soft_wrap=True)
        if database_setup.needs_first_admin(database, state):
            password = generate_password()
            with database.unit_of_work(clock.now()) as uow:
                # In the ADMIN group, added with it: without its group the admin's
                # lead_field_info / lead_all_info answer LIST NOT FOUND (the group says which
                # campaigns, all of them, it may see).
                users.add_administrator(uow, "admin", password, "Administrator", BOOTSTRAP)
            console.print(
                "[bold]Created API user 'admin'[/bold] (user group ADMIN) with password "
                f"[bold yellow]{password}[/bold yellow] — shown only this once."
            )
        return state
    finally:
        database.dispose()

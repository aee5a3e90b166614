"""First start: decide what kind of database this is, then one administrator (and the ADMIN
user group it belongs to) when leadgate serves its own database and it has no user at all."""

from __future__ import annotations

from rich.console import Console

from leadgate.domain import clock, users
from leadgate.domain.actor import Actor
from leadgate.domain.passwords import generate_password
from leadgate.storage.database import Database
from leadgate.storage.schema import DatabaseMode, DatabaseState, prepare_for_serving, user_count

BOOTSTRAP = Actor(user="leadgate")


def bootstrap(db_url: str, console: Console) -> DatabaseState:
    """Raises storage.schema.SchemaError when the database cannot be served as it is."""
    database = Database(db_url)
    try:
        state = prepare_for_serving(database)
        console.print(f"database: {state.describe()}", soft_wrap=True)
        # On a VICIdial database leadgate writes nothing at start (its users are VICIdial's).
        if state.mode is not DatabaseMode.VICIDIAL and user_count(database) == 0:
            password = generate_password()
            with database.unit_of_work(clock.now()) as uow:
                # Without its group the admin's lead_field_info / lead_all_info answer
                # LIST NOT FOUND: the group says which campaigns (all) it may see.
                users.ensure_admin_group(uow, BOOTSTRAP)
                users.add_user(uow, users.admin_profile("admin", password, "Administrator"),
                               BOOTSTRAP)  # fmt: skip
            console.print(
                "[bold]Created API user 'admin'[/bold] (user group ADMIN) with password "
                f"[bold yellow]{password}[/bold yellow] — shown only this once."
            )
        return state
    finally:
        database.dispose()

"""First start: schema, then one administrator when the database has no user at all."""

from __future__ import annotations

from rich.console import Console

from leadgate.domain import accounts
from leadgate.domain.passwords import generate_password
from leadgate.storage.database import Database
from leadgate.storage.schema import upgrade_schema, user_count


def bootstrap(db_url: str, console: Console) -> None:
    database = Database(db_url)
    try:
        upgrade_schema(database)
        if user_count(database) == 0:
            password = generate_password()
            with database.transaction() as conn:
                accounts.create_user(
                    conn, accounts.admin_profile("admin", password, "Administrator")
                )
            console.print(
                "[bold]Created API user 'admin'[/bold] with password "
                f"[bold yellow]{password}[/bold yellow] — shown only this once."
            )
    finally:
        database.dispose()

"""What leadgate does to a database before serving it: tell what kind it is, plan and apply
`leadgate init`, and decide whether a first administrator is needed. The DDL itself is
storage's (storage/schema.py); the CLI reaches it only through here."""

from __future__ import annotations

from leadgate.storage import schema
from leadgate.storage.database import Database

DatabaseMode = schema.DatabaseMode
DatabaseState = schema.DatabaseState
InitPlan = schema.InitPlan
SchemaError = schema.SchemaError


def init_plan(database: Database) -> InitPlan:
    """What `leadgate init` would do, to show before doing it."""
    return schema.init_plan(database)


def upgrade_schema(database: Database) -> None:
    """Create or upgrade every table leadgate needs; idempotent."""
    schema.upgrade_schema(database)


def prepare_for_serving(database: Database) -> DatabaseState:
    """Raises SchemaError when the database cannot be served as it is."""
    return schema.prepare_for_serving(database)


def needs_first_admin(database: Database, state: DatabaseState) -> bool:
    """leadgate's own database without any user gets one administrator; a VICIdial database
    never does (its users are VICIdial's, and leadgate writes nothing there at start)."""
    return state.mode is not DatabaseMode.VICIDIAL and schema.user_count(database) == 0

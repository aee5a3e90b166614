"""Creating and upgrading the schema (Alembic), and telling what kind of database this is.

leadgate runs on three kinds of database, decided once at start (`database_state`):

* its own (`alembic_version` present): upgraded to the newest revision when behind;
* an existing VICIdial database (VICIdial's tables, no `alembic_version`): leadgate runs no DDL
  at all — it needs only the grants VICIdial gives its cron user (SELECT, INSERT, UPDATE,
  DELETE) — and notes which tables it uses are missing (stock VICIdial has no
  `vicidial_list_archive`); the calls that need them fail as on VICIdial;
* an empty one: the schema is created (SQLite's first start).

`leadgate init` is the explicit way to add leadgate's tables to any of them (`init_plan`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, func, inspect, select, text
from sqlalchemy.exc import SQLAlchemyError

from leadgate.storage.database import Database
from leadgate.storage.tables import metadata, servers, system_settings, vicidial_users

# The tables every VICIdial database has and leadgate cannot work without.
VICIDIAL_CORE_TABLES = ("vicidial_list", "vicidial_users", "vicidial_lists", "system_settings")
VERSION_TABLE = "alembic_version"


class DatabaseMode(StrEnum):
    EMPTY = "empty"  # no table at all: leadgate creates its schema
    LEADGATE = "leadgate"  # leadgate's schema at the newest revision
    LEADGATE_OUTDATED = "leadgate-outdated"  # leadgate's schema, older revision: upgraded
    VICIDIAL = "vicidial"  # VICIdial's own schema: no DDL, ever
    UNKNOWN = "unknown"  # tables, but neither leadgate's nor VICIdial's: refused


@dataclass(frozen=True)
class DatabaseState:
    mode: DatabaseMode
    revision: str | None = None  # alembic_version's revision, if any
    head: str = ""
    missing_tables: tuple[str, ...] = ()  # tables leadgate uses that the database lacks
    existing_tables: frozenset[str] = field(default_factory=frozenset)

    def describe(self) -> str:
        """One line for the operator: which mode, and what it means."""
        if self.mode is DatabaseMode.VICIDIAL:
            line = "VICIdial database: leadgate changes no table definition (no DDL)"
            if self.missing_tables:
                line += f"; missing, calls needing them fail: {', '.join(self.missing_tables)}"
            return line
        if self.mode is DatabaseMode.LEADGATE:
            return f"leadgate schema, revision {self.revision}"
        if self.mode is DatabaseMode.LEADGATE_OUTDATED:
            return f"leadgate schema, revision {self.revision} (newest: {self.head})"
        if self.mode is DatabaseMode.EMPTY:
            return "empty database"
        return (
            "neither leadgate's nor VICIdial's schema "
            f"(revision {self.revision or 'none'}; newest known: {self.head})"
        )


class SchemaError(Exception):
    """The database cannot be served as it is; the message says what to do."""


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", "leadgate.storage:migrations")
    return config


def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = _scripts().get_current_head()
    assert head is not None
    return head


def _stored_revision(conn: Connection) -> str | None:
    return conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()


def database_state(db: Database) -> DatabaseState:
    """Look at the database (reads only: works with SELECT-only grants)."""
    with db.engine.connect() as conn:
        existing = frozenset(inspect(conn).get_table_names())
        revision = _stored_revision(conn) if VERSION_TABLE in existing else None
    head = head_revision()
    missing = tuple(sorted(name for name in metadata.tables if name not in existing))
    if VERSION_TABLE in existing:
        known = {script.revision for script in _scripts().walk_revisions()}
        if revision == head:
            mode = DatabaseMode.LEADGATE
        elif revision in known or revision is None:
            mode = DatabaseMode.LEADGATE_OUTDATED
        else:
            mode = DatabaseMode.UNKNOWN  # written by a newer leadgate
    elif not existing:
        mode = DatabaseMode.EMPTY
    elif all(name in existing for name in VICIDIAL_CORE_TABLES):
        mode = DatabaseMode.VICIDIAL
    else:
        mode = DatabaseMode.UNKNOWN
    return DatabaseState(mode, revision, head, missing, existing)


def database_mode(db: Database) -> DatabaseMode:
    return database_state(db).mode


def prepare_for_serving(db: Database) -> DatabaseState:
    """What `leadgate serve` does to the database before answering: on leadgate's own (or an
    empty) database bring the schema to the newest revision; on a VICIdial database nothing."""
    state = database_state(db)
    if state.mode in (DatabaseMode.EMPTY, DatabaseMode.LEADGATE_OUTDATED):
        try:
            upgrade_schema(db)
        except SQLAlchemyError as exc:
            reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
            raise SchemaError(
                f"cannot bring the schema to revision {state.head} ({reason}); run "
                "`leadgate init` as a database user allowed to create tables"
            ) from exc
        return database_state(db)
    if state.mode is DatabaseMode.UNKNOWN:
        raise SchemaError(
            f"the database has {state.describe()}; run `leadgate init` to add leadgate's "
            "tables (it lists them first)"
        )
    return state


@dataclass(frozen=True)
class InitPlan:
    """What `leadgate init` would do, to show before doing it."""

    state: DatabaseState
    tables_to_create: tuple[str, ...]
    revisions_to_apply: tuple[str, ...]  # "0002 webhook outbox", oldest first

    @property
    def nothing_to_do(self) -> bool:
        return not self.revisions_to_apply

    @property
    def needs_confirmation(self) -> bool:
        """Changing a database that already holds tables is asked for; an empty one is not."""
        return bool(self.state.existing_tables) and not self.nothing_to_do


def init_plan(db: Database) -> InitPlan:
    state = database_state(db)
    pending: list[str] = []
    for script in _scripts().walk_revisions():  # newest first
        if script.revision == state.revision:
            break
        title = (script.doc or "").strip().splitlines()[0] if script.doc else ""
        pending.append(f"{script.revision} {title}".strip())
    pending.reverse()
    to_create = list(state.missing_tables)
    if VERSION_TABLE not in state.existing_tables:
        to_create.append(VERSION_TABLE)
    return InitPlan(state, tuple(to_create), tuple(pending))


def upgrade_schema(db: Database) -> None:
    """Create or upgrade every table leadgate needs; idempotent."""
    config = alembic_config()
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    _ensure_singleton_rows(db)


def _ensure_singleton_rows(db: Database) -> None:
    """system_settings and servers each need one row; an existing VICIdial already has them."""
    with db.transaction() as conn:
        if conn.execute(select(func.count()).select_from(system_settings)).scalar_one() == 0:
            conn.execute(
                system_settings.insert().values(
                    custom_fields_enabled="1", vdc_agent_api_active="1", pass_hash_enabled="0"
                )
            )
        if conn.execute(select(func.count()).select_from(servers)).scalar_one() == 0:
            conn.execute(
                servers.insert().values(
                    server_id="leadgate", server_ip="127.0.0.1", active="Y", local_gmt="-5.00"
                )
            )


def schema_is_ready(db: Database) -> bool:
    return inspect(db.engine).has_table("vicidial_users")


def user_count(db: Database) -> int:
    with db.transaction() as conn:
        return int(conn.execute(select(func.count()).select_from(vicidial_users)).scalar_one())

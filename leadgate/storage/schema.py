"""Creating and upgrading the schema (Alembic), and the first-start bootstrap facts."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from sqlalchemy import func, inspect, select

from leadgate.storage.database import Database
from leadgate.storage.tables import servers, system_settings, vicidial_users


def _alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", "leadgate.storage:migrations")
    return config


def upgrade_schema(db: Database) -> None:
    """Create or upgrade every table leadgate needs; idempotent."""
    config = _alembic_config()
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

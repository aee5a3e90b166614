"""Revision 0003 brings a database made before the Agent API tables up to date."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Column, Integer, MetaData, String, Table, inspect

from leadgate.storage.database import Database
from leadgate.storage.schema import upgrade_schema


def test_adds_missing_agent_columns_and_tables(tmp_path: Path) -> None:
    database = Database(f"sqlite:///{tmp_path / 'old.db'}")
    try:
        old = MetaData()
        Table("vicidial_inbound_groups", old, Column("group_id", String(20), primary_key=True),
              Column("active", String(1)))  # fmt: skip
        Table("vicidial_closer_log", old, Column("closecallid", Integer, primary_key=True))
        old.create_all(database.engine)
        upgrade_schema(database)
        inspector = inspect(database.engine)
        columns = {c["name"] for c in inspector.get_columns("vicidial_inbound_groups")}
        assert {"next_agent_call", "call_time_id", "user_group"} <= columns
        closer = {c["name"] for c in inspector.get_columns("vicidial_closer_log")}
        assert {"start_epoch", "end_epoch"} <= closer
        for table in ("vicidial_manager", "vicidial_session_data", "vicidial_agent_notifications",
                      "vicidial_live_inbound_agents", "live_channels"):  # fmt: skip
            assert inspector.has_table(table)
    finally:
        database.dispose()

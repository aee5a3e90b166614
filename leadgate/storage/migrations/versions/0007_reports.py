"""Call history, agent history and telephony settings the report functions read.

VICIdial's own tables and columns (extras/MySQL_AST_CREATE_tables.sql): created only where
missing and columns added only where missing, so an existing VICIdial database is left as it is.
Frozen DDL: this revision never changes, whatever storage/tables.py becomes.

Revision ID: 0007
Revises: 0006
"""

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    inspector = sa.inspect(op.get_bind())
    existing = set(inspector.get_table_names())
    created: set[str] = set()

    def table(name: str, *elements: Any, **options: Any) -> None:
        if name not in existing:
            op.create_table(name, *elements, **options)
            created.add(name)

    def index(name: str, table_name: str, columns: list[str]) -> None:
        if table_name in created:
            op.create_index(name, table_name, columns)

    def existing_index(name: str, table_name: str, columns: list[str]) -> None:
        """An index on a table that already exists (leadgate runs no DDL on a VICIdial
        database); skipped where the table lacks one of the columns."""
        if table_name not in existing:
            return
        present = {c["name"] for c in inspector.get_columns(table_name)}
        indexes = {i["name"] for i in inspector.get_indexes(table_name)}
        if name not in indexes and set(columns) <= present:
            op.create_index(name, table_name, columns)

    def column(table_name: str, new: sa.Column[Any]) -> None:
        if table_name in existing and new.name not in {
            c["name"] for c in inspector.get_columns(table_name)
        }:
            op.add_column(table_name, new)

    table(
        "vicidial_agent_log",
        sa.Column("agent_log_id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("user", sa.String(length=20), nullable=True),
        sa.Column("server_ip", sa.String(length=15), nullable=False),
        sa.Column("event_time", sa.DateTime(), nullable=True),
        sa.Column("lead_id", sa.Integer(), nullable=True),
        sa.Column("campaign_id", sa.String(length=8), nullable=True),
        sa.Column("pause_epoch", sa.BigInteger(), nullable=True),
        sa.Column("pause_sec", sa.Integer(), server_default="0", nullable=True),
        sa.Column("wait_epoch", sa.BigInteger(), nullable=True),
        sa.Column("wait_sec", sa.Integer(), server_default="0", nullable=True),
        sa.Column("talk_epoch", sa.BigInteger(), nullable=True),
        sa.Column("talk_sec", sa.Integer(), server_default="0", nullable=True),
        sa.Column("dispo_epoch", sa.BigInteger(), nullable=True),
        sa.Column("dispo_sec", sa.Integer(), server_default="0", nullable=True),
        sa.Column("status", sa.String(length=6), nullable=True),
        sa.Column("user_group", sa.String(length=20), nullable=True),
        sa.Column("comments", sa.String(length=20), nullable=True),
        sa.Column("sub_status", sa.String(length=6), nullable=True),
        sa.Column("dead_epoch", sa.BigInteger(), nullable=True),
        sa.Column("dead_sec", sa.Integer(), server_default="0", nullable=True),
        sa.Column("processed", sa.String(length=1), server_default="N", nullable=True),
        sa.Column("uniqueid", sa.String(length=20), server_default="", nullable=True),
        sa.Column("pause_type", sa.String(length=10), server_default="UNDEFINED", nullable=True),
        sa.PrimaryKeyConstraint("agent_log_id"),
        sqlite_autoincrement=True,
    )
    index("ix_vicidial_agent_log_event_time", "vicidial_agent_log", ["event_time"])
    index("ix_vicidial_agent_log_lead_id", "vicidial_agent_log", ["lead_id"])
    index("ix_vicidial_agent_log_user", "vicidial_agent_log", ["user"])
    index("time_user", "vicidial_agent_log", ["event_time", "user"])
    # vicidial_agent_log may come from 0001 (agent sessions): index it there too.
    index("ix_vicidial_agent_log_user_event_time", "vicidial_agent_log", ["user", "event_time"])
    existing_index(
        "ix_vicidial_agent_log_user_event_time", "vicidial_agent_log", ["user", "event_time"]
    )
    table(
        "vicidial_user_log",
        sa.Column("user_log_id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("user", sa.String(length=20), nullable=True),
        sa.Column("event", sa.String(length=50), nullable=True),
        sa.Column("campaign_id", sa.String(length=8), nullable=True),
        sa.Column("event_date", sa.DateTime(), nullable=True),
        sa.Column("event_epoch", sa.BigInteger(), nullable=True),
        sa.Column("user_group", sa.String(length=20), nullable=True),
        sa.Column("session_id", sa.String(length=20), nullable=True),
        sa.Column("server_ip", sa.String(length=15), nullable=True),
        sa.Column("extension", sa.String(length=50), nullable=True),
        sa.Column("computer_ip", sa.String(length=15), nullable=True),
        sa.Column("browser", sa.String(length=255), nullable=True),
        sa.Column("data", sa.String(length=255), nullable=True),
        sa.Column("phone_login", sa.String(length=15), server_default="", nullable=True),
        sa.Column("server_phone", sa.String(length=15), server_default="", nullable=True),
        sa.Column("phone_ip", sa.String(length=15), server_default="", nullable=True),
        sa.Column("webserver", sa.Integer(), server_default="0", nullable=True),
        sa.Column("login_url", sa.Integer(), server_default="0", nullable=True),
        sa.Column("browser_width", sa.Integer(), server_default="0", nullable=True),
        sa.Column("browser_height", sa.Integer(), server_default="0", nullable=True),
        sa.PrimaryKeyConstraint("user_log_id"),
        sqlite_autoincrement=True,
    )
    index("ix_vicidial_user_log_event_date", "vicidial_user_log", ["event_date"])
    index("ix_vicidial_user_log_user", "vicidial_user_log", ["user"])
    table(
        "vicidial_log_extended",
        sa.Column("uniqueid", sa.String(length=50), nullable=False),
        sa.Column("server_ip", sa.String(length=15), nullable=True),
        sa.Column("call_date", sa.DateTime(), nullable=True),
        sa.Column("lead_id", sa.Integer(), nullable=True),
        sa.Column("caller_code", sa.String(length=30), nullable=False),
        sa.Column("custom_call_id", sa.String(length=100), nullable=True),
        sa.Column("start_url_processed", sa.String(length=1), server_default="N", nullable=True),
        sa.Column("dispo_url_processed", sa.String(length=2), server_default="N", nullable=True),
        sa.Column("multi_alt_processed", sa.String(length=1), server_default="N", nullable=True),
        sa.Column("noanswer_processed", sa.String(length=1), server_default="N", nullable=True),
        sa.PrimaryKeyConstraint("uniqueid"),
    )
    index("ix_vicidial_log_extended_call_date", "vicidial_log_extended", ["call_date"])
    index("vle_lead_id", "vicidial_log_extended", ["lead_id"])
    index("vlecc", "vicidial_log_extended", ["caller_code"])
    table(
        "vicidial_call_menu",
        sa.Column("menu_id", sa.String(length=50), nullable=False),
        sa.Column("menu_name", sa.String(length=100), nullable=True),
        sa.Column("menu_prompt", sa.String(length=255), nullable=True),
        sa.Column("menu_timeout", sa.SmallInteger(), server_default="10", nullable=True),
        sa.Column("call_time_id", sa.String(length=20), server_default="", nullable=True),
        sa.Column("user_group", sa.String(length=20), server_default="---ALL---", nullable=True),
        sa.PrimaryKeyConstraint("menu_id"),
    )
    table(
        "vicidial_campaign_cid_areacodes",
        sa.Column("campaign_id", sa.String(length=20), nullable=False),
        sa.Column("areacode", sa.String(length=5), nullable=False),
        sa.Column("outbound_cid", sa.String(length=20), nullable=True),
        sa.Column("active", sa.String(length=1), server_default="", nullable=True),
        sa.Column("cid_description", sa.String(length=50), nullable=True),
        sa.Column("call_count_today", sa.Integer(), server_default="0", nullable=True),
        sa.UniqueConstraint("campaign_id", "areacode", "outbound_cid", name="campareacode"),
    )
    index(
        "ix_vicidial_campaign_cid_areacodes_areacode",
        "vicidial_campaign_cid_areacodes",
        ["areacode"],
    )
    index(
        "ix_vicidial_campaign_cid_areacodes_campaign_id",
        "vicidial_campaign_cid_areacodes",
        ["campaign_id"],
    )
    table(
        "vicidial_cid_groups",
        sa.Column("cid_group_id", sa.String(length=20), nullable=False),
        sa.Column("cid_group_notes", sa.String(length=255), server_default="", nullable=True),
        sa.Column("cid_group_type", sa.String(length=8), server_default="AREACODE", nullable=True),
        sa.Column("user_group", sa.String(length=20), server_default="---ALL---", nullable=True),
        sa.PrimaryKeyConstraint("cid_group_id"),
    )
    table(
        "vicidial_filter_phone_groups",
        sa.Column("filter_phone_group_id", sa.String(length=20), nullable=False),
        sa.Column("filter_phone_group_name", sa.String(length=40), nullable=False),
        sa.Column("filter_phone_group_description", sa.String(length=100), nullable=True),
        sa.Column("user_group", sa.String(length=20), server_default="---ALL---", nullable=True),
    )
    index(
        "ix_vicidial_filter_phone_groups_filter_phone_group_id",
        "vicidial_filter_phone_groups",
        ["filter_phone_group_id"],
    )
    table(
        "vicidial_filter_phone_numbers",
        sa.Column("phone_number", sa.String(length=18), nullable=False),
        sa.Column("filter_phone_group_id", sa.String(length=20), nullable=False),
        sa.UniqueConstraint("phone_number", "filter_phone_group_id", name="phonefilter"),
    )
    index(
        "ix_vicidial_filter_phone_numbers_phone_number",
        "vicidial_filter_phone_numbers",
        ["phone_number"],
    )
    table(
        "vicidial_xfer_presets",
        sa.Column("campaign_id", sa.String(length=20), nullable=False),
        sa.Column("preset_name", sa.String(length=40), nullable=False),
        sa.Column("preset_number", sa.String(length=50), nullable=False),
        sa.Column("preset_dtmf", sa.String(length=50), server_default="", nullable=True),
        sa.Column("preset_hide_number", sa.String(length=1), server_default="N", nullable=True),
    )
    index("ix_vicidial_xfer_presets_preset_name", "vicidial_xfer_presets", ["preset_name"])
    table(
        "parked_channels",
        sa.Column("channel", sa.String(length=100), nullable=False),
        sa.Column("server_ip", sa.String(length=15), nullable=False),
        sa.Column("channel_group", sa.String(length=30), nullable=True),
        sa.Column("extension", sa.String(length=100), nullable=True),
        sa.Column("parked_by", sa.String(length=100), nullable=True),
        sa.Column("parked_time", sa.DateTime(), nullable=True),
    )

    column("vicidial_log", sa.Column("processed", sa.String(length=1), nullable=True))
    column(
        "vicidial_log",
        sa.Column("term_reason", sa.String(length=20), server_default="NONE", nullable=True),
    )
    column(
        "vicidial_log",
        sa.Column("alt_dial", sa.String(length=6), server_default="NONE", nullable=True),
    )
    column("vicidial_closer_log", sa.Column("processed", sa.String(length=1), nullable=True))
    column(
        "vicidial_closer_log",
        sa.Column(
            "queue_seconds", sa.Numeric(precision=7, scale=2), server_default="0", nullable=True
        ),
    )
    column("vicidial_closer_log", sa.Column("xfercallid", sa.BigInteger(), nullable=True))
    column(
        "vicidial_closer_log",
        sa.Column("term_reason", sa.String(length=20), server_default="NONE", nullable=True),
    )
    column(
        "vicidial_closer_log",
        sa.Column("agent_only", sa.String(length=20), server_default="", nullable=True),
    )
    column(
        "vicidial_closer_log",
        sa.Column("queue_position", sa.SmallInteger(), server_default="1", nullable=True),
    )
    column("vicidial_inbound_groups", sa.Column("start_call_url", sa.Text(), nullable=True))
    column("vicidial_inbound_groups", sa.Column("dispo_call_url", sa.Text(), nullable=True))
    column("vicidial_inbound_groups", sa.Column("add_lead_url", sa.Text(), nullable=True))
    column("vicidial_inbound_groups", sa.Column("na_call_url", sa.Text(), nullable=True))
    column("vicidial_campaigns", sa.Column("xfer_groups", sa.Text(), nullable=True))
    column("vicidial_inbound_dids", sa.Column("group_id", sa.String(length=20), nullable=True))
    column(
        "vicidial_inbound_dids",
        sa.Column("user_group", sa.String(length=20), server_default="---ALL---", nullable=True),
    )

    existing_index("ix_vicidial_log_phone_number", "vicidial_log", ["phone_number"])
    existing_index(
        "ix_vicidial_log_campaign_id_call_date", "vicidial_log", ["campaign_id", "call_date"]
    )
    existing_index("ix_vicidial_closer_log_phone_number", "vicidial_closer_log", ["phone_number"])
    existing_index("ix_vicidial_closer_log_campaign_id", "vicidial_closer_log", ["campaign_id"])
    existing_index("ix_vicidial_closer_log_uniqueid", "vicidial_closer_log", ["uniqueid"])
    existing_index("date_user", "vicidial_closer_log", ["call_date", "user"])
    # vicidial_did_log may come from 0006, which made it without these.
    existing_index("ix_vicidial_did_log_uniqueid", "vicidial_did_log", ["uniqueid"])
    existing_index("ix_vicidial_did_log_caller_id_number", "vicidial_did_log", ["caller_id_number"])
    existing_index("ix_vicidial_did_log_extension", "vicidial_did_log", ["extension"])
    existing_index("ix_vicidial_did_log_call_date", "vicidial_did_log", ["call_date"])


def downgrade() -> None:
    raise NotImplementedError("leadgate never drops VICIdial tables")

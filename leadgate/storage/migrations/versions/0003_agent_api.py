"""Agent API: the tables and columns VICIdial's agent functions read and write.

New tables: vicidial_session_data, vicidial_manager, live_channels,
vicidial_agent_notifications, vicidial_live_inbound_agents, vicidial_inbound_group_agents.
New columns: vicidial_live_agents.manager_ingroup_set, vicidial_inbound_groups.next_agent_call /
call_time_id / user_group, vicidial_campaigns.agent_lead_search, servers.ext_context,
vicidial_log and vicidial_closer_log start_epoch / end_epoch.

Each table is created, and each column added, only when missing: a VICIdial database already
has all of them, and a database made by an earlier revision that created every declared table too.
Explicit DDL, so later changes to storage/tables.py do not alter this revision.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

NEW_COLUMNS: dict[str, list[sa.Column[object]]] = {
    "vicidial_live_agents": [
        sa.Column("manager_ingroup_set", sa.String(3), server_default="N"),
    ],
    "vicidial_inbound_groups": [
        sa.Column("next_agent_call", sa.String(40), server_default="longest_wait_time"),
        sa.Column("call_time_id", sa.String(20), server_default="24hours"),
        sa.Column("user_group", sa.String(20), server_default="---ALL---"),
    ],
    "vicidial_campaigns": [
        sa.Column("agent_lead_search", sa.String(28), server_default="DISABLED"),
    ],
    "servers": [sa.Column("ext_context", sa.String(20), server_default="default")],
    "vicidial_log": [
        sa.Column("start_epoch", sa.BigInteger()),
        sa.Column("end_epoch", sa.BigInteger()),
    ],
    "vicidial_closer_log": [
        sa.Column("start_epoch", sa.Integer()),
        sa.Column("end_epoch", sa.Integer()),
    ],
}


def upgrade() -> None:
    inspector = sa.inspect(op.get_bind())
    existing = set(inspector.get_table_names())
    for table_name, columns in NEW_COLUMNS.items():
        if table_name not in existing:
            continue
        present = {column["name"] for column in inspector.get_columns(table_name)}
        missing = [column for column in columns if column.name not in present]
        if missing:
            with op.batch_alter_table(table_name) as batch:
                for column in missing:
                    batch.add_column(column)
    if "vicidial_session_data" not in existing:
        op.create_table(
            "vicidial_session_data",
            sa.Column("session_name", sa.String(40), nullable=False, unique=True),
            sa.Column("user", sa.String(20)),
            sa.Column("campaign_id", sa.String(8)),
            sa.Column("server_ip", sa.String(15), nullable=False),
            sa.Column("conf_exten", sa.String(20)),
            sa.Column("extension", sa.String(100), nullable=False),
            sa.Column("login_time", sa.DateTime(), nullable=False),
            sa.Column("webphone_url", sa.Text()),
            sa.Column("agent_login_call", sa.Text()),
        )
    if "vicidial_manager" not in existing:
        op.create_table(
            "vicidial_manager",
            sa.Column("man_id", sa.Integer(), primary_key=True, autoincrement=True),
            sa.Column("uniqueid", sa.String(20)),
            sa.Column("entry_date", sa.DateTime()),
            sa.Column("status", sa.String(7)),
            sa.Column("response", sa.String(1)),
            sa.Column("server_ip", sa.String(15), nullable=False),
            sa.Column("channel", sa.String(100)),
            sa.Column("action", sa.String(20)),
            sa.Column("callerid", sa.String(20)),
            sa.Column("cmd_line_b", sa.String(100)),
            sa.Column("cmd_line_c", sa.String(100)),
            sa.Column("cmd_line_d", sa.String(200)),
            sa.Column("cmd_line_e", sa.String(100)),
            sa.Column("cmd_line_f", sa.String(100)),
            sa.Column("cmd_line_g", sa.String(100)),
            sa.Column("cmd_line_h", sa.String(100)),
            sa.Column("cmd_line_i", sa.String(50)),
            sa.Column("cmd_line_j", sa.String(50)),
            sa.Column("cmd_line_k", sa.String(100)),
            sqlite_autoincrement=True,
        )
        op.create_index("ix_vicidial_manager_callerid", "vicidial_manager", ["callerid"])
        op.create_index("ix_vicidial_manager_uniqueid", "vicidial_manager", ["uniqueid"])
        op.create_index(
            "ix_vicidial_manager_serverstat", "vicidial_manager", ["server_ip", "status"]
        )
    if "live_channels" not in existing:
        op.create_table(
            "live_channels",
            sa.Column("channel", sa.String(100), nullable=False),
            sa.Column("server_ip", sa.String(15), nullable=False),
            sa.Column("channel_group", sa.String(30)),
            sa.Column("extension", sa.String(100)),
            sa.Column("channel_data", sa.String(100)),
        )
    if "vicidial_agent_notifications" not in existing:
        op.create_table(
            "vicidial_agent_notifications",
            sa.Column("notification_id", sa.Integer(), primary_key=True, autoincrement=True),
            sa.Column("entry_date", sa.DateTime()),
            sa.Column("recipient", sa.String(20)),
            sa.Column("recipient_type", sa.String(11)),
            sa.Column("notification_date", sa.DateTime()),
            sa.Column("notification_retry", sa.String(1), server_default="N"),
            sa.Column("notification_text", sa.Text()),
            sa.Column("text_size", sa.SmallInteger(), server_default="12"),
            sa.Column("text_font", sa.String(30), server_default="Arial"),
            sa.Column("text_weight", sa.String(30), server_default="bold"),
            sa.Column("text_color", sa.String(15)),
            sa.Column("show_confetti", sa.String(1), server_default="N"),
            sa.Column("confetti_options", sa.String(15)),
            sa.Column("notification_status", sa.String(6)),
            sqlite_autoincrement=True,
        )
        op.create_index(
            "ix_vicidial_agent_notifications_recipient",
            "vicidial_agent_notifications",
            ["recipient"],
        )
        op.create_index(
            "ix_vicidial_agent_notifications_date",
            "vicidial_agent_notifications",
            ["notification_date"],
        )
    if "vicidial_live_inbound_agents" not in existing:
        op.create_table(
            "vicidial_live_inbound_agents",
            sa.Column("user", sa.String(20)),
            sa.Column("group_id", sa.String(20)),
            sa.Column("group_weight", sa.SmallInteger(), server_default="0"),
            sa.Column("calls_today", sa.Integer(), server_default="0"),
            sa.Column("last_call_time", sa.DateTime()),
            sa.Column("last_call_finish", sa.DateTime()),
            sa.Column("group_grade", sa.SmallInteger(), server_default="1"),
            sa.Column("calls_today_filtered", sa.Integer(), server_default="0"),
            sa.Column("last_call_time_filtered", sa.DateTime()),
            sa.Column("last_call_finish_filtered", sa.DateTime()),
            sa.Column("daily_limit", sa.Integer(), server_default="-1"),
            sa.UniqueConstraint("user", "group_id", name="vlia_user_group_id"),
        )
        op.create_index(
            "ix_vicidial_live_inbound_agents_group_id",
            "vicidial_live_inbound_agents",
            ["group_id"],
        )
    if "vicidial_inbound_group_agents" not in existing:
        op.create_table(
            "vicidial_inbound_group_agents",
            sa.Column("user", sa.String(20)),
            sa.Column("group_id", sa.String(20)),
            sa.Column("group_rank", sa.SmallInteger(), server_default="0"),
            sa.Column("group_weight", sa.SmallInteger(), server_default="0"),
            sa.Column("calls_today", sa.Integer(), server_default="0"),
            sa.Column("group_web_vars", sa.String(255), server_default=""),
            sa.Column("group_grade", sa.SmallInteger(), server_default="1"),
            sa.Column("group_type", sa.String(1), server_default="C"),
            sa.Column("calls_today_filtered", sa.Integer(), server_default="0"),
            sa.Column("daily_limit", sa.Integer(), server_default="-1"),
            sa.UniqueConstraint("user", "group_id", name="viga_user_group_id"),
        )


def downgrade() -> None:
    raise NotImplementedError("leadgate never drops VICIdial tables")

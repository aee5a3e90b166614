"""Baseline: VICIdial's tables as leadgate uses them, frozen as explicit DDL.

Generated once from storage/tables.py (2026-12-06) and never regenerated: this revision must
create the same schema forever, whatever tables.py becomes. Later schema changes go in new
revisions; tests/storage/test_migrations.py fails when tables.py and the migrations disagree.

Creates only the tables that are missing, so `leadgate init` on an existing VICIdial database
adds nothing to (and changes nothing in) the tables it already has; an index is created only
with its table.

Revision ID: 0001
Revises:
"""

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    existing = set(sa.inspect(op.get_bind()).get_table_names())
    created: set[str] = set()

    def table(name: str, *elements: Any, **options: Any) -> None:
        if name not in existing:
            op.create_table(name, *elements, **options)
            created.add(name)

    def index(name: str, table_name: str, columns: list[str], unique: bool = False) -> None:
        if table_name in created:
            op.create_index(name, table_name, columns, unique=unique)

    table(
        "groups_alias",
        sa.Column("group_alias_id", sa.String(length=30), nullable=False),
        sa.Column("group_alias_name", sa.String(length=50), nullable=True),
        sa.Column("caller_id_number", sa.String(length=20), nullable=True),
        sa.Column("caller_id_name", sa.String(length=20), nullable=True),
        sa.Column("active", sa.String(length=1), server_default="N", nullable=True),
        sa.Column("user_group", sa.String(length=20), server_default="---ALL---", nullable=True),
        sa.PrimaryKeyConstraint("group_alias_id"),
    )
    table(
        "leadgate_agent_sessions",
        sa.Column("user", sa.String(length=20), nullable=False),
        sa.Column("campaign_id", sa.String(length=8), nullable=False),
        sa.Column("phone_login", sa.String(length=20), server_default="", nullable=True),
        sa.Column("session_id", sa.String(length=20), server_default="", nullable=True),
        sa.Column("engine_id", sa.String(length=64), server_default="", nullable=True),
        sa.Column("lease_until", sa.DateTime(), nullable=True),
        sa.Column("logged_in_at", sa.DateTime(), nullable=True),
        sa.Column("call_state", sa.String(length=10), server_default="", nullable=True),
        sa.Column("call_kind", sa.String(length=6), server_default="", nullable=True),
        sa.Column("call_lead_id", sa.Integer(), server_default="0", nullable=True),
        sa.Column("call_uniqueid", sa.String(length=20), server_default="", nullable=True),
        sa.Column("call_outcome", sa.String(length=10), server_default="", nullable=True),
        sa.Column("call_placed_epoch", sa.Double(), nullable=True),
        sa.Column("call_answer_due_epoch", sa.Double(), nullable=True),
        sa.Column("call_end_due_epoch", sa.Double(), nullable=True),
        sa.Column("call_ended_epoch", sa.Double(), nullable=True),
        sa.Column("call_ring_seconds", sa.Integer(), server_default="0", nullable=True),
        sa.Column("call_talk_seconds", sa.Integer(), server_default="0", nullable=True),
        sa.Column("state_since_epoch", sa.Double(), nullable=True),
        sa.PrimaryKeyConstraint("user"),
    )
    table(
        "recording_log",
        sa.Column("recording_id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("channel", sa.String(length=100), nullable=True),
        sa.Column("server_ip", sa.String(length=15), nullable=True),
        sa.Column("extension", sa.String(length=100), nullable=True),
        sa.Column("start_time", sa.DateTime(), nullable=True),
        sa.Column("start_epoch", sa.Integer(), nullable=True),
        sa.Column("end_time", sa.DateTime(), nullable=True),
        sa.Column("end_epoch", sa.Integer(), nullable=True),
        sa.Column("length_in_sec", sa.Integer(), nullable=True),
        sa.Column("length_in_min", sa.Float(), nullable=True),
        sa.Column("filename", sa.String(length=100), nullable=True),
        sa.Column("location", sa.String(length=255), nullable=True),
        sa.Column("lead_id", sa.Integer(), nullable=True),
        sa.Column("user", sa.String(length=20), nullable=True),
        sa.Column("vicidial_id", sa.String(length=20), nullable=True),
        sa.PrimaryKeyConstraint("recording_id"),
        sqlite_autoincrement=True,
    )
    table(
        "servers",
        sa.Column("server_id", sa.String(length=10), nullable=False),
        sa.Column("server_description", sa.String(length=255), nullable=True),
        sa.Column("server_ip", sa.String(length=15), nullable=False),
        sa.Column("active", sa.String(length=1), nullable=True),
        sa.Column(
            "asterisk_version", sa.String(length=20), server_default="1.4.21.2", nullable=True
        ),
        sa.Column("local_gmt", sa.String(length=6), server_default="-5.00", nullable=True),
        sa.Column("user_group", sa.String(length=20), server_default="---ALL---", nullable=True),
    )
    table(
        "system_settings",
        sa.Column("version", sa.String(length=50), nullable=True),
        sa.Column("use_non_latin", sa.String(length=1), server_default="0", nullable=True),
        sa.Column("webroot_writable", sa.String(length=1), server_default="1", nullable=True),
        sa.Column(
            "enable_queuemetrics_logging", sa.String(length=1), server_default="0", nullable=True
        ),
        sa.Column("db_schema_version", sa.Integer(), server_default="0", nullable=True),
        sa.Column("auto_user_add_value", sa.Integer(), server_default="101", nullable=True),
        sa.Column("vdc_agent_api_active", sa.String(length=1), server_default="0", nullable=True),
        sa.Column(
            "enable_vtiger_integration", sa.String(length=1), server_default="0", nullable=True
        ),
        sa.Column(
            "sounds_central_control_active", sa.String(length=1), server_default="0", nullable=True
        ),
        sa.Column(
            "sounds_web_server", sa.String(length=50), server_default="127.0.0.1", nullable=True
        ),
        sa.Column("sounds_web_directory", sa.String(length=255), server_default="", nullable=True),
        sa.Column("auto_dial_limit", sa.String(length=5), server_default="4", nullable=True),
        sa.Column("webphone_url", sa.String(length=255), server_default="", nullable=True),
        sa.Column("custom_fields_enabled", sa.String(length=1), server_default="0", nullable=True),
        sa.Column(
            "admin_web_directory", sa.String(length=255), server_default="vicidial", nullable=True
        ),
        sa.Column("hosted_settings", sa.String(length=100), server_default="", nullable=True),
        sa.Column("pass_hash_enabled", sa.String(length=1), server_default="0", nullable=True),
        sa.Column("pass_key", sa.String(length=100), server_default="", nullable=True),
        sa.Column("pass_cost", sa.SmallInteger(), server_default="2", nullable=True),
        sa.Column("active_modules", sa.Text(), nullable=True),
        sa.Column("enable_languages", sa.String(length=1), server_default="0", nullable=True),
        sa.Column(
            "language_method", sa.String(length=20), server_default="DISABLED", nullable=True
        ),
        sa.Column("agent_debug_logging", sa.String(length=20), server_default="0", nullable=True),
        sa.Column("agent_whisper_enabled", sa.String(length=1), server_default="0", nullable=True),
        sa.Column("user_new_lead_limit", sa.String(length=1), server_default="0", nullable=True),
        sa.Column("enable_auto_reports", sa.String(length=1), server_default="0", nullable=True),
        sa.Column("allow_ip_lists", sa.String(length=1), server_default="0", nullable=True),
        sa.Column("system_ip_blacklist", sa.String(length=30), server_default="", nullable=True),
        sa.Column(
            "outbound_cid_any", sa.String(length=8), server_default="DISABLED", nullable=True
        ),
        sa.Column("two_factor_auth_hours", sa.SmallInteger(), server_default="0", nullable=True),
        sa.Column(
            "two_factor_container",
            sa.String(length=40),
            server_default="---DISABLED---",
            nullable=True,
        ),
        sa.Column("allow_web_debug", sa.String(length=1), server_default="0", nullable=True),
        sa.Column("agent_notifications", sa.String(length=1), server_default="0", nullable=True),
        sa.Column(
            "enhanced_agent_monitoring", sa.String(length=1), server_default="0", nullable=True
        ),
    )
    table(
        "vicidial_admin_log",
        sa.Column("admin_log_id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("event_date", sa.DateTime(), nullable=True),
        sa.Column("user", sa.String(length=20), nullable=False),
        sa.Column("ip_address", sa.String(length=15), nullable=False),
        sa.Column("event_section", sa.String(length=30), nullable=False),
        sa.Column("event_type", sa.String(length=8), server_default="OTHER", nullable=True),
        sa.Column("record_id", sa.String(length=50), nullable=False),
        sa.Column("event_code", sa.String(length=255), nullable=False),
        sa.Column("event_sql", sa.Text(), nullable=True),
        sa.Column("event_notes", sa.Text(), nullable=True),
        sa.Column("user_group", sa.String(length=20), server_default="---ALL---", nullable=True),
        sa.PrimaryKeyConstraint("admin_log_id"),
        sqlite_autoincrement=True,
    )
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
    index("ix_vicidial_agent_log_event_time", "vicidial_agent_log", ["event_time"], unique=False)
    index("ix_vicidial_agent_log_lead_id", "vicidial_agent_log", ["lead_id"], unique=False)
    index("ix_vicidial_agent_log_user", "vicidial_agent_log", ["user"], unique=False)
    index("time_user", "vicidial_agent_log", ["event_time", "user"], unique=False)
    table(
        "vicidial_api_log",
        sa.Column("api_id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("user", sa.String(length=20), nullable=False),
        sa.Column("api_date", sa.DateTime(), nullable=True),
        sa.Column("api_script", sa.String(length=10), nullable=True),
        sa.Column("function", sa.String(length=20), nullable=False),
        sa.Column("agent_user", sa.String(length=20), nullable=True),
        sa.Column("value", sa.String(length=255), nullable=True),
        sa.Column("result", sa.String(length=10), nullable=True),
        sa.Column("result_reason", sa.String(length=255), nullable=True),
        sa.Column("source", sa.String(length=20), nullable=True),
        sa.Column("data", sa.Text(), nullable=True),
        sa.Column("run_time", sa.String(length=20), server_default="0", nullable=True),
        sa.Column("webserver", sa.SmallInteger(), server_default="0", nullable=True),
        sa.Column("api_url", sa.Integer(), server_default="0", nullable=True),
        sa.PrimaryKeyConstraint("api_id"),
        sqlite_autoincrement=True,
    )
    table(
        "vicidial_api_urls",
        sa.Column("api_id", sa.Integer(), nullable=False),
        sa.Column("api_date", sa.DateTime(), nullable=True),
        sa.Column("remote_ip", sa.String(length=50), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("api_id"),
    )
    table(
        "vicidial_auto_calls",
        sa.Column("auto_call_id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("server_ip", sa.String(length=15), nullable=False),
        sa.Column("campaign_id", sa.String(length=20), nullable=True),
        sa.Column("status", sa.String(length=10), server_default="PAUSED", nullable=True),
        sa.Column("lead_id", sa.Integer(), nullable=False),
        sa.Column("uniqueid", sa.String(length=20), nullable=True),
        sa.Column("callerid", sa.String(length=20), nullable=True),
        sa.Column("channel", sa.String(length=100), nullable=True),
        sa.Column("phone_code", sa.String(length=10), nullable=True),
        sa.Column("phone_number", sa.String(length=18), nullable=True),
        sa.Column("call_time", sa.DateTime(), nullable=True),
        sa.Column("call_type", sa.String(length=10), server_default="OUT", nullable=True),
        sa.Column("stage", sa.String(length=20), server_default="START", nullable=True),
        sa.Column("last_update_time", sa.DateTime(), nullable=True),
        sa.Column("alt_dial", sa.String(length=6), server_default="NONE", nullable=True),
        sa.Column("queue_priority", sa.SmallInteger(), server_default="0", nullable=True),
        sa.Column("agent_only", sa.String(length=20), server_default="", nullable=True),
        sa.Column("agent_grab", sa.String(length=20), server_default="", nullable=True),
        sa.Column("queue_position", sa.SmallInteger(), server_default="1", nullable=True),
        sa.Column("extension", sa.String(length=100), server_default="", nullable=True),
        sa.Column("agent_grab_extension", sa.String(length=100), server_default="", nullable=True),
        sa.PrimaryKeyConstraint("auto_call_id"),
        sqlite_autoincrement=True,
    )
    table(
        "vicidial_call_times",
        sa.Column("call_time_id", sa.String(length=10), nullable=False),
        sa.Column("call_time_name", sa.String(length=30), nullable=False),
        sa.Column("call_time_comments", sa.String(length=255), server_default="", nullable=True),
        sa.Column("ct_default_start", sa.SmallInteger(), server_default="900", nullable=False),
        sa.Column("ct_default_stop", sa.SmallInteger(), server_default="2100", nullable=False),
        sa.Column("ct_sunday_start", sa.SmallInteger(), server_default="0", nullable=True),
        sa.Column("ct_sunday_stop", sa.SmallInteger(), server_default="0", nullable=True),
        sa.Column("ct_monday_start", sa.SmallInteger(), server_default="0", nullable=True),
        sa.Column("ct_monday_stop", sa.SmallInteger(), server_default="0", nullable=True),
        sa.Column("ct_tuesday_start", sa.SmallInteger(), server_default="0", nullable=True),
        sa.Column("ct_tuesday_stop", sa.SmallInteger(), server_default="0", nullable=True),
        sa.Column("ct_wednesday_start", sa.SmallInteger(), server_default="0", nullable=True),
        sa.Column("ct_wednesday_stop", sa.SmallInteger(), server_default="0", nullable=True),
        sa.Column("ct_thursday_start", sa.SmallInteger(), server_default="0", nullable=True),
        sa.Column("ct_thursday_stop", sa.SmallInteger(), server_default="0", nullable=True),
        sa.Column("ct_friday_start", sa.SmallInteger(), server_default="0", nullable=True),
        sa.Column("ct_friday_stop", sa.SmallInteger(), server_default="0", nullable=True),
        sa.Column("ct_saturday_start", sa.SmallInteger(), server_default="0", nullable=True),
        sa.Column("ct_saturday_stop", sa.SmallInteger(), server_default="0", nullable=True),
        sa.Column("ct_state_call_times", sa.Text(), nullable=True),
        sa.Column(
            "default_afterhours_filename_override",
            sa.String(length=255),
            server_default="",
            nullable=True,
        ),
        sa.Column(
            "sunday_afterhours_filename_override",
            sa.String(length=255),
            server_default="",
            nullable=True,
        ),
        sa.Column(
            "monday_afterhours_filename_override",
            sa.String(length=255),
            server_default="",
            nullable=True,
        ),
        sa.Column(
            "tuesday_afterhours_filename_override",
            sa.String(length=255),
            server_default="",
            nullable=True,
        ),
        sa.Column(
            "wednesday_afterhours_filename_override",
            sa.String(length=255),
            server_default="",
            nullable=True,
        ),
        sa.Column(
            "thursday_afterhours_filename_override",
            sa.String(length=255),
            server_default="",
            nullable=True,
        ),
        sa.Column(
            "friday_afterhours_filename_override",
            sa.String(length=255),
            server_default="",
            nullable=True,
        ),
        sa.Column(
            "saturday_afterhours_filename_override",
            sa.String(length=255),
            server_default="",
            nullable=True,
        ),
        sa.Column("user_group", sa.String(length=20), server_default="---ALL---", nullable=True),
        sa.Column("ct_holidays", sa.Text(), nullable=True),
        sa.Column("modify_stamp", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("call_time_id"),
    )
    table(
        "vicidial_callbacks",
        sa.Column("callback_id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("lead_id", sa.Integer(), nullable=True),
        sa.Column("list_id", sa.BigInteger(), nullable=True),
        sa.Column("campaign_id", sa.String(length=8), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=True),
        sa.Column("entry_time", sa.DateTime(), nullable=True),
        sa.Column("callback_time", sa.DateTime(), nullable=True),
        sa.Column("modify_date", sa.DateTime(), nullable=True),
        sa.Column("user", sa.String(length=20), nullable=True),
        sa.Column("recipient", sa.String(length=8), nullable=True),
        sa.Column("comments", sa.String(length=255), nullable=True),
        sa.Column("user_group", sa.String(length=20), nullable=True),
        sa.Column("lead_status", sa.String(length=6), server_default="CALLBK", nullable=True),
        sa.Column("email_alert", sa.DateTime(), nullable=True),
        sa.Column("email_result", sa.String(length=13), nullable=True),
        sa.Column("customer_timezone", sa.String(length=100), server_default="", nullable=True),
        sa.Column("customer_timezone_diff", sa.String(length=6), server_default="", nullable=True),
        sa.Column("customer_time", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("callback_id"),
        sqlite_autoincrement=True,
    )
    index("ix_vicidial_callbacks_lead_id", "vicidial_callbacks", ["lead_id"], unique=False)
    table(
        "vicidial_callbacks_archive",
        sa.Column("callback_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("lead_id", sa.Integer(), nullable=True),
        sa.Column("list_id", sa.BigInteger(), nullable=True),
        sa.Column("campaign_id", sa.String(length=8), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=True),
        sa.Column("entry_time", sa.DateTime(), nullable=True),
        sa.Column("callback_time", sa.DateTime(), nullable=True),
        sa.Column("modify_date", sa.DateTime(), nullable=True),
        sa.Column("user", sa.String(length=20), nullable=True),
        sa.Column("recipient", sa.String(length=8), nullable=True),
        sa.Column("comments", sa.String(length=255), nullable=True),
        sa.Column("user_group", sa.String(length=20), nullable=True),
        sa.Column("lead_status", sa.String(length=6), server_default="CALLBK", nullable=True),
        sa.Column("email_alert", sa.DateTime(), nullable=True),
        sa.Column("email_result", sa.String(length=13), nullable=True),
        sa.Column("customer_timezone", sa.String(length=100), server_default="", nullable=True),
        sa.Column("customer_timezone_diff", sa.String(length=6), server_default="", nullable=True),
        sa.Column("customer_time", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("callback_id"),
    )
    table(
        "vicidial_campaign_agents",
        sa.Column("user", sa.String(length=20), nullable=True),
        sa.Column("campaign_id", sa.String(length=20), nullable=True),
        sa.Column("campaign_rank", sa.SmallInteger(), server_default="0", nullable=True),
        sa.Column("campaign_weight", sa.SmallInteger(), server_default="0", nullable=True),
        sa.Column("calls_today", sa.SmallInteger(), server_default="0", nullable=True),
        sa.Column("group_web_vars", sa.String(length=255), server_default="", nullable=True),
        sa.Column("campaign_grade", sa.SmallInteger(), server_default="1", nullable=True),
        sa.Column("hopper_calls_today", sa.SmallInteger(), server_default="0", nullable=True),
        sa.Column("hopper_calls_hour", sa.SmallInteger(), server_default="0", nullable=True),
        sa.UniqueConstraint(
            "user", "campaign_id", name="uq_vicidial_campaign_agents_user_campaign"
        ),
    )
    table(
        "vicidial_campaign_dnc",
        sa.Column("phone_number", sa.String(length=18), nullable=False),
        sa.Column("campaign_id", sa.String(length=8), nullable=False),
        sa.UniqueConstraint(
            "phone_number", "campaign_id", name="uq_vicidial_campaign_dnc_phone_campaign"
        ),
    )
    table(
        "vicidial_campaign_statuses",
        sa.Column("status", sa.String(length=6), nullable=False),
        sa.Column("status_name", sa.String(length=30), nullable=True),
        sa.Column("selectable", sa.String(length=1), nullable=True),
        sa.Column("campaign_id", sa.String(length=20), nullable=True),
        sa.Column("human_answered", sa.String(length=1), server_default="N", nullable=True),
        sa.Column("category", sa.String(length=20), server_default="UNDEFINED", nullable=True),
        sa.Column("sale", sa.String(length=1), server_default="N", nullable=True),
        sa.Column("dnc", sa.String(length=1), server_default="N", nullable=True),
        sa.Column("customer_contact", sa.String(length=1), server_default="N", nullable=True),
        sa.Column("not_interested", sa.String(length=1), server_default="N", nullable=True),
        sa.Column("unworkable", sa.String(length=1), server_default="N", nullable=True),
        sa.Column("scheduled_callback", sa.String(length=1), server_default="N", nullable=True),
        sa.Column("completed", sa.String(length=1), server_default="N", nullable=True),
        sa.Column("min_sec", sa.Integer(), server_default="0", nullable=True),
        sa.Column("max_sec", sa.Integer(), server_default="0", nullable=True),
        sa.Column("answering_machine", sa.String(length=1), server_default="N", nullable=True),
    )
    table(
        "vicidial_campaigns",
        sa.Column("campaign_id", sa.String(length=8), nullable=False),
        sa.Column("campaign_name", sa.String(length=40), nullable=True),
        sa.Column("active", sa.String(length=1), nullable=True),
        sa.Column("lead_order", sa.String(length=30), nullable=True),
        sa.Column("web_form_address", sa.Text(), nullable=True),
        sa.Column("hopper_level", sa.Integer(), server_default="1", nullable=True),
        sa.Column("auto_dial_level", sa.String(length=6), server_default="0", nullable=True),
        sa.Column("local_call_time", sa.String(length=10), server_default="9am-9pm", nullable=True),
        sa.Column("dial_timeout", sa.SmallInteger(), server_default="60", nullable=True),
        sa.Column("dial_prefix", sa.String(length=20), server_default="9", nullable=True),
        sa.Column("campaign_cid", sa.String(length=20), server_default="0000000000", nullable=True),
        sa.Column(
            "campaign_vdad_exten", sa.String(length=20), server_default="8368", nullable=True
        ),
        sa.Column("scheduled_callbacks", sa.String(length=1), server_default="N", nullable=True),
        sa.Column("lead_filter_id", sa.String(length=20), server_default="NONE", nullable=True),
        sa.Column("closer_campaigns", sa.Text(), nullable=True),
        sa.Column("use_internal_dnc", sa.String(length=8), server_default="N", nullable=True),
        sa.Column("dial_method", sa.String(length=23), server_default="MANUAL", nullable=True),
        sa.Column(
            "adaptive_maximum_level", sa.String(length=6), server_default="3.0", nullable=True
        ),
        sa.Column("campaign_description", sa.String(length=255), nullable=True),
        sa.Column("dial_statuses", sa.String(length=255), server_default=" NEW -", nullable=True),
        sa.Column("list_order_mix", sa.String(length=20), server_default="DISABLED", nullable=True),
        sa.Column("campaign_allow_inbound", sa.String(length=1), server_default="N", nullable=True),
        sa.Column("manual_dial_list_id", sa.BigInteger(), server_default="998", nullable=True),
        sa.Column(
            "default_xfer_group", sa.String(length=20), server_default="---NONE---", nullable=True
        ),
        sa.Column(
            "drop_inbound_group", sa.String(length=20), server_default="---NONE---", nullable=True
        ),
        sa.Column("use_campaign_dnc", sa.String(length=8), server_default="N", nullable=True),
        sa.Column("three_way_dial_prefix", sa.String(length=20), server_default="", nullable=True),
        sa.Column(
            "drop_rate_group", sa.String(length=20), server_default="DISABLED", nullable=True
        ),
        sa.Column("web_form_address_two", sa.Text(), nullable=True),
        sa.Column("start_call_url", sa.Text(), nullable=True),
        sa.Column("dispo_call_url", sa.Text(), nullable=True),
        sa.Column("manual_dial_prefix", sa.String(length=20), server_default="", nullable=True),
        sa.Column(
            "api_manual_dial", sa.String(length=18), server_default="STANDARD", nullable=True
        ),
        sa.Column("lead_order_randomize", sa.String(length=1), server_default="N", nullable=True),
        sa.Column(
            "lead_order_secondary",
            sa.String(length=16),
            server_default="LEAD_ASCEND",
            nullable=True,
        ),
        sa.Column("na_call_url", sa.Text(), nullable=True),
        sa.Column("user_group", sa.String(length=20), server_default="---ALL---", nullable=True),
        sa.Column("use_other_campaign_dnc", sa.String(length=8), server_default="", nullable=True),
        sa.Column("alt_number_dialing", sa.String(length=22), server_default="N", nullable=True),
        sa.Column(
            "manual_preview_dial",
            sa.String(length=16),
            server_default="PREVIEW_AND_SKIP",
            nullable=True,
        ),
        sa.Column("web_form_address_three", sa.Text(), nullable=True),
        sa.Column("custom_one", sa.Text(), nullable=True),
        sa.Column("custom_two", sa.Text(), nullable=True),
        sa.Column("custom_three", sa.Text(), nullable=True),
        sa.Column("custom_four", sa.Text(), nullable=True),
        sa.Column("custom_five", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("campaign_id"),
    )
    table(
        "vicidial_closer_log",
        sa.Column("closecallid", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("lead_id", sa.Integer(), nullable=False),
        sa.Column("list_id", sa.BigInteger(), nullable=True),
        sa.Column("campaign_id", sa.String(length=20), nullable=True),
        sa.Column("call_date", sa.DateTime(), nullable=True),
        sa.Column("length_in_sec", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=6), nullable=True),
        sa.Column("phone_code", sa.String(length=10), nullable=True),
        sa.Column("phone_number", sa.String(length=18), nullable=True),
        sa.Column("user", sa.String(length=20), nullable=True),
        sa.Column("comments", sa.String(length=255), nullable=True),
        sa.Column("user_group", sa.String(length=20), nullable=True),
        sa.Column("uniqueid", sa.String(length=20), server_default="", nullable=True),
        sa.Column("called_count", sa.SmallInteger(), server_default="0", nullable=True),
        sa.PrimaryKeyConstraint("closecallid"),
        sqlite_autoincrement=True,
    )
    index("ix_vicidial_closer_log_call_date", "vicidial_closer_log", ["call_date"], unique=False)
    index("ix_vicidial_closer_log_lead_id", "vicidial_closer_log", ["lead_id"], unique=False)
    table(
        "vicidial_conferences",
        sa.Column("conf_exten", sa.Integer(), nullable=False),
        sa.Column("server_ip", sa.String(length=15), nullable=False),
        sa.Column("extension", sa.String(length=100), nullable=True),
        sa.Column("leave_3way", sa.String(length=1), server_default="0", nullable=True),
        sa.Column("leave_3way_datetime", sa.DateTime(), nullable=True),
    )
    table(
        "vicidial_dnc",
        sa.Column("phone_number", sa.String(length=18), nullable=False),
        sa.PrimaryKeyConstraint("phone_number"),
    )
    table(
        "vicidial_dnc_log",
        sa.Column("phone_number", sa.String(length=18), nullable=False),
        sa.Column("campaign_id", sa.String(length=8), nullable=False),
        sa.Column("action", sa.String(length=6), server_default="add", nullable=True),
        sa.Column("action_date", sa.DateTime(), nullable=True),
        sa.Column("user", sa.String(length=20), server_default="", nullable=True),
    )
    table(
        "vicidial_email_list",
        sa.Column("email_row_id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("lead_id", sa.Integer(), nullable=True),
        sa.Column("email_date", sa.DateTime(), nullable=True),
        sa.Column("group_id", sa.String(length=20), nullable=True),
        sa.Column("user", sa.String(length=20), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=True),
        sa.PrimaryKeyConstraint("email_row_id"),
        sqlite_autoincrement=True,
    )
    table(
        "vicidial_hopper",
        sa.Column("hopper_id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("lead_id", sa.Integer(), nullable=False),
        sa.Column("campaign_id", sa.String(length=8), nullable=True),
        sa.Column("status", sa.String(length=6), server_default="READY", nullable=True),
        sa.Column("user", sa.String(length=20), nullable=True),
        sa.Column("list_id", sa.BigInteger(), nullable=False),
        sa.Column(
            "gmt_offset_now", sa.Numeric(precision=4, scale=2), server_default="0.00", nullable=True
        ),
        sa.Column("state", sa.String(length=2), server_default="", nullable=True),
        sa.Column("alt_dial", sa.String(length=6), server_default="NONE", nullable=True),
        sa.Column("priority", sa.SmallInteger(), server_default="0", nullable=True),
        sa.Column("source", sa.String(length=1), server_default="", nullable=True),
        sa.Column("vendor_lead_code", sa.String(length=20), server_default="", nullable=True),
        sa.PrimaryKeyConstraint("hopper_id"),
        sqlite_autoincrement=True,
    )
    index("ix_vicidial_hopper_lead_id", "vicidial_hopper", ["lead_id"], unique=False)
    table(
        "vicidial_inbound_groups",
        sa.Column("group_id", sa.String(length=20), nullable=False),
        sa.Column("group_name", sa.String(length=30), nullable=True),
        sa.Column("group_color", sa.String(length=20), nullable=True),
        sa.Column("active", sa.String(length=1), nullable=True),
        sa.Column(
            "default_xfer_group", sa.String(length=20), server_default="---NONE---", nullable=True
        ),
        sa.PrimaryKeyConstraint("group_id"),
    )
    table(
        "vicidial_lead_messages",
        sa.Column("lead_id", sa.Integer(), nullable=False),
        sa.Column("call_date", sa.DateTime(), nullable=True),
        sa.Column("user", sa.String(length=20), nullable=True),
        sa.Column("played", sa.SmallInteger(), server_default="0", nullable=True),
        sa.Column("message_entry", sa.Text(), nullable=True),
    )
    index("ix_vicidial_lead_messages_lead_id", "vicidial_lead_messages", ["lead_id"], unique=False)
    table(
        "vicidial_list",
        sa.Column("lead_id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("entry_date", sa.DateTime(), nullable=True),
        sa.Column("modify_date", sa.DateTime(), nullable=True),
        sa.Column("status", sa.String(length=6), nullable=True),
        sa.Column("user", sa.String(length=20), nullable=True),
        sa.Column("vendor_lead_code", sa.String(length=20), nullable=True),
        sa.Column("source_id", sa.String(length=50), nullable=True),
        sa.Column("list_id", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column(
            "gmt_offset_now", sa.Numeric(precision=4, scale=2), server_default="0.00", nullable=True
        ),
        sa.Column(
            "called_since_last_reset", sa.String(length=3), server_default="N", nullable=True
        ),
        sa.Column("phone_code", sa.String(length=10), nullable=True),
        sa.Column("phone_number", sa.String(length=18), nullable=False),
        sa.Column("title", sa.String(length=4), nullable=True),
        sa.Column("first_name", sa.String(length=30), nullable=True),
        sa.Column("middle_initial", sa.String(length=1), nullable=True),
        sa.Column("last_name", sa.String(length=30), nullable=True),
        sa.Column("address1", sa.String(length=100), nullable=True),
        sa.Column("address2", sa.String(length=100), nullable=True),
        sa.Column("address3", sa.String(length=100), nullable=True),
        sa.Column("city", sa.String(length=50), nullable=True),
        sa.Column("state", sa.String(length=2), nullable=True),
        sa.Column("province", sa.String(length=50), nullable=True),
        sa.Column("postal_code", sa.String(length=10), nullable=True),
        sa.Column("country_code", sa.String(length=3), nullable=True),
        sa.Column("gender", sa.String(length=1), server_default="U", nullable=True),
        sa.Column("date_of_birth", sa.Date(), nullable=True),
        sa.Column("alt_phone", sa.String(length=12), nullable=True),
        sa.Column("email", sa.String(length=70), nullable=True),
        sa.Column("security_phrase", sa.String(length=100), nullable=True),
        sa.Column("comments", sa.String(length=255), nullable=True),
        sa.Column("called_count", sa.SmallInteger(), server_default="0", nullable=True),
        sa.Column("last_local_call_time", sa.DateTime(), nullable=True),
        sa.Column("rank", sa.SmallInteger(), server_default="0", nullable=False),
        sa.Column("owner", sa.String(length=20), server_default="", nullable=True),
        sa.Column("entry_list_id", sa.BigInteger(), server_default="0", nullable=False),
        sa.PrimaryKeyConstraint("lead_id"),
        sqlite_autoincrement=True,
    )
    index("ix_vicidial_list_list_id", "vicidial_list", ["list_id"], unique=False)
    index(
        "ix_vicidial_list_phone_number_list_id",
        "vicidial_list",
        ["phone_number", "list_id"],
        unique=False,
    )
    index("ix_vicidial_list_status", "vicidial_list", ["status"], unique=False)
    index("ix_vicidial_list_vendor_lead_code", "vicidial_list", ["vendor_lead_code"], unique=False)
    table(
        "vicidial_list_alt_phones",
        sa.Column("alt_phone_id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("lead_id", sa.Integer(), nullable=False),
        sa.Column("phone_code", sa.String(length=10), nullable=True),
        sa.Column("phone_number", sa.String(length=18), nullable=True),
        sa.Column("alt_phone_note", sa.String(length=30), nullable=True),
        sa.Column("alt_phone_count", sa.SmallInteger(), nullable=True),
        sa.Column("active", sa.String(length=1), server_default="Y", nullable=True),
        sa.PrimaryKeyConstraint("alt_phone_id"),
        sqlite_autoincrement=True,
    )
    index(
        "ix_vicidial_list_alt_phones_lead_id", "vicidial_list_alt_phones", ["lead_id"], unique=False
    )
    table(
        "vicidial_list_archive",
        sa.Column("lead_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("entry_date", sa.DateTime(), nullable=True),
        sa.Column("modify_date", sa.DateTime(), nullable=True),
        sa.Column("status", sa.String(length=6), nullable=True),
        sa.Column("user", sa.String(length=20), nullable=True),
        sa.Column("vendor_lead_code", sa.String(length=20), nullable=True),
        sa.Column("source_id", sa.String(length=50), nullable=True),
        sa.Column("list_id", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column(
            "gmt_offset_now", sa.Numeric(precision=4, scale=2), server_default="0.00", nullable=True
        ),
        sa.Column(
            "called_since_last_reset", sa.String(length=3), server_default="N", nullable=True
        ),
        sa.Column("phone_code", sa.String(length=10), nullable=True),
        sa.Column("phone_number", sa.String(length=18), nullable=False),
        sa.Column("title", sa.String(length=4), nullable=True),
        sa.Column("first_name", sa.String(length=30), nullable=True),
        sa.Column("middle_initial", sa.String(length=1), nullable=True),
        sa.Column("last_name", sa.String(length=30), nullable=True),
        sa.Column("address1", sa.String(length=100), nullable=True),
        sa.Column("address2", sa.String(length=100), nullable=True),
        sa.Column("address3", sa.String(length=100), nullable=True),
        sa.Column("city", sa.String(length=50), nullable=True),
        sa.Column("state", sa.String(length=2), nullable=True),
        sa.Column("province", sa.String(length=50), nullable=True),
        sa.Column("postal_code", sa.String(length=10), nullable=True),
        sa.Column("country_code", sa.String(length=3), nullable=True),
        sa.Column("gender", sa.String(length=1), server_default="U", nullable=True),
        sa.Column("date_of_birth", sa.Date(), nullable=True),
        sa.Column("alt_phone", sa.String(length=12), nullable=True),
        sa.Column("email", sa.String(length=70), nullable=True),
        sa.Column("security_phrase", sa.String(length=100), nullable=True),
        sa.Column("comments", sa.String(length=255), nullable=True),
        sa.Column("called_count", sa.SmallInteger(), server_default="0", nullable=True),
        sa.Column("last_local_call_time", sa.DateTime(), nullable=True),
        sa.Column("rank", sa.SmallInteger(), server_default="0", nullable=False),
        sa.Column("owner", sa.String(length=20), server_default="", nullable=True),
        sa.Column("entry_list_id", sa.BigInteger(), server_default="0", nullable=False),
        sa.PrimaryKeyConstraint("lead_id"),
    )
    table(
        "vicidial_lists",
        sa.Column("list_id", sa.BigInteger(), nullable=False),
        sa.Column("list_name", sa.String(length=30), nullable=True),
        sa.Column("campaign_id", sa.String(length=8), nullable=True),
        sa.Column("active", sa.String(length=1), nullable=True),
        sa.Column("list_description", sa.String(length=255), nullable=True),
        sa.Column("list_changedate", sa.DateTime(), nullable=True),
        sa.Column("list_lastcalldate", sa.DateTime(), nullable=True),
        sa.Column("reset_time", sa.String(length=100), server_default="", nullable=True),
        sa.Column("agent_script_override", sa.String(length=20), server_default="", nullable=True),
        sa.Column("campaign_cid_override", sa.String(length=20), server_default="", nullable=True),
        sa.Column(
            "am_message_exten_override", sa.String(length=100), server_default="", nullable=True
        ),
        sa.Column(
            "drop_inbound_group_override", sa.String(length=20), server_default="", nullable=True
        ),
        sa.Column("xferconf_a_number", sa.String(length=50), server_default="", nullable=True),
        sa.Column("xferconf_b_number", sa.String(length=50), server_default="", nullable=True),
        sa.Column("xferconf_c_number", sa.String(length=50), server_default="", nullable=True),
        sa.Column("xferconf_d_number", sa.String(length=50), server_default="", nullable=True),
        sa.Column("xferconf_e_number", sa.String(length=50), server_default="", nullable=True),
        sa.Column("web_form_address", sa.Text(), nullable=True),
        sa.Column("web_form_address_two", sa.Text(), nullable=True),
        sa.Column(
            "time_zone_setting",
            sa.String(length=21),
            server_default="COUNTRY_AND_AREA_CODE",
            nullable=True,
        ),
        sa.Column("inventory_report", sa.String(length=1), server_default="Y", nullable=True),
        sa.Column(
            "expiration_date",
            sa.Date(),
            server_default="2099-12-31",
            nullable=True,
        ),
        sa.Column("na_call_url", sa.Text(), nullable=True),
        sa.Column(
            "local_call_time", sa.String(length=10), server_default="campaign", nullable=False
        ),
        sa.Column("web_form_address_three", sa.Text(), nullable=True),
        sa.Column("status_group_id", sa.String(length=20), server_default="", nullable=True),
        sa.Column("user_new_lead_limit", sa.SmallInteger(), server_default="-1", nullable=True),
        sa.Column("inbound_list_script_override", sa.String(length=20), nullable=True),
        sa.Column(
            "default_xfer_group", sa.String(length=20), server_default="---NONE---", nullable=True
        ),
        sa.Column("daily_reset_limit", sa.SmallInteger(), server_default="-1", nullable=True),
        sa.Column("resets_today", sa.SmallInteger(), server_default="0", nullable=True),
        sa.Column("auto_active_list_rank", sa.SmallInteger(), server_default="0", nullable=True),
        sa.Column("cache_count", sa.Integer(), server_default="0", nullable=True),
        sa.Column("cache_count_new", sa.Integer(), server_default="0", nullable=True),
        sa.Column("cache_count_dialable_new", sa.Integer(), server_default="0", nullable=True),
        sa.Column("cache_date", sa.DateTime(), nullable=True),
        sa.Column("inbound_drop_voicemail", sa.String(length=20), nullable=True),
        sa.Column("inbound_after_hours_voicemail", sa.String(length=20), nullable=True),
        sa.Column("qc_scorecard_id", sa.String(length=20), server_default="", nullable=True),
        sa.Column("qc_statuses_id", sa.String(length=20), server_default="", nullable=True),
        sa.Column("qc_web_form_address", sa.String(length=255), server_default="", nullable=True),
        sa.Column("auto_alt_threshold", sa.SmallInteger(), server_default="-1", nullable=True),
        sa.Column(
            "cid_group_id", sa.String(length=20), server_default="---DISABLED---", nullable=True
        ),
        sa.Column("dial_prefix", sa.String(length=20), server_default="", nullable=True),
        sa.Column(
            "weekday_resets_container",
            sa.String(length=40),
            server_default="DISABLED",
            nullable=True,
        ),
        sa.PrimaryKeyConstraint("list_id"),
    )
    table(
        "vicidial_lists_fields",
        sa.Column("field_id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("list_id", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("field_label", sa.String(length=50), nullable=True),
        sa.Column("field_name", sa.String(length=5000), nullable=True),
        sa.Column("field_description", sa.String(length=100), nullable=True),
        sa.Column("field_rank", sa.SmallInteger(), nullable=True),
        sa.Column("field_help", sa.String(length=1000), nullable=True),
        sa.Column("field_type", sa.String(length=12), server_default="TEXT", nullable=True),
        sa.Column("field_options", sa.String(length=5000), nullable=True),
        sa.Column("field_size", sa.SmallInteger(), nullable=True),
        sa.Column("field_max", sa.SmallInteger(), nullable=True),
        sa.Column("field_default", sa.String(length=255), nullable=True),
        sa.Column("field_cost", sa.SmallInteger(), nullable=True),
        sa.Column("field_required", sa.String(length=12), server_default="N", nullable=True),
        sa.Column("name_position", sa.String(length=4), server_default="LEFT", nullable=True),
        sa.Column(
            "multi_position", sa.String(length=10), server_default="HORIZONTAL", nullable=True
        ),
        sa.Column("field_order", sa.SmallInteger(), server_default="1", nullable=True),
        sa.Column("field_encrypt", sa.String(length=1), server_default="N", nullable=True),
        sa.Column(
            "field_show_hide", sa.String(length=14), server_default="DISABLED", nullable=True
        ),
        sa.Column("field_duplicate", sa.String(length=1), server_default="N", nullable=True),
        sa.PrimaryKeyConstraint("field_id"),
        sqlite_autoincrement=True,
    )
    index("ix_vicidial_lists_fields_list_id", "vicidial_lists_fields", ["list_id"], unique=False)
    table(
        "vicidial_live_agents",
        sa.Column("live_agent_id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("user", sa.String(length=20), nullable=True),
        sa.Column("server_ip", sa.String(length=15), nullable=False),
        sa.Column("conf_exten", sa.String(length=20), nullable=True),
        sa.Column("extension", sa.String(length=100), nullable=True),
        sa.Column("status", sa.String(length=6), server_default="PAUSED", nullable=True),
        sa.Column("lead_id", sa.Integer(), nullable=False),
        sa.Column("campaign_id", sa.String(length=8), nullable=True),
        sa.Column("uniqueid", sa.String(length=20), nullable=True),
        sa.Column("callerid", sa.String(length=20), nullable=True),
        sa.Column("channel", sa.String(length=100), nullable=True),
        sa.Column("random_id", sa.Integer(), nullable=True),
        sa.Column("last_call_time", sa.DateTime(), nullable=True),
        sa.Column("last_update_time", sa.DateTime(), nullable=True),
        sa.Column("last_call_finish", sa.DateTime(), nullable=True),
        sa.Column("closer_campaigns", sa.Text(), nullable=True),
        sa.Column("call_server_ip", sa.String(length=15), nullable=True),
        sa.Column("user_level", sa.SmallInteger(), server_default="0", nullable=True),
        sa.Column("comments", sa.String(length=20), nullable=True),
        sa.Column("campaign_weight", sa.SmallInteger(), server_default="0", nullable=True),
        sa.Column("calls_today", sa.SmallInteger(), server_default="0", nullable=True),
        sa.Column("external_hangup", sa.String(length=1), server_default="", nullable=True),
        sa.Column("external_status", sa.String(length=255), server_default="", nullable=True),
        sa.Column("external_pause", sa.String(length=20), server_default="", nullable=True),
        sa.Column("external_dial", sa.String(length=100), server_default="", nullable=True),
        sa.Column("external_ingroups", sa.Text(), nullable=True),
        sa.Column("external_blended", sa.String(length=1), server_default="0", nullable=True),
        sa.Column("external_igb_set_user", sa.String(length=20), server_default="", nullable=True),
        sa.Column("external_update_fields", sa.String(length=1), server_default="0", nullable=True),
        sa.Column(
            "external_update_fields_data", sa.String(length=255), server_default="", nullable=True
        ),
        sa.Column("external_timer_action", sa.String(length=20), server_default="", nullable=True),
        sa.Column(
            "external_timer_action_message", sa.String(length=255), server_default="", nullable=True
        ),
        sa.Column(
            "external_timer_action_seconds", sa.Integer(), server_default="-1", nullable=True
        ),
        sa.Column("agent_log_id", sa.Integer(), server_default="0", nullable=True),
        sa.Column("last_state_change", sa.DateTime(), nullable=True),
        sa.Column("outbound_autodial", sa.String(length=1), server_default="N", nullable=True),
        sa.Column("external_dtmf", sa.String(length=100), server_default="", nullable=True),
        sa.Column("external_transferconf", sa.String(length=120), server_default="", nullable=True),
        sa.Column("external_park", sa.String(length=40), server_default="", nullable=True),
        sa.Column("on_hook_agent", sa.String(length=1), server_default="N", nullable=True),
        sa.Column("ring_callerid", sa.String(length=20), server_default="", nullable=True),
        sa.Column("campaign_grade", sa.SmallInteger(), server_default="1", nullable=True),
        sa.Column("external_recording", sa.String(length=20), server_default="", nullable=True),
        sa.Column("external_pause_code", sa.String(length=6), server_default="", nullable=True),
        sa.Column("pause_code", sa.String(length=6), server_default="", nullable=True),
        sa.Column("preview_lead_id", sa.Integer(), server_default="0", nullable=True),
        sa.Column("external_lead_id", sa.Integer(), server_default="0", nullable=True),
        sa.Column("dial_campaign_id", sa.String(length=8), server_default="", nullable=True),
        sa.PrimaryKeyConstraint("live_agent_id"),
        sqlite_autoincrement=True,
    )
    index("ix_vicidial_live_agents_user", "vicidial_live_agents", ["user"], unique=False)
    table(
        "vicidial_log",
        sa.Column("uniqueid", sa.String(length=20), nullable=False),
        sa.Column("lead_id", sa.Integer(), nullable=False),
        sa.Column("list_id", sa.BigInteger(), nullable=True),
        sa.Column("campaign_id", sa.String(length=8), nullable=True),
        sa.Column("call_date", sa.DateTime(), nullable=True),
        sa.Column("length_in_sec", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=6), nullable=True),
        sa.Column("phone_code", sa.String(length=10), nullable=True),
        sa.Column("phone_number", sa.String(length=18), nullable=True),
        sa.Column("user", sa.String(length=20), nullable=True),
        sa.Column("comments", sa.String(length=255), nullable=True),
        sa.Column("user_group", sa.String(length=20), nullable=True),
        sa.Column("called_count", sa.SmallInteger(), server_default="0", nullable=True),
        sa.Column("start_epoch", sa.BigInteger(), nullable=True),
        sa.Column("end_epoch", sa.BigInteger(), nullable=True),
        sa.Column("processed", sa.String(length=1), nullable=True),
        sa.Column("term_reason", sa.String(length=20), server_default="NONE", nullable=True),
        sa.Column("alt_dial", sa.String(length=6), server_default="NONE", nullable=True),
        sa.PrimaryKeyConstraint("uniqueid"),
    )
    index("ix_vicidial_log_call_date", "vicidial_log", ["call_date"], unique=False)
    index("ix_vicidial_log_lead_id", "vicidial_log", ["lead_id"], unique=False)
    table(
        "vicidial_manual_dial_queue",
        sa.Column("mdq_id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("user", sa.String(length=20), nullable=True),
        sa.Column("phone_number", sa.String(length=100), server_default="", nullable=True),
        sa.Column("entry_time", sa.DateTime(), nullable=True),
        sa.Column("status", sa.String(length=5), server_default="READY", nullable=True),
        sa.Column("external_dial", sa.String(length=100), server_default="", nullable=True),
        sa.PrimaryKeyConstraint("mdq_id"),
        sqlite_autoincrement=True,
    )
    table(
        "vicidial_nanpa_prefix_codes",
        sa.Column("areacode", sa.String(length=3), nullable=True),
        sa.Column("prefix", sa.String(length=3), nullable=True),
        sa.Column("GMT_offset", sa.String(length=6), nullable=True),
        sa.Column("DST", sa.String(length=1), nullable=True),
        sa.Column("latitude", sa.String(length=17), nullable=True),
        sa.Column("longitude", sa.String(length=17), nullable=True),
        sa.Column("city", sa.String(length=50), server_default="", nullable=True),
        sa.Column("state", sa.String(length=2), server_default="", nullable=True),
        sa.Column("postal_code", sa.String(length=10), server_default="", nullable=True),
        sa.Column("country", sa.String(length=2), server_default="", nullable=True),
        sa.Column("lata_type", sa.String(length=1), server_default="", nullable=True),
    )
    index(
        "ix_vicidial_nanpa_prefix_codes_ac_prefix",
        "vicidial_nanpa_prefix_codes",
        ["areacode", "prefix"],
        unique=False,
    )
    table(
        "vicidial_phone_codes",
        sa.Column("country_code", sa.SmallInteger(), nullable=True),
        sa.Column("country", sa.String(length=3), nullable=True),
        sa.Column("areacode", sa.String(length=3), nullable=True),
        sa.Column("state", sa.String(length=4), nullable=True),
        sa.Column("GMT_offset", sa.String(length=6), nullable=True),
        sa.Column("DST", sa.String(length=1), nullable=True),
        sa.Column("DST_range", sa.String(length=8), nullable=True),
        sa.Column("geographic_description", sa.String(length=100), nullable=True),
        sa.Column("tz_code", sa.String(length=4), server_default="", nullable=True),
        sa.Column("php_tz", sa.String(length=100), server_default="", nullable=True),
    )
    index(
        "ix_vicidial_phone_codes_code_area",
        "vicidial_phone_codes",
        ["country_code", "areacode"],
        unique=False,
    )
    table(
        "vicidial_postal_codes",
        sa.Column("postal_code", sa.String(length=10), nullable=False),
        sa.Column("state", sa.String(length=4), nullable=True),
        sa.Column("GMT_offset", sa.String(length=6), nullable=True),
        sa.Column("DST", sa.String(length=1), nullable=True),
        sa.Column("DST_range", sa.String(length=8), nullable=True),
        sa.Column("country", sa.String(length=3), nullable=True),
        sa.Column("country_code", sa.SmallInteger(), nullable=True),
    )
    index(
        "ix_vicidial_postal_codes_postal_code",
        "vicidial_postal_codes",
        ["postal_code"],
        unique=False,
    )
    table(
        "vicidial_sessions_recent",
        sa.Column("lead_id", sa.Integer(), nullable=True),
        sa.Column("server_ip", sa.String(length=15), nullable=False),
        sa.Column("call_date", sa.DateTime(), nullable=True),
        sa.Column("user", sa.String(length=20), nullable=True),
        sa.Column("campaign_id", sa.String(length=20), nullable=True),
        sa.Column("conf_exten", sa.String(length=20), nullable=True),
        sa.Column("call_type", sa.String(length=1), server_default="", nullable=True),
    )
    table(
        "vicidial_state_call_times",
        sa.Column("state_call_time_id", sa.String(length=10), nullable=False),
        sa.Column("state_call_time_state", sa.String(length=2), nullable=False),
        sa.Column("state_call_time_name", sa.String(length=30), nullable=False),
        sa.Column(
            "state_call_time_comments", sa.String(length=255), server_default="", nullable=True
        ),
        sa.Column("sct_default_start", sa.SmallInteger(), server_default="900", nullable=False),
        sa.Column("sct_default_stop", sa.SmallInteger(), server_default="2100", nullable=False),
        sa.Column("sct_sunday_start", sa.SmallInteger(), server_default="0", nullable=True),
        sa.Column("sct_sunday_stop", sa.SmallInteger(), server_default="0", nullable=True),
        sa.Column("sct_monday_start", sa.SmallInteger(), server_default="0", nullable=True),
        sa.Column("sct_monday_stop", sa.SmallInteger(), server_default="0", nullable=True),
        sa.Column("sct_tuesday_start", sa.SmallInteger(), server_default="0", nullable=True),
        sa.Column("sct_tuesday_stop", sa.SmallInteger(), server_default="0", nullable=True),
        sa.Column("sct_wednesday_start", sa.SmallInteger(), server_default="0", nullable=True),
        sa.Column("sct_wednesday_stop", sa.SmallInteger(), server_default="0", nullable=True),
        sa.Column("sct_thursday_start", sa.SmallInteger(), server_default="0", nullable=True),
        sa.Column("sct_thursday_stop", sa.SmallInteger(), server_default="0", nullable=True),
        sa.Column("sct_friday_start", sa.SmallInteger(), server_default="0", nullable=True),
        sa.Column("sct_friday_stop", sa.SmallInteger(), server_default="0", nullable=True),
        sa.Column("sct_saturday_start", sa.SmallInteger(), server_default="0", nullable=True),
        sa.Column("sct_saturday_stop", sa.SmallInteger(), server_default="0", nullable=True),
        sa.Column("user_group", sa.String(length=20), server_default="---ALL---", nullable=True),
        sa.Column("ct_holidays", sa.Text(), nullable=True),
        sa.Column("modify_stamp", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("state_call_time_id"),
    )
    table(
        "vicidial_statuses",
        sa.Column("status", sa.String(length=6), nullable=False),
        sa.Column("status_name", sa.String(length=30), nullable=True),
        sa.Column("selectable", sa.String(length=1), server_default="N", nullable=True),
        sa.Column("human_answered", sa.String(length=1), server_default="N", nullable=True),
        sa.Column("category", sa.String(length=20), server_default="UNDEFINED", nullable=True),
        sa.Column("sale", sa.String(length=1), server_default="N", nullable=True),
        sa.Column("dnc", sa.String(length=1), server_default="N", nullable=True),
        sa.Column("customer_contact", sa.String(length=1), server_default="N", nullable=True),
        sa.Column("not_interested", sa.String(length=1), server_default="N", nullable=True),
        sa.Column("unworkable", sa.String(length=1), server_default="N", nullable=True),
        sa.Column("scheduled_callback", sa.String(length=1), server_default="N", nullable=True),
        sa.Column("completed", sa.String(length=1), server_default="N", nullable=True),
        sa.Column("min_sec", sa.Integer(), server_default="0", nullable=True),
        sa.Column("max_sec", sa.Integer(), server_default="0", nullable=True),
        sa.Column("answering_machine", sa.String(length=1), server_default="N", nullable=True),
        sa.Column("modify_stamp", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("status"),
    )
    table(
        "vicidial_url_multi",
        sa.Column("url_id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("campaign_id", sa.String(length=20), nullable=False),
        sa.Column("entry_type", sa.String(length=8), server_default="", nullable=True),
        sa.Column("active", sa.String(length=1), server_default="N", nullable=True),
        sa.Column("url_type", sa.String(length=10), server_default="", nullable=True),
        sa.Column("url_rank", sa.SmallInteger(), server_default="1", nullable=True),
        sa.Column("url_statuses", sa.String(length=1000), server_default="", nullable=True),
        sa.Column("url_description", sa.String(length=255), server_default="", nullable=True),
        sa.Column("url_address", sa.Text(), nullable=True),
        sa.Column("url_lists", sa.String(length=1000), server_default="", nullable=True),
        sa.Column("url_call_length", sa.SmallInteger(), server_default="0", nullable=True),
        sa.Column("modify_stamp", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("url_id"),
        sqlite_autoincrement=True,
    )
    table(
        "vicidial_urls",
        sa.Column("url_id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("url", sa.String(length=250), server_default="", nullable=True),
        sa.PrimaryKeyConstraint("url_id"),
        sqlite_autoincrement=True,
    )
    table(
        "vicidial_user_groups",
        sa.Column("user_group", sa.String(length=20), nullable=False),
        sa.Column("group_name", sa.String(length=40), nullable=False),
        sa.Column("allowed_campaigns", sa.Text(), nullable=True),
        sa.Column("qc_allowed_campaigns", sa.Text(), nullable=True),
        sa.Column("qc_allowed_inbound_groups", sa.Text(), nullable=True),
        sa.Column("group_shifts", sa.Text(), nullable=True),
        sa.Column(
            "forced_timeclock_login", sa.String(length=12), server_default="N", nullable=True
        ),
        sa.Column("shift_enforcement", sa.String(length=12), server_default="OFF", nullable=True),
        sa.Column("agent_status_viewable_groups", sa.Text(), nullable=True),
        sa.Column("agent_status_view_time", sa.String(length=1), server_default="N", nullable=True),
        sa.Column("agent_call_log_view", sa.String(length=1), server_default="N", nullable=True),
        sa.Column(
            "agent_xfer_consultative", sa.String(length=1), server_default="Y", nullable=True
        ),
        sa.Column(
            "agent_xfer_dial_override", sa.String(length=1), server_default="Y", nullable=True
        ),
        sa.Column("agent_xfer_vm_transfer", sa.String(length=1), server_default="Y", nullable=True),
        sa.Column(
            "agent_xfer_blind_transfer", sa.String(length=1), server_default="Y", nullable=True
        ),
        sa.Column(
            "agent_xfer_dial_with_customer", sa.String(length=1), server_default="Y", nullable=True
        ),
        sa.Column(
            "agent_xfer_park_customer_dial", sa.String(length=1), server_default="Y", nullable=True
        ),
        sa.Column("agent_fullscreen", sa.String(length=1), server_default="N", nullable=True),
        sa.Column(
            "allowed_reports", sa.String(length=4000), server_default="ALL REPORTS", nullable=True
        ),
        sa.Column("webphone_url_override", sa.String(length=255), server_default="", nullable=True),
        sa.Column(
            "webphone_systemkey_override", sa.String(length=100), server_default="", nullable=True
        ),
        sa.Column(
            "webphone_dialpad_override",
            sa.String(length=10),
            server_default="DISABLED",
            nullable=True,
        ),
        sa.Column("admin_viewable_groups", sa.Text(), nullable=True),
        sa.Column("admin_viewable_call_times", sa.Text(), nullable=True),
        sa.Column(
            "allowed_custom_reports", sa.String(length=2000), server_default="", nullable=True
        ),
        sa.Column("agent_allowed_chat_groups", sa.Text(), nullable=True),
        sa.Column("agent_xfer_park_3way", sa.String(length=1), server_default="Y", nullable=True),
        sa.Column("admin_ip_list", sa.String(length=30), server_default="", nullable=True),
        sa.Column("agent_ip_list", sa.String(length=30), server_default="", nullable=True),
        sa.Column("api_ip_list", sa.String(length=30), server_default="", nullable=True),
        sa.Column("webphone_layout", sa.String(length=255), server_default="", nullable=True),
        sa.Column("allowed_queue_groups", sa.Text(), nullable=True),
        sa.Column(
            "reports_header_override",
            sa.String(length=15),
            server_default="DISABLED",
            nullable=True,
        ),
        sa.Column("admin_home_url", sa.String(length=255), server_default="", nullable=True),
        sa.Column("script_id", sa.String(length=20), server_default="", nullable=True),
        sa.Column("modify_stamp", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("user_group"),
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
    index("ix_vicidial_user_log_event_date", "vicidial_user_log", ["event_date"], unique=False)
    index("ix_vicidial_user_log_user", "vicidial_user_log", ["user"], unique=False)
    table(
        "vicidial_users",
        sa.Column("user_id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("user", sa.String(length=20), nullable=False),
        sa.Column("pass", sa.String(length=100), nullable=False),
        sa.Column("full_name", sa.String(length=50), nullable=True),
        sa.Column("user_level", sa.SmallInteger(), server_default="1", nullable=True),
        sa.Column("user_group", sa.String(length=20), nullable=True),
        sa.Column("phone_login", sa.String(length=20), nullable=True),
        sa.Column("phone_pass", sa.String(length=100), nullable=True),
        sa.Column("delete_users", sa.String(length=1), server_default="0", nullable=True),
        sa.Column("delete_lists", sa.String(length=1), server_default="0", nullable=True),
        sa.Column("load_leads", sa.String(length=1), server_default="0", nullable=True),
        sa.Column("campaign_detail", sa.String(length=1), server_default="0", nullable=True),
        sa.Column("ast_admin_access", sa.String(length=1), server_default="0", nullable=True),
        sa.Column("modify_leads", sa.String(length=1), server_default="0", nullable=True),
        sa.Column("hotkeys_active", sa.String(length=1), server_default="0", nullable=True),
        sa.Column("change_agent_campaign", sa.String(length=1), server_default="0", nullable=True),
        sa.Column("agent_choose_ingroups", sa.String(length=1), server_default="1", nullable=True),
        sa.Column("closer_campaigns", sa.Text(), nullable=True),
        sa.Column("scheduled_callbacks", sa.String(length=1), server_default="1", nullable=True),
        sa.Column("agentcall_manual", sa.String(length=1), server_default="0", nullable=True),
        sa.Column(
            "alter_agent_interface_options", sa.String(length=1), server_default="0", nullable=True
        ),
        sa.Column("closer_default_blended", sa.String(length=1), server_default="0", nullable=True),
        sa.Column("modify_users", sa.String(length=1), server_default="0", nullable=True),
        sa.Column("modify_campaigns", sa.String(length=1), server_default="0", nullable=True),
        sa.Column("modify_lists", sa.String(length=1), server_default="0", nullable=True),
        sa.Column("view_reports", sa.String(length=1), server_default="0", nullable=True),
        sa.Column("vdc_agent_api_access", sa.String(length=1), server_default="0", nullable=True),
        sa.Column("modify_inbound_dids", sa.String(length=1), server_default="0", nullable=True),
        sa.Column("active", sa.String(length=1), server_default="Y", nullable=True),
        sa.Column("delete_from_dnc", sa.String(length=1), server_default="0", nullable=True),
        sa.Column("email", sa.String(length=100), server_default="", nullable=True),
        sa.Column("custom_one", sa.String(length=100), server_default="", nullable=True),
        sa.Column("custom_two", sa.String(length=100), server_default="", nullable=True),
        sa.Column("custom_three", sa.String(length=100), server_default="", nullable=True),
        sa.Column("custom_four", sa.String(length=100), server_default="", nullable=True),
        sa.Column("custom_five", sa.String(length=100), server_default="", nullable=True),
        sa.Column("voicemail_id", sa.String(length=10), nullable=True),
        sa.Column("custom_fields_modify", sa.String(length=1), server_default="0", nullable=True),
        sa.Column("modify_same_user_level", sa.String(length=1), server_default="1", nullable=True),
        sa.Column("failed_login_count", sa.SmallInteger(), server_default="0", nullable=True),
        sa.Column(
            "last_login_date",
            sa.DateTime(),
            server_default="2001-01-01 00:00:01",
            nullable=True,
        ),
        sa.Column("last_ip", sa.String(length=15), server_default="", nullable=True),
        sa.Column("pass_hash", sa.String(length=500), server_default="", nullable=True),
        sa.Column(
            "selected_language",
            sa.String(length=100),
            server_default="default English",
            nullable=True,
        ),
        sa.Column("api_list_restrict", sa.String(length=1), server_default="0", nullable=True),
        sa.Column(
            "api_allowed_functions",
            sa.String(length=1000),
            server_default=" ALL_FUNCTIONS ",
            nullable=True,
        ),
        sa.Column("lead_filter_id", sa.String(length=20), server_default="NONE", nullable=True),
        sa.Column("user_new_lead_limit", sa.SmallInteger(), server_default="-1", nullable=True),
        sa.Column("api_only_user", sa.String(length=1), server_default="0", nullable=True),
        sa.Column("ignore_ip_list", sa.String(length=1), server_default="0", nullable=True),
        sa.Column("status_group_id", sa.String(length=20), server_default="", nullable=True),
        sa.Column("failed_login_attempts_today", sa.Integer(), server_default="0", nullable=True),
        sa.Column("failed_login_count_today", sa.SmallInteger(), server_default="0", nullable=True),
        sa.Column("failed_last_ip_today", sa.String(length=50), server_default="", nullable=True),
        sa.Column("failed_last_type_today", sa.String(length=20), server_default="", nullable=True),
        sa.PrimaryKeyConstraint("user_id"),
        sa.UniqueConstraint("user", name="uq_vicidial_users_user"),
        sqlite_autoincrement=True,
    )
    table(
        "vicidial_webservers",
        sa.Column("webserver_id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("webserver", sa.String(length=125), server_default="", nullable=True),
        sa.Column("hostname", sa.String(length=125), server_default="", nullable=True),
        sa.PrimaryKeyConstraint("webserver_id"),
        sqlite_autoincrement=True,
    )


def downgrade() -> None:
    raise NotImplementedError("leadgate never drops VICIdial tables")

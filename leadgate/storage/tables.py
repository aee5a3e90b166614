"""VICIdial's tables, by their real names, as SQLAlchemy Core metadata.

Names, widths and defaults follow VICIdial's own schema so that leadgate can run directly on an
existing VICIdial database and so that stored values are cut to the same widths. Only the columns
leadgate reads or writes are declared for the very wide tables (vicidial_campaigns,
vicidial_users, system_settings, servers, vicidial_live_agents); leadgate never touches the others.

ENUM columns are plain strings here: the same schema must work on SQLite and PostgreSQL, and the
domain layer applies MySQL's non-strict enum rules itself. DATE/DATETIME columns store MySQL's
zero date as VICIdial does (storage/zero_dates.py); zero-date defaults become NULL.
"""

from sqlalchemy import (
    BigInteger,
    Column,
    Double,
    Float,
    Index,
    Integer,
    MetaData,
    Numeric,
    SmallInteger,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from leadgate.storage.zero_dates import VicidialDate, VicidialDateTime

# Every DATE/DATETIME column stores VICIdial's zero date (storage/zero_dates.py): declare them
# with these (or the Vicidial* names), never with SQLAlchemy's plain Date/DateTime.
Date = VicidialDate
DateTime = VicidialDateTime

metadata = MetaData()

vicidial_list = Table(
    "vicidial_list",
    metadata,
    Column("lead_id", Integer, primary_key=True, autoincrement=True),
    Column("entry_date", VicidialDateTime),
    Column("modify_date", VicidialDateTime),
    Column("status", String(6)),
    Column("user", String(20)),
    Column("vendor_lead_code", String(20)),
    Column("source_id", String(50)),
    Column("list_id", BigInteger, server_default="0", nullable=False),
    Column("gmt_offset_now", Numeric(4, 2), server_default="0.00"),
    Column("called_since_last_reset", String(3), server_default="N"),
    Column("phone_code", String(10)),
    Column("phone_number", String(18), nullable=False),
    Column("title", String(4)),
    Column("first_name", String(30)),
    Column("middle_initial", String(1)),
    Column("last_name", String(30)),
    Column("address1", String(100)),
    Column("address2", String(100)),
    Column("address3", String(100)),
    Column("city", String(50)),
    Column("state", String(2)),
    Column("province", String(50)),
    Column("postal_code", String(10)),
    Column("country_code", String(3)),
    Column("gender", String(1), server_default="U"),
    Column("date_of_birth", VicidialDate),
    Column("alt_phone", String(12)),
    Column("email", String(70)),
    Column("security_phrase", String(100)),
    Column("comments", String(255)),
    Column("called_count", SmallInteger, server_default="0"),
    Column("last_local_call_time", VicidialDateTime),
    Column("rank", SmallInteger, server_default="0", nullable=False),
    Column("owner", String(20), server_default=""),
    Column("entry_list_id", BigInteger, server_default="0", nullable=False),
    sqlite_autoincrement=True,
)


vicidial_lists = Table(
    "vicidial_lists",
    metadata,
    Column("list_id", BigInteger, primary_key=True),
    Column("list_name", String(30)),
    Column("campaign_id", String(8)),
    Column("active", String(1)),
    Column("list_description", String(255)),
    Column("list_changedate", VicidialDateTime),
    Column("list_lastcalldate", VicidialDateTime),
    Column("reset_time", String(100), server_default=""),
    Column("agent_script_override", String(20), server_default=""),
    Column("campaign_cid_override", String(20), server_default=""),
    Column("am_message_exten_override", String(100), server_default=""),
    Column("drop_inbound_group_override", String(20), server_default=""),
    Column("xferconf_a_number", String(50), server_default=""),
    Column("xferconf_b_number", String(50), server_default=""),
    Column("xferconf_c_number", String(50), server_default=""),
    Column("xferconf_d_number", String(50), server_default=""),
    Column("xferconf_e_number", String(50), server_default=""),
    Column("web_form_address", Text),
    Column("web_form_address_two", Text),
    Column("time_zone_setting", String(21), server_default="COUNTRY_AND_AREA_CODE"),
    Column("inventory_report", String(1), server_default="Y"),
    Column("expiration_date", VicidialDate, server_default="2099-12-31"),
    Column("na_call_url", Text),
    Column("local_call_time", String(10), server_default="campaign", nullable=False),
    Column("web_form_address_three", Text),
    Column("status_group_id", String(20), server_default=""),
    Column("user_new_lead_limit", SmallInteger, server_default="-1"),
    Column("inbound_list_script_override", String(20)),
    Column("default_xfer_group", String(20), server_default="---NONE---"),
    Column("daily_reset_limit", SmallInteger, server_default="-1"),
    Column("resets_today", SmallInteger, server_default="0"),
    Column("auto_active_list_rank", SmallInteger, server_default="0"),
    Column("cache_count", Integer, server_default="0"),
    Column("cache_count_new", Integer, server_default="0"),
    Column("cache_count_dialable_new", Integer, server_default="0"),
    Column("cache_date", VicidialDateTime),
    Column("inbound_drop_voicemail", String(20)),
    Column("inbound_after_hours_voicemail", String(20)),
    Column("qc_scorecard_id", String(20), server_default=""),
    Column("qc_statuses_id", String(20), server_default=""),
    Column("qc_web_form_address", String(255), server_default=""),
    Column("auto_alt_threshold", SmallInteger, server_default="-1"),
    Column("cid_group_id", String(20), server_default="---DISABLED---"),
    Column("dial_prefix", String(20), server_default=""),
    Column("weekday_resets_container", String(40), server_default="DISABLED"),
)


vicidial_campaigns = Table(
    "vicidial_campaigns",
    metadata,
    Column("campaign_id", String(8), primary_key=True),
    Column("campaign_name", String(40)),
    Column("active", String(1)),
    Column("lead_order", String(30)),
    Column("web_form_address", Text),
    Column("hopper_level", Integer, server_default="1"),
    Column("auto_dial_level", String(6), server_default="0"),
    Column("local_call_time", String(10), server_default="9am-9pm"),
    Column("dial_timeout", SmallInteger, server_default="60"),
    Column("dial_prefix", String(20), server_default="9"),
    Column("campaign_cid", String(20), server_default="0000000000"),
    Column("campaign_vdad_exten", String(20), server_default="8368"),
    Column("scheduled_callbacks", String(1), server_default="N"),
    Column("lead_filter_id", String(20), server_default="NONE"),
    Column("closer_campaigns", Text),
    Column("use_internal_dnc", String(8), server_default="N"),
    Column("dial_method", String(23), server_default="MANUAL"),
    Column("adaptive_maximum_level", String(6), server_default="3.0"),
    Column("campaign_description", String(255)),
    Column("dial_statuses", String(255), server_default=" NEW -"),
    Column("list_order_mix", String(20), server_default="DISABLED"),
    Column("campaign_allow_inbound", String(1), server_default="N"),
    Column("manual_dial_list_id", BigInteger, server_default="998"),
    Column("default_xfer_group", String(20), server_default="---NONE---"),
    Column("drop_inbound_group", String(20), server_default="---NONE---"),
    Column("use_campaign_dnc", String(8), server_default="N"),
    Column("three_way_dial_prefix", String(20), server_default=""),
    Column("drop_rate_group", String(20), server_default="DISABLED"),
    Column("web_form_address_two", Text),
    Column("start_call_url", Text),
    Column("dispo_call_url", Text),
    Column("manual_dial_prefix", String(20), server_default=""),
    Column("api_manual_dial", String(18), server_default="STANDARD"),
    Column("lead_order_randomize", String(1), server_default="N"),
    Column("lead_order_secondary", String(16), server_default="LEAD_ASCEND"),
    Column("na_call_url", Text),
    Column("xfer_groups", Text),
    Column("user_group", String(20), server_default="---ALL---"),
    Column("use_other_campaign_dnc", String(8), server_default=""),
    Column("alt_number_dialing", String(22), server_default="N"),
    Column("manual_preview_dial", String(16), server_default="PREVIEW_AND_SKIP"),
    Column("agent_lead_search", String(28), server_default="DISABLED"),
    Column("web_form_address_three", Text),
    Column("custom_one", Text),
    Column("custom_two", Text),
    Column("custom_three", Text),
    Column("custom_four", Text),
    Column("custom_five", Text),
    # Added by revision 0004 (update_campaign).
    Column("campaign_changedate", VicidialDateTime),
    Column("xferconf_a_number", String(50)),
    Column("xferconf_b_number", String(50)),
    Column("xferconf_c_number", String(50), server_default=""),
    Column("xferconf_d_number", String(50), server_default=""),
    Column("xferconf_e_number", String(50), server_default=""),
)


# Added by revision 0004: add_list / update_list check agent_script_override against it.
vicidial_scripts = Table(
    "vicidial_scripts",
    metadata,
    Column("script_id", String(20), primary_key=True),
    Column("script_name", String(50)),
    Column("script_comments", String(255)),
    Column("script_text", Text),
    Column("active", String(1)),
    Column("user_group", String(20), server_default="---ALL---"),
    Column("script_color", String(20), server_default="white"),
    Column("modify_stamp", VicidialDateTime),
)


# Added by revision 0004: update_campaign checks lead_filter_id against it.
vicidial_lead_filters = Table(
    "vicidial_lead_filters",
    metadata,
    Column("lead_filter_id", String(20), primary_key=True),
    Column("lead_filter_name", String(30), nullable=False),
    Column("lead_filter_comments", String(255)),
    Column("lead_filter_sql", Text),
    Column("user_group", String(20), server_default="---ALL---"),
    Column("modify_stamp", VicidialDateTime),
)


vicidial_users = Table(
    "vicidial_users",
    metadata,
    Column("user_id", Integer, primary_key=True, autoincrement=True),
    Column("user", String(20), nullable=False),
    Column("pass", String(100), nullable=False),
    Column("full_name", String(50)),
    Column("user_level", SmallInteger, server_default="1"),
    Column("user_group", String(20)),
    Column("phone_login", String(20)),
    Column("phone_pass", String(100)),
    Column("delete_users", String(1), server_default="0"),
    Column("delete_lists", String(1), server_default="0"),
    Column("load_leads", String(1), server_default="0"),
    Column("campaign_detail", String(1), server_default="0"),
    Column("ast_admin_access", String(1), server_default="0"),
    Column("modify_leads", String(1), server_default="0"),
    Column("hotkeys_active", String(1), server_default="0"),
    Column("change_agent_campaign", String(1), server_default="0"),
    Column("agent_choose_ingroups", String(1), server_default="1"),
    Column("closer_campaigns", Text),
    Column("scheduled_callbacks", String(1), server_default="1"),
    Column("agentcall_manual", String(1), server_default="0"),
    Column("alter_agent_interface_options", String(1), server_default="0"),
    Column("closer_default_blended", String(1), server_default="0"),
    Column("modify_users", String(1), server_default="0"),
    Column("modify_campaigns", String(1), server_default="0"),
    Column("modify_lists", String(1), server_default="0"),
    Column("view_reports", String(1), server_default="0"),
    Column("vdc_agent_api_access", String(1), server_default="0"),
    Column("modify_inbound_dids", String(1), server_default="0"),
    Column("active", String(1), server_default="Y"),
    Column("delete_from_dnc", String(1), server_default="0"),
    Column("email", String(100), server_default=""),
    Column("custom_one", String(100), server_default=""),
    Column("custom_two", String(100), server_default=""),
    Column("custom_three", String(100), server_default=""),
    Column("custom_four", String(100), server_default=""),
    Column("custom_five", String(100), server_default=""),
    Column("voicemail_id", String(10)),
    Column("custom_fields_modify", String(1), server_default="0"),
    Column("modify_same_user_level", String(1), server_default="1"),
    Column("failed_login_count", SmallInteger, server_default="0"),
    Column("last_login_date", VicidialDateTime, server_default="2001-01-01 00:00:01"),
    Column("last_ip", String(15), server_default=""),
    Column("pass_hash", String(500), server_default=""),
    Column("selected_language", String(100), server_default="default English"),
    Column("api_list_restrict", String(1), server_default="0"),
    Column("api_allowed_functions", String(1000), server_default=" ALL_FUNCTIONS "),
    Column("lead_filter_id", String(20), server_default="NONE"),
    Column("user_new_lead_limit", SmallInteger, server_default="-1"),
    Column("api_only_user", String(1), server_default="0"),
    Column("ignore_ip_list", String(1), server_default="0"),
    Column("status_group_id", String(20), server_default=""),
    Column("failed_login_attempts_today", Integer, server_default="0"),
    Column("failed_login_count_today", SmallInteger, server_default="0"),
    Column("failed_last_ip_today", String(50), server_default=""),
    Column("failed_last_type_today", String(20), server_default=""),
    # Added by revision 0005 (add_user).
    Column("wrapup_seconds_override", SmallInteger, server_default="-1"),
    Column("agent_choose_blended", String(1), server_default="1"),
    sqlite_autoincrement=True,
)


vicidial_user_groups = Table(
    "vicidial_user_groups",
    metadata,
    Column("user_group", String(20), primary_key=True),
    Column("group_name", String(40), nullable=False),
    Column("allowed_campaigns", Text),
    Column("qc_allowed_campaigns", Text),
    Column("qc_allowed_inbound_groups", Text),
    Column("group_shifts", Text),
    Column("forced_timeclock_login", String(12), server_default="N"),
    Column("shift_enforcement", String(12), server_default="OFF"),
    Column("agent_status_viewable_groups", Text),
    Column("agent_status_view_time", String(1), server_default="N"),
    Column("agent_call_log_view", String(1), server_default="N"),
    Column("agent_xfer_consultative", String(1), server_default="Y"),
    Column("agent_xfer_dial_override", String(1), server_default="Y"),
    Column("agent_xfer_vm_transfer", String(1), server_default="Y"),
    Column("agent_xfer_blind_transfer", String(1), server_default="Y"),
    Column("agent_xfer_dial_with_customer", String(1), server_default="Y"),
    Column("agent_xfer_park_customer_dial", String(1), server_default="Y"),
    Column("agent_fullscreen", String(1), server_default="N"),
    Column("allowed_reports", String(4000), server_default="ALL REPORTS"),
    Column("webphone_url_override", String(255), server_default=""),
    Column("webphone_systemkey_override", String(100), server_default=""),
    Column("webphone_dialpad_override", String(10), server_default="DISABLED"),
    Column("admin_viewable_groups", Text),
    Column("admin_viewable_call_times", Text),
    Column("allowed_custom_reports", String(2000), server_default=""),
    Column("agent_allowed_chat_groups", Text),
    Column("agent_xfer_park_3way", String(1), server_default="Y"),
    Column("admin_ip_list", String(30), server_default=""),
    Column("agent_ip_list", String(30), server_default=""),
    Column("api_ip_list", String(30), server_default=""),
    Column("webphone_layout", String(255), server_default=""),
    Column("allowed_queue_groups", Text),
    Column("reports_header_override", String(15), server_default="DISABLED"),
    Column("admin_home_url", String(255), server_default=""),
    Column("script_id", String(20), server_default=""),
    Column("modify_stamp", VicidialDateTime),
)


vicidial_dnc = Table(
    "vicidial_dnc",
    metadata,
    Column("phone_number", String(18), primary_key=True),
)


vicidial_campaign_dnc = Table(
    "vicidial_campaign_dnc",
    metadata,
    Column("phone_number", String(18), nullable=False),
    Column("campaign_id", String(8), nullable=False),
)


vicidial_dnc_log = Table(
    "vicidial_dnc_log",
    metadata,
    Column("phone_number", String(18), nullable=False),
    Column("campaign_id", String(8), nullable=False),
    Column("action", String(6), server_default="add"),
    Column("action_date", VicidialDateTime),
    Column("user", String(20), server_default=""),
)


vicidial_hopper = Table(
    "vicidial_hopper",
    metadata,
    Column("hopper_id", Integer, primary_key=True, autoincrement=True),
    Column("lead_id", Integer, nullable=False),
    Column("campaign_id", String(8)),
    Column("status", String(6), server_default="READY"),
    Column("user", String(20)),
    Column("list_id", BigInteger, nullable=False),
    Column("gmt_offset_now", Numeric(4, 2), server_default="0.00"),
    Column("state", String(2), server_default=""),
    Column("alt_dial", String(6), server_default="NONE"),
    Column("priority", SmallInteger, server_default="0"),
    Column("source", String(1), server_default=""),
    Column("vendor_lead_code", String(20), server_default=""),
    sqlite_autoincrement=True,
)


vicidial_callbacks = Table(
    "vicidial_callbacks",
    metadata,
    Column("callback_id", Integer, primary_key=True, autoincrement=True),
    Column("lead_id", Integer),
    Column("list_id", BigInteger),
    Column("campaign_id", String(8)),
    Column("status", String(10)),
    Column("entry_time", VicidialDateTime),
    Column("callback_time", VicidialDateTime),
    Column("modify_date", VicidialDateTime),
    Column("user", String(20)),
    Column("recipient", String(8)),
    Column("comments", String(255)),
    Column("user_group", String(20)),
    Column("lead_status", String(6), server_default="CALLBK"),
    Column("email_alert", VicidialDateTime),
    Column("email_result", String(13)),
    Column("customer_timezone", String(100), server_default=""),
    Column("customer_timezone_diff", String(6), server_default=""),
    Column("customer_time", VicidialDateTime),
    sqlite_autoincrement=True,
)


CASE_INSENSITIVE_FUNCTION = (
    String(20)
    .with_variant(String(20, collation="NOCASE"), "sqlite")
    .with_variant(String(20, collation="vicidial_ci"), "postgresql")
)


vicidial_api_log = Table(
    "vicidial_api_log",
    metadata,
    Column("api_id", Integer, primary_key=True, autoincrement=True),
    Column("user", String(20), nullable=False),
    Column("api_date", VicidialDateTime),
    Column("api_script", String(10)),
    # Case-insensitive as on VICIdial's MySQL tables (revision 0008): counts per function
    # merge `ADD_LEAD` with `add_lead` on every engine.
    Column("function", CASE_INSENSITIVE_FUNCTION, nullable=False),
    Column("agent_user", String(20)),
    Column("value", String(255)),
    Column("result", String(10)),
    Column("result_reason", String(255)),
    Column("source", String(20)),
    Column("data", Text),
    Column("run_time", String(20), server_default="0"),
    Column("webserver", SmallInteger, server_default="0"),
    Column("api_url", Integer, server_default="0"),
    sqlite_autoincrement=True,
)


vicidial_api_urls = Table(
    "vicidial_api_urls",
    metadata,
    Column("api_id", Integer, primary_key=True),
    Column("api_date", VicidialDateTime),
    Column("remote_ip", String(50)),
    Column("url", Text),
)


vicidial_live_agents = Table(
    "vicidial_live_agents",
    metadata,
    Column("live_agent_id", Integer, primary_key=True, autoincrement=True),
    Column("user", String(20)),
    Column("server_ip", String(15), nullable=False),
    Column("conf_exten", String(20)),
    Column("extension", String(100)),
    Column("status", String(6), server_default="PAUSED"),
    Column("lead_id", Integer, nullable=False),
    Column("campaign_id", String(8)),
    Column("uniqueid", String(20)),
    Column("callerid", String(20)),
    Column("channel", String(100)),
    Column("random_id", Integer),
    Column("last_call_time", VicidialDateTime),
    Column("last_update_time", VicidialDateTime),
    Column("last_call_finish", VicidialDateTime),
    Column("closer_campaigns", Text),
    Column("call_server_ip", String(15)),
    Column("user_level", SmallInteger, server_default="0"),
    Column("comments", String(20)),
    Column("campaign_weight", SmallInteger, server_default="0"),
    Column("calls_today", SmallInteger, server_default="0"),
    Column("external_hangup", String(1), server_default=""),
    Column("external_status", String(255), server_default=""),
    Column("external_pause", String(20), server_default=""),
    Column("external_dial", String(100), server_default=""),
    Column("external_ingroups", Text),
    Column("external_blended", String(1), server_default="0"),
    Column("external_igb_set_user", String(20), server_default=""),
    Column("external_update_fields", String(1), server_default="0"),
    Column("external_update_fields_data", String(255), server_default=""),
    Column("external_timer_action", String(20), server_default=""),
    Column("external_timer_action_message", String(255), server_default=""),
    Column("external_timer_action_seconds", Integer, server_default="-1"),
    Column("agent_log_id", Integer, server_default="0"),
    Column("last_state_change", VicidialDateTime),
    Column("outbound_autodial", String(1), server_default="N"),
    Column("external_dtmf", String(100), server_default=""),
    Column("external_transferconf", String(120), server_default=""),
    Column("external_park", String(40), server_default=""),
    Column("on_hook_agent", String(1), server_default="N"),
    Column("ring_callerid", String(20), server_default=""),
    Column("campaign_grade", SmallInteger, server_default="1"),
    Column("external_recording", String(20), server_default=""),
    Column("external_pause_code", String(6), server_default=""),
    Column("pause_code", String(6), server_default=""),
    Column("preview_lead_id", Integer, server_default="0"),
    Column("external_lead_id", Integer, server_default="0"),
    Column("dial_campaign_id", String(8), server_default=""),
    Column("manager_ingroup_set", String(3), server_default="N"),
    sqlite_autoincrement=True,
)


system_settings = Table(
    "system_settings",
    metadata,
    Column("version", String(50)),
    Column("use_non_latin", String(1), server_default="0"),
    Column("webroot_writable", String(1), server_default="1"),
    Column("enable_queuemetrics_logging", String(1), server_default="0"),
    Column("db_schema_version", Integer, server_default="0"),
    Column("auto_user_add_value", Integer, server_default="101"),
    Column("vdc_agent_api_active", String(1), server_default="0"),
    Column("enable_vtiger_integration", String(1), server_default="0"),
    Column("sounds_central_control_active", String(1), server_default="0"),
    Column("sounds_web_server", String(50), server_default="127.0.0.1"),
    Column("sounds_web_directory", String(255), server_default=""),
    Column("auto_dial_limit", String(5), server_default="4"),
    Column("webphone_url", String(255), server_default=""),
    Column("custom_fields_enabled", String(1), server_default="0"),
    Column("admin_web_directory", String(255), server_default="vicidial"),
    Column("hosted_settings", String(100), server_default=""),
    Column("pass_hash_enabled", String(1), server_default="0"),
    Column("pass_key", String(100), server_default=""),
    Column("pass_cost", SmallInteger, server_default="2"),
    Column("active_modules", Text),
    Column("enable_languages", String(1), server_default="0"),
    Column("language_method", String(20), server_default="DISABLED"),
    Column("agent_debug_logging", String(20), server_default="0"),
    Column("agent_whisper_enabled", String(1), server_default="0"),
    Column("user_new_lead_limit", String(1), server_default="0"),
    Column("enable_auto_reports", String(1), server_default="0"),
    Column("allow_ip_lists", String(1), server_default="0"),
    Column("system_ip_blacklist", String(30), server_default=""),
    Column("outbound_cid_any", String(8), server_default="DISABLED"),
    Column("two_factor_auth_hours", SmallInteger, server_default="0"),
    Column("two_factor_container", String(40), server_default="---DISABLED---"),
    Column("allow_web_debug", String(1), server_default="0"),
    Column("agent_notifications", String(1), server_default="0"),
    Column("enhanced_agent_monitoring", String(1), server_default="0"),
)


servers = Table(
    "servers",
    metadata,
    Column("server_id", String(10), nullable=False),
    Column("server_description", String(255)),
    Column("server_ip", String(15), nullable=False),
    Column("active", String(1)),
    Column("asterisk_version", String(20), server_default="1.4.21.2"),
    Column("local_gmt", String(6), server_default="-5.00"),
    Column("user_group", String(20), server_default="---ALL---"),
    Column("ext_context", String(20), server_default="default"),
)


vicidial_statuses = Table(
    "vicidial_statuses",
    metadata,
    Column("status", String(6), primary_key=True),
    Column("status_name", String(30)),
    Column("selectable", String(1), server_default="N"),
    Column("human_answered", String(1), server_default="N"),
    Column("category", String(20), server_default="UNDEFINED"),
    Column("sale", String(1), server_default="N"),
    Column("dnc", String(1), server_default="N"),
    Column("customer_contact", String(1), server_default="N"),
    Column("not_interested", String(1), server_default="N"),
    Column("unworkable", String(1), server_default="N"),
    Column("scheduled_callback", String(1), server_default="N"),
    Column("completed", String(1), server_default="N"),
    Column("min_sec", Integer, server_default="0"),
    Column("max_sec", Integer, server_default="0"),
    Column("answering_machine", String(1), server_default="N"),
    Column("modify_stamp", VicidialDateTime),
)


vicidial_campaign_statuses = Table(
    "vicidial_campaign_statuses",
    metadata,
    Column("status", String(6), nullable=False),
    Column("status_name", String(30)),
    Column("selectable", String(1)),
    Column("campaign_id", String(20)),
    Column("human_answered", String(1), server_default="N"),
    Column("category", String(20), server_default="UNDEFINED"),
    Column("sale", String(1), server_default="N"),
    Column("dnc", String(1), server_default="N"),
    Column("customer_contact", String(1), server_default="N"),
    Column("not_interested", String(1), server_default="N"),
    Column("unworkable", String(1), server_default="N"),
    Column("scheduled_callback", String(1), server_default="N"),
    Column("completed", String(1), server_default="N"),
    Column("min_sec", Integer, server_default="0"),
    Column("max_sec", Integer, server_default="0"),
    Column("answering_machine", String(1), server_default="N"),
)


vicidial_call_times = Table(
    "vicidial_call_times",
    metadata,
    Column("call_time_id", String(10), primary_key=True),
    Column("call_time_name", String(30), nullable=False),
    Column("call_time_comments", String(255), server_default=""),
    Column("ct_default_start", SmallInteger, server_default="900", nullable=False),
    Column("ct_default_stop", SmallInteger, server_default="2100", nullable=False),
    Column("ct_sunday_start", SmallInteger, server_default="0"),
    Column("ct_sunday_stop", SmallInteger, server_default="0"),
    Column("ct_monday_start", SmallInteger, server_default="0"),
    Column("ct_monday_stop", SmallInteger, server_default="0"),
    Column("ct_tuesday_start", SmallInteger, server_default="0"),
    Column("ct_tuesday_stop", SmallInteger, server_default="0"),
    Column("ct_wednesday_start", SmallInteger, server_default="0"),
    Column("ct_wednesday_stop", SmallInteger, server_default="0"),
    Column("ct_thursday_start", SmallInteger, server_default="0"),
    Column("ct_thursday_stop", SmallInteger, server_default="0"),
    Column("ct_friday_start", SmallInteger, server_default="0"),
    Column("ct_friday_stop", SmallInteger, server_default="0"),
    Column("ct_saturday_start", SmallInteger, server_default="0"),
    Column("ct_saturday_stop", SmallInteger, server_default="0"),
    Column("ct_state_call_times", Text),
    Column("default_afterhours_filename_override", String(255), server_default=""),
    Column("sunday_afterhours_filename_override", String(255), server_default=""),
    Column("monday_afterhours_filename_override", String(255), server_default=""),
    Column("tuesday_afterhours_filename_override", String(255), server_default=""),
    Column("wednesday_afterhours_filename_override", String(255), server_default=""),
    Column("thursday_afterhours_filename_override", String(255), server_default=""),
    Column("friday_afterhours_filename_override", String(255), server_default=""),
    Column("saturday_afterhours_filename_override", String(255), server_default=""),
    Column("user_group", String(20), server_default="---ALL---"),
    Column("ct_holidays", Text),
    Column("modify_stamp", VicidialDateTime),
)


vicidial_state_call_times = Table(
    "vicidial_state_call_times",
    metadata,
    Column("state_call_time_id", String(10), primary_key=True),
    Column("state_call_time_state", String(2), nullable=False),
    Column("state_call_time_name", String(30), nullable=False),
    Column("state_call_time_comments", String(255), server_default=""),
    Column("sct_default_start", SmallInteger, server_default="900", nullable=False),
    Column("sct_default_stop", SmallInteger, server_default="2100", nullable=False),
    Column("sct_sunday_start", SmallInteger, server_default="0"),
    Column("sct_sunday_stop", SmallInteger, server_default="0"),
    Column("sct_monday_start", SmallInteger, server_default="0"),
    Column("sct_monday_stop", SmallInteger, server_default="0"),
    Column("sct_tuesday_start", SmallInteger, server_default="0"),
    Column("sct_tuesday_stop", SmallInteger, server_default="0"),
    Column("sct_wednesday_start", SmallInteger, server_default="0"),
    Column("sct_wednesday_stop", SmallInteger, server_default="0"),
    Column("sct_thursday_start", SmallInteger, server_default="0"),
    Column("sct_thursday_stop", SmallInteger, server_default="0"),
    Column("sct_friday_start", SmallInteger, server_default="0"),
    Column("sct_friday_stop", SmallInteger, server_default="0"),
    Column("sct_saturday_start", SmallInteger, server_default="0"),
    Column("sct_saturday_stop", SmallInteger, server_default="0"),
    Column("user_group", String(20), server_default="---ALL---"),
    Column("ct_holidays", Text),
    Column("modify_stamp", VicidialDateTime),
)


vicidial_lists_fields = Table(
    "vicidial_lists_fields",
    metadata,
    Column("field_id", Integer, primary_key=True, autoincrement=True),
    Column("list_id", BigInteger, server_default="0", nullable=False),
    Column("field_label", String(50)),
    Column("field_name", String(5000)),
    Column("field_description", String(100)),
    Column("field_rank", SmallInteger),
    Column("field_help", String(1000)),
    Column("field_type", String(12), server_default="TEXT"),
    Column("field_options", String(5000)),
    Column("field_size", SmallInteger),
    Column("field_max", SmallInteger),
    Column("field_default", String(255)),
    Column("field_cost", SmallInteger),
    Column("field_required", String(12), server_default="N"),
    Column("name_position", String(4), server_default="LEFT"),
    Column("multi_position", String(10), server_default="HORIZONTAL"),
    Column("field_order", SmallInteger, server_default="1"),
    Column("field_encrypt", String(1), server_default="N"),
    Column("field_show_hide", String(14), server_default="DISABLED"),
    Column("field_duplicate", String(1), server_default="N"),
    sqlite_autoincrement=True,
)


vicidial_postal_codes = Table(
    "vicidial_postal_codes",
    metadata,
    Column("postal_code", String(10), nullable=False),
    Column("state", String(4)),
    Column("GMT_offset", String(6)),
    Column("DST", String(1)),
    Column("DST_range", String(8)),
    Column("country", String(3)),
    Column("country_code", SmallInteger),
)


vicidial_phone_codes = Table(
    "vicidial_phone_codes",
    metadata,
    Column("country_code", SmallInteger),
    Column("country", String(3)),
    Column("areacode", String(3)),
    Column("state", String(4)),
    Column("GMT_offset", String(6)),
    Column("DST", String(1)),
    Column("DST_range", String(8)),
    Column("geographic_description", String(100)),
    Column("tz_code", String(4), server_default=""),
    Column("php_tz", String(100), server_default=""),
)


vicidial_nanpa_prefix_codes = Table(
    "vicidial_nanpa_prefix_codes",
    metadata,
    Column("areacode", String(3)),
    Column("prefix", String(3)),
    Column("GMT_offset", String(6)),
    Column("DST", String(1)),
    Column("latitude", String(17)),
    Column("longitude", String(17)),
    Column("city", String(50), server_default=""),
    Column("state", String(2), server_default=""),
    Column("postal_code", String(10), server_default=""),
    Column("country", String(2), server_default=""),
    Column("lata_type", String(1), server_default=""),
)


recording_log = Table(
    "recording_log",
    metadata,
    Column("recording_id", Integer, primary_key=True, autoincrement=True),
    Column("channel", String(100)),
    Column("server_ip", String(15)),
    Column("extension", String(100)),
    Column("start_time", VicidialDateTime),
    Column("start_epoch", Integer),
    Column("end_time", VicidialDateTime),
    Column("end_epoch", Integer),
    Column("length_in_sec", Integer),
    Column("length_in_min", Float),
    Column("filename", String(100)),
    Column("location", String(255)),
    Column("lead_id", Integer),
    Column("user", String(20)),
    Column("vicidial_id", String(20)),
    sqlite_autoincrement=True,
)


vicidial_sessions_recent = Table(
    "vicidial_sessions_recent",
    metadata,
    Column("lead_id", Integer),
    Column("server_ip", String(15), nullable=False),
    Column("call_date", VicidialDateTime),
    Column("user", String(20)),
    Column("campaign_id", String(20)),
    Column("conf_exten", String(20)),
    Column("call_type", String(1), server_default=""),
)


vicidial_conferences = Table(
    "vicidial_conferences",
    metadata,
    Column("conf_exten", Integer, nullable=False),
    Column("server_ip", String(15), nullable=False),
    Column("extension", String(100)),
    Column("leave_3way", String(1), server_default="0"),
    Column("leave_3way_datetime", VicidialDateTime),
)


vicidial_campaign_agents = Table(
    "vicidial_campaign_agents",
    metadata,
    Column("user", String(20)),
    Column("campaign_id", String(20)),
    Column("campaign_rank", SmallInteger, server_default="0"),
    Column("campaign_weight", SmallInteger, server_default="0"),
    Column("calls_today", SmallInteger, server_default="0"),
    Column("group_web_vars", String(255), server_default=""),
    Column("campaign_grade", SmallInteger, server_default="1"),
    Column("hopper_calls_today", SmallInteger, server_default="0"),
    Column("hopper_calls_hour", SmallInteger, server_default="0"),
)


vicidial_list_alt_phones = Table(
    "vicidial_list_alt_phones",
    metadata,
    Column("alt_phone_id", Integer, primary_key=True, autoincrement=True),
    Column("lead_id", Integer, nullable=False),
    Column("phone_code", String(10)),
    Column("phone_number", String(18)),
    Column("alt_phone_note", String(30)),
    Column("alt_phone_count", SmallInteger),
    Column("active", String(1), server_default="Y"),
    sqlite_autoincrement=True,
)


vicidial_admin_log = Table(
    "vicidial_admin_log",
    metadata,
    Column("admin_log_id", Integer, primary_key=True, autoincrement=True),
    Column("event_date", VicidialDateTime),
    Column("user", String(20), nullable=False),
    Column("ip_address", String(15), nullable=False),
    Column("event_section", String(30), nullable=False),
    Column("event_type", String(8), server_default="OTHER"),
    Column("record_id", String(50), nullable=False),
    Column("event_code", String(255), nullable=False),
    Column("event_sql", Text),
    Column("event_notes", Text),
    Column("user_group", String(20), server_default="---ALL---"),
    sqlite_autoincrement=True,
)


vicidial_webservers = Table(
    "vicidial_webservers",
    metadata,
    Column("webserver_id", Integer, primary_key=True, autoincrement=True),
    Column("webserver", String(125), server_default=""),
    Column("hostname", String(125), server_default=""),
    sqlite_autoincrement=True,
)


vicidial_urls = Table(
    "vicidial_urls",
    metadata,
    Column("url_id", Integer, primary_key=True, autoincrement=True),
    Column("url", String(250), server_default=""),
    sqlite_autoincrement=True,
)


vicidial_manual_dial_queue = Table(
    "vicidial_manual_dial_queue",
    metadata,
    Column("mdq_id", Integer, primary_key=True, autoincrement=True),
    Column("user", String(20)),
    Column("phone_number", String(100), server_default=""),
    Column("entry_time", VicidialDateTime),
    Column("status", String(5), server_default="READY"),
    Column("external_dial", String(100), server_default=""),
    sqlite_autoincrement=True,
)


vicidial_url_multi = Table(
    "vicidial_url_multi",
    metadata,
    Column("url_id", Integer, primary_key=True, autoincrement=True),
    Column("campaign_id", String(20), nullable=False),
    Column("entry_type", String(8), server_default=""),
    Column("active", String(1), server_default="N"),
    Column("url_type", String(10), server_default=""),
    Column("url_rank", SmallInteger, server_default="1"),
    Column("url_statuses", String(1000), server_default=""),
    Column("url_description", String(255), server_default=""),
    Column("url_address", Text),
    Column("url_lists", String(1000), server_default=""),
    Column("url_call_length", SmallInteger, server_default="0"),
    Column("modify_stamp", VicidialDateTime),
    sqlite_autoincrement=True,
)


vicidial_auto_calls = Table(
    "vicidial_auto_calls",
    metadata,
    Column("auto_call_id", Integer, primary_key=True, autoincrement=True),
    Column("server_ip", String(15), nullable=False),
    Column("campaign_id", String(20)),
    Column("status", String(10), server_default="PAUSED"),
    Column("lead_id", Integer, nullable=False),
    Column("uniqueid", String(20)),
    Column("callerid", String(20)),
    Column("channel", String(100)),
    Column("phone_code", String(10)),
    Column("phone_number", String(18)),
    Column("call_time", VicidialDateTime),
    Column("call_type", String(10), server_default="OUT"),
    Column("stage", String(20), server_default="START"),
    Column("last_update_time", VicidialDateTime),
    Column("alt_dial", String(6), server_default="NONE"),
    Column("queue_priority", SmallInteger, server_default="0"),
    Column("agent_only", String(20), server_default=""),
    Column("agent_grab", String(20), server_default=""),
    Column("queue_position", SmallInteger, server_default="1"),
    Column("extension", String(100), server_default=""),
    Column("agent_grab_extension", String(100), server_default=""),
    sqlite_autoincrement=True,
)


def _archive_of(table: Table, name: str) -> Table:
    """A same-shaped table whose id is copied from the live table, not generated."""
    columns = []
    for column in table.columns:
        copy = column._copy()
        if column.autoincrement is True:
            copy.autoincrement = False
        columns.append(copy)
    return Table(name, metadata, *columns)


vicidial_list_archive = _archive_of(vicidial_list, "vicidial_list_archive")
vicidial_callbacks_archive = _archive_of(vicidial_callbacks, "vicidial_callbacks_archive")

# phone first: serves phone-only look-ups and the per-list duplicate check (SQLite picks
# the list_id index for "phone AND list" without statistics otherwise: a scan of the list).
Index(
    "ix_vicidial_list_phone_number_list_id", vicidial_list.c.phone_number, vicidial_list.c.list_id
)
Index("ix_vicidial_list_list_id", vicidial_list.c.list_id)
Index("ix_vicidial_list_vendor_lead_code", vicidial_list.c.vendor_lead_code)
Index("ix_vicidial_list_status", vicidial_list.c.status)
Index("ix_vicidial_hopper_lead_id", vicidial_hopper.c.lead_id)
Index("ix_vicidial_callbacks_lead_id", vicidial_callbacks.c.lead_id)
Index("ix_vicidial_list_alt_phones_lead_id", vicidial_list_alt_phones.c.lead_id)
Index("ix_vicidial_live_agents_user", vicidial_live_agents.c.user)
Index("ix_vicidial_lists_fields_list_id", vicidial_lists_fields.c.list_id)
Index(
    "ix_vicidial_phone_codes_code_area",
    vicidial_phone_codes.c.country_code,
    vicidial_phone_codes.c.areacode,
)
Index("ix_vicidial_postal_codes_postal_code", vicidial_postal_codes.c.postal_code)
Index(
    "ix_vicidial_nanpa_prefix_codes_ac_prefix",
    vicidial_nanpa_prefix_codes.c.areacode,
    vicidial_nanpa_prefix_codes.c.prefix,
)
UniqueConstraint(vicidial_users.c.user, name="uq_vicidial_users_user")
UniqueConstraint(
    vicidial_campaign_dnc.c.phone_number,
    vicidial_campaign_dnc.c.campaign_id,
    name="uq_vicidial_campaign_dnc_phone_campaign",
)
UniqueConstraint(
    vicidial_campaign_agents.c.user,
    vicidial_campaign_agents.c.campaign_id,
    name="uq_vicidial_campaign_agents_user_campaign",
)


# Agent API lookups (external_dial dial_ingroup / group_alias, calls_in_queue_count).
# Only the columns leadgate reads are declared; an existing VICIdial database has the rest.
vicidial_inbound_groups = Table(
    "vicidial_inbound_groups",
    metadata,
    Column("group_id", String(20), primary_key=True),
    Column("group_name", String(30)),
    Column("group_color", String(20)),
    Column("active", String(1)),
    Column("default_xfer_group", String(20), server_default="---NONE---"),
    Column("next_agent_call", String(40), server_default="longest_wait_time"),
    Column("call_time_id", String(20), server_default="24hours"),
    Column("user_group", String(20), server_default="---ALL---"),
    Column("start_call_url", Text),
    Column("dispo_call_url", Text),
    Column("add_lead_url", Text),
    Column("na_call_url", Text),
    Column("custom_one", String(100), server_default=""),
    Column("custom_two", String(100), server_default=""),
    Column("custom_three", String(100), server_default=""),
    Column("custom_four", String(100), server_default=""),
    Column("custom_five", String(100), server_default=""),
)


# The DID a call came in on (read by call URLs: did_id, did_extension, did_pattern, …).
vicidial_did_log = Table(
    "vicidial_did_log",
    metadata,
    Column("uniqueid", String(50), nullable=False, server_default=""),
    Column("channel", String(100), nullable=False, server_default=""),
    Column("server_ip", String(15), nullable=False, server_default=""),
    Column("caller_id_number", String(18)),
    Column("caller_id_name", String(20)),
    Column("extension", String(50)),
    Column("call_date", VicidialDateTime),
    Column("did_id", String(9), server_default=""),
    Column("did_route", String(9), server_default=""),
)


vicidial_inbound_dids = Table(
    "vicidial_inbound_dids",
    metadata,
    Column("did_id", Integer, primary_key=True, autoincrement=True),
    Column("did_pattern", String(50), nullable=False),
    Column("did_description", String(50)),
    Column("did_active", String(1), server_default="Y"),
    Column("did_route", String(20), server_default="EXTEN"),
    Column("group_id", String(20)),
    Column("user_group", String(20), server_default="---ALL---"),
    Column("custom_one", String(100), server_default=""),
    Column("custom_two", String(100), server_default=""),
    Column("custom_three", String(100), server_default=""),
    Column("custom_four", String(100), server_default=""),
    Column("custom_five", String(100), server_default=""),
    sqlite_autoincrement=True,
)


vicidial_settings_containers = Table(
    "vicidial_settings_containers",
    metadata,
    Column("container_id", String(40), primary_key=True),
    Column("container_notes", String(255), server_default=""),
    Column("container_type", String(40), server_default="OTHER"),
    Column("user_group", String(20), server_default="---ALL---"),
    Column("container_entry", Text),
)


groups_alias = Table(
    "groups_alias",
    metadata,
    Column("group_alias_id", String(30), primary_key=True),
    Column("group_alias_name", String(50)),
    Column("caller_id_number", String(20)),
    Column("caller_id_name", String(20)),
    Column("active", String(1), server_default="N"),
    Column("user_group", String(20), server_default="---ALL---"),
)


vicidial_email_list = Table(
    "vicidial_email_list",
    metadata,
    Column("email_row_id", Integer, primary_key=True, autoincrement=True),
    Column("lead_id", Integer),
    Column("email_date", VicidialDateTime),
    Column("group_id", String(20)),
    Column("user", String(20)),
    Column("status", String(10)),
    sqlite_autoincrement=True,
)


# Call logs read by lead_status_search (outbound / inbound calls). Only the columns leadgate
# reads are declared; an existing VICIdial database has the rest.
vicidial_log = Table(
    "vicidial_log",
    metadata,
    Column("uniqueid", String(20), primary_key=True),
    Column("lead_id", Integer, nullable=False),
    Column("list_id", BigInteger),
    Column("campaign_id", String(8)),
    Column("call_date", VicidialDateTime),
    Column("length_in_sec", Integer),
    Column("status", String(6)),
    Column("phone_code", String(10)),
    Column("phone_number", String(18)),
    Column("user", String(20)),
    Column("comments", String(255)),
    Column("user_group", String(20)),
    Column("called_count", SmallInteger, server_default="0"),
    Column("start_epoch", BigInteger),
    Column("end_epoch", BigInteger),
    Column("processed", String(1)),
    Column("term_reason", String(20), server_default="NONE"),
    Column("alt_dial", String(6), server_default="NONE"),
)


vicidial_closer_log = Table(
    "vicidial_closer_log",
    metadata,
    Column("closecallid", Integer, primary_key=True, autoincrement=True),
    Column("lead_id", Integer, nullable=False),
    Column("list_id", BigInteger),
    Column("campaign_id", String(20)),
    Column("call_date", VicidialDateTime),
    Column("length_in_sec", Integer),
    Column("status", String(6)),
    Column("phone_code", String(10)),
    Column("phone_number", String(18)),
    Column("user", String(20)),
    Column("comments", String(255)),
    Column("user_group", String(20)),
    Column("uniqueid", String(20), server_default=""),
    Column("called_count", SmallInteger, server_default="0"),
    Column("start_epoch", Integer),
    Column("end_epoch", Integer),
    Column("processed", String(1)),
    Column("queue_seconds", Numeric(7, 2), server_default="0"),
    Column("xfercallid", BigInteger),
    Column("term_reason", String(20), server_default="NONE"),
    Column("agent_only", String(20), server_default=""),
    Column("queue_position", SmallInteger, server_default="1"),
    sqlite_autoincrement=True,
)
Index("ix_vicidial_log_lead_id", vicidial_log.c.lead_id)
Index("ix_vicidial_log_call_date", vicidial_log.c.call_date)
Index("ix_vicidial_closer_log_lead_id", vicidial_closer_log.c.lead_id)
Index("ix_vicidial_closer_log_call_date", vicidial_closer_log.c.call_date)
# leadgate's own: phone_number_log looks calls up by number (VICIdial indexes only the closer log).
Index("ix_vicidial_log_phone_number", vicidial_log.c.phone_number)
Index("ix_vicidial_log_campaign_id_call_date", vicidial_log.c.campaign_id, vicidial_log.c.call_date)
Index("ix_vicidial_closer_log_phone_number", vicidial_closer_log.c.phone_number)
# VICIdial's own closer-log indexes (callid_info, did_log_export, call_dispo_report).
Index("ix_vicidial_closer_log_campaign_id", vicidial_closer_log.c.campaign_id)
Index("ix_vicidial_closer_log_uniqueid", vicidial_closer_log.c.uniqueid)
Index("date_user", vicidial_closer_log.c.call_date, vicidial_closer_log.c.user)


# vm_message: custom voicemail messages for the lead on an agent's live call.
vicidial_lead_messages = Table(
    "vicidial_lead_messages",
    metadata,
    Column("lead_id", Integer, nullable=False),
    Column("call_date", VicidialDateTime),
    Column("user", String(20)),
    Column("played", SmallInteger, server_default="0"),
    Column("message_entry", Text),
)
Index("ix_vicidial_lead_messages_lead_id", vicidial_lead_messages.c.lead_id)


# -- Call history, agent history and telephony settings read by the report functions ---------
# VICIdial's own tables (extras/MySQL_AST_CREATE_tables.sql), with its names, columns and indexes.

vicidial_agent_log = Table(
    "vicidial_agent_log",
    metadata,
    Column("agent_log_id", Integer, primary_key=True, autoincrement=True),
    Column("user", String(20)),
    Column("server_ip", String(15), nullable=False),
    Column("event_time", VicidialDateTime),
    Column("lead_id", Integer),
    Column("campaign_id", String(8)),
    Column("pause_epoch", BigInteger),
    Column("pause_sec", Integer, server_default="0"),
    Column("wait_epoch", BigInteger),
    Column("wait_sec", Integer, server_default="0"),
    Column("talk_epoch", BigInteger),
    Column("talk_sec", Integer, server_default="0"),
    Column("dispo_epoch", BigInteger),
    Column("dispo_sec", Integer, server_default="0"),
    Column("status", String(6)),
    Column("user_group", String(20)),
    Column("comments", String(20)),
    Column("sub_status", String(6)),
    Column("dead_epoch", BigInteger),
    Column("dead_sec", Integer, server_default="0"),
    Column("processed", String(1), server_default="N"),
    Column("uniqueid", String(20), server_default=""),
    Column("pause_type", String(10), server_default="UNDEFINED"),
    sqlite_autoincrement=True,
)
Index("ix_vicidial_agent_log_lead_id", vicidial_agent_log.c.lead_id)
Index("ix_vicidial_agent_log_user", vicidial_agent_log.c.user)
Index("ix_vicidial_agent_log_event_time", vicidial_agent_log.c.event_time)
Index("time_user", vicidial_agent_log.c.event_time, vicidial_agent_log.c.user)
# leadgate's own: one agent's day (agent_stats) without reading every agent's.
Index(
    "ix_vicidial_agent_log_user_event_time",
    vicidial_agent_log.c.user,
    vicidial_agent_log.c.event_time,
)

vicidial_user_log = Table(
    "vicidial_user_log",
    metadata,
    Column("user_log_id", Integer, primary_key=True, autoincrement=True),
    Column("user", String(20)),
    Column("event", String(50)),
    Column("campaign_id", String(8)),
    Column("event_date", VicidialDateTime),
    Column("event_epoch", BigInteger),
    Column("user_group", String(20)),
    Column("session_id", String(20)),
    Column("server_ip", String(15)),
    Column("extension", String(50)),
    Column("computer_ip", String(15)),
    Column("browser", String(255)),
    Column("data", String(255)),
    Column("phone_login", String(15), server_default=""),
    Column("server_phone", String(15), server_default=""),
    Column("phone_ip", String(15), server_default=""),
    Column("webserver", Integer, server_default="0"),
    Column("login_url", Integer, server_default="0"),
    Column("browser_width", Integer, server_default="0"),
    Column("browser_height", Integer, server_default="0"),
    sqlite_autoincrement=True,
)
Index("ix_vicidial_user_log_user", vicidial_user_log.c.user)
Index("ix_vicidial_user_log_event_date", vicidial_user_log.c.event_date)


# leadgate's own: the agent sessions leadgate started (`leadgate agent login`), which its
# session engine drives. A session row that something else created (a real agent screen on a
# shared database) has no row here and is left alone. engine_id/lease_until: exactly one engine
# drives a session at a time; an expired lease is taken over.
leadgate_agent_sessions = Table(
    "leadgate_agent_sessions",
    metadata,
    Column("user", String(20), primary_key=True),
    Column("campaign_id", String(8), nullable=False),
    Column("phone_login", String(20), server_default=""),
    Column("session_id", String(20), server_default=""),
    Column("engine_id", String(64), server_default=""),
    Column("lease_until", VicidialDateTime),
    Column("logged_in_at", VicidialDateTime),
    # The call on the agent's line: '' (none), RINGING, TALKING, ENDED (waiting for dispo).
    Column("call_state", String(10), server_default=""),
    Column("call_kind", String(6), server_default=""),  # MANUAL or AUTO
    Column("call_lead_id", Integer, server_default="0"),
    Column("call_uniqueid", String(20), server_default=""),
    Column("call_outcome", String(10), server_default=""),
    # Wall-clock epochs (seconds, with fractions): when the call was placed, when its ringing
    # ends, when the customer will hang up, when it ended; when the agent's state last changed.
    Column("call_placed_epoch", Double),
    Column("call_answer_due_epoch", Double),
    Column("call_end_due_epoch", Double),
    Column("call_ended_epoch", Double),
    Column("call_ring_seconds", Integer, server_default="0"),  # call seconds
    Column("call_talk_seconds", Integer, server_default="0"),  # call seconds
    Column("state_since_epoch", Double),
)


# Outgoing call URLs as VICIdial logs them: one row per URL sent (spec webhooks.md §3).
vicidial_url_log = Table(
    "vicidial_url_log",
    metadata,
    Column("url_log_id", Integer, primary_key=True, autoincrement=True),
    Column("uniqueid", String(50), nullable=False),
    Column("url_date", VicidialDateTime),
    Column("url_type", String(10), server_default=""),
    Column("response_sec", SmallInteger, server_default="0"),
    Column("url", Text),
    Column("url_response", Text),
    sqlite_autoincrement=True,
)
Index("ix_vicidial_url_log_uniqueid", vicidial_url_log.c.uniqueid)


# -- leadgate's own tables (not VICIdial's) --------------------------------------------------

# Webhook outbox states (storage/outbox.py).
PENDING, DELIVERED, DEAD = "pending", "delivered", "dead"

leadgate_webhook_outbox = Table(
    "leadgate_webhook_outbox",
    metadata,
    Column(
        "outbox_id",
        BigInteger().with_variant(Integer, "sqlite"),
        primary_key=True,
        autoincrement=True,
    ),  # fmt: skip
    # Stable across retries: the Standard Webhooks `webhook-id`, for receivers to de-duplicate.
    Column("webhook_id", String(40), nullable=False, unique=True),
    Column("url_type", String(10), nullable=False),  # apinewlead | dispo | start
    Column("uniqueid", String(50), nullable=False),  # vicidial_url_log.uniqueid
    Column("lead_id", BigInteger),
    Column("url", Text, nullable=False),
    Column("state", String(10), nullable=False, server_default=PENDING),
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("created_at", VicidialDateTime, nullable=False),
    Column("next_attempt_at", VicidialDateTime, nullable=False),
    Column("last_attempt_at", VicidialDateTime),
    Column("finished_at", VicidialDateTime),
    Column("last_status", Integer),  # HTTP status of the last answer (NULL: no answer)
    Column("last_error", String(255)),
    Column("url_log_id", Integer),  # the vicidial_url_log row of this URL
    sqlite_autoincrement=True,
)
Index("ix_leadgate_webhook_outbox_due", leadgate_webhook_outbox.c.state,
      leadgate_webhook_outbox.c.next_attempt_at)  # fmt: skip
Index("ix_leadgate_webhook_outbox_lead_id", leadgate_webhook_outbox.c.lead_id)

# One row per named lease: who holds it and until when.
leadgate_leases = Table(
    "leadgate_leases",
    metadata,
    Column("lease_name", String(40), primary_key=True),
    Column("holder", String(100), nullable=False),
    Column("expires_at", VicidialDateTime, nullable=False),
)

# Opt-in per endpoint (longest matching URL prefix): POST with a JSON body instead of VICIdial's
# GET, Standard Webhooks signing with `secret`, and the D11 value for --A--pass--B--.
leadgate_webhook_endpoints = Table(
    "leadgate_webhook_endpoints",
    metadata,
    Column("url_prefix", String(255), primary_key=True),
    Column("method", String(4), nullable=False, server_default="GET"),
    Column("secret", String(255), nullable=False, server_default=""),
    Column("pass_value", String(255), nullable=False, server_default=""),
)


Index("ix_vicidial_did_log_uniqueid", vicidial_did_log.c.uniqueid)
Index("ix_vicidial_did_log_caller_id_number", vicidial_did_log.c.caller_id_number)
Index("ix_vicidial_did_log_extension", vicidial_did_log.c.extension)
Index("ix_vicidial_did_log_call_date", vicidial_did_log.c.call_date)

vicidial_log_extended = Table(
    "vicidial_log_extended",
    metadata,
    Column("uniqueid", String(50), primary_key=True),
    Column("server_ip", String(15)),
    Column("call_date", DateTime),
    Column("lead_id", Integer),
    Column("caller_code", String(30), nullable=False),
    Column("custom_call_id", String(100)),
    Column("start_url_processed", String(1), server_default="N"),
    Column("dispo_url_processed", String(2), server_default="N"),
    Column("multi_alt_processed", String(1), server_default="N"),
    Column("noanswer_processed", String(1), server_default="N"),
)
Index("ix_vicidial_log_extended_call_date", vicidial_log_extended.c.call_date)
Index("vle_lead_id", vicidial_log_extended.c.lead_id)
Index("vlecc", vicidial_log_extended.c.caller_code)


# -- agent sessions and the commands the Agent API queues for the phone system ---------------

# One row per agent screen login: where the agent's phone is and how to ring it again.
vicidial_session_data = Table(
    "vicidial_session_data",
    metadata,
    Column("session_name", String(40), nullable=False, unique=True),
    Column("user", String(20)),
    Column("campaign_id", String(8)),
    Column("server_ip", String(15), nullable=False),
    Column("conf_exten", String(20)),
    Column("extension", String(100), nullable=False),
    Column("login_time", VicidialDateTime, nullable=False),
    Column("webphone_url", Text),
    Column("agent_login_call", Text),
)

# Asterisk manager actions queued for VICIdial's send process (call_agent, audio_playback,
# ra_call_control); standalone, nothing sends them.
vicidial_manager = Table(
    "vicidial_manager",
    metadata,
    Column("man_id", Integer, primary_key=True, autoincrement=True),
    Column("uniqueid", String(20)),
    Column("entry_date", VicidialDateTime),
    Column("status", String(7)),
    Column("response", String(1)),
    Column("server_ip", String(15), nullable=False),
    Column("channel", String(100)),
    Column("action", String(20)),
    Column("callerid", String(20)),
    Column("cmd_line_b", String(100)),
    Column("cmd_line_c", String(100)),
    Column("cmd_line_d", String(200)),
    Column("cmd_line_e", String(100)),
    Column("cmd_line_f", String(100)),
    Column("cmd_line_g", String(100)),
    Column("cmd_line_h", String(100)),
    Column("cmd_line_i", String(50)),
    Column("cmd_line_j", String(50)),
    Column("cmd_line_k", String(100)),
    sqlite_autoincrement=True,
)
Index("ix_vicidial_manager_callerid", vicidial_manager.c.callerid)
Index("ix_vicidial_manager_uniqueid", vicidial_manager.c.uniqueid)
Index("ix_vicidial_manager_serverstat", vicidial_manager.c.server_ip, vicidial_manager.c.status)

# The phone system's live channels (audio_playback looks for a playing sound channel).
live_channels = Table(
    "live_channels",
    metadata,
    Column("channel", String(100), nullable=False),
    Column("server_ip", String(15), nullable=False),
    Column("channel_group", String(30)),
    Column("extension", String(100)),
    Column("channel_data", String(100)),
)

# send_notification: messages the agent screen shows.
vicidial_agent_notifications = Table(
    "vicidial_agent_notifications",
    metadata,
    Column("notification_id", Integer, primary_key=True, autoincrement=True),
    Column("entry_date", VicidialDateTime),
    Column("recipient", String(20)),
    Column("recipient_type", String(11)),
    Column("notification_date", VicidialDateTime),
    Column("notification_retry", String(1), server_default="N"),
    Column("notification_text", Text),
    Column("text_size", SmallInteger, server_default="12"),
    Column("text_font", String(30), server_default="Arial"),
    Column("text_weight", String(30), server_default="bold"),
    Column("text_color", String(15)),
    Column("show_confetti", String(1), server_default="N"),
    Column("confetti_options", String(15)),
    Column("notification_status", String(6)),
    sqlite_autoincrement=True,
)
Index("ix_vicidial_agent_notifications_recipient", vicidial_agent_notifications.c.recipient)
Index("ix_vicidial_agent_notifications_date", vicidial_agent_notifications.c.notification_date)

# change_ingroups: the in-groups a logged-in agent takes calls from, with their counters.
vicidial_live_inbound_agents = Table(
    "vicidial_live_inbound_agents",
    metadata,
    Column("user", String(20)),
    Column("group_id", String(20)),
    Column("group_weight", SmallInteger, server_default="0"),
    Column("calls_today", Integer, server_default="0"),
    Column("last_call_time", VicidialDateTime),
    Column("last_call_finish", VicidialDateTime),
    Column("group_grade", SmallInteger, server_default="1"),
    Column("calls_today_filtered", Integer, server_default="0"),
    Column("last_call_time_filtered", VicidialDateTime),
    Column("last_call_finish_filtered", VicidialDateTime),
    Column("daily_limit", Integer, server_default="-1"),
    UniqueConstraint("user", "group_id", name="vlia_user_group_id"),
)
Index("ix_vicidial_live_inbound_agents_group_id", vicidial_live_inbound_agents.c.group_id)

vicidial_call_menu = Table(
    "vicidial_call_menu",
    metadata,
    Column("menu_id", String(50), primary_key=True),
    Column("menu_name", String(100)),
    Column("menu_prompt", String(255)),
    Column("menu_timeout", SmallInteger, server_default="10"),
    Column("call_time_id", String(20), server_default=""),
    Column("user_group", String(20), server_default="---ALL---"),
)


vicidial_campaign_cid_areacodes = Table(
    "vicidial_campaign_cid_areacodes",
    metadata,
    Column("campaign_id", String(20), nullable=False),
    Column("areacode", String(5), nullable=False),
    Column("outbound_cid", String(20)),
    Column("active", String(1), server_default=""),
    Column("cid_description", String(50)),
    Column("call_count_today", Integer, server_default="0"),
    UniqueConstraint("campaign_id", "areacode", "outbound_cid", name="campareacode"),
)
Index(
    "ix_vicidial_campaign_cid_areacodes_campaign_id", vicidial_campaign_cid_areacodes.c.campaign_id
)
Index("ix_vicidial_campaign_cid_areacodes_areacode", vicidial_campaign_cid_areacodes.c.areacode)

vicidial_cid_groups = Table(
    "vicidial_cid_groups",
    metadata,
    Column("cid_group_id", String(20), primary_key=True),
    Column("cid_group_notes", String(255), server_default=""),
    Column("cid_group_type", String(8), server_default="AREACODE"),
    Column("user_group", String(20), server_default="---ALL---"),
)

vicidial_filter_phone_groups = Table(
    "vicidial_filter_phone_groups",
    metadata,
    Column("filter_phone_group_id", String(20), nullable=False),
    Column("filter_phone_group_name", String(40), nullable=False),
    Column("filter_phone_group_description", String(100)),
    Column("user_group", String(20), server_default="---ALL---"),
)
Index(
    "ix_vicidial_filter_phone_groups_filter_phone_group_id",
    vicidial_filter_phone_groups.c.filter_phone_group_id,
)

vicidial_filter_phone_numbers = Table(
    "vicidial_filter_phone_numbers",
    metadata,
    Column("phone_number", String(18), nullable=False),
    Column("filter_phone_group_id", String(20), nullable=False),
    UniqueConstraint("phone_number", "filter_phone_group_id", name="phonefilter"),
)
Index("ix_vicidial_filter_phone_numbers_phone_number", vicidial_filter_phone_numbers.c.phone_number)

vicidial_xfer_presets = Table(
    "vicidial_xfer_presets",
    metadata,
    Column("campaign_id", String(20), nullable=False),
    Column("preset_name", String(40), nullable=False),
    Column("preset_number", String(50), nullable=False),
    Column("preset_dtmf", String(50), server_default=""),
    Column("preset_hide_number", String(1), server_default="N"),
)
Index("ix_vicidial_xfer_presets_preset_name", vicidial_xfer_presets.c.preset_name)

parked_channels = Table(
    "parked_channels",
    metadata,
    Column("channel", String(100), nullable=False),
    Column("server_ip", String(15), nullable=False),
    Column("channel_group", String(30)),
    Column("extension", String(100)),
    Column("parked_by", String(100)),
    Column("parked_time", DateTime),
)

# The per-agent in-group settings change_ingroups copies into vicidial_live_inbound_agents.
vicidial_inbound_group_agents = Table(
    "vicidial_inbound_group_agents",
    metadata,
    Column("user", String(20)),
    Column("group_id", String(20)),
    Column("group_rank", SmallInteger, server_default="0"),
    Column("group_weight", SmallInteger, server_default="0"),
    Column("calls_today", Integer, server_default="0"),
    Column("group_web_vars", String(255), server_default=""),
    Column("group_grade", SmallInteger, server_default="1"),
    Column("group_type", String(1), server_default="C"),
    Column("calls_today_filtered", Integer, server_default="0"),
    Column("daily_limit", Integer, server_default="-1"),
    UniqueConstraint("user", "group_id", name="viga_user_group_id"),
)

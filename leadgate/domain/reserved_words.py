"""Words VICIdial refuses as custom field labels: MySQL's keywords (reserved or not) and a few
of its own (lead_id, user, ...), compared case-insensitively."""

from __future__ import annotations

_WORDS = """
accessible action add after against aggregate algorithm all alter analyse analyze and any as asc
ascii asensitive at authors auto_increment autoextend_size avg avg_row_length backup before
begin between bigint binary binlog bit blob block bool boolean both btree by byte cache call
cascade cascaded case catalog_name chain change changed char character charset check checksum
cipher class_origin client close coalesce code collate collation column column_format
column_name columns comment commit committed compact completion compressed concurrent condition
connection consistent constraint constraint_catalog constraint_name constraint_schema contains
context continue contributors convert cpu create cross cube current current_date current_time
current_timestamp current_user cursor cursor_name data database databases datafile date datetime
day day_hour day_microsecond day_minute day_second deallocate dec decimal declare default
default_auth definer delay_key_write delayed delete des_key_file desc describe deterministic
diagnostics directory disable discard disk distinct distinctrow div do double drop dual dumpfile
duplicate dynamic each else elseif enable enclosed end ends engine engines enum error errors
escape escaped event events every exchange execute exists exit expansion expire explain export
extended extent_size false fast faults fetch fields file first fixed float float4 float8 flush
for force foreign format found from full fulltext function general geometry geometrycollection
get get_format global grant grants group handler hash having help high_priority host hosts hour
hour_microsecond hour_minute hour_second identified if ignore ignore_server_ids import in index
indexes infile initial_size inner inout insensitive insert insert_method install int int1 int2
int3 int4 int8 integer interval into invoker io io_after_gtids io_before_gtids io_thread ipc is
isolation issuer iterate join key key_block_size keys kill language last lead_id leading leave
leaves left less level like limit linear lines linestring list load local localtime
localtimestamp lock locks logfile logs long longblob longtext loop low_priority master
master_auto_position master_bind master_connect_retry master_delay master_heartbeat_period
master_host master_log_file master_log_pos master_password master_port master_retry_count
master_server_id master_ssl master_ssl_ca master_ssl_capath master_ssl_cert master_ssl_cipher
master_ssl_crl master_ssl_crlpath master_ssl_key master_ssl_verify_server_cert master_user match
max_connections_per_hour max_queries_per_hour max_rows max_size max_updates_per_hour
max_user_connections maxvalue medium mediumblob mediumint mediumtext memory merge message_text
microsecond middleint migrate min_rows minute minute_microsecond minute_second mod mode modifies
modify month multilinestring multipoint multipolygon mutex mysql mysql_errno name names national
natural nchar ndb ndbcluster new next no no_wait no_write_to_binlog nodegroup none not null
number numeric nvarchar offset old_password on one one_shot only open optimize option optionally
options or order out outer outfile owner pack_keys page parser partial partition partitioning
partitions password phase plugin plugin_dir plugins point polygon port precision prepare
preserve prev primary privileges procedure processlist profile profiles proxy purge quarter
query quick range read read_only read_write reads real rebuild recover recursive
redo_buffer_size redofile redundant references regexp relay relay_log_file relay_log_pos
relay_thread relaylog release reload remove rename reorganize repair repeat repeatable replace
replication require reset resignal restore restrict resume return returned_sqlstate returning
returns reverse revoke right rlike rollback rollup routine row row_count row_format rows rtree
savepoint schedule schema schema_name schemas second second_microsecond security select
sensitive separator serial serializable server session set share show shutdown signal signed
simple slave slow smallint snapshot socket some soname sounds source spatial specific sql
sql_after_gtids sql_after_mts_gaps sql_before_gtids sql_big_result sql_buffer_result sql_cache
sql_calc_found_rows sql_no_cache sql_small_result sql_thread sql_tsi_day sql_tsi_hour
sql_tsi_minute sql_tsi_month sql_tsi_quarter sql_tsi_second sql_tsi_week sql_tsi_year
sqlexception sqlstate sqlwarning ssl start starting starts stats_auto_recalc stats_persistent
stats_sample_pages status stop storage straight_join string subclass_origin subject subpartition
subpartitions super suspend swaps switches table table_checksum table_name tables tablespace
temporary temptable terminated text than then time timestamp timestampadd timestampdiff tinyblob
tinyint tinytext to trailing transaction trigger triggers true truncate type types uncommitted
undefined undo undo_buffer_size undofile unicode uninstall union unique unknown unlock unsigned
until update upgrade usage use use_frm user user_resources using utc_date utc_time utc_timestamp
value values varbinary varchar varcharacter variables varying view wait warnings week
weight_string when where while window with work wrapper write x509 xa xml xor year year_month
zerofill
"""
RESERVED_LABELS = frozenset(_WORDS.split())

"""Webhooks: VICIdial's vicidial_url_log, and leadgate's outbox, leases and endpoint options.

Each table is created only when missing (an existing VICIdial database already has
vicidial_url_log; a database made by an earlier 0001 that created every declared table has all
of them). Explicit DDL, so later changes to storage/tables.py do not alter this revision.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _missing(name: str) -> bool:
    return not sa.inspect(op.get_bind()).has_table(name)


def upgrade() -> None:
    if _missing("vicidial_url_log"):
        op.create_table(
            "vicidial_url_log",
            sa.Column("url_log_id", sa.Integer(), primary_key=True, autoincrement=True),
            sa.Column("uniqueid", sa.String(50), nullable=False),
            sa.Column("url_date", sa.DateTime()),
            sa.Column("url_type", sa.String(10), server_default=""),
            sa.Column("response_sec", sa.SmallInteger(), server_default="0"),
            sa.Column("url", sa.Text()),
            sa.Column("url_response", sa.Text()),
            sqlite_autoincrement=True,
        )
        op.create_index("ix_vicidial_url_log_uniqueid", "vicidial_url_log", ["uniqueid"])
    if _missing("leadgate_webhook_outbox"):
        op.create_table(
            "leadgate_webhook_outbox",
            sa.Column("outbox_id", _ID, primary_key=True, autoincrement=True),
            sa.Column("webhook_id", sa.String(40), nullable=False, unique=True),
            sa.Column("url_type", sa.String(10), nullable=False),
            sa.Column("uniqueid", sa.String(50), nullable=False),
            sa.Column("lead_id", sa.BigInteger()),
            sa.Column("url", sa.Text(), nullable=False),
            sa.Column("state", sa.String(10), nullable=False, server_default="pending"),
            sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"),
            sa.Column("created_at", sa.DateTime(), nullable=False),
            sa.Column("next_attempt_at", sa.DateTime(), nullable=False),
            sa.Column("last_attempt_at", sa.DateTime()),
            sa.Column("finished_at", sa.DateTime()),
            sa.Column("last_status", sa.Integer()),
            sa.Column("last_error", sa.String(255)),
            sa.Column("url_log_id", sa.Integer()),
            sqlite_autoincrement=True,
        )
        op.create_index(
            "ix_leadgate_webhook_outbox_due", "leadgate_webhook_outbox",
            ["state", "next_attempt_at"],
        )  # fmt: skip
        op.create_index(
            "ix_leadgate_webhook_outbox_lead_id", "leadgate_webhook_outbox", ["lead_id"]
        )
    if _missing("leadgate_leases"):
        op.create_table(
            "leadgate_leases",
            sa.Column("lease_name", sa.String(40), primary_key=True),
            sa.Column("holder", sa.String(100), nullable=False),
            sa.Column("expires_at", sa.DateTime(), nullable=False),
        )
    if _missing("leadgate_webhook_endpoints"):
        op.create_table(
            "leadgate_webhook_endpoints",
            sa.Column("url_prefix", sa.String(255), primary_key=True),
            sa.Column("method", sa.String(4), nullable=False, server_default="GET"),
            sa.Column("secret", sa.String(255), nullable=False, server_default=""),
            sa.Column("pass_value", sa.String(255), nullable=False, server_default=""),
        )


def downgrade() -> None:
    for name in ("leadgate_webhook_endpoints", "leadgate_leases", "leadgate_webhook_outbox"):
        op.drop_table(name)  # leadgate's own; vicidial_url_log is VICIdial's and stays

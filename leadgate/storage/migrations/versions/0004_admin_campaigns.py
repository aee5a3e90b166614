"""update_campaign's columns: vicidial_campaigns.campaign_changedate and xferconf_a..e_number,
and the vicidial_lead_filters and vicidial_scripts tables (add_list / update_list check
scripts), with VICIdial's names and types.

Each column and table is added only when missing (a VICIdial database has them all; a
database made by a 0001 that created every declared table may have them too). Explicit DDL,
so later changes to storage/tables.py do not alter this revision.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_CAMPAIGN_COLUMNS = (
    sa.Column("campaign_changedate", sa.DateTime()),
    sa.Column("xferconf_a_number", sa.String(50)),
    sa.Column("xferconf_b_number", sa.String(50)),
    sa.Column("xferconf_c_number", sa.String(50), server_default=""),
    sa.Column("xferconf_d_number", sa.String(50), server_default=""),
    sa.Column("xferconf_e_number", sa.String(50), server_default=""),
)


def upgrade() -> None:
    inspector = sa.inspect(op.get_bind())
    present = {column["name"] for column in inspector.get_columns("vicidial_campaigns")}
    for column in _CAMPAIGN_COLUMNS:
        if column.name not in present:
            op.add_column("vicidial_campaigns", column)
    if not inspector.has_table("vicidial_lead_filters"):
        op.create_table(
            "vicidial_lead_filters",
            sa.Column("lead_filter_id", sa.String(20), primary_key=True),
            sa.Column("lead_filter_name", sa.String(30), nullable=False),
            sa.Column("lead_filter_comments", sa.String(255)),
            sa.Column("lead_filter_sql", sa.Text()),
            sa.Column("user_group", sa.String(20), server_default="---ALL---"),
            sa.Column("modify_stamp", sa.DateTime()),
        )
    if not inspector.has_table("vicidial_scripts"):
        op.create_table(
            "vicidial_scripts",
            sa.Column("script_id", sa.String(20), primary_key=True),
            sa.Column("script_name", sa.String(50)),
            sa.Column("script_comments", sa.String(255)),
            sa.Column("script_text", sa.Text()),
            sa.Column("active", sa.String(1)),
            sa.Column("user_group", sa.String(20), server_default="---ALL---"),
            sa.Column("script_color", sa.String(20), server_default="white"),
            sa.Column("modify_stamp", sa.DateTime()),
        )


def downgrade() -> None:
    raise NotImplementedError("leadgate never drops VICIdial columns")

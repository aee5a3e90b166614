"""Call URL sources: the in-group's start/dispo URLs and custom values, the DID log and DIDs,
and settings containers (DISPO_FILTER). Each table or column only when missing (an existing
VICIdial database has them all; a database made by a newer 0001 too).

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_CUSTOM = ("custom_one", "custom_two", "custom_three", "custom_four", "custom_five")


def _customs() -> list[sa.Column[str]]:
    return [sa.Column(name, sa.String(100), server_default="") for name in _CUSTOM]


def upgrade() -> None:
    inspector = sa.inspect(op.get_bind())
    have = {c["name"] for c in inspector.get_columns("vicidial_inbound_groups")}
    for column in [sa.Column("start_call_url", sa.Text()), sa.Column("dispo_call_url", sa.Text()),
                   *_customs()]:  # fmt: skip
        if column.name not in have:
            op.add_column("vicidial_inbound_groups", column)
    if not inspector.has_table("vicidial_did_log"):
        op.create_table(
            "vicidial_did_log",
            sa.Column("uniqueid", sa.String(50), nullable=False, server_default=""),
            sa.Column("channel", sa.String(100), nullable=False, server_default=""),
            sa.Column("server_ip", sa.String(15), nullable=False, server_default=""),
            sa.Column("caller_id_number", sa.String(18)),
            sa.Column("caller_id_name", sa.String(20)),
            sa.Column("extension", sa.String(50)),
            sa.Column("call_date", sa.DateTime()),
            sa.Column("did_id", sa.String(9), server_default=""),
            sa.Column("did_route", sa.String(9), server_default=""),
        )
    if not inspector.has_table("vicidial_inbound_dids"):
        op.create_table(
            "vicidial_inbound_dids",
            sa.Column("did_id", sa.Integer(), primary_key=True, autoincrement=True),
            sa.Column("did_pattern", sa.String(50), nullable=False),
            sa.Column("did_description", sa.String(50)),
            sa.Column("did_active", sa.String(1), server_default="Y"),
            sa.Column("did_route", sa.String(20), server_default="EXTEN"),
            *_customs(),
            sqlite_autoincrement=True,
        )
    if not inspector.has_table("vicidial_settings_containers"):
        op.create_table(
            "vicidial_settings_containers",
            sa.Column("container_id", sa.String(40), primary_key=True),
            sa.Column("container_notes", sa.String(255), server_default=""),
            sa.Column("container_type", sa.String(40), server_default="OTHER"),
            sa.Column("user_group", sa.String(20), server_default="---ALL---"),
            sa.Column("container_entry", sa.Text()),
        )


def downgrade() -> None:
    raise NotImplementedError("leadgate never drops VICIdial tables")

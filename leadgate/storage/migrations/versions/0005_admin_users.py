"""add_user's columns: vicidial_users.wrapup_seconds_override and agent_choose_blended, with
VICIdial's names and types; each added only when missing (a VICIdial database has both).

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    present = {c["name"] for c in sa.inspect(op.get_bind()).get_columns("vicidial_users")}
    if "wrapup_seconds_override" not in present:
        op.add_column(
            "vicidial_users",
            sa.Column("wrapup_seconds_override", sa.SmallInteger(), server_default="-1"),
        )
    if "agent_choose_blended" not in present:
        op.add_column(
            "vicidial_users", sa.Column("agent_choose_blended", sa.String(1), server_default="1")
        )


def downgrade() -> None:
    raise NotImplementedError("leadgate never drops VICIdial columns")

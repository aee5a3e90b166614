"""Baseline: VICIdial's tables as leadgate uses them.

Creates only the tables that are missing, so `leadgate init` on an existing VICIdial database
adds nothing to (and changes nothing in) the tables it already has. Later schema changes go in
new revisions; this one must stay as it is once released.

Revision ID: 0001
Revises:
"""

from alembic import op

from leadgate.storage.tables import metadata

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    metadata.create_all(op.get_bind(), checkfirst=True)


def downgrade() -> None:
    raise NotImplementedError("leadgate never drops VICIdial tables")

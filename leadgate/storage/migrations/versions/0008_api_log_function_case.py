"""vicidial_api_log.function compares without regard to case, as on VICIdial's MySQL tables.

VICIdial's tables use MySQL's case-insensitive collation, so counting the API log per function
(GROUP BY function) counts a call made as `ADD_LEAD` with `add_lead`. This gives the column the
same comparison on SQLite (NOCASE) and PostgreSQL (a nondeterministic ICU collation, where the
server has ICU). MySQL/MariaDB: nothing to do. The stored text is unchanged everywhere.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

PG_COLLATION = "vicidial_ci"


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        with op.batch_alter_table("vicidial_api_log") as batch:
            batch.alter_column("function", type_=sa.String(20, collation="NOCASE"),
                               existing_nullable=False)  # fmt: skip
    elif bind.dialect.name == "postgresql":
        has_icu = bind.exec_driver_sql(
            "SELECT 1 FROM pg_collation WHERE collprovider = 'i' LIMIT 1"
        ).first()
        if has_icu is None:
            return
        op.execute(
            f"CREATE COLLATION IF NOT EXISTS {PG_COLLATION} "
            "(provider = icu, locale = 'und-u-ks-level2', deterministic = false)"
        )
        op.execute(
            f'ALTER TABLE vicidial_api_log ALTER COLUMN "function" '
            f"TYPE varchar(20) COLLATE {PG_COLLATION}"
        )


def downgrade() -> None:
    raise NotImplementedError("leadgate migrations go forward only")

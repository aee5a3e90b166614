"""Rows that tests need, created directly in storage (fast: plain VICIdial-style passwords)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert, select, text

from leadgate.storage.database import Database
from leadgate.storage.tables import (
    vicidial_campaigns,
    vicidial_list,
    vicidial_lists,
    vicidial_user_groups,
    vicidial_users,
)

API_USER = {
    "user": "6666",
    "pass": "1234",
    "full_name": "API user",
    "user_level": 9,
    "user_group": "ADMIN",
    "active": "Y",
    "vdc_agent_api_access": "1",
    "modify_leads": "1",
    "view_reports": "1",
    "modify_lists": "1",
    "delete_lists": "1",
    "modify_users": "1",
    "delete_users": "1",
    "modify_campaigns": "1",
    "delete_from_dnc": "1",
    "custom_fields_modify": "1",
    "ast_admin_access": "1",
    "api_allowed_functions": " ALL_FUNCTIONS ",
    "api_list_restrict": "0",
    "failed_login_count": 0,
}


class Seeder:
    def __init__(self, db: Database) -> None:
        self.db = db

    def user(self, **overrides: Any) -> dict[str, Any]:
        values = {**API_USER, **overrides}
        with self.db.transaction() as conn:
            conn.execute(insert(vicidial_users).values(**values))
        return values

    def user_group(
        self, user_group: str = "ADMIN", allowed_campaigns: str = " -ALL-CAMPAIGNS- -"
    ) -> None:
        with self.db.transaction() as conn:
            conn.execute(
                insert(vicidial_user_groups).values(
                    user_group=user_group,
                    group_name=user_group,
                    allowed_campaigns=allowed_campaigns,
                )
            )

    def campaign(self, campaign_id: str = "TESTCAMP", **overrides: Any) -> None:
        values = {
            "campaign_id": campaign_id,
            "campaign_name": campaign_id,
            "active": "Y",
            "local_call_time": "24hours",
            "manual_dial_list_id": 998,
            **overrides,
        }
        with self.db.transaction() as conn:
            conn.execute(insert(vicidial_campaigns).values(**values))

    def list(self, list_id: int = 101, campaign_id: str = "TESTCAMP", **overrides: Any) -> None:
        values = {
            "list_id": list_id,
            "list_name": f"list {list_id}",
            "campaign_id": campaign_id,
            "active": "Y",
            **overrides,
        }
        with self.db.transaction() as conn:
            conn.execute(insert(vicidial_lists).values(**values))

    def lead(self, **values: Any) -> int:
        base = {"phone_number": "3125550000", "list_id": 101, "status": "NEW", "phone_code": "1"}
        with self.db.transaction() as conn:
            result = conn.execute(insert(vicidial_list).values(**{**base, **values}))
            return int(result.inserted_primary_key[0])

    def rows(self, sql: str, **params: Any) -> list[dict[str, Any]]:
        with self.db.transaction() as conn:
            return [dict(row) for row in conn.execute(text(sql), params).mappings()]

    def table_rows(
        self, table: str, *columns: str, order_by: str | None = None
    ) -> list[dict[str, Any]]:
        """Rows of a table by column name (portable: no keyword quoting in test SQL)."""
        from leadgate.storage.tables import metadata

        t = metadata.tables[table]
        stmt = select(*(t.c[name] for name in columns))
        pk = list(t.primary_key.columns)
        stmt = stmt.order_by(t.c[order_by] if order_by else (pk[0] if pk else t.c[columns[0]]))
        with self.db.transaction() as conn:
            return [dict(row) for row in conn.execute(stmt).mappings()]

    def execute(self, sql: str, **params: Any) -> None:
        with self.db.transaction() as conn:
            conn.execute(text(sql), params)

    def user_row(self, user: str) -> dict[str, Any]:
        with self.db.transaction() as conn:
            row = (
                conn.execute(select(vicidial_users).where(vicidial_users.c.user == user))
                .mappings()
                .one()
            )
            return dict(row)

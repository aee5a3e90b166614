"""Helpers for the Agent API tests: agent sessions, API calls and the rows they leave."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import insert, select
from starlette.testclient import TestClient

from leadgate.storage.database import Database
from leadgate.storage.tables import metadata, vicidial_live_agents
from tests.factories import Seeder

AGENT_API = "/agc/api.php"
CREDS = {"source": "test", "user": "6666", "pass": "1234"}


class AgentWorld:
    """An API user, a campaign and logged-in agents, plus shortcuts to call and inspect."""

    def __init__(self, db: Database, seed: Seeder, client: TestClient) -> None:
        self.db = db
        self.seed = seed
        self.client = client

    def agent(self, user: str = "1000", *, logged_in: bool = True, **session: Any) -> None:
        """A vicidial_users agent and (unless logged_in=False) their session row."""
        user_values = {
            "user": user, "pass": "1234", "full_name": f"Agent {user}", "user_level": 1,
            "user_group": "AGENTS", "active": "Y", "vdc_agent_api_access": "0",
            "agentcall_manual": session.pop("agentcall_manual", "1"),
            "custom_three": session.pop("custom_three", ""),
        }  # fmt: skip
        self.seed.user(**user_values)
        if logged_in:
            self.session(user, **session)

    def session(self, user: str, **values: Any) -> None:
        row = {"user": user, "server_ip": "10.0.0.1", "status": "PAUSED", "lead_id": 0,
               "campaign_id": "TESTCAMP", "closer_campaigns": "", **values}  # fmt: skip
        with self.db.transaction() as conn:
            conn.execute(insert(vicidial_live_agents).values(**row))

    def insert(self, table: str, **values: Any) -> None:
        with self.db.transaction() as conn:
            conn.execute(insert(metadata.tables[table]).values(**values))

    def call(self, function: str, method: str = "GET", **params: Any) -> str:
        data = {**CREDS, "function": function, **params}
        if method == "POST":
            response = self.client.post(AGENT_API, data=data)
        else:
            response = self.client.get(AGENT_API, params=data)
        assert response.status_code == 200
        return response.text

    def live(self, user: str = "1000") -> dict[str, Any]:
        table = vicidial_live_agents
        with self.db.transaction() as conn:
            row = conn.execute(select(table).where(table.c.user == user)).mappings().one()
            return dict(row)

    def logs(self) -> list[dict[str, Any]]:
        return self.seed.table_rows(
            "vicidial_api_log", "api_script", "function", "agent_user", "value", "result",
            "result_reason", "data",
        )  # fmt: skip


@pytest.fixture
def world(db: Database, seed: Seeder, client: TestClient) -> AgentWorld:
    seed.user()
    seed.campaign("TESTCAMP")
    return AgentWorld(db, seed, client)

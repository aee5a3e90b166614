"""The security suite: every finding of issue 8, on whichever engine --db-url names.

Passwords here are long and distinctive so that a grep for them cannot match by accident.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from starlette.testclient import TestClient

from leadgate.http.app import create_app
from leadgate.settings import Settings
from leadgate.storage.database import Database
from tests.factories import Seeder
from tests.wire.agent.conftest import AgentWorld

API_PASSWORD = "ApiPwQ7x3LeakCheck"
AGENT_PASSWORD = "AgentPwZ9k2LeakCheck"
WRONG_PASSWORD = "WrongPwM4v8LeakCheck"
PHONE_PASSWORD = "PhonePwR5t1LeakCheck"
ALL_PASSWORDS = (API_PASSWORD, AGENT_PASSWORD, WRONG_PASSWORD, PHONE_PASSWORD)

API = {"source": "test", "user": "6666", "pass": API_PASSWORD}


@pytest.fixture
def url_log_client(db: Database, settings: Settings) -> Iterator[TestClient]:
    """A server that also writes vicidial_api_urls (LEADGATE_LOG_API_URLS=true), and takes
    bodies above the default 1 MB limit (the long-value tests post several 420 kB fields)."""
    logging = settings.model_copy(update={"log_api_urls": True, "max_body_bytes": 16 << 20})
    with TestClient(create_app(logging, db)) as c:
        yield c


@pytest.fixture
def world(db: Database, seed: Seeder, client: TestClient) -> AgentWorld:
    seed.user(**{"pass": API_PASSWORD})
    seed.campaign("TESTCAMP")
    return AgentWorld(db, seed, client)

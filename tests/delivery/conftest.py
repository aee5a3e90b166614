"""Fixtures for webhook delivery tests: the conformance fixture loaded, a dispatcher."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import insert, update
from starlette.testclient import TestClient

from leadgate.domain import webhooks_queue
from leadgate.http.app import create_app
from leadgate.settings import Settings
from leadgate.storage import tables
from leadgate.storage.custom_tables import forget_custom_tables
from leadgate.storage.database import Database
from tests import webhook_scenarios as recorded


def _load_fixture_module() -> Any:
    spec = importlib.util.spec_from_file_location(
        "conformance_load_fixture", recorded.CONFORMANCE / "load_fixture.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def vicidial(db: Database) -> Database:
    """The database with the conformance kit's fixture rows (users, lists, custom_101 …)."""
    engine = _load_fixture_module().load(
        db.url, str(recorded.CONFORMANCE / "fixture.json"), quiet=True
    )
    engine.dispose()
    forget_custom_tables()
    webhooks_queue.NEWLEAD_ROWS.forget()
    return db


@pytest.fixture
def webhook_settings(db_url: str) -> Settings:
    return Settings(
        db_url=db_url, log_api_urls=False, login_row_cache_seconds=0,
        webhooks_dispatcher=False, webhook_rows_cache_seconds=0,
        webhook_backoff_seconds=0.01, webhook_backoff_max_seconds=0.05,
        webhook_timeout_seconds=2.0, webhook_poll_seconds=0.05,
    )  # fmt: skip


@pytest.fixture
def api(vicidial: Database, webhook_settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(webhook_settings, vicidial)) as test_client:
        yield test_client


def apply_setup(db: Database, scenario: dict[str, Any], replace: dict[str, str]) -> None:
    """The scenario's setup statements on leadgate's tables (receiver addresses replaced)."""
    with db.transaction() as conn:
        for verb, name, values, where in recorded.setup_steps(scenario):
            table = tables.metadata.tables[name]
            fixed = {k: _replace(v, replace) for k, v in values.items()}
            if verb == "insert":
                conn.execute(insert(table).values(**fixed))
                continue
            query = update(table).values(**fixed)
            if where is not None:
                query = query.where(table.c[where[0]] == where[1])
            conn.execute(query)


def _replace(value: Any, replace: dict[str, str]) -> Any:
    if isinstance(value, str):
        for old, new in replace.items():
            value = value.replace(old, new)
    return value

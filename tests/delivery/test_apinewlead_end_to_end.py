"""The 36 recorded apinewlead scenarios end to end: add_lead over HTTP, the outbox row written
with the lead, the dispatcher sending it to a local receiver, vicidial_url_log as recorded."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from sqlalchemy import select
from starlette.testclient import TestClient

from leadgate.delivery.dispatcher import Dispatcher
from leadgate.domain.webhooks_delivery import wire_target
from leadgate.settings import Settings
from leadgate.storage.database import Database
from leadgate.storage.tables import leadgate_webhook_outbox, vicidial_list, vicidial_url_log
from tests import webhook_scenarios as recorded
from tests.delivery.conftest import apply_setup
from tests.webhook_receiver import closed_port, running_receiver

RECORDED_RECEIVER, RECORDED_DEAD = "127.0.0.1:18700", "127.0.0.1:18709"


def _send(api: TestClient, request: dict[str, Any]) -> str:
    endpoint = request.get("endpoint", "/vicidial/non_agent_api.php")
    if "raw_query" in request:
        return api.get(f"{endpoint}?{request['raw_query']}").text
    params = [(k, v) for k, v in request["params"]]
    if request["method"] == "POST":
        return api.post(endpoint, data=dict(params)).text
    return api.get(endpoint, params=params).text


def _drain(db: Database, settings: Settings) -> None:
    dispatcher = Dispatcher(db, settings)

    async def until_idle() -> None:
        try:
            for _ in range(50):
                if await dispatcher.run_once() == 0:
                    return
        finally:
            await dispatcher.close()

    asyncio.run(until_idle())


def _params() -> list[Any]:
    return [pytest.param(s, id=s["id"]) for s in recorded.of_event("apinewlead")]


@pytest.mark.parametrize("scenario", _params())
def test_apinewlead_through_add_lead(
    scenario: dict[str, Any], api: TestClient, vicidial: Database, webhook_settings: Settings
) -> None:
    with running_receiver() as receiver:
        dead = f"127.0.0.1:{closed_port()}"
        here = {RECORDED_RECEIVER: f"127.0.0.1:{receiver.port}", RECORDED_DEAD: dead}
        apply_setup(vicidial, scenario, here)

        body = _send(api, scenario["request"])
        assert body == scenario["response"]["body"]

        settings = webhook_settings.model_copy(update={"webhook_max_attempts": 1})
        _drain(vicidial, settings)
        with vicidial.transaction() as conn:
            stamp = (
                conn.execute(
                    select(vicidial_list.c.entry_date).where(vicidial_list.c.lead_id == 200001)
                ).scalar()
                or recorded.NOW
            )

        def normalise(url: str) -> str:
            return recorded.normalise(url, stamp)

        def local(text: str) -> str:
            for old, new in here.items():
                text = text.replace(old, new)
            return text

        expected_targets = [wire_target(local(t)) for t in scenario.get("urls") or []]
        assert [normalise(t) for t in receiver.targets()] == expected_targets
        for request in receiver.requests:
            assert request.method == "GET" and request.body == b""
            assert {name.lower() for name, _ in request.headers} == {"host", "connection"}

    with vicidial.transaction() as conn:
        log_rows = (
            conn.execute(select(vicidial_url_log).order_by(vicidial_url_log.c.url_log_id))
            .mappings()
            .all()
        )
        outbox_rows = conn.execute(select(leadgate_webhook_outbox)).mappings().all()
    expected_log = scenario["url_log"]
    assert len(log_rows) == len(expected_log) == len(outbox_rows)
    for row, want in zip(log_rows, expected_log, strict=True):
        assert row["uniqueid"] == want["uniqueid"] and row["url_type"] == want["url_type"]
        assert normalise(row["url"]) == local(want["url"])
        response = want["url_response"]
        if response.startswith("PHP ERROR"):
            # PHP's "- Line=… - File=…" tail has no equivalent in leadgate.
            response = local(response.split(" - Line=")[0])
        assert row["url_response"] == response
    for row in outbox_rows:
        assert row["attempts"] == 1 and row["lead_id"] == 200001
        failed = any(w["url_response"].startswith("PHP ERROR") for w in expected_log)
        assert row["state"] == ("dead" if failed else "delivered")

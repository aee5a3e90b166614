"""D11: --A--pass--B-- in dispo/start URLs gets the operator's per-endpoint value, or nothing
(VICIdial sends the agent's plain password; leadgate stores none)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from leadgate.domain import webhooks_queue
from leadgate.domain.events import CallAnswered
from leadgate.storage import outbox
from leadgate.storage.database import Database
from leadgate.storage.tables import leadgate_webhook_outbox
from tests.factories import Seeder

NOW = datetime(2026, 12, 6, 10, 0, 0)


def _start_url(db: Database, seed: Seeder, template: str) -> str:
    seed.execute("UPDATE vicidial_campaigns SET start_call_url = :u WHERE campaign_id = 'TESTCAMP'",
                 u=template)  # fmt: skip
    lead_id = seed.lead(phone_number="3125551111", list_id=101)
    with db.transaction() as conn:
        webhooks_queue.call_answered(conn, CallAnswered(lead_id, "1000", "TESTCAMP", "u1"), now=NOW)
        return str(conn.execute(select(leadgate_webhook_outbox.c.url)).scalars().all()[-1])


def test_pass_is_empty_unless_the_endpoint_has_a_value(db: Database, seed: Seeder) -> None:
    seed.campaign()
    seed.list()
    seed.user(user="1000", user_level=1)
    url = _start_url(db, seed, "VARhttp://crm.example/start?a=--A--user--B--&p=--A--pass--B--")
    assert url == "http://crm.example/start?a=1000&p="


def test_pass_gets_the_configured_value_of_the_longest_prefix(db: Database, seed: Seeder) -> None:
    seed.campaign()
    seed.list()
    seed.user(user="1000", user_level=1)
    with db.transaction() as conn:
        outbox.set_endpoint(conn, outbox.Endpoint("http://crm.example/", pass_value="short"))
        outbox.set_endpoint(conn, outbox.Endpoint("http://crm.example/start", pass_value="tok3n"))
    url = _start_url(db, seed, "VARhttp://crm.example/start?p=--A--pass--B--")
    assert url == "http://crm.example/start?p=tok3n"

"""The 30 recorded dispo and 10 start scenarios through the database, on every engine.

Each scenario's rows go into the database (the kit's fixture, its setup statements, the lead
and custom row as VICIdial stored them); domain/call_urls.py then reads what it needs and must
build exactly the URLs VICIdial requested. Only what the agent screen posts is passed in.
D11: `pass=1234` (the agent's plain password) is expected as `pass=` (no value configured).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import Connection, Date, MetaData, Table, insert, select, update

from leadgate.domain import call_urls, webhooks_queue
from leadgate.domain.call_urls import CallContext, Disposition
from leadgate.domain.events import CallAnswered, CallDispositioned
from leadgate.storage import tables
from leadgate.storage.database import Database
from leadgate.storage.tables import leadgate_webhook_outbox, vicidial_list, vicidial_live_agents
from leadgate.storage.zero_dates import plain_type
from tests import webhook_scenarios as recorded

# The agent screen's POST names → VICIdial's URL variable names (values go in as posted).
_DISPO_SCREEN = {
    "phone_login": "phone_login", "original_phone_login": "original_phone_login",
    "phone_pass": "phone_pass", "uniqueid": "uniqueid", "MDnextCID": "call_id",
    "conf_exten": "session_id", "server_ip": "server_ip",
    "customer_server_ip": "customer_server_ip", "camp_script": "camp_script",
    "in_script": "in_script", "recording_id": "recording_id",
    "recording_filename": "recording_filename", "agent_log_id": "agent_log_id",
    "exten": "SIPexten",
}  # fmt: skip
# At start the call's own ids (uniqueid, call_id, customer server and channel) are the agent's
# live row's, not posted.
_START_SCREEN = {
    "phone_login": "phone_login", "original_phone_login": "original_phone_login",
    "phone_pass": "phone_pass", "conf_exten": "session_id", "server_ip": "server_ip",
    "camp_script": "camp_script", "in_script": "in_script", "agent_log_id": "agent_log_id",
    "exten": "SIPexten",
}  # fmt: skip


def _load(db: Database, scenario: dict[str, Any]) -> None:
    """The setup statements, then the lead and its custom row as recorded."""
    with db.transaction() as conn:
        for verb, name, values, where in recorded.setup_steps(scenario):
            table = tables.metadata.tables.get(name)
            if table is None:  # web_client_sessions: the agent screen's login, not read here
                continue
            values = _typed(table, values)
            if verb == "insert":
                conn.execute(insert(table).values(**values))
                continue
            query = update(table).values(**values)
            if where is not None:
                query = query.where(table.c[where[0]] == where[1])
            conn.execute(query)
        lead = dict(scenario["lead"] or {})
        if not lead:
            return
        custom = lead.pop("custom_101", None)
        lead["entry_date"] = recorded.NOW
        dob = lead.get("date_of_birth")
        lead["date_of_birth"] = date.fromisoformat(dob) if dob else None
        if scenario["event"] == "start":
            # Recorded after the call; at start the lead has the status it was stored with.
            lead.pop("status")
        conn.execute(
            update(vicidial_list).where(vicidial_list.c.lead_id == lead["lead_id"]).values(**lead)
        )
        if custom is not None:
            table = Table("custom_101", MetaData(), autoload_with=conn)
            conn.execute(table.delete().where(table.c.lead_id == custom["lead_id"]))
            conn.execute(insert(table).values(**custom))


def _typed(table: Table, values: dict[str, Any]) -> dict[str, Any]:
    """The recorder's date literals as dates (SQLite's Date column takes no strings)."""
    return {
        name: date.fromisoformat(value)
        if isinstance(value, str) and isinstance(plain_type(table.c[name].type), Date) and value
        else value
        for name, value in values.items()
    }


def _expected(scenario: dict[str, Any]) -> list[str]:
    return [url.replace("&pass=1234&", "&pass=&") for url in recorded.expected_urls(scenario)]


@pytest.mark.parametrize("scenario", recorded.of_event("dispo"), ids=lambda s: s["id"])
def test_dispo_urls_from_the_database(scenario: dict[str, Any], vicidial: Database) -> None:
    _load(vicidial, scenario)
    posted = dict(scenario["request"]["params"])
    call = CallContext(
        user=posted["user"], lead_id=int(posted["lead_id"]), campaign_id=posted["campaign"],
        ingroup=posted["stage"], uniqueid=posted["uniqueid"],
        screen={name: posted[key] for key, name in _DISPO_SCREEN.items()},
    )  # fmt: skip
    dispo = Disposition(
        status=posted["dispo_choice"], list_id=posted["list_id"],
        agent_log_id=int(posted["agent_log_id"]), call_notes=posted["call_notes"],
        callback_lead_status=posted["CallBackLeadStatus"],
        callback_datetime=posted["CallBackDatETimE"],
        custom_fields=bool(posted["custom_field_names"]),
    )  # fmt: skip
    with vicidial.transaction() as conn:
        urls = call_urls.dispo_urls(conn, call, dispo, recorded.NOW)
    assert [recorded.normalise(u) for u in urls] == _expected(scenario)


@pytest.mark.parametrize("scenario", recorded.of_event("start"), ids=lambda s: s["id"])
def test_start_urls_from_the_database(scenario: dict[str, Any], vicidial: Database) -> None:
    _load(vicidial, scenario)
    posted = dict(scenario["request"]["params"])
    with vicidial.transaction() as conn:
        live = conn.execute(
            select(vicidial_live_agents.c.status, vicidial_live_agents.c.lead_id).where(
                vicidial_live_agents.c.user == posted["user"]
            )
        ).first()
        assert live is not None
        if live.status != "QUEUE":  # the agent screen fires start only for a call handed over
            assert _expected(scenario) == []
            return
        call = CallContext(
            user=posted["user"], lead_id=int(live.lead_id),
            screen={name: posted[key] for key, name in _START_SCREEN.items()},
        )  # fmt: skip
        urls = call_urls.start_urls(conn, call, recorded.NOW)
    assert urls  # every queued start scenario fires at least one URL
    assert [recorded.normalise(u) for u in urls] == _expected(scenario)


def _scenario(scenario_id: str) -> dict[str, Any]:
    return next(s for s in recorded.scenarios() if s["id"] == scenario_id)


# Scenarios whose URLs carry nothing only the agent screen knows: the session engine's events
# (which carry no screen values) must queue exactly the recorded URLs for them.
@pytest.mark.parametrize("scenario_id", ["d11_custom_fields", "d24_ingroup_stage_url",
                                         "d27_ingroup_alt", "d29_dispo_filter_container"])  # fmt: skip
def test_the_dispositioned_event_queues_the_recorded_urls(
    scenario_id: str, vicidial: Database
) -> None:
    scenario = _scenario(scenario_id)
    _load(vicidial, scenario)
    posted = dict(scenario["request"]["params"])
    event = CallDispositioned(
        int(posted["lead_id"]), posted["user"], posted["campaign"], posted["dispo_choice"],
        posted["uniqueid"], talk_seconds=int(scenario["context"].get("talk_sec") or 0),
        ingroup=posted["stage"], custom_fields=bool(posted["custom_field_names"]),
    )  # fmt: skip
    with vicidial.transaction() as conn:
        webhooks_queue.consume(_Uow(conn), [event])
    assert _queued(vicidial) == _expected(scenario)


@pytest.mark.parametrize("scenario_id", ["s04_custom_fields", "s07_inbound_ingroup_url"])
def test_the_answered_event_queues_the_recorded_urls(scenario_id: str, vicidial: Database) -> None:
    scenario = _scenario(scenario_id)
    _load(vicidial, scenario)
    with vicidial.transaction() as conn:
        live = conn.execute(
            select(vicidial_live_agents.c.lead_id, vicidial_live_agents.c.campaign_id).where(
                vicidial_live_agents.c.user == "1000"
            )
        ).one()
        event = CallAnswered(int(live.lead_id), "1000", live.campaign_id)
        webhooks_queue.consume(_Uow(conn), [event])
    assert _queued(vicidial) == _expected(scenario)


class _Uow:
    """What webhooks_queue.consume uses of a unit of work."""

    def __init__(self, conn: Connection) -> None:
        self.conn, self.now = conn, recorded.NOW


def _queued(db: Database) -> list[str]:
    with db.transaction() as conn:
        rows = conn.execute(
            select(leadgate_webhook_outbox.c.url).order_by(leadgate_webhook_outbox.c.outbox_id)
        ).scalars()
        return [recorded.normalise(url) for url in rows]

"""A small call centre runs by itself: 50 leads, two agents on an auto-dial campaign and one
manual agent, the simulator at high speed, the Agent API driving dial → status → pause →
resume → logout. What the history tables hold afterwards is exactly what happened."""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Iterator
from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import func, select
from starlette.testclient import TestClient

from leadgate.domain.sessions import login as sessions
from leadgate.http.app import create_app
from leadgate.settings import Settings
from leadgate.storage.database import Database
from leadgate.storage.stock_data import add_stock_call_times
from leadgate.storage.tables import metadata
from tests.factories import Seeder

AGENT_API = "/agc/api.php"
CREDS = {"source": "test", "user": "6666", "pass": "1234"}
LEADS = 50
AUTO_AGENTS = ("1001", "1002")
MANUAL_AGENT = "1003"
MANUAL_NUMBERS = ("3125557001", "3125557002", "3125557003")
DEADLINE_SECONDS = 90


@pytest.fixture
def centre(db: Database, seed: Seeder, settings: Settings) -> Iterator[TestClient]:
    seed.user()
    seed.user_group("ADMIN")
    seed.user_group("AGENTS")
    seed.campaign("AUTO", dial_method="RATIO", auto_dial_level="1", hopper_level=5,
                  dial_statuses=" NEW -", lead_order="DOWN")  # fmt: skip
    seed.campaign("MAN", dial_method="MANUAL", api_manual_dial="STANDARD")
    seed.list(301, "AUTO")
    seed.list(302, "MAN")
    for n in range(LEADS):
        seed.lead(phone_number=f"31255560{n:02d}", list_id=301)
    for user in (*AUTO_AGENTS, MANUAL_AGENT):
        seed.user(**{"user": user, "pass": "1234", "user_level": 1, "user_group": "AGENTS",
                     "vdc_agent_api_access": "0", "agentcall_manual": "1"})  # fmt: skip
    with db.transaction() as conn:
        add_stock_call_times(conn)
    fast = settings.model_copy(
        update={"telephony": "simulator", "sim_seed": 42, "sim_time_scale": 400.0,
                "engine_tick_seconds": 0.01}
    )  # fmt: skip
    with TestClient(create_app(fast, db)) as client:
        yield client


def _rows(db: Database, table: str, **where: Any) -> list[dict[str, Any]]:
    t = metadata.tables[table]
    query = select(t)
    for name, value in where.items():
        query = query.where(t.c[name] == value)
    with db.transaction() as conn:
        return [dict(row) for row in conn.execute(query).mappings()]


def _count(db: Database, table: str) -> int:
    with db.transaction() as conn:
        return int(
            conn.execute(select(func.count()).select_from(metadata.tables[table])).scalar_one()
        )


def _api(client: TestClient, function: str, agent: str, **params: str) -> str:
    query = {**CREDS, "function": function, "agent_user": agent, **params}
    return client.get(AGENT_API, params=query).text


def _live(db: Database, agent: str) -> dict[str, Any] | None:
    rows = _rows(db, "vicidial_live_agents", user=agent)
    return rows[0] if rows else None


def _report(client: TestClient, function: str, **params: str) -> str:
    query = {**CREDS, "function": function, **params}
    return client.get("/vicidial/non_agent_api.php", params=query).text


def _wait(condition: Any, what: str) -> None:
    deadline = time.monotonic() + DEADLINE_SECONDS
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.02)


def test_a_small_call_centre(centre: TestClient, db: Database) -> None:
    client = centre
    with db.unit_of_work(datetime.now()) as uow:
        for agent in AUTO_AGENTS:
            assert sessions.login(uow, sessions.LoginRequest(agent, "AUTO")).refusal is None
        assert sessions.login(uow, sessions.LoginRequest(MANUAL_AGENT, "MAN")).refusal is None

    # The manual agent dials three numbers, dispositioning each call.
    for number in MANUAL_NUMBERS:
        body = _api(client, "external_dial", MANUAL_AGENT, value=number, phone_code="1",
                    search="YES", preview="NO", focus="YES")  # fmt: skip
        assert body.startswith("SUCCESS: external_dial function set"), body
        _wait(lambda: (_live(db, MANUAL_AGENT) or {}).get("lead_id"), "the manual call")
        assert _api(client, "external_hangup", MANUAL_AGENT, value="1").startswith("SUCCESS")
        assert _api(client, "external_status", MANUAL_AGENT, value="CALLBK").startswith("SUCCESS")
        _wait(lambda: (_live(db, MANUAL_AGENT) or {}).get("lead_id") == 0, "the disposition")

    # The auto-dial agents go READY and disposition every call they get until no lead is left.
    for agent in AUTO_AGENTS:
        assert _api(client, "external_pause", agent, value="RESUME").startswith("SUCCESS")
    dispositioned: Counter[str] = Counter()
    statuses = ("SALE", "NI", "DNC")

    def every_lead_done() -> bool:
        for agent in AUTO_AGENTS:
            live = _live(db, agent) or {}
            if live.get("lead_id") and not live.get("external_status"):
                status = statuses[sum(dispositioned.values()) % len(statuses)]
                if _api(client, "external_status", agent, value=status).startswith("SUCCESS"):
                    dispositioned[status] += 1
        leads = _rows(db, "vicidial_list", list_id=301)
        return all(lead["status"] not in ("NEW", "INCALL") for lead in leads)

    _wait(every_lead_done, "every lead to be called and dispositioned")

    # Pause, resume, pause again and log everyone out through the API.
    for agent in AUTO_AGENTS:
        _api(client, "external_pause", agent, value="PAUSE")
    _wait(lambda: all((_live(db, a) or {}).get("status") == "PAUSED" for a in AUTO_AGENTS),
          "the pause")  # fmt: skip
    # The live views see the three sessions as they are now.
    live_rows = _report(client, "logged_in_agents").splitlines()
    assert sorted(line.split("|")[0] for line in live_rows) == [*AUTO_AGENTS, MANUAL_AGENT]
    assert _report(client, "agent_status", agent_user="1001").split("|")[0] == "PAUSED"
    campaign = json.loads(_report(client, "campaign_stats", campaign_id="AUTO", stage="json"))
    assert (campaign["agents_logged_in"], campaign["agents_paused"]) == (2, 2)
    assert (campaign["calls_today"], campaign["hopper_count"]) == (LEADS, 0)

    for agent in (*AUTO_AGENTS, MANUAL_AGENT):
        assert _api(client, "logout", agent, value="LOGOUT").startswith("SUCCESS")
    _wait(lambda: _count(db, "vicidial_live_agents") == 0, "the logouts")

    # What the history says is exactly what happened.
    calls = _rows(db, "vicidial_log")
    auto_calls = [call for call in calls if call["campaign_id"] == "AUTO"]
    assert len(auto_calls) == LEADS  # every lead dialled exactly once
    by_status = Counter(call["status"] for call in auto_calls)
    assert {status: by_status[status] for status in statuses} == dict(dispositioned)
    unanswered = {status: n for status, n in by_status.items() if status not in statuses}
    assert set(unanswered) <= {"NA", "B", "AA"}
    assert sum(dispositioned.values()) + sum(unanswered.values()) == LEADS
    for call in auto_calls:
        lead = _rows(db, "vicidial_list", lead_id=call["lead_id"])[0]
        assert lead["status"] == call["status"] and lead["called_count"] == 1
        assert (call["user"] in AUTO_AGENTS) == (call["status"] in statuses)
    manual_calls = [call for call in calls if call["campaign_id"] == "MAN"]
    assert sorted(call["phone_number"] for call in manual_calls) == list(MANUAL_NUMBERS)
    assert {call["status"] for call in manual_calls} == {"CALLBK"}
    # The agent log: one dispositioned row per answered call, talk time = the call's length.
    agent_log = _rows(db, "vicidial_agent_log")
    talked = [row for row in agent_log if row["status"] in (*statuses, "CALLBK")]
    assert len(talked) == sum(dispositioned.values()) + len(MANUAL_NUMBERS)
    lengths = {call["lead_id"]: call["length_in_sec"] for call in calls}
    assert all(row["talk_sec"] == lengths[row["lead_id"]] for row in talked)
    events = [row["event"] for row in _rows(db, "vicidial_user_log")]
    assert Counter(events) == {"LOGIN": 3, "LOGOUT": 3}
    assert _count(db, "vicidial_auto_calls") == 0
    assert _count(db, "leadgate_agent_sessions") == 0

    # The reports count exactly these calls and times.
    stats_line = _report(client, "call_status_stats", campaigns="AUTO").splitlines()[0]
    fields = stats_line.split("|")
    assert (fields[0], int(fields[1])) == ("AUTO", LEADS)
    reported = {k: int(v) for k, v in (pair.rsplit("-", 1) for pair in fields[4].split(","))}
    assert reported == dict(by_status)
    today = datetime.now().strftime("%Y-%m-%d")
    export = _report(client, "agent_stats_export", datetime_start=f"{today}+00:00:00",
                     datetime_end=f"{today}+23:59:59", campaign_id="AUTO")  # fmt: skip
    exported = {line.split("|")[0]: int(line.split("|")[3]) for line in export.splitlines()}
    for agent in AUTO_AGENTS:
        handled = [call for call in auto_calls if call["user"] == agent]
        assert exported[agent] == len(handled)
        stats = json.loads(_report(client, "agent_stats", agent_user=agent, stage="json"))
        assert stats["status"] == "LOGGED_OUT"
        assert stats["calls_today"] == len(handled)
        assert stats["talk_sec"] == sum(call["length_in_sec"] for call in handled)

"""The seed's campaign_stats and agent_stats ([DESIGNED], spec admin_functions.md), and report
rules the recorded cases do not pin down."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from sqlalchemy import insert
from starlette.testclient import TestClient

from leadgate.storage.database import Database
from leadgate.storage.tables import (
    vicidial_agent_log,
    vicidial_auto_calls,
    vicidial_hopper,
    vicidial_live_agents,
    vicidial_log,
    vicidial_statuses,
    vicidial_user_log,
)
from tests.factories import Seeder

NON_AGENT = "/vicidial/non_agent_api.php"
CREDS = {"source": "test", "user": "6666", "pass": "1234"}


def call(client: TestClient, function: str, **params: str) -> str:
    response = client.get(NON_AGENT, params={**CREDS, "function": function, **params})
    assert response.status_code == 200
    return response.text


def key_values(body: str) -> dict[str, str]:
    return dict(line.split("|", 1) for line in body.splitlines())


def insert_rows(db: Database, table: object, rows: list[dict[str, object]]) -> None:
    with db.transaction() as conn:
        conn.execute(insert(table), rows)  # type: ignore[arg-type]


def seed_campaign_day(db: Database, seed: Seeder) -> None:
    seed.user_group()
    seed.user()
    seed.campaign("SALES", dial_method="RATIO", auto_dial_level="2.5")
    seed.campaign("OTHER")
    now = datetime.now().replace(hour=0, minute=0, second=5, microsecond=0)  # early today
    yesterday = now - timedelta(days=1)
    insert_rows(db, vicidial_statuses, [
        {"status": "SALE", "status_name": "Sale", "human_answered": "Y"},
        {"status": "NI", "status_name": "Not interested", "human_answered": "Y"},
        {"status": "NA", "status_name": "No answer", "human_answered": "N"},
    ])  # fmt: skip
    calls = [("SALE", now), ("NI", now), ("NI", now), ("DROP", now), ("NA", now),
             ("SALE", yesterday), ("DROP", yesterday)]  # fmt: skip
    insert_rows(db, vicidial_log, [
        {"uniqueid": f"17000.{n}", "lead_id": n, "campaign_id": "SALES", "call_date": when,
         "status": status, "user": "1000"}
        for n, (status, when) in enumerate(calls, start=1)
    ] + [{"uniqueid": "17000.99", "lead_id": 99, "campaign_id": "OTHER", "call_date": now,
          "status": "DROP", "user": "1000"}])  # fmt: skip
    insert_rows(db, vicidial_live_agents, [
        {"user": "1000", "server_ip": "10.0.0.1", "status": "INCALL", "lead_id": 1,
         "campaign_id": "SALES", "callerid": "V1"},
        {"user": "1001", "server_ip": "10.0.0.1", "status": "INCALL", "lead_id": 2,
         "campaign_id": "SALES", "callerid": "V2"},
        {"user": "1002", "server_ip": "10.0.0.1", "status": "READY", "lead_id": 0,
         "campaign_id": "SALES", "callerid": ""},
        {"user": "1003", "server_ip": "10.0.0.1", "status": "CLOSER", "lead_id": 0,
         "campaign_id": "SALES", "callerid": ""},
        {"user": "1004", "server_ip": "10.0.0.1", "status": "PAUSED", "lead_id": 0,
         "campaign_id": "SALES", "callerid": ""},
        {"user": "1005", "server_ip": "10.0.0.1", "status": "PAUSED", "lead_id": 0,
         "campaign_id": "OTHER", "callerid": ""},
    ])  # fmt: skip
    insert_rows(db, vicidial_auto_calls, [
        {"server_ip": "10.0.0.1", "campaign_id": "SALES", "status": "LIVE", "lead_id": 1,
         "callerid": "V1"},
        {"server_ip": "10.0.0.1", "campaign_id": "SALES", "status": "LIVE", "lead_id": 7,
         "callerid": "V7"},
        {"server_ip": "10.0.0.1", "campaign_id": "SALES", "status": "SENT", "lead_id": 8,
         "callerid": "V8"},
    ])  # fmt: skip
    insert_rows(db, vicidial_hopper, [
        {"lead_id": 11, "campaign_id": "SALES", "status": "READY", "list_id": 101},
        {"lead_id": 12, "campaign_id": "SALES", "status": "READY", "list_id": 101},
        {"lead_id": 13, "campaign_id": "SALES", "status": "QUEUE", "list_id": 101},
    ])  # fmt: skip


def test_campaign_stats_counts_today_and_the_live_floor(
    client: TestClient, db: Database, seed: Seeder
) -> None:
    seed_campaign_day(db, seed)
    stats = key_values(call(client, "campaign_stats", campaign_id="SALES", stage="csv"))
    assert list(stats) == [
        "campaign_id", "active", "dial_method", "dial_level", "calls_today", "agents_logged_in",
        "agents_incall", "agents_ready", "agents_paused", "agents_dead", "calls_waiting",
        "hopper_count", "drop_rate",
    ]  # fmt: skip
    assert stats == {
        "campaign_id": "SALES", "active": "Y", "dial_method": "RATIO", "dial_level": "2.5",
        # yesterday's calls and the other campaign's do not count
        "calls_today": "5", "agents_logged_in": "5", "agents_incall": "2",
        "agents_ready": "2",  # READY + CLOSER
        "agents_paused": "1",
        "agents_dead": "1",  # 1001 is INCALL but its call V2 is gone
        "calls_waiting": "2", "hopper_count": "2",
        "drop_rate": "25.00",  # 1 drop of 4 answered calls (SALE, NI, NI, DROP)
    }  # fmt: skip


def test_campaign_stats_json_has_numbers(client: TestClient, db: Database, seed: Seeder) -> None:
    seed_campaign_day(db, seed)
    body = call(client, "campaign_stats", campaign_id="SALES", stage="json")
    stats = json.loads(body)
    assert stats["calls_today"] == 5 and stats["dial_level"] == 2.5
    assert stats["drop_rate"] == 25.0 and stats["campaign_id"] == "SALES"


def test_campaign_stats_refusals(client: TestClient, db: Database, seed: Seeder) -> None:
    seed_campaign_day(db, seed)
    assert call(client, "campaign_stats", campaign_id="NOPE") == (
        "ERROR: campaign_stats CAMPAIGN DOES NOT EXIST: |6666|NOPE\n"
    )
    seed.execute("UPDATE vicidial_users SET view_reports='0' WHERE user_id > 0")
    assert call(client, "campaign_stats", campaign_id="SALES") == (
        "ERROR: campaign_stats USER DOES NOT HAVE PERMISSION TO GET CAMPAIGN INFO: |6666|0|\n"
    )


def test_campaign_stats_hides_campaigns_the_group_may_not_see(
    client: TestClient, db: Database, seed: Seeder
) -> None:
    seed_campaign_day(db, seed)
    seed.execute("UPDATE vicidial_user_groups SET allowed_campaigns=' OTHER -'")
    assert call(client, "campaign_stats", campaign_id="SALES").startswith(
        "ERROR: campaign_stats CAMPAIGN DOES NOT EXIST"
    )
    assert key_values(call(client, "campaign_stats", campaign_id="OTHER"))["drop_rate"] == "100.00"


def test_agent_stats_sums_today(client: TestClient, db: Database, seed: Seeder) -> None:
    seed_campaign_day(db, seed)
    seed.user(user="1000", full_name="Agent Zero", user_group="AGENTS", user_level=1)
    now = datetime.now().replace(microsecond=0)
    today = now.replace(hour=0, minute=0, second=1)
    old = now - timedelta(days=2)
    insert_rows(db, vicidial_agent_log, [
        {"user": "1000", "server_ip": "x", "event_time": today, "lead_id": 1, "talk_sec": 60,
         "pause_sec": 5, "wait_sec": 10, "dispo_sec": 3},
        {"user": "1000", "server_ip": "x", "event_time": today, "lead_id": 0, "talk_sec": 0,
         "pause_sec": 100, "wait_sec": 0, "dispo_sec": 0},
        {"user": "1000", "server_ip": "x", "event_time": today, "lead_id": 2, "talk_sec": 40,
         "pause_sec": 0, "wait_sec": 20, "dispo_sec": 7},
        {"user": "1000", "server_ip": "x", "event_time": old, "lead_id": 3, "talk_sec": 999,
         "pause_sec": 999, "wait_sec": 999, "dispo_sec": 999},
    ])  # fmt: skip
    insert_rows(db, vicidial_user_log, [
        {"user": "1000", "event": "LOGIN", "event_date": today},
        {"user": "1000", "event": "LOGOUT", "event_date": today + timedelta(hours=1)},
        {"user": "1000", "event": "LOGIN", "event_date": today + timedelta(hours=2)},
        {"user": "1000", "event": "LOGIN", "event_date": old},
    ])  # fmt: skip
    stats = key_values(call(client, "agent_stats", agent_user="1000", stage="csv"))
    assert stats == {
        "agent_user": "1000", "full_name": "Agent Zero", "user_group": "AGENTS",
        "status": "INCALL", "campaign_id": "SALES", "calls_today": "2", "talk_sec": "100",
        "pause_sec": "105", "wait_sec": "30", "dispo_sec": "10",
        "first_login": today.strftime("%Y-%m-%d %H:%M:%S"),
        "last_logout": (today + timedelta(hours=1)).strftime("%Y-%m-%d %H:%M:%S"),
    }  # fmt: skip
    as_json = json.loads(call(client, "agent_stats", agent_user="1000", stage="json"))
    assert as_json["talk_sec"] == 100 and as_json["status"] == "INCALL"


def test_agent_stats_of_a_logged_out_agent_and_refusals(
    client: TestClient, db: Database, seed: Seeder
) -> None:
    seed_campaign_day(db, seed)
    seed.user(user="2000", full_name="Idle", user_group="AGENTS", user_level=1)
    stats = key_values(call(client, "agent_stats", agent_user="2000"))
    assert stats["status"] == "LOGGED_OUT" and stats["campaign_id"] == ""
    assert stats["calls_today"] == "0" and stats["first_login"] == ""
    assert call(client, "agent_stats", agent_user="nobody") == (
        "ERROR: agent_stats AGENT NOT FOUND: 6666|nobody\n"
    )
    seed.execute("UPDATE vicidial_user_groups SET admin_viewable_groups=' SUPERV -'")
    assert call(client, "agent_stats", agent_user="2000") == (
        "ERROR: agent_stats AGENT NOT FOUND: 6666|2000\n"
    )

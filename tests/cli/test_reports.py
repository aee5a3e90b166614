"""`leadgate report …`: the same domain operations as the API, printed as tables."""

from __future__ import annotations

from datetime import datetime

import pytest
from rich.console import Console
from sqlalchemy import insert

from leadgate.cli import reports
from leadgate.storage.database import Database
from leadgate.storage.tables import vicidial_agent_log, vicidial_live_agents, vicidial_log
from tests.cli.conftest import Invoke
from tests.factories import Seeder


@pytest.fixture(autouse=True)
def wide_console(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tables wide enough that no cell wraps."""
    monkeypatch.setattr(reports, "console", Console(width=250))


def _history(db: Database, seed: Seeder) -> None:
    seed.campaign("SALES")
    seed.user(user="1000", full_name="Agent Zero", user_group="AGENTS", user_level=1)
    day = datetime(2020, 3, 2, 9, 0, 0)
    with db.transaction() as conn:
        conn.execute(insert(vicidial_log), [
            {"uniqueid": f"1.{n}", "lead_id": n, "campaign_id": "SALES", "call_date": day,
             "status": status, "user": "1000"}
            for n, status in enumerate(("SALE", "NI", "NI"), start=1)
        ])  # fmt: skip
        conn.execute(insert(vicidial_agent_log), [
            {"user": "1000", "server_ip": "x", "event_time": day, "lead_id": 1, "campaign_id":
             "SALES", "talk_sec": 125, "pause_sec": 10, "wait_sec": 5, "dispo_sec": 3,
             "dead_sec": 0, "pause_epoch": 1583139600, "sub_status": "LOGIN"},
        ])  # fmt: skip
        conn.execute(insert(vicidial_live_agents).values(
            user="1000", server_ip="x", status="PAUSED", lead_id=0, campaign_id="SALES",
            conf_exten="8600051",
        ))  # fmt: skip


def test_report_dispositions_and_agent_time(leadgate: Invoke, db: Database, seed: Seeder) -> None:
    _history(db, seed)
    result = leadgate("report", "dispositions", "--from", "2020-03-02")
    assert result.exit_code == 0, result.output
    assert "SALES" in result.output and "TOTAL" in result.output
    lines = [line for line in result.output.splitlines() if "SALES" in line]
    assert [cell.strip() for cell in lines[0].strip("│┃ ").split("│")][:4] == [
        "SALES",
        "3",
        "2",
        "1",
    ]
    result = leadgate("report", "agent-stats", "--from", "2020-03-02")
    assert result.exit_code == 0, result.output
    assert "Agent Zero" in result.output and "0:02:05" in result.output


def test_report_live_agents(leadgate: Invoke, db: Database, seed: Seeder) -> None:
    _history(db, seed)
    result = leadgate("report", "agents")
    assert result.exit_code == 0, result.output
    assert "1000" in result.output and "PAUSED" in result.output and "8600051" in result.output


def test_report_mistakes_are_clear_errors(leadgate: Invoke, db: Database, seed: Seeder) -> None:
    _history(db, seed)
    bad_date = leadgate("report", "agent-stats", "--from", "yesterday")
    assert bad_date.exit_code == 1 and "not a date" in bad_date.output
    assert "Traceback" not in bad_date.output
    missing = leadgate("report", "campaign", "NOPE")
    assert missing.exit_code == 1 and "no campaign" in missing.output
    backwards = leadgate("report", "call-status", "--from", "2020-03-02", "--to", "2020-03-01")
    assert backwards.exit_code == 1 and "before" in backwards.output

"""The Agent API's session rules and command formats (no HTTP)."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import insert

from leadgate.domain import agent_sessions
from leadgate.domain.agent_commands import DialCommand
from leadgate.domain.agent_sessions import AgentSession, Disposition, ManualDialLead
from leadgate.storage.database import Database
from leadgate.storage.tables import (
    vicidial_campaign_dnc,
    vicidial_campaign_statuses,
    vicidial_dnc,
    vicidial_live_agents,
)
from tests.factories import Seeder

NOW = datetime(2026, 11, 22, 10, 0, 0)


@pytest.mark.parametrize(
    ("closer_campaigns", "groups", "direct"),
    [
        (" SALES SUPPORT -", ["", "SALES", "SUPPORT"], False),
        (" AGENTDIRECT SALES -", ["", "", "SALES"], True),
        ("", [""], False),
        ("SALES", ["SALES"], False),
        (" agentdirect -", ["", ""], True),
    ],
)
def test_queue_routes_match_vicidial_sql_list(
    closer_campaigns: str, groups: list[str], direct: bool
) -> None:
    assert agent_sessions.queue_routes(closer_campaigns) == (groups, direct)


@pytest.mark.parametrize(
    ("caller_id", "too_short"),
    [(None, True), ("", True), ("3", True), ("4", False), ("7275551212", False),
     ("abc", False), (" 2", True), ("3.9", True)],
)  # fmt: skip
def test_caller_id_too_short_uses_php_comparison(caller_id: str | None, too_short: bool) -> None:
    assert agent_sessions.caller_id_too_short(caller_id) is too_short


@pytest.mark.parametrize(
    ("left", "right", "equal"),
    [("3125550001", "3125550001", True), ("03125550001", "3125550001", True),
     ("abc", "ABC", False), (None, "", True), (None, "1", False), ("", "", True)],
)  # fmt: skip
def test_php_loose_equal(left: str | None, right: str, equal: bool) -> None:
    assert agent_sessions.php_loose_equal(left, right) is equal


def test_search_prefers_main_then_alt_then_address3() -> None:
    lead = {"phone_number": "1", "alt_phone": "5551", "address3": "5551"}
    assert agent_sessions.search_alt_dial(lead, "5551") == "ALT"
    lead = {"phone_number": "5551", "alt_phone": "5551", "address3": "5551"}
    assert agent_sessions.search_alt_dial(lead, "5551") == "MAIN"
    assert agent_sessions.search_alt_dial(lead, "999") == ""


@pytest.mark.parametrize(
    ("alt_dial", "number"), [("ALT", "2"), ("ADDR3", "3"), ("MAIN", "1"), ("", "1")]
)
def test_lead_number_for(alt_dial: str, number: str) -> None:
    lead = {"phone_number": "1", "alt_phone": "2", "address3": "3"}
    assert agent_sessions.lead_number_for(lead, alt_dial) == number


def test_dial_command_has_fourteen_fields_in_screen_order() -> None:
    command = DialCommand(
        value="3125550001", phone_code="1", search="YES", preview="NO", focus="YES",
        vendor_id="V", epoch=1700000000, dial_prefix="9", group_alias="GA", caller_id_number="C",
        lead_id="42", alt_dial="ALT", dial_ingroup="IN",
    )  # fmt: skip
    assert command.text() == "3125550001!1!YES!NO!YES!V!1700000000!9!GA!C!!42!ALT!IN"
    assert len(command.text().split("!")) == 14


@pytest.mark.parametrize(
    ("status", "lead_id", "mode", "ready"),
    [("PAUSED", 0, "STANDARD", True), ("PAUSED", 5, "STANDARD", False),
     ("READY", 0, "STANDARD", False), ("INCALL", 5, "QUEUE", True), ("READY", 0, "", True)],
)  # fmt: skip
def test_ready_to_dial(status: str, lead_id: int, mode: str, ready: bool) -> None:
    session = AgentSession(user="1000", status=status, campaign_id="C", lead_id=lead_id,
                           callerid="", closer_campaigns="")  # fmt: skip
    assert agent_sessions.ready_to_dial(session, mode) is ready


@pytest.mark.parametrize(
    ("status", "refused"),
    [("READY", True), ("QUEUE", True), ("INCALL", True), ("CLOSER", True), ("PAUSED", False),
     ("MQUEUE", False)],
)  # fmt: skip
def test_resume_refused_when_not_paused(status: str, refused: bool) -> None:
    session = AgentSession(user="1000", status=status, campaign_id="C", lead_id=0, callerid="",
                           closer_campaigns="")  # fmt: skip
    assert agent_sessions.refuses_resume(session, "RESUME") is refused
    assert agent_sessions.refuses_resume(session, "PAUSE") is False


@pytest.mark.parametrize(
    ("value", "ok"), [("PAUSE", True), ("RESUME", True), ("XPAUSEX", True), ("pause", False)]
)
def test_is_pause_value(value: str, ok: bool) -> None:
    assert agent_sessions.is_pause_value(value) is ok


# -- with a database ------------------------------------------------------------------------


def _logged_in(db: Database, seed: Seeder) -> AgentSession:
    seed.campaign("TESTCAMP", manual_dial_list_id=4321)
    with db.transaction() as conn:
        conn.execute(insert(vicidial_live_agents).values(
            user="1000", server_ip="1", status="PAUSED", lead_id=0, campaign_id="TESTCAMP",
        ))  # fmt: skip
        session = agent_sessions.find_session(conn, "1000")
    assert session is not None
    return session


def test_find_session_none_when_logged_out(db: Database) -> None:
    with db.transaction() as conn:
        assert agent_sessions.find_session(conn, "1000") is None
        assert agent_sessions.find_session(conn, "") is None


def test_add_manual_dial_lead_checks_both_dnc_lists_first(db: Database, seed: Seeder) -> None:
    session = _logged_in(db, seed)
    lead = ManualDialLead(api_user="6666", phone_number="3125551111", phone_code="1",
                          fields={}, dnc_check=True, campaign_dnc_check=True)  # fmt: skip
    with db.transaction() as conn:
        conn.execute(insert(vicidial_dnc).values(phone_number="3125551111"))
        conn.execute(insert(vicidial_campaign_dnc).values(phone_number="3125551111",
                                                          campaign_id="TESTCAMP"))  # fmt: skip
        outcome = agent_sessions.add_manual_dial_lead(conn, session, lead, NOW)
    assert (outcome.in_dnc, outcome.in_campaign_dnc, outcome.lead_id) == (True, True, None)
    assert (outcome.campaign_id, outcome.list_id) == ("TESTCAMP", 4321)


def test_add_manual_dial_lead_stores_row_without_defaults(db: Database, seed: Seeder) -> None:
    session = _logged_in(db, seed)
    lead = ManualDialLead(api_user="6666", phone_number="3125559901", phone_code="X",
                          fields={"first_name": "Bob"})  # fmt: skip
    with db.transaction() as conn:
        outcome = agent_sessions.add_manual_dial_lead(conn, session, lead, NOW)
    assert outcome.lead_id is not None
    [row] = seed.table_rows("vicidial_list", "lead_id", "list_id", "phone_code", "gender",
                            "entry_date", "status", "user", "first_name")  # fmt: skip
    assert row == {"lead_id": outcome.lead_id, "list_id": 4321, "phone_code": "X", "gender": "",
                   "entry_date": NOW, "status": "NEW", "user": "6666", "first_name": "Bob"}  # fmt: skip


def test_status_command_uses_campaign_callback_statuses(db: Database, seed: Seeder) -> None:
    session = _logged_in(db, seed)
    dispo = Disposition(status="CBX", callback_datetime="2035-01-25 12:00:00")
    with db.transaction() as conn:
        assert agent_sessions.status_command(conn, session, dispo) == "CBX"
        conn.execute(insert(vicidial_campaign_statuses).values(
            status="CBX", campaign_id="TESTCAMP", scheduled_callback="Y",
        ))  # fmt: skip
        assert agent_sessions.status_command(conn, session, dispo) == (
            "CBX!2035-01-25 12:00:00!ANYONE!!"
        )

"""Agent sessions and the session engine, driven through the Agent API with a scripted phone
system and a hand-moved clock (no sleeping, no randomness)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import insert, select
from starlette.testclient import TestClient

from leadgate.domain.sessions import login as sessions
from leadgate.domain.sessions.login import LoginRefusal, LogoutRefusal
from leadgate.domain.telephony import CallOutcome, DialPlan
from leadgate.storage.database import Database
from leadgate.storage.stock_data import add_stock_call_times
from leadgate.storage.tables import metadata, vicidial_live_agents
from leadgate.workers.session_engine import SessionEngine
from tests.factories import Seeder

AGENT_API = "/agc/api.php"
CREDS = {"source": "test", "user": "6666", "pass": "1234"}
START = datetime(2026, 12, 6, 10, 0, 0)


class ScriptedPhones:
    """Telephony whose calls go as scripted, in order; time scale 1 (call seconds = wall)."""

    time_scale = 1.0

    def __init__(self) -> None:
        self.script: list[DialPlan] = []
        self.dialled: list[str] = []

    def dial(self, phone_code: str, phone_number: str, campaign_id: str) -> DialPlan:
        self.dialled.append(phone_number)
        return self.script.pop(0)


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


class CallCentre:
    def __init__(self, db: Database, seed: Seeder, client: TestClient) -> None:
        self.db, self.seed, self.client = db, seed, client
        self.phones = ScriptedPhones()
        self.clock = Clock()
        self.engine = SessionEngine(db, self.phones, clock=self.clock, engine_id="engine-a")

    def agent(self, user: str = "1000", campaign: str = "TESTCAMP") -> None:
        self.seed.user(**{"user": user, "pass": "1234", "user_level": 1, "user_group": "AGENTS",
                          "vdc_agent_api_access": "0", "agentcall_manual": "1"})  # fmt: skip
        outcome = self.login(user, campaign)
        assert outcome.refusal is None

    def login(self, user: str, campaign: str = "TESTCAMP") -> sessions.LoginOutcome:
        with self.db.unit_of_work(self.clock()) as uow:
            return sessions.login(uow, sessions.LoginRequest(user=user, campaign_id=campaign))

    def api(self, function: str, **params: Any) -> str:
        data = {**CREDS, "function": function, "agent_user": "1000", **params}
        return self.client.get(AGENT_API, params=data).text

    def tick(self, seconds: float = 0.0) -> None:
        self.clock.advance(seconds)
        self.engine.tick()

    def rows(self, table: str, *columns: str, order_by: str = "", **where: Any) -> list[Any]:
        """Rows as dicts (portable: `user` is a keyword on PostgreSQL)."""
        t = metadata.tables[table]
        query = select(*(t.c[name] for name in columns)) if columns else select(t)
        for name, value in where.items():
            query = query.where(t.c[name] == value)
        if order_by:
            query = query.order_by(*(t.c[name] for name in order_by.split(",")))
        with self.db.transaction() as conn:
            return [dict(row) for row in conn.execute(query).mappings()]

    def live(self, user: str = "1000") -> dict[str, Any]:
        rows = self.rows("vicidial_live_agents", user=user)
        assert len(rows) == 1
        return dict(rows[0])

    def lead(self, lead_id: int) -> dict[str, Any]:
        return dict(self.rows("vicidial_list", lead_id=lead_id)[0])


@pytest.fixture
def centre(db: Database, seed: Seeder, client: TestClient) -> Iterator[CallCentre]:
    seed.user()  # the API user 6666
    seed.user_group("AGENTS")
    seed.campaign("TESTCAMP", dial_method="MANUAL", api_manual_dial="STANDARD")
    seed.list(101, "TESTCAMP")
    with db.transaction() as conn:
        add_stock_call_times(conn)
    yield CallCentre(db, seed, client)


def _answered(ring: float = 5, talk: float = 60) -> DialPlan:
    return DialPlan(CallOutcome.ANSWERED, ring_seconds=ring, talk_seconds=talk)


def test_login_writes_the_agent_screen_rows_and_starts_paused(centre: CallCentre) -> None:
    centre.agent("1000")
    live = centre.live()
    assert (live["status"], live["lead_id"], live["campaign_id"]) == ("PAUSED", 0, "TESTCAMP")
    assert live["conf_exten"] == "8600051"
    events = centre.rows("vicidial_user_log", "event", user="1000")
    assert [row["event"] for row in events] == ["LOGIN"]
    agent_log = centre.rows("vicidial_agent_log")
    assert [(r["sub_status"], r["agent_log_id"]) for r in agent_log] == [
        ("LOGIN", live["agent_log_id"])
    ]
    assert centre.login("1000").refusal is LoginRefusal.ALREADY_LOGGED_IN
    assert centre.login("nobody").refusal is LoginRefusal.NO_SUCH_USER


def test_two_sessions_get_different_session_ids(centre: CallCentre) -> None:
    centre.agent("1000")
    centre.agent("1001")
    assert centre.live("1000")["conf_exten"] != centre.live("1001")["conf_exten"]


def test_pause_resume_and_logout_through_the_agent_api(centre: CallCentre) -> None:
    centre.agent("1000")
    assert centre.api("external_pause", value="RESUME").startswith("SUCCESS")
    centre.tick(30)
    assert centre.live()["status"] == "READY"
    assert centre.live()["external_pause"] == ""  # consumed
    centre.api("external_pause", value="PAUSE")
    centre.tick(20)
    assert centre.live()["status"] == "PAUSED"
    centre.api("pause_code", value="BREAK")
    centre.tick(1)
    assert centre.live()["pause_code"] == "BREAK"
    logs = centre.rows("vicidial_agent_log", "pause_sec", "wait_sec", "sub_status",
                       order_by="agent_log_id")  # fmt: skip
    assert logs == [
        {"pause_sec": 30, "wait_sec": 20, "sub_status": "LOGIN"},
        {"pause_sec": 0, "wait_sec": 0, "sub_status": "BREAK"},
    ]
    centre.api("logout", value="LOGOUT")
    centre.tick(5)
    assert centre.rows("vicidial_live_agents") == []
    assert centre.rows("leadgate_agent_sessions") == []
    events = centre.rows("vicidial_user_log", "event", order_by="user_log_id")
    assert [row["event"] for row in events] == ["LOGIN", "LOGOUT"]


def test_a_manual_call_from_dial_to_disposition(centre: CallCentre) -> None:
    lead_id = centre.seed.lead(phone_number="3125551111", list_id=101, status="NEW")
    centre.agent("1000")
    centre.phones.script = [_answered(ring=5, talk=60)]
    body = centre.api("external_dial", value="3125551111", phone_code="1", search="YES",
                      preview="NO", focus="YES")  # fmt: skip
    assert body.startswith("SUCCESS: external_dial function set")
    centre.tick(1)
    live = centre.live()
    assert (live["status"], live["lead_id"]) == ("INCALL", lead_id)
    lead = centre.lead(lead_id)
    assert (lead["status"], lead["called_count"]) == ("INCALL", 1)
    assert len(centre.rows("vicidial_auto_calls")) == 1
    centre.tick(5)  # answered
    centre.tick(40)  # the agent ends the call after 40 s of talk
    centre.api("external_hangup", value="1")
    centre.tick(0)
    assert centre.rows("vicidial_auto_calls") == []
    centre.tick(12)  # 12 s in the disposition screen
    centre.api("external_status", value="SALE")
    centre.tick(0)
    assert centre.lead(lead_id)["status"] == "SALE"
    call = centre.rows("vicidial_log", "status", "length_in_sec", "user")
    assert call == [{"status": "SALE", "length_in_sec": 40, "user": "1000"}]
    live = centre.live()
    assert (live["status"], live["lead_id"], live["calls_today"]) == ("PAUSED", 0, 1)
    first = centre.rows("vicidial_agent_log", "talk_sec", "dispo_sec", "status", "lead_id",
                        order_by="agent_log_id")[0]  # fmt: skip
    assert first == {"talk_sec": 40, "dispo_sec": 12, "status": "SALE", "lead_id": lead_id}


def test_a_manual_dial_of_an_unknown_number_adds_a_lead(centre: CallCentre) -> None:
    centre.agent("1000")
    centre.phones.script = [DialPlan(CallOutcome.NO_ANSWER, ring_seconds=20)]
    centre.api("external_dial", value="3125559999", phone_code="1", search="YES", preview="NO",
               focus="YES")  # fmt: skip
    centre.tick(0)
    leads = centre.rows("vicidial_list", "lead_id", "list_id", phone_number="3125559999")  # fmt: skip
    assert len(leads) == 1 and leads[0]["list_id"] == 998
    centre.tick(20)  # nobody answers: the agent must disposition it
    assert centre.live()["status"] == "INCALL"
    centre.api("external_status", value="NA")
    centre.tick(0)
    assert centre.lead(leads[0]["lead_id"])["status"] == "NA"


def test_an_auto_dial_campaign_fills_its_hopper_and_dials_for_ready_agents(
    centre: CallCentre,
) -> None:
    centre.seed.campaign("AUTOCAMP", dial_method="RATIO", auto_dial_level="1",
                         hopper_level=2, dial_statuses=" NEW -", lead_order="DOWN")  # fmt: skip
    centre.seed.list(201, "AUTOCAMP")
    ids = [centre.seed.lead(phone_number=f"31255520{n:02d}", list_id=201) for n in range(4)]
    centre.agent("1000", campaign="AUTOCAMP")
    centre.api("external_pause", value="RESUME")
    centre.phones.script = [
        DialPlan(CallOutcome.BUSY, ring_seconds=2),
        _answered(ring=4, talk=30),
        DialPlan(CallOutcome.NO_ANSWER, ring_seconds=25),
    ]
    centre.tick(0)  # READY; no hopper lead yet → the hopper is filled
    hopper = centre.rows("vicidial_hopper", "lead_id", order_by="hopper_id")
    assert [row["lead_id"] for row in hopper] == ids[:2]
    centre.tick(1)  # first lead dialled
    assert centre.phones.dialled == ["3125552000"]
    centre.tick(2)  # busy: the lead gets B, the agent stays READY
    assert centre.lead(ids[0])["status"] == "B"
    assert centre.live()["status"] == "READY"
    centre.tick(1)  # second lead dialled
    centre.tick(4)  # answered: the agent gets the call
    live = centre.live()
    assert (live["status"], live["lead_id"]) == ("INCALL", ids[1])
    centre.tick(30)  # the customer hangs up
    centre.api("external_status", value="SALE")
    centre.tick(3)
    assert centre.lead(ids[1])["status"] == "SALE"
    assert centre.live()["status"] == "READY"  # auto-dial: back to READY …
    assert centre.phones.dialled[-1] == "3125552002"  # … and at once on the next lead
    statuses = centre.rows("vicidial_log", "lead_id", "status", "user",
                           order_by="call_date,lead_id")  # fmt: skip
    assert statuses == [
        {"lead_id": ids[0], "status": "B", "user": "VDAD"},
        {"lead_id": ids[1], "status": "SALE", "user": "1000"},
        {"lead_id": ids[2], "status": "INCALL", "user": "VDAD"},  # still ringing
    ]


def test_a_session_leadgate_did_not_start_is_left_alone(centre: CallCentre) -> None:
    """A VICIdial agent screen's session keeps its commands for the screen."""
    centre.seed.user(**{"user": "2000", "pass": "1234", "user_level": 1,
                        "vdc_agent_api_access": "0"})  # fmt: skip
    with centre.db.transaction() as conn:
        conn.execute(insert(vicidial_live_agents).values(
            user="2000", server_ip="10.0.0.1", status="PAUSED", lead_id=0,
            campaign_id="TESTCAMP", closer_campaigns=""))  # fmt: skip
    centre.api("external_pause", agent_user="2000", value="RESUME")
    centre.tick(5)
    live = centre.live("2000")
    assert live["status"] == "PAUSED"
    assert live["external_pause"].startswith("RESUME!")
    with centre.db.unit_of_work(centre.clock()) as uow:
        assert sessions.logout(uow, "2000").refusal is LogoutRefusal.NOT_LEADGATE_SESSION


def test_one_engine_at_a_time_drives_a_session_and_a_dead_ones_are_taken_over(
    centre: CallCentre,
) -> None:
    centre.agent("1000")
    other = SessionEngine(centre.db, centre.phones, clock=centre.clock, engine_id="engine-b",
                          lease_seconds=10)  # fmt: skip
    assert centre.engine.tick() == 1
    assert other.tick() == 0  # engine-a holds the lease
    centre.api("external_pause", value="RESUME")
    other.tick()
    assert centre.live()["external_pause"] != ""  # engine-b did not touch it
    centre.clock.advance(11)  # engine-a died: its lease runs out
    assert other.tick() == 1
    assert centre.live()["status"] == "READY"
    assert centre.engine.tick() == 0


def test_answer_and_disposition_queue_the_campaign_call_urls(
    centre: CallCentre, db: Database
) -> None:
    from leadgate.domain import webhooks_queue

    db.add_event_consumer(webhooks_queue.consume)
    centre.seed.execute(
        "UPDATE vicidial_campaigns SET start_call_url = :start, dispo_call_url = :dispo "
        "WHERE campaign_id = 'TESTCAMP'",
        start="VARhttp://crm.example/start?lead=--A--lead_id--B--&agent=--A--user--B--",
        dispo="http://crm.example/dispo?lead=--A--lead_id--B--&st=--A--dispo--B--"
        "&tt=--A--talk_time--B--&name=--A--first_name--B--",
    )
    lead_id = centre.seed.lead(phone_number="3125551111", list_id=101, first_name="Mary Ann")
    centre.agent("1000")
    centre.phones.script = [_answered(ring=5, talk=600)]
    centre.api("external_dial", value="3125551111", phone_code="1", search="YES", preview="NO",
               focus="YES")  # fmt: skip
    centre.tick(0)
    centre.tick(5)  # answered: start URL
    centre.tick(214)
    centre.api("external_status", value="SALE")
    centre.tick(0)
    queued = centre.rows("leadgate_webhook_outbox", "url_type", "url", order_by="outbox_id")
    assert queued == [
        {"url_type": "start", "url": f"http://crm.example/start?lead={lead_id}&agent=1000"},
        {"url_type": "dispo",
         "url": f"http://crm.example/dispo?lead={lead_id}&st=SALE&tt=214&name=Mary+Ann"},
    ]  # fmt: skip


def _write_live(centre: CallCentre, user: str = "1000", **values: Any) -> None:
    """What an Agent API function wrote (its exact strings are checked by conformance)."""
    from sqlalchemy import update

    with centre.db.transaction() as conn:
        conn.execute(update(vicidial_live_agents)
                     .where(vicidial_live_agents.c.user == user).values(**values))  # fmt: skip


def test_in_group_changes_and_screen_only_commands_are_applied(centre: CallCentre) -> None:
    centre.agent("1000")
    _write_live(centre, external_ingroups=" SALESQ SUPPORTQ -", manager_ingroup_set="SET",
                external_park="PARK_CUSTOMER", external_update_fields="1")  # fmt: skip
    centre.tick(1)
    live = centre.live()
    assert live["closer_campaigns"] == " SALESQ SUPPORTQ -"
    assert (live["manager_ingroup_set"], live["external_park"]) == ("N", "")
    assert live["external_update_fields"] == "0"


def test_a_blind_transfer_takes_the_agent_off_the_call(centre: CallCentre) -> None:
    lead_id = centre.seed.lead(phone_number="3125551111", list_id=101)
    centre.agent("1000")
    centre.phones.script = [_answered(ring=1, talk=600)]
    centre.api("external_dial", value="3125551111", phone_code="1", search="YES", preview="NO",
               focus="YES")  # fmt: skip
    centre.tick(0)
    centre.tick(1)
    centre.tick(30)
    _write_live(centre, external_transferconf="BLIND_TRANSFER---8600051---XFERQ")
    centre.tick(0)
    assert centre.rows("vicidial_auto_calls") == []
    assert centre.rows("vicidial_log", "length_in_sec") == [{"length_in_sec": 30}]
    assert centre.live()["lead_id"] == lead_id  # the agent dispositions next
    assert centre.live()["external_transferconf"] == ""


def test_a_preview_action_dials_nothing(centre: CallCentre) -> None:
    centre.agent("1000")
    _write_live(centre, external_dial="SKIP")
    centre.tick(0)
    assert centre.phones.dialled == []
    assert centre.rows("vicidial_list") == []
    assert centre.live()["external_dial"] == ""

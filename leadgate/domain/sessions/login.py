"""Agent sessions leadgate starts and ends: the rows VICIdial's agent screen writes at login
and logout (vicidial_live_agents, vicidial_agent_log, vicidial_user_log, vicidial_sessions_recent,
vicidial_conferences, vicidial_campaign_agents), plus leadgate's own session row that lets its
session engine drive the session (domain/sessions/engine.py).

A new session starts PAUSED, as in VICIdial.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

from leadgate.domain.events import AgentSessionChanged
from leadgate.storage import sessions as store
from leadgate.storage.unit_of_work import UnitOfWork

SERVER_IP = "127.0.0.1"  # the "server" of a standalone leadgate


class LoginRefusal(Enum):
    NO_SUCH_USER = "no such user"
    USER_INACTIVE = "user inactive"
    NO_SUCH_CAMPAIGN = "no such campaign"
    CAMPAIGN_INACTIVE = "campaign inactive"
    ALREADY_LOGGED_IN = "already logged in"


@dataclass(frozen=True)
class LoginRequest:
    user: str
    campaign_id: str
    ingroups: tuple[str, ...] = ()
    phone_login: str = ""


@dataclass(frozen=True)
class LoginOutcome:
    refusal: LoginRefusal | None = None
    session_id: str = ""
    agent_log_id: int = 0


class LogoutRefusal(Enum):
    NOT_LOGGED_IN = "not logged in"
    NOT_LEADGATE_SESSION = "session not started by leadgate"


@dataclass(frozen=True)
class LogoutOutcome:
    refusal: LogoutRefusal | None = None


@dataclass(frozen=True)
class SessionInfo:
    user: str
    campaign_id: str
    status: str
    lead_id: int
    session_id: str
    call_state: str
    engine_id: str
    driven_by_leadgate: bool


def login(uow: UnitOfWork, request: LoginRequest) -> LoginOutcome:
    conn, now = uow.conn, uow.now
    uow.lock([f"agent-session:{request.user}"])
    user = store.user_row(conn, request.user)
    if user is None:
        return LoginOutcome(LoginRefusal.NO_SUCH_USER)
    if user["active"] != "Y":
        return LoginOutcome(LoginRefusal.USER_INACTIVE)
    campaign = store.campaign_row(conn, request.campaign_id)
    if campaign is None:
        return LoginOutcome(LoginRefusal.NO_SUCH_CAMPAIGN)
    if campaign["active"] != "Y":
        return LoginOutcome(LoginRefusal.CAMPAIGN_INACTIVE)
    if store.live_row(conn, request.user) is not None:
        return LoginOutcome(LoginRefusal.ALREADY_LOGGED_IN)
    uow.lock(["agent-session-ids"])
    session_id = _new_session_id(uow)
    phone = request.phone_login or f"leadgate{request.user}"
    extension = f"SIP/{phone}"
    epoch = int(now.timestamp())
    user_group = str(user["user_group"] or "")
    agent_log_id = store.add_agent_log(
        conn,
        {
            "user": request.user, "server_ip": SERVER_IP, "event_time": now, "lead_id": 0,
            "campaign_id": request.campaign_id, "pause_epoch": epoch, "pause_sec": 0,
            "wait_epoch": epoch, "wait_sec": 0, "talk_epoch": epoch, "talk_sec": 0,
            "dispo_epoch": epoch, "dispo_sec": 0, "status": None, "user_group": user_group,
            "sub_status": "LOGIN", "pause_type": "AGENT",
        },
    )  # fmt: skip
    closer_campaigns = (" " + " ".join(request.ingroups) + " -") if request.ingroups else ""
    autodial = "Y" if is_auto_dial(campaign) else "N"
    store.add_live_row(
        conn,
        {
            "user": request.user, "server_ip": SERVER_IP, "conf_exten": session_id,
            "extension": extension, "status": "PAUSED", "lead_id": 0,
            "campaign_id": request.campaign_id, "uniqueid": "", "callerid": "", "channel": "",
            "random_id": epoch % 10_000_000, "last_call_time": now, "last_update_time": now,
            "last_call_finish": now, "closer_campaigns": closer_campaigns,
            "user_level": int(user["user_level"] or 0), "campaign_weight": 0, "calls_today": 0,
            "agent_log_id": agent_log_id, "last_state_change": now,
            "outbound_autodial": autodial, "on_hook_agent": "N", "pause_code": "LOGIN",
        },
    )  # fmt: skip
    store.add_user_log(
        conn,
        {
            "user": request.user, "event": "LOGIN", "campaign_id": request.campaign_id,
            "event_date": now, "event_epoch": epoch, "user_group": user_group,
            "session_id": session_id, "server_ip": SERVER_IP, "extension": extension,
            "computer_ip": "", "browser": "leadgate", "data": "", "phone_login": phone,
            "server_phone": phone, "phone_ip": "",
        },
    )  # fmt: skip
    store.add_recent_session(
        conn,
        {"lead_id": 0, "server_ip": SERVER_IP, "call_date": now, "user": request.user,
         "campaign_id": request.campaign_id, "conf_exten": session_id, "call_type": "LOGIN"},
    )  # fmt: skip
    store.set_conference_extension(conn, session_id, extension)
    store.ensure_campaign_agent(conn, request.user, request.campaign_id)
    store.add_session(
        conn,
        {
            "user": request.user, "campaign_id": request.campaign_id, "phone_login": phone,
            "session_id": session_id, "engine_id": "", "lease_until": None,
            "logged_in_at": now, "call_state": "", "state_since_epoch": now.timestamp(),
        },
    )  # fmt: skip
    uow.emit(AgentSessionChanged(request.user, request.campaign_id, "LOGIN"))
    return LoginOutcome(session_id=session_id, agent_log_id=agent_log_id)


def logout(uow: UnitOfWork, user: str) -> LogoutOutcome:
    """End a session leadgate started (a VICIdial screen's session is its owner's to end)."""
    conn = uow.conn
    uow.lock([f"agent-session:{user}"])
    live = store.live_row(conn, user)
    ours = store.session(conn, user)
    if live is None:
        if ours is not None:
            store.remove_session(conn, user)  # the live row is gone: forget the session too
        return LogoutOutcome(LogoutRefusal.NOT_LOGGED_IN)
    if ours is None:
        return LogoutOutcome(LogoutRefusal.NOT_LEADGATE_SESSION)
    end_session(uow, live)
    return LogoutOutcome()


def end_session(uow: UnitOfWork, live: dict[str, Any]) -> None:
    """The logout rows: close the open agent-log row, LOGOUT in the user log, free the
    conference, remove the live row and leadgate's session row."""
    conn, now = uow.conn, uow.now
    user = str(live["user"])
    epoch = int(now.timestamp())
    agent_log_id = int(live.get("agent_log_id") or 0)
    row = store.agent_log_row(conn, agent_log_id) if agent_log_id else None
    if row is not None and live["status"] == "PAUSED":
        pause_epoch = int(row["pause_epoch"] or epoch)
        store.update_agent_log(conn, agent_log_id, {"pause_sec": max(0, epoch - pause_epoch)})
    elif row is not None and live["status"] in ("READY", "CLOSER"):
        wait_epoch = int(row["wait_epoch"] or epoch)
        store.update_agent_log(conn, agent_log_id, {"wait_sec": max(0, epoch - wait_epoch)})
    user_row = store.user_row(conn, user) or {}
    store.add_user_log(
        conn,
        {
            "user": user, "event": "LOGOUT", "campaign_id": live["campaign_id"],
            "event_date": now, "event_epoch": epoch,
            "user_group": str(user_row.get("user_group") or ""),
            "session_id": live["conf_exten"], "server_ip": SERVER_IP,
            "extension": live["extension"], "computer_ip": "", "browser": "leadgate", "data": "",
        },
    )  # fmt: skip
    store.set_conference_extension(conn, str(live["conf_exten"] or ""), "")
    store.remove_live_row(conn, user)
    store.remove_session(conn, user)
    uow.emit(AgentSessionChanged(user, str(live["campaign_id"] or ""), "LOGOUT"))


def list_sessions(uow: UnitOfWork) -> list[SessionInfo]:
    conn = uow.conn
    result = []
    for ours in store.sessions(conn):
        live = store.live_row(conn, ours["user"]) or {}
        result.append(
            SessionInfo(
                user=str(ours["user"]), campaign_id=str(ours["campaign_id"]),
                status=str(live.get("status") or "GONE"), lead_id=int(live.get("lead_id") or 0),
                session_id=str(ours["session_id"] or ""), call_state=str(ours["call_state"] or ""),
                engine_id=str(ours["engine_id"] or ""), driven_by_leadgate=True,
            )
        )  # fmt: skip
    return result


def is_auto_dial(campaign: dict[str, Any]) -> bool:
    """RATIO and ADAPT_* campaigns dial by themselves; MANUAL and INBOUND_MAN do not."""
    method = str(campaign.get("dial_method") or "MANUAL").upper()
    return method == "RATIO" or method.startswith("ADAPT")


def _new_session_id(uow: UnitOfWork) -> str:
    """A free vicidial_conferences session, or the next number from 8600051 up."""
    taken = store.session_ids_in_use(uow.conn)
    free = store.free_conference(uow.conn, taken)
    if free is not None:
        return free
    number = store.FIRST_SESSION_ID
    while str(number) in taken:
        number += 1
    return str(number)

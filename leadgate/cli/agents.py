"""`leadgate agent …`: agent sessions leadgate starts, ends and drives (issue 11)."""

from __future__ import annotations

import time
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from leadgate.cli.common import DbOption, fail, open_database
from leadgate.domain import clock
from leadgate.domain.sessions import login as sessions
from leadgate.domain.sessions.login import LoginRefusal, LogoutRefusal
from leadgate.settings import load_settings
from leadgate.workers.session_engine import SessionEngine, simulator_from

app = typer.Typer(help="Agent sessions (vicidial_live_agents).", no_args_is_help=True)
console = Console()

User = Annotated[str, typer.Argument(help="The agent's user name.", show_default=False)]

LOGIN_REFUSALS = {
    LoginRefusal.NO_SUCH_USER: "no such user",
    LoginRefusal.USER_INACTIVE: "the user is not active",
    LoginRefusal.NO_SUCH_CAMPAIGN: "no such campaign",
    LoginRefusal.CAMPAIGN_INACTIVE: "the campaign is not active",
    LoginRefusal.ALREADY_LOGGED_IN: "the agent is already logged in",
}
LOGOUT_REFUSALS = {
    LogoutRefusal.NOT_LOGGED_IN: "the agent is not logged in",
    LogoutRefusal.NOT_LEADGATE_SESSION: (
        "that session was not started by leadgate (a VICIdial agent screen owns it)"
    ),
}


@app.command("login")
def login(
    user: User,
    campaign: Annotated[str, typer.Option("--campaign", help="Campaign to log in to.")],
    ingroups: Annotated[str, typer.Option("--ingroups", help="In-groups, comma-separated.")] = "",
    phone_login: Annotated[str, typer.Option("--phone-login", help="Phone login.")] = "",
    db: DbOption = None,
) -> None:
    """Log an agent in to a campaign. The session starts PAUSED, as in VICIdial."""
    request = sessions.LoginRequest(
        user=user, campaign_id=campaign, phone_login=phone_login,
        ingroups=tuple(group for group in ingroups.split(",") if group),
    )  # fmt: skip
    with open_database(db).unit_of_work(clock.now()) as uow:
        outcome = sessions.login(uow, request)
    if outcome.refusal is not None:
        fail(f"{user}: {LOGIN_REFUSALS[outcome.refusal]}")
    console.print(f"{user} logged in to {campaign}, session {outcome.session_id}, PAUSED")


@app.command("logout")
def logout(user: User, db: DbOption = None) -> None:
    """Log out an agent whose session leadgate started."""
    with open_database(db).unit_of_work(clock.now()) as uow:
        outcome = sessions.logout(uow, user)
    if outcome.refusal is not None:
        fail(f"{user}: {LOGOUT_REFUSALS[outcome.refusal]}")
    console.print(f"{user} logged out")


@app.command("list")
def list_sessions(db: DbOption = None) -> None:
    """The sessions leadgate started, with their state."""
    with open_database(db).unit_of_work(clock.now()) as uow:
        rows = sessions.list_sessions(uow)
    table = Table("user", "campaign", "status", "lead", "session", "call", "engine")
    for row in rows:
        table.add_row(row.user, row.campaign_id, row.status, str(row.lead_id or ""),
                      row.session_id, row.call_state, row.engine_id)  # fmt: skip
    console.print(table)


@app.command("engine")
def engine(
    db: DbOption = None,
    seconds: Annotated[float, typer.Option(help="Stop after this many seconds (0 = never).")] = 0,
) -> None:
    """Run the session engine on its own (the simulator), without the HTTP server."""
    settings = load_settings(db_url=db)
    session_engine = SessionEngine(open_database(db), simulator_from(settings),
                                   tick_seconds=settings.engine_tick_seconds)  # fmt: skip
    console.print(f"session engine {session_engine.context.engine_id} running")
    session_engine.start()
    try:
        if seconds > 0:
            time.sleep(seconds)
        else:
            while True:
                time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        session_engine.stop()

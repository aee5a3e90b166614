"""`leadgate report …`: the agent views and call reports as tables, from the same domain
operations the Non-Agent API uses (domain/reports.py). The operator sees every campaign and
user group (no API user-group scope)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import Annotated, TypeVar

import typer
from rich.console import Console
from rich.table import Table

from leadgate.cli.common import DbOption, fail, open_database
from leadgate.domain import clock, reports
from leadgate.domain.reports import AgentStatusProblem, Scope
from leadgate.storage.unit_of_work import UnitOfWork

app = typer.Typer(help="Agent views and call reports as tables.", no_args_is_help=True)
console = Console()
EVERYTHING = Scope(campaigns=None, groups=None)
T = TypeVar("T")

From = Annotated[str, typer.Option("--from", help="Start: YYYY-MM-DD or 'YYYY-MM-DD HH:MM:SS'.")]
To = Annotated[str | None, typer.Option("--to", help="End (default: the end of the --from day).")]
Campaigns = Annotated[
    str | None, typer.Option("--campaigns", help="Campaign ids, comma-separated.")
]


@contextmanager
def _unit(db: str | None) -> Iterator[UnitOfWork]:
    with open_database(db).transaction() as conn:
        yield UnitOfWork(conn=conn, now=clock.now())


def _run(db: str | None, operation: Callable[[UnitOfWork], T]) -> T:
    with _unit(db) as uow:
        return operation(uow)


def _moment(text: str, *, end: bool = False) -> datetime:
    for pattern in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d"):
        try:
            moment = datetime.strptime(text.strip(), pattern)
        except ValueError:
            continue
        if pattern == "%Y-%m-%d" and end:
            moment = moment.replace(hour=23, minute=59, second=59)
        return moment
    fail(f"not a date: {text!r} (use YYYY-MM-DD or 'YYYY-MM-DD HH:MM:SS')")


def _range(start: str, end: str | None) -> tuple[datetime, datetime]:
    first = _moment(start)
    last = _moment(end if end is not None else start, end=True)
    if last < first:
        fail("--to is before --from")
    return first, last


def _ids(text: str | None) -> tuple[str, ...] | None:
    if text is None:
        return None
    ids = tuple(part.strip() for part in text.split(",") if part.strip())
    return ids or None


def _table(title: str, columns: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    if not rows:
        console.print(f"{title}: nothing found")
        return
    table = Table(title=title)
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*(str(value) for value in row))
    console.print(table)


def _hms(seconds: int) -> str:
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


@app.command("agents")
def agents(
    db: DbOption = None,
    campaigns: Campaigns = None,
    groups: Annotated[
        str | None, typer.Option("--groups", help="User groups, comma-separated.")
    ] = None,
) -> None:
    """Logged-in agents (logged_in_agents), with their real-time sub status."""
    _, found = _run(db, lambda uow: reports.logged_in_agents(
        uow, EVERYTHING, campaigns=_ids(campaigns), user_groups=_ids(groups), with_sub_status=True
    ))  # fmt: skip
    _table(
        "Logged-in agents",
        ("user", "name", "group", "campaign", "status", "sub status", "pause code", "lead",
         "calls today", "session"),
        [(a.user, a.full_name, a.user_group, a.campaign_id, a.status, a.sub_status, a.pause_code,
          a.lead_id, a.calls_today, a.session_id) for a in found],
    )  # fmt: skip


@app.command("agent")
def agent(
    agent_user: Annotated[str, typer.Argument(help="The agent's user id.", show_default=False)],
    db: DbOption = None,
) -> None:
    """One agent: live status (agent_status) and today's totals (agent_stats)."""

    def both(uow: UnitOfWork) -> tuple[object, reports.AgentStats | None]:
        return (reports.agent_status(uow, EVERYTHING, agent_user, with_ip=False),
                reports.agent_stats(uow, EVERYTHING, agent_user))  # fmt: skip

    status, stats = _run(db, both)
    if stats is None:
        fail(f"no user {agent_user!r}")
    rows: list[tuple[str, object]] = [
        ("user", stats.agent_user), ("name", stats.full_name), ("group", stats.user_group),
        ("status", stats.status), ("campaign", stats.campaign_id),
    ]  # fmt: skip
    if isinstance(status, reports.AgentStatus):
        rows += [("sub status", status.agent.sub_status), ("lead", status.agent.lead_id),
                 ("phone", status.phone_number)]  # fmt: skip
    elif status is AgentStatusProblem.NOT_LOGGED_IN:
        rows.append(("sub status", "not logged in"))
    rows += [
        ("calls today", stats.calls_today), ("talk", _hms(stats.talk_sec)),
        ("pause", _hms(stats.pause_sec)), ("wait", _hms(stats.wait_sec)),
        ("dispo", _hms(stats.dispo_sec)), ("first login", stats.first_login or "-"),
        ("last logout", stats.last_logout or "-"),
    ]  # fmt: skip
    _table(f"Agent {agent_user}", ("", "value"), rows)


@app.command("campaign")
def campaign(
    campaign_id: Annotated[str, typer.Argument(help="Campaign id.", show_default=False)],
    db: DbOption = None,
) -> None:
    """A campaign's live floor and today's calls (campaign_stats)."""
    stats = _run(db, lambda uow: reports.campaign_stats(uow, EVERYTHING, campaign_id))
    if stats is None:
        fail(f"no campaign {campaign_id!r}")
    _table(f"Campaign {campaign_id}", ("", "value"), [
        ("active", stats.active), ("dial method", stats.dial_method),
        ("dial level", stats.dial_level), ("calls today", stats.calls_today),
        ("agents logged in", stats.agents_logged_in), ("in call", stats.agents_incall),
        ("ready", stats.agents_ready), ("paused", stats.agents_paused),
        ("dead calls", stats.agents_dead), ("calls waiting", stats.calls_waiting),
        ("hopper", stats.hopper_count), ("drop rate %", f"{stats.drop_rate:.2f}"),
    ])  # fmt: skip


@app.command("agent-stats")
def agent_stats(
    start: From, end: To = None, db: DbOption = None,
    agent_user: Annotated[str | None, typer.Option("--agent", help="Only this agent.")] = None,
    campaign_id: Annotated[str | None, typer.Option("--campaign", help="Only this campaign.")] = None,
    by_campaign: Annotated[bool, typer.Option("--by-campaign", help="One row per campaign.")] = False,
) -> None:  # fmt: skip
    """Agent time sums over a period (agent_stats_export)."""
    first, last = _range(start, end)
    query = reports.AgentStatsQuery(first, last, agent_user, campaign_id, by_campaign)
    total_calls, found = _run(db, lambda uow: reports.agent_stats_export(uow, query))
    _table(
        f"Agent time {first} – {last} ({total_calls} calls)",
        ("campaign", "user", "name", "group", "calls", "login", "talk", "pause", "wait",
         "dispo", "dead", "sessions", "pauses"),
        [(a.campaign_id if by_campaign else "*", a.user, a.full_name, a.user_group, a.calls,
          _hms(a.login_sec), _hms(a.talk_sec), _hms(a.pause_sec), _hms(a.wait_sec),
          _hms(a.dispo_sec), _hms(a.dead_sec), max(a.sessions, 1), a.pauses) for a in found],
    )  # fmt: skip


@app.command("call-status")
def call_status(
    start: From, end: To = None, db: DbOption = None, campaigns: Campaigns = None,
    ingroups: Annotated[str | None, typer.Option("--ingroups", help="In-groups, comma-separated.")] = None,
) -> None:  # fmt: skip
    """Calls per campaign and in-group by status (call_status_stats); all campaigns by default."""
    first, last = _range(start, end)
    query = reports.CallStatsQuery(
        first, last, _ids(campaigns) or ("ALLCAMPAIGNS",), _ids(ingroups), None
    )
    found = _run(db, lambda uow: reports.call_status_stats(uow, query))
    _table(
        f"Calls {first} – {last}", ("campaign / in-group", "calls", "human answered", "by status"),
        [(s.campaign_id, s.calls, s.human_answered,
          ", ".join(f"{k} {v}" for k, v in (s.by_status or {}).items())) for s in found],
    )  # fmt: skip


@app.command("dispositions")
def dispositions(
    start: From, end: To = None, db: DbOption = None, campaigns: Campaigns = None,
    ingroups: Annotated[str | None, typer.Option("--ingroups", help="In-groups, comma-separated.")] = None,
) -> None:  # fmt: skip
    """Calls per campaign / in-group and disposition (call_dispo_report)."""
    first, last = _range(start, end)
    if campaigns is None and ingroups is None:
        campaigns = "ALLCAMPAIGNS"
    query = reports.DispoQuery(
        start=first, end=last, campaigns="-".join(_ids(campaigns) or ()),
        ingroups="-".join(_ids(ingroups) or ()), breakdown=True,
    )  # fmt: skip
    report = _run(db, lambda uow: reports.call_dispo_report(uow, query))
    statuses = sorted(dict.fromkeys(report.header_statuses), key=reports.natural_key)
    rows = [(r.key, r.calls, *r.by_status) for r in (*report.rows, report.total)]
    _table(f"Dispositions {first} – {last}", ("campaign", "calls", *statuses), rows)


@app.command("phone")
def phone(
    phone_number: Annotated[str, typer.Argument(help="Phone number(s), comma-separated.")],
    db: DbOption = None,
    direction: Annotated[str, typer.Option("--direction", help="out, in or all.")] = "all",
) -> None:
    """The calls of a phone number (phone_number_log)."""
    try:
        way = reports.CallDirection(direction.upper())
    except ValueError:
        fail("--direction must be out, in or all")
    numbers = [n for n in (_ids(phone_number) or ()) if len(n) > 3]
    if not numbers:
        fail("give a phone number of 4 or more digits")
    _, _, calls = _run(db, lambda uow: reports.phone_number_log(uow, numbers, way, last_only=False))
    _table(
        "Calls", ("phone", "date", "list", "seconds", "lead status", "hangup", "call status", "user"),
        [(c.phone_number, c.call_date, c.list_id, c.length_in_sec, c.lead_status,
          c.hangup_reason, c.call_status, c.user) for c in calls],
    )  # fmt: skip


@app.command("recordings")
def recordings(
    db: DbOption = None,
    agent_user: Annotated[str, typer.Option("--agent", help="Agent user id.")] = "",
    lead_id: Annotated[str, typer.Option("--lead", help="Lead id.")] = "",
    date: Annotated[str, typer.Option("--date", help="Day, YYYY-MM-DD.")] = "",
) -> None:
    """Recordings by lead, or by agent and day (recording_lookup)."""
    query = reports.RecordingQuery(agent_user=agent_user, lead_id=lead_id, date=date)
    found = _run(db, lambda uow: reports.recording_lookup(uow, query))
    if found is None:
        fail("give --lead, or --agent with --date")
    _table("Recordings", ("start", "user", "id", "lead", "seconds", "location"),
           [(r.start_time, r.user, r.recording_id, r.lead_id, r.seconds, r.location)
            for r in found])  # fmt: skip


@app.command("floor")
def floor(
    db: DbOption = None,
    groups: Annotated[str | None, typer.Option("--user-groups", help="User groups.")] = None,
    ingroups: Annotated[str | None, typer.Option("--ingroups", help="In-groups.")] = None,
) -> None:
    """Agents and waiting calls per user group (user_group_status) or in-group (in_group_status)."""
    if (groups is None) == (ingroups is None):
        fail("give either --user-groups or --ingroups")

    def counts(uow: UnitOfWork) -> reports.StatusCounts:
        if groups is not None:
            return reports.user_group_status(uow, EVERYTHING, _ids(groups) or ("",))
        return reports.in_group_status(uow, EVERYTHING, _ids(ingroups) or ("",))

    c = _run(db, counts)
    _table("Floor", ("", "value"), [
        ("calls waiting", c.calls_waiting), ("agents logged in", c.agents),
        ("in calls", c.in_calls), ("waiting", c.waiting), ("paused", c.paused),
        ("dead", c.dead), ("dispo", c.dispo), ("dialing", c.in_dial),
    ])  # fmt: skip

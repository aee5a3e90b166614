"""`leadgate list …`: lead lists (vicidial_lists). add and update run add_list's and
update_list's operation (domain/list_settings.py) as an all-powerful caller (user CLI)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.table import Table

from leadgate.cli.common import DbOption, err_console, fail, open_database
from leadgate.cli.guard import refusals
from leadgate.cli.wording import invalid_list_id, list_problem
from leadgate.domain import campaigns, clock, list_settings, lists
from leadgate.domain.actor import Actor
from leadgate.domain.list_settings import (
    BLANK,
    COPY_METHODS,
    TZ_METHODS,
    ListActions,
    ListProblem,
    ListSettings,
    UpdateOutcome,
)
from leadgate.storage.unit_of_work import UnitOfWork

app = typer.Typer(help="Lead lists (vicidial_lists).", no_args_is_help=True)
console = Console()

CLI_ACTOR = Actor(user="CLI")
SHOWN = ("list_id", "list_name", "campaign_id", "active", "list_description", "local_call_time",
         "expiration_date", "reset_time", "campaign_cid_override", "agent_script_override",
         "am_message_exten_override", "drop_inbound_group_override", "time_zone_setting",
         "web_form_address", "web_form_address_two", "web_form_address_three",
         "xferconf_a_number", "xferconf_b_number", "xferconf_c_number", "xferconf_d_number",
         "xferconf_e_number", "resets_today", "list_changedate", "list_lastcalldate")  # fmt: skip
CLEARS = " ('' clears it on update)"

ListId = Annotated[str, typer.Argument(help="List id: 2-14 digits.", show_default=False)]
Campaign = Annotated[str | None, typer.Option("--campaign", help="Campaign the list belongs to.")]
Name = Annotated[
    str | None, typer.Option("--name", help="List name (add: 2-30 characters, update: 6-30).")
]
Description = Annotated[str | None, typer.Option(help="List description" + CLEARS + ".")]
Active = Annotated[bool | None, typer.Option("--active/--inactive", help="List active.")]
CallTime = Annotated[
    str | None, typer.Option(help="local_call_time: an existing call time id, or 'campaign'.")
]
Expires = Annotated[
    str | None, typer.Option(help="expiration_date, YYYY-MM-DD" + CLEARS + ": 2099-12-31).")
]
OutboundCid = Annotated[
    str | None, typer.Option(help="campaign_cid_override: caller id, 6-18 digits.")
]
Script = Annotated[str | None, typer.Option(help="agent_script_override: a script id" + CLEARS)]
AmMessage = Annotated[
    str | None, typer.Option(help="am_message_exten_override (100 characters)" + CLEARS + ".")
]
DropInGroup = Annotated[
    str | None, typer.Option(help="drop_inbound_group_override: an in-group id" + CLEARS + ".")
]
WebForm = Annotated[str | None, typer.Option(help="web_form_address URL" + CLEARS + ".")]
WebFormTwo = Annotated[str | None, typer.Option(help="web_form_address_two URL" + CLEARS + ".")]
WebFormThree = Annotated[str | None, typer.Option(help="web_form_address_three URL" + CLEARS + ".")]
ResetTime = Annotated[
    str | None,
    typer.Option(help="reset_time: HHMM times joined by -, e.g. 0800-1300" + CLEARS + "."),
]
TzMethod = Annotated[
    str | None, typer.Option(help=f"time_zone_setting: one of {', '.join(TZ_METHODS)}.")
]


def _xferconf(letter: str) -> str:
    return f"xferconf_{letter}_number (50 characters)" + CLEARS + "."


XferconfA = Annotated[str | None, typer.Option(help=_xferconf("a"))]
XferconfB = Annotated[str | None, typer.Option(help=_xferconf("b"))]
XferconfC = Annotated[str | None, typer.Option(help=_xferconf("c"))]
XferconfD = Annotated[str | None, typer.Option(help=_xferconf("d"))]
XferconfE = Annotated[str | None, typer.Option(help=_xferconf("e"))]
CopyFrom = Annotated[
    str | None, typer.Option(help="Copy the custom fields of this list (custom_fields_copy).")
]
CopyMethod = Annotated[
    str | None, typer.Option(help=f"How to copy them: {', '.join(COPY_METHODS)} (APPEND).")
]


def _settings(
    list_id: str, *, clearing: bool, campaign: str | None, name: str | None,
    description: str | None, active: bool | None, call_time: str | None, expires: str | None,
    outbound_cid: str | None, script: str | None, am_message: str | None,
    drop_inbound_group: str | None, web_form: str | None, web_form_two: str | None,
    web_form_three: str | None, reset_time: str | None, tz_method: str | None,
    xferconf: tuple[str | None, ...], copy_custom_fields_from: str | None,
    copy_method: str | None,
) -> ListSettings:  # fmt: skip
    """The options as add_list/update_list parameters ("" = not given; on update an empty
    option clears the setting where VICIdial's --BLANK-- does)."""

    def clearable(value: str | None) -> str:
        if value is None:
            return ""
        return BLANK if clearing and value == "" else value

    x1, x2, x3, x4, x5 = (clearable(x) for x in xferconf)
    return ListSettings(
        list_id=list_id, list_name=name or "", campaign_id=campaign or "",
        active="" if active is None else "Y" if active else "N", outbound_cid=outbound_cid or "",
        script=clearable(script), am_message=clearable(am_message),
        drop_inbound_group=clearable(drop_inbound_group),
        web_forms=(clearable(web_form), clearable(web_form_two), clearable(web_form_three)),
        reset_time=clearable(reset_time), tz_method=tz_method or "",
        local_call_time=call_time or "", expiration_date=_expiration(expires, clearing),
        xferconf=(x1, x2, x3, x4, x5), list_description=clearable(description),
        custom_fields_copy=copy_custom_fields_from or "", custom_copy_method=copy_method or "",
    )  # fmt: skip


def _expiration(expires: str | None, clearing: bool) -> str:
    if expires is None or (expires == "" and not clearing):
        return ""
    if expires == "":
        return BLANK
    try:
        return date.fromisoformat(expires).isoformat()
    except ValueError:
        fail(f"invalid expiration date {expires!r}: use YYYY-MM-DD")


def _refuse(uow: UnitOfWork, problem: ListProblem, value: str, index: int,
            s: ListSettings) -> NoReturn:  # fmt: skip
    message = list_problem(problem, value, index, s)
    if problem is ListProblem.CAMPAIGN_NOT_FOUND:
        similar = campaigns.similar_campaign(uow.conn, value)
        message += f" (did you mean {similar}?)" if similar else ""
    fail(message)


def _list_number(list_id: str) -> int:
    if not list_settings.valid_list_id(list_id):
        fail(invalid_list_id(list_id))
    return int(list_id)


@app.command("add")
def add(
    list_id: ListId, campaign: Campaign = None, db: DbOption = None, name: Name = None,
    description: Description = None, active: Active = True, call_time: CallTime = None,
    expires: Expires = None, outbound_cid: OutboundCid = None, script: Script = None,
    am_message: AmMessage = None, drop_inbound_group: DropInGroup = None,
    web_form: WebForm = None, web_form_two: WebFormTwo = None,
    web_form_three: WebFormThree = None, reset_time: ResetTime = None,
    tz_method: TzMethod = None, xferconf_one: XferconfA = None, xferconf_two: XferconfB = None,
    xferconf_three: XferconfC = None, xferconf_four: XferconfD = None,
    xferconf_five: XferconfE = None, copy_custom_fields_from: CopyFrom = None,
    copy_method: CopyMethod = None,
) -> None:  # fmt: skip
    """Create a list attached to an existing campaign (add_list)."""
    settings = _settings(
        list_id, clearing=False, campaign=campaign, name=f"List {list_id}" if name is None else name,
        description=description, active=active, call_time=call_time, expires=expires,
        outbound_cid=outbound_cid, script=script, am_message=am_message,
        drop_inbound_group=drop_inbound_group, web_form=web_form, web_form_two=web_form_two,
        web_form_three=web_form_three, reset_time=reset_time, tz_method=tz_method,
        xferconf=(xferconf_one, xferconf_two, xferconf_three, xferconf_four, xferconf_five),
        copy_custom_fields_from=copy_custom_fields_from, copy_method=copy_method,
    )  # fmt: skip
    with refusals(), open_database(db).unit_of_work(clock.now()) as uow:
        outcome = list_settings.add_list(uow, settings, CLI_ACTOR, None, may_modify_fields=True)
        if outcome.problem is not None:
            _refuse(uow, outcome.problem, outcome.value, outcome.index, settings)
    console.print(f"created list [bold]{list_id}[/bold] in campaign [bold]{campaign}[/bold]")
    if outcome.copy is not None:
        console.print(f"copied {outcome.copy.copied} custom fields from list "
                      f"{outcome.copy.source} ({outcome.copy.method})")  # fmt: skip


@app.command("update")
def update(
    list_id: ListId, db: DbOption = None, campaign: Campaign = None, name: Name = None,
    description: Description = None, active: Active = None, call_time: CallTime = None,
    expires: Expires = None, outbound_cid: OutboundCid = None, script: Script = None,
    am_message: AmMessage = None, drop_inbound_group: DropInGroup = None,
    web_form: WebForm = None, web_form_two: WebFormTwo = None,
    web_form_three: WebFormThree = None, reset_time: ResetTime = None,
    tz_method: TzMethod = None, xferconf_one: XferconfA = None, xferconf_two: XferconfB = None,
    xferconf_three: XferconfC = None, xferconf_four: XferconfD = None,
    xferconf_five: XferconfE = None, copy_custom_fields_from: CopyFrom = None,
    copy_method: CopyMethod = None,
    reset: Annotated[
        bool, typer.Option("--reset", help="Reset the list: its leads may be called again.")
    ] = False,
) -> None:  # fmt: skip
    """Change a list's settings, move it to another campaign (its hopper entries of the old
    campaign go), or reset it (update_list)."""
    number = _list_number(list_id)
    settings = _settings(
        list_id, clearing=True, campaign=campaign, name=name, description=description,
        active=active, call_time=call_time, expires=expires, outbound_cid=outbound_cid,
        script=script, am_message=am_message, drop_inbound_group=drop_inbound_group,
        web_form=web_form, web_form_two=web_form_two, web_form_three=web_form_three,
        reset_time=reset_time, tz_method=tz_method,
        xferconf=(xferconf_one, xferconf_two, xferconf_three, xferconf_four, xferconf_five),
        copy_custom_fields_from=copy_custom_fields_from, copy_method=copy_method,
    )  # fmt: skip
    # The CLI may do everything update_list's permission flags guard.
    actions = ListActions(reset_list=reset, may_delete_lists=True, may_delete_leads=True,
                          may_modify_fields=True)  # fmt: skip
    with refusals(), open_database(db).unit_of_work(clock.now()) as uow:
        if settings.custom_fields_copy:
            # update_list copies fields even into a missing list (VICIdial does); not here.
            lists.get_list(uow.conn, number)
        outcome = list_settings.update_list(uow, settings, actions, CLI_ACTOR, None)
        if not outcome.found:
            fail(f"list {number} does not exist")
        if outcome.problem is not None:
            _refuse(uow, outcome.problem, outcome.value, outcome.index, settings)
        if not (outcome.updated or outcome.reset or outcome.copy):
            fail("nothing to change: give at least one option")
    _report_update(number, outcome)


def _report_update(number: int, outcome: UpdateOutcome) -> None:
    """What changed; a reset or copy that could not be done is an error (exit code 1) after
    the changes that were done."""
    problems = []
    if outcome.updated:
        console.print(f"updated list [bold]{number}[/bold]")
    reset = outcome.reset
    if reset is not None and reset.done:
        console.print(f"reset list [bold]{number}[/bold]: {reset.leads} leads may be called "
                      f"again (resets today: {reset.resets_today})")  # fmt: skip
    elif reset is not None:
        problems.append(f"list {number} not reset: daily reset limit reached "
                        f"({reset.resets_today} / {reset.daily_limit})")  # fmt: skip
    copy = outcome.copy
    if copy is not None and copy.problem is not None:
        problems.append(list_problem(copy.problem, copy.source, 0, ListSettings(str(number))))
    elif copy is not None:
        console.print(f"copied {copy.copied} custom fields from list {copy.source} "
                      f"({copy.method})")  # fmt: skip
    if problems:
        for problem in problems[:-1]:
            err_console.print(f"[red]error:[/red] {problem}", highlight=False)
        fail(problems[-1])


@app.command("show")
def show(list_id: ListId, db: DbOption = None) -> None:
    """Show one list."""
    number = _list_number(list_id)
    with refusals(), open_database(db).transaction() as conn:
        row = lists.get_list(conn, number)
    table = Table(show_header=False, title=f"list {number}")
    for column in SHOWN:
        table.add_row(column, _text(row[column]))
    console.print(table)


@app.command("list")
def list_(
    db: DbOption = None,
    campaign: Annotated[
        str | None, typer.Option("--campaign", help="Only this campaign's.")
    ] = None,
) -> None:
    """List every list (or one campaign's)."""
    with refusals(), open_database(db).transaction() as conn:
        rows = lists.all_lists(conn, campaign)
    table = Table("list_id", "list_name", "campaign_id", "active", "expiration_date",
                  title=f"lists ({len(rows)})")  # fmt: skip
    for row in rows:
        table.add_row(*(_text(row[c]) for c in ("list_id", "list_name", "campaign_id", "active",
                                                "expiration_date")))  # fmt: skip
    console.print(table)


@app.command("delete")
def delete(
    list_id: ListId,
    db: DbOption = None,
    with_leads: Annotated[bool, typer.Option("--with-leads", help="Delete its leads too.")] = False,
) -> None:
    """Delete a list (a list that has leads only with --with-leads); update_list's
    delete_list and delete_leads."""
    number = _list_number(list_id)
    with refusals(), open_database(db).unit_of_work(clock.now()) as uow:
        outcome = list_settings.delete_list(uow, number, CLI_ACTOR, with_leads=with_leads)
    if not outcome.found:
        fail(f"list {number} does not exist")
    if not outcome.deleted:
        fail(f"list {number} still has {outcome.leads} leads: use --with-leads to delete them too")
    leads = f" and {outcome.leads} leads" if outcome.leads else ""
    console.print(f"deleted list [bold]{number}[/bold]{leads}")


def _text(value: object) -> str:
    return "" if value is None else str(value)

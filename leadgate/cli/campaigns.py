"""`leadgate campaign …`: campaigns (vicidial_campaigns). update and status run
update_campaign's and campaign_status's operations (domain/campaign_settings.py) as an
all-powerful caller (user CLI); add checks its settings with the same rules."""

from __future__ import annotations

from typing import Annotated

import typer
from rich import box
from rich.console import Console
from rich.measure import Measurement
from rich.table import Table

from leadgate.cli.common import DbOption, fail, open_database
from leadgate.cli.guard import refusals
from leadgate.cli.wording import setting_problem
from leadgate.domain import campaign_settings, campaigns, clock, hopper, system
from leadgate.domain.actor import Actor
from leadgate.domain.campaign_settings import (
    BLANK,
    DIAL_METHODS,
    NO_FILTER,
    SECONDARY_ORDERS,
    CampaignSettings,
    StatusProblem,
)
from leadgate.domain.hopper import BulkInsertRequest, Queueing

app = typer.Typer(help="Campaigns (vicidial_campaigns).", no_args_is_help=True)
console = Console()

CLI_ACTOR = Actor(user="CLI")
SHOWN = ("campaign_id", "campaign_name", "campaign_description", "active", "dial_method",
         "auto_dial_level", "adaptive_maximum_level", "hopper_level", "dial_timeout",
         "campaign_vdad_exten", "campaign_cid", "lead_order", "lead_order_randomize",
         "lead_order_secondary", "lead_filter_id", "dial_statuses", "local_call_time",
         "manual_dial_list_id", "use_internal_dnc", "use_campaign_dnc", "use_other_campaign_dnc",
         "dispo_call_url", "web_form_address", "web_form_address_two", "web_form_address_three",
         "xferconf_a_number", "xferconf_b_number", "xferconf_c_number", "xferconf_d_number",
         "xferconf_e_number", "campaign_changedate")  # fmt: skip
CLEARS = " ('' clears it on update)"

CampaignId = Annotated[
    str, typer.Argument(help="Campaign id: 2-8 letters, digits, - or _.", show_default=False)
]
Name = Annotated[str | None, typer.Option("--name", help="Campaign name (6-40 characters).")]
Description = Annotated[str | None, typer.Option(help="Description" + CLEARS + ".")]
Active = Annotated[bool | None, typer.Option("--active/--inactive", help="Campaign active.")]
CallTime = Annotated[str | None, typer.Option(help="local_call_time: an existing call time id.")]
ManualList = Annotated[
    str | None, typer.Option("--manual-dial-list", help="manual_dial_list_id (digits).")
]
InternalDnc = Annotated[
    str | None, typer.Option("--internal-dnc", help="use_internal_dnc: Y, N or AREACODE.")
]
CampaignDnc = Annotated[
    str | None, typer.Option("--campaign-dnc", help="use_campaign_dnc: Y, N or AREACODE.")
]
OtherDnc = Annotated[
    str | None,
    typer.Option("--other-campaign-dnc",
                 help="use_other_campaign_dnc: also check this campaign's DNC list ('' = none)."),
]  # fmt: skip
DialStatuses = Annotated[
    str | None,
    typer.Option(help="All statuses to dial, e.g. 'NEW CALLBK' or NEW,CALLBK."),
]
AddStatus = Annotated[
    str | None, typer.Option("--add-dial-status", help="Put one status first in dial_statuses.")
]
RemoveStatus = Annotated[
    str | None, typer.Option("--remove-dial-status", help="Take one status out of dial_statuses.")
]
DialLevel = Annotated[
    float | None,
    typer.Option("--dial-level", help="auto_dial_level: 0 up to the system's auto_dial_limit."),
]
DialMethod = Annotated[str | None, typer.Option(help=f"One of {', '.join(DIAL_METHODS)}.")]
AdaptLevel = Annotated[
    str | None, typer.Option(help="adaptive_maximum_level (1-5 characters, e.g. 3.0).")
]
RoutingExten = Annotated[
    str | None,
    typer.Option("--routing-extension", help="campaign_vdad_exten (3-20 characters)."),
]
HopperLevel = Annotated[int | None, typer.Option(help="hopper_level: 1-5000 leads.")]
DialTimeout = Annotated[int | None, typer.Option(help="dial_timeout: 1-120 seconds.")]
OutboundCid = Annotated[str | None, typer.Option(help="campaign_cid: caller id (6-20).")]
LeadFilter = Annotated[
    str | None, typer.Option(help="lead_filter_id: an existing lead filter" + CLEARS + ".")
]


def _xferconf(letter: str) -> str:
    return f"xferconf_{letter}_number (50 characters)" + CLEARS + "."


XferconfA = Annotated[str | None, typer.Option(help=_xferconf("a"))]
XferconfB = Annotated[str | None, typer.Option(help=_xferconf("b"))]
XferconfC = Annotated[str | None, typer.Option(help=_xferconf("c"))]
XferconfD = Annotated[str | None, typer.Option(help=_xferconf("d"))]
XferconfE = Annotated[str | None, typer.Option(help=_xferconf("e"))]
DispoUrl = Annotated[str | None, typer.Option(help="dispo_call_url" + CLEARS + ".")]
WebForm = Annotated[str | None, typer.Option(help="web_form_address URL" + CLEARS + ".")]
WebFormTwo = Annotated[str | None, typer.Option(help="web_form_address_two URL" + CLEARS + ".")]
WebFormThree = Annotated[str | None, typer.Option(help="web_form_address_three URL" + CLEARS + ".")]
ListOrder = Annotated[
    str | None, typer.Option(help="lead_order, e.g. DOWN, UP PHONE, DOWN COUNT 2nd NEW.")
]
Randomize = Annotated[
    bool | None,
    typer.Option("--list-order-randomize/--no-list-order-randomize", help="lead_order_randomize."),
]
SecondaryOrder = Annotated[
    str | None, typer.Option(help=f"lead_order_secondary: {', '.join(SECONDARY_ORDERS)}.")
]


def _settings(
    campaign_id: str, *, clearing: bool, name: str | None, description: str | None,
    active: bool | None, call_time: str | None, manual_dial_list: str | None,
    internal_dnc: str | None, campaign_dnc: str | None, other_campaign_dnc: str | None,
    dial_statuses: str | None, add_dial_status: str | None, remove_dial_status: str | None,
    dial_level: float | None, dial_method: str | None, adaptive_maximum_level: str | None,
    routing_extension: str | None, hopper_level: int | None, dial_timeout: int | None,
    outbound_cid: str | None, lead_filter: str | None, xferconf: tuple[str | None, ...],
    dispo_call_url: str | None, web_forms: tuple[str | None, ...], list_order: str | None,
    list_order_randomize: bool | None, list_order_secondary: str | None,
    reset_hopper: bool = False,
) -> CampaignSettings:  # fmt: skip
    """The options as update_campaign parameters ("" = not given; on update an empty option
    clears the setting where VICIdial's --BLANK-- does)."""

    def clearable(value: str | None) -> str:
        if value is None:
            return ""
        return BLANK if clearing and value == "" else value

    def given(value: object) -> str:
        return "" if value is None else str(value)

    x1, x2, x3, x4, x5 = (clearable(x) for x in xferconf)
    w1, w2, w3 = (clearable(w) for w in web_forms)
    return CampaignSettings(
        campaign_id=campaign_id,
        auto_dial_level="" if dial_level is None else f"{dial_level:g}",
        dial_method=given(dial_method), adaptive_maximum_level=given(adaptive_maximum_level),
        campaign_vdad_exten=given(routing_extension), hopper_level=given(hopper_level),
        dial_timeout=given(dial_timeout), campaign_name=given(name),
        outbound_cid=given(outbound_cid),
        lead_filter_id=NO_FILTER if clearing and lead_filter == "" else given(lead_filter),
        active="" if active is None else "Y" if active else "N", xferconf=(x1, x2, x3, x4, x5),
        dispo_call_url=clearable(dispo_call_url), webforms=(w1, w2, w3),
        list_order=given(list_order),
        list_order_randomize="" if list_order_randomize is None
        else "Y" if list_order_randomize else "N",
        list_order_secondary=given(list_order_secondary),
        dial_status_add=given(add_dial_status), dial_status_remove=given(remove_dial_status),
        reset_hopper=reset_hopper, campaign_description=clearable(description),
        local_call_time=given(call_time), manual_dial_list_id=given(manual_dial_list),
        dnc=(given(internal_dnc), given(campaign_dnc)),
        use_other_campaign_dnc=BLANK if other_campaign_dnc == "" else given(other_campaign_dnc),
        dial_statuses=given(dial_statuses),
    )  # fmt: skip


@app.command("add")
def add(
    campaign_id: CampaignId, db: DbOption = None, name: Name = None,
    description: Description = None, active: Active = True, call_time: CallTime = None,
    manual_dial_list: ManualList = None, internal_dnc: InternalDnc = None,
    campaign_dnc: CampaignDnc = None, other_campaign_dnc: OtherDnc = None,
    dial_statuses: DialStatuses = None, add_dial_status: AddStatus = None,
    remove_dial_status: RemoveStatus = None, dial_level: DialLevel = None,
    dial_method: DialMethod = None, adaptive_maximum_level: AdaptLevel = None,
    routing_extension: RoutingExten = None, hopper_level: HopperLevel = None,
    dial_timeout: DialTimeout = None, outbound_cid: OutboundCid = None,
    lead_filter: LeadFilter = None, xferconf_one: XferconfA = None, xferconf_two: XferconfB = None,
    xferconf_three: XferconfC = None, xferconf_four: XferconfD = None,
    xferconf_five: XferconfE = None, dispo_call_url: DispoUrl = None, web_form: WebForm = None,
    web_form_two: WebFormTwo = None, web_form_three: WebFormThree = None,
    list_order: ListOrder = None, list_order_randomize: Randomize = None,
    list_order_secondary: SecondaryOrder = None,
) -> None:  # fmt: skip
    """Create a campaign (its settings checked as update does)."""
    settings = _settings(
        campaign_id, clearing=False, name=name, description=description, active=active,
        call_time=call_time, manual_dial_list=manual_dial_list, internal_dnc=internal_dnc,
        campaign_dnc=campaign_dnc, other_campaign_dnc=other_campaign_dnc,
        dial_statuses=dial_statuses, add_dial_status=add_dial_status,
        remove_dial_status=remove_dial_status, dial_level=dial_level, dial_method=dial_method,
        adaptive_maximum_level=adaptive_maximum_level, routing_extension=routing_extension,
        hopper_level=hopper_level, dial_timeout=dial_timeout, outbound_cid=outbound_cid,
        lead_filter=lead_filter,
        xferconf=(xferconf_one, xferconf_two, xferconf_three, xferconf_four, xferconf_five),
        dispo_call_url=dispo_call_url, web_forms=(web_form, web_form_two, web_form_three),
        list_order=list_order, list_order_randomize=list_order_randomize,
        list_order_secondary=list_order_secondary,
    )  # fmt: skip
    with refusals(), open_database(db).unit_of_work(clock.now()) as uow:
        outcome = campaign_settings.add_campaign(uow, settings, CLI_ACTOR)
        if outcome.problem is not None:
            fail(setting_problem(outcome))
    console.print(f"created campaign [bold]{campaign_id}[/bold]")


@app.command("update")
def update(
    campaign_id: CampaignId, db: DbOption = None, name: Name = None,
    description: Description = None, active: Active = None, call_time: CallTime = None,
    manual_dial_list: ManualList = None, internal_dnc: InternalDnc = None,
    campaign_dnc: CampaignDnc = None, other_campaign_dnc: OtherDnc = None,
    dial_statuses: DialStatuses = None, add_dial_status: AddStatus = None,
    remove_dial_status: RemoveStatus = None, dial_level: DialLevel = None,
    dial_method: DialMethod = None, adaptive_maximum_level: AdaptLevel = None,
    routing_extension: RoutingExten = None, hopper_level: HopperLevel = None,
    dial_timeout: DialTimeout = None, outbound_cid: OutboundCid = None,
    lead_filter: LeadFilter = None, xferconf_one: XferconfA = None, xferconf_two: XferconfB = None,
    xferconf_three: XferconfC = None, xferconf_four: XferconfD = None,
    xferconf_five: XferconfE = None, dispo_call_url: DispoUrl = None, web_form: WebForm = None,
    web_form_two: WebFormTwo = None, web_form_three: WebFormThree = None,
    list_order: ListOrder = None, list_order_randomize: Randomize = None,
    list_order_secondary: SecondaryOrder = None,
    reset_hopper: Annotated[
        bool, typer.Option("--reset-hopper", help="Empty the campaign's hopper.")
    ] = False,
) -> None:  # fmt: skip
    """Change a campaign's settings, or empty its hopper (update_campaign)."""
    settings = _settings(
        campaign_id, clearing=True, name=name, description=description, active=active,
        call_time=call_time, manual_dial_list=manual_dial_list, internal_dnc=internal_dnc,
        campaign_dnc=campaign_dnc, other_campaign_dnc=other_campaign_dnc,
        dial_statuses=dial_statuses, add_dial_status=add_dial_status,
        remove_dial_status=remove_dial_status, dial_level=dial_level, dial_method=dial_method,
        adaptive_maximum_level=adaptive_maximum_level, routing_extension=routing_extension,
        hopper_level=hopper_level, dial_timeout=dial_timeout, outbound_cid=outbound_cid,
        lead_filter=lead_filter,
        xferconf=(xferconf_one, xferconf_two, xferconf_three, xferconf_four, xferconf_five),
        dispo_call_url=dispo_call_url, web_forms=(web_form, web_form_two, web_form_three),
        list_order=list_order, list_order_randomize=list_order_randomize,
        list_order_secondary=list_order_secondary, reset_hopper=reset_hopper,
    )  # fmt: skip
    with refusals(), open_database(db).unit_of_work(clock.now()) as uow:
        outcome = campaign_settings.update_settings(uow, settings, CLI_ACTOR, None)
        if not outcome.found:
            similar = campaigns.similar_campaign(uow.conn, campaign_id)
            hint = f" (did you mean {similar}?)" if similar else ""
            fail(f"campaign {campaign_id} does not exist{hint}")
        if outcome.problem is not None:
            fail(setting_problem(outcome))
        if not outcome.updated and outcome.hopper_rows is None:
            fail("nothing to change: give at least one option")
    if outcome.updated:
        console.print(f"updated campaign [bold]{campaign_id}[/bold]")
    if outcome.hopper_rows is not None:
        console.print(f"emptied the hopper of [bold]{campaign_id}[/bold]: "
                      f"{outcome.hopper_rows} leads removed")  # fmt: skip


@app.command("status")
def status(
    campaign_id: CampaignId,
    value: Annotated[
        str | None,
        typer.Argument(help="start, stop or pause (pause = stop: active N); none: show it.",
                       show_default=False),
    ] = None,
    db: DbOption = None,
) -> None:  # fmt: skip
    """Show, start or stop a campaign (campaign_status)."""
    with refusals(), open_database(db).unit_of_work(clock.now()) as uow:
        outcome = campaign_settings.set_campaign_status(uow, campaign_id, value or "", CLI_ACTOR,
                                                        None)  # fmt: skip
        if outcome.problem is StatusProblem.BAD_VALUE:
            fail(f"invalid status {value!r}: start, stop or pause")
        if outcome.problem is StatusProblem.NOT_FOUND:
            similar = campaigns.similar_campaign(uow.conn, campaign_id)
            hint = f" (did you mean {similar}?)" if similar else ""
            fail(f"campaign {campaign_id} does not exist{hint}")
    state = {"Y": "active", "N": "inactive"}
    if not value:
        console.print(f"campaign [bold]{campaign_id}[/bold] is {state.get(outcome.before, '?')}")
        return
    console.print(f"campaign [bold]{campaign_id}[/bold]: {state.get(outcome.before, '?')} -> "
                  f"{state[outcome.after]}")  # fmt: skip


@app.command("show")
def show(campaign_id: CampaignId, db: DbOption = None) -> None:
    """Show one campaign and the lists attached to it."""
    with refusals(), open_database(db).transaction() as conn:
        campaign, lists = campaigns.campaign_with_lists(conn, campaign_id)
    settings = Table(show_header=False, title=f"campaign {campaign_id}")
    for column in SHOWN:
        settings.add_row(column, "" if campaign[column] is None else str(campaign[column]))
    console.print(settings)
    attached = Table("list_id", "list_name", "active", "expiration_date",
                     title=f"lists of {campaign_id} ({len(lists)})")  # fmt: skip
    for row in lists:
        attached.add_row(str(row["list_id"]), str(row["list_name"] or ""),
                         str(row["active"] or ""), str(row["expiration_date"] or ""))  # fmt: skip
    console.print(attached)


@app.command("list")
def list_(db: DbOption = None) -> None:
    """List every campaign."""
    with refusals(), open_database(db).transaction() as conn:
        rows = campaigns.all_campaigns(conn)
    table = Table("campaign_id", "campaign_name", "active", "local_call_time",
                  "use_internal_dnc", "use_campaign_dnc", title=f"campaigns ({len(rows)})")  # fmt: skip
    for row in rows:
        table.add_row(*("" if row[c] is None else str(row[c]) for c in (
            "campaign_id", "campaign_name", "active", "local_call_time", "use_internal_dnc",
            "use_campaign_dnc")))  # fmt: skip
    console.print(table)


@app.command("delete")
def delete(campaign_id: CampaignId, db: DbOption = None) -> None:
    """Delete a campaign that has no list left."""
    with refusals(), open_database(db).unit_of_work(clock.now()) as uow:
        campaigns.delete_campaign(uow, campaign_id, CLI_ACTOR)
    console.print(f"deleted campaign [bold]{campaign_id}[/bold]")


# -- the hopper ---------------------------------------------------------------------------------

HOPPER_COLUMNS = ("order", "priority", "lead_id", "list_id", "phone_number", "phone_code",
                  "state", "status", "count", "gmt_offset", "rank", "alt", "source",
                  "vendor_lead_code", "source_id", "age_days", "last_call")  # fmt: skip
# How the CLI names what happened to each lead of `hopper-insert`.
_QUEUEING_WORDS = {
    Queueing.ADDED: "queued",
    Queueing.ALREADY_QUEUED: "already in a hopper",
    Queueing.NO_CAMPAIGN: "its list has no campaign",
    Queueing.OUTSIDE_CALL_TIME: "outside its local call time",
    Queueing.NOT_FOUND: "not a lead of this campaign's lists",
}
LeadIds = Annotated[list[str], typer.Argument(help="Lead ids (digits).", show_default=False)]
Priority = Annotated[
    int,
    typer.Option("--priority", min=-99, max=99, help="Dial priority, -99 to 99 (higher first)."),
]
CheckCallTime = Annotated[
    bool,
    typer.Option("--check-call-time/--no-check-call-time",
                 help="Queue only leads inside their local call time now."),
]  # fmt: skip


@app.command("hopper")
def hopper_(campaign_id: CampaignId, db: DbOption = None) -> None:
    """Show the campaign's hopper: its READY leads in dial order (as hopper_list)."""
    now = clock.now()
    with refusals(), open_database(db).transaction() as conn:
        campaigns.require_campaign(conn, campaign_id)
        server_gmt = system.server_clock(conn, now).tz_now_hours
        entries = hopper.ready_entries(conn, campaign_id, None, now=now, server_gmt=server_gmt)
    table = Table(*HOPPER_COLUMNS, title=f"hopper of {campaign_id} ({len(entries)} ready)",
                  box=box.SIMPLE_HEAD, padding=0)  # fmt: skip
    for order, entry in enumerate(entries):
        last_call = "never" if entry.last_call is None else (
            f"{entry.last_call[0]} {entry.last_call[1].lower()} ago")  # fmt: skip
        table.add_row(
            str(order), entry.priority, entry.lead_id, entry.list_id, entry.phone_number,
            entry.phone_code, entry.state, entry.status, entry.called_count,
            entry.gmt_offset_now, entry.rank, entry.alt_dial, entry.source,
            entry.vendor_lead_code, entry.source_id, str(entry.age_days), last_call,
        )  # fmt: skip
    # Seventeen columns: never squeezed or hidden to fit a narrow terminal (it wraps the lines).
    natural = Measurement.get(console, console.options.update_width(10_000), table).maximum
    width = console.width
    console.width = max(width, natural)
    try:
        console.print(table)
    finally:
        console.width = width


@app.command("hopper-insert")
def hopper_insert(
    campaign_id: CampaignId, lead_ids: LeadIds, db: DbOption = None, priority: Priority = 0,
    check_call_time: CheckCallTime = False,
) -> None:  # fmt: skip
    """Queue leads of the campaign's lists in its hopper (as hopper_bulk_insert). Exits with
    code 2 when a lead was not queued."""
    with refusals(), open_database(db).unit_of_work(clock.now()) as uow:
        scope = hopper.campaign_scope(uow.conn, campaign_id)
        request = BulkInsertRequest(lead_ids, priority=priority, check_call_time=check_call_time,
                                    lists=scope)  # fmt: skip
        outcome = hopper.bulk_insert(uow, request)
    if outcome.invalid_lead_ids:
        bad = [lead for lead in lead_ids if not (lead.isascii() and lead.isdigit())]
        fail(f"lead ids must be digits: {' '.join(map(repr, bad))}")
    table = Table("lead_id", "result", "hopper_id", title=f"hopper of {campaign_id}")
    for lead in outcome.leads:
        table.add_row(lead.lead_id, _QUEUEING_WORDS[lead.result],
                      str(lead.hopper_id) if lead.result is Queueing.ADDED else "")  # fmt: skip
    console.print(table)
    added = outcome.count(Queueing.ADDED)
    console.print(f"queued {added} of {len(outcome.leads)} leads in the hopper of "
                  f"[bold]{campaign_id}[/bold]")  # fmt: skip
    if added < len(outcome.leads):
        raise typer.Exit(code=2)

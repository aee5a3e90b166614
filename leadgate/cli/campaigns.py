"""`leadgate campaign …`: campaigns (vicidial_campaigns)."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from leadgate.cli.common import DbOption, open_database
from leadgate.cli.guard import refusals
from leadgate.domain import campaigns, clock
from leadgate.domain.actor import Actor
from leadgate.domain.campaigns import CampaignChange

app = typer.Typer(help="Campaigns (vicidial_campaigns).", no_args_is_help=True)
console = Console()

CLI_ACTOR = Actor(user="CLI")
SHOWN = ("campaign_id", "campaign_name", "campaign_description", "active", "local_call_time",
         "manual_dial_list_id", "dial_statuses", "use_internal_dnc", "use_campaign_dnc",
         "use_other_campaign_dnc")  # fmt: skip

CampaignId = Annotated[
    str, typer.Argument(help="Campaign id: 2-8 letters, digits, - or _.", show_default=False)
]
Name = Annotated[str | None, typer.Option("--name", help="Campaign name (40 characters).")]
Description = Annotated[str | None, typer.Option("--description", help="Description.")]
Active = Annotated[bool | None, typer.Option("--active/--inactive", help="Campaign active.")]
CallTime = Annotated[str | None, typer.Option("--call-time", help="local_call_time id.")]
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
    typer.Option("--dial-statuses", help="Statuses to dial, e.g. 'NEW CALLBK' or NEW,CALLBK."),
]


def _values(name: str | None, description: str | None, active: bool | None,
            call_time: str | None, manual_list: str | None, internal_dnc: str | None,
            campaign_dnc: str | None, other_dnc: str | None,
            dial_statuses: str | None) -> dict[str, Any]:  # fmt: skip
    return {
        "campaign_name": name, "campaign_description": description, "active": active,
        "local_call_time": call_time, "manual_dial_list_id": manual_list,
        "use_internal_dnc": internal_dnc, "use_campaign_dnc": campaign_dnc,
        "use_other_campaign_dnc": other_dnc, "dial_statuses": dial_statuses,
    }  # fmt: skip


@app.command("add")
def add(
    campaign_id: CampaignId, db: DbOption = None, name: Name = None,
    description: Description = None, active: Active = True, call_time: CallTime = None,
    manual_dial_list: ManualList = None, internal_dnc: InternalDnc = None,
    campaign_dnc: CampaignDnc = None, other_campaign_dnc: OtherDnc = None,
    dial_statuses: DialStatuses = None,
) -> None:  # fmt: skip
    """Create a campaign."""
    values = _values(name, description, active, call_time, manual_dial_list, internal_dnc,
                     campaign_dnc, other_campaign_dnc, dial_statuses)  # fmt: skip
    with refusals(), open_database(db).unit_of_work(clock.now()) as uow:
        campaigns.add_campaign(uow, CampaignChange(campaign_id, values), CLI_ACTOR)
    console.print(f"created campaign [bold]{campaign_id}[/bold]")


@app.command("update")
def update(
    campaign_id: CampaignId, db: DbOption = None, name: Name = None,
    description: Description = None, active: Active = None, call_time: CallTime = None,
    manual_dial_list: ManualList = None, internal_dnc: InternalDnc = None,
    campaign_dnc: CampaignDnc = None, other_campaign_dnc: OtherDnc = None,
    dial_statuses: DialStatuses = None,
) -> None:  # fmt: skip
    """Change a campaign's settings."""
    values = _values(name, description, active, call_time, manual_dial_list, internal_dnc,
                     campaign_dnc, other_campaign_dnc, dial_statuses)  # fmt: skip
    with refusals(), open_database(db).unit_of_work(clock.now()) as uow:
        campaigns.update_campaign(uow, CampaignChange(campaign_id, values), CLI_ACTOR)
    console.print(f"updated campaign [bold]{campaign_id}[/bold]")


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

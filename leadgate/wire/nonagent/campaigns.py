"""Campaign functions on the Non-Agent API: campaigns_list, hopper_list (spec
admin_functions.md "Campaigns")."""

from __future__ import annotations

from leadgate.domain import campaigns, hopper, system
from leadgate.wire import filters
from leadgate.wire.common import standard_checks
from leadgate.wire.context import Call
from leadgate.wire.nonagent.lookups import fail, request_user

HOPPER_HEADER = (
    "hopper_order", "priority", "lead_id", "list_id", "phone_number", "phone_code", "state",
    "status", "count", "gmt_offset", "rank", "alt", "hopper_source", "vendor_lead_code",
    "source_id", "age_days", "last_call_time",
)  # fmt: skip
CAMPAIGN_HEADER = (
    "campaign_id", "campaign_name", "active", "user_group", "dial_method", "dial_level",
    "lead_order", "dial_statuses", "dial_timeout", "dial_prefix", "manual_dial_prefix",
    "three_way_dial_prefix",
)  # fmt: skip
# VICIdial pads these words to a fixed width (its translation helper's second argument).
AGE_WORDS = {"HOURS": "HOURS ", "DAYS": "DAYS  ", "YEARS": "YEARS "}
NEVER = "NEVER    "


def _separator(call: Call) -> str:
    """stage csv, tab or pipe (the default); newline is not offered here."""
    return {"csv": ",", "tab": "\t"}.get(call.param("stage", filters.LOGIN), "|")


def _campaign_info_checks(call: Call) -> str:
    user = request_user(call)
    reason = f"{call.function} USER DOES NOT HAVE PERMISSION TO GET CAMPAIGN INFO"
    standard_checks(call, f"ERROR: {reason}: |{user}|0|", reason, "0")
    return user


def _viewable(call: Call) -> frozenset[str] | None:
    assert call.user is not None
    return campaigns.viewable_campaigns(call.conn, call.user.user_group)


def campaigns_list(call: Call) -> None:
    user = _campaign_info_checks(call)
    campaign_id = call.param("campaign_id", filters.LOGIN)
    separator = _separator(call)
    listings = campaigns.campaigns_listing(call.conn, _viewable(call), campaign_id)
    if not listings:
        reason = "campaigns_list THIS USER HAS NO VIEWABLE CAMPAIGNS"
        fail(call, reason, f"ERROR: {reason}: {user}|", f"{user}|")
    if call.param("header", filters.ALNUM) == "YES":
        call.reply.line(separator.join(CAMPAIGN_HEADER))
    for listing in listings:
        call.reply.line(separator.join(listing.fields))
    ids = ",".join(f"'{listing.campaign_id}'" for listing in listings)
    call.reply.log("SUCCESS", f"campaigns_list RESULTS FOUND: {len(listings)}",
                   data=f"{user}|{ids}|")  # fmt: skip


def hopper_list(call: Call) -> None:
    user = _campaign_info_checks(call)
    campaign_id = call.param("campaign_id", filters.LOGIN)
    allowed = _viewable(call)
    if not campaigns.campaign_visible(call.conn, campaign_id, allowed):
        reason = "hopper_list THIS CAMPAIGN DOES NOT EXIST"
        fail(call, reason, f"ERROR: {reason}: |{user}|{campaign_id}", "0")
    separator = _separator(call)
    server_gmt = system.server_clock(call.conn, call.now).tz_now_hours
    entries = hopper.ready_entries(call.conn, campaign_id, allowed, now=call.now,
                                   server_gmt=server_gmt)  # fmt: skip
    if not entries:
        reason = "hopper_list THERE ARE NO LEADS IN THE HOPPER FOR THIS CAMPAIGN"
        data = f"{user}|{campaign_id}"
        fail(call, reason, f"ERROR: {reason}: {data}", data)
    if call.param("header", filters.ALNUM) == "YES":
        call.reply.line(separator.join(HOPPER_HEADER))
    for order, entry in enumerate(entries):
        age = (
            NEVER
            if entry.last_call is None
            else f"{entry.last_call[0]} {AGE_WORDS[entry.last_call[1]]}"
        )
        call.reply.line(separator.join((
            str(order), entry.priority, entry.lead_id, entry.list_id, entry.phone_number,
            entry.phone_code, entry.state, entry.status, entry.called_count,
            entry.gmt_offset_now, entry.rank, entry.alt_dial, entry.source,
            entry.vendor_lead_code, entry.source_id, str(entry.age_days), age,
        )))  # fmt: skip
    # VICIdial logs an unset variable in place of the list.
    call.reply.log("SUCCESS", f"hopper_list RESULTS FOUND: {len(entries)}", data=f"{user}||")

"""Seed functions add_callback and remove_callback [SEED-ONLY, DESIGNED]
(spec dnc_and_callbacks.md §4-5): update_lead's callback=Y / callback=REMOVE as functions."""

from __future__ import annotations

from leadgate.domain.auth import allowed_list_ids
from leadgate.domain.callbacks import CallbackRequest, Outcome, schedule, unschedule
from leadgate.wire import filters
from leadgate.wire.common import standard_checks
from leadgate.wire.context import Call
from leadgate.wire.nonagent.lookups import fail, request_user


def _checks(call: Call) -> str:
    user = request_user(call)
    reason = f"{call.function} USER DOES NOT HAVE PERMISSION TO UPDATE LEADS IN THE SYSTEM"
    standard_checks(call, f"ERROR: {reason}: |{user}|0|", reason, "0")
    return user


def _allowed_lists(call: Call) -> set[str] | None:
    """The api_list_restrict lists (these seed functions are not in the dispatcher's set)."""
    assert call.user is not None
    try:
        return allowed_list_ids(call.conn, call.user)
    except LookupError:
        reason = "user_group DOES NOT EXIST"
        fail(call, reason, f"ERROR: {reason}: |{request_user(call)}|{call.user.user_group}|", "")


# VICIdial's words for each outcome (update_lead's callback lines).
WORDING = {
    Outcome.NO_LEAD: "NO MATCHES FOUND IN THE SYSTEM",
    Outcome.LIST_NOT_ALLOWED: "NOT AN ALLOWED LIST ID",
    Outcome.BAD_DATETIME: "INVALID CALLBACK DATETIME",
    Outcome.CAMPAIGN_NOT_VALID: "SCHEDULED CALLBACK NOT ADDED, CAMPAIGN NOT VALID",
    Outcome.USER_NOT_VALID: "SCHEDULED CALLBACK NOT ADDED, USER NOT VALID",
    Outcome.UPDATED: "SCHEDULED CALLBACK UPDATED",
    Outcome.ADDED: "SCHEDULED CALLBACK ADDED",
}


def _lead_problem(call: Call, outcome: Outcome, user: str, lead_id: str, list_id: str) -> None:
    reason = f"{call.function} {WORDING[outcome]}"
    if outcome is Outcome.NO_LEAD:
        fail(call, reason, f"ERROR: {reason}: |{user}|{lead_id}", lead_id)
    if outcome is Outcome.LIST_NOT_ALLOWED:
        data = f"{lead_id}|{list_id}"
        fail(call, reason, f"ERROR: {reason} - {data}", data)


def add_callback(call: Call) -> None:
    user = _checks(call)
    request = CallbackRequest(
        lead_id=call.param("lead_id", filters.DIGITS),
        campaign_id=call.param("campaign_id", filters.LOGIN),
        callback_datetime=call.param("callback_datetime", filters.CALLBACK_TEXT),
        callback_type=call.param("callback_type", filters.UPPER),
        callback_user=call.param("callback_user", filters.LOGIN),
        comments=call.param("callback_comments", filters.CALLBACK_TEXT),
        callback_status=call.param("callback_status", filters.LOGIN),
    )
    result = schedule(call.uow, request, _allowed_lists(call))
    lead_id, campaign_id = request.lead_id, request.campaign_id
    _lead_problem(call, result.outcome, user, lead_id, result.list_id)
    reason = f"add_callback {WORDING[result.outcome]}"
    if result.outcome is Outcome.BAD_DATETIME:
        data = f"{lead_id}|{request.callback_datetime}"
        fail(call, reason, f"ERROR: {reason} - {data}", data)
    if result.outcome is Outcome.CAMPAIGN_NOT_VALID:
        data = f"{lead_id}|{campaign_id}"
    elif result.outcome is Outcome.USER_NOT_VALID:
        data = f"{lead_id}|{campaign_id}|{request.callback_user}|{request.recipient}"
    else:
        data = (
            f"{lead_id}|{campaign_id}|{result.when}|{request.recipient}|{result.user}|"
            f"{request.lead_status}"
        )
    level = "SUCCESS" if result.outcome is Outcome.ADDED else "NOTICE"
    call.reply.line(f"{level}: {reason} - {data}")
    call.reply.log(level, reason, data=data)


def remove_callback(call: Call) -> None:
    user = _checks(call)
    lead_id = call.param("lead_id", filters.DIGITS)
    campaign_id = call.param("campaign_id", filters.LOGIN)
    result = unschedule(call.uow, lead_id, campaign_id, _allowed_lists(call))
    if result.outcome is not None:
        _lead_problem(call, result.outcome, user, lead_id, result.list_id)
    reason = "remove_callback SCHEDULED CALLBACK DELETED"
    data = f"{user}|{lead_id}|{result.deleted}|{result.archived}"
    call.reply.line(f"SUCCESS: {reason} - {data}")
    call.reply.log("SUCCESS", reason, data=data)

"""Scheduled callbacks of the seed functions add_callback / remove_callback [SEED-ONLY, DESIGNED].

Race-free: both operations hold the lead's callback lock from the look-up to the commit, so
concurrent add_callback calls for one lead add one callback and update it, and concurrent
remove_callback calls archive and delete each callback once. Changes emit CallbackScheduled /
CallbacksRemoved.

Both are thin wrappers with update_lead's callback semantics (spec dnc_and_callbacks.md §4-6):
* schedule: validate the lead, its list (api_list_restrict), the date-time, the campaign and —
  for USERONLY — the agent; then update the lead's first callback or insert a new one (status
  ACTIVE) and put the lead on CBHOLD.
* unschedule: archive, then delete the lead's callbacks (optionally of one campaign only).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum

from sqlalchemy import Connection

from leadgate.domain.events import CallbackScheduled, CallbacksRemoved
from leadgate.domain.leads.search import as_id
from leadgate.storage import callbacks as callback_store
from leadgate.storage.unit_of_work import UnitOfWork

DATETIME_FORMAT = "%Y-%m-%d %H:%M:%S"
_DAYS = re.compile(r"(\d{1,5})DAYS", re.IGNORECASE)
_DATETIME = re.compile(r"\d{4}-\d\d-\d\d[ +T]\d\d:\d\d:\d\d")
HOLD_STATUS = "CBHOLD"


class Outcome(Enum):
    NO_LEAD = "no lead"
    LIST_NOT_ALLOWED = "list not allowed"
    BAD_DATETIME = "bad datetime"
    CAMPAIGN_NOT_VALID = "campaign not valid"
    USER_NOT_VALID = "user not valid"
    UPDATED = "updated"
    ADDED = "added"


@dataclass(frozen=True)
class CallbackRequest:
    lead_id: str
    campaign_id: str
    callback_datetime: str
    callback_type: str = ""
    callback_user: str = ""
    comments: str = ""
    callback_status: str = ""

    @property
    def recipient(self) -> str:
        """USERONLY (also for the seed's USERONLY_NO, which cannot be stored) or ANYONE."""
        return "USERONLY" if self.callback_type in ("USERONLY", "USERONLYNO") else "ANYONE"

    @property
    def lead_status(self) -> str:
        return self.callback_status or "CALLBK"


@dataclass(frozen=True)
class ScheduleResult:
    outcome: Outcome
    list_id: str = ""
    when: str = ""
    user: str = ""


def resolve_datetime(text: str, now: datetime) -> datetime | None:
    """NOW, <n>DAYS (from now) or YYYY-MM-DD HH:MM:SS (space, '+' or 'T' between)."""
    if text == "NOW":
        return now.replace(microsecond=0)
    days = _DAYS.fullmatch(text)
    if days:
        return now.replace(microsecond=0) + timedelta(days=int(days.group(1)))
    if not _DATETIME.fullmatch(text):
        return None
    try:
        return datetime.strptime(f"{text[:10]} {text[11:]}", DATETIME_FORMAT)
    except ValueError:
        return None


def _lead_in_reach(
    conn: Connection, lead_id: str, allowed_lists: set[str] | None
) -> tuple[Outcome | None, dict[str, object] | None]:
    number = as_id(lead_id)
    lead = None if number is None else callback_store.find_lead(conn, number)
    if lead is None:
        return Outcome.NO_LEAD, None
    if allowed_lists is not None and str(lead["list_id"]) not in allowed_lists:
        return Outcome.LIST_NOT_ALLOWED, lead
    return None, lead


def _lock_lead(uow: UnitOfWork, lead_id: str) -> None:
    number = as_id(lead_id)
    if number is not None:
        uow.lock([f"callback:{number}"])


def schedule(
    uow: UnitOfWork, request: CallbackRequest, allowed_lists: set[str] | None
) -> ScheduleResult:
    """add_callback: every check in order, then update or insert the callback."""
    conn, now = uow.conn, uow.now
    _lock_lead(uow, request.lead_id)
    problem, lead = _lead_in_reach(conn, request.lead_id, allowed_lists)
    list_id = "" if lead is None else str(lead["list_id"])
    if problem is not None or lead is None:
        return ScheduleResult(problem or Outcome.NO_LEAD, list_id)
    when = resolve_datetime(request.callback_datetime, now)
    if when is None:
        return ScheduleResult(Outcome.BAD_DATETIME, list_id)
    if not request.campaign_id or not callback_store.campaign_exists(conn, request.campaign_id):
        return ScheduleResult(Outcome.CAMPAIGN_NOT_VALID, list_id)
    user, user_group = "", ""
    if request.recipient == "USERONLY":
        group = callback_store.user_group_of(conn, request.callback_user)
        if not request.callback_user or group is None:
            return ScheduleResult(Outcome.USER_NOT_VALID, list_id)
        user, user_group = request.callback_user, group
    values: dict[str, object] = {
        "list_id": lead["list_id"], "campaign_id": request.campaign_id, "status": "ACTIVE",
        "callback_time": when, "modify_date": now, "user": user,
        "recipient": request.recipient, "user_group": user_group,
        "lead_status": request.lead_status,
    }  # fmt: skip
    if request.comments:
        values["comments"] = request.comments
    lead_id = int(str(lead["lead_id"]))
    existing = callback_store.first_callback_id(conn, lead_id)
    result = ScheduleResult(Outcome.ADDED, list_id, when.strftime(DATETIME_FORMAT), user)
    uow.emit(CallbackScheduled(lead_id, result.when, user))
    if existing is not None:
        callback_store.update_callback(conn, existing, values)
        return ScheduleResult(Outcome.UPDATED, list_id, result.when, user)
    callback_store.insert_callback(conn, {**values, "lead_id": lead_id, "entry_time": now})
    callback_store.set_lead_status(conn, lead_id, HOLD_STATUS, now)
    return result


@dataclass(frozen=True)
class RemoveResult:
    outcome: Outcome | None  # None = removed (possibly nothing)
    list_id: str = ""
    deleted: int = 0
    archived: int = 0


def unschedule(
    uow: UnitOfWork, lead_id: str, campaign_id: str, allowed_lists: set[str] | None
) -> RemoveResult:
    """remove_callback: archive then delete the lead's callbacks (of `campaign_id` if given)."""
    _lock_lead(uow, lead_id)
    problem, lead = _lead_in_reach(uow.conn, lead_id, allowed_lists)
    list_id = "" if lead is None else str(lead["list_id"])
    if problem is not None or lead is None:
        return RemoveResult(problem or Outcome.NO_LEAD, list_id)
    number = int(str(lead["lead_id"]))
    deleted, archived = callback_store.archive_and_delete(uow.conn, number, campaign_id or None)
    if deleted:
        uow.emit(CallbacksRemoved(number, deleted))
    return RemoveResult(None, list_id, deleted, archived)

"""Scheduled callbacks of the seed functions add_callback / remove_callback [SEED-ONLY, DESIGNED].

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

from leadgate.domain.leads.search import as_id
from leadgate.storage import callback_admin
from leadgate.storage import callbacks as callback_store

DATETIME_FORMAT = "%Y-%m-%d %H:%M:%S"
_DAYS = re.compile(r"(\d{1,5})DAYS", re.IGNORECASE)
_DATETIME = re.compile(r"\d{4}-\d\d-\d\d[ +T]\d\d:\d\d:\d\d")
HOLD_STATUS = "CBHOLD"


class Outcome(Enum):
    NO_LEAD = "NO MATCHES FOUND IN THE SYSTEM"
    LIST_NOT_ALLOWED = "NOT AN ALLOWED LIST ID"
    BAD_DATETIME = "INVALID CALLBACK DATETIME"
    CAMPAIGN_NOT_VALID = "SCHEDULED CALLBACK NOT ADDED, CAMPAIGN NOT VALID"
    USER_NOT_VALID = "SCHEDULED CALLBACK NOT ADDED, USER NOT VALID"
    UPDATED = "SCHEDULED CALLBACK UPDATED"
    ADDED = "SCHEDULED CALLBACK ADDED"


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
    lead = None if number is None else callback_admin.find_lead(conn, number)
    if lead is None:
        return Outcome.NO_LEAD, None
    if allowed_lists is not None and str(lead["list_id"]) not in allowed_lists:
        return Outcome.LIST_NOT_ALLOWED, lead
    return None, lead


def schedule(
    conn: Connection, request: CallbackRequest, allowed_lists: set[str] | None, now: datetime
) -> ScheduleResult:
    """add_callback: every check in order, then update or insert the callback."""
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
    existing = callback_admin.first_callback_id(conn, lead_id)
    result = ScheduleResult(Outcome.ADDED, list_id, when.strftime(DATETIME_FORMAT), user)
    if existing is not None:
        callback_admin.update_callback(conn, existing, values)
        return ScheduleResult(Outcome.UPDATED, list_id, result.when, user)
    callback_store.insert_callback(conn, {**values, "lead_id": lead_id, "entry_time": now})
    callback_admin.set_lead_status(conn, lead_id, HOLD_STATUS, now)
    return result


@dataclass(frozen=True)
class RemoveResult:
    outcome: Outcome | None  # None = removed (possibly nothing)
    list_id: str = ""
    deleted: int = 0
    archived: int = 0


def unschedule(
    conn: Connection, lead_id: str, campaign_id: str, allowed_lists: set[str] | None
) -> RemoveResult:
    """remove_callback: archive then delete the lead's callbacks (of `campaign_id` if given)."""
    problem, lead = _lead_in_reach(conn, lead_id, allowed_lists)
    list_id = "" if lead is None else str(lead["list_id"])
    if problem is not None or lead is None:
        return RemoveResult(problem or Outcome.NO_LEAD, list_id)
    deleted, archived = callback_admin.archive_and_delete(
        conn, int(str(lead["lead_id"])), campaign_id or None
    )
    return RemoveResult(None, list_id, deleted, archived)

"""send_notification: a message for agents' screens, by user, user group or campaign."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from sqlalchemy import Connection

from leadgate.domain.agents.phone import php_compare
from leadgate.storage import agent_notifications, system

RECIPIENT_TYPES = ("USER", "USER_GROUP", "CAMPAIGN")
NOTIFICATION_DATE = re.compile(
    r"[0-9]{2,4}-[0-9]{1,2}-[0-9]{1,2}\s?[0-9]{1,2}:[0-9]{1,2}(:[0-9]{1,2})?"
)
HEX_COLOR = re.compile(r"[0-9A-F]{3,6}")
# The confetti defaults of VICIdial (seconds, particles, speed) when none are given.
CONFETTI_DEFAULTS = ("2", "2350", "2")


class NotificationRefusal(Enum):
    DISABLED = "Agent API Notifications are disabled on this system"
    NO_RECIPIENT_FOUND = "no matching recipient found in users, user_groups, or campaigns"
    MISSING_RECIPIENT = "Missing recipient or recipient_type"
    NO_SUCH_RECIPIENT = "recipient does not exist"
    CAMPAIGN_NOT_ALLOWED = "campaign not allowed"
    USER_GROUP_NOT_ALLOWED = "user group not allowed"
    NO_USER_GROUP = "user_group DOES NOT EXIST"
    INVALID_REQUEST = "invalid request"


@dataclass(frozen=True)
class Notification:
    recipient: str
    recipient_type: str
    text: str = ""
    date: str = ""
    retry: str = ""
    text_size: str = ""
    text_font: str = ""
    text_weight: str = ""
    text_color: str = ""
    show_confetti: str = ""
    duration: str = ""
    max_particle_count: str = ""
    particle_speed: str = ""


@dataclass(frozen=True)
class NotificationOutcome:
    refusal: NotificationRefusal | None = None
    recipient_type: str = ""
    guessed: bool = False  # the given type was not valid and was looked up
    date_replaced: bool = False  # an unreadable notification date became now
    notification_id: int = 0
    allowed_campaigns: str = ""
    settings_value: str = ""


def notifications_enabled(conn: Connection) -> tuple[bool, str]:
    """Whether system_settings.agent_notifications is on, and the setting as VICIdial
    prints it."""
    value = system.settings(conn).get("agent_notifications")
    text = "" if value is None else str(value)
    return php_compare(text, 1) >= 0, text


def _given(text: str) -> bool:
    """PHP's truth of a request value: '' and '0' count as not given."""
    return text not in ("", "0")


def send_notification(
    conn: Connection, note: Notification, api_user_group: str, now: datetime
) -> NotificationOutcome:
    recipient_type = note.recipient_type
    guessed = False
    if _given(note.recipient) and recipient_type not in RECIPIENT_TYPES:
        guessed = True
        found = agent_notifications.guess_recipient_type(conn, note.recipient)
        if found is None:
            return NotificationOutcome(NotificationRefusal.NO_RECIPIENT_FOUND, guessed=True)
        recipient_type = found
    if not _given(note.recipient) or not _given(recipient_type):
        return NotificationOutcome(NotificationRefusal.MISSING_RECIPIENT, recipient_type)
    if not agent_notifications.recipient_exists(conn, recipient_type, note.recipient):
        return NotificationOutcome(NotificationRefusal.NO_SUCH_RECIPIENT, recipient_type,
                                   guessed)  # fmt: skip
    if recipient_type in ("CAMPAIGN", "USER_GROUP"):
        access = agent_notifications.group_access(conn, api_user_group)
        if access is None:
            return NotificationOutcome(NotificationRefusal.NO_USER_GROUP, recipient_type, guessed)
        campaigns = str(access["allowed_campaigns"] or "")
        viewable = str(access["admin_viewable_groups"] or "")
        listed = re.compile(f" {re.escape(note.recipient)} ", re.IGNORECASE)
        if recipient_type == "CAMPAIGN":
            if not re.search("-ALL", campaigns, re.IGNORECASE) and not listed.search(campaigns):
                return NotificationOutcome(NotificationRefusal.CAMPAIGN_NOT_ALLOWED,
                                           recipient_type, guessed, allowed_campaigns=campaigns)  # fmt: skip
        elif not re.search("---ALL", viewable, re.IGNORECASE) and not listed.search(viewable):
            return NotificationOutcome(NotificationRefusal.USER_GROUP_NOT_ALLOWED, recipient_type,
                                       guessed)  # fmt: skip
    stamp = now.strftime("%Y-%m-%d %H:%M:%S")
    date = note.date if _given(note.date) else stamp
    date_replaced = NOTIFICATION_DATE.search(date) is None
    if date_replaced:
        date = stamp
    values: dict[str, object] = {
        "entry_date": now, "recipient": note.recipient, "recipient_type": recipient_type,
        "notification_date": _mysql_datetime(date),
        "notification_retry": "Y" if "y" in note.retry.lower() else "N",
        "notification_status": "QUEUED",
    }  # fmt: skip
    valid = False
    if note.text:
        color = note.text_color if _given(note.text_color) else "black"
        if HEX_COLOR.fullmatch(color):
            color = "#" + color
        values.update(
            notification_text=note.text, text_size=min(int(note.text_size), 255) if _given(note.text_size) else 12,
            text_font=note.text_font if _given(note.text_font) else "Arial",
            text_weight=note.text_weight if _given(note.text_weight) else "bold",
            text_color=color,
        )  # fmt: skip
        valid = True
    if note.show_confetti == "Y":
        duration = note.duration if _given(note.duration) else CONFETTI_DEFAULTS[0]
        particles = (note.max_particle_count if _given(note.max_particle_count)
                     else CONFETTI_DEFAULTS[1])  # fmt: skip
        speed = note.particle_speed if _given(note.particle_speed) else CONFETTI_DEFAULTS[2]
        values.update(show_confetti="Y", confetti_options=f"{duration},{particles},{speed}")
        valid = True
    if not valid:
        return NotificationOutcome(NotificationRefusal.INVALID_REQUEST, recipient_type, guessed,
                                   date_replaced)  # fmt: skip
    notification_id = agent_notifications.queue(conn, values)
    return NotificationOutcome(recipient_type=recipient_type, guessed=guessed,
                               date_replaced=date_replaced, notification_id=notification_id)  # fmt: skip


def _mysql_datetime(text: str) -> datetime | None:
    """MySQL's reading of a notification date ('YYYY-MM-DD HH:MM[:SS]'); None if unreadable."""
    match = re.match(r"(\d{2,4})-(\d{1,2})-(\d{1,2})\s?(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?", text)
    if match is None:
        return None
    year, month, day, hour, minute = (int(part) for part in match.groups()[:5])
    second = int(match.group(6) or 0)
    try:
        return datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None

"""send_notification: queue a message for agents' screens."""

from __future__ import annotations

from leadgate.domain.agents import notifications
from leadgate.domain.agents.notifications import Notification, NotificationRefusal
from leadgate.wire.agent import params
from leadgate.wire.agent.common import AgentCall
from leadgate.wire.context import Call

# The table VICIdial names when a recipient does not exist.
RECIPIENT_TABLES = {
    "USER": "vicidial_users",
    "USER_GROUP": "vicidial_user_groups",
    "CAMPAIGN": "vicidial_campaigns",
}


def send_notification(call: Call) -> None:
    ac = AgentCall.start(call)
    recipient = ac.param("recipient", params.RECIPIENT)
    recipient_type = ac.param("recipient_type", params.RECIPIENT_TYPE)
    value, agent_user = ac.value, ac.agent_user
    # Most of VICIdial's log rows for this function name the recipient as the agent and
    # the recipient type as the value.
    ac.agent_user, ac.value = recipient, recipient_type
    enabled, setting = notifications.notifications_enabled(call.conn)
    if not enabled:
        ac.fail(NotificationRefusal.DISABLED.value, setting)
    ac.require_function_allowed(first_field=value)
    user = call.user
    assert user is not None
    note = Notification(
        recipient=recipient, recipient_type=recipient_type,
        text=ac.param("notification_text", params.FREE_TEXT),
        date=ac.param("notification_date", params.NOTIFICATION_DATE),
        retry=ac.param("notification_retry", params.YES_NO),
        text_size=ac.param("text_size", params.LEAD_ID),
        text_font=ac.param("text_font", params.TEXT_FONT),
        text_weight=ac.param("text_weight", params.TEXT_WEIGHT),
        text_color=ac.param("text_color", params.ALNUM),
        show_confetti=ac.param("show_confetti", params.YES_NO),
        duration=ac.param("duration", params.LEAD_ID),
        max_particle_count=ac.param("maxParticleCount", params.LEAD_ID),
        particle_speed=ac.param("particleSpeed", params.LEAD_ID),
    )  # fmt: skip
    outcome = notifications.send_notification(call.conn, note, user.user_group, call.now)
    if outcome.guessed:
        call.reply.echo(f"Invalid recipient_type ({recipient_type}), ")
        if outcome.refusal is not NotificationRefusal.NO_RECIPIENT_FOUND:
            call.reply.echo(f"NOTICE: found {recipient} as {outcome.recipient_type}<BR>\n")
    refusal = outcome.refusal
    found_type = outcome.recipient_type
    if refusal is NotificationRefusal.NO_RECIPIENT_FOUND:
        ac.value = ""
        ac.fail(refusal.value, recipient)
    if outcome.date_replaced:
        call.reply.echo(f"NOTICE: Invalid notification date {note.date}, changing to now")
    if refusal in (NotificationRefusal.MISSING_RECIPIENT, NotificationRefusal.INVALID_REQUEST):
        assert refusal is not None
        ac.value = found_type
        ac.fail(refusal.value, f"{recipient}|{found_type}")
    # These refusals log the request's own agent_user and value.
    ac.agent_user, ac.value = agent_user, value
    if refusal is NotificationRefusal.NO_SUCH_RECIPIENT:
        ac.fail(f"{recipient} DOES NOT EXIST in {RECIPIENT_TABLES[found_type]}",
                f"{value}|{recipient}")  # fmt: skip
    if refusal is NotificationRefusal.CAMPAIGN_NOT_ALLOWED:
        reason = (f"ACCESS TO CAMPAIGN {recipient} NOT ALLOWED FOR USER {user.name} "
                  f"({outcome.allowed_campaigns})")  # fmt: skip
        ac.fail(reason, f"{value}|{recipient}")
    if refusal is NotificationRefusal.USER_GROUP_NOT_ALLOWED:
        ac.fail(f"ACCESS TO USER GROUP {recipient} NOT ALLOWED FOR USER {user.name}",
                f"{value}|{recipient}")  # fmt: skip
    if refusal is NotificationRefusal.NO_USER_GROUP:
        ac.fail(refusal.value, f"{value}|{user.user_group}")
    ac.agent_user, ac.value = recipient, found_type
    ac.say("SUCCESS", "notification queued",
           f"{recipient}|{found_type}|{outcome.notification_id}")  # fmt: skip

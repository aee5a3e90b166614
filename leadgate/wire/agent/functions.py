"""The Agent API's function table (/agc/api.php).

The only place an Agent API function is named: a name missing here gets VICIdial's answer to
an unknown agent function, an empty body. `version` and the teapot functions are answered
before authentication (wire/service.py). Agent functions have no per-function capability rule
beyond the login's vdc_agent_api_access and api_allowed_functions.
"""

from __future__ import annotations

from leadgate.wire.agent import (
    add_lead,
    calls,
    dial,
    ingroups,
    lead_screen,
    notifications,
    phone,
    screen_extras,
    session_commands,
    transfer,
)
from leadgate.wire.functions import FunctionSpec, FunctionTable, Tier
from leadgate.wire.telephony import agent_telephony

# Needs a live phone system to mean anything: stopping a fronter's soundboard audio.
_TELEPHONY = ("force_fronter_audio_stop",)

AGENT_FUNCTIONS = FunctionTable(
    "agent",
    [
        FunctionSpec("external_add_lead", add_lead.external_add_lead),
        FunctionSpec("external_dial", dial.external_dial),
        FunctionSpec("external_status", session_commands.external_status),
        FunctionSpec("external_pause", session_commands.external_pause),
        FunctionSpec("external_hangup", session_commands.external_hangup),
        FunctionSpec("logout", session_commands.logout),
        FunctionSpec("pause_code", session_commands.pause_code),
        FunctionSpec("transfer_conference", transfer.transfer_conference),
        FunctionSpec("update_fields", lead_screen.update_fields),
        FunctionSpec("st_get_agent_active_lead", lead_screen.st_get_agent_active_lead,
                     tier=Tier.VICIDIAL),
        FunctionSpec("calls_in_queue_count", session_commands.calls_in_queue_count,
                     tier=Tier.VICIDIAL),
        FunctionSpec("refresh_panel", screen_extras.refresh_panel, tier=Tier.VICIDIAL),
        FunctionSpec("set_timer_action", screen_extras.set_timer_action, tier=Tier.VICIDIAL),
        FunctionSpec("st_login_log", screen_extras.st_login_log, tier=Tier.VICIDIAL),
        FunctionSpec("preview_dial_action", screen_extras.preview_dial_action,
                     tier=Tier.VICIDIAL),
        FunctionSpec("vm_message", screen_extras.vm_message, tier=Tier.VICIDIAL),
        FunctionSpec("switch_lead", calls.switch_lead, tier=Tier.VICIDIAL),
        FunctionSpec("change_ingroups", ingroups.change_ingroups, tier=Tier.VICIDIAL),
        FunctionSpec("send_notification", notifications.send_notification, tier=Tier.VICIDIAL),
        FunctionSpec("park_call", phone.park_call, tier=Tier.VICIDIAL),
        FunctionSpec("send_dtmf", phone.send_dtmf, tier=Tier.VICIDIAL),
        FunctionSpec("recording", phone.recording, tier=Tier.VICIDIAL),
        FunctionSpec("webphone_url", phone.webphone_url, tier=Tier.VICIDIAL),
        FunctionSpec("call_agent", phone.call_agent, tier=Tier.VICIDIAL),
        FunctionSpec("audio_playback", phone.audio_playback, tier=Tier.VICIDIAL),
        FunctionSpec("webserver", phone.webserver, tier=Tier.VICIDIAL),
        FunctionSpec("ra_call_control", calls.ra_call_control, tier=Tier.VICIDIAL),
        FunctionSpec("force_fronter_leave_3way", calls.force_fronter_leave_3way,
                     tier=Tier.VICIDIAL),
        *(FunctionSpec(name, agent_telephony, tier=Tier.TELEPHONY) for name in _TELEPHONY),
    ],
)  # fmt: skip

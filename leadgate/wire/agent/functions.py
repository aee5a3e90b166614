"""The Agent API's function table (/agc/api.php).

The only place an Agent API function is named: a name missing here gets VICIdial's answer to
an unknown agent function, an empty body. `version` and the teapot functions are answered
before authentication (wire/service.py). Agent functions have no per-function capability rule
beyond the login's vdc_agent_api_access and api_allowed_functions.
"""

from __future__ import annotations

from leadgate.wire.agent import (
    add_lead,
    dial,
    lead_screen,
    screen_extras,
    session_commands,
    transfer,
)
from leadgate.wire.functions import FunctionSpec, FunctionTable, Tier
from leadgate.wire.telephony import agent_telephony

_TELEPHONY = (
    "webserver", "recording", "webphone_url", "call_agent", "audio_playback", "send_dtmf",
    "park_call", "ra_call_control", "force_fronter_leave_3way", "force_fronter_audio_stop",
)  # fmt: skip

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
        *(FunctionSpec(name, agent_telephony, tier=Tier.TELEPHONY) for name in _TELEPHONY),
    ],
)  # fmt: skip

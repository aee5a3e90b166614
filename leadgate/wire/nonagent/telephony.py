"""Tier 3: functions that only make sense with live telephony answer with one fixed error."""

from __future__ import annotations

from leadgate.wire.common import require_function_allowed, require_source
from leadgate.wire.context import Call
from leadgate.wire.registry import agent, non_agent

NON_AGENT_TELEPHONY = (
    "blind_monitor", "sounds_list", "moh_list", "vm_list", "add_phone", "update_phone",
    "add_phone_alias", "update_phone_alias", "server_refresh", "add_did", "copy_did",
    "update_did", "did_log_export", "callid_info", "ccc_lead_info", "agent_ingroup_info",
    "update_remote_agent",
)  # fmt: skip
AGENT_TELEPHONY = (
    "webserver", "recording", "webphone_url", "call_agent", "audio_playback", "send_dtmf",
    "park_call", "ra_call_control", "force_fronter_leave_3way", "force_fronter_audio_stop",
)  # fmt: skip

REASON = "NOT AVAILABLE ON THIS SYSTEM"


def not_available(call: Call) -> None:
    line = f"ERROR: {call.function} {REASON} - {call.user_name}|{call.function}"
    call.reply.line(line)
    call.reply.log("ERROR", f"{call.function} {REASON}", data=call.user_name)


@non_agent.register(*NON_AGENT_TELEPHONY)
def non_agent_telephony(call: Call) -> None:
    require_source(call)
    require_function_allowed(call)
    not_available(call)


@agent.register(*AGENT_TELEPHONY)
def agent_telephony(call: Call) -> None:
    not_available(call)

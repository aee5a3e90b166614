"""Tier 3: functions that only make sense with live telephony answer with one fixed error
(spec README §6, [DESIGNED]): after the usual checks, so permission errors stay identical."""

from __future__ import annotations

from leadgate.wire.common import require_function_allowed, require_source
from leadgate.wire.context import Call

REASON = "NOT AVAILABLE ON THIS SYSTEM"


def not_available(call: Call) -> None:
    line = f"ERROR: {call.function} {REASON} - {call.user_name}|{call.function}"
    call.reply.line(line)
    call.reply.log("ERROR", f"{call.function} {REASON}", data=call.user_name)


def non_agent_telephony(call: Call) -> None:
    require_source(call)
    require_function_allowed(call)
    not_available(call)


def agent_telephony(call: Call) -> None:
    not_available(call)

"""Checks that most non-agent functions run first, with VICIdial's exact lines."""

from __future__ import annotations

from leadgate.domain import permissions
from leadgate.wire.context import Call, Finished
from leadgate.wire.filters import php_strlen


def require_source(call: Call) -> None:
    """`source` must have 2+ characters after filtering (README §5.3 step 1), counted in
    bytes as PHP's strlen() does."""
    if php_strlen(call.source) < 2:
        call.reply.line(f"ERROR: Invalid Source - {call.source}")
        call.reply.line(f"ERROR: Invalid Source: |{call.source}|")
        call.reply.log("ERROR", "Invalid Source")
        raise Finished


def require_function_allowed(call: Call) -> None:
    """The api_allowed_functions allow-list (README §5.3 step 2)."""
    assert call.user is not None
    if not permissions.function_allowed(call.user, call.function):
        reason = "auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION"
        data = f"{call.user.name}|{call.function}"
        call.reply.line(f"ERROR: {reason}: |{data}|")
        call.reply.log("ERROR", reason)
        raise Finished


def require_permission(call: Call, error_line: str, reason: str, data: str) -> None:
    """The function's capability rule; on failure print `error_line` and stop."""
    assert call.user is not None
    rule = call.spec.permission if call.spec is not None else None
    if not permissions.may(call.user, rule):
        call.reply.line(error_line)
        call.reply.log("ERROR", reason, data=data)
        raise Finished


def standard_checks(call: Call, error_line: str, reason: str, data: str) -> None:
    """Source, allow-list and capability checks in VICIdial's order."""
    require_source(call)
    require_function_allowed(call)
    require_permission(call, error_line, reason, data)

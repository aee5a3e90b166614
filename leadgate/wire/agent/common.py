"""The steps every Agent API function shares (agent_api.md §1 a–d), with VICIdial's lines.

Every line a function prints is also one vicidial_api_log row (api_script 'agent') carrying
the agent_user and value as they stood at that moment.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NoReturn

from leadgate.domain import agent_sessions, permissions
from leadgate.domain.agent_sessions import AgentSession
from leadgate.wire.agent import params
from leadgate.wire.context import Call, Finished
from leadgate.wire.filters import Filter, for_setting, php_strlen

PERMISSION_REASON = "auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION"


@dataclass
class AgentCall:
    """One Agent API call in progress: the call plus the agent and value it is about."""

    call: Call
    agent_user: str
    alt_user: str
    value: str

    @classmethod
    def start(cls, call: Call) -> AgentCall:
        request, non_latin = call.request, call.non_latin
        return cls(
            call=call,
            agent_user=request.get("agent_user", params.AGENT_USER.pick(non_latin)),
            alt_user=request.get("alt_user", params.ALT_USER.pick(non_latin)),
            value=params.agent_value(request, non_latin=non_latin),
        )

    def param(self, name: str, filter_: Filter) -> str:
        """The parameter through its whitelist as system_settings.use_non_latin says."""
        return self.call.request.get(name, for_setting(filter_, self.call.non_latin))

    @property
    def epoch(self) -> int:
        return int(self.call.now.timestamp())

    # -- output ---------------------------------------------------------------------------

    def say(self, result: str, reason: str, detail: str, data: str = "") -> None:
        """Print `RESULT: reason - detail` and log it."""
        self.call.reply.line(f"{result}: {reason} - {detail}")
        self.log(result, reason, data)

    def log(self, result: str, reason: str, data: str = "") -> None:
        # VICIdial's agent api_log stores double quotes in data as single quotes.
        self.call.reply.log(result, reason, data=data.replace('"', "'"), value=self.value,
                            agent_user=self.agent_user)  # fmt: skip

    def fail(self, reason: str, detail: str, data: str = "") -> NoReturn:
        """Print an ERROR line, log it and stop."""
        self.say("ERROR", reason, detail, data)
        raise Finished

    # -- the shared checks ----------------------------------------------------------------

    def require_function_allowed(self, first_field: str | None = None) -> None:
        """The api_allowed_functions allow-list, in the Agent API's dash form (the line starts
        with the value, or with `first_field` where VICIdial prints something else)."""
        user = self.call.user
        assert user is not None
        if not permissions.function_allowed(user, self.call.function):
            first = self.value if first_field is None else first_field
            detail = f"{first}|{user.name}|{self.call.function}|{user.user_group}"
            self.fail(PERMISSION_REASON, detail)

    def resolve_alt_user(self, prefix: str | None = None) -> None:
        """alt_user (2+ characters) names the agent by CRM id; when no user has it, VICIdial
        prints an ERROR and carries on with the agent_user it was given. With `prefix` the
        line reads `prefix|alt_user` and is logged as data."""
        if php_strlen(self.alt_user) < 2:
            return
        found = agent_sessions.user_for_alt_id(self.call.conn, self.alt_user)
        if found is not None:
            self.agent_user = found
        elif prefix is None:
            self.say("ERROR", "no user found", self.alt_user)
        else:
            detail = f"{prefix}|{self.alt_user}"
            self.say("ERROR", "no user found", detail, data=detail)

    def require_session(self, prefix: str | None = None) -> AgentSession:
        """The agent's session; else `agent_user is not logged in` (after `prefix|`, logged
        as data, where VICIdial prints one)."""
        session = agent_sessions.find_session(self.call.conn, self.agent_user)
        if session is None:
            if prefix is None:
                self.fail("agent_user is not logged in", self.agent_user)
            self.fail("agent_user is not logged in", f"{prefix}|{self.agent_user}", data=prefix)
        return session

    def standard_checks(self) -> AgentSession:
        """Allow-list, alt_user, logged in (after the function's own validity check)."""
        self.require_function_allowed()
        self.resolve_alt_user()
        return self.require_session()

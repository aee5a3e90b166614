"""Running one API call: authentication, dispatch, logging, one unit of work.

Each call runs in a single unit of work (storage/unit_of_work.py): one transaction with its
locks, its vicidial_api_log rows and its domain events. A handler's ERROR line normally ends the call
with `Finished` (the transaction commits: it wrote nothing but log rows); `Abort` rolls back
what the handler wrote and keeps the log. Anything unexpected rolls back everything and answers
with a clear ERROR line instead of an empty HTTP 500.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from leadgate.domain import clock, system
from leadgate.domain.auth import (
    AGENT,
    NON_AGENT,
    AuthResult,
    LoginGuard,
    PasswordCheckNeeded,
    PasswordOutcome,
    RecentLogins,
    allowed_list_ids,
    authenticate,
    has_agent_api_access,
    user_has_agent_api_access,
)
from leadgate.domain.passwords import PasswordVerifier
from leadgate.settings import Settings
from leadgate.storage.database import Database, missing_table
from leadgate.storage.unit_of_work import UnitOfWork
from leadgate.wire import filters
from leadgate.wire.agent.functions import AGENT_FUNCTIONS
from leadgate.wire.agent.params import agent_value
from leadgate.wire.context import Abort, Call, Finished
from leadgate.wire.functions import FunctionTable
from leadgate.wire.nonagent.functions import NON_AGENT_FUNCTIONS
from leadgate.wire.nonagent.non_latin import NON_LATIN_PARAMS
from leadgate.wire.reply import Reply
from leadgate.wire.request import ApiRequest, mask_credentials
from leadgate.wire.version import version_line

log = logging.getLogger("leadgate.api")

TEAPOT_FUNCTIONS = frozenset({"coffee", "start_coffee", "make_coffee", "brew_coffee"})
Steps = Callable[[Call], None]
# A request whose stored credential keeps changing under it is refused after this many runs.
MAX_RUNS = 3


@dataclass
class Login:
    """How one run of a call authenticates, and what came of it."""

    # True: a password that is not in the verifier's cache raises PasswordCheckNeeded (the
    # server verifies it off the event loop and runs the call again); False: verify here.
    defer: bool = False
    checked: PasswordOutcome | None = None
    failed_user: str | None = None  # set when the login failed (BAD or LOCK)


@dataclass
class ApiService:
    """Everything a call needs that outlives it."""

    db: Database
    settings: Settings
    verifier: PasswordVerifier
    recent_logins: RecentLogins = field(default_factory=RecentLogins)
    non_agent_functions: FunctionTable = NON_AGENT_FUNCTIONS
    agent_functions: FunctionTable = AGENT_FUNCTIONS
    guard: LoginGuard | None = None

    def __post_init__(self) -> None:
        if self.guard is None:
            settings = self.settings
            self.guard = LoginGuard(
                self.verifier,
                burst=settings.auth_failure_burst,
                interval=settings.auth_failure_interval_seconds,
                max_delay=settings.auth_failure_max_delay_seconds,
            )

    # -- the server's entry points: password verification off the event loop ----------------

    async def non_agent(self, request: ApiRequest) -> Reply:
        return await self._serve(request, self.handle_non_agent)

    async def agent(self, request: ApiRequest) -> Reply:
        return await self._serve(request, self.handle_agent)

    async def _serve(
        self, request: ApiRequest, handle: Callable[[ApiRequest, Login], Reply]
    ) -> Reply:
        guard = self.guard
        assert guard is not None
        login = Login(defer=True)
        for run in range(MAX_RUNS):
            try:
                reply = await self.db.run(handle, request, login)
                break
            except PasswordCheckNeeded as need:
                if run < MAX_RUNS - 2:
                    checked = await guard.check(need, request.client_ip)
                else:
                    checked = PasswordOutcome(need.user, need.password, "", "", False, True)
                login = Login(defer=True, checked=checked)
        if login.failed_user is not None:
            # Repeated failures from one source wait for their answer; nobody else does.
            delay = guard.charge_failure(request.client_ip, login.failed_user)
            if delay > 0:
                await asyncio.sleep(delay)
        return reply

    # -- synchronous entry points (tests, tools): verification runs in the calling thread ----

    def handle_non_agent(self, request: ApiRequest, login: Login | None = None) -> Reply:
        login = login or Login()
        return self._run(request, "non-agent", lambda call: self._non_agent(call, login))

    def handle_agent(self, request: ApiRequest, login: Login | None = None) -> Reply:
        login = login or Login()
        return self._run(request, "agent", lambda call: self._agent(call, login))

    def _login(self, call: Call, login: Login, user: str, password: str, *, api: str,
               min_level: int) -> AuthResult:  # fmt: skip
        result = authenticate(
            call.conn, self.verifier, user, password, min_level=min_level, now=call.now,
            ip=call.request.client_ip, recent=self.recent_logins, api=api,
            checked=login.checked, defer=login.defer,
        )  # fmt: skip
        if result.user is None:
            login.failed_user = user
        return result

    # -- the two APIs' common steps ----------------------------------------------------------

    def _non_agent(self, call: Call, login: Login) -> None:
        reply = call.reply
        # source through its whitelist as use_non_latin says (function's is a-zA-Z under both).
        call.source = call.param("source", filters.ALNUM)
        if call.function == "version":
            settings = self.settings
            line = version_line(
                settings.non_agent_version,
                settings.non_agent_build,
                system.server_clock(call.conn, call.now),
            )
            reply.line(line)
            reply.log("SUCCESS", data=line)
            return
        if call.function in TEAPOT_FUNCTIONS:
            self._teapot(call)
            return
        user = call.param("user", filters.LOGIN)
        password = call.param("pass", filters.LOGIN)
        result = self._login(call, login, user, password, api=NON_AGENT, min_level=7)
        if result.user is None:
            # Unlike VICIdial, never echo the password (DEVIATIONS.md D1).
            if result.failure == "LOCK":
                reply.line(
                    f"ERROR: Too many login attempts, try again in 15 minutes: |{user}|LOCK|"
                )
            else:
                reply.line(f"ERROR: Login incorrect, please try again: |{user}||{result.failure}|")
            return
        call.user = result.user
        spec = self.non_agent_functions.get(call.function)
        if spec is not None and spec.list_restricted:
            try:
                call.allowed_lists = allowed_list_ids(call.conn, result.user)
            except LookupError:
                reply.line(f"ERROR: user_group DOES NOT EXIST: |{user}|{result.user.user_group}|")
                return
        self._dispatch(call, self.non_agent_functions, unknown=self._no_function)

    def _agent(self, call: Call, login: Login) -> None:
        reply = call.reply
        if call.non_latin:
            # api.php filters function and source with every Unicode letter kept too.
            call.function = reply.function = call.request.get("function", filters.LOGIN.non_latin)
            call.source = call.request.get("source", filters.LETTERS_DIGITS.non_latin)
        if call.function == "version":
            settings = self.settings
            line = (
                f"VERSION: {settings.agent_version}|BUILD: {settings.agent_build}|"
                f"DATE: {call.now:%Y-%m-%d %H:%M:%S}|EPOCH: {int(call.now.timestamp())}"
            )
            reply.line(line)
            _agent_log(call, "SUCCESS", data=line)
            return
        if call.function in TEAPOT_FUNCTIONS:
            self._teapot(call)
            return
        if filters.php_strlen(call.source) < 2:
            reply.line(f"ERROR: Invalid Source - {call.source}")
            _agent_log(call, "ERROR", "Invalid Source")
            return
        user = call.param("user", filters.LOGIN.pick(call.non_latin))
        password = call.param("pass", filters.AGENT_PASS.pick(call.non_latin))
        result = None
        if filters.php_strlen(user) >= 2 and filters.php_strlen(password) >= 2:
            result = self._login(call, login, user, password, api=AGENT, min_level=1)
        else:
            login.failed_user = user
        if result is not None and result.user is not None:
            api_access = has_agent_api_access(result.user.row)
        else:
            api_access = user_has_agent_api_access(call.conn, user)
        if result is None or result.user is None or not api_access:
            auth = 1 if result is not None and result.user is not None else 0
            message = "GOOD" if auth else (result.failure if result and result.failure else "BAD")
            if message == "BAD":
                message = "BAD|0|api"  # VICIdial appends its SQL here; leadgate never does (D2)
            reply.line(
                f"ERROR: Invalid Username/Password: |{user}||{auth}|{int(api_access)}|{message}|"
            )
            # Logged like VICIdial's row, without the password.
            _agent_log(call, "ERROR", "Invalid Username/Password",
                       data=f"{user}||{auth}|{int(api_access)}|{message}|")  # fmt: skip
            return
        call.user = result.user
        if not system.agent_api_active(call.conn):
            reply.line("ERROR: System API NOT ACTIVE")
            _agent_log(call, "ERROR", "System API NOT ACTIVE")
            return
        self._dispatch(call, self.agent_functions, unknown=None)

    @staticmethod
    def _teapot(call: Call) -> None:
        body = f"Coffee: {call.function}|Error 418 I'm a teapot"
        call.reply.status = 418
        call.reply.echo(body)
        call.reply.log("ERROR", data=body)

    @staticmethod
    def _no_function(call: Call) -> None:
        call.reply.line("ERROR: NO FUNCTION SPECIFIED")
        call.reply.log("ERROR", "NO FUNCTION SPECIFIED")

    @staticmethod
    def _dispatch(call: Call, table: FunctionTable, unknown: Steps | None) -> None:
        spec = table.get(call.function)
        if spec is None:
            if unknown is not None:
                unknown(call)
            return
        call.spec = spec
        with contextlib.suppress(Finished):
            spec.handler(call)

    # -- transaction and log plumbing --------------------------------------------------------

    def _run(self, request: ApiRequest, api_script: str, steps: Steps) -> Reply:
        started = time.perf_counter()
        function = request.get("function", filters.LOGIN)
        reply = Reply(function=function)
        now = clock.now()
        source = request.get("source", filters.ALNUM)
        call: Call | None = None
        try:
            with self.db.unit_of_work(now) as uow:
                call = self._new_call(request, uow, function, source, reply, api_script)
                steps(call)
                self._write_log(call, api_script, started)
        except Abort:
            if call is not None:
                source = call.source  # as the call filtered it (use_non_latin)
            self._write_log_alone(request, now, function, source, reply, api_script, started)
        except PasswordCheckNeeded:
            raise  # nothing was written: the caller verifies and runs the call again
        except Exception as exc:
            if (table := missing_table(exc)) is not None:  # as VICIdial, which crashes there
                log.warning("%s %s needs table %s, which this database lacks",
                            api_script, function, table)  # fmt: skip
            else:
                log.exception("unexpected failure in %s %s", api_script, function)
            reply = Reply(function=function)
            reply.line(f"ERROR: {function or 'request'} FAILED, NOTHING WAS CHANGED - SYSTEM ERROR")
        return reply

    def _new_call(
        self, request: ApiRequest, uow: UnitOfWork, function: str, source: str, reply: Reply,
        api_script: str,
    ) -> Call:  # fmt: skip
        # The Non-Agent API filters its parameters by name (non_agent_api.php); the Agent
        # API's handlers pick their own filters (AgentCall.param).
        non_latin_params = NON_LATIN_PARAMS if api_script == "non-agent" else {}
        return Call(request=request, uow=uow, settings=self.settings, function=function,
                    source=source, reply=reply, non_latin_params=non_latin_params)  # fmt: skip

    def _write_log_alone(
        self, request: ApiRequest, now: datetime, function: str, source: str, reply: Reply,
        api_script: str, started: float,
    ) -> None:  # fmt: skip
        """After an Abort rolled the call back: its log rows in a unit of work of their own."""
        with self.db.unit_of_work(now) as uow:
            call = self._new_call(request, uow, function, source, reply, api_script)
            self._write_log(call, api_script, started)

    def _write_log(self, call: Call, api_script: str, started: float) -> None:
        if not call.reply.logs:
            return
        run_time = f"{time.perf_counter() - started:.6f}"
        # Both APIs filter user and agent_user as use_non_latin says (the Non-Agent API's
        # Call.param picks the twin itself).
        login_filter = filters.LOGIN.pick(api_script == "agent" and call.non_latin)
        user = call.param("user", login_filter)
        # VICIdial logs the request's agent_user on every row of the call, whatever the
        # function, unless the function names another one.
        requested_agent = call.param("agent_user", login_filter)
        rows = [
            {
                "user": user,
                "api_date": call.now,
                "api_script": api_script,
                "function": record.function,
                "agent_user": record.agent_user or requested_agent,
                "value": record.value,
                "result": record.result,
                "result_reason": record.reason,
                "source": call.source,
                "data": record.data,
                "run_time": run_time,
                "webserver": 0,
                "api_url": 0,
            }
            for record in call.reply.logs
        ]
        if self.settings.log_api_urls:
            url = _url_without_password(call.request)
            for row in rows:
                call.uow.log_api_call_with_url(row, url=url, remote_ip=call.request.client_ip)
        else:
            call.uow.log_api_calls(rows)


def _agent_log(call: Call, result: str, reason: str = "", data: str = "") -> None:
    """An Agent API log row carries the agent_user and value of the request."""
    non_latin = call.non_latin
    call.reply.log(result, reason, data=data, value=agent_value(call.request, non_latin=non_latin),
                   agent_user=call.request.get("agent_user", filters.LOGIN.pick(non_latin)))  # fmt: skip


def _url_without_password(request: ApiRequest) -> str:
    """The called URL as VICIdial logs it (query string, then `&GET-AND-POST=Y&` and the posted
    fields), with every credential parameter (`pass`, `agent_pass`, `phone_pass` …) masked."""
    query = mask_credentials(request.query_string)
    body = mask_credentials(request.body_string)
    if body:
        query = f"{query}&GET-AND-POST=Y&{body}" if query else body
    # A raw NUL byte cannot be stored in PostgreSQL text (and means nothing in a URL).
    return f"{request.path}?{query}".replace("\x00", "")

"""Who is calling: credential check, lockout, failure budgets and the user's permissions.

Rules (VICIdial's): a login passes with the right password, an active account and a user level
above the endpoint's minimum, unless the account is locked. Deviation D8: 10 consecutive failed
logins within 15 minutes lock the account for 15 minutes — always. The failure streak's window
starts at its first failure (written to last_login_date, as VICIdial does when it restarts a
count) and the 10th failure moves last_login_date to its own time, so the lock lasts 15 minutes
from there; VICIdial's own lock test (failed_login_count >= 10 and last_login_date less than 15
minutes ago) then agrees on a shared database.

Bookkeeping as each API writes it: the Non-Agent API records a success (last_login_date,
last_ip, failed_login_count = 0) and marks failures `aBAD`/`aLOCK`; the Agent API records
nothing on success and marks failures `01cBAD`/`02cBAD`/`03cLOCK`.

Password verification never runs on the event loop: `authenticate(defer=True)` raises
PasswordCheckNeeded before the call has written anything; LoginGuard.check verifies in the
verification threads (charging the failure budgets) and the call runs again with the outcome.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
import os
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection

from leadgate.domain.passwords import PasswordVerifier
from leadgate.domain.throttle import FailureBudget
from leadgate.storage import users as user_store
from leadgate.storage.users import LoginFailure

LOCK_ATTEMPTS = 10
LOCK_WINDOW = timedelta(minutes=15)
# A successful login refreshes last_login_date/last_ip at most this often: VICIdial writes them
# on every call, which costs a write per request for no information.
LOGIN_REFRESH = timedelta(seconds=60)

NON_AGENT = "non-agent"
AGENT = "agent"

security_log = logging.getLogger("leadgate.security")


@dataclass(frozen=True)
class User:
    """The authenticated caller, with the permission columns of vicidial_users."""

    row: Mapping[str, Any]

    @property
    def name(self) -> str:
        return str(self.row["user"])

    @property
    def level(self) -> int:
        return int(self.row["user_level"] or 0)

    @property
    def user_group(self) -> str:
        return str(self.row["user_group"] or "")

    def flag(self, column: str) -> str:
        """An ENUM('0','1'...) permission column as text ('' when NULL)."""
        value = self.row.get(column)
        return "" if value is None else str(value)

    def has(self, column: str) -> bool:
        return self.flag(column) == "1"


@dataclass(frozen=True)
class AuthResult:
    user: User | None
    failure: str = ""  # "BAD" or "LOCK" when user is None


class PasswordCheckNeeded(Exception):
    """Raised before anything was written: this password must be verified (off the loop)
    against this stored credential (both empty: the user does not exist)."""

    def __init__(self, user: str, password: str, stored_plain: str, stored_hash: str) -> None:
        super().__init__(user)
        self.user = user
        self.password = password
        self.stored_plain = stored_plain
        self.stored_hash = stored_hash

    def __repr__(self) -> str:  # never show the password
        return f"PasswordCheckNeeded({self.user!r})"

    __str__ = __repr__


@dataclass(frozen=True)
class PasswordOutcome:
    """The verification made for one request, handed to its second run."""

    user: str
    password: str
    stored_plain: str
    stored_hash: str
    ok: bool
    # Refused by the failure budget without a verification: a failure that is not counted.
    throttled: bool = False

    def __repr__(self) -> str:
        return f"PasswordOutcome({self.user!r}, ok={self.ok}, throttled={self.throttled})"

    def answers(self, user: str, password: str, stored_plain: str, stored_hash: str) -> bool:
        if self.user != user or not hmac.compare_digest(self.password.encode(), password.encode()):
            return False
        return self.throttled or (self.stored_plain, self.stored_hash) == (
            stored_plain,
            stored_hash,
        )


def _is_locked(row: Mapping[str, Any], now: datetime) -> bool:
    count = int(row["failed_login_count"] or 0)
    last = row["last_login_date"]
    return count >= LOCK_ATTEMPTS and last is not None and last >= now - LOCK_WINDOW


class RecentLogins:
    """Successful logins remembered for about a second, per process.

    A client sending a burst of calls then costs one vicidial_users read per second instead of
    one per call. Permission changes therefore take effect within `ttl` seconds; a failed login
    forgets the user at once. The password is kept only as a keyed hash.
    """

    def __init__(self, ttl_seconds: float = 1.0) -> None:
        self._ttl = ttl_seconds
        self._secret = os.urandom(32)
        self._entries: dict[str, tuple[bytes, float, dict[str, Any]]] = {}

    def _digest(self, user: str, password: str) -> bytes:
        return hmac.new(self._secret, f"{user}\x00{password}".encode(), hashlib.sha256).digest()

    def get(self, user: str, password: str) -> dict[str, Any] | None:
        if self._ttl <= 0:
            return None
        entry = self._entries.get(user)
        if entry is None or entry[1] < time.monotonic():
            return None
        return entry[2] if hmac.compare_digest(entry[0], self._digest(user, password)) else None

    def put(self, user: str, password: str, row: dict[str, Any]) -> None:
        if self._ttl > 0:
            if len(self._entries) > 10_000:
                self._entries.clear()
            self._entries[user] = (self._digest(user, password), time.monotonic() + self._ttl, row)

    def forget(self, user: str) -> None:
        self._entries.pop(user, None)


def _may_log_in(row: Mapping[str, Any], min_level: int, now: datetime) -> bool:
    return (
        int(row["user_level"] or 0) >= min_level
        and row["active"] == "Y"
        and not _is_locked(row, now)
    )


def authenticate(
    conn: Connection,
    verifier: PasswordVerifier,
    user: str,
    password: str,
    *,
    min_level: int,
    now: datetime,
    ip: str,
    recent: RecentLogins | None = None,
    api: str = NON_AGENT,
    checked: PasswordOutcome | None = None,
    defer: bool = False,
) -> AuthResult:
    """Check a login and write its bookkeeping. With `defer`, a password that is not in the
    verifier's cache raises PasswordCheckNeeded instead of being verified here (blocking)."""
    cached = recent.get(user, password) if recent is not None else None
    if cached is not None and _may_log_in(cached, min_level, now):
        return AuthResult(User(cached))
    row = user_store.find_for_auth(conn, user) if user else None
    throttled = False
    if row is not None and _is_locked(row, now):
        good = False  # whatever the password: no verification needed
    else:
        stored_plain = str(row["pass"] or "") if row is not None else ""
        stored_hash = str(row["pass_hash"] or "") if row is not None else ""
        if not user or not password:
            good = False
        elif checked is not None and checked.answers(user, password, stored_plain, stored_hash):
            good, throttled = checked.ok, checked.throttled
        elif verifier.cached(user, password, stored_plain, stored_hash):
            good = True
        elif defer:
            raise PasswordCheckNeeded(user, password, stored_plain, stored_hash)
        else:
            good = verifier.verify(user, password, stored_plain, stored_hash)
    if row is not None and good and _may_log_in(row, min_level, now):
        if api == NON_AGENT and _needs_login_refresh(row, now, ip):
            user_store.record_login_success(conn, user, now, ip)
            row = {**row, "failed_login_count": 0, "last_login_date": now, "last_ip": ip[:15]}
        if recent is not None:
            recent.put(user, password, row)
        return AuthResult(User(row))
    failure = "BAD"
    if row is not None and not throttled:
        failure = _count_failure(conn, user, api, now, ip)
    if recent is not None:
        recent.forget(user)
    security_log.warning(
        "failed API login user=%r ip=%s result=%s%s",
        user, ip, failure, " (throttled, not verified)" if throttled else "",
    )  # fmt: skip
    return AuthResult(None, failure)


def _needs_login_refresh(row: Mapping[str, Any], now: datetime, ip: str) -> bool:
    last = row["last_login_date"]
    return (
        int(row["failed_login_count"] or 0) != 0
        or last is None
        or last < now - LOGIN_REFRESH
        or (row["last_ip"] or "") != ip[:15]
    )


def _count_failure(conn: Connection, user: str, api: str, now: datetime, ip: str) -> str:
    """Record one failed login (D8 rules, see the module docstring); "BAD" or "LOCK"."""
    state = user_store.login_state_for_update(conn, user)
    if state is None:
        return "BAD"
    count, last = state
    window_open = last is not None and last >= now - LOCK_WINDOW
    if count >= LOCK_ATTEMPTS and window_open:
        user_store.record_login_failure(conn, user, api=api, kind=LoginFailure.LOCKED, ip=ip)
        return "LOCK"
    new_last: datetime | None
    if count >= LOCK_ATTEMPTS:
        kind, new_count, new_last = LoginFailure.RESTARTED, 1, now
    elif count == 0 or not window_open:
        kind, new_count, new_last = LoginFailure.COUNTED, 1, now  # a new streak's window
    else:
        new_count = count + 1
        kind, new_last = LoginFailure.COUNTED, (now if new_count >= LOCK_ATTEMPTS else None)
    user_store.record_login_failure(conn, user, api=api, kind=kind, ip=ip, count=new_count,
                                    last_login_date=new_last)  # fmt: skip
    return "BAD"


class LoginGuard:
    """Verifies passwords off the event loop and keeps the per-address and per-user failure
    budgets (domain/throttle.py)."""

    def __init__(
        self,
        verifier: PasswordVerifier,
        *,
        burst: int = 10,
        interval: float = 2.0,
        max_delay: float = 2.0,
        max_pending: int | None = None,
    ) -> None:
        self.verifier = verifier
        self.by_address = FailureBudget(burst * 2, interval)
        self.by_user = FailureBudget(burst, interval)
        self.max_delay = max_delay
        # More distinct verifications waiting than this are refused unverified (a flood of
        # cold logins from many addresses must not queue without bound).
        self.max_pending = max_pending if max_pending is not None else 64 * verifier.threads

    def _wait(self, ip: str, user: str) -> float:
        return max(self.by_address.wait(ip), self.by_user.wait(user))

    async def check(self, need: PasswordCheckNeeded, ip: str) -> PasswordOutcome:
        """Verify in the verification threads. A source that is over its failure budget waits
        first; one too far over it (or a full queue) is refused without a verification."""
        wait = self._wait(ip, need.user)
        refused = wait > self.max_delay or self.verifier.pending >= self.max_pending
        if wait > 0:
            await asyncio.sleep(min(wait, self.max_delay))
        if refused:
            ok = False
        else:
            ok = await self.verifier.check(
                need.user, need.password, need.stored_plain, need.stored_hash
            )
        return PasswordOutcome(need.user, need.password, need.stored_plain, need.stored_hash,
                               ok=ok, throttled=refused)  # fmt: skip

    def check_blocking(self, need: PasswordCheckNeeded) -> PasswordOutcome:
        ok = self.verifier.verify(need.user, need.password, need.stored_plain, need.stored_hash)
        return PasswordOutcome(need.user, need.password, need.stored_plain, need.stored_hash, ok)

    def charge_failure(self, ip: str, user: str) -> float:
        """A login failed: charge both budgets; returns how long its answer should wait."""
        return min(max(self.by_address.charge(ip), self.by_user.charge(user)), self.max_delay)


def allowed_list_ids(conn: Connection, user: User) -> set[str] | None:
    """The list ids an api_list_restrict user may touch; None when the user is not restricted.

    Raises LookupError when the user's group does not exist.
    """
    if user.flag("api_list_restrict") != "1":
        return None
    group = user_store.find_user_group(conn, user.user_group)
    if group is None:
        raise LookupError(user.user_group)
    allowed = str(group["allowed_campaigns"] or "")
    if "-ALL" in allowed.upper():
        # "all campaigns" still means the lists that exist: an undefined list is not allowed.
        return set(user_store.all_list_ids(conn))
    campaigns = [c for c in allowed.replace(" -", " ").split() if c]
    return set(user_store.list_ids_of_campaigns(conn, campaigns))


def has_agent_api_access(row: Mapping[str, Any] | None) -> bool:
    """The Agent API's vdc_agent_api_access test: only the flag (an inactive user fails the
    login test instead)."""
    return row is not None and str(row["vdc_agent_api_access"] or "") == "1"


def user_has_agent_api_access(conn: Connection, user: str) -> bool:
    return bool(user) and has_agent_api_access(user_store.find_for_auth(conn, user))

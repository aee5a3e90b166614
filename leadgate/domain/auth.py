"""Who is calling: credential check, lockout, and the user's permissions.

Rules (VICIdial's): a login passes with the right password, an active account and a user level
above the endpoint's minimum, unless the account is locked — 10 or more failed logins and the
last login (or lock start) less than 15 minutes ago. Each failure of an existing user counts up;
after the window a failure restarts the count at 1.
"""

from __future__ import annotations

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
from leadgate.storage import users as user_store

LOCK_ATTEMPTS = 10
LOCK_WINDOW = timedelta(minutes=15)
# A successful login refreshes last_login_date/last_ip at most this often: VICIdial writes them
# on every call, which costs a write per request for no information.
LOGIN_REFRESH = timedelta(seconds=60)

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
) -> AuthResult:
    cached = recent.get(user, password) if recent is not None else None
    if cached is not None and _may_log_in(cached, min_level, now):
        return AuthResult(User(cached))
    row = user_store.find_for_auth(conn, user) if user else None
    if row is not None:
        good = verifier.verify(
            user, password, str(row["pass"] or ""), str(row["pass_hash"] or "")
        ) and _may_log_in(row, min_level, now)
        if good:
            if _needs_login_refresh(row, now, ip):
                user_store.record_login_success(conn, user, now, ip)
                row = {**row, "failed_login_count": 0, "last_login_date": now, "last_ip": ip[:15]}
            if recent is not None:
                recent.put(user, password, row)
            return AuthResult(User(row))
        failure = _count_failure(conn, row, user, now, ip)
    else:
        failure = "BAD"
    if recent is not None:
        recent.forget(user)
    security_log.warning("failed API login user=%r ip=%s result=%s", user, ip, failure)
    return AuthResult(None, failure)


def _needs_login_refresh(row: Mapping[str, Any], now: datetime, ip: str) -> bool:
    last = row["last_login_date"]
    return (
        int(row["failed_login_count"] or 0) != 0
        or last is None
        or last < now - LOGIN_REFRESH
        or (row["last_ip"] or "") != ip[:15]
    )


def _count_failure(
    conn: Connection, row: Mapping[str, Any], user: str, now: datetime, ip: str
) -> str:
    count = int(row["failed_login_count"] or 0)
    if count < LOCK_ATTEMPTS:
        user_store.record_login_failure(conn, user, now, ip, restart_count=False, locked=False)
        return "BAD"
    last = row["last_login_date"]
    if last is None or last < now - LOCK_WINDOW:
        user_store.record_login_failure(conn, user, now, ip, restart_count=True, locked=False)
        return "BAD"
    user_store.record_login_failure(conn, user, now, ip, restart_count=False, locked=True)
    return "LOCK"


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

"""Password hashing and verification: off the event loop, uniform in cost, with a safe cache.

VICIdial clients send user and password on every request, and an argon2 verification costs tens
of milliseconds of CPU, so:

* a successful verification is remembered for a short time, keyed by a keyed hash (HMAC with a
  per-process random secret) of the user, the password and the stored credential — nothing
  readable is kept, and changing the stored credential misses the cache at once;
* a verification that is not cached runs in a small pool of low-priority threads of its own
  (`check`), never on the event loop, and at most `threads` at a time;
* every uncached verification costs one argon2 verification, whether the user exists, has an
  argon2 hash or a plain VICIdial password: an unknown user is checked against a dummy hash, so
  the answer's timing does not tell which user names exist.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import hashlib
import hmac
import os
import secrets
import string
import threading
import time
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def generate_password(length: int = 20) -> str:
    # VICIdial filters passwords to [-_0-9a-zA-Z], so a generated one must stay inside that set.
    alphabet = string.ascii_letters + string.digits
    return "".join(secrets.choice(alphabet) for _ in range(length))


def is_argon2_hash(stored: str | None) -> bool:
    return bool(stored) and str(stored).startswith("$argon2")


@functools.cache
def _dummy_hash() -> str:
    """A hash no password matches, with the same parameters as real ones (same cost)."""
    return _hasher.hash(secrets.token_hex(16))


def _lower_priority() -> None:
    """Verification threads yield the CPU to the event loop and the database work."""
    with contextlib.suppress(OSError, AttributeError):
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)


class PasswordVerifier:
    def __init__(
        self, ttl_seconds: float = 300.0, max_entries: int = 10_000, threads: int = 1
    ) -> None:
        self._secret = os.urandom(32)
        self._ttl = ttl_seconds
        self._max = max_entries
        self._verified: OrderedDict[bytes, float] = OrderedDict()
        self.threads = max(1, threads)
        self._executor: ThreadPoolExecutor | None = None
        self._lock = threading.Lock()
        self.pending = 0  # verifications queued or running in the pool
        # The same password for the same credential asked again while being verified: the
        # later requests wait for that one verification (a burst of cold logins costs one).
        self._in_flight: dict[bytes, asyncio.Future[bool]] = {}

    def cached(self, user: str, password: str, stored_plain: str, stored_hash: str) -> bool:
        """True when this password was verified against this stored credential recently."""
        if not password:
            return False
        expires = self._verified.get(self._key(user, password, stored_plain, stored_hash))
        return expires is not None and expires > time.monotonic()

    def verify(self, user: str, password: str, stored_plain: str, stored_hash: str) -> bool:
        """True when `password` matches the stored argon2 hash or (VICIdial) plain password.

        Blocking: for the command line and synchronous callers; the server uses `check`."""
        if not password:
            return False
        if self.cached(user, password, stored_plain, stored_hash):
            return True
        return self._check_and_remember(user, password, stored_plain, stored_hash)

    async def check(self, user: str, password: str, stored_plain: str, stored_hash: str) -> bool:
        """`verify` without the cache look-up, in the verification threads (never on the
        event loop); at most `threads` verifications run at once, the others wait, and
        identical ones share one."""
        if not password:
            return False
        key = self._key(user, password, stored_plain, stored_hash)
        running = self._in_flight.get(key)
        if running is not None:
            return await asyncio.shield(running)
        # An identical verification may have finished (and been remembered) after the
        # caller's own cache look-up: the burst still costs one.
        expires = self._verified.get(key)
        if expires is not None and expires > time.monotonic():
            return True
        future = asyncio.wrap_future(
            self._pool().submit(self._check_and_remember, user, password, stored_plain, stored_hash)
        )
        self._in_flight[key] = future
        self.pending += 1
        try:
            return await asyncio.shield(future)
        finally:
            self.pending -= 1
            self._in_flight.pop(key, None)

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None

    def forget_all(self) -> None:
        self._verified.clear()

    def _pool(self) -> ThreadPoolExecutor:
        if self._executor is None:
            self._executor = ThreadPoolExecutor(
                max_workers=self.threads,
                thread_name_prefix="leadgate-verify",
                initializer=_lower_priority,
            )
        return self._executor

    def _check_and_remember(
        self, user: str, password: str, stored_plain: str, stored_hash: str
    ) -> bool:
        ok = self._check(password, stored_plain, stored_hash)
        if ok:
            with self._lock:
                self._remember(self._key(user, password, stored_plain, stored_hash))
        return ok

    def _key(self, user: str, password: str, stored_plain: str, stored_hash: str) -> bytes:
        message = "\x00".join((user, password, stored_plain, stored_hash)).encode()
        return hmac.new(self._secret, message, hashlib.sha256).digest()

    @staticmethod
    def _check(password: str, stored_plain: str, stored_hash: str) -> bool:
        """Exactly one argon2 verification, whatever is stored."""
        if is_argon2_hash(stored_hash):
            try:
                return _hasher.verify(stored_hash, password)
            except (VerificationError, InvalidHashError):
                return False
        with contextlib.suppress(VerificationError, InvalidHashError):
            _hasher.verify(_dummy_hash(), password)
        if stored_plain:
            return hmac.compare_digest(stored_plain.encode(), password.encode())
        return False

    def _remember(self, key: bytes) -> None:
        self._verified[key] = time.monotonic() + self._ttl
        self._verified.move_to_end(key)
        while len(self._verified) > self._max:
            self._verified.popitem(last=False)

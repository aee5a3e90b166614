"""Password hashing and verification with a safe in-memory cache.

VICIdial clients send user and password on every request, and an argon2 verification costs tens
of milliseconds, so a successful verification is remembered for a short time. The cache key is a
keyed hash (HMAC with a per-process random secret) of the user, the password and the stored
credential: nothing readable is kept, and changing the stored credential misses the cache at once.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import string
import time
from collections import OrderedDict

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


class PasswordVerifier:
    def __init__(self, ttl_seconds: float = 300.0, max_entries: int = 10_000) -> None:
        self._secret = os.urandom(32)
        self._ttl = ttl_seconds
        self._max = max_entries
        self._verified: OrderedDict[bytes, float] = OrderedDict()

    def verify(self, user: str, password: str, stored_plain: str, stored_hash: str) -> bool:
        """True when `password` matches the stored argon2 hash or (VICIdial) plain password."""
        if not password:
            return False
        key = self._key(user, password, stored_plain, stored_hash)
        expires = self._verified.get(key)
        if expires is not None and expires > time.monotonic():
            return True
        ok = self._check(password, stored_plain, stored_hash)
        if ok:
            self._remember(key)
        return ok

    def forget_all(self) -> None:
        self._verified.clear()

    def _key(self, user: str, password: str, stored_plain: str, stored_hash: str) -> bytes:
        message = "\x00".join((user, password, stored_plain, stored_hash)).encode()
        return hmac.new(self._secret, message, hashlib.sha256).digest()

    @staticmethod
    def _check(password: str, stored_plain: str, stored_hash: str) -> bool:
        if is_argon2_hash(stored_hash):
            try:
                return _hasher.verify(stored_hash, password)
            except (VerificationError, InvalidHashError):
                return False
        if stored_plain:
            return hmac.compare_digest(stored_plain.encode(), password.encode())
        return False

    def _remember(self, key: bytes) -> None:
        self._verified[key] = time.monotonic() + self._ttl
        self._verified.move_to_end(key)
        while len(self._verified) > self._max:
            self._verified.popitem(last=False)

"""Named locks held until the current transaction ends: check-then-insert without races.

VICIdial checks for a duplicate and then inserts in separate statements, so two identical
requests arriving together both get in. leadgate takes a lock named after the duplicate key
first, inside the call's transaction, so the second request's duplicate SELECT runs only after
the first one's INSERT is committed — and sees it.

* SQLite: every write transaction starts with BEGIN IMMEDIATE (storage/database.py), which
  already serialises writers across processes; nothing more to do.
* PostgreSQL: `pg_advisory_xact_lock(key)`; released by COMMIT/ROLLBACK. Its default READ
  COMMITTED isolation gives the next statement a fresh snapshot.
* MariaDB/MySQL: `GET_LOCK(name, timeout)` is a session lock, so it is released when the
  connection goes back to the pool, i.e. after the transaction has committed. The engine runs
  READ COMMITTED (storage/database.py) so the SELECT after the lock sees the other commit.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any
from weakref import WeakSet

from sqlalchemy import (
    BigInteger,
    Connection,
    Engine,
    Integer,
    String,
    bindparam,
    event,
    func,
    select,
)

LOCK_TIMEOUT_SECONDS = 30
_MYSQL_LOCKS_KEY = "leadgate_named_locks"

_pg_lock = select(func.pg_advisory_xact_lock(bindparam("key", type_=BigInteger)))
_mysql_lock = select(
    func.get_lock(bindparam("name", type_=String), bindparam("timeout", type_=Integer))
)

_hooked_engines: WeakSet[Engine] = WeakSet()


class LockTimeout(RuntimeError):
    """A named lock could not be taken in time (another call held it too long)."""


def lock_for_transaction(conn: Connection, keys: Iterable[str]) -> None:
    """Hold every named lock in `keys` until this transaction ends.

    Keys are taken in sorted order so that two calls needing the same keys cannot deadlock.
    """
    ordered = sorted(set(keys))
    if not ordered:
        return
    backend = conn.dialect.name
    if backend == "postgresql":
        for key in ordered:
            conn.execute(_pg_lock, {"key": _key64(key)})
    elif backend == "mysql":
        _ensure_release_hook(conn.engine)
        held: list[str] = conn.info.setdefault(_MYSQL_LOCKS_KEY, [])
        for key in ordered:
            name = _mysql_name(key)
            got = conn.execute(_mysql_lock, {"name": name, "timeout": LOCK_TIMEOUT_SECONDS})
            if got.scalar() != 1:
                raise LockTimeout(f"lock {key!r} not granted within {LOCK_TIMEOUT_SECONDS}s")
            held.append(name)
    # sqlite: BEGIN IMMEDIATE already made this transaction the only writer.


def _key64(key: str) -> int:
    """A stable signed 64-bit number for a lock key (PostgreSQL advisory locks)."""
    digest = hashlib.blake2b(key.encode("utf-8", "replace"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def _mysql_name(key: str) -> str:
    """A lock name within MySQL's 64-character limit, unique per database."""
    return "leadgate:" + hashlib.blake2b(key.encode("utf-8", "replace"), digest_size=16).hexdigest()


def _ensure_release_hook(engine: Engine) -> None:
    """Release a connection's GET_LOCK locks when it returns to the pool (after COMMIT)."""
    if engine in _hooked_engines:
        return
    _hooked_engines.add(engine)
    event.listen(engine, "checkin", _release_on_checkin)


def _release_on_checkin(dbapi_connection: Any, record: Any) -> None:
    names = record.info.pop(_MYSQL_LOCKS_KEY, None)
    if not names or dbapi_connection is None:
        return  # a closed connection's session locks died with it
    cursor = dbapi_connection.cursor()
    try:
        for name in names:
            cursor.execute("DO RELEASE_LOCK(%s)", (name,))
    finally:
        cursor.close()

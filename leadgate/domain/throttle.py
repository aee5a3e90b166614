"""Failure budgets: repeated failed logins from one source are slowed down, nobody else is.

One budget per key (a client address, a user name) in the shape of a token bucket kept as a
single number (GCRA): `burst` failures pass at once, then one per `interval` seconds; beyond
that a failing client waits for its answer, and a client that is more than `max_delay` ahead
of its budget gets no password verification at all until it falls back inside it. Only failed
logins are charged, so a client whose logins succeed is never slowed. The budgets live in the
memory of one process, bounded in size.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable


class FailureBudget:
    def __init__(
        self,
        burst: int = 10,
        interval: float = 1.0,
        *,
        cap: float = 60.0,
        max_keys: int = 100_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.interval = interval
        self._tolerance = interval * max(burst - 1, 0)
        self._cap = cap  # how far ahead of its budget a key can get: forgiven this long after
        self._max_keys = max_keys
        self._clock = clock
        # key -> theoretical arrival time of the next failure (GCRA); absent = a full budget
        self._due: OrderedDict[str, float] = OrderedDict()
        self._next_prune = min(10_000, max_keys)

    def __len__(self) -> int:
        return len(self._due)

    def wait(self, key: str) -> float:
        """Seconds a failure of `key` would have to wait now (0 = within the budget)."""
        due = self._due.get(key)
        if due is None:
            return 0.0
        return max(0.0, due - self._tolerance - self._clock())

    def charge(self, key: str) -> float:
        """Count one failure of `key`; returns how long its answer should wait."""
        now = self._clock()
        due = max(self._due.get(key, now), now) + self.interval
        due = min(due, now + self._tolerance + self._cap)
        self._due[key] = due
        self._due.move_to_end(key)
        if len(self._due) > self._next_prune:
            self._prune(now)
            self._next_prune = min(max(10_000, 2 * len(self._due)), self._max_keys)
        return max(0.0, due - self.interval - self._tolerance - now)

    def _prune(self, now: float) -> None:
        """Drop the keys whose budget is full again; then the least recently charged."""
        for key in [k for k, due in self._due.items() if due <= now]:
            del self._due[key]
        while len(self._due) >= self._max_keys:
            self._due.popitem(last=False)

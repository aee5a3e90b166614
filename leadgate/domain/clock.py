"""Server-local time. VICIdial stores every DATETIME in the server's local zone, naive."""

from __future__ import annotations

import time
from datetime import datetime


def now() -> datetime:
    return datetime.now().replace(microsecond=0)


def is_dst(moment: datetime | None = None) -> bool:
    stamp = time.mktime((moment or now()).timetuple())
    return bool(time.localtime(stamp).tm_isdst)

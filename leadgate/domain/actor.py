"""Who makes an admin change: written to vicidial_admin_log and carried by the events."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Actor:
    user: str  # the API user, or the CLI's --by name ("CLI" by default)
    ip: str = ""  # the API caller's address; "" from the CLI

"""The `version` line both APIs answer before authentication."""

from __future__ import annotations

from leadgate.domain.system import ServerClock


def version_line(version: str, build: str, clock: ServerClock) -> str:
    now = clock.now
    dst = 1 if clock.dst else 0
    if clock.local_gmt is None:
        tz_text, tz_now = "", _number(clock.tz_now_hours)
    else:
        # With DST off VICIdial prints the stored text as it is ("-5.00").
        tz_text = clock.local_gmt
        tz_now = _number(clock.tz_now_hours) if dst else clock.local_gmt
    epoch = int(now.timestamp())
    return (
        f"VERSION: {version}|BUILD: {build}|DATE: {now:%Y-%m-%d %H:%M:%S}|EPOCH: {epoch}|"
        f"DST: {dst}|TZ: {tz_text}|TZNOW: {tz_now}|"
    )


def _number(value: float) -> str:
    """PHP prints numbers without a trailing .0 (-4.0 → -4, 5.5 → 5.5)."""
    return str(int(value)) if value == int(value) else str(value)

"""Turning refusals and database failures into one clear error line (exit code 1, no traceback)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import SQLAlchemyError

from leadgate.cli.common import fail
from leadgate.cli.wording import refusal
from leadgate.domain.refusals import Refused


@contextmanager
def refusals() -> Iterator[None]:
    try:
        yield
    except Refused as exc:
        fail(refusal(exc))
    except SQLAlchemyError as exc:
        # The driver's own message names the problem (missing table, lost server …).
        reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        missing = any(
            s in reason.lower() for s in ("no such table", "doesn't exist", "does not exist")
        )
        fail(f"database error: {reason}" + (" (run `leadgate init` first)" if missing else ""))

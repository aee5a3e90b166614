"""Issue 8: the fuzz run at reduced size against a live `leadgate serve` on this engine
(scripts/fuzz.py runs it at full size: `--requests 100000`)."""

from __future__ import annotations

import os

import pytest

from scripts import fuzz

REQUESTS = int(os.environ.get("LEADGATE_FUZZ_REQUESTS", "2000"))


def test_fuzzed_requests_leave_no_5xx_traceback_system_error_or_password(
    request: pytest.FixtureRequest,
) -> None:
    option = request.config.getoption("--db-url")
    verdict = fuzz.run(None if option == "sqlite" else option, REQUESTS, seed=7)
    summary = verdict.summary()
    assert verdict.sent == REQUESTS
    assert summary["5xx"] == 0, summary["examples"]
    assert summary["system_error_lines"] == 0, summary["examples"]
    assert summary["tracebacks"] == 0
    assert summary["password_in_replies"] == 0 and summary["password_in_log"] == 0
    assert summary["password_in_tables"] == []
    # Memory growth is judged by the full-size run (2,000 requests barely warm a worker).

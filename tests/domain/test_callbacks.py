"""Date-times of the seed function add_callback [DESIGNED]."""

from __future__ import annotations

from datetime import datetime

import pytest

from leadgate.domain.callbacks import CallbackRequest, resolve_datetime

NOW = datetime(2026, 11, 22, 10, 30, 15, 123456)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NOW", datetime(2026, 11, 22, 10, 30, 15)),
        ("3DAYS", datetime(2026, 11, 25, 10, 30, 15)),
        ("3days", datetime(2026, 11, 25, 10, 30, 15)),
        ("2035-01-02 10:30:00", datetime(2035, 1, 2, 10, 30)),
        ("2035-01-02+10:30:00", datetime(2035, 1, 2, 10, 30)),
        ("2035-01-02T10:30:00", datetime(2035, 1, 2, 10, 30)),
        ("2035-02-30 10:30:00", None),
        ("2035-01-02", None),
        ("now", None),
        ("DAYS", None),
        ("", None),
    ],
)
def test_resolve_datetime(text: str, expected: datetime | None) -> None:
    assert resolve_datetime(text, NOW) == expected


@pytest.mark.parametrize(
    ("callback_type", "recipient"),
    [("USERONLY", "USERONLY"), ("USERONLYNO", "USERONLY"), ("ANYONE", "ANYONE"), ("", "ANYONE")],
)
def test_recipient(callback_type: str, recipient: str) -> None:
    request = CallbackRequest(lead_id="1", campaign_id="C", callback_datetime="NOW",
                              callback_type=callback_type)  # fmt: skip
    assert request.recipient == recipient
    assert request.lead_status == "CALLBK"

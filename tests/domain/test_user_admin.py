"""user_admin's pure rules: the e-mail check reset_password needs (PHP's FILTER_VALIDATE_EMAIL
for what the API's email filter lets through)."""

from __future__ import annotations

import pytest

from leadgate.domain.user_admin import valid_email


@pytest.mark.parametrize(
    "address",
    ["ann@example.com", "a.b+c@mail.example.org", "o'hara@x.ie", "x@a--b.de", "x/y@b.co"],
)
def test_valid_addresses(address: str) -> None:
    assert valid_email(address)


@pytest.mark.parametrize(
    "address",
    ["", "--BLANK--", "ann@localhost", "ann@b.1com", "a..b@c.com", ".a@c.com", "a@-b.com",
     "a@b-.com", "a b@c.com", "a:b@c.com", "a@b.com.", f"{'a' * 65}@b.com"],
)  # fmt: skip
def test_invalid_addresses(address: str) -> None:
    assert not valid_email(address)

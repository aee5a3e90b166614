"""Delivery rules for queued call URLs: what an attempt's result means, when to try again,
what vicidial_url_log records, and Standard Webhooks signing. Pure: no HTTP, no SQL."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import parse_qsl, urlsplit

DELIVERED, DEAD, PENDING = "delivered", "dead", "pending"


@dataclass(frozen=True)
class Policy:
    max_attempts: int = 8
    max_age: timedelta = timedelta(days=1)
    backoff: float = 2.0  # seconds before the first retry
    backoff_max: float = 600.0


def backoff_seconds(
    policy: Policy, attempts: int, rand: Callable[[], float] = random.random
) -> float:
    """Exponential backoff with jitter after `attempts` failed attempts: the delay doubles
    each time (capped), and a random half of it is dropped so retries do not stampede."""
    delay = min(policy.backoff_max, policy.backoff * 2 ** max(0, attempts - 1))
    return float(delay / 2 + rand() * delay / 2)


@dataclass(frozen=True)
class Result:
    """One attempt: the final HTTP status (after redirects) and body, or a network error."""

    status: int | None
    body: str = ""
    error: str = ""  # e.g. "Connection refused", "Connection timed out"
    seconds: float = 0.0

    @property
    def retryable(self) -> bool:
        return self.status is None or self.status >= 500


@dataclass(frozen=True)
class Next:
    state: str
    retry_at: datetime | None


def next_step(
    policy: Policy, result: Result, *, attempts: int, created_at: datetime, now: datetime,
    rand: Callable[[], float] = random.random,
) -> Next:  # fmt: skip
    """After attempt number `attempts`: delivered (2xx/3xx), dead (4xx, or out of attempts or
    age), or pending again at a backed-off time."""
    if result.status is not None and result.status < 400:
        return Next(DELIVERED, None)
    if not result.retryable:
        return Next(DEAD, None)
    retry_at = now + timedelta(seconds=backoff_seconds(policy, attempts, rand))
    if attempts >= policy.max_attempts or retry_at - created_at > policy.max_age:
        return Next(DEAD, None)
    return Next(PENDING, retry_at)


# -- opt-in: POST with a JSON body, Standard Webhooks signatures ------------------------------


def json_body(url_type: str, uniqueid: str, lead_id: int | None, url: str,
              created_at: datetime) -> bytes:  # fmt: skip
    """The POST body: the event and the URL's query values (what a GET would have sent)."""
    params = parse_qsl(urlsplit(url).query, keep_blank_values=True)
    payload: dict[str, Any] = {
        "type": f"vicidial.{url_type}",
        "timestamp": created_at.isoformat(),
        "data": {"uniqueid": uniqueid, "lead_id": lead_id, "url": url, "params": dict(params)},
    }
    return json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode()


def secret_key(secret: str) -> bytes:
    """A `whsec_<base64>` secret is its decoded bytes (Standard Webhooks); others as UTF-8."""
    if secret.startswith("whsec_"):
        return base64.b64decode(secret[len("whsec_") :])
    return secret.encode()


def signature_headers(secret: str, webhook_id: str, timestamp: int, body: bytes) -> dict[str, str]:
    """webhook-id, webhook-timestamp and webhook-signature (`v1,<base64 HMAC-SHA256>` of
    `id.timestamp.body`)."""
    signed = f"{webhook_id}.{timestamp}.".encode() + body
    digest = hmac.new(secret_key(secret), signed, hashlib.sha256).digest()
    return {
        "webhook-id": webhook_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": "v1," + base64.b64encode(digest).decode(),
    }


def verify_signature(
    secret: str, headers: dict[str, str], body: bytes
) -> bool:  # what a receiver does (used by tests)
    expected = signature_headers(
        secret, headers["webhook-id"], int(headers["webhook-timestamp"]), body
    )["webhook-signature"]
    return any(hmac.compare_digest(expected, sig) for sig in headers["webhook-signature"].split())


@dataclass(frozen=True)
class EndpointOptions:
    url_prefix: str
    method: str = "GET"
    secret: str = ""
    # D11: what --A--pass--B-- becomes in this endpoint's dispo/start URLs ('' = nothing).
    pass_value: str = ""


def endpoint_for(url: str, endpoints: Sequence[EndpointOptions]) -> EndpointOptions | None:
    """The options of the longest configured prefix of `url`, if any."""
    matches = [e for e in endpoints if url.startswith(e.url_prefix)]
    return max(matches, key=lambda e: len(e.url_prefix)) if matches else None


def wire_target(url: str) -> str:
    """The URL as an HTTP client can send it: VICIdial writes the template's raw spaces and
    UTF-8 bytes into the request line, which HTTP clients refuse; those bytes (and only
    those) are percent-escaped."""
    out = []
    for char in url:
        if 0x21 <= ord(char) <= 0x7E:
            out.append(char)
        else:
            out.append("".join(f"%{byte:02X}" for byte in char.encode()))
    return "".join(out)

"""Reading a request body with a size cap and a deadline, and turning a form into pairs."""

from __future__ import annotations

import anyio
from starlette.requests import ClientDisconnect, Request
from starlette.types import Message

FORM_TYPES = ("application/x-www-form-urlencoded", "text/plain", "")


class BodyTooLarge(Exception):
    """The body is (or announced itself as) larger than the limit: HTTP 413."""


class BodyTooSlow(Exception):
    """The body did not arrive within the deadline: HTTP 408."""


class ClientGone(Exception):
    """The client closed the connection before sending its whole body."""


async def read_body(request: Request, limit: int, timeout: float) -> bytes:
    """The whole body, read no further than `limit` bytes (chunked bodies included)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise BodyTooLarge
    chunks: list[bytes] = []
    size = 0
    try:
        with anyio.fail_after(timeout):
            async for chunk in request.stream():
                size += len(chunk)
                if size > limit:
                    raise BodyTooLarge
                chunks.append(chunk)
    except TimeoutError as exc:
        raise BodyTooSlow from exc
    except ClientDisconnect as exc:
        raise ClientGone from exc
    return b"".join(chunks)


async def form_pairs(request: Request, body: bytes) -> list[tuple[str, str]]:
    """The text fields of a multipart form, in posted order; files are ignored.

    A malformed multipart body yields no fields, as PHP leaves $_POST empty.
    """

    async def replay() -> Message:
        nonlocal body
        chunk, body = body, b""
        return {"type": "http.request", "body": chunk, "more_body": False}

    replayed = Request(request.scope, receive=replay)
    try:
        async with replayed.form() as form:
            return [(name, value) for name, value in form.multi_items() if isinstance(value, str)]
    except Exception:  # Starlette raises its HTTP 400 exception for a broken multipart body
        return []

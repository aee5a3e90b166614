"""ASGI layers around the routes: merged slashes, the access log, and 404s logged."""

from __future__ import annotations

import json
import logging
import re
import sys
import time
from datetime import UTC, datetime
from typing import TextIO
from urllib.parse import unquote_plus

from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

access_log = logging.getLogger("leadgate.access")
http_log = logging.getLogger("leadgate.http")

_SLASHES = re.compile(r"/{2,}")
_SLASHES_RAW = re.compile(rb"/{2,}")
MASK = "XXXX"


class MergeSlashes:
    """`//vicidial//non_agent_api.php` is `/vicidial/non_agent_api.php`, as nginx's
    merge_slashes makes it: PHP clients that join a base URL ending in `/` rely on it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and "//" in scope["path"]:
            scope = dict(scope)
            scope["path"] = _SLASHES.sub("/", scope["path"])
            raw_path = scope.get("raw_path")
            if raw_path:
                scope["raw_path"] = _SLASHES_RAW.sub(b"/", raw_path)
        await self.app(scope, receive, send)


def is_secret(name: str) -> bool:
    """Parameters whose value must never be logged: pass, agent_pass, phone_pass, password …"""
    return "pass" in name.lower()


def masked_query(query: str) -> str:
    """The query string as sent, with the value of every password-like parameter replaced."""
    if not query:
        return ""
    pieces = []
    for piece in query.split("&"):
        name, sep, _value = piece.partition("=")
        if sep and is_secret(unquote_plus(name, errors="replace")):
            piece = f"{name}={MASK}"
        pieces.append(piece)
    return "&".join(pieces)


async def not_found(scope: Scope, receive: Receive, send: Send) -> None:
    """The router's answer to an unknown path, logged: a client with a wrong base URL shows."""
    client = scope.get("client") or ("", 0)
    http_log.warning("404 %s %s from %s", scope.get("method", ""), scope.get("path", ""), client[0])
    await PlainTextResponse("Not Found", status_code=404)(scope, receive, send)


class RequestLog:
    """One access-log line per request (installed only when the access log is on)."""

    def __init__(self, app: ASGIApp, mode: str = "plain") -> None:
        self.app = app
        self.mode = mode

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500  # what the client gets if the app raises before answering
        size = 0

        async def counting_send(message: Message) -> None:
            nonlocal status, size
            if message["type"] == "http.response.start":
                status = int(message["status"])
            elif message["type"] == "http.response.body":
                size += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, counting_send)
        finally:
            self._log(scope, status, size, time.perf_counter() - started)

    def _log(self, scope: Scope, status: int, size: int, seconds: float) -> None:
        path = str(scope.get("path", ""))
        client = scope.get("client") or ("", 0)
        method = str(scope.get("method", ""))
        query = masked_query(bytes(scope.get("query_string", b"")).decode("latin-1"))
        when = datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
        millis = round(seconds * 1000, 2)
        if self.mode == "json":
            line = json.dumps(
                {"time": when, "client": client[0], "method": method, "path": path,
                 "query": query, "status": status, "bytes": size, "ms": millis},
                ensure_ascii=False,
            )  # fmt: skip
        else:
            target = f"{path}?{query}" if query else path
            line = f'{when} {client[0]} "{method} {target}" {status} {size} {millis}ms'
        access_log.info(line)


class _StderrHandler(logging.StreamHandler[TextIO]):
    """Writes to whatever sys.stderr is at the time (a test's capture, a redirect)."""

    def emit(self, record: logging.LogRecord) -> None:
        self.stream = sys.stderr
        super().emit(record)


def configure_access_log() -> None:
    """Access lines go to stderr as they are (no level or logger prefix); idempotent."""
    if any(getattr(h, "leadgate_access", False) for h in access_log.handlers):
        return
    handler = _StderrHandler()
    handler.setFormatter(logging.Formatter("%(message)s"))
    handler.leadgate_access = True  # type: ignore[attr-defined]
    access_log.addHandler(handler)
    access_log.setLevel(logging.INFO)
    access_log.propagate = False

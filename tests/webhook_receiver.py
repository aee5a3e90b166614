"""A local HTTP receiver for webhook tests: records every request; special paths behave like
the recorder's receiver (/r302, /s500, /body, /slow) plus /flaky (fails N times) and /hang."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Received:
    request_line: str
    method: str
    target: str
    headers: list[tuple[str, str]]
    body: bytes


@dataclass
class Receiver:
    port: int
    requests: list[Received] = field(default_factory=list)
    fail_first: int = 0  # /flaky answers 503 this many times, then 200
    hang_seconds: float = 30.0
    slow_seconds: float = 0.3
    release: threading.Event = field(default_factory=threading.Event)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def targets(self) -> list[str]:
        return [r.target for r in self.requests]


def _handler(receiver: Receiver) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *_args: Any) -> None:
            pass

        def _answer(self, status: int, body: bytes, extra: dict[str, str] | None = None) -> None:
            self.send_response(status)
            for name, value in (extra or {}).items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(body)
            self.close_connection = True

        def _handle(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            receiver.requests.append(
                Received(
                    self.requestline, self.command, self.path, list(self.headers.items()), body
                )  # fmt: skip
            )
            path = self.path.split("?")[0]
            if path == "/r302":
                self._answer(302, b"", {"Location": "/final302?from=r302"})
            elif path == "/s500":
                self._answer(500, b"ERR;500")
            elif path == "/body":
                self._answer(200, b"line1;semi\nline2 'q' \"d\" back\\slash")
            elif path == "/slow":
                time.sleep(receiver.slow_seconds)
                self._answer(200, b"OK")
            elif path == "/flaky":
                failures = sum(1 for r in receiver.requests if r.target.startswith("/flaky"))
                if failures <= receiver.fail_first:
                    self._answer(503, b"busy")
                else:
                    self._answer(200, b"OK")
            elif path == "/hang":
                receiver.release.wait(receiver.hang_seconds)
                self._answer(200, b"late")
            else:
                self._answer(200, b"OK")

        do_GET = _handle
        do_POST = _handle

    return Handler


@contextmanager
def running_receiver(**options: Any) -> Iterator[Receiver]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(Receiver(port=0)))
    receiver = Receiver(port=server.server_address[1], **options)
    server.RequestHandlerClass = _handler(receiver)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield receiver
    finally:
        receiver.release.set()
        server.shutdown()
        server.server_close()


def closed_port() -> int:
    """A port nothing listens on (bound and released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])

"""Running the HTTP server: the port check, then granian (default) or uvicorn."""

from __future__ import annotations

import asyncio
import errno
import socket
from typing import Any

from leadgate.cli.common import fail
from leadgate.settings import Settings

APP_FACTORY = "leadgate.http.app:create_app_from_env"


def ensure_port_free(host: str, port: int) -> None:
    """Refuse a port another process listens on.

    granian binds with SO_REUSEPORT, so a second server on the same port would start and
    silently take half the connections. A plain bind (SO_REUSEADDR only, which still allows
    reusing a port in TIME_WAIT) fails while any socket listens there, SO_REUSEPORT or not.
    """
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        fail(f"cannot listen on {host}:{port}: {exc.strerror}")
    family, kind, proto, _name, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                fail(f"port {port} on {host} is already in use (is another leadgate running?)")
            fail(f"cannot listen on {host}:{port}: {exc.strerror}")


def run_granian(settings: Settings) -> None:
    from granian.constants import HTTPModes, Interfaces
    from granian.http import HTTP1Settings
    from granian.server import Server

    # hyper's header read timeout also closes a connection idle between requests.
    http1 = HTTP1Settings(header_read_timeout=int(settings.idle_timeout_seconds * 1000))
    Server(
        APP_FACTORY,
        factory=True,
        address=settings.host,
        port=settings.port,
        workers=settings.workers,
        interface=Interfaces.ASGI,
        http=HTTPModes.http1,
        http1_settings=http1,
        log_access=False,
        respawn_failed_workers=True,
    ).serve()


def run_uvicorn(settings: Settings) -> None:
    import uvicorn

    uvicorn.run(
        APP_FACTORY,
        factory=True,
        host=settings.host,
        port=settings.port,
        workers=settings.workers,
        http=_uvicorn_protocol(),
        timeout_keep_alive=max(1, int(settings.idle_timeout_seconds)),
        access_log=False,
        # leadgate reads X-Forwarded-For itself (LEADGATE_TRUSTED_PROXIES), as under granian;
        # uvicorn's own handling would trust 127.0.0.1 whatever the setting says.
        proxy_headers=False,
        log_level="warning",
    )


def _uvicorn_protocol() -> type[Any]:
    """uvicorn's protocol, plus a deadline for each request's headers.

    uvicorn only times out a connection idle *after* a response; a connection that never sends
    a complete header (or nothing at all) would stay open for ever.
    """
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

    class HeaderDeadlineProtocol(HttpToolsProtocol):
        _header_timer: asyncio.TimerHandle | None = None

        def _arm(self) -> None:
            self._disarm()
            self._header_timer = self.loop.call_later(self.timeout_keep_alive, self._expire)

        def _disarm(self) -> None:
            if self._header_timer is not None:
                self._header_timer.cancel()
                self._header_timer = None

        def _expire(self) -> None:
            if not self.transport.is_closing():
                self.transport.close()

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._arm()

        def on_message_begin(self) -> None:
            super().on_message_begin()
            self._arm()

        def on_headers_complete(self) -> None:
            self._disarm()
            super().on_headers_complete()

        def connection_lost(self, exc: Exception | None) -> None:
            self._disarm()
            super().connection_lost(exc)

    return HeaderDeadlineProtocol

"""`leadgate serve` as a real process: timeouts, body limits on the wire, the port check.

What the in-process test client cannot show: that the server stops reading a chunked body, that
idle and half-sent connections are closed, that a second server cannot take the same port.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

IDLE_SECONDS = 1
FORM = b"Content-Type: application/x-www-form-urlencoded\r\n"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def leadgate_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "leadgate", *args]


def server_env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "LEADGATE_DB_URL": f"sqlite:///{tmp_path / 'serve.db'}",
        "LEADGATE_IDLE_TIMEOUT_SECONDS": str(IDLE_SECONDS),
        "LEADGATE_BODY_TIMEOUT_SECONDS": str(IDLE_SECONDS),
        "LEADGATE_MAX_BODY_BYTES": "100000",
    }


def wait_until_up(port: int, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert server.poll() is None, "leadgate serve exited"
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise AssertionError("leadgate serve did not answer")


def stop(server: subprocess.Popen[bytes]) -> None:
    server.terminate()
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


@pytest.fixture(scope="module", params=["granian", "uvicorn"])
def served(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[int]:
    tmp_path = tmp_path_factory.mktemp(request.param)
    port = free_port()
    server = subprocess.Popen(
        leadgate_command("serve", "--port", str(port), "--server", request.param),
        env=server_env(tmp_path),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until_up(port, server)
        yield port
    finally:
        stop(server)


def connect(port: int) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", port))
    sock.settimeout(IDLE_SECONDS * 5)
    return sock


def read_until_closed(sock: socket.socket) -> tuple[bytes, float]:
    """Everything the server sends until it closes, and how long that took."""
    started = time.monotonic()
    received = b""
    while chunk := sock.recv(65536):
        received += chunk
    return received, time.monotonic() - started


def test_idle_connection_is_closed(served: int) -> None:
    with connect(served) as sock:
        received, seconds = read_until_closed(sock)
    assert received == b""
    assert seconds < IDLE_SECONDS * 3


def test_half_sent_header_is_closed(served: int) -> None:
    with connect(served) as sock:
        sock.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\nX-Slow")
        received, seconds = read_until_closed(sock)
    assert seconds < IDLE_SECONDS * 3
    assert b"200 OK" not in received


def test_idle_keep_alive_connection_is_closed(served: int) -> None:
    with connect(served) as sock:
        sock.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
        received, seconds = read_until_closed(sock)
    assert received.startswith(b"HTTP/1.1 200")
    assert seconds < IDLE_SECONDS * 3


def test_half_sent_body_gets_408(served: int) -> None:
    with connect(served) as sock:
        sock.sendall(
            b"POST /vicidial/non_agent_api.php HTTP/1.1\r\nHost: x\r\n" + FORM
            + b"Content-Length: 100\r\n\r\nfunction=ver"
        )  # fmt: skip
        received, seconds = read_until_closed(sock)
    assert received.startswith(b"HTTP/1.1 408")
    assert seconds < IDLE_SECONDS * 3


def test_huge_chunked_body_gets_413_and_is_not_read(served: int) -> None:
    total = 100 * 1024 * 1024
    sent = 0
    with connect(served) as sock:
        sock.sendall(
            b"POST /vicidial/non_agent_api.php HTTP/1.1\r\nHost: x\r\n" + FORM
            + b"Transfer-Encoding: chunked\r\n\r\n"
        )  # fmt: skip

        def pump() -> None:
            nonlocal sent
            chunk = b"10000\r\n" + b"a" * 0x10000 + b"\r\n"
            try:
                while sent < total:
                    sock.sendall(chunk)
                    sent += 0x10000
            except OSError:
                pass  # the server closed the connection: what this test wants

        sender = threading.Thread(target=pump, daemon=True)
        sender.start()
        answer = sock.recv(200)
        sender.join(IDLE_SECONDS * 5)
    assert answer.startswith(b"HTTP/1.1 413")
    assert not sender.is_alive()
    assert sent < total // 4


def test_content_length_over_the_limit_gets_413_at_once(served: int) -> None:
    with connect(served) as sock:
        sock.sendall(
            b"POST /agc/api.php HTTP/1.1\r\nHost: x\r\n" + FORM
            + b"Content-Length: 200000000\r\n\r\nfunction=version"
        )  # fmt: skip
        received, _seconds = read_until_closed(sock)
    assert received.startswith(b"HTTP/1.1 413")


def test_doubled_slash_over_the_wire(served: int) -> None:
    with connect(served) as sock:
        sock.sendall(
            b"GET //vicidial/non_agent_api.php?function=brew_coffee HTTP/1.1\r\n"
            b"Host: x\r\nConnection: close\r\n\r\n"
        )
        received, _seconds = read_until_closed(sock)
    assert received.startswith(b"HTTP/1.1 418")
    assert received.endswith(b"Coffee: brew_coffee|Error 418 I'm a teapot")


def test_second_server_on_the_same_port_refuses(served: int, tmp_path: Path) -> None:
    started = time.monotonic()
    second = subprocess.run(
        leadgate_command("serve", "--port", str(served)),
        env=server_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert second.returncode == 1
    assert second.stderr.strip() == (
        f"error: port {served} on 127.0.0.1 is already in use (is another leadgate running?)"
    )
    assert not (tmp_path / "serve.db").exists()  # refused before touching the database
    assert time.monotonic() - started < 30

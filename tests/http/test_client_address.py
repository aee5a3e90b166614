"""Who the caller is behind proxies: LEADGATE_TRUSTED_PROXIES and X-Forwarded-For.

The rules (TrustedProxies.client) first, then what the whole app records with them:
vicidial_api_urls, the lockout columns, the security and access logs.
"""

from __future__ import annotations

import http.client
import logging
import os
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from leadgate.http.app import create_app
from leadgate.http.client_address import TrustedProxies, parse_address
from leadgate.settings import Settings, SettingsError, load_settings
from leadgate.storage.database import Database
from tests.factories import Seeder
from tests.http.test_server import free_port, leadgate_command, server_env, stop, wait_until_up

NON_AGENT = "/vicidial/non_agent_api.php"
CREDS = {"source": "test", "user": "6666", "pass": "1234", "function": "x"}
CLIENT = "203.0.113.9"
PROXY = "127.0.0.1"


def trusting(*entries: str) -> TrustedProxies:
    return TrustedProxies(load_settings(trusted_proxies=",".join(entries)).trusted_proxies)


# -- the rules --------------------------------------------------------------------------------


def test_nobody_is_trusted_by_default() -> None:
    assert Settings().trusted_proxies == ()
    assert not trusting()
    assert trusting().client(PROXY, CLIENT) == PROXY


def test_an_untrusted_peer_cannot_name_another_client() -> None:
    proxies = trusting("10.0.0.0/8")
    assert proxies.client("198.51.100.4", "10.0.0.7") == "198.51.100.4"
    assert proxies.client("198.51.100.4", f"{CLIENT}, 10.0.0.7") == "198.51.100.4"


def test_a_trusted_peer_names_the_client() -> None:
    assert trusting(PROXY).client(PROXY, CLIENT) == CLIENT
    assert trusting(PROXY).client(PROXY, f"  {CLIENT}  ") == CLIENT


def test_a_chain_is_walked_from_the_right_to_the_first_untrusted_address() -> None:
    proxies = trusting(PROXY, "10.0.0.0/8")
    # client → 10.1.1.1 → 10.2.2.2 → nginx on 127.0.0.1 → leadgate
    assert proxies.client(PROXY, f"{CLIENT}, 10.1.1.1, 10.2.2.2") == CLIENT
    # Whatever the client put in front itself is not believed.
    assert proxies.client(PROXY, f"1.1.1.1, 10.9.9.9, {CLIENT}, 10.2.2.2") == CLIENT
    # An untrusted hop in the middle is the caller as far as anyone can tell.
    assert proxies.client(PROXY, f"{CLIENT}, 198.51.100.4, 10.2.2.2") == "198.51.100.4"


def test_a_chain_of_trusted_proxies_only_gives_its_left_most_address() -> None:
    assert trusting(PROXY, "10.0.0.0/8").client(PROXY, "10.3.3.3, 10.2.2.2") == "10.3.3.3"


@pytest.mark.parametrize(
    "header", ["", " ", "unknown", "garbage", "999.1.1.1", "host.example", f"{CLIENT},", ",,"]
)
def test_a_malformed_entry_falls_back_to_the_peer(header: str) -> None:
    assert trusting(PROXY, "10.0.0.0/8").client(PROXY, header) == PROXY


def test_the_walk_stops_at_a_malformed_entry() -> None:
    proxies = trusting(PROXY, "10.0.0.0/8")
    # Left of garbage nothing can be told apart from what the client made up.
    assert proxies.client(PROXY, f"{CLIENT}, garbage, 10.2.2.2") == PROXY
    # Garbage the client sent ahead of the real hops is never reached.
    assert proxies.client(PROXY, f"garbage, {CLIENT}, 10.2.2.2") == CLIENT


def test_ipv6_peers_clients_and_networks() -> None:
    proxies = trusting("::1", "2001:db8:1::/48")
    assert proxies.client("::1", "2001:DB8:ffff::7") == "2001:db8:ffff::7"
    assert proxies.client("::1", "[2001:db8:ffff::7]:4711, 2001:db8:1::5") == "2001:db8:ffff::7"
    assert proxies.client("::1", f"{CLIENT}, 2001:db8:1::5") == CLIENT
    assert proxies.client("2001:db8:2::1", CLIENT) == "2001:db8:2::1"  # outside the /48


def test_an_ipv4_mapped_peer_is_its_ipv4_address() -> None:
    assert trusting(PROXY).client("::ffff:127.0.0.1", CLIENT) == CLIENT
    assert trusting("::1").client("::ffff:127.0.0.1", CLIENT) == "::ffff:127.0.0.1"


def test_entries_with_ports() -> None:
    assert parse_address(f"{CLIENT}:5555") == parse_address(CLIENT)
    assert str(parse_address("[::1]")) == "::1"
    assert parse_address("[::1") is None
    assert trusting(PROXY).client(PROXY, f"{CLIENT}:5555") == CLIENT


def test_a_peer_that_is_no_address_is_kept() -> None:
    assert trusting(PROXY).client("testclient", CLIENT) == "testclient"


# -- the setting ------------------------------------------------------------------------------


def test_the_setting_takes_addresses_and_networks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEADGATE_TRUSTED_PROXIES", " 127.0.0.1, 10.0.0.0/8 ,::1,, ")
    assert [str(network) for network in load_settings().trusted_proxies] == [
        "127.0.0.1/32", "10.0.0.0/8", "::1/128",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("127.0.0.1,nginx", "'nginx' is not an IP address or network"),
        ("127.0.0.1:80", "'127.0.0.1:80' is not an IP address or network"),
        ("10.0.0.5/8", "'10.0.0.5/8' has bits set after its prefix length (did you mean 10.0.0.0/8?)"),
    ],
)  # fmt: skip
def test_a_bad_setting_names_itself_in_one_line(value: str, reason: str) -> None:
    with pytest.raises(SettingsError) as refused:
        load_settings(trusted_proxies=value)
    assert str(refused.value) == f"bad setting LEADGATE_TRUSTED_PROXIES: {reason}"


def test_a_bad_setting_stops_serve_with_one_line(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "LEADGATE_DB_URL": f"sqlite:///{tmp_path / 'x.db'}",
        "LEADGATE_TRUSTED_PROXIES": "127.0.0.1, nginx",
        "COLUMNS": "300",
    }
    done = subprocess.run(
        leadgate_command("serve", "--port", str(free_port())),
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr == (
        "error: bad setting LEADGATE_TRUSTED_PROXIES: 'nginx' is not an IP address or network\n"
    )
    assert not (tmp_path / "x.db").exists()


# -- through the app --------------------------------------------------------------------------


@pytest.fixture
def behind_proxy(db: Database, settings: Settings) -> Iterator[TestClient]:
    """leadgate behind nginx on 127.0.0.1, which is trusted."""
    trusted = settings.model_copy(
        update={"trusted_proxies": load_settings(trusted_proxies=PROXY).trusted_proxies,
                "log_api_urls": True, "access_log": "plain"}
    )  # fmt: skip
    with TestClient(create_app(trusted, db), client=(PROXY, 41000)) as test_client:
        yield test_client


@pytest.fixture
def reached_directly(db: Database, settings: Settings) -> Iterator[TestClient]:
    """The default: no proxy is trusted; the caller forges the header."""
    logged = settings.model_copy(update={"log_api_urls": True, "access_log": "plain"})
    with TestClient(create_app(logged, db), client=("198.51.100.4", 41000)) as test_client:
        yield test_client


def remote_ips(seed: Seeder) -> list[str]:
    return [row["remote_ip"] for row in seed.table_rows("vicidial_api_urls", "remote_ip")]


def test_api_urls_record_the_client_behind_a_trusted_proxy(
    behind_proxy: TestClient, seed: Seeder
) -> None:
    seed.user()
    behind_proxy.get(NON_AGENT, params=CREDS, headers={"X-Forwarded-For": CLIENT})
    behind_proxy.get(NON_AGENT, params=CREDS)  # no header: the proxy itself called
    assert remote_ips(seed) == [CLIENT, PROXY]


def test_several_header_lines_are_one_list(behind_proxy: TestClient, seed: Seeder) -> None:
    seed.user()
    headers = [("X-Forwarded-For", "1.1.1.1"), ("X-Forwarded-For", f"{CLIENT}, {PROXY}")]
    behind_proxy.get(NON_AGENT, params=CREDS, headers=headers)
    assert remote_ips(seed) == [CLIENT]


def test_a_forged_header_changes_nothing_by_default(
    reached_directly: TestClient, seed: Seeder, capsys: pytest.CaptureFixture[str]
) -> None:
    seed.user()
    reached_directly.get(NON_AGENT, params=CREDS, headers={"X-Forwarded-For": CLIENT})
    assert remote_ips(seed) == ["198.51.100.4"]
    assert CLIENT not in capsys.readouterr().err


def test_lockout_and_logins_record_the_real_client(
    behind_proxy: TestClient, seed: Seeder, caplog: pytest.LogCaptureFixture
) -> None:
    seed.user()
    header = {"X-Forwarded-For": CLIENT}
    with caplog.at_level(logging.WARNING, logger="leadgate.security"):
        behind_proxy.get(NON_AGENT, params={**CREDS, "pass": "wrong"}, headers=header)
    assert seed.user_row("6666")["failed_last_ip_today"] == CLIENT
    assert f"ip={CLIENT}" in caplog.text
    behind_proxy.get(NON_AGENT, params=CREDS, headers={"X-Forwarded-For": "192.0.2.1"})
    assert seed.user_row("6666")["last_ip"] == "192.0.2.1"


def test_access_and_404_logs_show_the_client(
    behind_proxy: TestClient, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="leadgate.http"):
        behind_proxy.get("/health", headers={"X-Forwarded-For": CLIENT})
        behind_proxy.get("/nope", headers={"X-Forwarded-For": "garbage"})
    lines = capsys.readouterr().err.splitlines()
    assert any(f' {CLIENT} "GET /health"' in line for line in lines), lines
    assert any(f' {PROXY} "GET /nope"' in line for line in lines), lines
    assert f"404 GET /nope from {PROXY}" in caplog.text


# -- over the wire, under both servers ---------------------------------------------------------


def get_health(port: int, source: str, forwarded_for: str) -> None:
    """GET /health from `source` (any 127.x address is this machine) with the header given."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10,
                                            source_address=(source, 0))  # fmt: skip
    try:
        connection.request(
            "GET", f"/health?from={source}", headers={"X-Forwarded-For": forwarded_for}
        )
        assert connection.getresponse().status == 200
    finally:
        connection.close()


def access_line(log: Path, marker: str) -> str:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        lines = [line for line in log.read_text().splitlines() if marker in line]
        if lines:
            return lines[0]
        time.sleep(0.1)
    raise AssertionError(f"no access-log line with {marker}: {log.read_text()!r}")


@pytest.mark.parametrize("server", ["granian", "uvicorn"])
def test_one_mechanism_under_either_server(tmp_path: Path, server: str) -> None:
    """Only 127.0.0.2 is trusted. uvicorn trusts 127.0.0.1 by itself unless told not to: a
    forged header from 127.0.0.1 must still show 127.0.0.1."""
    port = free_port()
    log = tmp_path / "stderr.log"
    env = {**server_env(tmp_path), "LEADGATE_TRUSTED_PROXIES": "127.0.0.2",
           "LEADGATE_ACCESS_LOG": "plain", "FORWARDED_ALLOW_IPS": "*"}  # fmt: skip
    with log.open("w") as stderr:
        process = subprocess.Popen(
            leadgate_command("serve", "--port", str(port), "--server", server),
            env=env, stdout=subprocess.DEVNULL, stderr=stderr,
        )  # fmt: skip
        try:
            wait_until_up(port, process)
            get_health(port, "127.0.0.1", CLIENT)
            get_health(port, "127.0.0.2", f"192.0.2.1, {CLIENT}")
            assert ' 127.0.0.1 "GET /health?from=127.0.0.1"' in access_line(log, "from=127.0.0.1")
            assert f' {CLIENT} "GET /health?from=127.0.0.2"' in access_line(log, "from=127.0.0.2")
        finally:
            stop(process)

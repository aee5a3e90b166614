"""Every knob leadgate has, read from the environment (LEADGATE_*) or given by the CLI.

Precedence: a command-line option, then a LEADGATE_* environment variable, then a `.env` file in
the current directory (same names), then the default below. README "Settings" lists them all.
"""

from __future__ import annotations

import ipaddress
import os
from pathlib import Path
from typing import Annotated, Literal

from pydantic import ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def data_dir() -> Path:
    """Where the default SQLite database lives: never the current directory.

    $LEADGATE_DATA_DIR, else $XDG_DATA_HOME/leadgate, else ~/.local/share/leadgate.
    """
    explicit = os.environ.get("LEADGATE_DATA_DIR")
    if explicit:
        return Path(explicit).expanduser().absolute()
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".local" / "share"
    return (base / "leadgate").absolute()


def default_db_url() -> str:
    return f"sqlite:///{data_dir() / 'leadgate.db'}"


class SettingsError(ValueError):
    """A setting has a value leadgate cannot use; the message is one line naming it."""


def parse_networks(value: object) -> object:
    """`127.0.0.1, 10.0.0.0/8, ::1` (or a list of such strings) as networks; an address is a
    network of one. Networks themselves are left for pydantic to check."""
    if isinstance(value, str):
        entries = value.split(",")
    elif isinstance(value, list | tuple) and all(isinstance(entry, str) for entry in value):
        entries = list(value)
    else:
        return value
    networks: list[Network] = []
    for entry in (piece.strip() for piece in entries):
        if not entry:
            continue
        try:
            networks.append(ipaddress.ip_network(entry))
        except ValueError:
            raise ValueError(_network_problem(entry)) from None
    return tuple(networks)


def _network_problem(entry: str) -> str:
    try:
        meant = ipaddress.ip_network(entry, strict=False)
    except ValueError:
        return f"{entry!r} is not an IP address or network"
    return f"{entry!r} has bits set after its prefix length (did you mean {meant}?)"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="LEADGATE_", env_file=".env", extra="ignore")

    # sqlite:///path, mysql://user:pass@host/db or postgresql://user@host/db.
    db_url: str = ""
    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 1

    # What `version` reports; clients compare these with VICIdial's.
    non_agent_version: str = "2.14-202"
    non_agent_build: str = "250720-1841"
    agent_version: str = "2.14-82"
    agent_build: str = "250122-1010"

    # How long a verified password stays trusted in memory (seconds).
    auth_cache_seconds: float = 300.0
    # Password verifications (argon2) run in this many threads at most, never on the event loop.
    auth_threads: int = 1
    # Failure budgets: per user name this many failed logins pass at once, then one per
    # interval (per client address twice as many at once); a source over its budget
    # waits up to the max delay for its answer, and further over it is refused unverified.
    auth_failure_burst: int = 10
    auth_failure_interval_seconds: float = 2.0
    auth_failure_max_delay_seconds: float = 2.0
    # How long a successful login's user row is reused (seconds; 0 = read it on every call).
    # Permission changes take effect within this time.
    login_row_cache_seconds: float = 1.0
    # Also write the called URL (password masked) to vicidial_api_urls, as VICIdial does.
    # Off by default: it doubles the log writes on the hot path.
    log_api_urls: bool = False
    # add_lead/update_lead print VICIdial's debug text (`number|code|note` per record, no
    # newline) before the multi-alt-phone NOTICE (quirk Q2). False = clean lines.
    add_lead_alt_phone_echo: bool = True

    # Agent sessions: who carries out the Agent API's commands for sessions leadgate started.
    # auto = the built-in call simulator on leadgate's own database, off on a VICIdial database
    # (VICIdial's agent screens and processes do that work there).
    telephony: Literal["auto", "simulator", "off"] = "auto"
    engine_tick_seconds: float = 0.25
    # An engine that stops renewing its leases for this long loses its sessions to another.
    engine_lease_seconds: float = 10.0
    # The simulator: outcome rates (relative weights), mean talk time in call seconds, a seed
    # for repeatable runs, and call seconds per wall-clock second.
    sim_answer_rate: float = 0.6
    sim_no_answer_rate: float = 0.25
    sim_busy_rate: float = 0.1
    sim_voicemail_rate: float = 0.05
    sim_talk_mean_seconds: float = 120.0
    sim_seed: int | None = None
    sim_time_scale: float = 1.0

    # Outgoing call URLs (webhooks): delivered from the outbox by one dispatcher at a time.
    webhooks_dispatcher: bool = True  # run a dispatcher inside `leadgate serve`
    webhook_timeout_seconds: float = 10.0  # per attempt (VICIdial waits up to 60 s)
    webhook_max_attempts: int = 8  # then the row is dead (dead-letter)
    webhook_max_age_seconds: float = 86400.0  # no new attempt after this age: dead
    webhook_backoff_seconds: float = 2.0  # first retry delay; doubles each time, with jitter
    webhook_backoff_max_seconds: float = 600.0
    webhook_concurrency: int = 8  # deliveries in flight at once
    webhook_poll_seconds: float = 0.5  # how often the dispatcher looks for due rows
    webhook_lease_seconds: float = 15.0  # a dispatcher that stops renewing is replaced after
    webhook_rows_cache_seconds: float = 3.0  # apinewlead rows re-read at most this often

    # The largest request body the API URLs accept (bytes); a larger one gets HTTP 413.
    max_body_bytes: int = 1_048_576
    # A request body must arrive completely within this time (seconds), else HTTP 408.
    body_timeout_seconds: float = 30.0
    # A connection that sends no complete request header within this time (seconds) is
    # closed: idle keep-alive connections and half-sent headers alike.
    idle_timeout_seconds: float = 30.0
    # One line per request on stderr: off, plain or json (passwords masked).
    access_log: Literal["off", "plain", "json"] = "off"
    # Proxies (addresses and networks, comma-separated) whose X-Forwarded-For names the client.
    # Empty: nobody is trusted, the caller is the connection's peer (a client cannot pose as
    # another address).
    trusted_proxies: Annotated[tuple[Network, ...], NoDecode] = ()

    _parse_trusted_proxies = field_validator("trusted_proxies", mode="before")(parse_networks)

    def model_post_init(self, _context: object) -> None:
        if not self.db_url:
            self.db_url = default_db_url()


def load_settings(**overrides: object) -> Settings:
    """Settings from the environment, with explicit (CLI) values winning when given."""
    given = {key: value for key, value in overrides.items() if value is not None}
    try:
        return Settings(**given)  # type: ignore[arg-type]
    except ValidationError as exc:
        raise SettingsError(_one_line(exc)) from None


def _one_line(exc: ValidationError) -> str:
    """Which settings are wrong and why; never the value itself (a URL may hold a password)."""
    problems: dict[str, str] = {}
    for error in exc.errors():
        name = f"LEADGATE_{str(error['loc'][0]).upper()}" if error["loc"] else "settings"
        problems.setdefault(name, str(error["msg"]).removeprefix("Value error, "))
    return "bad setting " + "; ".join(f"{name}: {reason}" for name, reason in problems.items())

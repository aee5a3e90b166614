"""Scratch databases and the seed the fuzzer (scripts/fuzz.py) and the benchmarks (bench/) start
from: an API user, a campaign and a list in it, created through the domain operations."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import create_engine

from leadgate.domain import campaign_settings, database_setup, list_settings, users
from leadgate.domain.actor import Actor
from leadgate.domain.campaign_settings import CampaignSettings
from leadgate.domain.list_settings import ListSettings
from leadgate.storage.database import Database, normalise_url

HOST = "127.0.0.1"


@contextmanager
def scratch_database(db_url: str | None, workdir: Path, label: str) -> Iterator[str]:
    """A URL to an empty database, removed afterwards: `label`.db in `workdir` for SQLite
    (db_url None or "sqlite"), else `<LEADGATE_TEST_DB_PREFIX>_<label>_<pid>` on the server
    db_url names."""
    if db_url is None or db_url == "sqlite":
        yield f"sqlite:///{workdir / f'{label}.db'}"
        return
    admin_url = normalise_url(db_url)
    name = f"{os.environ.get('LEADGATE_TEST_DB_PREFIX', 'leadgate')}_{label}_{os.getpid()}"
    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    suffix = " CHARACTER SET utf8mb4" if engine.dialect.name == "mysql" else ""
    with engine.connect() as conn:
        conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name}")
        conn.exec_driver_sql(f"CREATE DATABASE {name}{suffix}")
    try:
        yield admin_url.set(database=name).render_as_string(hide_password=False)
    finally:
        with engine.connect() as conn:
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name}")
        engine.dispose()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


@dataclass(frozen=True)
class ApiSeed:
    """An API user (administrator profile), an active campaign and an active list in it."""

    actor: str
    user: str
    password: str
    full_name: str
    campaign_id: str
    campaign_name: str  # 6 to 40 characters
    list_id: int
    list_name: str
    dnc: tuple[str, str] = ("", "")  # the campaign's use_internal_dnc, use_campaign_dnc


def seed_database(database: Database, seed: ApiSeed, now: datetime) -> None:
    """The schema at the newest revision, then the seed in one unit of work, through the
    operations the CLI runs."""
    database_setup.upgrade_schema(database)
    actor = Actor(user=seed.actor)
    campaign = CampaignSettings(seed.campaign_id, campaign_name=seed.campaign_name, dnc=seed.dnc)
    seed_list = ListSettings(str(seed.list_id), list_name=seed.list_name,
                             campaign_id=seed.campaign_id, active="Y")  # fmt: skip
    with database.unit_of_work(now) as uow:
        users.add_administrator(uow, seed.user, seed.password, seed.full_name, actor)
        campaign_refused = campaign_settings.add_campaign(uow, campaign, actor).problem
        if campaign_refused is not None:
            raise RuntimeError(f"seed campaign refused: {campaign_refused.value}")
        added = list_settings.add_list(uow, seed_list, actor, None, may_modify_fields=True)
        if added.problem is not None:
            raise RuntimeError(f"seed list refused: {added.problem.value}")

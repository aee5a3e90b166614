"""The session engine's loop: a background thread in every `leadgate serve` worker (or
`leadgate agent engine` on its own). Each tick claims leases, drives every session it holds in
a unit of work of its own, then tops up the hoppers of the auto-dial campaigns it saw.

Several engines (workers, servers) share the sessions through their leases; an engine that
dies loses its leases after `lease_seconds` and another takes its sessions over.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import uuid
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import inspect

from leadgate.domain.sessions import dialer, engine
from leadgate.domain.sessions.engine import EngineContext
from leadgate.domain.telephony import Telephony
from leadgate.settings import Settings
from leadgate.storage.database import Database
from leadgate.telephony.simulator import Simulator, SimulatorSettings

log = logging.getLogger("leadgate.sessions")
IDLE_SECONDS = 1.0


class SessionEngine:
    def __init__(
        self,
        db: Database,
        telephony: Telephony,
        *,
        tick_seconds: float = 0.25,
        lease_seconds: float = 10.0,
        engine_id: str | None = None,
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        self.db = db
        self.clock = clock
        self.tick_seconds = tick_seconds
        default_id = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self.context = EngineContext(engine_id or default_id, telephony, lease_seconds)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def tick(self) -> int:
        """One round over every session this engine holds; how many it drove."""
        ctx = self.context
        with self.db.unit_of_work(self.clock()) as uow:
            users = engine.claim(uow, ctx)
        for user in users:
            with self.db.unit_of_work(self.clock()) as uow:
                engine.drive(uow, ctx, user)
        campaigns, ctx.auto_dial_campaigns = ctx.auto_dial_campaigns, set()
        for campaign_id in sorted(campaigns):
            with self.db.unit_of_work(self.clock()) as uow:
                dialer.fill_hopper(uow, campaign_id)
        return len(users)

    def run(self) -> None:
        log.info("session engine %s started", self.context.engine_id)
        while not self._stop.is_set():
            driven = 0
            try:
                driven = self.tick()
            except Exception:  # never let one bad tick stop the engine
                log.exception("session engine tick failed")
            # Without sessions to drive, look for new ones once a second: each look is a
            # (short) write transaction, which on SQLite briefly holds the write lock.
            self._stop.wait(self.tick_seconds if driven else max(self.tick_seconds, IDLE_SECONDS))

    def start(self) -> None:
        self._thread = threading.Thread(target=self.run, name="session-engine", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)


def telephony_mode(settings: Settings, db: Database) -> str:
    """'simulator' or 'off'. auto: the simulator on leadgate's own database, off on a VICIdial
    database (no alembic_version table), where VICIdial's own processes drive the sessions."""
    if settings.telephony != "auto":
        return settings.telephony
    with db.engine.connect() as conn:
        leadgate_schema = inspect(conn).has_table("alembic_version")
    return "simulator" if leadgate_schema else "off"


def simulator_from(settings: Settings) -> Simulator:
    return Simulator(
        SimulatorSettings(
            answer_rate=settings.sim_answer_rate,
            no_answer_rate=settings.sim_no_answer_rate,
            busy_rate=settings.sim_busy_rate,
            voicemail_rate=settings.sim_voicemail_rate,
            talk_mean_seconds=settings.sim_talk_mean_seconds,
            seed=settings.sim_seed,
            time_scale=settings.sim_time_scale,
        )
    )


def engine_for(settings: Settings, db: Database) -> SessionEngine | None:
    """The engine `leadgate serve` runs, or None when the mode is off."""
    if telephony_mode(settings, db) != "simulator":
        return None
    return SessionEngine(
        db,
        simulator_from(settings),
        tick_seconds=settings.engine_tick_seconds,
        lease_seconds=settings.engine_lease_seconds,
    )

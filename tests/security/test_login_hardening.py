"""Issue 8 item 2: password verification off the event loop, bounded, uniform in cost, and
failure budgets that slow down only the failing source."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from leadgate.domain import passwords
from leadgate.domain.passwords import PasswordVerifier
from leadgate.domain.throttle import FailureBudget
from leadgate.settings import Settings
from leadgate.storage.database import Database
from leadgate.wire.request import ApiRequest
from leadgate.wire.service import ApiService
from tests.factories import Seeder
from tests.security.conftest import API_PASSWORD, WRONG_PASSWORD

BAD_LINE = "ERROR: Login incorrect, please try again: |{}||BAD|\n"


def _service(db: Database, **settings: Any) -> ApiService:
    config = Settings(db_url=db.url, login_row_cache_seconds=0, **settings)
    return ApiService(db, config, PasswordVerifier(threads=config.auth_threads))


def _request(user: str, password: str, ip: str = "10.0.0.1", function: str = "nope") -> ApiRequest:
    params = {"source": "test", "user": user, "pass": password, "function": function}
    return ApiRequest(params=params, client_ip=ip)


class Recorder:
    """Replaces the argon2 check: records the thread and how many checks overlap."""

    def __init__(self, release: threading.Event | None = None) -> None:
        self.threads: list[int] = []
        self.running = 0
        self.most = 0
        self.lock = threading.Lock()
        self.release = release

    def __call__(self, password: str, plain: str, hashed: str) -> bool:
        with self.lock:
            self.threads.append(threading.get_ident())
            self.running += 1
            self.most = max(self.most, self.running)
        if self.release is not None:
            self.release.wait(10)
        else:
            threading.Event().wait(0.02)  # long enough for the others to pile up
        with self.lock:
            self.running -= 1
        return bool(plain) and plain == password


@pytest.fixture
def recorder(monkeypatch: pytest.MonkeyPatch) -> Iterator[Recorder]:
    recorder = Recorder()
    monkeypatch.setattr(PasswordVerifier, "_check", staticmethod(recorder))
    yield recorder


@pytest.mark.parametrize("threads", [1, 2])
def test_verification_runs_off_the_loop_with_bounded_concurrency(
    db: Database, seed: Seeder, recorder: Recorder, threads: int
) -> None:
    seed.user(**{"pass": API_PASSWORD})
    service = _service(db, auth_threads=threads)

    async def attack() -> tuple[int, list[str]]:
        loop_thread = threading.get_ident()
        calls = [service.non_agent(_request(f"u{n}", WRONG_PASSWORD, f"10.0.1.{n}"))
                 for n in range(6)]  # fmt: skip
        calls.append(service.non_agent(_request("6666", API_PASSWORD)))
        replies = await asyncio.gather(*calls)
        return loop_thread, [reply.body for reply in replies]

    loop_thread, bodies = asyncio.run(attack())
    assert bodies[:6] == [BAD_LINE.format(f"u{n}") for n in range(6)]
    assert bodies[6] == "ERROR: NO FUNCTION SPECIFIED\n"
    assert len(recorder.threads) == 7 and loop_thread not in recorder.threads
    assert recorder.most == threads
    service.verifier.close()


def test_the_loop_answers_others_while_a_verification_runs(
    db: Database, seed: Seeder, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    recorder = Recorder(release)
    monkeypatch.setattr(PasswordVerifier, "_check", staticmethod(recorder))
    seed.user(**{"pass": API_PASSWORD})
    service = _service(db)
    service.verifier.verify("6666", API_PASSWORD, API_PASSWORD, "")  # a cached login
    release_after: list[str] = []

    async def scenario() -> str:
        stuck = asyncio.ensure_future(service.non_agent(_request("nobody", WRONG_PASSWORD)))
        while not recorder.threads:  # the verification has started and is blocked
            await asyncio.sleep(0.001)
        other = await service.non_agent(_request("6666", API_PASSWORD, "10.9.9.9", "version"))
        cached = await service.non_agent(_request("6666", API_PASSWORD, "10.9.9.9"))
        release_after.append(other.body + cached.body)
        release.set()
        return (await stuck).body

    assert asyncio.run(scenario()) == BAD_LINE.format("nobody")
    assert release_after[0].startswith("VERSION: ")
    assert release_after[0].endswith("ERROR: NO FUNCTION SPECIFIED\n")
    service.verifier.close()


def test_a_failure_costs_one_argon2_verification_whoever_the_user(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[str] = []
    real = passwords._hasher

    class Counting:
        def verify(self, stored: str, password: str) -> bool:
            calls.append(stored)
            return real.verify(stored, password)

    stored_hash = passwords.hash_password(API_PASSWORD)
    passwords._dummy_hash()
    monkeypatch.setattr(passwords, "_hasher", Counting())
    for plain, hashed in (("", ""), (API_PASSWORD, ""), ("", stored_hash)):
        calls.clear()
        assert not PasswordVerifier._check(WRONG_PASSWORD, plain, hashed)
        assert len(calls) == 1  # unknown user, plain VICIdial password, argon2 hash
    assert PasswordVerifier._check(API_PASSWORD, API_PASSWORD, "")


def test_a_verified_password_is_not_hashed_again(
    db: Database, seed: Seeder, recorder: Recorder
) -> None:
    seed.user(**{"pass": API_PASSWORD})
    service = _service(db)
    for _ in range(3):
        assert asyncio.run(service.non_agent(_request("6666", API_PASSWORD))).body == (
            "ERROR: NO FUNCTION SPECIFIED\n"
        )
    assert len(recorder.threads) == 1
    service.verifier.close()


def test_failure_budget_burst_then_one_per_interval() -> None:
    now = [100.0]
    budget = FailureBudget(burst=3, interval=2.0, cap=10.0, clock=lambda: now[0])
    assert [budget.charge("ip") for _ in range(3)] == [0.0, 0.0, 0.0]
    assert budget.wait("ip") == 2.0 and budget.wait("other") == 0.0
    assert budget.charge("ip") == 2.0
    assert budget.charge("ip") == 4.0
    now[0] += 4.0
    assert budget.wait("ip") == 2.0
    for _ in range(20):
        budget.charge("ip")
    assert budget.wait("ip") == 10.0  # capped: forgiven soon after the failures stop
    now[0] += 100
    assert budget.wait("ip") == 0.0


def test_failure_budget_memory_is_bounded() -> None:
    now = [0.0]
    budget = FailureBudget(burst=1, interval=1.0, max_keys=1000, clock=lambda: now[0])
    for n in range(5000):
        budget.charge(f"user{n}")
    assert len(budget) <= 1000


def test_a_source_over_its_budget_is_slowed_then_refused_unverified(
    db: Database, seed: Seeder, recorder: Recorder
) -> None:
    seed.user(**{"pass": API_PASSWORD})
    seed.user(user="7777", **{"pass": API_PASSWORD})
    service = _service(db, auth_failure_burst=2, auth_failure_interval_seconds=60,
                       auth_failure_max_delay_seconds=0.01)  # fmt: skip
    service.verifier.verify("6666", API_PASSWORD, API_PASSWORD, "")  # logged in before
    recorder.threads.clear()

    async def scenario() -> list[str]:
        bodies = []
        for n in range(6):  # unknown users from one address
            bodies.append((await service.non_agent(_request(f"x{n}", WRONG_PASSWORD))).body)
        # the same address: a cached login passes, a cold one is refused unverified
        bodies.append((await service.non_agent(_request("6666", API_PASSWORD))).body)
        bodies.append((await service.non_agent(_request("7777", API_PASSWORD))).body)
        # another address is not slowed at all
        bodies.append((await service.non_agent(_request("7777", API_PASSWORD, "10.2.2.2"))).body)
        return bodies

    bodies = asyncio.run(scenario())
    assert bodies[:6] == [BAD_LINE.format(f"x{n}") for n in range(6)]
    assert bodies[6:] == [
        "ERROR: NO FUNCTION SPECIFIED\n",
        BAD_LINE.format("7777"),
        "ERROR: NO FUNCTION SPECIFIED\n",
    ]
    # the address's budget (2 × burst) let 4 failures be verified; then no more verifications
    assert len(recorder.threads) == 4 + 1
    assert seed.user_row("7777")["failed_login_count"] == 0  # an unverified refusal is not counted
    service.verifier.close()


def test_a_burst_of_identical_cold_logins_costs_one_verification(
    db: Database, seed: Seeder, recorder: Recorder
) -> None:
    seed.user(**{"pass": API_PASSWORD})
    service = _service(db)

    async def burst() -> list[str]:
        calls = [service.non_agent(_request("6666", API_PASSWORD)) for _ in range(20)]
        return [reply.body for reply in await asyncio.gather(*calls)]

    assert asyncio.run(burst()) == ["ERROR: NO FUNCTION SPECIFIED\n"] * 20
    assert len(recorder.threads) == 1
    service.verifier.close()

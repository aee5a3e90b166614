"""Identical update_lead insert_if_not_found calls racing each other store exactly one lead.

VICIdial searches and then inserts without a lock, so a burst of identical requests can create
several leads. leadgate takes a named lock on the search keys first (storage/locks.py).
"""

from __future__ import annotations

import threading

from sqlalchemy import func, select

from leadgate.domain.passwords import PasswordVerifier
from leadgate.settings import Settings
from leadgate.storage.database import Database
from leadgate.storage.tables import vicidial_hopper, vicidial_list
from leadgate.wire.request import ApiRequest
from leadgate.wire.service import ApiService
from tests.factories import Seeder

CALLS = 8
PARAMS = {
    "source": "test", "user": "6666", "pass": "1234", "function": "update_lead",
    "search_method": "PHONE_NUMBER", "phone_number": "3125571234", "phone_code": "1",
    "list_id": "101", "insert_if_not_found": "Y", "first_name": "Race",
}  # fmt: skip


def test_concurrent_insert_if_not_found_adds_one_lead(db: Database, seed: Seeder) -> None:
    seed.user()
    seed.campaign()
    seed.list(101)
    service = ApiService(db, Settings(db_url=db.url, login_row_cache_seconds=0), PasswordVerifier())
    barrier = threading.Barrier(CALLS)
    answers: list[str] = []

    def one_call() -> None:
        barrier.wait()
        answers.append(service.handle_non_agent(ApiRequest(params=PARAMS)).body)

    threads = [threading.Thread(target=one_call) for _ in range(CALLS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    with db.transaction() as conn:
        stored = conn.execute(
            select(func.count()).where(vicidial_list.c.phone_number == "3125571234")
        ).scalar_one()
    assert stored == 1
    assert sum("LEAD HAS BEEN ADDED" in answer for answer in answers) == 1
    assert sum("LEAD HAS BEEN UPDATED" in answer for answer in answers) == CALLS - 1


def test_concurrent_add_to_hopper_queues_the_lead_once(db: Database, seed: Seeder) -> None:
    seed.user()
    seed.campaign()
    seed.list(101)
    lead_id = seed.lead(list_id=101, phone_number="3125571235")
    service = ApiService(db, Settings(db_url=db.url, login_row_cache_seconds=0), PasswordVerifier())
    params = {"source": "test", "user": "6666", "pass": "1234", "function": "update_lead",
              "lead_id": str(lead_id), "add_to_hopper": "Y"}  # fmt: skip
    barrier = threading.Barrier(CALLS)
    answers: list[str] = []

    def one_call() -> None:
        barrier.wait()
        answers.append(service.handle_non_agent(ApiRequest(params=params)).body)

    threads = [threading.Thread(target=one_call) for _ in range(CALLS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    with db.transaction() as conn:
        queued = conn.execute(
            select(func.count()).where(vicidial_hopper.c.lead_id == lead_id)
        ).scalar_one()
    assert queued == 1
    assert sum("NOTICE: update_lead ADDED TO HOPPER" in answer for answer in answers) == 1, answers
    assert sum("ALREADY IN THE HOPPER" in answer for answer in answers) == CALLS - 1

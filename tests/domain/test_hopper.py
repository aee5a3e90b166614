"""domain.hopper.bulk_insert (hopper_bulk_insert and `campaign hopper-insert`) and its scopes."""

from __future__ import annotations

from datetime import datetime

import pytest

from leadgate.domain import hopper
from leadgate.domain.events import HopperChanged
from leadgate.domain.hopper import BulkInsertRequest, Queueing
from leadgate.domain.refusals import Problem, Refused
from leadgate.storage.database import Database
from tests.factories import Seeder

NOW = datetime(2026, 12, 6, 12, 0, 0)


@pytest.fixture
def leads(seed: Seeder) -> list[int]:
    seed.campaign("TESTCAMP")
    seed.campaign("SECOND")
    seed.list(101, "TESTCAMP")
    seed.list(102, "TESTCAMP")
    seed.list(202, "SECOND")
    return [seed.lead(list_id=101), seed.lead(list_id=102), seed.lead(list_id=202)]


def _insert(
    db: Database, request: BulkInsertRequest
) -> tuple[hopper.BulkInsertOutcome, list[object]]:
    with db.unit_of_work(NOW) as uow:
        outcome = hopper.bulk_insert(uow, request)
        return outcome, list(uow.events)


def test_added_leads_are_announced(db: Database, leads: list[int]) -> None:
    outcome, events = _insert(db, BulkInsertRequest([str(lead) for lead in leads], priority=3))
    assert [lead.result for lead in outcome.leads] == [Queueing.ADDED] * 3
    assert [lead.campaign_id for lead in outcome.leads] == ["TESTCAMP", "TESTCAMP", "SECOND"]
    assert events == [HopperChanged(leads[0], "TESTCAMP", added=True),
                      HopperChanged(leads[1], "TESTCAMP", added=True),
                      HopperChanged(leads[2], "SECOND", added=True)]  # fmt: skip
    assert outcome.last_hopper_id == outcome.leads[-1].hopper_id
    again, events = _insert(db, BulkInsertRequest([str(leads[0])]))
    assert again.count(Queueing.ALREADY_QUEUED) == 1
    assert again.last_hopper_id is None
    assert events == []


def test_a_campaign_scope_finds_only_that_campaigns_leads(
    db: Database, seed: Seeder, leads: list[int]
) -> None:
    with db.transaction() as conn:
        scope = hopper.campaign_scope(conn, "TESTCAMP")
        assert scope == frozenset({101, 102})
        with pytest.raises(Refused) as refused:
            hopper.campaign_scope(conn, "NOPE")
        assert refused.value.problem is Problem.NOT_FOUND
    outcome, _ = _insert(db, BulkInsertRequest([str(lead) for lead in leads], lists=scope))
    assert [lead.result for lead in outcome.leads] == [Queueing.ADDED, Queueing.ADDED,
                                                       Queueing.NOT_FOUND]  # fmt: skip
    assert [row["list_id"] for row in seed.table_rows("vicidial_hopper", "list_id")] == [101, 102]


def test_api_scope_follows_the_user_group(db: Database, seed: Seeder, leads: list[int]) -> None:
    seed.user_group("ALL")
    seed.user_group("SECONDS", " SECOND -")
    seed.user_group("NOLISTS", " THIRD -")
    with db.transaction() as conn:
        assert hopper.api_scope(conn, "ALL") is None
        assert hopper.api_scope(conn, "SECONDS") == frozenset({202})
        assert hopper.api_scope(conn, "NOLISTS") == frozenset({9})  # VICIdial's fallback
        assert hopper.api_scope(conn, "MISSING") == frozenset({9})


def test_only_the_highest_lead_ids_are_read(
    db: Database, leads: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(hopper, "MAX_LEADS_READ", 2)
    outcome, _ = _insert(db, BulkInsertRequest([str(lead) for lead in leads]))
    assert [lead.result for lead in outcome.leads] == [Queueing.NOT_FOUND, Queueing.ADDED,
                                                       Queueing.ADDED]  # fmt: skip


@pytest.mark.parametrize("lead_ids", [[], [""], ["1", ""], ["1a"], ["-1"], ["١"]])
def test_invalid_lead_ids_change_nothing(
    db: Database, seed: Seeder, leads: list[int], lead_ids: list[str]
) -> None:
    outcome, events = _insert(db, BulkInsertRequest(lead_ids))
    assert outcome.invalid_lead_ids and outcome.leads == () and events == []
    assert seed.table_rows("vicidial_hopper", "hopper_id") == []

"""hopper_bulk_insert is race-free: of many identical concurrent inserts exactly one queues
each lead (the campaign's hopper lock, shared with the dialer's hopper fill), the others are
told the lead is already in the hopper. Over HTTP (`leadgate serve --workers 3`) and through
the domain operation in threads, on every engine (--db-url)."""

from __future__ import annotations

import urllib.parse

from leadgate.domain import hopper
from leadgate.domain.hopper import BulkInsertRequest, Queueing
from leadgate.storage.database import Database
from tests.factories import Seeder
from tests.test_concurrency_add_lead import _fire_together, server  # noqa: F401 (fixture)
from tests.test_concurrency_admin import THREADS, _race

CALLS = 64


def test_concurrent_bulk_inserts_over_http_queue_each_lead_once(
    server: str,  # noqa: F811 (fixture)
    seed: Seeder,
) -> None:
    seed.user_group("ADMIN")
    seed.campaign("SECOND")
    seed.list(202, "SECOND")
    leads = [seed.lead(list_id=101), seed.lead(list_id=202), seed.lead(list_id=101)]
    query = urllib.parse.urlencode({
        "source": "test", "user": "6666", "pass": "1234", "function": "hopper_bulk_insert",
        "lead_ids": ",".join(map(str, leads)),
    })  # fmt: skip
    answers = _fire_together(f"{server}/vicidial/non_agent_api.php?{query}", CALLS)
    body = "".join(answers)
    assert body.count("NOTICE: hopper_bulk_insert LEAD ADDED TO HOPPER - ") == 3, answers
    assert body.count("LEAD IS ALREADY IN THE HOPPER") == 3 * (CALLS - 1), answers
    assert (
        body.count("SUCCESS: hopper_bulk_insert")
        + body.count(
            "ERROR: hopper_bulk_insert NO LEADS HAVE BEEN INSERTED INTO THE HOPPER - 3|0|6666\n"
        )
        == CALLS
    ), answers
    rows = seed.table_rows("vicidial_hopper", "lead_id", "campaign_id")
    assert sorted((row["lead_id"], row["campaign_id"]) for row in rows) == sorted(
        [(leads[0], "TESTCAMP"), (leads[1], "SECOND"), (leads[2], "TESTCAMP")]
    )


def test_concurrent_bulk_inserts_in_threads(db: Database, seed: Seeder) -> None:
    seed.campaign()
    seed.list(101)
    leads = [str(seed.lead()), str(seed.lead())]
    request = BulkInsertRequest(leads, priority=5)
    added = _race(db, lambda uow: hopper.bulk_insert(uow, request).count(Queueing.ADDED))
    assert sorted(added, key=str) == [0] * (THREADS - 1) + [2], added
    assert len(seed.table_rows("vicidial_hopper", "hopper_id")) == 2

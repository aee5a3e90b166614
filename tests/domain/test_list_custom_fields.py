"""update_list's custom field actions are race-free: of concurrent identical adds (or
deletes) of one field exactly one changes the table, on every engine."""

from __future__ import annotations

from sqlalchemy import inspect

from leadgate.domain import list_settings
from leadgate.domain.actor import Actor
from leadgate.domain.list_custom_fields import FieldActions, FieldRequest, FieldResult, FieldStep
from leadgate.storage.database import Database
from leadgate.storage.unit_of_work import UnitOfWork
from tests.factories import Seeder
from tests.test_concurrency_admin import THREADS, _race

ACTOR = Actor(user="race")


def _results(db: Database, actions: FieldActions, field: FieldRequest) -> list[object]:
    """Each thread's (step, result) of one update_list with a field action."""
    settings = list_settings.ListSettings(list_id="101", custom_field=field)
    list_actions = list_settings.ListActions(fields=actions)

    def run(uow: UnitOfWork) -> object:
        change = list_settings.update_list(uow, settings, list_actions, ACTOR, None).field_changes
        return (change[0].step, change[0].result)

    return _race(db, run)


def test_concurrent_adds_and_deletes_of_one_field(db: Database, seed: Seeder) -> None:
    seed.campaign("TESTCAMP")
    seed.list(101)
    field = FieldRequest(label="racer", name="Racer", size="10", field_type="TEXT", rank="1",
                         max="10")  # fmt: skip
    added = _results(db, FieldActions(add=True, may_modify_fields=True, may_modify_leads=True),
                     field)  # fmt: skip
    assert added.count((FieldStep.SENT, FieldResult.CHANGED)) == 1, added
    assert added.count((FieldStep.SENT, FieldResult.REFUSED)) == THREADS - 1, added
    with db.engine.connect() as conn:
        assert [c["name"] for c in inspect(conn).get_columns("custom_101")] == ["lead_id", "racer"]
    assert len(seed.table_rows("vicidial_lists_fields", "field_id")) == 1

    deleted = _results(db, FieldActions(delete=True, may_modify_fields=True,
                                        may_modify_leads=True), FieldRequest(label="racer"))  # fmt: skip
    assert deleted.count((FieldStep.SENT, FieldResult.CHANGED)) == 1, deleted
    assert deleted.count((FieldStep.NOT_FOUND, FieldResult.UNCHANGED)) == THREADS - 1, deleted
    with db.engine.connect() as conn:
        assert [c["name"] for c in inspect(conn).get_columns("custom_101")] == ["lead_id"]
    assert seed.table_rows("vicidial_lists_fields", "field_id") == []
    events = seed.table_rows("vicidial_admin_log", "event_type", "event_section")
    assert sorted(r["event_type"] for r in events) == ["ADD", "DELETE"]

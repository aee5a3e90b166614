"""update_lead / batch_update_lead: the pure rules, and the typed outcomes and events of the
operations on a database."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

from leadgate.domain.events import (
    CallbackScheduled,
    CallbacksRemoved,
    HopperChanged,
    LeadAdded,
    LeadDeleted,
    LeadStatusSet,
    LeadUpdated,
)
from leadgate.domain.leads import updates as lu
from leadgate.storage.database import Database
from tests.factories import Seeder


def test_update_values_keep_only_non_empty_fields_in_vicidial_order() -> None:
    fields = {"comments": "c", "user": "1000", "status": "", "list_id": "999", "rank": "0"}
    values = lu.update_values(fields, reset_lead=True)
    assert list(values) == ["user", "list_id", "comments", "rank", "called_since_last_reset"]
    assert values["called_since_last_reset"] == "N"
    assert lu.update_values({}, reset_lead=False) == {}


def test_stored_text_blank_marker_newlines_and_gender_enum() -> None:
    stored = lu.as_stored_text(
        {"province": "--BLANK--", "comments": "a\nb", "gender": "MALE", "title": "--BLANK--x"}
    )
    assert stored == {"province": "", "comments": "a!Nb", "gender": "", "title": "--BLANK--x"}
    assert lu.as_stored_text({"gender": "F"}) == {"gender": "F"}


@pytest.mark.parametrize(
    ("value", "broken"),
    [
        ("C:\\temp\\", True),
        ("C:\\temp\\\\", False),
        ("a\\\\\\", True),
        ("plain", False),
        ("", False),
    ],
)
def test_only_an_odd_run_of_trailing_backslashes_breaks_vicidial_sql(
    value: str, broken: bool
) -> None:
    assert lu.breaks_quoted_sql(value) is broken


def test_list_ids_compare_like_php() -> None:
    assert not lu.list_at_least_99("")
    assert not lu.list_at_least_99("98")
    assert lu.list_at_least_99("099")
    assert lu.list_at_least_99("9" * 10000)


# -- the operations on a database: typed steps and events ------------------------------------

NOW = datetime(2026, 3, 10, 12, 0, 0)


def _update(
    db: Database, request: lu.UpdateLeadRequest, allowed: set[str] | None = None
) -> tuple[lu.UpdateLeadOutcome, list[object]]:
    with db.unit_of_work(NOW) as uow:
        outcome = lu.update_lead(uow, request, allowed_lists=allowed)
        return outcome, list(uow.events)


def test_update_by_lead_id_reports_the_lead_and_emits_changed_columns(
    db: Database, seed: Seeder
) -> None:
    seed.campaign()
    seed.list(101)
    lead = seed.lead(first_name="Ann", status="NEW")
    request = lu.UpdateLeadRequest(
        api_user="api", lead_id=str(lead), fields={"first_name": "Bob", "status": "SALE"}
    )
    outcome, events = _update(db, request)
    assert outcome.steps == [lu.LeadChanged(lead_id=lead, list_id=101, affected=1)]
    assert outcome.refused is None
    updated = [e for e in events if isinstance(e, LeadUpdated)]
    assert len(updated) == 1 and updated[0].lead_id == lead
    assert set(updated[0].columns) == {"first_name", "status"}
    assert LeadStatusSet(lead_id=lead, status="SALE", user="api") in events


def test_unchanged_values_affect_nothing_and_emit_nothing(db: Database, seed: Seeder) -> None:
    seed.campaign()
    seed.list(101)
    lead = seed.lead(first_name="Ann")
    request = lu.UpdateLeadRequest(api_user="api", lead_id=str(lead), fields={"first_name": "Ann"})
    outcome, events = _update(db, request)
    assert outcome.steps == [lu.LeadChanged(lead_id=lead, list_id=101, affected=0)]
    assert events == []


def test_refusals_are_codes_with_the_list_at_fault(db: Database, seed: Seeder) -> None:
    seed.campaign()
    seed.list(101)
    lead = seed.lead()
    outcome, _ = _update(db, lu.UpdateLeadRequest(api_user="api", search_method="PHONE_NUMBER"))
    assert outcome.refused == lu.Refused(
        lu.UpdateRefusal.NO_VALID_SEARCH_METHOD, method="PHONE_NUMBER"
    )
    restricted = lu.UpdateLeadRequest(api_user="api", lead_id=str(lead), list_id="555")
    outcome, _ = _update(db, restricted, allowed={"101"})
    assert outcome.refused == lu.Refused(lu.UpdateRefusal.SEARCH_LIST_NOT_ALLOWED, list_id="555")
    results = lu.UpdateLeadRequest(api_user="api", lead_id=str(lead), fields={"comments": "x"})
    outcome, events = _update(db, results, allowed={"202"})
    assert outcome.steps == [lu.Refused(lu.UpdateRefusal.RESULT_LIST_NOT_ALLOWED, list_id="101")]
    assert events == []


def test_insert_if_not_found_inserts_and_emits_lead_added(db: Database, seed: Seeder) -> None:
    seed.campaign()
    seed.list(101)
    request = lu.UpdateLeadRequest(
        api_user="api", search_method="PHONE_NUMBER", phone_number="3125557777",
        insert_if_not_found=True, fields={"list_id": "101", "phone_code": "1"},
    )  # fmt: skip
    outcome, events = _update(db, request)
    assert outcome.steps[0] == lu.NoMatches(lu.NoMatchAction.INSERTING)
    inserted = outcome.steps[1]
    assert isinstance(inserted, lu.LeadInserted) and inserted.list_id == "101"
    added = [e for e in events if isinstance(e, LeadAdded)]
    assert [(e.lead_id, e.origin, e.list_id) for e in added] == [
        (inserted.lead_id, "update_lead", 101)
    ]
    again, _ = _update(db, replace(request, insert_if_not_found=False))
    assert isinstance(again.steps[0], lu.LeadChanged)
    assert again.steps[0].lead_id == inserted.lead_id


def test_no_match_without_insert_is_a_refusing_no_match(db: Database, seed: Seeder) -> None:
    outcome, events = _update(db, lu.UpdateLeadRequest(api_user="api", lead_id="424242"))
    assert outcome.steps == [lu.NoMatches(lu.NoMatchAction.REFUSED)]
    assert events == []


def test_delete_and_callback_removal_report_counts(db: Database, seed: Seeder) -> None:
    seed.campaign()
    seed.list(101)
    lead = seed.lead()
    seed.execute(
        "INSERT INTO vicidial_callbacks (lead_id, list_id, campaign_id, status) "
        "VALUES (:lead, 101, 'TESTCAMP', 'ACTIVE')",
        lead=lead,
    )
    request = lu.UpdateLeadRequest(api_user="api", lead_id=str(lead), delete_lead=True)
    outcome, events = _update(db, request)
    assert outcome.steps == [
        lu.LeadChanged(lead_id=lead, list_id=101, affected=1, deleted=True,
                       callbacks_deleted=1, callbacks_archived=1, archived_callbacks=1)
    ]  # fmt: skip
    assert LeadDeleted(lead_id=lead, api_user="api") in events
    assert CallbacksRemoved(lead_id=lead, count=1) in events


def test_callback_added_with_resolved_time_and_hopper_added(db: Database, seed: Seeder) -> None:
    seed.campaign()
    seed.list(101)
    lead = seed.lead()
    request = lu.UpdateLeadRequest(
        api_user="api", lead_id=str(lead),
        callback=lu.CallbackRequest(mode="Y", campaign_id="TESTCAMP", datetime="NOW"),
        hopper=lu.HopperRequest(add=True),
    )  # fmt: skip
    outcome, events = _update(db, request)
    callback, hopper = outcome.steps
    assert callback == lu.CallbackStep(
        lu.CallbackChange.ADDED, lead, campaign_id="TESTCAMP", callback_time="2026-03-10 12:00:00",
        callback_type="ANYONE", callback_user="", callback_status="CALLBK",
    )  # fmt: skip
    assert isinstance(hopper, lu.HopperStep) and hopper.change is lu.HopperChange.ADDED
    assert hopper.lead_id == str(lead) and hopper.hopper_id > 0
    assert CallbackScheduled(lead, "2026-03-10 12:00:00", user="") in events
    assert HopperChanged(lead, "TESTCAMP", added=True) in events


def test_broken_quoted_value_is_rejected_with_the_field(db: Database, seed: Seeder) -> None:
    seed.campaign()
    seed.list(101)
    lead = seed.lead()
    request = lu.UpdateLeadRequest(api_user="api", lead_id=str(lead), fields={"comments": "a\\"})
    with pytest.raises(lu.Rejected) as caught:
        _update(db, request)
    assert caught.value.rejection == lu.Rejection(lu.RejectionReason.INVALID_DATA, field="comments")


def test_batch_update_counts_found_and_changed(db: Database, seed: Seeder) -> None:
    seed.campaign()
    seed.list(101)
    first = seed.lead(status="NEW")
    second = seed.lead(status="SALE")
    request = lu.BatchUpdateRequest(
        api_user="api", lead_ids=f"{first},{second},99999", fields={"status": "SALE"}
    )
    with db.unit_of_work(NOW) as uow:
        outcome = lu.batch_update_lead(uow, request)
        events = list(uow.events)
    # Newest first, as VICIdial lists them.
    assert outcome == lu.BatchUpdateOutcome(found_ids=(second, first), changed_ids=(first,))
    assert events == [
        LeadUpdated(lead_id=first, columns=("status",), api_user="api"),
        LeadStatusSet(lead_id=first, status="SALE", user="api"),
    ]
    with db.unit_of_work(NOW) as uow:
        assert (
            lu.batch_update_lead(uow, replace(request, lead_ids="1,,2")).refused
            is lu.BatchRefusal.INVALID_LEAD_ID_LIST
        )
        assert lu.batch_update_lead(uow, replace(request, fields={})) == lu.BatchUpdateOutcome(
            found_ids=(second, first), values_sent=False
        )

"""Storage reads of the look-ups, and the DNC / callback writes, on every database."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import insert, text

from leadgate.storage import callbacks, dnc
from leadgate.storage.database import Database
from leadgate.storage.leads import search as lookups
from leadgate.storage.tables import vicidial_callbacks
from tests.factories import Seeder


def test_search_leads_newest_first_within_lists_and_limit(db: Database, seed: Seeder) -> None:
    a = seed.lead(phone_number="3125550001", list_id=101)
    b = seed.lead(phone_number="3125550001", list_id=102)
    c = seed.lead(phone_number="3125550002", list_id=101)
    with db.transaction() as conn:

        def search(**kw: object) -> list[int]:
            rows = lookups.search_leads(conn, archived=False, key="phone_number", **kw)  # type: ignore[arg-type]
            return [row["lead_id"] for row in rows]

        assert search(values=["3125550001", "3125550002"], list_ids=None, limit=10) == [c, b, a]
        assert search(values=["3125550001"], list_ids=[101], limit=10) == [a]
        assert search(values=["3125550001", "3125550002"], list_ids=None, limit=2) == [c, b]
        assert search(values=[], list_ids=None, limit=10) == []
        assert search(values=["3125550001"], list_ids=[], limit=10) == []
        by_id = lookups.search_leads(
            conn, archived=False, key="lead_id", values=[a, 2**40], list_ids=None, limit=5
        )
        assert [row["lead_id"] for row in by_id] == [a]


def test_sibling_lists_and_visibility(db: Database, seed: Seeder) -> None:
    seed.list(101, campaign_id="TESTCAMP")
    seed.list(102, campaign_id="TESTCAMP")
    seed.list(201, campaign_id="OTHER")
    seed.user_group("RESTRICT", " TESTCAMP -")
    with db.transaction() as conn:
        assert sorted(lookups.sibling_list_ids(conn, 101) or []) == [101, 102]
        assert lookups.sibling_list_ids(conn, 999) is None
        assert lookups.list_exists(conn, 201, None)
        assert not lookups.list_exists(conn, 201, frozenset({"TESTCAMP"}))
        assert lookups.list_exists(conn, 102, frozenset({"TESTCAMP", ""}))
        assert not lookups.list_exists(conn, None, None)
        assert lookups.group_allowed_campaigns(conn, "RESTRICT") == " TESTCAMP -"
        assert lookups.group_allowed_campaigns(conn, "NOPE") is None


def test_custom_tables(db: Database, seed: Seeder) -> None:
    lead = seed.lead()
    with db.transaction() as conn:
        assert lookups.custom_table_columns(conn, 101) is None
        conn.execute(text("CREATE TABLE custom_101 (lead_id INTEGER, pet_name VARCHAR(30))"))
        conn.execute(text("INSERT INTO custom_101 VALUES (:lead, 'Tom')"), {"lead": lead})
    with db.transaction() as conn:
        assert lookups.custom_table_columns(conn, 101) == ["lead_id", "pet_name"]
        assert lookups.custom_values(conn, 101, lead, ["pet_name"]) == {"pet_name": "Tom"}
        assert lookups.custom_values(conn, 101, lead + 1, ["pet_name"]) is None


def test_dnc_round_trip(db: Database, seed: Seeder) -> None:
    now = datetime(2026, 1, 2, 3, 4, 5)
    with db.transaction() as conn:
        assert dnc.fit_campaign("LONGCAMPAIGN") == "LONGCAMP"
        assert not dnc.listed(conn, ["3125550001"], None)
        dnc.insert_phones(conn, ["3125550001"], None)
        dnc.insert_phones(conn, ["3125550001"], "TESTCAMP")
        assert dnc.listed(conn, ["3125550001", "3125550002"], None) == {"3125550001"}
        assert dnc.listed(conn, ["3125550001"], "TESTCAMP")
        assert not dnc.listed(conn, ["3125550001"], "OTHER")
        assert dnc.delete_phone(conn, "3125550001", "TESTCAMP") == 1
        assert dnc.delete_phone(conn, "3125550001", "TESTCAMP") == 0
        dnc.write_log(conn, ["3125550001"], "-SYSINT-", "add", "6666", now)
    log = seed.table_rows("vicidial_dnc_log", "phone_number", "campaign_id", "action",
                          "action_date", order_by="action_date")  # fmt: skip
    assert log == [{"phone_number": "3125550001", "campaign_id": "-SYSINT-", "action": "add",
                    "action_date": now}]  # fmt: skip


def test_archive_and_delete_callbacks(db: Database, seed: Seeder) -> None:
    lead = seed.lead()
    rows = [
        {"lead_id": lead, "campaign_id": "A", "status": "ACTIVE", "recipient": "ANYONE"},
        {"lead_id": lead, "campaign_id": "B", "status": "ACTIVE", "recipient": "ANYONE"},
        {"lead_id": lead + 1, "campaign_id": "A", "status": "ACTIVE", "recipient": "ANYONE"},
    ]
    with db.transaction() as conn:
        conn.execute(insert(vicidial_callbacks), rows)
    with db.transaction() as conn:
        first = callbacks.first_callback_id(conn, lead)
        assert callbacks.archive_and_delete(conn, lead, "B") == (1, 1)
        assert callbacks.archive_and_delete(conn, lead, None) == (1, 1)
        assert callbacks.archive_and_delete(conn, lead, None) == (0, 0)
        assert callbacks.first_callback_id(conn, lead) is None
    archived = seed.table_rows("vicidial_callbacks_archive", "callback_id", "campaign_id")
    assert [row["campaign_id"] for row in archived] == ["A", "B"]
    assert archived[0]["callback_id"] == first
    left = seed.table_rows("vicidial_callbacks", "lead_id")
    assert left == [{"lead_id": lead + 1}]

"""hopper_bulk_insert beyond the recorded cases: every notice, the counts and log rows,
the user group's lists, call times through the list, bad lead id lists."""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert
from starlette.testclient import TestClient

from leadgate.storage.stock_data import add_stock_call_times
from leadgate.storage.tables import vicidial_hopper
from tests.factories import Seeder

NON_AGENT = "/vicidial/non_agent_api.php"
CREDS = {"source": "test", "user": "6666", "pass": "1234"}
HOPPER_COLUMNS = ("lead_id", "campaign_id", "status", "user", "list_id", "gmt_offset_now",
                  "state", "priority", "source", "vendor_lead_code")  # fmt: skip


def bulk(client: TestClient, **params: str) -> str:
    response = client.get(NON_AGENT,
                          params={**CREDS, "function": "hopper_bulk_insert", **params})  # fmt: skip
    assert response.status_code == 200
    return response.text


def _setup(seed: Seeder, allowed: str = " -ALL-CAMPAIGNS- -") -> None:
    seed.user()
    seed.user_group("ADMIN", allowed)
    seed.campaign("TESTCAMP")
    seed.campaign("SECOND")
    seed.list(101, "TESTCAMP")
    seed.list(202, "SECOND", local_call_time="nosuchct")  # no such call time: never dialable
    seed.list(777, "GONE")  # its campaign does not exist


def _hopper(seed: Seeder) -> list[dict[str, Any]]:
    rows = seed.table_rows("vicidial_hopper", "hopper_id", *HOPPER_COLUMNS)
    return [{k: str(v) for k, v in row.items() if k != "hopper_id"} for row in rows]


def _api_log(seed: Seeder) -> list[tuple[str, str, str]]:
    rows = seed.table_rows("vicidial_api_log", "function", "result", "result_reason", "data")
    return [(str(r["result"]), str(r["result_reason"]), str(r["data"])) for r in rows
            if r["function"] == "hopper_bulk_insert"]  # fmt: skip


def test_queues_each_lead_in_its_lists_campaign(client: TestClient, seed: Seeder) -> None:
    _setup(seed)
    first = seed.lead(phone_number="3125550001", gmt_offset_now=-6, state="IL",
                      vendor_lead_code="V1")  # fmt: skip
    second = seed.lead(phone_number="3125550002", list_id=202, gmt_offset_now=-5)
    answer = bulk(client, lead_ids=f"{second},{first}", hopper_priority="7")
    hopper = seed.table_rows("vicidial_hopper", "hopper_id", "lead_id")
    ids = {row["lead_id"]: row["hopper_id"] for row in hopper}
    assert answer == (
        f"NOTICE: hopper_bulk_insert LEAD ADDED TO HOPPER - 3125550002|{second}|{ids[second]}|6666\n"
        f"NOTICE: hopper_bulk_insert LEAD ADDED TO HOPPER - 3125550001|{first}|{ids[first]}|6666\n"
        f"SUCCESS: hopper_bulk_insert LEADS HAVE BEEN INSERTED INTO THE HOPPER - "
        f"2|0|{ids[first]}|6666\n"
    )
    assert _hopper(seed) == [
        {"lead_id": str(second), "campaign_id": "SECOND", "status": "READY", "user": "",
         "list_id": "202", "gmt_offset_now": "-5.00", "state": "", "priority": "7",
         "source": "P", "vendor_lead_code": ""},
        {"lead_id": str(first), "campaign_id": "TESTCAMP", "status": "READY", "user": "",
         "list_id": "101", "gmt_offset_now": "-6.00", "state": "IL", "priority": "7",
         "source": "P", "vendor_lead_code": "V1"},
    ]  # fmt: skip
    # Only the summary line is logged; its data repeats the refused count at the end.
    assert _api_log(seed) == [("SUCCESS", "hopper_bulk_insert LEADS HAVE BEEN INSERTED INTO "
                               "THE HOPPER", f"2|0|{ids[first]}|0|0")]  # fmt: skip


def test_every_refusal_in_request_order(client: TestClient, seed: Seeder) -> None:
    _setup(seed)
    queued = seed.lead(phone_number="3125550001")
    orphan = seed.lead(phone_number="3125550002", list_id=777)
    late = seed.lead(phone_number="3125550003", list_id=202, gmt_offset_now=-5, state="NY")
    with seed.db.transaction() as conn:
        conn.execute(insert(vicidial_hopper).values(lead_id=queued, campaign_id="OTHER",
                                                    list_id=101, status="READY"))  # fmt: skip
    answer = bulk(client, lead_ids=f"{queued},{orphan},{late},0{queued},99999999999999999999",
                  hopper_local_call_time_check="Y")  # fmt: skip
    assert answer == (
        f"NOTICE: hopper_bulk_insert NOT ADDED TO HOPPER, LEAD IS ALREADY IN THE HOPPER - {queued}\n"
        f"NOTICE: hopper_bulk_insert CAMPAIGN DOES NOT EXIST - 777|{orphan}\n"
        f"NOTICE: hopper_bulk_insert NOT ADDED TO HOPPER, LEAD NOT FOUND - {orphan}\n"
        f"NOTICE: hopper_bulk_insert NOT ADDED TO HOPPER, OUTSIDE OF LOCAL TIME, - "
        f"{late}|-5.00|NY|0\n"
        # A lead id spelled with a leading zero finds the lead but is not that lead's id.
        f"NOTICE: hopper_bulk_insert NOT ADDED TO HOPPER, LEAD NOT FOUND - 0{queued}\n"
        "NOTICE: hopper_bulk_insert NOT ADDED TO HOPPER, LEAD NOT FOUND - 99999999999999999999\n"
        "ERROR: hopper_bulk_insert NO LEADS HAVE BEEN INSERTED INTO THE HOPPER - 3|3|6666\n"
    )
    assert [row["lead_id"] for row in _hopper(seed)] == [str(queued)]
    assert _api_log(seed) == [("ERROR", "hopper_bulk_insert NO LEADS HAVE BEEN INSERTED INTO "
                               "THE HOPPER", "0||3|3")]  # fmt: skip


def test_call_time_of_the_campaign_unless_the_list_overrides(
    client: TestClient, seed: Seeder
) -> None:
    _setup(seed)
    with seed.db.transaction() as conn:
        add_stock_call_times(conn)  # TESTCAMP calls 24hours
    seed.list(102, "TESTCAMP", local_call_time="campaign")
    lead = seed.lead(list_id=102, gmt_offset_now=-6)
    assert "LEAD ADDED TO HOPPER" in bulk(client, lead_ids=str(lead),
                                          hopper_local_call_time_check="Y")  # fmt: skip
    # Without the check the list's impossible call time does not matter.
    other = seed.lead(list_id=202)
    assert "LEAD ADDED TO HOPPER" in bulk(client, lead_ids=str(other),
                                          hopper_local_call_time_check="y")  # fmt: skip


def test_the_same_lead_twice_is_queued_once(client: TestClient, seed: Seeder) -> None:
    _setup(seed)
    lead = seed.lead()
    answer = bulk(client, lead_ids=f"{lead},{lead}")
    assert answer.splitlines()[1] == (
        f"NOTICE: hopper_bulk_insert NOT ADDED TO HOPPER, LEAD IS ALREADY IN THE HOPPER - {lead}"
    )
    assert answer.splitlines()[2].startswith(
        "SUCCESS: hopper_bulk_insert LEADS HAVE BEEN INSERTED INTO THE HOPPER - 1|1|"
    )
    assert len(_hopper(seed)) == 1


def test_priority_is_clamped_and_defaults_to_zero(client: TestClient, seed: Seeder) -> None:
    _setup(seed)
    low, high, plain = seed.lead(), seed.lead(), seed.lead()
    bulk(client, lead_ids=str(low), hopper_priority="-500")
    bulk(client, lead_ids=str(high), hopper_priority="1x2")  # filtered to 12
    bulk(client, lead_ids=str(plain))
    assert [row["priority"] for row in _hopper(seed)] == ["-99", "12", "0"]


def test_only_leads_of_the_user_groups_campaigns(client: TestClient, seed: Seeder) -> None:
    _setup(seed, allowed=" TESTCAMP -")
    mine = seed.lead(list_id=101)
    theirs = seed.lead(list_id=202)
    answer = bulk(client, lead_ids=f"{mine},{theirs}")
    assert f"NOT ADDED TO HOPPER, LEAD NOT FOUND - {theirs}\n" in answer
    assert [row["lead_id"] for row in _hopper(seed)] == [str(mine)]


def test_a_group_whose_campaigns_have_no_list_sees_list_9(client: TestClient, seed: Seeder) -> None:
    _setup(seed, allowed=" EMPTY -")
    seed.campaign("EMPTY")
    seed.list(9, "TESTCAMP")
    in_list_9 = seed.lead(list_id=9)
    elsewhere = seed.lead(list_id=101)
    answer = bulk(client, lead_ids=f"{in_list_9},{elsewhere}")
    assert answer.endswith(
        "SUCCESS: hopper_bulk_insert LEADS HAVE BEEN INSERTED INTO THE HOPPER - "
        f"1|0|{_hopper_ids(seed)[0]}|6666\n"
    )
    assert f"LEAD NOT FOUND - {elsewhere}\n" in answer


def _hopper_ids(seed: Seeder) -> list[int]:
    return [int(row["hopper_id"]) for row in seed.table_rows("vicidial_hopper", "hopper_id")]


def test_an_empty_lead_id_changes_nothing(client: TestClient, seed: Seeder) -> None:
    _setup(seed)
    lead = seed.lead()
    for lead_ids, echoed in (("", ""), (f"{lead},", f"{lead},"), (f",{lead}", f",{lead}"),
                             (f"{lead},,{lead}", f"{lead},,{lead}"), ("abc", "")):  # fmt: skip
        assert bulk(client, lead_ids=lead_ids) == (
            f"ERROR: hopper_bulk_insert INVALID LEAD ID LIST, NOTHING WAS CHANGED - 6666|{echoed}\n"
        )
    assert bulk(client) == (
        "ERROR: hopper_bulk_insert INVALID LEAD ID LIST, NOTHING WAS CHANGED - 6666|\n"
    )
    assert _hopper(seed) == []


def test_needs_modify_campaigns(client: TestClient, seed: Seeder) -> None:
    _setup(seed)
    seed.user(user="7777", modify_campaigns="0")
    lead = seed.lead()
    answer = client.get(NON_AGENT, params={"source": "test", "user": "7777", "pass": "1234",
                                           "function": "hopper_bulk_insert",
                                           "lead_ids": str(lead)}).text  # fmt: skip
    assert answer == (
        "ERROR: hopper_bulk_insert USER DOES NOT HAVE PERMISSION TO ADD LEADS TO THE HOPPER: "
        "|7777|0|\n"
    )
    assert _hopper(seed) == []

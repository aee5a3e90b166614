"""campaigns_list, hopper_list, update_campaign, campaign_status (seed, designed) and
list_info; beyond the recorded cases: restricted groups, every refusal, the admin log."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import insert
from starlette.testclient import TestClient

from leadgate.storage.tables import vicidial_hopper, vicidial_inbound_groups
from tests.factories import Seeder

NON_AGENT = "/vicidial/non_agent_api.php"
CREDS = {"source": "test", "user": "6666", "pass": "1234"}


def call(client: TestClient, function: str, **params: str) -> str:
    response = client.get(NON_AGENT, params={**CREDS, "function": function, **params})
    assert response.status_code == 200
    return response.text


def _setup(seed: Seeder, allowed: str = " -ALL-CAMPAIGNS- -") -> None:
    seed.user()
    seed.user_group("ADMIN", allowed)
    seed.campaign("TESTCAMP", campaign_name="Test Campaign", dial_method="MANUAL",
                  auto_dial_level="0", lead_order="DOWN", dial_statuses=" NEW CALLBK -")  # fmt: skip
    seed.campaign("OTHER", campaign_name="Other one", active="N")


def test_campaigns_list_respects_the_user_group(client: TestClient, seed: Seeder) -> None:
    _setup(seed, allowed=" TESTCAMP -")
    assert call(client, "campaigns_list", stage="csv") == (
        "TESTCAMP,Test Campaign,Y,---ALL---,MANUAL,0,DOWN,NEW CALLBK,60,9,,\n"
    )
    assert call(client, "campaigns_list", campaign_id="OTHER") == (
        "ERROR: campaigns_list THIS USER HAS NO VIEWABLE CAMPAIGNS: 6666|\n"
    )


def test_campaigns_list_needs_view_reports(client: TestClient, seed: Seeder) -> None:
    _setup(seed)
    seed.user(user="7777", view_reports="0")
    answer = client.get(NON_AGENT, params={"source": "test", "user": "7777", "pass": "1234",
                                           "function": "campaigns_list"}).text  # fmt: skip
    assert answer == (
        "ERROR: campaigns_list USER DOES NOT HAVE PERMISSION TO GET CAMPAIGN INFO: |7777|0|\n"
    )


def test_hopper_list_ages_and_order(client: TestClient, seed: Seeder) -> None:
    _setup(seed)
    seed.list(101)
    now = datetime.now().replace(microsecond=0)
    recent = seed.lead(phone_number="3125550001", entry_date=now - timedelta(days=3),
                       last_local_call_time=now - timedelta(hours=5), gmt_offset_now=-5)  # fmt: skip
    never = seed.lead(phone_number="3125550002", entry_date=now)
    with seed.db.transaction() as conn:
        conn.execute(insert(vicidial_hopper), [
            {"lead_id": never, "campaign_id": "TESTCAMP", "status": "READY", "list_id": 101,
             "gmt_offset_now": -5, "priority": 0, "source": "A"},
            {"lead_id": recent, "campaign_id": "TESTCAMP", "status": "READY", "list_id": 101,
             "gmt_offset_now": -5, "priority": 50, "source": "P"},
            {"lead_id": recent, "campaign_id": "TESTCAMP", "status": "QUEUE", "list_id": 101,
             "gmt_offset_now": -5, "priority": 99, "source": "P"},
        ])  # fmt: skip
    lines = call(client, "hopper_list", campaign_id="TESTCAMP", header="YES").splitlines()
    assert lines[0].startswith("hopper_order|priority|lead_id|")
    # The server row says -5.00 and the leads are at -5: no shift (outside DST in tests'
    # clock only when is_dst is false, so accept both 5 and 4 hours).
    assert lines[1].split("|")[:3] == ["0", "50", str(recent)]
    assert lines[1].split("|")[15] == "3"
    assert lines[1].split("|")[16] in ("5 HOURS ", "4 HOURS ", "6 HOURS ")
    assert lines[2].split("|")[:3] == ["1", "0", str(never)]
    assert lines[2].endswith("|0|NEVER    ")
    assert len(lines) == 3
    assert call(client, "hopper_list", campaign_id="OTHER") == (
        "ERROR: hopper_list THERE ARE NO LEADS IN THE HOPPER FOR THIS CAMPAIGN: 6666|OTHER\n"
    )


def test_update_campaign_changes_logs_and_resets(client: TestClient, seed: Seeder) -> None:
    _setup(seed)
    seed.list(101)
    lead = seed.lead()
    with seed.db.transaction() as conn:
        conn.execute(insert(vicidial_hopper), [{"lead_id": lead, "campaign_id": "TESTCAMP",
                                                "status": "READY", "list_id": 101}])  # fmt: skip
    answer = call(client, "update_campaign", campaign_id="TESTCAMP", dial_status_add="CALLBK2",
                  dial_status_remove="NEW", xferconf_one="5551234", reset_hopper="Y")  # fmt: skip
    assert (
        answer
        == "ERROR: update_campaign DIAL STATUS ADD IS NOT VALID, THIS IS AN OPTIONAL FIELD: |6666|CALLBK2\n"
    )
    answer = call(client, "update_campaign", campaign_id="TESTCAMP", dial_status_add="B",
                  dial_status_remove="NEW", xferconf_one="5551234", reset_hopper="Y")  # fmt: skip
    assert answer == (
        "SUCCESS: update_campaign CAMPAIGN HAS BEEN UPDATED - 6666|TESTCAMP\n"
        "NOTICE: update_campaign HOPPER HAS BEEN RESET - 6666|TESTCAMP|\n"
    )
    [row] = seed.rows("SELECT dial_statuses, xferconf_a_number, campaign_changedate "
                      "FROM vicidial_campaigns WHERE campaign_id = 'TESTCAMP'")  # fmt: skip
    assert row["dial_statuses"] == " B CALLBK -"
    assert row["xferconf_a_number"] == "5551234"
    assert row["campaign_changedate"] is not None
    assert seed.table_rows("vicidial_hopper", "lead_id") == []
    log = seed.table_rows("vicidial_admin_log", "event_type", "event_code", "record_id")
    assert [(r["event_type"], r["event_code"]) for r in log] == [
        ("MODIFY", "ADMIN API UPDATE CAMPAIGN"), ("RESET", "ADMIN API RESET HOPPER")
    ]  # fmt: skip


def test_update_campaign_refusals_change_nothing(client: TestClient, seed: Seeder) -> None:
    _setup(seed, allowed=" TESTCAMP -")
    cases = {
        (
            "OTHER",
            "campaign_name",
            "Renamed",
        ): "ERROR: update_campaign CAMPAIGN DOES NOT EXIST: |6666|OTHER\n",
        ("TESTCAMP", "list_order", "RANDOM"): "ERROR: update_campaign LIST ORDER INCLUDING "
        "RANDOM ARE NOT ALLOWED, THIS IS AN OPTIONAL FIELD: |6666|RANDOM\n",
        ("TESTCAMP", "list_order", "SIDEWAYS"): "ERROR: update_campaign LIST ORDER IS NOT "
        "VALID, THIS IS AN OPTIONAL FIELD: |6666|SIDEWAYS\n",
        ("TESTCAMP", "lead_filter_id", "NOPE"): "ERROR: update_campaign CAMPAIGN LEAD FILTER "
        "MUST BE A VALID FILTER IN THE SYSTEM, THIS IS AN OPTIONAL FIELD: |6666|NOPE\n",
        ("TESTCAMP", "dial_status_remove", "XYZ"): "ERROR: update_campaign DIAL STATUS REMOVE "
        "FAILURE, NOT AN EXISTING DIAL STATUS, THIS IS AN OPTIONAL FIELD: |6666|XYZ\n",
        ("TESTCAMP", "webform_two", "ab"): "ERROR: update_campaign WENFORM 2 URL IS NOT VALID, "
        "THIS IS AN OPTIONAL FIELD: |6666|ab\n",
        ("TESTCAMP", "hopper_level", "6000"): "ERROR: update_campaign HOPPER LEVEL MUST BE FROM "
        "1 TO 2000, THIS IS AN OPTIONAL FIELD: |6666|6000\n",
    }
    for (campaign_id, name, value), expected in cases.items():
        params = {"active": "N", name: value}
        assert call(client, "update_campaign", campaign_id=campaign_id, **params) == expected
    rows = seed.rows("SELECT active FROM vicidial_campaigns ORDER BY campaign_id")
    assert [r["active"] for r in rows] == ["N", "Y"]  # OTHER was N already, TESTCAMP unchanged
    assert seed.table_rows("vicidial_admin_log", "record_id") == []


def test_campaign_status(client: TestClient, seed: Seeder) -> None:
    _setup(seed)
    assert call(client, "campaign_status", campaign_id="TESTCAMP") == (
        "SUCCESS: campaign_status CAMPAIGN STATUS - 6666|TESTCAMP|Y\n"
    )
    assert call(client, "campaign_status", campaign_id="TESTCAMP", value="PAUSED") == (
        "SUCCESS: campaign_status CAMPAIGN HAS BEEN UPDATED - 6666|TESTCAMP|Y|N\n"
    )
    assert call(client, "campaign_status", campaign_id="TESTCAMP", value="start") == (
        "SUCCESS: campaign_status CAMPAIGN HAS BEEN UPDATED - 6666|TESTCAMP|N|Y\n"
    )
    assert call(client, "campaign_status", campaign_id="TESTCAMP", value="MAYBE") == (
        "ERROR: campaign_status VALUE IS NOT VALID: |6666|MAYBE\n"
    )
    assert call(client, "campaign_status", campaign_id="NOPE", value="STOP") == (
        "ERROR: campaign_status CAMPAIGN DOES NOT EXIST: |6666|NOPE\n"
    )
    seed.user(user="7777", modify_campaigns="0")
    denied = client.get(NON_AGENT, params={"source": "test", "user": "7777", "pass": "1234",
                                           "function": "campaign_status",
                                           "campaign_id": "TESTCAMP", "value": "STOP"}).text  # fmt: skip
    assert denied == (
        "ERROR: campaign_status USER DOES NOT HAVE PERMISSION TO UPDATE CAMPAIGNS: |7777|0\n"
    )
    rows = seed.rows("SELECT active FROM vicidial_campaigns WHERE campaign_id = 'TESTCAMP'")
    assert rows == [{"active": "Y"}]
    assert len(seed.table_rows("vicidial_admin_log", "record_id")) == 2


def test_list_info_counts_and_restriction(client: TestClient, seed: Seeder) -> None:
    _setup(seed)
    seed.list(101, list_name="Web leads")
    seed.list(102, "OTHER")
    seed.lead(list_id=101)
    seed.lead(list_id=101, status="SALE")
    answer = call(client, "list_info", list_id="101", leads_counts="Y", stage="csv",
                  header="YES")  # fmt: skip
    header, row = answer.splitlines()
    assert header == ("list_id,list_name,campaign_id,active,list_changedate,list_lastcalldate,"
                      "expiration_date,resets_today,all_leads_count,new_leads_count")  # fmt: skip
    assert row.startswith("101,Web leads,TESTCAMP,Y,") and row.endswith(",2,1,")
    seed.user(user="7777", user_group="LIMITED", api_list_restrict="1")
    seed.user_group("LIMITED", " TESTCAMP -")
    restricted = client.get(NON_AGENT, params={"source": "test", "user": "7777", "pass": "1234",
                                               "function": "list_info", "list_id": "102"}).text  # fmt: skip
    assert restricted == "ERROR: list_info NOT AN ALLOWED LIST ID - 102\n"


def _agents_world(seed: Seeder) -> None:
    seed.user()
    seed.user_group("ADMIN")
    seed.user_group("AGENTS")
    seed.user_group("ONECAMP", " TESTCAMP -")
    seed.user(user="1000", user_group="AGENTS", user_level=1)
    seed.user(user="2000", user_group="ONECAMP", user_level=1)
    seed.campaign("TESTCAMP", closer_campaigns=" SALESLINE AGENTDIRECT_X OLDLINE -")
    seed.campaign("SECONDCP")
    with seed.db.transaction() as conn:
        conn.execute(insert(vicidial_inbound_groups), [
            {"group_id": "SALESLINE", "group_name": "Sales", "active": "Y"},
            {"group_id": "AGENTDIRECT_X", "group_name": "Direct", "active": "Y"},
            {"group_id": "OLDLINE", "group_name": "Old", "active": "N"},
        ])  # fmt: skip


def _api_log(seed: Seeder) -> list[tuple[str, str, str, str]]:
    rows = seed.table_rows("vicidial_api_log", "result", "result_reason", "data", "agent_user",
                           order_by="api_id")  # fmt: skip
    return [(r["result"], r["result_reason"], r["data"], r["agent_user"]) for r in rows]


def test_agent_campaigns_answers_and_logs(client: TestClient, seed: Seeder) -> None:
    _agents_world(seed)
    assert call(client, "agent_campaigns", agent_user="1000") == (
        "1000|SECONDCP-TESTCAMP|AGENTDIRECT_X-SALESLINE\n"
    )
    assert call(client, "agent_campaigns", agent_user="1000", ignore_agentdirect="Y",
                stage="csv", header="YES") == (
        "user,allowed_campaigns_list,allowed_ingroups_list\n1000,SECONDCP-TESTCAMP,SALESLINE\n"
    )  # fmt: skip
    # A campaign without in-groups leaves the last field empty.
    assert call(client, "agent_campaigns", agent_user="1000", campaign_id="SECONDCP",
                stage="tab") == "1000\tSECONDCP\t\n"  # fmt: skip
    assert call(client, "agent_campaigns", agent_user="2000", stage="newline") == (
        "2000|TESTCAMP|AGENTDIRECT_X-SALESLINE\n"
    )
    assert _api_log(seed) == [
        ("SUCCESS", "agent_campaigns RESULTS FOUND: 1",
         "6666|1000|SECONDCP-TESTCAMP|AGENTDIRECT_X-SALESLINE", "1000"),
        ("SUCCESS", "agent_campaigns RESULTS FOUND: 1", "6666|1000|SECONDCP-TESTCAMP|SALESLINE",
         "1000"),
        ("SUCCESS", "agent_campaigns RESULTS FOUND: 1", "6666|1000|SECONDCP|", "1000"),
        ("SUCCESS", "agent_campaigns RESULTS FOUND: 1", "6666|2000|TESTCAMP|AGENTDIRECT_X-SALESLINE",
         "2000"),
    ]  # fmt: skip


def test_agent_campaigns_errors(client: TestClient, seed: Seeder) -> None:
    _agents_world(seed)
    assert call(client, "agent_campaigns", agent_user="nobody") == (
        "ERROR: agent_campaigns AGENT USER DOES NOT EXIST: |6666|nobody\n"
    )
    assert call(client, "agent_campaigns") == (
        "ERROR: agent_campaigns AGENT USER DOES NOT EXIST: |6666|\n"
    )
    assert call(client, "agent_campaigns", agent_user="2000", campaign_id="SECONDCP") == (
        "ERROR: agent_campaigns THIS AGENT USER HAS NO AVAILABLE CAMPAIGNS: 2000|6666|\n"
    )
    assert _api_log(seed) == [
        ("ERROR", "agent_campaigns AGENT USER DOES NOT EXIST", "nobody", "nobody"),
        ("ERROR", "agent_campaigns AGENT USER DOES NOT EXIST", "", ""),
        ("ERROR", "agent_campaigns THIS AGENT USER HAS NO AVAILABLE CAMPAIGNS", "2000|6666|",
         "2000"),
    ]  # fmt: skip


def test_agent_campaigns_sees_only_the_callers_viewable_groups(
    client: TestClient, seed: Seeder
) -> None:
    _agents_world(seed)
    seed.execute("UPDATE vicidial_user_groups SET admin_viewable_groups = ' ONECAMP -' "
                 "WHERE user_group = 'ADMIN'")  # fmt: skip
    assert call(client, "agent_campaigns", agent_user="2000") == (
        "2000|TESTCAMP|AGENTDIRECT_X-SALESLINE\n"
    )
    assert call(client, "agent_campaigns", agent_user="1000") == (
        "ERROR: agent_campaigns AGENT USER DOES NOT EXIST: |6666|1000\n"
    )


@pytest.mark.parametrize(
    "lacking",
    [{"view_reports": "0"}, {"modify_users": "0"}, {"vdc_agent_api_access": "0"},
     {"user_level": 7}],
)  # fmt: skip
def test_agent_campaigns_permission(
    client: TestClient, seed: Seeder, lacking: dict[str, object]
) -> None:
    _agents_world(seed)
    seed.user(user="7777", **lacking)
    answer = client.get(NON_AGENT, params={"source": "test", "user": "7777", "pass": "1234",
                                           "function": "agent_campaigns",
                                           "agent_user": "1000"}).text  # fmt: skip
    assert answer == (
        "ERROR: agent_campaigns USER DOES NOT HAVE PERMISSION TO GET AGENT INFO: |7777|0|\n"
    )
    assert [row[:3] for row in _api_log(seed)] == [
        ("ERROR", "agent_campaigns USER DOES NOT HAVE PERMISSION TO GET AGENT INFO", "0")
    ]

"""Telephony settings functions: what the recorded cases do not pin down."""

from __future__ import annotations

from sqlalchemy import insert
from starlette.testclient import TestClient

from leadgate.storage.database import Database
from leadgate.storage.tables import vicidial_filter_phone_groups, vicidial_inbound_groups
from tests.factories import Seeder

NON_AGENT = "/vicidial/non_agent_api.php"
CREDS = {"source": "test", "user": "6666", "pass": "1234"}


def call(client: TestClient, function: str, **params: str) -> str:
    response = client.get(NON_AGENT, params={**CREDS, "function": function, **params})
    assert response.status_code == 200
    return response.text


def test_chooser_field_name_cannot_inject_script(
    client: TestClient, db: Database, seed: Seeder
) -> None:
    seed.user_group()
    seed.user()
    with db.transaction() as conn:
        conn.execute(insert(vicidial_inbound_groups).values(
            group_id="SALES", group_name="Sales", group_color="#FFFFFF", active="Y",
        ))  # fmt: skip
    body = call(client, "ingroup_list", comments="x');alert(document.cookie);//<script>")
    assert "choose_file('SALES','xalertdocumentcookiescript');" in body
    assert "<script>" not in body.split("</script>", 1)[1]


def test_filter_group_numbers_add_then_delete_once(
    client: TestClient, db: Database, seed: Seeder
) -> None:
    seed.user_group()
    seed.user()
    with db.transaction() as conn:
        conn.execute(insert(vicidial_filter_phone_groups).values(
            filter_phone_group_id="FPG", filter_phone_group_name="Filter",
        ))  # fmt: skip
    assert call(client, "add_fpg_phone", phone_number="3125550100", group="FPG").startswith(
        "SUCCESS: add_fpg_phone FILTER PHONE GROUP NUMBER HAS BEEN ADDED"
    )
    assert call(client, "add_fpg_phone", phone_number="3125550100", group="FPG").startswith(
        "ERROR: add_fpg_phone FILTER PHONE GROUP NUMBER ALREADY EXISTS"
    )
    rows = seed.table_rows("vicidial_filter_phone_numbers", "phone_number", "filter_phone_group_id")
    assert rows == [{"phone_number": "3125550100", "filter_phone_group_id": "FPG"}]
    admin = seed.table_rows("vicidial_admin_log", "event_section", "event_type", "event_sql")
    assert admin == [{"event_section": "FILTERPHONEGROUPS", "event_type": "ADD", "event_sql": ""}]
    assert call(client, "delete_fpg_phone", phone_number="3125550100", group="FPG").startswith(
        "SUCCESS: delete_fpg_phone FILTER PHONE GROUP NUMBER HAS BEEN DELETED"
    )
    assert call(client, "delete_fpg_phone", phone_number="3125550100", group="FPG").startswith(
        "ERROR: delete_fpg_phone FILTER PHONE GROUP NUMBER DOES NOT EXIST"
    )

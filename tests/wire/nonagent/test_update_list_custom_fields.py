"""update_list's custom_fields_add / custom_fields_update / custom_fields_delete: VICIdial's
lines, the field definitions and the custom_<list_id> columns they change, on every engine."""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert, inspect
from starlette.testclient import TestClient

from leadgate.storage.tables import vicidial_lists_fields
from tests.factories import Seeder

NON_AGENT = "/vicidial/non_agent_api.php"
NO_UPDATES = "NOTICE: update_list NO UPDATES DEFINED: |6666|\n"


def update_list(client: TestClient, user: str = "6666", **params: str) -> str:
    query = {"source": "test", "user": user, "pass": "1234", "function": "update_list"}
    response = client.get(NON_AGENT, params={**query, **params})
    assert response.status_code == 200
    return response.text


def add(client: TestClient, label: str, field_type: str = "TEXT", **params: str) -> str:
    base = {"list_id": "101", "custom_fields_add": "Y", "field_label": label,
            "field_name": "A field", "field_size": "20", "field_type": field_type,
            "field_rank": "1"}  # fmt: skip
    return update_list(client, **{**base, **params})


def sent(action: str, label: str, field_type: str, response: str, list_id: str = "101") -> str:
    return (f"NOTICE: update_list {action} CUSTOM FIELD COMMAND SENT - "
            f"6666|{list_id}|{label}|{field_type}|{response}|\n")  # fmt: skip


def _setup(seed: Seeder) -> None:
    seed.user()
    seed.user_group("ADMIN")
    seed.campaign("TESTCAMP")
    seed.list(101)


def columns(seed: Seeder, list_id: int = 101) -> list[str] | None:
    with seed.db.engine.connect() as conn:
        inspector = inspect(conn)
        name = f"custom_{list_id}"
        if not inspector.has_table(name):
            return None
        return [str(c["name"]) for c in inspector.get_columns(name)]


def fields(seed: Seeder, *names: str, list_id: int = 101) -> list[dict[str, Any]]:
    wanted = ("field_label", *names)
    rows = seed.table_rows("vicidial_lists_fields", "list_id", *wanted, order_by="field_id")
    return [{k: r[k] for k in wanted} for r in rows if int(r["list_id"]) == list_id]


def test_add_creates_the_table_and_column(client: TestClient, seed: Seeder) -> None:
    _setup(seed)
    answer = add(client, "pet_name", field_name="Pet+name", field_max="30", field_rank="16",
                 field_default="Rex")  # fmt: skip
    assert answer == sent("ADD", "pet_name", "TEXT", "SUCCESS: Field added") + NO_UPDATES
    assert columns(seed) == ["lead_id", "pet_name"]
    assert fields(seed, "field_name", "field_rank", "field_size", "field_max", "field_cost",
                  "field_default", "field_required", "field_order", "name_position") == [
        {"field_label": "pet_name", "field_name": "Petname", "field_rank": 16, "field_size": 20,
         "field_max": 30, "field_cost": 93, "field_default": "Rex", "field_required": "N",
         "field_order": 1, "name_position": "LEFT"}
    ]  # fmt: skip
    lead = client.get(NON_AGENT, params={
        "source": "test", "user": "6666", "pass": "1234", "function": "add_lead",
        "phone_number": "3125550111", "list_id": "101", "custom_fields": "Y", "pet_name": "Tom",
    }).text  # fmt: skip
    assert lead.startswith("SUCCESS: add_lead LEAD HAS BEEN ADDED"), lead
    assert seed.rows("SELECT pet_name FROM custom_101") == [{"pet_name": "Tom"}]
    # A second field: the table grows; list_custom_fields shows both.
    assert add(client, "color", field_type="AREA") == (
        sent("ADD", "color", "AREA", "SUCCESS: Field added") + NO_UPDATES
    )
    assert columns(seed) == ["lead_id", "pet_name", "color"]
    listing = client.get(
        NON_AGENT,
        params={
            "source": "test",
            "user": "6666",
            "pass": "1234",
            "function": "list_custom_fields",
            "list_id": "101",
        },
    )
    assert listing.text == "101|list 101|TESTCAMP|Y|||pet_name color\n"
    log = seed.table_rows("vicidial_admin_log", "event_section", "event_type", "event_code")
    assert [tuple(r.values()) for r in log if r["event_section"] == "CUSTOM_FIELDS"] == [
        ("CUSTOM_FIELDS", "ADD", "ADMIN ADD CUSTOM LIST FIELD"),
        ("CUSTOM_FIELDS", "ADD", "ADMIN ADD CUSTOM LIST FIELD"),
    ]


def test_add_refusals_answer_error_and_change_nothing(client: TestClient, seed: Seeder) -> None:
    _setup(seed)
    assert add(client, "pet_name").startswith(
        sent("ADD", "pet_name", "TEXT", "SUCCESS: Field added")
    )
    refused = sent("ADD", "{}", "{}", "ERROR: Field not added")
    cases = [
        ("pet_name", "TEXT", {}),  # exists already
        ("status", "TEXT", {}),  # a reserved word
        ("Name", "TEXT", {}),  # reserved words are compared without case
        ("short_name", "TEXT", {"field_name": "x"}),  # field names need 2 characters
        ("long_default", "TEXT", {"field_max": "3", "field_default": "toolong"}),
        ("choice", "SELECT", {"field_options": "a,Apple"}),  # options need several lines
        ("switcher", "SWITCH", {"field_options": "102,Other\n103,Third"}),  # not this list
        ("copy_of", "TEXT", {"field_duplicate": "Y"}),  # duplicate of a missing field
        ("pet_name", "AREA", {"field_duplicate": "Y"}),  # duplicates are TEXT only
    ]
    for label, field_type, extra in cases:
        answer = add(client, label, field_type=field_type, **extra)
        assert answer == refused.format(label, field_type) + NO_UPDATES, (label, answer)
    assert [f["field_label"] for f in fields(seed)] == ["pet_name"]
    assert columns(seed) == ["lead_id", "pet_name"]


def test_add_without_a_valid_column_answers_none(client: TestClient, seed: Seeder) -> None:
    _setup(seed)
    # VICIdial's ALTER TABLE fails (no type; an ENUM default that is not an option), and its
    # admin page then prints neither SUCCESS nor ERROR.
    assert (
        add(client, "odd", field_type="COLOR") == sent("ADD", "odd", "COLOR", "NONE") + NO_UPDATES
    )
    options = "a,Apple\nb,Banana"
    assert add(client, "fruit", field_type="SELECT", field_options=options) == (
        sent("ADD", "fruit", "SELECT", "NONE") + NO_UPDATES
    )
    assert fields(seed) == []
    assert add(client, "fruit", field_type="SELECT", field_options=options,
               field_default="b") == sent("ADD", "fruit", "SELECT", "SUCCESS: Field added") + NO_UPDATES  # fmt: skip
    assert fields(seed, "field_type", "field_cost") == [
        {"field_label": "fruit", "field_type": "SELECT", "field_cost": 21}
    ]
    assert columns(seed) == ["lead_id", "fruit"]


def test_fields_without_columns_and_duplicates(client: TestClient, seed: Seeder) -> None:
    _setup(seed)
    assert add(client, "banner", field_type="DISPLAY") == (
        sent("ADD", "banner", "DISPLAY", "SUCCESS: Field added") + NO_UPDATES
    )
    assert columns(seed) == ["lead_id"]  # the table exists, without a column for the field
    assert add(client, "pet", field_max="10").startswith(
        sent("ADD", "pet", "TEXT", "SUCCESS: Field added")
    )
    assert add(client, "pet", field_duplicate="Y").startswith(
        sent("ADD", "pet", "TEXT", "SUCCESS: Field added")
    )
    assert add(client, "First_Name").startswith(
        sent("ADD", "First_Name", "TEXT", "SUCCESS: Field added")
    )
    assert [f["field_label"] for f in fields(seed)] == [
        "banner",
        "pet",
        "pet_DUPLICATE_001",
        "first_name",
    ]
    assert columns(seed) == ["lead_id", "pet"]


def test_rerank_moves_fields_down(client: TestClient, seed: Seeder) -> None:
    _setup(seed)
    add(client, "alpha", field_rank="1")
    add(client, "beta", field_rank="2")
    add(client, "gamma", field_rank="1", field_rerank="YES")
    ranks = {f["field_label"]: f["field_rank"] for f in fields(seed, "field_rank")}
    assert ranks == {"alpha": 2, "beta": 3, "gamma": 1}


def test_update_changes_definition_and_column(client: TestClient, seed: Seeder) -> None:
    _setup(seed)
    add(client, "pet", field_max="10", field_description="Their pet", field_help="Ask")
    answer = update_list(client, list_id="101", custom_fields_update="Y", field_label="pet",
                         field_max="40", field_default="none", field_description="--BLANK--")  # fmt: skip
    assert answer == sent("UPDATE", "pet", "TEXT", "SUCCESS: Field updated") + NO_UPDATES
    assert fields(seed, "field_max", "field_default", "field_description", "field_help") == [
        {"field_label": "pet", "field_max": 40, "field_default": "none", "field_description": "",
         "field_help": "Ask"}
    ]  # fmt: skip
    with seed.db.engine.connect() as conn:
        column = next(c for c in inspect(conn).get_columns("custom_101") if c["name"] == "pet")
    if seed.db.backend != "sqlite":  # SQLite does not change a declared type
        assert getattr(column["type"], "length", None) == 40
    missing = update_list(client, list_id="101", custom_fields_update="Y", field_label="nope",
                          field_type="AREA")  # fmt: skip
    assert missing == (
        "NOTICE: update_list FIELD DOES NOT EXIST, FIELD NOT UPDATED, THIS IS AN OPTIONAL FIELD: "
        "|6666|101|nope|||AREA||\n" + NO_UPDATES
    )
    refused = update_list(client, list_id="101", custom_fields_update="Y", field_label="pet",
                          field_max="2")  # fmt: skip
    assert refused == sent("UPDATE", "pet", "TEXT", "ERROR: Field not updated") + NO_UPDATES
    assert fields(seed, "field_max")[0]["field_max"] == 40
    # A type change rebuilds the column as the new type.
    to_area = update_list(client, list_id="101", custom_fields_update="Y", field_label="pet",
                          field_type="AREA")  # fmt: skip
    assert to_area == sent("UPDATE", "pet", "AREA", "SUCCESS: Field updated") + NO_UPDATES


def test_delete_drops_column_and_definition(client: TestClient, seed: Seeder) -> None:
    _setup(seed)
    add(client, "pet")
    add(client, "banner", field_type="DISPLAY")
    answer = update_list(client, list_id="101", custom_fields_delete="Y", field_label="pet")
    assert answer == sent("DELETE", "pet", "", "SUCCESS: Field deleted") + NO_UPDATES
    assert columns(seed) == ["lead_id"]
    # VICIdial drops a column for every field it deletes: a DISPLAY field has none, so the
    # deletion fails and its admin page answers nothing recognisable.
    display = update_list(client, list_id="101", custom_fields_delete="Y", field_label="banner")
    assert display == sent("DELETE", "banner", "", "NONE") + NO_UPDATES
    assert [f["field_label"] for f in fields(seed)] == ["banner"]
    gone = update_list(client, list_id="101", custom_fields_delete="Y", field_label="pet")
    assert gone == (
        "NOTICE: update_list FIELD DOES NOT EXIST, FIELD NOT DELETED, THIS IS AN OPTIONAL FIELD: "
        "|6666|101|pet|\n" + NO_UPDATES
    )


def test_notices_before_the_change(client: TestClient, seed: Seeder) -> None:
    _setup(seed)
    # A list that does not exist and has no field definitions: one notice per action, then
    # update_list goes on (VICIdial does not stop for custom field actions).
    answer = update_list(client, list_id="555", custom_fields_add="Y", custom_fields_delete="Y",
                         field_label="x")  # fmt: skip
    assert answer == (
        "NOTICE: update_list CUSTOM FIELDS LIST ID TO ADD TO HAS NO CUSTOM FIELDS, THIS IS AN "
        "OPTIONAL FIELD: |6666|555|0\n"
        "NOTICE: update_list CUSTOM FIELDS LIST ID TO DELETE TO HAS NO CUSTOM FIELDS, THIS IS AN "
        "OPTIONAL FIELD: |6666|555|0\n" + NO_UPDATES
    )
    missing = update_list(client, list_id="101", custom_fields_add="Y", field_label="x",
                          field_type="TEXT", active="N")  # fmt: skip
    assert missing == (
        "NOTICE: update_list REQUIRED CUSTOM FIELDS VARIABLES ARE MISSING, FIELD NOT ADDED, THIS "
        "IS AN OPTIONAL FIELD: |6666|101|x|||TEXT||\n"
        "SUCCESS: update_list LIST HAS BEEN UPDATED - 6666|101\n"
    )
    seed.user(user="nocf", custom_fields_modify="0")
    denied = update_list(client, user="nocf", list_id="101", custom_fields_update="Y",
                         field_label="x", custom_fields_copy="9")  # fmt: skip
    assert denied == (
        "NOTICE: update_list USER DOES NOT HAVE PERMISSION TO MODIFY CUSTOM FIELDS, THIS IS AN "
        "OPTIONAL FIELD: |nocf|101|9|0\n"
        "NOTICE: update_list NO UPDATES DEFINED: |nocf|\n"
    )
    # VICIdial's admin page needs modify_leads: without it nothing happens (answer NONE).
    seed.user(user="noleads", modify_leads="0")
    none = update_list(client, user="noleads", list_id="101", custom_fields_add="Y",
                       field_label="pet", field_name="Pet", field_size="5", field_type="TEXT",
                       field_rank="1")  # fmt: skip
    assert none == (
        "NOTICE: update_list ADD CUSTOM FIELD COMMAND SENT - noleads|101|pet|TEXT|NONE|\n"
        "NOTICE: update_list NO UPDATES DEFINED: |noleads|\n"
    )
    assert columns(seed) is None
    # A refused list change still comes after the field lines.
    refused = add(client, "pet", campaign_id="NOPE")
    assert refused == sent("ADD", "pet", "TEXT", "SUCCESS: Field added") + (
        "ERROR: update_list CAMPAIGN DOES NOT EXIST, THIS IS AN OPTIONAL FIELD: |6666|NOPE\n"
    )


def test_hostile_labels_never_reach_sql(client: TestClient, seed: Seeder) -> None:
    _setup(seed)
    answer = add(client, 'x`; DROP TABLE vicidial_list; --"', field_default="a'b\\c")
    assert answer == sent("ADD", "xDROPTABLEvicidial_list", "TEXT", "ERROR: Field not added") + (
        NO_UPDATES
    )  # the default (ab\\c after the filter) is longer than field_max 1
    answer = add(client, "weird", field_max="20", field_default="a\\b;c")
    assert answer.startswith(sent("ADD", "weird", "TEXT", "SUCCESS: Field added"))
    assert fields(seed, "field_default") == [{"field_label": "weird", "field_default": "a\\b;c"}]
    assert seed.rows("SELECT count(*) AS n FROM vicidial_list") == [{"n": 0}]


def test_add_takes_an_id_after_rows_that_came_with_their_own(
    client: TestClient, seed: Seeder
) -> None:
    _setup(seed)
    with seed.db.transaction() as conn:
        conn.execute(insert(vicidial_lists_fields), [
            {"field_id": 7, "list_id": 999, "field_label": "old", "field_type": "TEXT",
             "field_rank": 1, "field_size": 5, "field_max": 5},
        ])  # fmt: skip
    assert add(client, "pet").startswith(sent("ADD", "pet", "TEXT", "SUCCESS: Field added"))
    assert [int(r["field_id"]) for r in seed.table_rows("vicidial_lists_fields", "field_id")] == [
        7,
        8,
    ]


def copied(method: str, response: str, target: str = "102", source: str = "101") -> str:
    return (f"NOTICE: update_list COPY CUSTOM FIELDS COMMAND SENT - "
            f"6666|{target}|{source}|{method}|{response}|\n")  # fmt: skip


def test_copy_append_update_replace(client: TestClient, seed: Seeder) -> None:
    _setup(seed)
    seed.list(102)
    add(client, "pet", field_max="10", field_rank="1")
    add(client, "notes", field_type="AREA", field_rank="2")
    add(client, "banner", field_type="DISPLAY", field_rank="3")
    answer = update_list(client, list_id="102", custom_fields_copy="101")
    assert answer == NO_UPDATES + copied("APPEND", "SUCCESS: Fields copied")
    assert columns(seed, 102) == ["lead_id", "pet", "notes"]
    assert [f["field_label"] for f in fields(seed, list_id=102)] == ["pet", "notes", "banner"]
    # Nothing left to append: the admin page says nothing.
    again = update_list(client, list_id="102", custom_fields_copy="101")
    assert again == NO_UPDATES + copied("APPEND", "NONE")
    # UPDATE rewrites the target's fields from the source's.
    update_list(client, list_id="101", custom_fields_update="Y", field_label="pet",
                field_max="25", field_name="Pet name")  # fmt: skip
    updated = update_list(client, list_id="102", custom_fields_copy="101",
                          custom_copy_method="UPDATE")  # fmt: skip
    assert updated == NO_UPDATES + copied("UPDATE", "SUCCESS: Fields copied")
    assert fields(seed, "field_max", "field_name", list_id=102)[0] == {
        "field_label": "pet", "field_max": 25, "field_name": "Petname"
    }  # fmt: skip
    # REPLACE: the target's own fields go, the source's come back.
    add(client, "extra", list_id="102")
    assert "extra" in (columns(seed, 102) or [])
    replaced = update_list(client, list_id="102", custom_fields_copy="101",
                           custom_copy_method="REPLACE")  # fmt: skip
    assert replaced == NO_UPDATES + copied("REPLACE", "SUCCESS: Fields copied")
    assert [f["field_label"] for f in fields(seed, list_id=102)] == ["pet", "notes", "banner"]
    assert columns(seed, 102) == ["lead_id", "pet", "notes"]
    events = seed.table_rows("vicidial_admin_log", "event_section", "record_id", "event_type")
    assert sorted(r["event_type"] for r in events
                  if r["event_section"] == "CUSTOM_FIELDS" and r["record_id"] == "102") == [
        "ADD", "ADD", "ADD", "ADD", "ADD", "ADD", "ADD", "DELETE", "DELETE", "DELETE", "DELETE",
        "MODIFY", "MODIFY", "MODIFY",
    ]  # fmt: skip


def test_copy_answers_error_and_none_and_stops_after_refused_deletes(
    client: TestClient, seed: Seeder
) -> None:
    _setup(seed)
    seed.list(102)
    add(client, "pet")
    onto_itself = update_list(client, list_id="101", custom_fields_copy="101")
    assert onto_itself == NO_UPDATES + copied("APPEND", "ERROR: Fields not copied", "101")
    seed.user(user="noleads", modify_leads="0")
    none = update_list(client, user="noleads", list_id="102", custom_fields_copy="101")
    assert none == (
        "NOTICE: update_list NO UPDATES DEFINED: |noleads|\n"
        "NOTICE: update_list COPY CUSTOM FIELDS COMMAND SENT - noleads|102|101|APPEND|NONE|\n"
    )
    assert fields(seed, list_id=102) == []
    # VICIdial stops at a refused list deletion: no lead deletion notice, no copy.
    seed.user(user="nodelete", delete_lists="0")
    stopped = update_list(client, user="nodelete", list_id="102", delete_list="Y",
                          delete_leads="Y", custom_fields_copy="101")  # fmt: skip
    assert stopped == (
        "NOTICE: update_list NO UPDATES DEFINED: |nodelete|\n"
        "NOTICE: update_list USER DOES NOT HAVE PERMISSION TO DELETE LISTS: |nodelete|0\n"
    )
    assert fields(seed, list_id=102) == []

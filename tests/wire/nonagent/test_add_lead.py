"""add_lead over HTTP: exact lines, stored rows, log rows, options, hostile input."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import quote_from_bytes

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import event
from starlette.testclient import TestClient

from leadgate.http.app import create_app
from leadgate.settings import Settings
from leadgate.storage.database import Database
from tests.factories import Seeder

URL = "/vicidial/non_agent_api.php"
LMAPI = "/API/lmapi.php"
CREDS = {"source": "test", "user": "6666", "pass": "1234", "function": "add_lead"}
GMT = r"-?\d+(?:\.\d+)?"


@pytest.fixture
def ready(seed: Seeder) -> Seeder:
    seed.user()
    seed.campaign("TESTCAMP")
    seed.list(101, "TESTCAMP")
    seed.list(102, "TESTCAMP")
    seed.list(201, "OTHERCMP")
    return seed


def add(client: TestClient, path: str = URL, **params: Any) -> str:
    response = client.get(path, params={**CREDS, **params})
    assert response.status_code == 200
    return response.text


def leads(seed: Seeder, *columns: str) -> list[dict[str, Any]]:
    return seed.table_rows("vicidial_list", "lead_id", *columns)


def success_lead_id(body: str, phone: str, list_id: str) -> int:
    match = re.fullmatch(
        rf"SUCCESS: add_lead LEAD HAS BEEN ADDED - {phone}\|{list_id}\|(\d+)\|{GMT}\|6666\n.*",
        body,
        re.S,
    )
    assert match, body
    return int(match.group(1))


# -- the plain path -------------------------------------------------------------------------


def test_minimal_lead_goes_to_list_999_with_defaults(client: TestClient, ready: Seeder) -> None:
    body = add(client, phone_number="3125550001")
    lead_id = success_lead_id(body, "3125550001", "999")
    (row,) = leads(ready, "list_id", "status", "user", "phone_code", "gender", "rank",
                   "entry_list_id", "called_since_last_reset", "date_of_birth")  # fmt: skip
    zero_date = "0000-00-00" if ready.db.backend == "mysql" else None  # as VICIdial stores it
    assert row == {"lead_id": lead_id, "list_id": 999, "status": "NEW", "user": "6666",
                   "phone_code": "1", "gender": "U", "rank": 0, "entry_list_id": 0,
                   "called_since_last_reset": "N", "date_of_birth": zero_date}  # fmt: skip
    logs = ready.table_rows("vicidial_api_log", "function", "result", "result_reason", "data")
    assert logs == [{"function": "add_lead", "result": "SUCCESS",
                     "result_reason": "add_lead LEAD HAS BEEN ADDED",
                     "data": body.split(" - ")[1].rsplit("|", 1)[0]}]  # fmt: skip


def _statements_of(db: Database, work: Any) -> tuple[Any, list[str]]:
    statements: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if not statement.lstrip().upper().startswith(("BEGIN", "COMMIT", "SAVEPOINT", "RELEASE")):
            statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        result = work()
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    return result, statements


def test_plain_add_lead_costs_at_most_four_round_trips(
    client: TestClient, ready: Seeder, db: Database
) -> None:
    add(client, phone_number="3125550002", list_id="101")  # warm caches (auth, time zones)
    body, statements = _statements_of(db, lambda: add(client, phone_number="3125550003"))
    assert body.startswith("SUCCESS:")
    assert len(statements) <= 4, statements


def test_dnc_and_duplicate_checks_share_one_select(
    client: TestClient, ready: Seeder, db: Database
) -> None:
    add(client, phone_number="3125550002", list_id="101")  # warm caches
    body, statements = _statements_of(db, lambda: add(
        client, phone_number="3125550003", list_id="101", dnc_check="AREACODE",
        campaign_dnc_check="Y", campaign_id="TESTCAMP", duplicate_check="DUPCAMP"))  # fmt: skip
    assert body.startswith("SUCCESS:")
    # auth, [named lock], DNC lists + list check + duplicate, insert, log
    lock = 0 if db.is_sqlite else 1
    assert len(statements) == 4 + lock, statements


def test_lmapi_answers_like_the_non_agent_api(client: TestClient, ready: Seeder) -> None:
    first = add(client, LMAPI, phone_number="3125550004", list_id="101", duplicate_check="DUPLIST")
    lead_id = success_lead_id(first, "3125550004", "101")
    again = add(client, URL, phone_number="3125550004", list_id="101", duplicate_check="DUPLIST")
    via_alias = add(client, LMAPI, phone_number="3125550004", list_id="101",
                    duplicate_check="DUPLIST")  # fmt: skip
    expected = f"ERROR: add_lead DUPLICATE PHONE NUMBER IN LIST - 3125550004|101|{lead_id}\n"
    assert again == via_alias == expected


def test_lmapi_campaing_spelling_names_the_campaign(client: TestClient, ready: Seeder) -> None:
    body = add(client, LMAPI, phone_number="3125550005", list_id="101", campaing="TESTCAMP",
               callback="Y", callback_datetime="2035-01-02 03:04:05")  # fmt: skip
    lead_id = success_lead_id(body, "3125550005", "101")
    assert body.endswith(
        f"NOTICE: add_lead SCHEDULED CALLBACK ADDED - {lead_id}|TESTCAMP|2035-01-02 03:04:05|"
        "ANYONE||CALLBK\n"
    )


# -- refusals -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "line"),
    [
        ({"phone_number": "72755"}, "ERROR: add_lead INVALID PHONE NUMBER LENGTH - 72755|6666\n"),
        ({}, "ERROR: add_lead INVALID PHONE NUMBER LENGTH - |6666\n"),
        ({"phone_number": "31255512345678901"},
         "ERROR: add_lead INVALID PHONE NUMBER LENGTH - 31255512345678901|6666\n"),
        ({"phone_number": "3121551234", "usacan_prefix_check": "Y"},
         "ERROR: add_lead INVALID PHONE NUMBER PREFIX - 3121551234|6666\n"),
        ({"phone_number": "312,551234", "usacan_prefix_check": "Y"},
         "ERROR: add_lead INVALID PHONE NUMBER PREFIX - 312,551234|6666\n"),
        ({"phone_number": "9995551234", "usacan_areacode_check": "Y"},
         "ERROR: add_lead INVALID PHONE NUMBER AREACODE - 9995551234|6666\n"),
        ({"phone_number": "3125550000", "list_id": "4444", "list_exists_check": "yes"},
         "ERROR: add_lead NOT A DEFINED LIST ID, LIST EXISTS CHECK ENABLED - 3125550000|4444\n"),
        ({"phone_number": "3125550000", "list_exists_check": "Y"},
         "ERROR: add_lead NOT A DEFINED LIST ID, LIST EXISTS CHECK ENABLED - 3125550000|\n"),
        ({"phone_number": "3125550000", "source": "a_"}, "ERROR: Invalid Source - a\n"
         "ERROR: Invalid Source: |a|\n"),
    ],
)  # fmt: skip
def test_refusals_store_nothing(
    client: TestClient, ready: Seeder, params: dict[str, str], line: str
) -> None:
    assert add(client, **params) == line
    assert leads(ready) == []


def test_nanpa_check_without_data_is_switched_off(client: TestClient, ready: Seeder) -> None:
    body = add(client, phone_number="3125550006", nanpa_ac_prefix_check="Y")
    assert body.startswith(
        "NOTICE: add_lead NANPA options disabled, NANPA prefix data not loaded - 0|6666\n"
        "SUCCESS: add_lead LEAD HAS BEEN ADDED - 3125550006|999|"
    )


def test_lead_permission_needs_modify_leads(client: TestClient, seed: Seeder) -> None:
    seed.user(modify_leads="0")
    assert add(client, phone_number="3125550007") == (
        "ERROR: add_lead USER DOES NOT HAVE PERMISSION TO ADD LEADS TO THE SYSTEM: |6666|0|\n"
    )


def test_system_and_campaign_dnc(client: TestClient, ready: Seeder) -> None:
    ready.campaign("OTHERDNC", use_other_campaign_dnc="TESTCAMP")
    with ready.db.transaction() as conn:
        conn.exec_driver_sql(
            "INSERT INTO vicidial_dnc (phone_number) VALUES ('3125551111'), ('415XXXXXXX')"
        )
        conn.exec_driver_sql(
            "INSERT INTO vicidial_campaign_dnc (phone_number, campaign_id) "
            "VALUES ('3125553333', 'TESTCAMP'), ('510XXXXXXX', 'TESTCAMP')"
        )
    dnc = "ERROR: add_lead PHONE NUMBER IN DNC - "
    assert add(client, phone_number="3125551111", dnc_check="Y") == f"{dnc}3125551111|6666\n"
    assert add(client, phone_number="4155550123", dnc_check="AREACODE") == (
        f"{dnc}4155550123|6666\n"
    )
    camp = "ERROR: add_lead PHONE NUMBER IN CAMPAIGN DNC - "
    assert add(client, phone_number="5105550101", campaign_dnc_check="AREACODE",
               campaign_id="TESTCAMP") == f"{camp}5105550101|TESTCAMP|6666\n"  # fmt: skip
    assert add(client, phone_number="3125553333", campaign_dnc_check="Y",
               campaign_id="OTHERDNC") == f"{camp}3125553333|OTHERDNC|6666\n"  # fmt: skip
    # with a duplicate check the DNC lists are read in the same SELECT, still checked first
    assert add(client, phone_number="3125551111", dnc_check="Y", duplicate_check="DUPSYS") == (
        f"{dnc}3125551111|6666\n"
    )
    assert add(client, phone_number="5105550102", campaign_dnc_check="AREACODE",
               campaign_id="OTHERDNC", duplicate_check="DUPCAMP") == (
        f"{camp}5105550102|OTHERDNC|6666\n")  # fmt: skip
    assert leads(ready) == []
    # lower-case flags are filtered away: no check at all
    assert add(client, phone_number="3125551111", dnc_check="y").startswith("SUCCESS:")
    assert add(client, phone_number="4155550124", dnc_check="Y").startswith("SUCCESS:")


# -- duplicates -----------------------------------------------------------------------------


def test_duplicate_lines_per_mode(client: TestClient, ready: Seeder) -> None:
    old = datetime.now() - timedelta(days=100)
    first = ready.lead(phone_number="3125550001", list_id=101, first_name="Bob",
                       last_name="Smith", title="MR", alt_phone="3125559001",
                       entry_date=old)  # fmt: skip
    other = ready.lead(phone_number="3125550002", list_id=102, alt_phone="3125559002",
                       entry_date=datetime.now())  # fmt: skip
    cases = [
        ("3125550001", "101", "DUPLIST", {},
         f"DUPLICATE PHONE NUMBER IN LIST - 3125550001|101|{first}"),
        ("3125550001", "201", "dupsys", {},
         f"DUPLICATE PHONE NUMBER IN SYSTEM - 3125550001|201|{first}|101"),
        ("3125550002", "101", "DUPCAMP", {},
         f"DUPLICATE PHONE NUMBER IN CAMPAIGN LISTS - 3125550002|101|{other}|102"),
        ("3125559001", "101", "DUPPHONEALTLIST", {},
         f"DUPLICATE PHONE NUMBER IN LIST - 3125559001|101|{first}|ALT"),
        ("3125550002", "201", "DUPPHONEALTSYS", {},
         f"DUPLICATE PHONE NUMBER IN SYSTEM - 3125550002|201|{other}|102|PHONE"),
        ("3125557777", "102", "DUPTITLEALTPHONECAMP", {"title": "mr", "alt_phone": "3125559001"},
         f"DUPLICATE TITLE ALT_PHONE IN CAMPAIGN LISTS - mr|3125559001|102|{first}|101"),
        ("3125550001", "101", "DUPNAMEPHONELIST", {"first_name": "BOB", "last_name": "smith"},
         f"DUPLICATE NAME PHONE IN LIST - BOB|smith|3125550001|101|{first}"),
        ("3125550001", "101", "DUPNAMEPHONESYS-DUPLIST", {"first_name": "Bob"},
         f"DUPLICATE PHONE NUMBER IN LIST - 3125550001|101|{first}"),
        ("3125550002", "101", "DUPSYS1DAY", {},
         f"DUPLICATE PHONE NUMBER IN SYSTEM - 3125550002|101|{other}|102"),
    ]  # fmt: skip
    for phone, list_id, mode, extra, line in cases:
        body = add(client, phone_number=phone, list_id=list_id, duplicate_check=mode, **extra)
        assert body == f"ERROR: add_lead {line}\n", mode
    assert len(leads(ready)) == 2
    # the old lead is outside a 90-day window
    assert add(client, phone_number="3125550001", list_id="101",
               duplicate_check="DUPLIST90DAY").startswith("SUCCESS:")  # fmt: skip


def test_campaign_check_on_an_undefined_list_stores_nothing(
    client: TestClient, ready: Seeder
) -> None:
    body = add(client, phone_number="3125550009", list_id="4446", duplicate_check="DUPCAMP")
    assert body.startswith("ERROR: add_lead LEAD HAS NOT BEEN ADDED - 3125550009|4446|")
    assert leads(ready) == []


def test_quote_in_a_compared_name_stores_nothing(client: TestClient, ready: Seeder) -> None:
    body = add(client, phone_number="3125550010", list_id="101", first_name="O'Brien",
               duplicate_check="DUPNAMEPHONESYS")  # fmt: skip
    assert body.startswith("ERROR: add_lead LEAD HAS NOT BEEN ADDED - 3125550010|101|")
    assert leads(ready) == []
    # without a name check the apostrophe is fine
    assert add(client, phone_number="3125550010", list_id="101", first_name="O'Brien",
               duplicate_check="DUPLIST").startswith("SUCCESS:")  # fmt: skip


# -- stored values --------------------------------------------------------------------------


def test_filters_defaults_and_truncation(client: TestClient, ready: Seeder) -> None:
    query = (
        "source=test&user=6666&pass=1234&function=add_lead&phone_number=(312)+555-0011"
        "&list_id=12&first_name=Mary%2BAnn&last_name=Sm!th<b>&state=Illinois&rank=-99999"
        "&gender=X&date_of_birth=19800517&comments=a;b%23c%22d&title=MISTER&middle_initial=AB"
        "&email=a.b%2Bc@example.com&alt_phone=31255512345678901234&owner=Team+A"
        "&vendor_lead_code=" + "V" * 30 + "&address1[]=x&entry_list_id=abc"
    )
    body = client.get(f"{URL}?{query}").text
    lead_id = success_lead_id(body, "3125550011", "999")
    (row,) = leads(ready, "phone_number", "list_id", "first_name", "last_name", "state", "rank",
                   "gender", "date_of_birth", "comments", "title", "middle_initial", "email",
                   "alt_phone", "owner", "vendor_lead_code", "address1", "entry_list_id")  # fmt: skip
    assert row == {
        "lead_id": lead_id, "phone_number": "3125550011", "list_id": 999,
        "first_name": "Mary Ann", "last_name": "Smthb", "state": "Il", "rank": 32767,
        "gender": "", "date_of_birth": datetime(1980, 5, 17).date(), "comments": "abcd",
        "title": "MIST", "middle_initial": "A", "email": "a.b c@example.com",
        "alt_phone": "312555123456", "owner": "Team A", "vendor_lead_code": "V" * 20,
        "address1": "Array", "entry_list_id": 0,
    }  # fmt: skip


def test_trailing_backslash_is_refused_without_storing(client: TestClient, ready: Seeder) -> None:
    body = add(client, phone_number="3125550012", comments="C:\\temp\\")
    assert body.startswith("ERROR: add_lead LEAD HAS NOT BEEN ADDED - 3125550012|999|")
    assert leads(ready) == []


# -- extras after the insert ----------------------------------------------------------------


def test_multi_alt_phones_echo_and_rows(client: TestClient, ready: Seeder) -> None:
    body = add(client, phone_number="3125550013", list_id="101",
               multi_alt_phones="7275551212_1_work!7275551213__sister+house!555")  # fmt: skip
    lead_id = success_lead_id(body, "3125550013", "101")
    assert body.split("\n")[1] == (
        "7275551212|1|work7275551213||sister house555||"
        f"NOTICE: add_lead MULTI-ALT-PHONE NUMBERS LOADED - 3|{lead_id}|6666"
    )
    rows = ready.table_rows("vicidial_list_alt_phones", "phone_number", "phone_code",
                            "alt_phone_note", "alt_phone_count")  # fmt: skip
    assert rows == [
        {"phone_number": "7275551212", "phone_code": "1", "alt_phone_note": "work",
         "alt_phone_count": 1},
        {"phone_number": "7275551213", "phone_code": "1", "alt_phone_note": "sister house",
         "alt_phone_count": 2},
        {"phone_number": "555", "phone_code": "1", "alt_phone_note": "", "alt_phone_count": 3},
    ]  # fmt: skip
    short = add(client, phone_number="3125550014", multi_alt_phones="12345")
    assert "MULTI-ALT" not in short


def test_hopper_priority_is_clamped(client: TestClient, ready: Seeder) -> None:
    body = add(client, phone_number="3125550015", list_id="101", add_to_hopper="Y",
               hopper_priority="150")  # fmt: skip
    lead_id = success_lead_id(body, "3125550015", "101")
    match = re.search(rf"NOTICE: add_lead ADDED TO HOPPER - 3125550015\|{lead_id}\|(\d+)\|6666\n$",
                      body)  # fmt: skip
    assert match, body
    rows = ready.table_rows("vicidial_hopper", "hopper_id", "lead_id", "campaign_id", "status",
                            "priority", "source")  # fmt: skip
    assert rows == [{"hopper_id": int(match.group(1)), "lead_id": lead_id,
                     "campaign_id": "TESTCAMP", "status": "READY", "priority": 99,
                     "source": "P"}]  # fmt: skip


def test_hopper_call_time_check_refuses_a_closed_call_time(
    client: TestClient, ready: Seeder
) -> None:
    ready.campaign("CLOSED", local_call_time="nevercall")
    ready.list(301, "CLOSED")
    body = add(client, phone_number="3125550016", list_id="301", add_to_hopper="Y",
               hopper_local_call_time_check="Y")  # fmt: skip
    lead_id = success_lead_id(body, "3125550016", "301")
    assert re.search(
        rf"NOTICE: add_lead NOT ADDED TO HOPPER, OUTSIDE OF LOCAL TIME - 3125550016\|{lead_id}\|"
        rf"{GMT}\|0\|6666\n$", body)  # fmt: skip
    assert ready.table_rows("vicidial_hopper", "hopper_id") == []


def test_callbacks(client: TestClient, ready: Seeder) -> None:
    body = add(client, phone_number="3125550017", campaign_id="TESTCAMP", callback="Y",
               callback_datetime="3DAYS", callback_type="USERONLY", callback_user="6666",
               callback_comments="call+me")  # fmt: skip
    lead_id = success_lead_id(body, "3125550017", "999")
    line = body.split("\n")[1]
    match = re.fullmatch(
        rf"NOTICE: add_lead SCHEDULED CALLBACK ADDED - {lead_id}\|TESTCAMP\|"
        r"(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)\|USERONLY\|6666\|CALLBK", line)  # fmt: skip
    assert match, line
    due = datetime.strptime(match.group(1), "%Y-%m-%d %H:%M:%S")
    assert abs(due - (datetime.now() + timedelta(days=3))) < timedelta(minutes=5)
    (row,) = ready.table_rows("vicidial_callbacks", "callback_id", "lead_id", "recipient", "user",
                              "user_group", "comments", "status", "lead_status")  # fmt: skip
    assert {k: v for k, v in row.items() if k != "callback_id"} == {
        "lead_id": lead_id, "recipient": "USERONLY", "user": "6666", "user_group": "ADMIN",
        "comments": "call+me", "status": "ACTIVE", "lead_status": "CALLBK"}  # fmt: skip
    assert leads(ready, "status")[0]["status"] == "CBHOLD"

    bad_user = add(client, phone_number="3125550018", campaign_id="TESTCAMP", callback="Y",
                   callback_type="USERONLY", callback_user="nobody")  # fmt: skip
    lead2 = success_lead_id(bad_user, "3125550018", "999")
    assert bad_user.endswith(
        f"NOTICE: add_lead SCHEDULED CALLBACK NOT ADDED, USER NOT VALID - {lead2}|TESTCAMP|"
        "nobody|USERONLY\n")  # fmt: skip
    bad_campaign = add(client, phone_number="3125550019", campaign_id="XYZ", callback="Y")
    lead3 = success_lead_id(bad_campaign, "3125550019", "999")
    assert bad_campaign.endswith(
        f"NOTICE: add_lead SCHEDULED CALLBACK NOT ADDED, CAMPAIGN NOT VALID - {lead3}|XYZ\n"
    )
    assert len(ready.table_rows("vicidial_callbacks", "callback_id")) == 1
    statuses = [r["status"] for r in leads(ready, "status")]
    assert statuses == ["CBHOLD", "CBHOLD", "CBHOLD"]  # quirk Q6: stranded CBHOLD leads


def test_custom_fields(client: TestClient, ready: Seeder) -> None:
    with ready.db.transaction() as conn:
        conn.exec_driver_sql(
            "CREATE TABLE custom_101 (lead_id INTEGER PRIMARY KEY NOT NULL, "
            "favorite_color VARCHAR(20), pet_name VARCHAR(30))"
        )
    for rank, label, kind in ((1, "favorite_color", "TEXT"), (2, "pet_name", "TEXT"),
                              (3, "intro", "DISPLAY")):  # fmt: skip
        with ready.db.transaction() as conn:
            from leadgate.storage.tables import vicidial_lists_fields

            conn.execute(vicidial_lists_fields.insert().values(
                list_id=101, field_label=label, field_name=label, field_rank=rank,
                field_type=kind, field_order=1))  # fmt: skip
    body = add(client, phone_number="3125550020", list_id="101", custom_fields="Y",
               favorite_color="light+blue;" + "x" * 30, pet_name="--BLANK--",
               entry_list_id="555")  # fmt: skip
    lead_id = success_lead_id(body, "3125550020", "101")
    assert body.endswith(
        f"NOTICE: add_lead CUSTOM FIELDS VALUES ADDED - 3125550020|{lead_id}|101|1\n"
    )
    rows = ready.rows("SELECT lead_id, favorite_color, pet_name FROM custom_101")
    assert rows == [{"lead_id": lead_id, "favorite_color": "light blue" + "x" * 10,
                     "pet_name": ""}]  # fmt: skip
    assert leads(ready, "entry_list_id")[0]["entry_list_id"] == 101

    no_table = add(client, phone_number="3125550021", list_id="102", custom_fields="Y")
    lead2 = success_lead_id(no_table, "3125550021", "102")
    assert no_table.endswith(
        "NOTICE: add_lead CUSTOM FIELDS NOT ADDED, NO CUSTOM FIELDS DEFINED FOR THIS LIST - "
        f"3125550021|{lead2}|102\n")  # fmt: skip


# -- hostile input never breaks the call ----------------------------------------------------

PARAM_NAMES = (
    "phone_number", "phone_code", "list_id", "first_name", "last_name", "title", "alt_phone",
    "comments", "vendor_lead_code", "source_id", "state", "postal_code", "date_of_birth", "rank",
    "gender", "owner", "email", "duplicate_check", "dnc_check", "campaign_dnc_check",
    "campaign_id", "add_to_hopper", "hopper_priority", "callback", "callback_datetime",
    "callback_type", "callback_user", "multi_alt_phones", "custom_fields", "tz_method",
    "entry_list_id", "usacan_prefix_check", "list_exists_check", "lookup_state",
    "favorite_color", "visits",
)  # fmt: skip
HOSTILE_TEXT = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["'", '"', "\\", "\\\\", "\x00", "%00", "Y", "AREACODE", "DUPLIST-DUPCAMP",
                     "DUPNAMEPHONESYS7DAY", "3125550000", "NOW", "99999999999999999999DAYS",
                     "-", "--5", "a" * 10_000, "9" * 10_000, "-" + "9" * 5000, "O'Brien\\", "2035-13-45+99:99:99"]),
)  # fmt: skip


@pytest.fixture
def custom_ready(ready: Seeder) -> Seeder:
    """List 101 with custom fields: a text and a number column."""
    from leadgate.storage.tables import vicidial_lists_fields

    with ready.db.transaction() as conn:
        conn.exec_driver_sql(
            "CREATE TABLE custom_101 (lead_id INTEGER PRIMARY KEY NOT NULL, "
            "favorite_color VARCHAR(20), visits INTEGER)"
        )
        conn.execute(
            vicidial_lists_fields.insert(),
            [{"list_id": 101, "field_label": label, "field_name": label, "field_rank": rank,
              "field_type": "TEXT", "field_order": 1}
             for rank, label in enumerate(("favorite_color", "visits"))],
        )  # fmt: skip
    return ready


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(
    params=st.dictionaries(st.sampled_from(PARAM_NAMES), HOSTILE_TEXT, max_size=10),
    raw=st.binary(max_size=30),
)
def test_hostile_parameters_never_break_the_call(
    client: TestClient, custom_ready: Seeder, params: dict[str, str], raw: bytes
) -> None:
    query = "&".join(
        f"{quote_from_bytes(k.encode())}={quote_from_bytes(v.encode('utf-8', 'surrogatepass'))}"
        for k, v in {**CREDS, "list_id": "101", **params}.items()
    )
    query += f"&first_name={quote_from_bytes(raw)}&custom_fields=Y"
    # a form body: 10 kB values would overflow a URL
    form = {"content-type": "application/x-www-form-urlencoded"}
    url = f"{URL}?address1={quote_from_bytes(raw)}"  # undecodable bytes in the query too
    response = client.post(url, content=query.encode(), headers=form)
    assert response.status_code == 200
    assert re.match(r"(SUCCESS|ERROR|NOTICE): ", response.text), response.text
    assert "SYSTEM ERROR" not in response.text, response.text


def test_clean_mode_drops_the_alt_phone_debug_text(
    db: Database, ready: Seeder, settings: Settings
) -> None:
    clean = settings.model_copy(update={"add_lead_alt_phone_echo": False})
    with TestClient(create_app(clean, db)) as clean_client:
        body = add(clean_client, phone_number="3125550030", multi_alt_phones="3125558002")
    lead_id = success_lead_id(body, "3125550030", "999")
    assert (
        body.split("\n")[1] == f"NOTICE: add_lead MULTI-ALT-PHONE NUMBERS LOADED - 1|{lead_id}|6666"
    )


def test_nanpa_time_zone_unless_the_prefix_check_ran(client: TestClient, ready: Seeder) -> None:
    from leadgate.storage.tables import vicidial_nanpa_prefix_codes

    with ready.db.transaction() as conn:
        conn.execute(
            vicidial_nanpa_prefix_codes.insert(),
            [{"areacode": "312", "prefix": str(550 + i), "GMT_offset": "-9", "DST": "N"}
             for i in range(10)],
        )  # fmt: skip
    nanpa = add(client, phone_number="3125551234", tz_method="NANPA")
    assert nanpa.startswith("SUCCESS: add_lead LEAD HAS BEEN ADDED - 3125551234|999|")
    assert nanpa.split("|")[3] == "-9"
    # VICIdial's prefix check clobbers the prefix the NANPA look-up uses: area-code offset
    checked = add(client, phone_number="3125551235", tz_method="NANPA", usacan_prefix_check="Y")
    assert checked.split("|")[3] in ("-6", "-5")
    rejected = add(client, phone_number="3125401234", nanpa_ac_prefix_check="Y")
    assert (
        rejected == "ERROR: add_lead INVALID PHONE NUMBER NANPA AREACODE PREFIX - 3125401234|6666\n"
    )


@pytest.mark.parametrize(
    "params",
    [
        {"visits": "9" * 10_000, "favorite_color": "x" * 10_000, "comments": "'" * 10_000},
        {"visits": "-99999999999", "first_name": "\\'\"%_"},
        {"rank": "9" * 10_000, "hopper_priority": "-" + "9" * 10_000, "add_to_hopper": "Y",
         "entry_list_id": "9" * 10_000},
        {"list_id": "9" * 10_000, "duplicate_check": "DUPLIST-DUPSYS30DAY"},
        {"callback": "Y", "campaign_id": "TESTCAMP", "callback_datetime": "9" * 5000 + "DAYS"},
        {"date_of_birth": "9999-99-99", "phone_code": "9" * 10_000},
    ],
)  # fmt: skip
def test_extreme_values_still_add_the_lead(
    client: TestClient, custom_ready: Seeder, params: dict[str, str]
) -> None:
    form = {"content-type": "application/x-www-form-urlencoded"}
    body = client.post(
        URL, data={**CREDS, "list_id": "101", "custom_fields": "Y", "phone_number": "3125550040",
                   **params}, headers=form,
    ).text  # fmt: skip
    assert body.startswith("SUCCESS: add_lead LEAD HAS BEEN ADDED - 3125550040|"), body


# -- system_settings.use_non_latin ----------------------------------------------------------

NON_LATIN_FIELDS = {
    "first_name": "Jürgen", "last_name": "Ōtake-Müller", "city": "São+Paulo", "province": "Zürich",
    "address1": "Straße 5 #2", "state": "Île",  # state: 2 characters stored
    "title": "Dré", "middle_initial": "É",
    "country_code": "DEÜ", "email": "jürgen@bücher.de", "owner": "Équipe+A", "postal_code": "Ø-12",
    "security_phrase": "grün", "alt_phone": "Ä1", "comments": "é+ü;#\"€", "source_id": "src/é",
}  # fmt: skip


@pytest.mark.parametrize(
    ("setting", "stored"),
    [
        ("0", {"first_name": "Jrgen", "last_name": "take-Mller", "city": "So Paulo",
               "province": "Zrich", "address1": "Strae 5 2", "state": "le", "title": "Dr",
               "middle_initial": "", "country_code": "DE", "email": "jrgen@bcher.de",
               "owner": "quipe A", "postal_code": "-12", "security_phrase": "grn",
               "alt_phone": "1", "comments": "é ü€", "source_id": "src/é"}),
        ("1", {"first_name": "Jürgen", "last_name": "Ōtake-Müller", "city": "São Paulo",
               "province": "Zürich", "address1": "Straße 5 2", "state": "Îl", "title": "Dré",
               "middle_initial": "É", "country_code": "DEÜ", "email": "jürgen@bücher.de",
               "owner": "Équipe A", "postal_code": "Ø-12", "security_phrase": "grün",
               "alt_phone": "Ä1", "comments": "é ü€", "source_id": "src/é"}),
    ],
)  # fmt: skip
def test_use_non_latin_lets_every_letter_through(
    client: TestClient, ready: Seeder, setting: str, stored: dict[str, str]
) -> None:
    ready.execute("UPDATE system_settings SET use_non_latin = :v", v=setting)
    body = add(client, phone_number="3125550030", list_id="101", **NON_LATIN_FIELDS)
    lead_id = success_lead_id(body, "3125550030", "101")
    (row,) = leads(ready, *stored)
    assert row == {"lead_id": lead_id, **stored}


@pytest.mark.parametrize(("setting", "stored"), [("1", ("", "Ж")), ("0", ("Jos", ""))])
def test_use_non_latin_loses_a_name_that_is_not_utf8_whole(
    client: TestClient, ready: Seeder, setting: str, stored: tuple[str, str]
) -> None:
    # non_agent_api.php's /u whitelists give NULL for bytes that are not UTF-8 (Latin-1 'é').
    ready.execute("UPDATE system_settings SET use_non_latin = :v", v=setting)
    query = ("source=test&user=6666&pass=1234&function=add_lead&list_id=101"
             "&phone_number=3125550034&first_name=Jos%E9&last_name=%D0%96")  # fmt: skip
    success_lead_id(client.get(f"{URL}?{query}").text, "3125550034", "101")
    [row] = leads(ready, "first_name", "last_name")
    assert (row["first_name"], row["last_name"]) == stored


def test_use_non_latin_applies_to_the_campaign_and_callback_fields(
    client: TestClient, ready: Seeder
) -> None:
    ready.campaign("KAMPÄ")
    ready.execute("UPDATE system_settings SET use_non_latin = '1'")
    body = add(client, phone_number="3125550031", list_id="101", campaign_id="KAMPÄ",
               callback="Y", callback_datetime="2035-01-02 03:04:05", callback_status="RÜCK",
               callback_comments="später+anrufen", duplicate_check="DUPLISTé")  # fmt: skip
    lead_id = success_lead_id(body, "3125550031", "101")
    assert body.endswith(
        f"NOTICE: add_lead SCHEDULED CALLBACK ADDED - {lead_id}|KAMPÄ|2035-01-02 03:04:05|"
        "ANYONE||RÜCK\n"
    )
    (callback,) = ready.table_rows("vicidial_callbacks", "callback_id", "campaign_id", "comments")
    assert (callback["campaign_id"], callback["comments"]) == ("KAMPÄ", "später+anrufen")


def test_use_non_latin_is_read_once_per_few_seconds(
    client: TestClient, ready: Seeder, db: Database
) -> None:
    ready.execute("UPDATE system_settings SET use_non_latin = '1'")
    add(client, phone_number="3125550032", list_id="101")  # reads (and caches) the setting
    ready.execute("UPDATE system_settings SET use_non_latin = '0'")
    body, statements = _statements_of(db, lambda: add(
        client, phone_number="3125550033", list_id="101", first_name="Jürgen"))  # fmt: skip
    assert body.startswith("SUCCESS:")
    assert not any("system_settings" in statement for statement in statements), statements
    assert leads(ready, "first_name")[-1]["first_name"] == "Jürgen"  # the cached 1 still holds

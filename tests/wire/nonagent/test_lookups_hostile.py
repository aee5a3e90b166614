"""Hostile input to the look-up, DNC and callback functions always gets a clear answer.

Quotes, backslashes, NUL bytes, 10 kB values, bytes that are not UTF-8 and SQL fragments, in
any parameter: the answer is HTTP 200 with a first line that is an ERROR/NOTICE/SUCCESS line or
one of the function's data rows — never a 500 and never the catch-all SYSTEM ERROR line.
"""

from __future__ import annotations

import re
from urllib.parse import quote_from_bytes

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.testclient import TestClient

from tests.factories import Seeder

NON_AGENT = "/vicidial/non_agent_api.php"
FORM = {"content-type": "application/x-www-form-urlencoded"}
URL_LIMIT = 60_000  # httpx refuses longer URLs

PARAMETERS: dict[str, tuple[str, ...]] = {
    "lead_search": ("phone_number", "lead_id", "lead_ids", "vendor_lead_code", "search_method",
                    "search_location", "list_id", "records", "header", "archived_lead"),
    "lead_all_info": ("lead_id", "phone_number", "custom_fields", "force_entry_list_id",
                      "stage", "header", "archived_lead"),
    "lead_field_info": ("lead_id", "field_name", "custom_fields", "list_id", "archived_lead",
                        "stage"),
    "lead_callback_info": ("lead_id", "search_location", "stage", "header"),
    "lead_status_search": ("status", "date", "lead_id", "custom_fields", "archived_lead"),
    "check_phone_number": ("phone_number", "phone_code", "local_call_time", "postal_code",
                           "state", "owner", "dnc_check", "campaign_dnc_check", "campaign_id",
                           "usacan_prefix_check", "usacan_areacode_check",
                           "nanpa_ac_prefix_check", "tz_method"),
    "add_dnc_phone": ("phone_number", "campaign_id"),
    "delete_dnc_phone": ("phone_number", "campaign_id"),
    "dnc_check": ("phone_number", "campaign_id", "dnc_check"),
    "add_callback": ("lead_id", "campaign_id", "callback_datetime", "callback_type",
                     "callback_user", "callback_comments", "callback_status"),
    "remove_callback": ("lead_id", "campaign_id"),
}  # fmt: skip

# What a successful first line of each data-printing function looks like.
DATA_ROW = {
    "lead_search": re.compile(r"search_keyrecords_foundlead_ids|[^|]*\|\d+\|[\d-]*"),
    "lead_all_info": re.compile(r"(status|NEW)([|,\t]|$).*"),
    "lead_field_info": re.compile(r"[^\n]+"),
    "lead_callback_info": re.compile(r"(lead_id|\d+)([|,\t]|$).*"),
    "lead_status_search": re.compile(r";---------- START OF RECORD 1 ----------"),
    "check_phone_number": re.compile(r"(AREACODE|POSTAL|TZCODE|NANPA|PHONE): .*"),
}
RESULT_LINE = re.compile(r"(ERROR|NOTICE|SUCCESS): .*")

HOSTILE_TEXT = [
    "'", '"', "\\", "\x00", "%", "_", "' OR '1'='1", "1; DROP TABLE vicidial_list;--",
    "\\'; SELECT SLEEP(5); --", "1001' UNION SELECT pass FROM vicidial_users --", "A" * 10240,
    "9" * 10240, "3125550001", "3125550001,3125550002", "1001", "101", "0", "-1", "Y", "YES",
    "ALL", "ARCHIVE", "csv", "tab", "newline", "LEAD_ID", "VENDOR_LEAD_CODE", "SYSTEM_INTERNAL",
    "TESTCAMP", "24hours", "AREACODEPOSTALTZCODENANPA", "USERONLY", "NOW", "9DAYS",
    "2035-01-01 10:00:00", "first_name", "favorite_color", "2020-03-04", "NEW", "\udcff",
]  # fmt: skip

values = st.one_of(
    st.sampled_from(HOSTILE_TEXT).map(lambda text: text.encode("utf-8", "surrogatepass")),
    st.binary(max_size=40),  # arbitrary bytes, mostly not UTF-8
    st.text(max_size=40).map(lambda text: text.encode("utf-8", "surrogatepass")),
)


def query(function: str, params: dict[str, bytes]) -> str:
    fields = {"source": b"test", "user": b"6666", "pass": b"1234", "function": function.encode()}
    fields.update(params)
    return "&".join(f"{name}={quote_from_bytes(value, safe='')}" for name, value in fields.items())


@pytest.fixture
def world(seed: Seeder) -> Seeder:
    seed.user()
    seed.user_group()
    seed.campaign()
    seed.list(101)
    seed.lead(lead_id=1001, phone_number="3125550001", first_name="Bob", vendor_lead_code="V1")
    return seed


def _check_answer(function: str, status: int, body: str) -> None:
    assert status == 200
    if function == "lead_field_info" and body == "":
        return  # the value of an empty field: lead_field_info prints the bare value
    assert body, "empty body"
    assert "SYSTEM ERROR" not in body, body[:300]
    first = body.split("\n", 1)[0]
    data_row = DATA_ROW.get(function)
    assert RESULT_LINE.fullmatch(first) or (data_row is not None and data_row.fullmatch(first)), (
        body[:300]
    )


@pytest.mark.parametrize("function", sorted(PARAMETERS))
def test_hostile_parameters_get_a_clear_answer(
    client: TestClient, world: Seeder, function: str
) -> None:
    names = PARAMETERS[function]

    @settings(
        max_examples=40, deadline=None, database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )  # fmt: skip
    @given(st.dictionaries(st.sampled_from(names), values, min_size=1, max_size=len(names)))
    def run(params: dict[str, bytes]) -> None:
        encoded = query(function, params)
        if len(encoded) < URL_LIMIT:
            response = client.get(f"{NON_AGENT}?{encoded}")
        else:  # the HTTP client refuses such URLs: send the same fields as a form body
            response = client.post(NON_AGENT, content=encoded, headers=FORM)
        _check_answer(function, response.status_code, response.text)

    run()


@pytest.mark.parametrize("function", sorted(PARAMETERS))
def test_every_parameter_ten_kilobytes_of_quotes(
    client: TestClient, world: Seeder, function: str
) -> None:
    params = {name: ("'\"\\;" * 2560).encode() for name in PARAMETERS[function]}
    response = client.post(NON_AGENT, content=query(function, params), headers=FORM)
    _check_answer(function, response.status_code, response.text)

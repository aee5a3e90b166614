"""Golden URL tests: every recorded apinewlead scenario, built by the pure domain functions.

The stored lead, list and url rows come from the recording; the URL must equal the one VICIdial
requested (dates normalised). The same scenarios run end to end through add_lead in
tests/http/test_webhooks_end_to_end.py.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from leadgate.domain import webhooks
from leadgate.domain.webhooks import ListFacts, NewLead, UrlRow
from tests import webhook_scenarios as recorded


def _lists(scenario: dict[str, Any]) -> dict[str, dict[str, Any]]:
    lists = {
        str(row["list_id"]): dict(row) for row in recorded.fixture()["tables"]["vicidial_lists"]
    }
    for verb, table, values, where in recorded.setup_steps(scenario):
        if verb == "update" and table == "vicidial_lists" and where is not None:
            lists[str(where[1])].update(values)
    return lists


def _url_rows(scenario: dict[str, Any]) -> list[UrlRow]:
    rows = []
    for verb, table, values, _where in recorded.setup_steps(scenario):
        if verb == "insert" and table == "vicidial_url_multi":
            rows.append(UrlRow(url_id=len(rows) + 1, **values))
    return rows


def _stored_lead(scenario: dict[str, Any]) -> dict[str, Any]:
    lead = dict(scenario["lead"])
    lead.pop("custom_101", None)
    lead["entry_date"] = recorded.NOW
    dob = lead.get("date_of_birth")
    lead["date_of_birth"] = (
        None if dob == "0000-00-00" else datetime.strptime(dob, "%Y-%m-%d").date()
    )
    return lead


@pytest.mark.parametrize("scenario", recorded.of_event("apinewlead"), ids=lambda s: s["id"])
def test_apinewlead_url_is_the_recorded_one(scenario: dict[str, Any]) -> None:
    expected = recorded.expected_urls(scenario)
    if scenario["lead"] is None:  # not added: nothing is built at all
        assert expected == []
        return
    lead = _stored_lead(scenario)
    template = webhooks.choose_apinewlead(_url_rows(scenario), lead["list_id"])
    if template is None:
        assert expected == []
        return
    facts = ListFacts()
    if webhooks.needs_list_facts(template):
        row = _lists(scenario)[str(lead["list_id"])]
        facts = ListFacts(
            row.get("list_name") or "", row.get("list_description") or "", row["campaign_id"]
        )
    custom = scenario["lead"].get("custom_101")
    url = webhooks.apinewlead_url(template, NewLead(lead, facts, custom))
    assert [recorded.normalise(url)] == expected


def test_php_urlencode_matches_the_recorded_table() -> None:
    table = {" ": "+", "+": "%2B", "&": "%26", "%": "%25", "'": "%27", '"': "%22", "#": "%23",
             "/": "%2F", ":": "%3A", "@": "%40", "=": "%3D", "(": "%28", ")": "%29", "~": "%7E",
             "*": "%2A", "<": "%3C", ">": "%3E", "é": "%C3%A9", "€": "%E2%82%AC", "-_.aZ9": "-_.aZ9"}  # fmt: skip
    assert {k: webhooks.php_urlencode(k) for k in table} == table


def test_substitution_is_case_insensitive_repeated_and_leaves_unknown_tokens() -> None:
    url = webhooks.substitute(
        "VARhttp://h/x?a=--a--CITY--b--&b=--A--city--B----A--city--B--&c=--A--nope--B--",
        {"city": "Chi"},
    )
    assert url == "http://h/x?a=Chi&b=ChiChi&c=--A--nope--B--"


def test_choice_of_apinewlead_rows() -> None:
    system = UrlRow(
        1, webhooks.SYSTEM_NEWLEAD_ID, "system", "apinewlead", url_address="http://sys/x1"
    )
    listed = UrlRow(2, "101", "list", "apinewlead", url_address="http://list/x2")
    disabled = UrlRow(3, "102", "list", "apinewlead", url_address=webhooks.DISABLED)
    empty = UrlRow(4, "103", "list", "apinewlead", url_address="")
    rows = [system, listed, disabled, empty]
    assert webhooks.choose_apinewlead(rows, 101) == "http://list/x2"
    assert webhooks.choose_apinewlead(rows, 102) is None
    assert webhooks.choose_apinewlead(rows, 103) == "http://sys/x1"
    assert webhooks.choose_apinewlead(rows, 999) == "http://sys/x1"
    assert webhooks.choose_apinewlead([], 999) is None

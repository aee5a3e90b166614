"""The function tables: every function is reachable, permission-checked through its table row,
listed in the README and covered by conformance where recorded cases exist."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from leadgate.domain.auth import User
from leadgate.settings import Settings
from leadgate.storage.database import Database
from leadgate.wire.agent.functions import AGENT_FUNCTIONS
from leadgate.wire.functions import FunctionSpec, FunctionTable
from leadgate.wire.nonagent.functions import NON_AGENT_FUNCTIONS
from scripts.conformance import CASE_FILES, KIT, read_groups
from tests.factories import Seeder

ROOT = Path(__file__).resolve().parents[2]
NON_AGENT = "/vicidial/non_agent_api.php"
AGENT = "/agc/api.php"
CREDS = {"source": "test", "user": "6666", "pass": "1234"}
NO_FUNCTION = "ERROR: NO FUNCTION SPECIFIED\n"
RULED = [spec.name for spec in NON_AGENT_FUNCTIONS if spec.permission is not None]
# Functions that check a parameter before the allow-list and the permission (as VICIdial does).
CHECKED_FIRST = {
    "call_status_stats": {"campaigns": "TESTCAMP"},
    "call_dispo_report": {"campaigns": "TESTCAMP"},
    "container_list": {"type": "X"},
}


def _never(_user: User) -> bool:
    return False


def _client(db: Database, settings: Settings, table: FunctionTable) -> TestClient:
    from leadgate.http.app import create_app

    app = create_app(settings, db)
    app.state.service.non_agent_functions = table
    return TestClient(app)


@pytest.mark.parametrize("name", NON_AGENT_FUNCTIONS.names)
def test_every_non_agent_function_is_reachable(client: TestClient, seed: Seeder, name: str) -> None:
    seed.user()
    body = client.get(NON_AGENT, params={**CREDS, "function": name}).text
    assert body and body != NO_FUNCTION


@pytest.mark.parametrize("name", AGENT_FUNCTIONS.names)
def test_every_agent_function_is_reachable(client: TestClient, seed: Seeder, name: str) -> None:
    seed.user()
    assert client.get(AGENT, params={**CREDS, "function": name}).text  # unknown = empty body


def test_an_unknown_function_answers_as_vicidial_does(client: TestClient, seed: Seeder) -> None:
    seed.user()
    assert client.get(NON_AGENT, params={**CREDS, "function": "no_such"}).text == NO_FUNCTION
    assert client.get(AGENT, params={**CREDS, "function": "no_such"}).text == ""


@pytest.mark.parametrize("name", RULED)
def test_the_table_rule_decides_who_may_call(
    db: Database, settings: Settings, seed: Seeder, name: str
) -> None:
    """The same all-powerful user passes the real rule and is refused when the table row's
    rule says no: the handler checks the rule of its table row, nothing else."""
    seed.user()
    params = {**CREDS, "function": name, **CHECKED_FIRST.get(name, {})}
    with _client(db, settings, NON_AGENT_FUNCTIONS) as client:
        allowed = client.get(NON_AGENT, params=params).text
    assert "DOES NOT HAVE PERMISSION" not in allowed
    denying = FunctionTable(
        "test",
        [dataclasses.replace(s, permission=_never) if s.name == name else s
         for s in NON_AGENT_FUNCTIONS],
    )  # fmt: skip
    with _client(db, settings, denying) as client:
        refused = client.get(NON_AGENT, params=params).text
    assert refused.startswith("ERROR: ") and "DOES NOT HAVE PERMISSION" in refused
    assert "SUCCESS" not in refused


@pytest.mark.parametrize("name", NON_AGENT_FUNCTIONS.names)
def test_every_non_agent_function_obeys_the_allow_list(
    client: TestClient, seed: Seeder, name: str
) -> None:
    seed.user(api_allowed_functions=" version ")
    params = {**CREDS, "function": name, **CHECKED_FIRST.get(name, {})}
    body = client.get(NON_AGENT, params=params).text
    assert body == (
        f"ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION: |6666|{name}|\n"
    )


def test_the_readme_lists_every_function() -> None:
    readme = (ROOT / "README.md").read_text()
    section = readme[readme.index("## Functions") :]
    section = section[: section.index("\n## ", 1)]
    listed = set(re.findall(r"^\| `(\w+)` \|", section, flags=re.MULTILINE))
    assert listed == set(NON_AGENT_FUNCTIONS.names) | set(AGENT_FUNCTIONS.names)


def _recorded_groups(cases: str) -> set[str]:
    with (KIT / cases).open() as lines:
        return {json.loads(line)["group"] for line in lines}


def _function_groups() -> set[str]:
    return {spec.name for spec in NON_AGENT_FUNCTIONS} | {
        f"agent_api:{spec.name}" for spec in AGENT_FUNCTIONS
    }


def test_every_recorded_function_is_enforced_or_pending() -> None:
    """Each case file's recorded groups of table functions are enforced for that file (or
    'agent_api' there, which covers every agent_api:* group) or listed as pending."""
    sections = read_groups()
    missing = []
    for section, (cases, _expected) in CASE_FILES.items():
        enforced = set(sections.get(section, []))
        pending = set(sections.get(f"{section} pending", []))
        for group in _recorded_groups(cases) & _function_groups():
            covered = group in enforced or group.split(":")[0] in enforced
            if covered and group in pending:
                missing.append(f"{group}: enforced for {cases} and also pending")
            elif not covered and group not in pending:
                missing.append(f"{group}: recorded in {cases}, enforced nowhere")
    assert missing == []


def test_a_table_refuses_a_name_twice() -> None:
    spec = FunctionSpec("twice", lambda call: None)
    with pytest.raises(ValueError, match="twice"):
        FunctionTable("test", [spec, spec])

"""Every admin write is race-free: of N identical concurrent calls exactly one changes
something, the others get the normal refusal (never a SYSTEM ERROR), and only the one change
is logged.

The API path runs through a real `leadgate serve --workers 3` (64 requests at once); the
domain operations shared with the CLI run in threads, each in its own unit of work on its own
connection. Both run on every engine (--db-url).
"""

from __future__ import annotations

import threading
import urllib.parse
from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest

from leadgate.domain import (
    callbacks,
    campaign_settings,
    campaigns,
    dnc,
    list_settings,
    user_admin,
    users,
)
from leadgate.domain.actor import Actor
from leadgate.domain.refusals import Problem, Refused
from leadgate.storage.database import Database
from leadgate.storage.unit_of_work import UnitOfWork
from tests.factories import Seeder
from tests.test_concurrency_add_lead import _fire_together, server  # noqa: F401 (fixture)

NON_AGENT = "/vicidial/non_agent_api.php"
CALLS = 64
THREADS = 12
ACTOR = Actor(user="race")


def _dnc_url(base: str, function: str, phone: str, campaign_id: str) -> str:
    query = urllib.parse.urlencode({
        "source": "test", "user": "6666", "pass": "1234", "function": function,
        "phone_number": phone, "campaign_id": campaign_id,
    })  # fmt: skip
    return f"{base}{NON_AGENT}?{query}"


@pytest.mark.parametrize("campaign_id", ["SYSTEM_INTERNAL", "TESTCAMP"])
def test_concurrent_dnc_adds_and_deletes_over_http(
    server: str,  # noqa: F811 (fixture)
    seed: Seeder,
    campaign_id: str,
) -> None:
    phone = "3125557777"
    added = _fire_together(_dnc_url(server, "add_dnc_phone", phone, campaign_id), CALLS)
    tail = f"6666|{phone}|{campaign_id}\n"
    assert added.count(f"SUCCESS: add_dnc_phone DNC NUMBER HAS BEEN ADDED - {tail}") == 1, added
    exists = f"ERROR: add_dnc_phone DNC NUMBER ALREADY EXISTS: |{tail}"
    assert added.count(exists) == CALLS - 1, added

    deleted = _fire_together(_dnc_url(server, "delete_dnc_phone", phone, campaign_id), CALLS)
    done = f"SUCCESS: delete_dnc_phone DNC NUMBER HAS BEEN DELETED - {tail}"
    assert deleted.count(done) == 1, deleted
    missing = f"ERROR: delete_dnc_phone DNC NUMBER DOES NOT EXIST: |{tail}"
    assert deleted.count(missing) == CALLS - 1, deleted

    log = seed.table_rows("vicidial_dnc_log", "action", "phone_number")
    assert sorted(row["action"] for row in log) == ["add", "delete"]
    admin = seed.table_rows("vicidial_admin_log", "event_type", "record_id")
    assert sorted(row["event_type"] for row in admin) == ["ADD", "DELETE"]
    assert seed.table_rows("vicidial_dnc", "phone_number") == []
    assert seed.table_rows("vicidial_campaign_dnc", "phone_number") == []


# -- the shared operations, in threads -----------------------------------------------------------


def _race(db: Database, operation: Callable[[UnitOfWork], Any]) -> list[Any]:
    """Run `operation` in THREADS threads at once, each in its own unit of work; each result is
    the operation's return value or the Refused it raised."""
    barrier = threading.Barrier(THREADS)
    results: list[Any] = [None] * THREADS

    def run(index: int) -> None:
        # On MariaDB/PostgreSQL every thread first opens its transaction (connection checked
        # out, BEGIN sent), so the operations really overlap. SQLite's BEGIN IMMEDIATE admits
        # one writer at a time: there the threads start together instead.
        if db.is_sqlite:
            barrier.wait()
        try:
            with db.unit_of_work(datetime.now().replace(microsecond=0)) as uow:
                uow.conn.exec_driver_sql("SELECT 1")
                if not db.is_sqlite:
                    barrier.wait()
                results[index] = operation(uow)
        except Refused as exc:
            results[index] = exc.problem
        except Exception as exc:  # noqa: BLE001 — reported by the assertion below
            results[index] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def _one_success(results: list[Any], success: Any, refusal: Any) -> None:
    assert results.count(success) == 1, results
    assert results.count(refusal) == THREADS - 1, results


def _admin_log(seed: Seeder) -> list[tuple[str, str]]:
    rows = seed.table_rows("vicidial_admin_log", "event_type", "record_id")
    return sorted((str(r["event_type"]), str(r["record_id"])) for r in rows)


def test_concurrent_dnc_operations(db: Database, seed: Seeder) -> None:
    request = dnc.DncRequest("3125558888", "SYSTEM_INTERNAL", user="race")
    added = _race(db, lambda uow: dnc.add_number(uow, request))
    _one_success(added, dnc.DncOutcome.ADDED, dnc.DncOutcome.ALREADY_LISTED)
    removed = _race(db, lambda uow: dnc.remove_number(uow, request))
    _one_success(removed, dnc.DncOutcome.REMOVED, dnc.DncOutcome.NOT_LISTED)
    assert _admin_log(seed) == [("ADD", "3125558888"), ("DELETE", "3125558888")]


def test_concurrent_campaign_and_list_operations(db: Database, seed: Seeder) -> None:
    campaign = campaign_settings.CampaignSettings("RACE", campaign_name="Race campaign")
    added = _race(db, lambda uow: campaign_settings.add_campaign(uow, campaign, ACTOR).problem)
    _one_success(added, None, campaign_settings.SettingProblem.CAMPAIGN_EXISTS)
    new_list = list_settings.ListSettings("555", list_name="Race", campaign_id="RACE")
    added = _race(db, lambda uow: list_settings.add_list(uow, new_list, ACTOR, None,
                                                         may_modify_fields=True).problem)  # fmt: skip
    _one_success(added, None, list_settings.ListProblem.LIST_EXISTS)
    deleted = _race(db, lambda uow: list_settings.delete_list(uow, 555, ACTOR,
                                                              with_leads=False).found)  # fmt: skip
    _one_success(deleted, True, False)
    deleted = _race(db, lambda uow: campaigns.delete_campaign(uow, "RACE", ACTOR))
    _one_success(deleted, None, Problem.NOT_FOUND)
    assert seed.table_rows("vicidial_campaigns", "campaign_id") == []
    assert seed.table_rows("vicidial_lists", "list_id") == []
    assert _admin_log(seed) == [("ADD", "555"), ("ADD", "RACE"), ("DELETE", "555"),
                                ("DELETE", "RACE")]  # fmt: skip


def test_concurrent_user_and_group_operations(db: Database, seed: Seeder) -> None:
    group = users.GroupChange("RACERS", group_name="Racers")
    added = _race(db, lambda uow: users.add_group(uow, group, ACTOR))
    _one_success(added, None, Problem.EXISTS)
    # `leadgate init`'s administrator: its ADMIN group and the user, each added once.
    added = _race(db, lambda uow: users.add_administrator(uow, "racer", "Race-pass-1", "Racer",
                                                          ACTOR))  # fmt: skip
    _one_success(added, None, Problem.EXISTS)
    assert seed.table_rows("vicidial_users", "user") == [{"user": "racer"}]
    assert _admin_log(seed) == [("ADD", "ADMIN"), ("ADD", "RACERS"), ("ADD", "racer")]


def test_concurrent_callbacks_for_one_lead(db: Database, seed: Seeder) -> None:
    seed.campaign()
    seed.list(101)
    lead = seed.lead()
    request = callbacks.CallbackRequest(str(lead), "TESTCAMP", "2030-01-02 10:00:00")
    scheduled = _race(db, lambda uow: callbacks.schedule(uow, request, None).outcome)
    _one_success(scheduled, callbacks.Outcome.ADDED, callbacks.Outcome.UPDATED)
    assert len(seed.table_rows("vicidial_callbacks", "callback_id")) == 1
    removed = _race(db, lambda uow: callbacks.unschedule(uow, str(lead), "", None).deleted)
    _one_success(removed, 1, 0)
    assert len(seed.table_rows("vicidial_callbacks_archive", "callback_id")) == 1


def test_concurrent_api_add_list_and_user_operations(db: Database, seed: Seeder) -> None:
    seed.user_group("AGENTS")
    seed.campaign("TESTCAMP")
    settings = list_settings.ListSettings(list_id="777", list_name="Race list",
                                          campaign_id="TESTCAMP")  # fmt: skip
    added = _race(db, lambda uow: list_settings.add_list(uow, settings, ACTOR, None,
                                                         may_modify_fields=False).problem)  # fmt: skip
    _one_success(added, None, list_settings.ListProblem.LIST_EXISTS)
    api = user_admin.ApiUser(name="race", level=9, modify_same_level=True,
                             viewable_groups=None, may_delete=True)  # fmt: skip
    fields = user_admin.UserFields(agent_user="4242", agent_pass="pw42", user_level="1",
                                   full_name="Racer", user_group="AGENTS")  # fmt: skip
    added = _race(db, lambda uow: user_admin.add_user(uow, fields, api).problem)
    _one_success(added, None, user_admin.UserProblem.EXISTS)
    deleted = _race(db, lambda uow: user_admin.update_user(uow, fields, api, delete=True).problem)
    _one_success(deleted, None, user_admin.UserProblem.NOT_FOUND)
    assert _admin_log(seed) == [("ADD", "4242"), ("ADD", "777"), ("DELETE", "4242")]


def test_concurrent_copies_and_autogenerated_names(db: Database, seed: Seeder) -> None:
    seed.user_group("AGENTS")
    seed.user(user="1000", user_level=1, user_group="AGENTS")
    api = user_admin.ApiUser(name="race", level=9, modify_same_level=True,
                             viewable_groups=None, may_delete=True)  # fmt: skip
    fields = user_admin.UserFields(agent_user="4343", agent_pass="pw43", full_name="Copy",
                                   source_user="1000")  # fmt: skip
    copied = _race(db, lambda uow: user_admin.copy_user(uow, fields, api).problem)
    _one_success(copied, None, user_admin.UserProblem.EXISTS)
    # Every AUTOGENERATE copy gets a number of its own: 101, 108, 115 …
    auto = user_admin.UserFields(agent_user="AUTOGENERATE", agent_pass="pw43",
                                 full_name="Auto", source_user="1000")  # fmt: skip
    names = _race(db, lambda uow: user_admin.copy_user(uow, auto, api).user)
    assert sorted(names, key=int) == [str(101 + 7 * i) for i in range(THREADS)], names
    assert seed.table_rows("system_settings", "auto_user_add_value") == [
        {"auto_user_add_value": 101 + 7 * (THREADS - 1)}
    ]
    assert len(seed.table_rows("vicidial_users", "user")) == 2 + THREADS

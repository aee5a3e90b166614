"""The call runner: logging, masking, and failures that must not become HTTP 500s."""

from __future__ import annotations

from leadgate.domain.passwords import PasswordVerifier
from leadgate.settings import Settings
from leadgate.storage.database import Database
from leadgate.wire.context import Call
from leadgate.wire.functions import FunctionSpec, FunctionTable
from leadgate.wire.nonagent.functions import NON_AGENT_FUNCTIONS
from leadgate.wire.request import ApiRequest
from leadgate.wire.service import ApiService
from tests.factories import Seeder

CREDS = {"source": "test", "user": "6666", "pass": "1234"}


def _service(
    db: Database, table: FunctionTable = NON_AGENT_FUNCTIONS, **settings: object
) -> ApiService:
    return ApiService(
        db,
        Settings(db_url=db.url, **settings),
        PasswordVerifier(),  # type: ignore[arg-type]
        non_agent_functions=table,
    )


def test_api_url_log_masks_the_password(db: Database, seed: Seeder) -> None:
    seed.user()
    service = _service(db, log_api_urls=True)
    query = "source=test&user=6666&pass=1234&function=nope"
    service.handle_non_agent(ApiRequest(params={**CREDS, "function": "nope"}, query_string=query))
    urls = seed.table_rows("vicidial_api_urls", "url")
    assert len(urls) == 1
    assert "pass=XXXX" in urls[0]["url"] and "1234" not in urls[0]["url"]


def test_unexpected_error_rolls_back_and_answers_an_error_line(db: Database, seed: Seeder) -> None:
    seed.user()

    def explode(call: Call) -> None:
        call.conn.exec_driver_sql("DELETE FROM vicidial_users")
        raise RuntimeError("boom")

    table = FunctionTable("test", [*NON_AGENT_FUNCTIONS, FunctionSpec("explode_for_test", explode)])
    reply = _service(db, table).handle_non_agent(
        ApiRequest(params={**CREDS, "function": "explode_for_test"})
    )
    assert reply.status == 200
    assert reply.body == "ERROR: explode_for_test FAILED, NOTHING WAS CHANGED - SYSTEM ERROR\n"
    assert len(seed.table_rows("vicidial_users", "user")) == 1  # the delete was rolled back


def test_every_log_row_carries_the_requested_agent_user(db: Database, seed: Seeder) -> None:
    """VICIdial logs the request's agent_user on each row, refusals by the shared checks too."""
    seed.user()
    seed.user(**{"user": "apilow", "pass": "low1234", "view_reports": "0"})
    service = _service(db)
    refused = {"source": "test", "user": "apilow", "pass": "low1234", "function": "user_details",
               "agent_user": "10<0>1"}  # fmt: skip
    answer = service.handle_non_agent(ApiRequest(params=refused)).body
    assert answer.startswith("ERROR: user_details USER DOES NOT HAVE PERMISSION"), answer
    service.handle_non_agent(ApiRequest(params={**CREDS, "function": "version"}))
    rows = seed.table_rows("vicidial_api_log", "function", "agent_user")
    assert rows == [{"function": "user_details", "agent_user": "1001"},
                    {"function": "version", "agent_user": ""}]  # fmt: skip

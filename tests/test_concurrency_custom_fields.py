"""update_list's custom field actions over HTTP, through a real `leadgate serve --workers 3`:
of many identical concurrent adds (or deletes) of one field exactly one changes the
custom_<list_id> table, on every engine."""

from __future__ import annotations

import urllib.parse

from sqlalchemy import inspect

from leadgate.storage.database import Database
from tests.factories import Seeder
from tests.test_concurrency_add_lead import _fire_together, server  # noqa: F401 (fixture)

CALLS = 32
FIELD = {"field_label": "racer", "field_name": "Racer", "field_size": "10", "field_type": "TEXT",
         "field_rank": "1", "field_max": "10"}  # fmt: skip


def _url(base: str, **params: str) -> str:
    query = urllib.parse.urlencode(
        {
            "source": "test",
            "user": "6666",
            "pass": "1234",
            "function": "update_list",
            "list_id": "101",
            **params,
        }
    )
    return f"{base}/vicidial/non_agent_api.php?{query}"


def _columns(db: Database) -> list[str]:
    with db.engine.connect() as conn:
        return [str(c["name"]) for c in inspect(conn).get_columns("custom_101")]


def test_concurrent_field_adds_and_deletes_over_http(
    server: str,  # noqa: F811 (fixture)
    db: Database,
    seed: Seeder,
) -> None:
    seed.user_group("ADMIN")
    added = _fire_together(_url(server, custom_fields_add="Y", **FIELD), CALLS)
    head = "NOTICE: update_list ADD CUSTOM FIELD COMMAND SENT - 6666|101|racer|TEXT|"
    assert sum(a.startswith(f"{head}SUCCESS: Field added|\n") for a in added) == 1, added
    assert sum(a.startswith(f"{head}ERROR: Field not added|\n") for a in added) == CALLS - 1
    assert _columns(db) == ["lead_id", "racer"]
    assert len(seed.table_rows("vicidial_lists_fields", "field_id")) == 1

    deleted = _fire_together(_url(server, custom_fields_delete="Y", field_label="racer"), CALLS)
    done = "NOTICE: update_list DELETE CUSTOM FIELD COMMAND SENT - 6666|101|racer||"
    gone = ("NOTICE: update_list FIELD DOES NOT EXIST, FIELD NOT DELETED, THIS IS AN OPTIONAL "
            "FIELD: |6666|101|racer|\n")  # fmt: skip
    assert sum(a.startswith(f"{done}SUCCESS: Field deleted|\n") for a in deleted) == 1, deleted
    assert sum(a.startswith(gone) for a in deleted) == CALLS - 1, deleted
    assert _columns(db) == ["lead_id"]
    assert seed.table_rows("vicidial_lists_fields", "field_id") == []

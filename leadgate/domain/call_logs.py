"""Call-log look-ups and corrections: callid_info, ccc_lead_info, did_log_export,
update_log_entry, and lead_dearchive (moving an archived lead back)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum

from leadgate.domain.leads.search import INFO_COLUMNS, as_text
from leadgate.storage import lead_archive
from leadgate.storage import reports as store
from leadgate.storage.leads import search as lead_store
from leadgate.storage.unit_of_work import UnitOfWork

# Call ids VICIdial generates: a type prefix and a 17+ character body.
_CALL_ID = re.compile(r"^(Y|J|V|M|DC|S|LP|VH|XL)")


def valid_call_id(call_id: str) -> bool:
    return 17 < len(call_id) < 40 and _CALL_ID.match(call_id) is not None


# -- callid_info -------------------------------------------------------------------------------


class CallProblem(Enum):
    CALL_NOT_FOUND = "call not found"
    LOG_NOT_FOUND = "call log not found"
    LEAD_NOT_FOUND = "lead not found"
    LEAD_NOT_ALLOWED = "lead not allowed"


@dataclass(frozen=True)
class CallInfo:
    call_id: str
    customer_sec: int
    call_date: str
    phone_number: str
    call_type: str
    campaign_id: str
    list_id: str
    status: str
    user: str


def callid_info(uow: UnitOfWork, call_id: str) -> CallInfo | CallProblem:
    conn = uow.conn
    found = store.extended_call(conn, call_id)
    if found is None:
        return CallProblem.CALL_NOT_FOUND
    uniqueid, lead_id = str(found["uniqueid"]), int(found["lead_id"] or 0)
    inbound = re.match(r"^(Y|J|LP|VH)", call_id) is not None
    if inbound:
        call_type = "INBOUND"
    elif call_id.startswith("V"):
        call_type = "OUTBOUND_AUTO"
    elif call_id.startswith("M"):
        call_type = "OUTBOUND_MANUAL"
    else:
        call_type = "OUTBOUND_OTHER"
    logged = store.logged_call(
        conn, inbound=inbound, uniqueid=uniqueid, lead_id=lead_id, call_date=found["call_date"]
    )
    if logged is None:
        return CallProblem.LOG_NOT_FOUND
    user = as_text(logged["user"])
    talk = store.agent_talk(conn, uniqueid, lead_id, user)
    return CallInfo(
        call_id=call_id,
        customer_sec=0 if talk is None else talk[0] - talk[1],
        call_date=as_text(found["call_date"]),
        phone_number=as_text(logged["phone_number"]),
        call_type=call_type,
        campaign_id=as_text(logged["campaign_id"]),
        list_id=as_text(logged["list_id"]),
        status=as_text(logged["status"]),
        user=user,
    )


# -- ccc_lead_info -----------------------------------------------------------------------------

CCC_COLUMNS = INFO_COLUMNS[: INFO_COLUMNS.index("owner") + 1]


def ccc_lead_info(
    uow: UnitOfWork, call_id: str, campaigns: frozenset[str] | None
) -> tuple[str, ...] | CallProblem:
    """The lead of a call of the last ten hours; `campaigns` (None = all) limits its list."""
    conn = uow.conn
    found = None
    if not call_id.startswith("DC"):  # DC calls are in vicidial_dial_log, which leadgate lacks
        found = store.extended_call(conn, call_id, since=uow.now - timedelta(hours=10))
    if found is None:
        return CallProblem.CALL_NOT_FOUND
    leads = lead_store.leads_by(
        conn, archived=False, key="lead_id", value=int(found["lead_id"] or 0)
    )
    if not leads:
        return CallProblem.LEAD_NOT_FOUND
    lead = leads[0]
    if campaigns is not None and not lead_store.list_exists(
        conn, int(lead["list_id"] or 0), campaigns
    ):
        return CallProblem.LEAD_NOT_ALLOWED
    return tuple(as_text(lead[name]) for name in CCC_COLUMNS)


# -- did_log_export ----------------------------------------------------------------------------


@dataclass(frozen=True)
class DidCall:
    caller_id_number: str
    call_date: str
    total_sec: int


def did_log_export(uow: UnitOfWork, did_number: str, day: datetime) -> list[DidCall]:
    conn = uow.conn
    end = day.replace(hour=23, minute=59, second=59)
    calls = []
    for row in store.did_calls(conn, did_number, day, end):
        total = 0
        answered = store.last_inbound_call_of(conn, str(row["uniqueid"]))
        if answered is not None and answered["call_date"] and row["call_date"]:
            waited = answered["call_date"] - row["call_date"]
            total = int(waited.total_seconds()) + int(answered["length_in_sec"] or 0)
        calls.append(DidCall(as_text(row["caller_id_number"]), as_text(row["call_date"]), total))
    return calls


# -- update_log_entry --------------------------------------------------------------------------


class LogEntryProblem(Enum):
    GROUP_NOT_FOUND = "group not found"
    NO_RECORDS_FOUND = "no records found"
    NO_RECORDS_UPDATED = "no records updated"


@dataclass(frozen=True)
class LogEntryUpdate:
    old_status: str
    call_key: str
    updated: bool


def update_log_entry(
    uow: UnitOfWork, group: str, call_id: str, status: str
) -> LogEntryUpdate | LogEntryProblem:
    """Set the status of a lead's latest call in a campaign or in-group. The last ten characters
    of `call_id` are the lead id (VICIdial's call ids end with the zero-padded lead id)."""
    conn = uow.conn
    inbound = store.inbound_group_exists(conn, group)
    if not inbound and not store.campaign_exists(conn, group):
        return LogEntryProblem.GROUP_NOT_FOUND
    match = re.match(r"\s*\d+", call_id[-10:])
    lead_id = int(match.group(0)) if match else 0
    uow.lock([f"call_log:{group}:{lead_id}"])
    found = store.latest_call_of_lead(conn, inbound=inbound, group=group, lead_id=lead_id)
    if found is None:
        return LogEntryProblem.NO_RECORDS_FOUND
    old_status = as_text(found["status"])
    call_key = as_text(found["call_key"])
    # MySQL counts a row whose value does not change as not updated; so does leadgate.
    changed = (
        old_status != status
        and store.set_call_status(
            conn, inbound=inbound, group=group, call_key=found["call_key"], status=status
        )
        > 0
    )
    return LogEntryUpdate(old_status, call_key, changed)


# -- lead_dearchive ----------------------------------------------------------------------------


class DearchiveProblem(Enum):
    NOT_ARCHIVED = "archived lead not found"
    LIVE_LEAD_EXISTS = "non-archived lead found"
    INSERT_FAILED = "lead insert failed"


@dataclass(frozen=True)
class Dearchived:
    inserted: int
    deleted: int


def lead_dearchive(
    uow: UnitOfWork, lead_id: int, campaigns: frozenset[str] | None
) -> Dearchived | DearchiveProblem | tuple[DearchiveProblem, int]:
    conn = uow.conn
    uow.lock([f"lead:{lead_id}"])
    lists = None
    if campaigns is not None:
        found_lists = lead_archive.list_ids_of_campaigns(conn, sorted(campaigns))
        lists = found_lists or None  # VICIdial drops the list filter when no list matches
    list_id = lead_archive.archived_list_id(conn, lead_id, lists)
    if list_id is None:
        return DearchiveProblem.NOT_ARCHIVED
    if lead_archive.live_lead_exists(conn, lead_id):
        return DearchiveProblem.LIVE_LEAD_EXISTS, list_id
    inserted, deleted = lead_archive.move_back(conn, lead_id)
    if inserted < 1:
        return DearchiveProblem.INSERT_FAILED, list_id
    return Dearchived(inserted, deleted)

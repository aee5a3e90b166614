"""DNC functions on the Non-Agent API: add_dnc_phone, delete_dnc_phone, check_phone_number and
the seed function dnc_check [DESIGNED] (spec dnc_and_callbacks.md, lead_lookup.md)."""

from __future__ import annotations

from collections.abc import Callable

from leadgate.domain import dnc
from leadgate.domain.dnc import CheckFailure, DncOutcome, DncRequest, PhoneCheck
from leadgate.storage.unit_of_work import UnitOfWork
from leadgate.wire import filters
from leadgate.wire.common import standard_checks
from leadgate.wire.context import Call
from leadgate.wire.nonagent.lookups import fail, request_user

# dnc_check accepts 6 to 18 digits (the width of vicidial_dnc.phone_number).
DNC_CHECK_LENGTHS = range(6, 19)


def _phone_and_campaign(call: Call) -> tuple[str, str]:
    return call.param("phone_number", filters.PHONE), call.param("campaign_id", filters.LOGIN)


def _require_fields(call: Call, phone: str, campaign_id: str) -> None:
    if len(phone) < 6 or not campaign_id:
        reason = f"{call.function} YOU MUST USE ALL REQUIRED FIELDS"
        data = f"{phone}|{campaign_id}"
        fail(call, reason, f"ERROR: {reason}: |{request_user(call)}|{data}", data)


def _change_dnc(
    call: Call, change: Callable[[UnitOfWork, DncRequest], DncOutcome], *, denied: str,
    refused: str, done: str,
) -> None:  # fmt: skip
    """add_dnc_phone and delete_dnc_phone: same checks and lines, different change."""
    user = request_user(call)
    reason = f"{call.function} USER DOES NOT HAVE PERMISSION TO {denied}"
    standard_checks(call, f"ERROR: {reason}: |{user}|0", reason, "0")
    phone, campaign_id = _phone_and_campaign(call)
    _require_fields(call, phone, campaign_id)
    data = f"{phone}|{campaign_id}"
    request = DncRequest(phone_number=phone, campaign_id=campaign_id, user=user,
                         ip=call.request.client_ip)  # fmt: skip
    if change(call.uow, request) not in (DncOutcome.ADDED, DncOutcome.REMOVED):
        reason = f"{call.function} {refused}"
        fail(call, reason, f"ERROR: {reason}: |{user}|{data}", data)
    reason = f"{call.function} {done}"
    call.reply.line(f"SUCCESS: {reason} - {user}|{data}")
    call.reply.log("SUCCESS", reason, data=data)


def add_dnc_phone(call: Call) -> None:
    _change_dnc(call, dnc.add_number, denied="ADD DNC NUMBERS",
                refused="DNC NUMBER ALREADY EXISTS", done="DNC NUMBER HAS BEEN ADDED")  # fmt: skip


def delete_dnc_phone(call: Call) -> None:
    _change_dnc(call, dnc.remove_number, denied="DELETE DNC NUMBERS",
                refused="DNC NUMBER DOES NOT EXIST", done="DNC NUMBER HAS BEEN DELETED")  # fmt: skip


def dnc_check(call: Call) -> None:
    """[SEED-ONLY, DESIGNED] Is a number on the system DNC list or a campaign's?"""
    user = request_user(call)
    reason = "dnc_check USER DOES NOT HAVE PERMISSION TO CHECK DNC NUMBERS"
    standard_checks(call, f"ERROR: {reason}: |{user}|0|", reason, "0")
    phone = call.param("phone_number", filters.DIGITS)
    if len(phone) not in DNC_CHECK_LENGTHS:
        reason = "dnc_check INVALID PHONE NUMBER LENGTH"
        fail(call, reason, f"ERROR: {reason} - {phone}|{user}", phone)
    listing = dnc.dnc_listing(
        call.conn, phone, call.param("campaign_id", filters.LOGIN),
        areacode=call.param("dnc_check", filters.UPPER) == "AREACODE",
    )  # fmt: skip
    if listing is None:
        reason = "dnc_check DNC NUMBER NOT FOUND"
        call.reply.line(f"SUCCESS: {reason} - {phone}|{user}")
        call.reply.log("SUCCESS", reason, data=phone)
        return
    reason = "dnc_check DNC NUMBER FOUND"
    call.reply.line(f"SUCCESS: {reason} - {phone}|{listing}|{user}")
    call.reply.log("SUCCESS", reason, data=f"{phone}|{listing}")


def check_phone_number(call: Call) -> None:
    user = request_user(call)
    reason = "check_phone_number USER DOES NOT HAVE PERMISSION TO CHECK PHONE NUMBERS"
    # VICIdial prints an unset variable where other functions print the 0 count.
    standard_checks(call, f"ERROR: {reason}: |{user}||", reason, "")
    check = _phone_check(call)
    result = dnc.check_number(call.conn, check, call.now)
    phone = check.phone_number
    failure = result.failure
    if failure is CheckFailure.CALL_TIME:
        reason = f"check_phone_number {failure.value}"
        fail(call, reason, f"ERROR: {reason}: |{user}|{check.local_call_time}|", "0")
    if failure is CheckFailure.NANPA_DATA:
        reason = f"check_phone_number {failure.value}"
        fail(call, reason, f"ERROR: {reason} - {result.detail}|{user}", "|")
    if failure is CheckFailure.INVALID:
        reason = f"check_phone_number {failure.value} {result.detail}"
        fail(call, reason, f"ERROR: {reason} - {phone}|{user}", phone)
    if failure is CheckFailure.DNC:
        reason = f"check_phone_number {failure.value}"
        fail(call, reason, f"ERROR: {reason} - {phone}|{user}", phone)
    if failure is CheckFailure.CAMPAIGN_DNC:
        reason = f"check_phone_number {failure.value}"
        data = f"{phone}|{check.campaign_id}"
        fail(call, reason, f"ERROR: {reason} - {data}|{user}", data)
    line = "".join(f"{segment}#" for segment in result.segments) + (
        f"PHONE: {phone}|{result.phone_code}|{check.postal_code}|{check.state}|{check.owner}|"
    )
    call.reply.line(line)
    call.reply.log("NOTICE", line)


def _phone_check(call: Call) -> PhoneCheck:
    return PhoneCheck(
        phone_number=call.param("phone_number", filters.PHONE),
        phone_code=call.param("phone_code", filters.DIGITS),
        local_call_time=call.param("local_call_time", filters.LOGIN),
        postal_code=call.param("postal_code", filters.POSTAL_CODE),
        state=call.param("state", filters.STATE),
        owner=call.param("owner", filters.ADDRESS),
        dnc_check=call.param("dnc_check", filters.UPPER),
        campaign_dnc_check=call.param("campaign_dnc_check", filters.UPPER),
        campaign_id=call.param("campaign_id", filters.LOGIN),
        usacan_prefix_check=call.param("usacan_prefix_check", filters.UPPER),
        usacan_areacode_check=call.param("usacan_areacode_check", filters.UPPER),
        nanpa_ac_prefix_check=call.param("nanpa_ac_prefix_check", filters.UPPER),
        tz_method=call.param("tz_method", filters.LOGIN),
    )

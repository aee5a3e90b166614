"""User functions on the Non-Agent API: add_user, copy_user, update_user, user_details (spec
admin_functions.md "Users"). Passwords are never echoed (DEVIATIONS.md D9) and are stored as
argon2 hashes."""

from __future__ import annotations

from leadgate.domain import user_admin
from leadgate.domain.user_admin import ApiUser, UserFields, UserOutcome, UserProblem
from leadgate.wire import filters
from leadgate.wire.common import standard_checks
from leadgate.wire.context import Call
from leadgate.wire.nonagent.lookups import fail, request_user

_OPTIONAL = ", THIS IS AN OPTIONAL FIELD"
_NUMBERS = ("ONE", "TWO", "THREE", "FOUR", "FIVE")
FULL_NAME = filters.keep(r"\- +.:/@_0-9a-zA-Z")
CUSTOM = filters.keep(r"\- +.:/@_0-9a-zA-Z")
EMAIL = filters.plus_to_space(filters.keep(r"\- '+.:/@%_0-9a-zA-Z"))
ALNUM = filters.keep(r"0-9a-zA-Z")
SIGNED = filters.keep(r"\-0-9")
IN_GROUPS = filters.keep(r"\-_|0-9a-zA-Z")
GROUP_ID = filters.keep(r"_0-9a-zA-Z")
UPDATE_REASONS = {
    UserProblem.FULL_NAME: "YOU MUST USE A VALID FULL NAME",
    UserProblem.LEVEL: "YOU MUST USE A VALID USER LEVEL",
    UserProblem.GROUP: "YOU MUST USE A VALID USER GROUP",
    UserProblem.PHONE_LOGIN: "YOU MUST USE A VALID PHONE LOGIN",
    UserProblem.PHONE_PASS: "YOU MUST USE A VALID PHONE PASSWORD",
    UserProblem.HOTKEYS: "YOU MUST USE A VALID HOTKEYS SETTING",
    UserProblem.VOICEMAIL: "YOU MUST USE A VALID VOICEMAIL ID",
    UserProblem.EMAIL: "YOU MUST USE A VALID EMAIL",
    UserProblem.ACTIVE: "ACTIVE MUST BE Y OR N",
    UserProblem.WRAPUP: "wrapup_seconds_override MUST BE A VALID DIGIT BETWEEN -1 AND 9999",
    UserProblem.CAMPAIGN_RANK: "YOU MUST USE A VALID CAMPAIGN RANK",
    UserProblem.CAMPAIGN_GRADE: "YOU MUST USE A VALID CAMPAIGN GRADE",
    UserProblem.INGROUP_RANK: "YOU MUST USE A VALID IN-GROUP RANK",
    UserProblem.INGROUP_GRADE: "YOU MUST USE A VALID IN-GROUP GRADE",
}
CREATE_REASONS = {
    UserProblem.LEVEL_NOT_ALLOWED: "USER DOES NOT HAVE PERMISSION TO {verb} USERS IN THIS USER LEVEL",
    UserProblem.GROUP_NOT_FOUND: "USER GROUP DOES NOT EXIST",
    UserProblem.EXISTS: "USER ALREADY EXISTS",
}  # fmt: skip


def _fields(call: Call) -> UserFields:
    p = call.param
    return UserFields(
        agent_user=p("agent_user", filters.LOGIN), agent_pass=p("agent_pass", filters.LOGIN),
        user_level=p("agent_user_level", filters.DIGITS),
        full_name=p("agent_full_name", FULL_NAME),
        user_group=p("agent_user_group", filters.LOGIN),
        phone_login=p("phone_login", filters.LOGIN), phone_pass=p("phone_pass", filters.LOGIN),
        hotkeys_active=p("hotkeys_active", filters.DIGITS),
        voicemail_id=p("voicemail_id", ALNUM), email=p("email", EMAIL),
        custom=(p("custom_one", CUSTOM), p("custom_two", CUSTOM), p("custom_three", CUSTOM),
                p("custom_four", CUSTOM), p("custom_five", CUSTOM)),
        active=p("active", filters.UPPER),
        wrapup_seconds_override=p("wrapup_seconds_override", SIGNED),
        in_groups=p("in_groups", IN_GROUPS), campaign_rank=p("campaign_rank", SIGNED),
        campaign_grade=p("campaign_grade", filters.DIGITS),
        campaign_id=p("campaign_id", filters.LOGIN),
        camp_rg_only=p("camp_rg_only", filters.DIGITS) == "1",
        ingroup_rank=p("ingroup_rank", SIGNED), ingroup_grade=p("ingroup_grade", filters.DIGITS),
        group_id=p("group_id", GROUP_ID),
        ingrp_rg_only=p("ingrp_rg_only", filters.DIGITS) == "1",
        reset_password=p("reset_password", filters.DIGITS),
        source_user=p("source_user", filters.LOGIN),
    )  # fmt: skip


def _api_user(call: Call) -> ApiUser:
    assert call.user is not None
    user = call.user
    return ApiUser(
        name=request_user(call), level=user.level,
        modify_same_level=user_admin.modifies_same_level(call.conn, user.name),
        viewable_groups=user_admin.viewable_groups(call.conn, user.user_group),
        may_delete=user.has("delete_users") and user.has("modify_users"),
        ip=call.request.client_ip,
    )  # fmt: skip


def add_user(call: Call) -> None:
    user = request_user(call)
    reason = "add_user USER DOES NOT HAVE PERMISSION TO ADD USERS"
    standard_checks(call, f"ERROR: {reason}: |{user}|0", reason, "0")
    f = _fields(call)
    if (len(f.agent_user) < 2 or len(f.agent_pass) < 2 or not f.user_level or not f.full_name
            or not f.user_group):  # fmt: skip
        reason = "add_user YOU MUST USE ALL REQUIRED FIELDS"
        # The password is never echoed (D9).
        data = f"{f.agent_user}||{f.user_level}|{f.full_name}|{f.user_group}"
        fail(call, reason, f"ERROR: {reason}: |{user}|{data}", data)
    outcome = user_admin.add_user(call.uow, f, _api_user(call))
    _refuse_creation(call, user, "ADD", outcome)
    reason = "add_user USER HAS BEEN ADDED"
    data = f"{outcome.user}||{f.user_level}|{f.full_name}|{f.user_group}"
    call.reply.line(f"SUCCESS: {reason} - {user}|{data}")
    call.reply.log("SUCCESS", reason, data=data)


def copy_user(call: Call) -> None:
    user = request_user(call)
    reason = "copy_user USER DOES NOT HAVE PERMISSION TO COPY USERS"
    standard_checks(call, f"ERROR: {reason}: |{user}|0", reason, "0")
    f = _fields(call)
    if len(f.agent_user) < 2 or len(f.agent_pass) < 2 or not f.source_user or not f.full_name:
        reason = "copy_user YOU MUST USE ALL REQUIRED FIELDS"
        # The password is never echoed (D9).
        data = f"{f.agent_user}||{f.source_user}|{f.full_name}"
        fail(call, reason, f"ERROR: {reason}: |{user}|{data}", data)
    outcome = user_admin.copy_user(call.uow, f, _api_user(call))
    _refuse_creation(call, user, "COPY", outcome)
    reason = "copy_user USER HAS BEEN COPIED"
    data = f"{outcome.user}||{f.full_name}|{f.source_user}"  # password blanked (D9)
    call.reply.line(f"SUCCESS: {reason} - {user}|{data}")
    call.reply.log("SUCCESS", reason, data=data)


def _refuse_creation(call: Call, user: str, verb: str, outcome: UserOutcome) -> None:
    if outcome.problem is not None:
        text = CREATE_REASONS[outcome.problem].format(verb=verb)
        reason = f"{call.function} {text}"
        fail(call, reason, f"ERROR: {reason}: |{user}|{outcome.value}", outcome.value)


def update_user(call: Call) -> None:
    user = request_user(call)
    reason = "update_user USER DOES NOT HAVE PERMISSION TO UPDATE USERS"
    standard_checks(call, f"ERROR: {reason}: |{user}|0", reason, "0")
    f = _fields(call)
    if not 2 <= len(f.agent_user) <= 20:
        reason = "update_user YOU MUST USE ALL REQUIRED FIELDS"
        data = f"{f.agent_user}|"
        fail(call, reason, f"ERROR: {reason}: |{user}|{data}", data)
    delete = call.param("delete_user", filters.UPPER) == "Y"
    outcome = user_admin.update_user(call.uow, f, _api_user(call), delete=delete)
    _report(call, user, f, outcome)


def _report(call: Call, user: str, f: UserFields, outcome: UserOutcome) -> None:
    problem = outcome.problem
    if problem is UserProblem.NOT_FOUND:
        # VICIdial prints an unset variable here.
        reason = "update_user USER DOES NOT EXIST"
        fail(call, reason, f"ERROR: {reason}: |{user}|", "")
    if problem is UserProblem.MAY_NOT_UPDATE:
        reason = "update_user USER DOES NOT HAVE PERMISSION TO UPDATE THIS USER"
        fail(call, reason, f"ERROR: {reason}: |{user}|{outcome.value}", outcome.value)
    if problem is UserProblem.MAY_NOT_DELETE:
        reason = "update_user USER DOES NOT HAVE PERMISSION TO DELETE USERS"
        fail(call, reason, f"ERROR: {reason}: |{user}|0", "0")
    if outcome.ranks is not None:
        reason = "update_user USER CAMPAIGN RANKS/GRADES HAVE BEEN UPDATED"
        only = f"|{f.campaign_id}|1" if f.camp_rg_only else ""
        _notice(call, user, reason, f"{f.agent_user}|{outcome.ranks[0]}|{outcome.ranks[1]}{only}")
    if problem is not None:
        text = (f"YOU MUST USE A VALID CUSTOM {_NUMBERS[outcome.index]}"
                if problem is UserProblem.CUSTOM else UPDATE_REASONS[problem])  # fmt: skip
        reason = f"update_user {text}{_OPTIONAL}"
        fail(call, reason, f"ERROR: {reason}: |{user}|{outcome.value}", outcome.value)
    if outcome.deleted:
        reason = "update_user USER HAS BEEN DELETED"
        call.reply.line(f"SUCCESS: {reason} - {user}|{f.agent_user}|")
        call.reply.log("SUCCESS", reason, data=f"{f.agent_user}|")
        return
    if outcome.ingroup_ranks is not None:
        reason = "update_user USER IN-GROUP RANKS/GRADES HAVE BEEN UPDATED"
        rank, grade = outcome.ingroup_ranks
        only = f"|{f.group_id}|1" if f.ingrp_rg_only else ""
        _notice(call, user, reason, f"{f.agent_user}|{rank}|{grade}{only}")
    if outcome.reset is not None:
        # VICIdial's line names the address it mailed; the password is never in it (with
        # hashed passwords VICIdial blanks it too). leadgate mails nothing.
        reason = ("update_user USER PASSWORD HAS BEEN RESET" if outcome.reset.done
                  else "update_user USER PASSWORD RESET FAILED: NO VALID EMAIL PROVIDED")  # fmt: skip
        _notice(call, user, reason, f"{f.agent_user}|{outcome.reset.email}")
    if not outcome.updated:
        reason = "update_user NO UPDATES DEFINED"
        fail(call, reason, f"ERROR: {reason}: |{user}|", "")
    reason = "update_user USER HAS BEEN UPDATED"
    call.reply.line(f"SUCCESS: {reason} - {user}|{f.agent_user}|")
    call.reply.log("SUCCESS", reason, data=f"{f.agent_user}|")


def _notice(call: Call, user: str, reason: str, data: str) -> None:
    call.reply.line(f"NOTICE: {reason} - {user}|{data}")
    call.reply.log("NOTICE", reason, data=data)


def user_details(call: Call) -> None:
    user = request_user(call)
    reason = "user_details USER DOES NOT HAVE PERMISSION TO GET USER DETAILS"
    standard_checks(call, f"ERROR: {reason}: |{user}|0|", reason, "0")
    agent_user = call.param("agent_user", filters.LOGIN)
    if not agent_user:
        reason = "user_details INVALID SEARCH PARAMETERS"
        data = f"{user}|{agent_user}"
        fail(call, reason, f"ERROR: {reason}: {data}", data)
    stage = call.param("stage", filters.LOGIN)
    separator = {"csv": ",", "tab": "\t", "pipe": "|"}.get(stage)
    if separator is None:
        separator, stage = "|", "pipe"
    assert call.user is not None
    viewable = user_admin.viewable_groups(call.conn, call.user.user_group)
    details = user_admin.user_details(call.conn, agent_user, viewable)
    if details is None:
        reason = "user_details USER NOT FOUND"
        data = f"{user}|{agent_user}"
        fail(call, reason, f"ERROR: {reason}: {data}", data)
    output = ""
    if call.param("header", filters.ALNUM) == "YES":
        output = separator.join(("user", "full_name", "user_group", "user_level", "active")) + "\n"
    output += separator.join((agent_user, *details)) + "\n"
    call.reply.echo(output)
    call.reply.log("SUCCESS", f"user_details {output}", data=f"{user}|{agent_user}|{stage}")

"""Telephony settings on the Non-Agent API, with VICIdial's exact lines: add_group_alias,
add_fpg_phone, delete_fpg_phone, update_presets, and the HTML chooser lists ingroup_list,
callmenu_list and container_list.
"""

from __future__ import annotations

from typing import NoReturn

from leadgate.domain import telephony_settings as settings
from leadgate.domain.reports import scope_of
from leadgate.domain.telephony_settings import (
    Actor,
    ChooserItem,
    FilterProblem,
    PresetAction,
    PresetChange,
    PresetOutcome,
)
from leadgate.wire import filters
from leadgate.wire.common import require_function_allowed, require_permission, standard_checks
from leadgate.wire.context import Call, Finished
from leadgate.wire.filters import php_strlen

GROUP_ALIAS_ID = filters.keep(r"_0-9a-zA-Z")
GROUP_ALIAS_NAME = filters.keep(r"\- +_0-9a-zA-Z")
GROUP = filters.keep(r"\-|_0-9a-zA-Z")
PRESET_NAME = filters.keep(r"\- _0-9a-zA-Z")
PRESET_NUMBER = filters.keep(r"*#._0-9a-zA-Z")
PRESET_DTMF = filters.keep(r"\- ,*#0-9a-zA-Z")


def _user(call: Call) -> str:
    return call.param("user", filters.LOGIN)


def _actor(call: Call) -> Actor:
    return Actor(_user(call), call.request.client_ip)


def _checks(call: Call, what: str) -> None:
    """Source, allow-list and capability checks of the add_/update_ functions (`…: |user|0`)."""
    reason = f"{call.function} USER DOES NOT HAVE PERMISSION TO {what}"
    standard_checks(call, f"ERROR: {reason}: |{_user(call)}|0", reason, "0")


def _say(call: Call, result: str, what: str, data: str, *, dash: bool = False) -> None:
    reason = f"{call.function} {what}"
    separator = f" - {_user(call)}|" if dash else f": |{_user(call)}|"
    call.reply.line(f"{result}: {reason}{separator}{data}")
    call.reply.log(result, reason, data=data)


def _fail(call: Call, what: str, data: str) -> NoReturn:
    _say(call, "ERROR", what, data)
    raise Finished


# -- add_group_alias -----------------------------------------------------------------------------


def add_group_alias(call: Call) -> None:
    _checks(call, "ADD GROUP ALIASES")
    caller_id_number = call.param("caller_id_number", filters.DIGITS)
    alias_id = call.param("group_alias_id", GROUP_ALIAS_ID)
    alias_name = call.param("group_alias_name", GROUP_ALIAS_NAME)
    if len(caller_id_number) < 6:
        _fail(
            call, "YOU MUST USE ALL REQUIRED FIELDS", f"{alias_id}|{alias_name}|{caller_id_number}"
        )
    alias = settings.GroupAlias(
        group_alias_id=alias_id if php_strlen(alias_id) >= 2 else caller_id_number,
        group_alias_name=(alias_name if php_strlen(alias_name) >= 2 else caller_id_number).replace(
            "+", " "
        ),
        caller_id_number=caller_id_number,
        caller_id_name=call.param("caller_id_name", GROUP_ALIAS_NAME).replace("+", " "),
        active=call.param("active", filters.UPPER) or "Y",
        user_group=call.param("admin_user_group", filters.LOGIN) or "---ALL---",
    )
    if not settings.add_group_alias(call.uow, _actor(call), alias):
        _fail(call, "GROUP ALIAS ALREADY EXISTS", f"{alias.group_alias_id}|{caller_id_number}")
    data = f"{alias.group_alias_id}|{alias.group_alias_name}|{caller_id_number}"
    _say(call, "SUCCESS", "GROUP ALIAS HAS BEEN ADDED", data, dash=True)


# -- add_fpg_phone / delete_fpg_phone ------------------------------------------------------------


def _filter_number(call: Call, verb: str) -> tuple[str, str]:
    _checks(call, f"{verb} FILTER PHONE GROUP NUMBERS")
    phone_number = call.param("phone_number", filters.PHONE)
    group = call.param("group", GROUP)
    if len(phone_number) < 6 or not group:
        _fail(call, "YOU MUST USE ALL REQUIRED FIELDS", f"{phone_number}|{group}")
    return phone_number, group


def add_fpg_phone(call: Call) -> None:
    phone_number, group = _filter_number(call, "ADD")
    problem = settings.add_filter_number(call.uow, _actor(call), phone_number, group)
    if problem is FilterProblem.NO_GROUP:
        _fail(call, "FILTER PHONE GROUP DOES NOT EXIST", group)
    if problem is FilterProblem.ALREADY_THERE:
        _fail(call, "FILTER PHONE GROUP NUMBER ALREADY EXISTS", f"{phone_number}|{group}")
    _say(call, "SUCCESS", "FILTER PHONE GROUP NUMBER HAS BEEN ADDED", f"{phone_number}|{group}",
         dash=True)  # fmt: skip


def delete_fpg_phone(call: Call) -> None:
    phone_number, group = _filter_number(call, "DELETE")
    problem = settings.delete_filter_number(call.uow, _actor(call), phone_number, group)
    if problem is FilterProblem.NO_GROUP:
        _fail(call, "FILTER PHONE GROUP DOES NOT EXIST", group)
    if problem is FilterProblem.NOT_THERE:
        _fail(call, "FILTER PHONE GROUP NUMBER DOES NOT EXIST", f"{phone_number}|{group}")
    _say(call, "SUCCESS", "FILTER PHONE GROUP NUMBER HAS BEEN DELETED", f"{phone_number}|{group}",
         dash=True)  # fmt: skip


# -- update_presets ------------------------------------------------------------------------------


def update_presets(call: Call) -> None:
    _checks(call, "UPDATE CAMPAIGNS")
    campaign_id = call.param("campaign_id", filters.LOGIN)
    if not 2 <= php_strlen(campaign_id) <= 8:
        campaign_name = call.param("campaign_name", filters.keep(r"\- .,_0-9a-zA-Z"))
        _fail(
            call, "YOU MUST USE ALL REQUIRED FIELDS", f"{campaign_id}|{campaign_name}|{campaign_id}"
        )
    assert call.user is not None
    scope = scope_of(call.uow, call.user.user_group)
    if not settings.campaign_visible(call.uow, campaign_id, scope.campaigns):
        _fail(call, "CAMPAIGN DOES NOT EXIST", campaign_id)
    action = call.param("action", filters.ALNUM)
    if action == "LIST":
        _list_presets(call, campaign_id)
        return
    preset_name = call.param("preset_name", PRESET_NAME)
    if action != "NEW":
        preset_name, found = settings.resolve_preset_name(call.uow, campaign_id, preset_name)
        if found:
            _fail(call, "PRESET NAME DOES NOT EXIST", f"{preset_name}|{campaign_id}|{found}")
    values: dict[str, str] = {}
    hide = call.param("preset_hide_number", filters.ALNUM)
    if hide and hide not in ("Y", "N"):
        _fail(call, "PRESET HIDE NUMBER MUST BE Y OR N, THIS IS AN OPTIONAL FIELD", hide)
    number = call.param("preset_number", PRESET_NUMBER)
    if number:
        if len(number) > 50:
            _fail(call, "PRESET NUMBER IS NOT VALID, THIS IS AN OPTIONAL FIELD", number)
        values["preset_number"] = number
    dtmf = call.param("preset_dtmf", PRESET_DTMF)
    if dtmf:
        if dtmf != "--BLANK--" and len(dtmf) > 50:
            _fail(call, "PRESET DTMF IS NOT VALID, THIS IS AN OPTIONAL FIELD", dtmf)
        values["preset_dtmf"] = "" if dtmf == "--BLANK--" else dtmf
    if hide:
        values["preset_hide_number"] = hide
    kind = {"NEW": PresetAction.NEW, "DELETE": PresetAction.DELETE}.get(action, PresetAction.UPDATE)
    outcome = settings.change_preset(
        call.uow, _actor(call), PresetChange(kind, campaign_id, preset_name, values)
    )
    if outcome is PresetOutcome.NO_UPDATES:
        _say(call, "NOTICE", "NO UPDATES DEFINED", "")
    elif outcome is PresetOutcome.DELETED:
        _say(call, "SUCCESS", "PRESET HAS BEEN DELETED", f"{preset_name}|{campaign_id}", dash=True)
    elif outcome is PresetOutcome.ADDED:
        _say(call, "SUCCESS", "PRESET HAS BEEN ADDED", f"NEW PRESET: {preset_name}|{campaign_id}",
             dash=True)  # fmt: skip
    else:
        _say(call, "SUCCESS", "PRESET HAS BEEN UPDATED", f"{preset_name}|{campaign_id}", dash=True)


def _list_presets(call: Call, campaign_id: str) -> None:
    stage = call.param("stage", filters.LOGIN)
    sep = {"csv": ",", "tab": "\t"}.get(stage, "|")
    found = settings.presets(call.uow, campaign_id)
    output = ""
    if call.param("header", filters.ALNUM) == "YES":
        names = ("preset_name", "campaign_id", "preset_number", "preset_hide_number", "preset_dtmf")
        output += sep.join(names) + "\n"
    for p in found:
        fields = (
            p.preset_name,
            p.campaign_id,
            p.preset_number,
            p.preset_hide_number,
            p.preset_dtmf,
        )
        output += sep.join(fields) + "\n"
    if found:
        call.reply.echo(output)
    else:
        call.reply.line(
            f"NOTICE: update_presets LIST, No Records Found - {_user(call)}|{campaign_id}|0"
        )
    call.reply.log(
        "SUCCESS", "update_presets PRESET LIST DISPLAYED", data=f"{campaign_id}|{len(found)}"
    )


# -- the HTML chooser lists ----------------------------------------------------------------------

_CHOOSER_HEAD = (
    "\n"
    "<HTML><head><title>NON-AGENT API</title>\n"
    '<script language="Javascript">\n'
    "function choose_file(filename,fieldname)\n"
    "\t{\n"
    "\tif (filename.length > 0)\n"
    "\t\t{\n"
    "\t\tparent.document.getElementById(fieldname).value = filename;\n"
    "\t\tdocument.getElementById(\"selectframe\").innerHTML = '';\n"
    "\t\tdocument.getElementById(\"selectframe\").style.visibility = 'hidden';\n"
    "\t\tparent.close_chooser();\n"
    "\t\t}\n"
    "\t}\n"
    "function close_file()\n"
    "\t{\n"
    "\tdocument.getElementById(\"selectframe\").innerHTML = '';\n"
    "\tdocument.getElementById(\"selectframe\").style.visibility = 'hidden';\n"
    "\tparent.close_chooser();\n"
    "\t}\n"
    "</script>\n"
    "</head>\n\n"
    "<body>\n"
    '<a href="javascript:close_file();"><font size=1 face="Arial,Helvetica">close frame</font></a>\n'
    "<div id='selectframe' style=\"height:400px;width:710px;overflow:scroll;\">\n"
    "<table border=0 cellpadding=1 cellspacing=2 width=690 bgcolor=white><tr>\n"
    "<td width=30>#</td>\n"
)
_CHOOSER_TAIL = "</table></div></body></HTML>\n"
_FONT = '<font size=2 face="Arial,Helvetica">'


def _chooser_checks(call: Call, what: str) -> None:
    """These three check the user level before the allow-list and ask for no source."""
    reason = f"{call.function} USER DOES NOT HAVE PERMISSION TO VIEW {what}"
    require_permission(call, f"ERROR: {reason}: |{_user(call)}|0|", reason, "0")
    require_function_allowed(call)


def _viewable_groups(call: Call) -> tuple[str, ...] | None:
    assert call.user is not None
    return scope_of(call.uow, call.user.user_group).groups


def _chooser(call: Call, columns: str, items: list[ChooserItem], *, colors: bool) -> None:
    # The page field the chosen id goes to (VICIdial's `comments` parameter). VICIdial prints
    # it into the JavaScript as sent (quotes and tags included); leadgate keeps only the
    # characters of a field name, so no request can inject script into the page.
    field = call.param("comments", filters.LOGIN)
    html = _CHOOSER_HEAD + columns + "</tr>\n"
    for number, item in enumerate(items, start=1):
        shade = "#E6E6E6" if number % 2 else "#F6F6F6"
        html += (
            f'<tr bgcolor="{shade}"><td width=30><font size=1 face="Arial,Helvetica">{number}</td>\n'
            f"<td colspan=2><a href=\"javascript:choose_file('{item.item_id}','{field}');\">"
            f"{_FONT}{item.item_id}</a></td>\n"
            f"<td>{_FONT}{item.name}</td>"
        )
        if colors:
            html += f'\n<td bgcolor="{item.color}">{_FONT} &nbsp; &nbsp; &nbsp; &nbsp; </td>'
        html += "</tr>\n"
    call.reply.echo(html + _CHOOSER_TAIL)


def ingroup_list(call: Call) -> None:
    _chooser_checks(call, "INBOUND GROUPS LIST")
    items = settings.inbound_groups(call.uow, _viewable_groups(call))
    _chooser(call, "<td colspan=2>Inbound Groups</td>\n<td>Name</td>\n<td>Color</td>\n", items,
             colors=True)  # fmt: skip


def callmenu_list(call: Call) -> None:
    _chooser_checks(call, "CALL MENUS LIST")
    items = settings.call_menus(call.uow, _viewable_groups(call))
    _chooser(call, "<td colspan=2>Call Menus</td>\n<td>Name</td>\n", items, colors=False)


def container_list(call: Call) -> None:
    kind = call.param("type", filters.LOGIN)
    if not kind:
        reason = "container_list NO CONTAINER TYPE DEFINED"
        call.reply.line(f"ERROR: {reason}: |{_user(call)}||")
        call.reply.log("ERROR", reason, data="")
        raise Finished
    _chooser_checks(call, "CALL MENUS LIST")
    items = settings.settings_containers(call.uow, kind, _viewable_groups(call))
    columns = f"<td colspan=2>Settings Containers: <br>{kind} type</td>\n<td>Container Notes</td>\n"
    _chooser(call, columns, items, colors=False)


# -- update_alt_url ------------------------------------------------------------------------------

URL_ADDRESS = filters.keep(r"\- %=+.:/@?&_0-9a-zA-Z")
URL_DESCRIPTION = filters.keep(r" .,-_0-9a-zA-Z")
URL_STATUSES = filters.keep(r"\- 0-9a-zA-Z")
URL_LISTS = filters.keep(r"\- 0-9A-Z")
ALT_URL_HEADER = (
    "url_id", "campaign_id", "entry_type", "active", "url_type", "url_rank", "url_statuses",
    "url_description", "url_lists", "url_call_length", "url_address",
)  # fmt: skip


def update_alt_url(call: Call) -> None:
    _checks(call, "UPDATE CAMPAIGNS")
    user = _user(call)
    campaign_id = call.param("campaign_id", filters.LOGIN)
    if not 2 <= php_strlen(campaign_id) <= 20:
        campaign_name = call.param("campaign_name", filters.keep(r"\- .,_0-9a-zA-Z"))
        _fail(
            call, "YOU MUST USE ALL REQUIRED FIELDS", f"{campaign_id}|{campaign_name}|{campaign_id}"
        )
    assert call.user is not None
    scope = scope_of(call.uow, call.user.user_group)
    if not settings.campaign_visible(call.uow, campaign_id, scope.campaigns):
        _fail(call, "CAMPAIGN DOES NOT EXIST", campaign_id)
    entry_type = call.param("entry_type", filters.keep(r"_0-9a-zA-Z"))
    url_type = call.param("url_type", filters.keep(r"_0-9a-zA-Z"))
    alt_url_id = call.param("alt_url_id", filters.keep(r"0-9A-Z"))
    kinds = f"{url_type}|{entry_type}|{campaign_id}"
    if alt_url_id == "LIST":
        found = settings.alt_urls(call.uow, campaign_id, entry_type, url_type)
        stage = call.param("stage", filters.LOGIN)
        sep = {"csv": ",", "tab": "\t"}.get(stage, "|")
        output = (
            sep.join(ALT_URL_HEADER) + "\n" if call.param("header", filters.ALNUM) == "YES" else ""
        )
        for url in found:
            output += sep.join(getattr(url, name) for name in ALT_URL_HEADER) + "\n"
        if found:
            call.reply.echo(output)
        else:
            call.reply.line(f"NOTICE: update_alt_url LIST, No Records Found - {user}|{kinds}|0")
        call.reply.log(
            "SUCCESS", "update_alt_url ALT URL LIST DISPLAYED", data=f"{kinds}|{len(found)}"
        )
        return
    problem = settings.check_alt_url_kind(call.uow, entry_type, url_type, campaign_id)
    if problem is settings.AltUrlProblem.NO_ENTRY_TYPE:
        _fail(call, "NO ENTRY TYPE DEFINED:", f"{entry_type}|{campaign_id}")
    if problem is settings.AltUrlProblem.NO_URL_TYPE:
        _fail(call, "NO VALID URL TYPE DEFINED:", kinds)
    if problem is settings.AltUrlProblem.NOT_ALT:
        section = {"campaign": "CAMPAIGNS", "ingroup": "INGROUPS", "list": "LISTS"}[entry_type]
        _fail(call, f"{section} {url_type} URL IS NOT SET TO ALT", kinds)
    if alt_url_id != "NEW":
        alt_url_id, found_count = settings.resolve_alt_url_id(
            call.uow, campaign_id, entry_type, url_type, alt_url_id
        )
        if found_count:
            _fail(call, "ALT URL ID DOES NOT EXIST", f"{alt_url_id}|{kinds}|{found_count}")
    values = _alt_url_values(call)
    if not values:
        _say(call, "NOTICE", "NO UPDATES DEFINED", "")
        return
    if alt_url_id == "NEW":
        new_id = settings.add_alt_url(
            call.uow, _actor(call), campaign_id, entry_type, url_type, values
        )
        _say(call, "SUCCESS", "ALT URL HAS BEEN ADDED", f"NEW URL ID: {new_id}|{kinds}", dash=True)
        return
    settings.update_alt_url(
        call.uow, _actor(call), campaign_id, entry_type, url_type, alt_url_id, values
    )
    _say(call, "SUCCESS", "ALT URL HAS BEEN UPDATED", f"{alt_url_id}|{kinds}", dash=True)


def _alt_url_values(call: Call) -> dict[str, object]:
    """The fields to set, checked in VICIdial's order (the first bad one ends the call)."""
    values: dict[str, object] = {}
    active = call.param("active", filters.UPPER)
    if active:
        if active not in ("Y", "N"):
            _fail(call, "ACTIVE MUST BE Y OR N, THIS IS AN OPTIONAL FIELD", active)
        values["active"] = active
    address = call.param("url_address", URL_ADDRESS)
    if address:
        if address != "--BLANK--" and not 5 <= php_strlen(address) <= 65000:
            _fail(call, "URL ADDRESS IS NOT VALID, THIS IS AN OPTIONAL FIELD", address)
        address_value = "" if address == "--BLANK--" else address
    rank = call.param("url_rank", filters.DIGITS)
    if rank:
        if len(rank) > 5:
            _fail(call, "URL RANK IS NOT VALID, THIS IS AN OPTIONAL FIELD", rank)
        values["url_rank"] = int(rank)
    length = call.param("url_call_length", filters.DIGITS)
    if length and len(length) > 5:
        _fail(call, "URL CAL LENGTH IS NOT VALID, THIS IS AN OPTIONAL FIELD", length)
    statuses = call.param("url_statuses", URL_STATUSES)
    if statuses:
        if len(statuses) > 1000:
            _fail(call, "URL STATUSES IS NOT VALID, THIS IS AN OPTIONAL FIELD", statuses)
        values["url_statuses"] = statuses
    description = call.param("url_description", URL_DESCRIPTION)
    if description:
        if description != "--BLANK--" and len(description) > 255:
            _fail(call, "URL DESCRIPTION IS NOT VALID, THIS IS AN OPTIONAL FIELD", description)
        values["url_description"] = "" if description == "--BLANK--" else description
    lists = call.param("url_lists", URL_LISTS)
    if lists:
        if lists != "--BLANK--" and len(lists) > 1000:
            _fail(call, "URL LISTS IS NOT VALID, THIS IS AN OPTIONAL FIELD", lists)
        values["url_lists"] = "" if lists == "--BLANK--" else lists
    if length:
        values["url_call_length"] = int(length)
    if address:
        values["url_address"] = address_value
    return values


# -- update_cid_group_entry ----------------------------------------------------------------------

CID_DESCRIPTION = filters.keep(r"\- .,_0-9a-zA-Z")


def update_cid_group_entry(call: Call) -> None:
    _checks(call, "UPDATE CID GROUPS")
    cid_group_id = call.param("cid_group_id", filters.LOGIN)
    stage = call.param("stage", filters.LOGIN)
    areacode = call.param("areacode", filters.LOGIN)
    if areacode != "---ALL---":
        areacode = filters.for_setting(filters.LETTERS_DIGITS, call.non_latin)(areacode)
    outbound_cid = call.param("outbound_cid", filters.LOGIN)
    if outbound_cid != "---ALL---":
        outbound_cid = filters.DIGITS(outbound_cid)
    if not (0 < php_strlen(cid_group_id) <= 20 and 3 <= len(stage) <= 6
            and 0 < php_strlen(areacode) <= 9):  # fmt: skip
        _fail(call, "YOU MUST USE ALL REQUIRED FIELDS", f"{cid_group_id}|{areacode}|{stage}")
    assert call.user is not None
    scope = scope_of(call.uow, call.user.user_group)
    if not settings.cid_group_visible(call.uow, cid_group_id, scope.groups, scope.campaigns):
        _fail(call, "CID GROUP DOES NOT EXIST", cid_group_id)
    pick = settings.CidSelection(
        cid_group_id,
        None if areacode == "---ALL---" else areacode,
        None if outbound_cid in ("---ALL---", "") else outbound_cid,
    )
    active = call.param("active", filters.UPPER)
    description = call.param("cid_description", CID_DESCRIPTION)
    selected = f"{cid_group_id}|{areacode}|{outbound_cid}"
    if stage == "INFO":
        entries = settings.cid_entries(call.uow, pick)
        if not entries:
            _fail(call, "THIS CID GROUP HAS NO ENTRIES", cid_group_id)
        output = (
            f"SUCCESS: update_cid_group_entry CID GROUP INFO AS FOLLOWS {selected}|{len(entries)}\n"
        )
        for number, e in enumerate(entries, start=1):
            output += f"{number}|{e.areacode}|{e.outbound_cid}|{e.active}|{e.description}|{e.calls_today}\n"
        call.reply.echo(output)
        call.reply.log("SUCCESS", "update_cid_group_entry CID GROUP INFO AS FOLLOWS",
                       data=f"{selected}|{len(entries)}")  # fmt: skip
    elif stage == "ADD":
        if areacode == "---ALL---":
            _fail(
                call,
                "YOU MUST DEFINE AN AREACODE WHEN ADDING AND ENTRY",
                f"{cid_group_id}|{areacode}",
            )
        if len(outbound_cid) < 4:
            _fail(call, "YOU MUST DEFINE A CID NUMBER WHEN ADDING AND ENTRY",
                  f"{cid_group_id}|{outbound_cid}")  # fmt: skip
        added = settings.add_cid_entry(call.uow, _actor(call), pick, active, description)
        if added is None:
            _fail(call, "THIS CID GROUP ENTRY ALREADY EXISTS", selected)
        _say(call, "SUCCESS", "CID GROUP ENTRY HAS BEEN ADDED", f"{selected}|{added}", dash=True)
    elif stage == "DELETE":
        deleted = settings.delete_cid_entries(call.uow, _actor(call), pick)
        if deleted is None:
            _fail(call, "THIS CID GROUP HAS NO ENTRIES", cid_group_id)
        _say(call, "SUCCESS", "CID GROUP ENTRIES HAVE BEEN DELETED", f"{selected}|{deleted}",
             dash=True)  # fmt: skip
    elif stage == "UPDATE":
        if not settings.cid_entries(call.uow, pick):
            _fail(call, "THIS CID GROUP HAS NO ENTRIES", cid_group_id)
        values: dict[str, str] = {}
        if active in ("Y", "N"):
            values["active"] = "Y" if active == "Y" else ""
        if description:
            values["cid_description"] = description
        if not values:
            _fail(call, "NO UPDATES WERE DEFINED", f"{selected}|{active}|{description}")
        modified = settings.update_cid_entries(call.uow, _actor(call), pick, values)
        _say(call, "SUCCESS", "CID GROUP ENTRIES HAVE BEEN UPDATED", f"{selected}|{modified}",
             dash=True)  # fmt: skip

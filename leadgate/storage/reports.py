"""Reads behind the agent and report functions: live agents, call history, recordings.

Every statement is parameterised; date ranges are always bound values so that the indexes on
call_date / event_time (VICIdial's own, plus the ones leadgate adds) serve them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Connection,
    Select,
    and_,
    case,
    extract,
    func,
    literal,
    or_,
    select,
    update,
)

from leadgate.storage.tables import (
    parked_channels,
    recording_log,
    vicidial_agent_log,
    vicidial_auto_calls,
    vicidial_campaign_statuses,
    vicidial_campaigns,
    vicidial_closer_log,
    vicidial_did_log,
    vicidial_hopper,
    vicidial_inbound_dids,
    vicidial_inbound_groups,
    vicidial_list,
    vicidial_live_agents,
    vicidial_live_inbound_agents,
    vicidial_log,
    vicidial_log_extended,
    vicidial_statuses,
    vicidial_user_groups,
    vicidial_user_log,
    vicidial_users,
)

Row = dict[str, Any]


def big(value: int) -> Any:
    """An id from a request, bound as BIGINT: PostgreSQL would cast it to the INTEGER column's
    type and fail on values no lead can have."""
    return literal(value, BigInteger)


def _within(
    statement: Select[Any], *limits: tuple[ColumnElement[Any], Sequence[str] | None]
) -> Select[Any]:
    """`statement` kept to the rows whose column holds one of the values, for every limit that
    is not None (None: no limit)."""
    for column, values in limits:
        if values is not None:
            statement = statement.where(column.in_(list(values)))
    return statement


def user_group_scope(conn: Connection, user_group: str) -> Row | None:
    """allowed_campaigns and admin_viewable_groups of a user group."""
    g = vicidial_user_groups.c
    row = conn.execute(
        select(g.allowed_campaigns, g.admin_viewable_groups).where(g.user_group == user_group)
    ).first()
    return None if row is None else dict(row._mapping)


# -- live agents -----------------------------------------------------------------------------

_LIVE_COLUMNS = (
    "user", "status", "callerid", "lead_id", "campaign_id", "calls_today", "agent_log_id",
    "on_hook_agent", "ring_callerid", "preview_lead_id", "conf_exten", "comments",
)  # fmt: skip


def live_agents(conn: Connection, campaigns: Sequence[str] | None) -> list[Row]:
    """vicidial_live_agents rows, optionally only those of the given campaigns (table order)."""
    a = vicidial_live_agents.c
    statement = select(*(a[name] for name in _LIVE_COLUMNS)).order_by(a.live_agent_id)
    statement = _within(statement, (a.campaign_id, campaigns))
    return [dict(row._mapping) for row in conn.execute(statement)]


def live_agent(conn: Connection, user: str) -> Row | None:
    a = vicidial_live_agents.c
    row = conn.execute(
        select(*(a[name] for name in _LIVE_COLUMNS)).where(a.user == user).order_by(a.live_agent_id)
    ).first()
    return None if row is None else dict(row._mapping)


def user_summary(
    conn: Connection, user: str, viewable_groups: Sequence[str] | None,
    user_groups: Sequence[str] | None = None,
) -> Row | None:  # fmt: skip
    """full_name, user_group, user_level of a user within the viewable (and asked) groups."""
    u = vicidial_users.c
    statement = select(u.full_name, u.user_group, u.user_level).where(u.user == user)
    statement = _within(statement, (u.user_group, viewable_groups), (u.user_group, user_groups))
    row = conn.execute(statement).first()
    return None if row is None else dict(row._mapping)


def agent_log_sub_status(conn: Connection, user: str, agent_log_id: Any) -> str | None:
    g = vicidial_agent_log.c
    row = conn.execute(
        select(g.sub_status).where(g.user == user, g.agent_log_id == agent_log_id)
    ).first()
    return None if row is None else row[0]


def incall_agents_on_lead(conn: Connection, lead_id: int) -> int:
    a = vicidial_live_agents.c
    return int(
        conn.execute(
            select(func.count()).where(a.lead_id == lead_id, a.status == "INCALL")
        ).scalar_one()
    )


def parked_count(conn: Connection, callerid: str) -> int:
    p = parked_channels.c
    return int(conn.execute(select(func.count()).where(p.channel_group == callerid)).scalar_one())


def auto_calls_of(conn: Connection, callerid: str) -> list[Row]:
    c = vicidial_auto_calls.c
    rows = conn.execute(
        select(c.uniqueid, c.channel, c.phone_number)
        .where(c.callerid == callerid)
        .order_by(c.auto_call_id)
    )
    return [dict(row._mapping) for row in rows]


def lead_phone_and_vendor(conn: Connection, lead_id: int) -> Row | None:
    v = vicidial_list.c
    row = conn.execute(
        select(v.vendor_lead_code, v.phone_number).where(v.lead_id == lead_id)
    ).first()
    return None if row is None else dict(row._mapping)


def last_login_ip_before(conn: Connection, user: str, before: datetime) -> str | None:
    g = vicidial_user_log.c
    row = conn.execute(
        select(g.computer_ip)
        .where(g.user == user, g.event == "LOGIN", g.event_date < before)
        .order_by(g.event_date.desc())
        .limit(1)
    ).first()
    return None if row is None else row[0]


# -- recordings ------------------------------------------------------------------------------


def outbound_calls_like(conn: Connection, uniqueid_prefix: str) -> int:
    c = vicidial_log.c
    return int(
        conn.execute(
            select(func.count()).where(c.uniqueid.like(_like_prefix(uniqueid_prefix)))
        ).scalar_one()
    )


def inbound_call_ids_like(conn: Connection, uniqueid_prefix: str) -> list[int]:
    c = vicidial_closer_log.c
    rows = conn.execute(
        select(c.closecallid)
        .where(c.uniqueid.like(_like_prefix(uniqueid_prefix)))
        .order_by(c.closecallid)
    )
    return [int(row[0]) for row in rows]


def _like_prefix(text: str) -> str:
    """`text%`: VICIdial does not escape LIKE wildcards (its filter leaves only `_`)."""
    return text + "%"


def recordings(
    conn: Connection,
    *,
    vicidial_id_prefix: str | None,
    closer_ids: Sequence[int],
    user: str | None,
    lead_id: int | None,
    extension: str | None,
    day: tuple[datetime, datetime] | None,
    limit: int = 100000,
) -> list[Row]:
    r = recording_log.c
    conditions: list[Any] = []
    by_uniqueid: list[Any] = []
    if vicidial_id_prefix is not None:
        by_uniqueid.append(r.vicidial_id.like(_like_prefix(vicidial_id_prefix)))
    if closer_ids:
        by_uniqueid.append(r.vicidial_id.in_([str(number) for number in closer_ids]))
    if by_uniqueid:
        conditions.append(or_(*by_uniqueid))
    if user is not None:
        conditions.append(r.user == user)
    if lead_id is not None:
        conditions.append(r.lead_id == big(lead_id))
    if extension is not None:
        conditions.append(r.extension == extension)
    if day is not None:
        conditions.append(and_(r.start_time >= day[0], r.start_time <= day[1]))
    statement = (
        select(
            r.start_time, r.user, r.recording_id, r.lead_id, r.location, r.start_epoch,
            r.end_epoch, r.length_in_sec,
        )
        .where(*conditions)
        .order_by(r.start_time, r.recording_id)
        .limit(limit)
    )  # fmt: skip
    return [dict(row._mapping) for row in conn.execute(statement)]


# -- agent_stats_export ------------------------------------------------------------------------


def agent_log_totals(
    conn: Connection,
    *,
    user: str | None,
    campaign_id: str | None,
    start: datetime,
    end: datetime,
    by_campaign: bool,
) -> list[Row]:
    """Per user (and campaign) sums of vicidial_agent_log rows of a time range, in VICIdial's
    order, with the first and last agent_log_id of each group. The database does the
    summing: a day of a big call centre is tens of thousands of rows."""
    g = vicidial_agent_log.c
    conditions: list[Any] = [g.event_time >= start, g.event_time <= end]
    if user is not None:
        conditions.append(g.user == user)
    if campaign_id is not None:
        conditions.append(g.campaign_id == campaign_id)
    keys = (g.campaign_id, g.user) if by_campaign else (g.user,)
    statement = (
        select(
            *keys,
            func.sum(case((g.lead_id > 0, 1), else_=0)).label("calls"),
            func.count(g.pause_sec).label("pauses"),
            func.sum(case((g.sub_status.like("%LOGIN%"), 1), else_=0)).label("sessions"),
            func.coalesce(func.sum(g.pause_sec), 0).label("pause_sec"),
            func.coalesce(func.sum(g.wait_sec), 0).label("wait_sec"),
            func.coalesce(func.sum(g.talk_sec), 0).label("talk_sec"),
            func.coalesce(func.sum(g.dispo_sec), 0).label("dispo_sec"),
            func.coalesce(func.sum(g.dead_sec), 0).label("dead_sec"),
            func.min(g.agent_log_id).label("first_id"),
            func.max(g.agent_log_id).label("last_id"),
        )
        .where(*conditions)
        .group_by(*keys)
        .order_by(*keys)
    )
    return [dict(row._mapping) for row in conn.execute(statement)]


def agent_log_entries(conn: Connection, agent_log_ids: Sequence[int]) -> dict[int, Row]:
    """agent_log_id → pause_epoch and the seconds of that entry."""
    ids = sorted(set(agent_log_ids))
    if not ids:
        return {}
    g = vicidial_agent_log.c
    found: dict[int, Row] = {}
    for chunk in range(0, len(ids), 1000):
        rows = conn.execute(
            select(
                g.agent_log_id, g.pause_epoch, g.pause_sec, g.wait_sec, g.talk_sec, g.dispo_sec
            ).where(g.agent_log_id.in_(ids[chunk : chunk + 1000]))
        )
        found.update({int(row.agent_log_id): dict(row._mapping) for row in rows})
    return found


def user_name_and_group(conn: Connection, user: str) -> tuple[str, str] | None:
    u = vicidial_users.c
    row = conn.execute(select(u.full_name, u.user_group).where(u.user == user).limit(1)).first()
    return None if row is None else (row[0] or "", row[1] or "")


# -- user_group_status / in_group_status -------------------------------------------------------


def inbound_group_ids(conn: Connection, viewable_groups: Sequence[str] | None) -> list[str]:
    i = vicidial_inbound_groups.c
    statement = select(i.group_id).order_by(i.group_id)
    statement = _within(statement, (i.user_group, viewable_groups))
    return [row[0] for row in conn.execute(statement)]


def auto_calls(
    conn: Connection, campaigns: Sequence[str] | None, allowed: Sequence[str] | None
) -> list[Row]:
    c = vicidial_auto_calls.c
    statement = select(c.callerid, c.status, c.campaign_id, c.call_type).order_by(c.auto_call_id)
    statement = _within(statement, (c.campaign_id, campaigns), (c.campaign_id, allowed))
    return [dict(row._mapping) for row in conn.execute(statement)]


def live_agents_with_groups(
    conn: Connection,
    *,
    user_groups: Sequence[str] | None,
    users: Sequence[str] | None,
    viewable_groups: Sequence[str] | None,
) -> list[Row]:
    a = vicidial_live_agents.c
    u = vicidial_users.c
    statement = (
        select(a.user, a.status, a.campaign_id, u.user_group, a.comments, a.callerid, a.lead_id)
        .select_from(vicidial_live_agents.join(vicidial_users, a.user == u.user))
        .order_by(a.live_agent_id)
    )
    statement = _within(
        statement, (u.user_group, user_groups), (a.user, users), (u.user_group, viewable_groups)
    )
    return [dict(row._mapping) for row in conn.execute(statement)]


def live_inbound_users(conn: Connection, group_ids: Sequence[str]) -> list[str]:
    i = vicidial_live_inbound_agents.c
    rows = conn.execute(select(i.user).distinct().where(i.group_id.in_(list(group_ids))))
    return [row[0] for row in rows]


# -- phone_number_log --------------------------------------------------------------------------


def calls_of_phone(conn: Connection, phone_number: str, *, inbound: bool, limit: int) -> list[Row]:
    log = vicidial_closer_log if inbound else vicidial_log
    c = log.c
    statement = (
        select(c.call_date, c.list_id, c.lead_id, c.length_in_sec, c.status, c.term_reason, c.user)
        .where(c.phone_number == phone_number)
        .order_by(c.call_date.desc())
        .limit(limit)
    )
    return [dict(row._mapping) for row in conn.execute(statement)]


def lead_status_and_source(conn: Connection, lead_id: int) -> tuple[str, str] | None:
    v = vicidial_list.c
    row = conn.execute(select(v.status, v.source_id).where(v.lead_id == lead_id)).first()
    return None if row is None else (row[0] or "", row[1] or "")


# -- call_status_stats -------------------------------------------------------------------------


def campaign_ids(conn: Connection) -> list[str]:
    c = vicidial_campaigns.c
    return [row[0] for row in conn.execute(select(c.campaign_id).order_by(c.campaign_id))]


def human_answered_statuses(conn: Connection, campaigns: Sequence[str] | None) -> set[str]:
    s = vicidial_statuses.c
    cs = vicidial_campaign_statuses.c
    found = {row[0] for row in conn.execute(select(s.status).where(s.human_answered == "Y"))}
    statement = select(cs.status).where(cs.human_answered == "Y")
    statement = _within(statement, (cs.campaign_id, campaigns))
    found |= {row[0] for row in conn.execute(statement)}
    return found


def closer_campaigns(conn: Connection, campaigns: Sequence[str] | None) -> list[str]:
    c = vicidial_campaigns.c
    statement = (
        select(c.closer_campaigns)
        .where(c.closer_campaigns.is_not(None), c.closer_campaigns != "")
        .order_by(c.campaign_id)
    )
    statement = _within(statement, (c.campaign_id, campaigns))
    return [row[0] for row in conn.execute(statement)]


def calls_by_status_and_hour(
    conn: Connection,
    *,
    inbound: bool,
    start: datetime,
    end: datetime,
    campaigns: Sequence[str] | None,
    statuses: Sequence[str] | None,
) -> list[tuple[str, str, int, int]]:
    """(campaign_id, status, hour, calls) of a time range, grouped as VICIdial groups them."""
    log = vicidial_closer_log if inbound else vicidial_log
    c = log.c
    hour = extract("hour", c.call_date)
    statement = (
        select(c.campaign_id, c.status, hour, func.count())
        .where(c.call_date >= start, c.call_date <= end)
        .group_by(c.campaign_id, c.status, hour)
        .order_by(c.campaign_id, c.status, hour)
    )
    statement = _within(statement, (c.campaign_id, campaigns), (c.status, statuses))
    return [
        (row[0] or "", row[1] or "", int(row[2] or 0), int(row[3]))
        for row in conn.execute(statement)
    ]


# -- call_dispo_report -------------------------------------------------------------------------


def dids_by_pattern(conn: Connection, patterns: Sequence[str]) -> list[tuple[str, str]]:
    d = vicidial_inbound_dids.c
    rows = conn.execute(
        select(d.did_id, d.did_pattern).where(d.did_pattern.in_(list(patterns))).order_by(d.did_id)
    )
    return [(str(row[0]), row[1] or "") for row in rows]


def statuses_in_categories(
    conn: Connection, categories: Sequence[str], campaigns: Sequence[str] | None
) -> list[str]:
    s = vicidial_statuses.c
    cs = vicidial_campaign_statuses.c
    found = [
        row[0] for row in conn.execute(select(s.status).where(s.category.in_(list(categories))))
    ]
    statement = select(cs.status).where(cs.category.in_(list(categories)))
    statement = _within(statement, (cs.campaign_id, campaigns))
    found += [row[0] for row in conn.execute(statement)]
    return list(dict.fromkeys(found))


def users_in_groups(conn: Connection, user_groups: Sequence[str]) -> list[str]:
    u = vicidial_users.c
    rows = conn.execute(
        select(u.user).where(u.user_group.in_(list(user_groups))).order_by(u.user_id)
    )
    return [row[0] for row in rows]


def calls_by_status(
    conn: Connection,
    *,
    inbound: bool,
    start: datetime,
    end: datetime,
    campaigns: Sequence[str] | None,
    statuses: Sequence[str] | None,
    users: Sequence[str] | None,
) -> list[tuple[str, str, int]]:
    log = vicidial_closer_log if inbound else vicidial_log
    c = log.c
    statement = (
        select(c.campaign_id, c.status, func.count())
        .where(c.call_date >= start, c.call_date <= end)
        .group_by(c.campaign_id, c.status)
        .order_by(c.campaign_id, c.status)
    )
    statement = _within(
        statement, (c.campaign_id, campaigns), (c.status, statuses), (c.user, users)
    )
    return [(row[0] or "", row[1] or "", int(row[2])) for row in conn.execute(statement)]


def did_calls_by_status(
    conn: Connection,
    *,
    start: datetime,
    end: datetime,
    did_ids: Sequence[str] | None,
    statuses: Sequence[str] | None,
    users: Sequence[str] | None,
) -> list[tuple[str, str, int]]:
    """(DID extension, status, calls) of the in-group calls that came in through DIDs."""
    d = vicidial_did_log.c
    c = vicidial_closer_log.c
    statement = (
        select(func.min(d.extension), c.status, func.count())
        .select_from(vicidial_did_log.join(vicidial_closer_log, c.uniqueid == d.uniqueid))
        .where(d.call_date >= start, d.call_date <= end)
        .group_by(c.campaign_id, c.status)
        .order_by(c.campaign_id, c.status)
    )
    statement = _within(statement, (d.did_id, did_ids), (c.status, statuses), (c.user, users))
    return [(row[0] or "", row[1] or "", int(row[2])) for row in conn.execute(statement)]


# -- call look-ups: callid_info, ccc_lead_info, did_log_export, update_log_entry --------------


def extended_call(conn: Connection, caller_code: str, since: datetime | None = None) -> Row | None:
    """The vicidial_log_extended row of a call id (optionally only calls after `since`)."""
    e = vicidial_log_extended.c
    statement = select(e.uniqueid, e.call_date, e.lead_id).where(e.caller_code == caller_code)
    if since is not None:
        statement = statement.where(e.call_date > since)
    row = conn.execute(statement.limit(1)).first()
    return None if row is None else dict(row._mapping)


def logged_call(
    conn: Connection, *, inbound: bool, uniqueid: str, lead_id: int, call_date: datetime | None
) -> Row | None:
    log = vicidial_closer_log if inbound else vicidial_log
    c = log.c
    statement = select(c.phone_number, c.user, c.status, c.list_id, c.campaign_id).where(
        c.uniqueid == uniqueid, c.lead_id == lead_id
    )
    if inbound:
        statement = statement.where(c.call_date == call_date)
    row = conn.execute(statement.limit(1)).first()
    return None if row is None else dict(row._mapping)


def agent_talk(conn: Connection, uniqueid: str, lead_id: int, user: str) -> tuple[int, int] | None:
    g = vicidial_agent_log.c
    row = conn.execute(
        select(g.talk_sec, g.dead_sec)
        .where(g.uniqueid == uniqueid, g.lead_id == lead_id, g.user == user)
        .order_by(g.agent_log_id)
        .limit(1)
    ).first()
    return None if row is None else (int(row[0] or 0), int(row[1] or 0))


def did_calls(conn: Connection, extension: str, start: datetime, end: datetime) -> list[Row]:
    d = vicidial_did_log.c
    statement = (
        select(d.uniqueid, d.caller_id_number, d.call_date)
        .where(d.extension == extension, d.call_date >= start, d.call_date <= end)
        .order_by(d.call_date)
        .limit(100000)
    )
    return [dict(row._mapping) for row in conn.execute(statement)]


def last_inbound_call_of(conn: Connection, uniqueid: str) -> Row | None:
    c = vicidial_closer_log.c
    row = conn.execute(
        select(c.length_in_sec, c.call_date)
        .where(c.uniqueid == uniqueid)
        .order_by(c.closecallid.desc())
        .limit(1)
    ).first()
    return None if row is None else dict(row._mapping)


def inbound_group_exists(conn: Connection, group_id: str) -> bool:
    i = vicidial_inbound_groups.c
    return conn.execute(select(func.count()).where(i.group_id == group_id)).scalar_one() > 0


def campaign_exists(conn: Connection, campaign_id: str) -> bool:
    c = vicidial_campaigns.c
    return conn.execute(select(func.count()).where(c.campaign_id == campaign_id)).scalar_one() > 0


def latest_call_of_lead(conn: Connection, *, inbound: bool, group: str, lead_id: int) -> Row | None:
    """The lead's latest call in a campaign (outbound) or in-group (inbound)."""
    if inbound:
        c = vicidial_closer_log.c
        statement = (
            select(c.lead_id, c.status, c.closecallid.label("call_key"))
            .where(c.campaign_id == group, c.lead_id == big(lead_id))
            .order_by(c.closecallid.desc())
        )
    else:
        o = vicidial_log.c
        statement = (
            select(o.lead_id, o.status, o.uniqueid.label("call_key"))
            .where(o.campaign_id == group, o.lead_id == big(lead_id))
            .order_by(o.call_date.desc())
        )
    row = conn.execute(statement.limit(1)).first()
    return None if row is None else dict(row._mapping)


def set_call_status(
    conn: Connection, *, inbound: bool, group: str, call_key: Any, status: str
) -> int:
    if inbound:
        c = vicidial_closer_log.c
        statement = (
            update(vicidial_closer_log)
            .where(c.campaign_id == group, c.closecallid == call_key)
            .values(status=status)
        )
    else:
        o = vicidial_log.c
        statement = (
            update(vicidial_log)
            .where(o.campaign_id == group, o.uniqueid == call_key)
            .values(status=status)
        )
    return int(conn.execute(statement).rowcount)


# -- campaign_stats / agent_stats (seed functions) --------------------------------------------


def campaign_settings(conn: Connection, campaign_id: str) -> Row | None:
    c = vicidial_campaigns.c
    row = conn.execute(
        select(c.campaign_id, c.active, c.dial_method, c.auto_dial_level).where(
            c.campaign_id == campaign_id
        )
    ).first()
    return None if row is None else dict(row._mapping)


def campaign_calls_by_status(
    conn: Connection, campaign_id: str, start: datetime, end: datetime
) -> dict[str, int]:
    o = vicidial_log.c
    rows = conn.execute(
        select(o.status, func.count())
        .where(o.campaign_id == campaign_id, o.call_date >= start, o.call_date <= end)
        .group_by(o.status)
    )
    return {row[0] or "": int(row[1]) for row in rows}


def campaign_live_agents(conn: Connection, campaign_id: str) -> list[Row]:
    a = vicidial_live_agents.c
    rows = conn.execute(
        select(a.status, a.callerid, a.comments).where(a.campaign_id == campaign_id)
    )
    return [dict(row._mapping) for row in rows]


def live_calls_waiting(conn: Connection, campaign_id: str) -> int:
    c = vicidial_auto_calls.c
    statement = select(func.count()).where(c.campaign_id == campaign_id, c.status == "LIVE")
    return int(conn.execute(statement).scalar_one())


def ready_hopper_rows(conn: Connection, campaign_id: str) -> int:
    h = vicidial_hopper.c
    statement = select(func.count()).where(h.campaign_id == campaign_id, h.status == "READY")
    return int(conn.execute(statement).scalar_one())


def agent_day_totals(conn: Connection, user: str, start: datetime, end: datetime) -> Row:
    g = vicidial_agent_log.c
    row = conn.execute(
        select(
            # MariaDB has no aggregate FILTER clause
            func.coalesce(func.sum(case((g.lead_id > 0, 1), else_=0)), 0).label("calls"),
            func.coalesce(func.sum(g.talk_sec), 0).label("talk_sec"),
            func.coalesce(func.sum(g.pause_sec), 0).label("pause_sec"),
            func.coalesce(func.sum(g.wait_sec), 0).label("wait_sec"),
            func.coalesce(func.sum(g.dispo_sec), 0).label("dispo_sec"),
        ).where(g.user == user, g.event_time >= start, g.event_time <= end)
    ).one()
    return dict(row._mapping)


def agent_day_logins(conn: Connection, user: str, start: datetime, end: datetime) -> Row:
    g = vicidial_user_log.c
    window = (g.user == user, g.event_date >= start, g.event_date <= end)
    first = conn.execute(select(func.min(g.event_date)).where(*window, g.event == "LOGIN"))
    last = conn.execute(select(func.max(g.event_date)).where(*window, g.event == "LOGOUT"))
    return {"first_login": first.scalar_one(), "last_logout": last.scalar_one()}


# -- batched reads for many live agents at once --------------------------------------------


def user_summaries(
    conn: Connection,
    users: Sequence[str],
    viewable_groups: Sequence[str] | None,
    user_groups: Sequence[str] | None = None,
) -> dict[str, Row]:
    """user → full_name, user_group, user_level, for the users within the groups."""
    if not users:
        return {}
    u = vicidial_users.c
    statement = select(u.user, u.full_name, u.user_group, u.user_level).where(
        u.user.in_(sorted(set(users)))
    )
    statement = _within(statement, (u.user_group, viewable_groups), (u.user_group, user_groups))
    return {row.user: dict(row._mapping) for row in conn.execute(statement)}


def agent_log_sub_statuses(
    conn: Connection, agent_log_ids: Sequence[int]
) -> dict[tuple[str, int], str]:
    """(user, agent_log_id) → sub_status."""
    ids = sorted({int(i) for i in agent_log_ids if i})
    if not ids:
        return {}
    g = vicidial_agent_log.c
    rows = conn.execute(select(g.user, g.agent_log_id, g.sub_status).where(g.agent_log_id.in_(ids)))
    return {(row[0] or "", int(row[1])): row[2] or "" for row in rows}


def incall_counts(conn: Connection, lead_ids: Sequence[int]) -> dict[int, int]:
    ids = sorted({int(i) for i in lead_ids if i})
    if not ids:
        return {}
    a = vicidial_live_agents.c
    rows = conn.execute(
        select(a.lead_id, func.count())
        .where(a.lead_id.in_(ids), a.status == "INCALL")
        .group_by(a.lead_id)
    )
    return {int(row[0]): int(row[1]) for row in rows}


def parked_callerids(conn: Connection, callerids: Sequence[str]) -> set[str]:
    if not callerids:
        return set()
    p = parked_channels.c
    rows = conn.execute(
        select(p.channel_group).distinct().where(p.channel_group.in_(sorted(set(callerids))))
    )
    return {row[0] for row in rows}


def first_auto_calls(conn: Connection, callerids: Sequence[str]) -> dict[str, Row]:
    """callerid → its first vicidial_auto_calls row (uniqueid, channel, phone_number)."""
    if not callerids:
        return {}
    c = vicidial_auto_calls.c
    rows = conn.execute(
        select(c.callerid, c.uniqueid, c.channel, c.phone_number)
        .where(c.callerid.in_(sorted(set(callerids))))
        .order_by(c.auto_call_id)
    )
    found: dict[str, Row] = {}
    for row in rows:
        found.setdefault(row.callerid, dict(row._mapping))
    return found

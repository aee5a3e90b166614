"""The session engine: carries out the commands the Agent API writes into an agent's
vicidial_live_agents row, as VICIdial's agent screen does, and follows each call through the
telephony interface (domain/telephony.py).

It drives only the sessions leadgate started (leadgate_agent_sessions rows) and only while it
holds their lease, so with several workers or servers each session has exactly one driver; a
command is read, carried out and cleared in one unit of work, so it runs exactly once.

Durations written to the history tables (agent_log pause/wait/talk/dispo seconds,
vicidial_log length_in_sec) are in call seconds: wall-clock time × the telephony's time scale.
Timestamps and epochs are wall-clock time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from leadgate.domain.agent_commands import (
    DialCommand,
    StatusCommand,
    TransferCommand,
    read_pause,
)
from leadgate.domain.events import (
    AgentSessionChanged,
    CallAnswered,
    CallDispositioned,
    CallStarted,
    LeadStatusSet,
)
from leadgate.domain.sessions.login import SERVER_IP, end_session, is_auto_dial
from leadgate.domain.telephony import CallOutcome, Telephony
from leadgate.storage import sessions as store
from leadgate.storage.unit_of_work import UnitOfWork

RINGING, TALKING, ENDED = "RINGING", "TALKING", "ENDED"
MANUAL, AUTO = "MANUAL", "AUTO"
AUTO_DIAL_USER = "VDAD"  # VICIdial's user on calls no agent took
CALLBACK_RECIPIENTS = ("USERONLY", "ANYONE")


@dataclass
class EngineContext:
    engine_id: str
    telephony: Telephony
    lease_seconds: float = 10.0
    # Campaigns whose hopper the dialer should top up after this tick.
    auto_dial_campaigns: set[str] = field(default_factory=set)


def claim(uow: UnitOfWork, ctx: EngineContext) -> list[str]:
    """Renew and take leases; the agents this engine drives now."""
    until = uow.now + timedelta(seconds=ctx.lease_seconds)
    return store.claim_sessions(uow.conn, ctx.engine_id, uow.now, until)


def drive(uow: UnitOfWork, ctx: EngineContext, user: str) -> None:
    """One step of one session: pending commands first, then the call's progress."""
    session = store.lock_owned_session(uow.conn, user, ctx.engine_id, uow.now)
    if session is None:
        return
    live = store.live_row(uow.conn, user)
    if live is None:  # the live row was removed behind our back: forget the session
        store.remove_session(uow.conn, user)
        return
    _SessionStep(uow, ctx, session, live).run()


class _SessionStep:
    def __init__(
        self, uow: UnitOfWork, ctx: EngineContext, session: dict[str, Any], live: dict[str, Any]
    ) -> None:
        self.uow = uow
        self.conn = uow.conn
        self.ctx = ctx
        self.session = session
        self.live = live
        self.user = str(live["user"])
        self.campaign_id = str(live["campaign_id"] or "")
        self.wall = uow.now.timestamp()
        self.now = uow.now.replace(microsecond=0)
        self.epoch = int(self.wall)
        self.scale = ctx.telephony.time_scale

    # -- helpers -------------------------------------------------------------------------------

    def seconds_since(self, wall_epoch: float | None) -> int:
        """Call seconds elapsed since a wall-clock epoch."""
        if wall_epoch is None:
            return 0
        return max(0, round((self.wall - float(wall_epoch)) * self.scale))

    def set_live(self, **values: Any) -> None:
        self.live.update(values)
        store.update_live_row(self.conn, self.user, values)

    def set_session(self, **values: Any) -> None:
        self.session.update(values)
        store.update_session(self.conn, self.user, values)

    def clear(self, column: str) -> None:
        self.set_live(**{column: ""})

    def agent_state(self, status: str) -> None:
        self.set_live(status=status, last_state_change=self.now, last_update_time=self.now)
        self.set_session(state_since_epoch=self.wall)
        self.uow.emit(AgentSessionChanged(self.user, self.campaign_id, status))

    @property
    def agent_log_id(self) -> int:
        return int(self.live.get("agent_log_id") or 0)

    def update_agent_log(self, **values: Any) -> None:
        if self.agent_log_id:
            store.update_agent_log(self.conn, self.agent_log_id, values)

    def new_agent_log(self, *, paused: bool) -> None:
        user = store.user_row(self.conn, self.user) or {}
        agent_log_id = store.add_agent_log(
            self.conn,
            {
                "user": self.user, "server_ip": SERVER_IP, "event_time": self.now,
                "lead_id": 0, "campaign_id": self.campaign_id, "pause_epoch": self.epoch,
                "pause_sec": 0, "wait_epoch": self.epoch, "wait_sec": 0,
                "talk_epoch": self.epoch, "talk_sec": 0, "dispo_epoch": self.epoch,
                "dispo_sec": 0, "user_group": str(user.get("user_group") or ""),
                "sub_status": str(self.live.get("pause_code") or "") if paused else None,
                "pause_type": "AGENT" if paused else "UNDEFINED",
            },
        )  # fmt: skip
        self.set_live(agent_log_id=agent_log_id)

    @property
    def on_a_call(self) -> bool:
        return bool(self.session.get("call_state")) or int(self.live.get("lead_id") or 0) > 0

    def campaign(self) -> dict[str, Any]:
        return store.campaign_row(self.conn, self.campaign_id) or {}

    # -- the step --------------------------------------------------------------------------

    def run(self) -> None:
        if self.pause_command():
            return  # logged out
        self.pause_code_command()
        self.screen_commands()
        self.transfer_command()
        self.hangup_command()
        self.status_command()
        self.dial_command()
        self.call_progress()
        self.auto_dial()

    # -- commands --------------------------------------------------------------------------

    def pause_command(self) -> bool:
        """external_pause: PAUSE!epoch, RESUME!epoch or LOGOUT; True after a logout.

        On a call the command waits in its column until the call is dispositioned, as the
        agent screen holds it."""
        command = str(self.live.get("external_pause") or "")
        if not command or self.on_a_call:
            return False
        request = read_pause(command)
        if request.logout:
            end_session(self.uow, self.live)
            return True
        status = str(self.live["status"])
        if request.pause and status in ("READY", "CLOSER"):
            self.update_agent_log(wait_sec=self.seconds_since(self.session["state_since_epoch"]))
            self.agent_state("PAUSED")
            self.new_agent_log(paused=True)
        elif request.resume and status == "PAUSED":
            self.update_agent_log(
                pause_sec=self.seconds_since(self.session["state_since_epoch"]),
                wait_epoch=self.epoch,
            )
            self.agent_state("READY")
        self.clear("external_pause")
        return False

    def pause_code_command(self) -> None:
        code = str(self.live.get("external_pause_code") or "")
        if not code:
            return
        if self.live["status"] == "PAUSED":
            self.set_live(pause_code=code)
            self.update_agent_log(sub_status=code)
        self.clear("external_pause_code")

    def screen_commands(self) -> None:
        """Commands the agent screen applies without telephony: in-group changes
        (change_ingroups), another lead on screen (switch_lead), a field refresh
        (update_fields); audio-only ones (park_call, send_dtmf, recording, set_timer_action)
        are acknowledged and cleared, as the screen does once it has passed them on."""
        live = self.live
        if str(live.get("manager_ingroup_set") or "") == "SET":
            self.set_live(closer_campaigns=str(live.get("external_ingroups") or ""),
                          manager_ingroup_set="N")  # fmt: skip
        switch_to = int(live.get("external_lead_id") or 0)
        if switch_to > 0:
            if int(live.get("lead_id") or 0) > 0:
                self.set_live(lead_id=switch_to)
                self.set_session(call_lead_id=switch_to)
            self.set_live(external_lead_id=0)
        if str(live.get("external_update_fields") or "0") == "1":
            self.set_live(external_update_fields="0")
        for column in ("external_park", "external_dtmf", "external_recording",
                       "external_timer_action"):  # fmt: skip
            if live.get(column):
                self.clear(column)

    def transfer_command(self) -> None:
        """transfer_conference: a blind or in-group transfer, or hanging up both lines, takes
        the agent off the call (the transfer's far side is not simulated); the agent then
        dispositions the lead, as on VICIdial's screen."""
        command = str(self.live.get("external_transferconf") or "")
        if not command:
            return
        ends_the_call = TransferCommand.parse(command).ends_the_call
        if ends_the_call and self.session.get("call_state") in (RINGING, TALKING):
            self.end_call()
        self.clear("external_transferconf")

    def hangup_command(self) -> None:
        if str(self.live.get("external_hangup") or "") == "":
            return
        if self.session.get("call_state") in (RINGING, TALKING):
            self.end_call()
        self.clear("external_hangup")

    def status_command(self) -> None:
        command = str(self.live.get("external_status") or "")
        if not command:
            return
        if int(self.live.get("lead_id") or 0) > 0:
            if self.session.get("call_state") in (RINGING, TALKING):
                self.end_call()
            self.disposition(command)
        self.clear("external_status")

    def dial_command(self) -> None:
        """external_dial (STANDARD mode) or the manual dial queue (queue modes)."""
        idle = self.live["status"] == "PAUSED" and not self.on_a_call
        command = str(self.live.get("external_dial") or "")
        if command:
            if not idle:
                return  # the screen takes it once the agent is free
            self.clear("external_dial")
            self.manual_dial(command)
            return
        if idle:
            queued = store.next_queued_dial(self.conn, self.user)
            if queued is not None:
                self.manual_dial(str(queued["external_dial"] or queued["phone_number"] or ""))

    # -- calls -------------------------------------------------------------------------------

    def manual_dial(self, command: str) -> None:
        """An external_dial command (domain/agent_commands.py DialCommand)."""
        dial = DialCommand.parse(command)
        number = dial.value
        if not number.isdigit() and not number.startswith("MANUALNEXT"):
            return  # a preview action (SKIP, DIALONLY …): no preview screen to act on
        if number.startswith("MANUALNEXT"):
            queued = store.take_hopper_lead(self.conn, self.campaign_id)
            if queued is not None:
                self.place_call(MANUAL, int(queued["lead_id"]))
            return
        lead: dict[str, Any] | None = None
        if dial.lead_id.isdigit():
            lead = store.lead_row(self.conn, int(dial.lead_id))
        if lead is None and dial.search == "YES" and number:
            lists = store.campaign_list_ids(self.conn, self.campaign_id, active_only=False)
            lead = store.lead_by_phone(self.conn, number, lists)
        if lead is None and number:
            lead_id = self.new_manual_lead(number, dial.phone_code or "1")
            lead = store.lead_row(self.conn, lead_id)
        if lead is not None:
            self.place_call(MANUAL, int(lead["lead_id"]))

    def new_manual_lead(self, number: str, phone_code: str) -> int:
        """A manual dial of an unknown number adds it to the campaign's manual-dial list."""
        list_id = int(self.campaign().get("manual_dial_list_id") or 998)
        return store.add_lead(
            self.conn,
            {
                "entry_date": self.now, "modify_date": self.now, "status": "NEW",
                "user": self.user, "list_id": list_id, "phone_code": phone_code,
                "phone_number": number, "called_since_last_reset": "N", "called_count": 0,
                "gmt_offset_now": 0, "entry_list_id": 0, "rank": 0, "owner": "",
            },
        )  # fmt: skip

    def place_call(self, kind: str, lead_id: int) -> None:
        lead = store.lead_row(self.conn, lead_id)
        if lead is None:
            return
        phone_code = str(lead.get("phone_code") or "1")
        phone = str(lead.get("phone_number") or "")
        plan = self.ctx.telephony.dial(phone_code, phone, self.campaign_id)
        uniqueid = f"{self.epoch}.{lead_id}"[:20]
        store.count_a_call(self.conn, lead_id, self.user if kind == MANUAL else AUTO_DIAL_USER,
                           self.now)  # fmt: skip
        user = store.user_row(self.conn, self.user) or {}
        store.add_call_log(
            self.conn,
            {
                "uniqueid": uniqueid, "lead_id": lead_id, "list_id": lead.get("list_id"),
                "campaign_id": self.campaign_id, "call_date": self.now,
                "start_epoch": self.epoch, "end_epoch": None, "length_in_sec": 0,
                "status": "INCALL", "phone_code": phone_code, "phone_number": phone,
                "user": self.user if kind == MANUAL else AUTO_DIAL_USER,
                "comments": kind, "user_group": str(user.get("user_group") or ""),
                "called_count": int(lead.get("called_count") or 0) + 1, "processed": "N",
                "alt_dial": "MAIN",
            },
        )  # fmt: skip
        callerid = (
            f"{'M' if kind == MANUAL else 'V'}{self.epoch % 10**10:010d}{lead_id % 10**9:09d}"
        )
        store.add_auto_call(
            self.conn,
            {
                "server_ip": SERVER_IP, "campaign_id": self.campaign_id, "status": "SENT",
                "lead_id": lead_id, "uniqueid": uniqueid, "callerid": callerid[:20],
                "channel": "", "phone_code": phone_code, "phone_number": phone,
                "call_time": self.now, "call_type": "OUT" if kind == AUTO else "MANUAL",
                "stage": "START", "last_update_time": self.now, "alt_dial": "MAIN",
            },
        )  # fmt: skip
        answer_due = self.wall + plan.ring_seconds / self.scale
        self.set_session(
            call_state=RINGING, call_kind=kind, call_lead_id=lead_id, call_uniqueid=uniqueid,
            call_outcome=plan.outcome.value, call_placed_epoch=self.wall,
            call_answer_due_epoch=answer_due,
            call_end_due_epoch=answer_due + plan.talk_seconds / self.scale,
            call_ring_seconds=round(plan.ring_seconds), call_talk_seconds=0,
            call_ended_epoch=None,
        )  # fmt: skip
        if kind == MANUAL:
            # The agent has the lead on screen as soon as a manual call is dialled.
            self.update_agent_log(
                pause_sec=self.seconds_since(self.session["state_since_epoch"]),
                wait_epoch=self.epoch, talk_epoch=self.epoch, lead_id=lead_id,
            )  # fmt: skip
            self.set_live(lead_id=lead_id, uniqueid=uniqueid, callerid=callerid[:20],
                          last_call_time=self.now)  # fmt: skip
            self.agent_state("INCALL")
        self.uow.emit(CallStarted(lead_id, self.user, self.campaign_id, phone, uniqueid))

    def call_progress(self) -> None:
        state = self.session.get("call_state")
        if state == RINGING and self.wall >= float(self.session["call_answer_due_epoch"]):
            self.ringing_over()
        elif state == TALKING and self.wall >= float(self.session["call_end_due_epoch"]):
            self.end_call()  # the customer hung up

    def ringing_over(self) -> None:
        outcome = CallOutcome(self.session["call_outcome"])
        lead_id = int(self.session["call_lead_id"])
        uniqueid = str(self.session["call_uniqueid"])
        if outcome.answered:
            store.update_auto_call(self.conn, uniqueid, {"status": "LIVE", "stage": "LIVE"})
            self.set_session(call_state=TALKING)
            if self.session["call_kind"] == AUTO:
                self.update_agent_log(
                    wait_sec=self.seconds_since(self.session["state_since_epoch"]),
                    talk_epoch=self.epoch, lead_id=lead_id,
                )  # fmt: skip
                store.update_call_log(self.conn, uniqueid, {"user": self.user})
                self.set_live(lead_id=lead_id, uniqueid=uniqueid, last_call_time=self.now)
                self.agent_state("INCALL")
            self.uow.emit(CallAnswered(lead_id, self.user, self.campaign_id, uniqueid))
            return
        # Not answered: the call ends at once with the system's status for it.
        store.remove_auto_call(self.conn, uniqueid)
        store.update_call_log(
            self.conn, uniqueid,
            {"end_epoch": self.epoch, "length_in_sec": 0, "status": outcome.value},
        )  # fmt: skip
        if self.session["call_kind"] == AUTO:
            store.update_lead(self.conn, lead_id, {"status": outcome.value,
                                                   "modify_date": self.now})  # fmt: skip
            self.uow.emit(LeadStatusSet(lead_id, outcome.value, AUTO_DIAL_USER))
            self.forget_call()
        else:  # the agent dispositions a manual call that nobody answered
            self.set_session(call_state=ENDED, call_ended_epoch=self.wall)
            self.update_agent_log(talk_sec=0, dispo_epoch=self.epoch)

    def end_call(self) -> None:
        """The line drops (agent hangup, customer hangup, or a disposition on a live call)."""
        uniqueid = str(self.session["call_uniqueid"])
        answered = self.session.get("call_state") == TALKING
        talk = self.seconds_since(self.session["call_answer_due_epoch"]) if answered else 0
        store.remove_auto_call(self.conn, uniqueid)
        store.update_call_log(self.conn, uniqueid,
                              {"end_epoch": self.epoch, "length_in_sec": talk})  # fmt: skip
        self.set_session(call_state=ENDED, call_ended_epoch=self.wall, call_talk_seconds=talk)
        self.update_agent_log(talk_sec=talk, dispo_epoch=self.epoch)
        self.set_live(callerid="", last_call_finish=self.now)

    def forget_call(self) -> None:
        self.set_session(call_state="", call_kind="", call_lead_id=0, call_uniqueid="",
                         call_outcome="")  # fmt: skip

    def disposition(self, command: str) -> None:
        """An external_status command (domain/agent_commands.py StatusCommand)."""
        parsed = StatusCommand.parse(command)
        status = parsed.status[:6]
        lead_id = int(self.live["lead_id"])
        uniqueid = str(self.session.get("call_uniqueid") or self.live.get("uniqueid") or "")
        lead = store.lead_row(self.conn, lead_id) or {}
        store.update_lead(self.conn, lead_id, {"status": status, "user": self.user,
                                               "modify_date": self.now})  # fmt: skip
        if uniqueid:
            store.update_call_log(self.conn, uniqueid, {"status": status, "user": self.user})
        ended = self.session.get("call_ended_epoch")
        self.update_agent_log(dispo_sec=self.seconds_since(ended), status=status)
        callback = parsed.callback
        if callback is not None:
            self.schedule_callback(
                lead, status, callback.when, callback.recipient, callback.comments
            )
        self.uow.emit(LeadStatusSet(lead_id, status, self.user))
        callback_at = "" if callback is None else callback.when
        talk = int(self.session.get("call_talk_seconds") or 0)
        self.uow.emit(
            CallDispositioned(lead_id, self.user, self.campaign_id, status, uniqueid,
                              talk_seconds=talk, callback_datetime=callback_at)
        )  # fmt: skip
        self.forget_call()
        calls_today = int(self.live.get("calls_today") or 0) + 1
        self.set_live(lead_id=0, uniqueid="", callerid="", calls_today=calls_today,
                      last_call_finish=self.now)  # fmt: skip
        campaign = self.campaign()
        waiting = read_pause(str(self.live.get("external_pause") or ""))
        pause_next = (
            not is_auto_dial(campaign)
            or str(campaign.get("pause_after_each_call") or "N") == "Y"
            or waiting.pause
            or waiting.logout
        )
        self.agent_state("PAUSED" if pause_next else "READY")
        self.new_agent_log(paused=pause_next)

    def schedule_callback(
        self, lead: dict[str, Any], status: str, when: str, kind: str, comments: str
    ) -> None:
        try:
            callback_time = datetime.strptime(when.strip()[:19], "%Y-%m-%d %H:%M:%S")
        except ValueError:
            return
        recipient = kind if kind in CALLBACK_RECIPIENTS else "ANYONE"
        user = store.user_row(self.conn, self.user) or {}
        store.add_callback(
            self.conn,
            {
                "lead_id": lead.get("lead_id"), "list_id": lead.get("list_id"),
                "campaign_id": self.campaign_id, "status": "ACTIVE", "entry_time": self.now,
                "callback_time": callback_time, "modify_date": self.now,
                "user": self.user if recipient == "USERONLY" else "", "recipient": recipient,
                "comments": comments[:255], "user_group": str(user.get("user_group") or ""),
                "lead_status": status,
            },
        )  # fmt: skip

    # -- auto-dial -------------------------------------------------------------------------

    def auto_dial(self) -> None:
        """A READY agent of a RATIO/ADAPT campaign gets the next hopper lead dialled."""
        if self.live["status"] != "READY" or self.on_a_call:
            return
        if not is_auto_dial(self.campaign()):
            return
        self.ctx.auto_dial_campaigns.add(self.campaign_id)
        lead = store.take_hopper_lead(self.conn, self.campaign_id)
        if lead is not None:
            self.place_call(AUTO, int(lead["lead_id"]))

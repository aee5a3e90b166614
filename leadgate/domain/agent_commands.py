"""The command strings the Agent API leaves in vicidial_live_agents' `external_*` columns for the
agent screen, and that leadgate's session engine (domain/sessions/engine.py) reads back.

Each format is written and read here only, so the API side (domain/agent_sessions.py,
domain/agents/) and the engine cannot drift apart. They are VICIdial's own formats, so a real
agent screen on the same database understands them too (spec agent_api.md): `!`-separated for
external_pause, external_status and external_dial, `---`-separated for external_transferconf.
"""

from __future__ import annotations

from dataclasses import dataclass


def _epoch(text: str) -> int:
    """An epoch field read back (0 when it is not one: the engine never fails on a command)."""
    return int(text) if text.isascii() and text.isdigit() else 0


# -- external_pause ------------------------------------------------------------------------

LOGOUT = "LOGOUT"


def pause_text(value: str, epoch: int) -> str:
    """PAUSE!epoch or RESUME!epoch (the value as the API was given it)."""
    return f"{value}!{epoch}"


def logout_text(value: str) -> str:
    """The logout command goes in the same column, with no epoch appended."""
    return value


@dataclass(frozen=True)
class PauseRequest:
    logout: bool
    pause: bool
    resume: bool


def read_pause(command: str) -> PauseRequest:
    """What an external_pause value asks; a value may hold both PAUSE and RESUME (the agent's
    state decides which applies)."""
    return PauseRequest(
        logout=command.startswith(LOGOUT), pause="PAUSE" in command, resume="RESUME" in command
    )


# -- external_status -----------------------------------------------------------------------

CALLBACK_DATETIME_MIN = 13  # a shorter callback date-time means "no callback"


def is_callback_datetime(text: str) -> bool:
    return len(text) >= CALLBACK_DATETIME_MIN


@dataclass(frozen=True)
class Callback:
    when: str  # "YYYY-MM-DD HH:MM:SS" as sent
    recipient: str  # USERONLY or ANYONE
    comments: str


@dataclass(frozen=True)
class StatusCommand:
    """`STATUS`, or `STATUS!when!recipient!comments!` for a callback; a QueueMetrics code
    follows in the fifth field (`STATUS!!!!CODE` without a callback)."""

    status: str
    callback: Callback | None = None
    qm_dispo_code: str = ""

    def text(self) -> str:
        if self.callback is None:
            return self.status + (f"!!!!{self.qm_dispo_code}" if self.qm_dispo_code else "")
        cb = self.callback
        return f"{self.status}!{cb.when}!{cb.recipient}!{cb.comments}!{self.qm_dispo_code}"

    @classmethod
    def parse(cls, command: str) -> StatusCommand:
        parts = command.split("!")
        callback = None
        if len(parts) >= 4 and is_callback_datetime(parts[1]):
            callback = Callback(parts[1], parts[2], parts[3])
        return cls(parts[0], callback, parts[4] if len(parts) > 4 else "")


# -- external_dial -------------------------------------------------------------------------

DIAL_FIELDS = 14


@dataclass(frozen=True)
class DialCommand:
    """The 14 `!`-separated fields of external_dial (and of the manual dial queue's
    external_dial column)."""

    value: str
    phone_code: str
    search: str
    preview: str
    focus: str
    vendor_id: str
    epoch: int
    dial_prefix: str
    group_alias: str
    caller_id_number: str
    lead_id: str
    alt_dial: str
    dial_ingroup: str
    vtiger_callback_id: str = ""

    def text(self) -> str:
        fields = (
            self.value, self.phone_code, self.search, self.preview, self.focus, self.vendor_id,
            str(self.epoch), self.dial_prefix, self.group_alias, self.caller_id_number,
            self.vtiger_callback_id, self.lead_id, self.alt_dial, self.dial_ingroup,
        )  # fmt: skip
        return "!".join(fields)

    @classmethod
    def parse(cls, command: str) -> DialCommand:
        """Missing fields read as '' (a preview action or a queued bare number is one field)."""
        f = (command.split("!") + [""] * DIAL_FIELDS)[:DIAL_FIELDS]
        return cls(
            value=f[0], phone_code=f[1], search=f[2], preview=f[3], focus=f[4], vendor_id=f[5],
            epoch=_epoch(f[6]), dial_prefix=f[7], group_alias=f[8],
            caller_id_number=f[9], vtiger_callback_id=f[10], lead_id=f[11], alt_dial=f[12],
            dial_ingroup=f[13],
        )  # fmt: skip


# -- external_transferconf -----------------------------------------------------------------

# Transfers that take the agent off the call (the far side is not simulated).
ENDS_THE_CALL = ("BLIND_TRANSFER", "LOCAL_CLOSER", "HANGUP_BOTH", "LEAVE_VM", "LEAVE_3WAY")
LEAVE_3WAY_CALL = "LEAVE_3WAY_CALL"


@dataclass(frozen=True)
class TransferCommand:
    """`value---ingroup---phone---consultative---dial_override---group_alias---caller_id---
    epoch---cid_choice`; the hang-up forms end at the epoch (cid_choice None)."""

    value: str
    epoch: int
    ingroup: str = ""
    phone_number: str = ""
    consultative: str = "NO"
    dial_override: str = ""
    group_alias: str = ""
    caller_id: str = ""
    cid_choice: str | None = None

    def text(self) -> str:
        fields = [
            self.value, self.ingroup, self.phone_number, self.consultative, self.dial_override,
            self.group_alias, self.caller_id, str(self.epoch),
        ]  # fmt: skip
        if self.cid_choice is not None:
            fields.append(self.cid_choice)
        return "---".join(fields)

    @classmethod
    def parse(cls, command: str) -> TransferCommand:
        f = command.split("---")
        f += [""] * (8 - len(f))
        return cls(
            value=f[0], ingroup=f[1], phone_number=f[2], consultative=f[3], dial_override=f[4],
            group_alias=f[5], caller_id=f[6], epoch=_epoch(f[7]),
            cid_choice=f[8] if len(f) > 8 else None,
        )  # fmt: skip

    @property
    def ends_the_call(self) -> bool:
        return self.value.startswith(ENDS_THE_CALL)

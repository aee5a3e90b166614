"""The telephony interface: what the session engine asks of a phone system.

leadgate ships one implementation, a simulator (leadgate/telephony/simulator.py). A real
adapter — Asterisk ARI/AMI, FreeSWITCH ESL — implements the same protocol: `dial` starts a
call and says how it will go; the engine then follows the call's clock. (A real adapter
would report progress asynchronously; the engine only needs the answer time, the outcome and
the moment the far end hangs up, so an adapter can fill a `DialPlan` as events arrive.)
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Protocol


class CallOutcome(Enum):
    """How an outbound call ends up, with the lead status VICIdial gives an unanswered one."""

    ANSWERED = "ANSWERED"
    NO_ANSWER = "NA"
    BUSY = "B"
    VOICEMAIL = "AA"  # answering machine

    @property
    def answered(self) -> bool:
        return self is CallOutcome.ANSWERED


@dataclass(frozen=True)
class DialPlan:
    """How one call will go, in call seconds (the engine scales them to wall time)."""

    outcome: CallOutcome
    ring_seconds: float
    # ANSWERED: how long the customer stays on the line before hanging up.
    talk_seconds: float = 0.0


class Telephony(Protocol):
    # Call seconds per wall-clock second (1 = real time; tests run at 100–10,000).
    time_scale: float

    def dial(self, phone_code: str, phone_number: str, campaign_id: str) -> DialPlan: ...

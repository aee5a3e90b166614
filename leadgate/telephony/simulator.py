"""A phone system made of dice: answer, no-answer, busy and voicemail rates and a talk-time
distribution, deterministic for a given seed, with a time scale so tests run fast."""

from __future__ import annotations

import random
import threading
from dataclasses import dataclass

from leadgate.domain.telephony import CallOutcome, DialPlan


@dataclass(frozen=True)
class SimulatorSettings:
    answer_rate: float = 0.6
    no_answer_rate: float = 0.25
    busy_rate: float = 0.1
    voicemail_rate: float = 0.05
    ring_seconds: tuple[float, float] = (3.0, 20.0)  # uniform range
    talk_mean_seconds: float = 120.0  # exponential-like (log-normal) talk times
    talk_min_seconds: float = 5.0
    talk_max_seconds: float = 1800.0
    seed: int | None = None
    time_scale: float = 1.0

    def __post_init__(self) -> None:
        rates = (self.answer_rate, self.no_answer_rate, self.busy_rate, self.voicemail_rate)
        if any(rate < 0 for rate in rates) or sum(rates) <= 0:
            raise ValueError("simulator rates must be ≥ 0 and not all 0")
        if self.time_scale <= 0:
            raise ValueError("simulator time scale must be > 0")


class Simulator:
    """Implements domain.telephony.Telephony."""

    def __init__(self, settings: SimulatorSettings | None = None) -> None:
        self.settings = settings or SimulatorSettings()
        self.time_scale = self.settings.time_scale
        self._random = random.Random(self.settings.seed)
        self._lock = threading.Lock()  # one engine thread, but be safe

    def dial(self, phone_code: str, phone_number: str, campaign_id: str) -> DialPlan:
        s = self.settings
        with self._lock:
            outcome = self._random.choices(
                list(CallOutcome),
                weights=[s.answer_rate, s.no_answer_rate, s.busy_rate, s.voicemail_rate],
            )[0]
            ring = self._random.uniform(*s.ring_seconds)
            if outcome is CallOutcome.BUSY:
                ring = min(ring, 3.0)
            talk = 0.0
            if outcome.answered:
                talk = self._random.lognormvariate(0.0, 0.6) * s.talk_mean_seconds
                talk = max(s.talk_min_seconds, min(s.talk_max_seconds, talk))
        return DialPlan(outcome=outcome, ring_seconds=ring, talk_seconds=talk)

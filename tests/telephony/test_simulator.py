from __future__ import annotations

from collections import Counter

import pytest

from leadgate.domain.telephony import CallOutcome
from leadgate.telephony.simulator import Simulator, SimulatorSettings


def _plans(seed: int, n: int = 200) -> list[object]:
    simulator = Simulator(SimulatorSettings(seed=seed))
    return [simulator.dial("1", "3125550000", "CAMP") for _ in range(n)]


def test_the_same_seed_gives_the_same_calls() -> None:
    assert _plans(7) == _plans(7)
    assert _plans(7) != _plans(8)


def test_outcomes_follow_the_configured_rates() -> None:
    simulator = Simulator(SimulatorSettings(seed=1, answer_rate=0.5, no_answer_rate=0.5,
                                            busy_rate=0, voicemail_rate=0))  # fmt: skip
    counts = Counter(simulator.dial("1", "1", "C").outcome for _ in range(2000))
    assert set(counts) == {CallOutcome.ANSWERED, CallOutcome.NO_ANSWER}
    assert 900 < counts[CallOutcome.ANSWERED] < 1100


def test_only_answered_calls_have_talk_time_within_bounds() -> None:
    settings = SimulatorSettings(seed=3, talk_min_seconds=10, talk_max_seconds=60)
    simulator = Simulator(settings)
    for _ in range(500):
        plan = simulator.dial("1", "1", "C")
        if plan.outcome.answered:
            assert 10 <= plan.talk_seconds <= 60
        else:
            assert plan.talk_seconds == 0


def test_rates_must_make_sense() -> None:
    with pytest.raises(ValueError):
        SimulatorSettings(answer_rate=0, no_answer_rate=0, busy_rate=0, voicemail_rate=0)
    with pytest.raises(ValueError):
        SimulatorSettings(time_scale=0)

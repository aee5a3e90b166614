#!/usr/bin/env python3
"""Print the README's "Functions" tables from the function tables (paste into README.md)."""

from __future__ import annotations

from leadgate.wire.agent.functions import AGENT_FUNCTIONS
from leadgate.wire.functions import FunctionTable, Tier
from leadgate.wire.nonagent.functions import NON_AGENT_FUNCTIONS

TIER_TEXT = {
    Tier.SEED: "implemented",
    Tier.VICIDIAL: "implemented",
    Tier.TELEPHONY: "telephony only: fixed `NOT AVAILABLE ON THIS SYSTEM` error",
}


def table(functions: FunctionTable) -> str:
    rows = ["| function | tier | status |", "| --- | --- | --- |"]
    for spec in functions:
        status = TIER_TEXT[spec.tier] + (" ([DESIGNED] seed function)" if spec.designed else "")
        rows.append(f"| `{spec.name}` | {spec.tier.value} | {status} |")
    return "\n".join(rows)


if __name__ == "__main__":
    print(
        "Non-Agent API (`/vicidial/non_agent_api.php`, `/API/lmapi.php`; `version` needs no login):\n"
    )
    print(table(NON_AGENT_FUNCTIONS))
    print("\nAgent API (`/agc/api.php`; `version` needs no login):\n")
    print(table(AGENT_FUNCTIONS))

"""What a function table row says about one API function.

Each API has one table (wire/nonagent/functions.py, wire/agent/functions.py); it is the only
place where a VICIdial function name is tied to its handler, its permission rule, its list
restriction and its tier. The dispatcher, the permission checks, the README and the
conformance groups are all checked against these tables (tests/wire/test_functions.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import Enum

from leadgate.domain.permissions import Rule
from leadgate.wire.context import Call

Handler = Callable[[Call], None]


class Tier(Enum):
    """spec README §6: 1 = named by the seeds, 2 = the rest of VICIdial's lead/list/user/
    campaign functions, 3 = telephony only (a fixed error line)."""

    SEED = 1
    VICIDIAL = 2
    TELEPHONY = 3


@dataclass(frozen=True)
class FunctionSpec:
    name: str
    handler: Handler
    # The capability rule the handler checks after source and allow-list (None = none).
    permission: Rule | None = None
    # VICIdial's dispatcher loads api_list_restrict's lists before the handler runs.
    list_restricted: bool = False
    tier: Tier = Tier.SEED
    # Defined by a seed article, not by VICIdial: its wire format is [DESIGNED] here.
    designed: bool = False


class FunctionTable:
    def __init__(self, api: str, specs: Iterable[FunctionSpec]) -> None:
        self.api = api
        self._specs: dict[str, FunctionSpec] = {}
        for spec in specs:
            if spec.name in self._specs:
                raise ValueError(f"{api}: function {spec.name!r} is in the table twice")
            self._specs[spec.name] = spec

    def get(self, name: str) -> FunctionSpec | None:
        return self._specs.get(name)

    def __iter__(self) -> Iterator[FunctionSpec]:
        return iter(self._specs.values())

    def __contains__(self, name: object) -> bool:
        return name in self._specs

    @property
    def names(self) -> list[str]:
        return list(self._specs)

"""Why an admin operation refused: a typed code plus the facts, never wording.

Admin operations (lists, campaigns, users, user groups) raise `Refused`; each caller words it
(cli/wording.py for the CLI, wire/nonagent/<area>.py for VICIdial's lines). A refused
operation has changed nothing: the caller's unit of work rolls back.
"""

from __future__ import annotations

from enum import Enum


class Problem(Enum):
    BAD_VALUE = "bad value"  # `field`'s `value` is not of the field's form
    NOTHING_TO_CHANGE = "nothing to change"
    NOT_FOUND = "not found"  # `entity` `key` does not exist (`similar`: a near miss)
    EXISTS = "exists"  # `entity` `key` exists already
    IN_USE = "in use"  # `entity` `key` still has `count` dependants (`field` names them)


class Refused(Exception):
    def __init__(
        self, problem: Problem, *, entity: str = "", key: str = "", field: str = "",
        value: str = "", similar: str = "", count: int = 0,
    ) -> None:  # fmt: skip
        super().__init__(problem.value, entity, key, field, value)
        self.problem = problem
        self.entity = entity
        self.key = key
        self.field = field
        self.value = value
        self.similar = similar
        self.count = count

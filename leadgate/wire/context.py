"""The context a wire handler works in: the request, its unit of work, the caller, the reply."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import Connection

from leadgate.domain import system
from leadgate.domain.auth import User
from leadgate.settings import Settings
from leadgate.storage.unit_of_work import UnitOfWork
from leadgate.wire.filters import Filter, for_setting
from leadgate.wire.reply import Reply
from leadgate.wire.request import ApiRequest

if TYPE_CHECKING:
    from leadgate.wire.functions import FunctionSpec


@dataclass
class Call:
    request: ApiRequest
    uow: UnitOfWork
    settings: Settings
    function: str
    source: str
    reply: Reply = field(default_factory=Reply)
    user: User | None = None
    # None = every list allowed; a set = the api_list_restrict lists (README §5.4).
    allowed_lists: set[str] | None = None
    # The function table's row for `function` (None before dispatch or for an unknown name).
    spec: FunctionSpec | None = None
    # Parameters whose whitelist keeps any Unicode letter under use_non_latin=1, with that
    # whitelist (None: the handler's own filter follows the setting); empty = none.
    non_latin_params: Mapping[str, Filter | None] = field(default_factory=dict)
    _non_latin: bool | None = field(default=None, init=False, repr=False)

    @property
    def conn(self) -> Connection:
        return self.uow.conn

    @property
    def now(self) -> datetime:
        return self.uow.now

    def param(self, name: str, filter_: Filter) -> str:
        """The parameter through `filter_`, the whitelist that applies under use_non_latin=0;
        under 1 a parameter named in `non_latin_params` takes its Unicode-letter twin."""
        if name in self.non_latin_params and self.non_latin:
            twin = self.non_latin_params[name]
            filter_ = for_setting(filter_ if twin is None else twin, True)
        return self.request.get(name, filter_)

    @property
    def non_latin(self) -> bool:
        """system_settings.use_non_latin is on (letter whitelists keep any Unicode letter).
        Read once per call, so every parameter of one call is filtered alike; the setting
        itself is cached a few seconds across calls (domain/system.py)."""
        if self._non_latin is None:
            self._non_latin = system.use_non_latin(self.conn)
        return self._non_latin

    @property
    def user_name(self) -> str:
        return self.user.name if self.user is not None else ""


class Finished(Exception):
    """Raised by a handler step that has written its final (ERROR) lines: stop processing.

    The transaction is still committed: VICIdial has no transactions, so whatever a function
    wrote before its error line stays (most error paths write nothing but the log).
    """


class Abort(Exception):
    """Stop processing and roll back every change of this call except its log rows."""

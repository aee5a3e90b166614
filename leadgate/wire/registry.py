"""Function name → handler, one table per API."""

from __future__ import annotations

from collections.abc import Callable

from leadgate.wire.context import Call

Handler = Callable[[Call], None]


class Registry:
    def __init__(self) -> None:
        self.handlers: dict[str, Handler] = {}

    def register(self, *names: str) -> Callable[[Handler], Handler]:
        def decorate(handler: Handler) -> Handler:
            for name in names:
                self.handlers[name] = handler
            return handler

        return decorate

    def get(self, name: str) -> Handler | None:
        return self.handlers.get(name)


non_agent = Registry()
agent = Registry()

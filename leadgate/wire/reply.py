"""What a call answers: the body lines, the HTTP status and the vicidial_api_log records."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class LogRecord:
    """One vicidial_api_log row. Never holds a password."""

    function: str
    result: str
    reason: str = ""
    data: str = ""
    value: str = ""
    agent_user: str = ""


@dataclass
class Reply:
    function: str = ""
    status: int = 200
    parts: list[str] = field(default_factory=list)
    logs: list[LogRecord] = field(default_factory=list)

    def echo(self, text: str) -> None:
        """Append raw text to the body (callers add their own newline)."""
        self.parts.append(text)

    def line(self, text: str) -> None:
        self.parts.append(text + "\n")

    def log(
        self,
        result: str,
        reason: str = "",
        *,
        data: str = "",
        value: str = "",
        agent_user: str = "",
        function: str | None = None,
    ) -> None:
        self.logs.append(
            LogRecord(
                function=self.function if function is None else function,
                result=result,
                reason=reason,
                data=data,
                value=value,
                agent_user=agent_user,
            )
        )

    @property
    def body(self) -> str:
        return "".join(self.parts)

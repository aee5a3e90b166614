"""One API request as the wire layer sees it: decoded parameters, the caller's address."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, unquote_plus

from leadgate.wire.filters import Filter


def parse_params(query_string: bytes | str, body: bytes | str = b"") -> dict[str, str]:
    """Form-decode query string and body; a query-string value wins over a body value.

    Like PHP, the last occurrence of a repeated name wins within one source. Bytes that are not
    UTF-8 are replaced, never fatal: the per-field filters then delete what does not belong.
    """
    params: dict[str, str] = {}
    for source in (body, query_string):
        text = source.decode("utf-8", "replace") if isinstance(source, bytes) else source
        if not text:
            continue
        source_params: dict[str, str] = {}
        for name, value in parse_qsl(text, keep_blank_values=True, errors="replace"):
            source_params[name.replace("\x00", "")] = value.replace("\x00", "")
        params.update(source_params)
    return params


def is_credential(name: str) -> bool:
    """`pass`, `agent_pass`, `phone_pass` …: a parameter that carries a password."""
    return name.lower().endswith("pass")


def mask_credentials(form: str) -> str:
    """A raw `a=1&pass=x` string with the value of every credential parameter replaced by
    XXXX; everything else is kept exactly as sent."""
    pieces = []
    for piece in form.split("&"):
        name, sep, _value = piece.partition("=")
        if sep and is_credential(unquote_plus(name, errors="replace").replace("\x00", "")):
            piece = f"{name}=XXXX"
        pieces.append(piece)
    return "&".join(pieces)


@dataclass(frozen=True)
class ApiRequest:
    """A call to /vicidial/non_agent_api.php, /agc/api.php or /API/lmapi.php."""

    params: Mapping[str, str]
    client_ip: str = "127.0.0.1"
    path: str = "/vicidial/non_agent_api.php"
    query_string: str = ""
    body_string: str = ""  # the raw form body of a POST (the Agent API reads its order)
    extra: dict[str, str] = field(default_factory=dict)

    def has(self, name: str) -> bool:
        return name in self.params

    def raw(self, name: str) -> str:
        return self.params.get(name, "")

    def get(self, name: str, filter_: Filter) -> str:
        """The parameter after its whitelist filter; '' when absent."""
        value = self.params.get(name)
        return "" if value is None else filter_(value)

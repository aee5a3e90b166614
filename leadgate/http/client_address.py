"""Who is calling: the connection's peer, or, when that peer is a trusted proxy, the client
its X-Forwarded-For names.

Resolved once per request, before anything reads `scope["client"]` (the access log, the 404
log, ApiRequest.client_ip and so vicidial_api_log, lockout rows and security log lines).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

from starlette.types import ASGIApp, Receive, Scope, Send

from leadgate.settings import Network

Address = ipaddress.IPv4Address | ipaddress.IPv6Address

_FORWARDED_FOR = b"x-forwarded-for"


def parse_address(text: str) -> Address | None:
    """An address as a peer or an X-Forwarded-For entry gives it: `192.0.2.7`, `2001:db8::7`,
    `[2001:db8::7]`, with a `:port` after an IPv4 address or a bracketed IPv6 one; None when it
    is none of these (`unknown`, a host name, garbage). IPv4-mapped IPv6 is the IPv4 address."""
    text = text.strip()
    if text.startswith("["):
        text, bracket, _port = text[1:].partition("]")
        if not bracket:
            return None
    elif text.count(":") == 1:
        text, _colon, _port = text.partition(":")
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


class TrustedProxies:
    def __init__(self, networks: Iterable[Network]) -> None:
        self.networks = tuple(networks)

    def __bool__(self) -> bool:
        return bool(self.networks)

    def trusts(self, address: Address) -> bool:
        return any(address in network for network in self.networks)

    def client(self, peer: str, forwarded_for: str) -> str:
        """The caller's address: walking X-Forwarded-For from the right, the first entry that
        is not itself a trusted proxy (the left-most one when all are). The peer when the peer
        is not trusted (anyone can send the header), or when an entry on the way is not an
        address: what lies left of it cannot be told apart from what the client made up."""
        peer_address = parse_address(peer)
        if peer_address is None or not self.trusts(peer_address):
            return peer
        client = peer
        for entry in reversed(forwarded_for.split(",")):
            address = parse_address(entry)
            if address is None:
                return peer
            client = str(address)
            if not self.trusts(address):
                break
        return client


class ForwardedClient:
    """Puts the resolved caller into `scope["client"]` (port 0: the client's port is unknown).
    Installed outermost, and only when some proxy is trusted."""

    def __init__(self, app: ASGIApp, proxies: TrustedProxies) -> None:
        self.app = app
        self.proxies = proxies

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        peer = scope.get("client")
        if scope["type"] == "http" and peer:
            # Several X-Forwarded-For lines are one list, in order (RFC 9110 field lines).
            forwarded = [value for name, value in scope["headers"] if name == _FORWARDED_FOR]
            if forwarded:
                header = b",".join(forwarded).decode("latin-1")
                client = self.proxies.client(peer[0], header)
                if client != peer[0]:
                    scope = dict(scope)
                    scope["client"] = (client, 0)
        await self.app(scope, receive, send)

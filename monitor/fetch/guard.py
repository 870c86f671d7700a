"""Private-address blocking, enforced on the address each connection is actually made to.

With blocking on, feeds, their redirects and webhooks connect only to public
addresses: never private, loopback, link-local (which holds the cloud metadata
service, 169.254.169.254), shared, reserved or unspecified ones. The check sits
in the connection itself, after DNS resolution and on the very address
connected to, so every redirect hop is covered and a name that resolves to a
public address for a first look and to 127.0.0.1 a moment later (DNS
rebinding) is refused as well.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Callable, Iterable
from typing import Any

import httpcore
import httpx

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Policy = Callable[[IPAddress], bool]


class BlockedAddress(httpx.ConnectError):
    """A connection refused because its address is not public."""


def is_public(address: IPAddress) -> bool:
    """True for globally routable unicast addresses only (IPv4-mapped IPv6 judged as IPv4)."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """Resolves each host once, refuses it unless every address passes `allowed`, and
    connects to the address it checked."""

    def __init__(self, allowed: Policy = is_public) -> None:
        self.allowed = allowed
        self.inner = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        try:
            infos = await asyncio.get_running_loop().getaddrinfo(
                host, port, type=socket.SOCK_STREAM
            )
        except socket.gaierror as exc:
            raise httpx.ConnectError(f"cannot resolve {host}: {exc.strerror}") from None
        addresses = [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]
        refused = [a for a in addresses if not self.allowed(a)]
        if refused:
            raise BlockedAddress(f"refused: {host} resolves to a non-public address ({refused[0]})")
        return await self.inner.connect_tcp(
            str(addresses[0]),
            port,
            timeout=timeout,
            local_address=local_address,
            socket_options=socket_options,
        )

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise BlockedAddress(f"refused: unix socket {path}")

    async def sleep(self, seconds: float) -> None:
        await self.inner.sleep(seconds)


def guarded_transport(allowed: Policy = is_public) -> httpx.AsyncHTTPTransport:
    """An httpx transport whose every connection goes through `GuardedBackend`."""
    transport = httpx.AsyncHTTPTransport(trust_env=False)
    # httpx 0.28 takes no network backend, so the pool it built is replaced by the same
    # pool over the guarded backend (tests/integration/test_private_addresses.py shows
    # the guard holds; if an httpx upgrade broke this, those tests fail).
    transport._pool = httpcore.AsyncConnectionPool(
        ssl_context=httpx.create_ssl_context(trust_env=False),
        max_connections=100,
        max_keepalive_connections=20,
        keepalive_expiry=5.0,
        network_backend=GuardedBackend(allowed),
    )
    return transport

"""SSRF guard: refuse hosts that resolve to private, loopback, link-local or metadata addresses."""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Iterable
from urllib.parse import urlsplit

import httpcore
from httpcore import SOCKET_OPTION

from newsflow.core.errors import BlockedAddressError, ConnectionFailedError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# Cloud metadata endpoints that are not covered by the link-local / private checks.
_METADATA = frozenset(
    {
        ipaddress.ip_address("100.100.100.200"),  # Alibaba Cloud
        ipaddress.ip_address("fd00:ec2::254"),  # AWS IPv6
    }
)


def blocked_reason(ip: IPAddress, allow_private: bool = False) -> str | None:
    """Why `ip` must not be contacted, or None when it may be. Link-local and cloud metadata
    addresses are refused always; private and loopback ones unless `allow_private`."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return blocked_reason(ip.ipv4_mapped, allow_private)
    if ip in _METADATA:
        return "a cloud metadata address"
    if ip.is_link_local:
        return "link-local (incl. cloud metadata 169.254.169.254)"
    if allow_private:
        return None
    checks = (
        (ip.is_loopback, "loopback"),
        (ip.is_private, "private"),
        (ip.is_multicast, "multicast"),
        (ip.is_unspecified, "unspecified"),
        (ip.is_reserved, "reserved"),
        (not ip.is_global, "not globally routable"),
    )
    for hit, why in checks:
        if hit:
            return why
    return None


async def resolve(host: str, port: int) -> list[IPAddress]:
    """Every address `host` resolves to (a literal IP resolves to itself)."""
    try:
        return [ipaddress.ip_address(host.strip("[]"))]
    except ValueError:
        pass
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise ConnectionFailedError(f"cannot resolve host {host!r}: {exc}") from exc
    addresses: list[IPAddress] = []
    for _family, _type, _proto, _canon, sockaddr in infos:
        ip = ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])
        if ip not in addresses:
            addresses.append(ip)
    return addresses


async def check_address(url: str, allow_private: bool = False, timeout: float = 10.0) -> None:
    """Raise BlockedAddressError unless every address of the URL's host is public
    (or `allow_private` is set); DNS gets `timeout` seconds.
    """
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        async with asyncio.timeout(timeout):
            addresses = await resolve(host, port)
    except TimeoutError as exc:
        raise ConnectionFailedError(f"DNS lookup of {host!r} took over {timeout}s") from exc
    if not addresses:
        raise ConnectionFailedError(f"host {host!r} has no addresses")
    refuse_blocked(host, addresses, allow_private)


def refuse_blocked(host: str, addresses: Iterable[IPAddress], allow_private: bool) -> None:
    """Raise BlockedAddressError when any address of `host` must not be contacted."""
    for ip in addresses:
        why = blocked_reason(ip, allow_private)
        if why:
            raise BlockedAddressError(
                f"refused: host {host!r} resolves to {ip}, a {why} address"
                + ("" if allow_private else " (set allow_private_addresses to permit private ones)")
            )


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """httpcore network backend that resolves the host itself, refuses blocked addresses and
    connects to the very IP it checked: no DNS-rebinding gap between check and connect.
    """

    def __init__(
        self, allow_private: bool = False, inner: httpcore.AsyncNetworkBackend | None = None
    ) -> None:
        self.allow_private = allow_private
        self._inner = inner or httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        """Connect to the first reachable allowed address of `host`."""
        try:
            async with asyncio.timeout(timeout):
                addresses = await resolve(host, port)
        except (ConnectionFailedError, TimeoutError) as exc:
            raise httpcore.ConnectError(f"cannot resolve {host!r}: {exc}") from exc
        refuse_blocked(host, addresses, self.allow_private)
        error: Exception = httpcore.ConnectError(f"host {host!r} has no addresses")
        for ip in addresses:
            try:
                return await self._inner.connect_tcp(str(ip), port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc
        raise error

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        """Unix sockets are never used for web fetching."""
        raise httpcore.ConnectError("unix sockets are not allowed")

    async def sleep(self, seconds: float) -> None:
        """Delegate to the inner backend."""
        await self._inner.sleep(seconds)

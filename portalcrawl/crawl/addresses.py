"""Which network addresses a crawl may connect to: public ones, and its own start hosts.

A portal's page, robots.txt or redirect could otherwise send the crawler to a loopback, private or
link-local address (an internal service, a cloud metadata endpoint: server-side request forgery).
The start URLs' own addresses are allowed, so a crawl of an intranet portal, the demo or a test
server on 127.0.0.1 works; nothing else that is not public is. PORTALCRAWL_ALLOW_PRIVATE opens it
up for people who crawl an intranet.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable
from urllib.parse import urlsplit

Address = ipaddress.IPv4Address | ipaddress.IPv6Address


def is_public(address: Address) -> bool:
    """Globally routable: not loopback, private, link-local, multicast, reserved or unspecified."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast


def literal(host: str) -> Address | None:
    """The address a host names when it is an IP literal ("127.0.0.1", "[::1]"), else None."""
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


def resolve(host: str) -> list[Address]:
    """Every address a host name resolves to (blocking; [] when it does not resolve)."""
    if (address := literal(host)) is not None:
        return [address]
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError):
        return []
    return [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]


def problem(addresses: Iterable[Address], allowed: set[Address]) -> str | None:
    """Why these addresses may not be connected to (None when they may)."""
    for address in addresses:
        if address not in allowed and not is_public(address):
            return f"a non-public address ({address})"
    return None


def start_addresses(urls: Iterable[str]) -> set[Address]:
    """The addresses of the start URLs' hosts: the only non-public ones a crawl may reach."""
    return {address for url in urls for address in resolve(urlsplit(url).hostname or "")}

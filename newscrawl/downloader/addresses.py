"""Which IP addresses a crawl may connect to: public ones, and the networks a user allows."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

CGNAT = ipaddress.ip_network("100.64.0.0/10")  # carrier-grade NAT: not in Python's is_private
NAT64 = ipaddress.ip_network("64:ff9b::/96")  # IPv6 form of an IPv4 address (DNS64 networks)


class NetworkListError(ValueError):
    """A NEWSCRAWL_ALLOW_NETWORKS entry that is not a CIDR network."""


def parse_networks(values: Iterable[str] | str) -> tuple[IPNetwork, ...]:
    """`["10.0.0.0/8", "fd00::/8"]` (or one comma-separated string) as networks."""
    if isinstance(values, str):
        values = values.split(",")
    networks = []
    for value in values:
        value = str(value).strip()
        if not value:
            continue
        try:
            networks.append(ipaddress.ip_network(value, strict=False))
        except ValueError as error:
            raise NetworkListError(f"NEWSCRAWL_ALLOW_NETWORKS: {value!r} is not a network ({error})") from None
    return tuple(networks)


def parse_address(text: str) -> IPAddress | None:
    """The address in `text` ("127.0.0.1", "[::1]", "fe80::1%eth0"), or None for a name."""
    text = text.strip().strip("[]").split("%", 1)[0]
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def _embedded_ipv4(address: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries (mapped, 6to4, NAT64), which is where it leads."""
    if address.version == 4:
        return None
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address in NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def _kind(address: IPAddress) -> str | None:
    """Why an address is not public, or None for a public unicast address."""
    if address.is_unspecified:
        return "unspecified"
    if address.is_loopback:
        return "loopback"
    if address.is_link_local:
        return "link-local"
    if address.is_multicast:
        return "multicast"
    if address.version == 4 and address in CGNAT:
        return "carrier-grade NAT"
    if address.is_private:
        return "private"
    if address.is_reserved or not address.is_global:
        return "reserved"
    return None


def blocked_reason(address: IPAddress, allowed: tuple[IPNetwork, ...] = ()) -> str | None:
    """Why a crawl must not connect to `address` ("loopback", "private", ...), or None if it may.

    An address in an allowed network is always fine; an IPv6 address that carries an
    IPv4 one (::ffff:10.0.0.5, 2002:0a00:0005::, 64:ff9b::10.0.0.5) is judged by that one,
    where the packets end up.
    """
    if any(address in network for network in allowed if network.version == address.version):
        return None
    inner = _embedded_ipv4(address)
    if inner is not None:
        if any(inner in network for network in allowed if network.version == 4):
            return None
        return _kind(inner)
    return _kind(address)

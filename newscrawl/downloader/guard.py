"""The address guard: no fetch connects to a loopback, private, link-local or other internal address.

Judged where it cannot be dodged: `GuardedResolver` wraps the reactor's name resolver,
which Twisted's HostnameEndpoint asks for the addresses it then connects to, one by one
and as given (IP literals, no second lookup). An address it withholds is never
connected to, so a name that resolves (or re-binds) to 10.0.0.5 between a check and the
connect cannot slip through: there is no earlier check. `RequestGuard` is the per-crawl
side in the download handler: address literals refused up front with a clear reason, the
resolver's refusals turned into `AddressRefused` (an IgnoreRequest: never retried),
logged once per host, counted, and the peer of every response checked once more.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from urllib.parse import urlsplit

from scrapy.exceptions import IgnoreRequest
from twisted.internet.interfaces import IHostnameResolver, IResolutionReceiver
from zope.interface import implementer

from newscrawl.downloader.addresses import IPNetwork, blocked_reason, parse_address, parse_networks

logger = logging.getLogger(__name__)

STATS = "newscrawl/safety/"
MAX_REMEMBERED = 10_000  # hosts whose last refusal the resolver keeps for the handler
ROUTED = "routed"  # the reason for a direct request to a host-map target or proxy


@dataclass(frozen=True)
class Refusal:
    host: str
    address: str
    reason: str  # "loopback", "private", "link-local", "carrier-grade NAT", ...


class AddressRefused(IgnoreRequest):
    """A request that would connect to an internal address; IgnoreRequest, so never retried."""

    def __init__(self, url: str, refusal: Refusal):
        self.url, self.refusal = url, refusal
        if refusal.reason == ROUTED:
            why = f"{refusal.host} is where NEWSCRAWL_HOST_MAP or a proxy routes to, reachable only through the route"
        elif refusal.address == refusal.host:
            why = f"{refusal.host} is a {refusal.reason} address"
        else:
            why = f"{refusal.host} resolves to {refusal.address}, a {refusal.reason} address"
        super().__init__(f"{url}: {why} (NEWSCRAWL_ALLOW_NETWORKS allows a network on purpose)")


def host_port(netloc_or_url: str, default_port: int = 80) -> tuple[str, int]:
    """("127.0.0.1", 8123) for "127.0.0.1:8123" or "http://127.0.0.1:8123/x"; hosts lowercased."""
    parts = urlsplit(netloc_or_url if "//" in netloc_or_url else f"//{netloc_or_url}")
    port = parts.port or {"https": 443}.get(parts.scheme, default_port)
    return (parts.hostname or "").lower(), port


@implementer(IHostnameResolver)
class GuardedResolver:
    """The wrapped resolver's answers without the addresses a crawl must not connect to.

    One per reactor (`install`); several crawlers in one process share it, so the
    allowed networks and routes are the union of theirs.
    """

    def __init__(self, wrapped: IHostnameResolver):
        self.wrapped = wrapped
        self.allowed: tuple[IPNetwork, ...] = ()
        self.routes: set[tuple[str, int]] = set()  # (host, port) the user routed on purpose: not filtered
        self.refusals: dict[str, Refusal] = {}  # host -> why its last lookup gave nothing to connect to
        self._noted_partial: set[str] = set()

    @classmethod
    def install(cls, reactor, allowed=(), routes=()) -> "GuardedResolver":
        """The reactor's guard (wrapping whatever resolver is installed), with this policy added."""
        guard = reactor.nameResolver
        if not isinstance(guard, cls):
            guard = cls(reactor.nameResolver)
            reactor.installNameResolver(guard)
        guard.allowed = tuple(dict.fromkeys((*guard.allowed, *allowed)))
        guard.routes.update(routes)
        return guard

    def resolveHostName(self, resolutionReceiver, hostName: str, portNumber: int = 0,
                        addressTypes=None, transportSemantics: str = "TCP"):
        receiver = resolutionReceiver
        host = hostName.strip("[]").lower()
        # Port 0: reactor.connectTCP by name, which Scrapy does only to reach a proxy (HTTPS tunnels).
        routed = (host, portNumber) in self.routes or (portNumber == 0 and any(h == host for h, _ in self.routes))
        if not routed:
            receiver = _FilteringReceiver(self, resolutionReceiver, hostName)
        return self.wrapped.resolveHostName(receiver, hostName, portNumber, addressTypes, transportSemantics)

    def _remember(self, host: str, refusal: Refusal | None) -> None:
        self.refusals.pop(host, None)
        if refusal is not None:
            if len(self.refusals) >= MAX_REMEMBERED:
                self.refusals.pop(next(iter(self.refusals)))
            self.refusals[host] = refusal

    def _note_partial(self, host: str, refusal: Refusal) -> None:
        """A name with public and internal addresses: only the public ones are used; said once."""
        if host not in self._noted_partial and len(self._noted_partial) < MAX_REMEMBERED:
            self._noted_partial.add(host)
            logger.warning("%s also resolves to %s (a %s address), which is never connected to",
                           host, refusal.address, refusal.reason)


@implementer(IResolutionReceiver)
class _FilteringReceiver:
    """Passes on the addresses that may be connected to; notes the others."""

    def __init__(self, guard: GuardedResolver, receiver, host: str):
        self.guard, self.receiver, self.host = guard, receiver, host.strip("[]").lower()
        self.kept = 0
        self.refused: Refusal | None = None

    def resolutionBegan(self, resolution) -> None:  # noqa: N802 (Twisted naming)
        self.receiver.resolutionBegan(resolution)

    def addressResolved(self, address) -> None:  # noqa: N802
        text = str(getattr(address, "host", ""))
        ip = parse_address(text)
        reason = "unparsable" if ip is None else blocked_reason(ip, self.guard.allowed)
        if reason is None:
            self.kept += 1
            self.receiver.addressResolved(address)
        elif self.refused is None:
            self.refused = Refusal(self.host, text, reason)

    def resolutionComplete(self) -> None:  # noqa: N802
        self.guard._remember(self.host, self.refused if not self.kept else None)
        if self.kept and self.refused is not None:
            self.guard._note_partial(self.host, self.refused)
        self.receiver.resolutionComplete()


class RequestGuard:
    """The download handler's side of the guard for one crawl: checks, refusals, log and stats."""

    def __init__(self, allowed: tuple[IPNetwork, ...], routes: set[tuple[str, int]], stats=None):
        self.allowed = allowed
        self.routes = set(routes)  # host-map targets and proxies: reached only through their route
        self.stats = stats
        self._logged: set[str] = set()
        self._resolver: GuardedResolver | None = None

    @classmethod
    def from_settings(cls, settings, host_map: dict[str, str], stats=None) -> "RequestGuard":
        allowed = parse_networks(settings.getlist("NEWSCRAWL_ALLOW_NETWORKS"))
        return cls(allowed, {host_port(target) for target in host_map.values()}, stats)

    def resolver(self, reactor) -> GuardedResolver:
        """The reactor's guard, (re)installed if another resolver took its place since."""
        if self._resolver is None or reactor.nameResolver is not self._resolver:
            self._resolver = GuardedResolver.install(reactor, self.allowed, self.routes)
        return self._resolver

    def check_url(self, url: str, proxy: str | None = None) -> None:
        """Refuse before any lookup: an internal address literal, or a route's target asked for directly."""
        host, port = host_port(url)
        if proxy:
            self.routes.add(host_port(proxy))  # the user's proxy; it resolves the names itself
            if self._resolver is not None:
                self._resolver.routes.update(self.routes)
        if (host, port) in self.routes:
            self.refuse(url, Refusal(host, host, ROUTED))
        ip = parse_address(host)
        reason = ip is not None and blocked_reason(ip, self.allowed)
        if reason:
            self.refuse(url, Refusal(host, host, reason))

    def check_peer(self, url: str, peer) -> None:
        """The address the response really came from (after every lookup) must be allowed too."""
        ip = parse_address(str(peer)) if peer is not None else None
        reason = ip is not None and blocked_reason(ip, self.allowed)
        if reason:
            self.refuse(url, Refusal(host_port(url)[0], str(ip), reason))

    def lookup_refusal(self, url: str) -> Refusal | None:
        """Why the resolver left nothing to connect to for this URL's host, if it did."""
        return self._resolver.refusals.get(host_port(url)[0]) if self._resolver is not None else None

    def refuse(self, url: str, refusal: Refusal):
        error = AddressRefused(url, refusal)
        if self.stats is not None:
            self.stats.inc_value(f"{STATS}refused")
            self.stats.inc_value(f"{STATS}refused/{refusal.reason.split(' ')[0]}")
            if refusal.host not in self._logged:
                self.stats.inc_value(f"{STATS}refused_hosts")
        if refusal.host not in self._logged:
            self._logged.add(refusal.host)
            logger.warning("Refused %s; further requests to %s are refused without a log line", error, refusal.host)
        raise error

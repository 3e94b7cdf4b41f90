"""A test name resolver (TWISTED_DNS_RESOLVER): fixed answers for chosen names, the real resolver for the rest.

`-s NEWSCRAWL_TEST_DNS={"intranet.lureprint.test": [["127.0.0.2"]]}` answers that name with
127.0.0.2; several answers are given in turn, one per lookup (a DNS-rebinding name:
[["127.0.0.3"], ["127.0.0.2"]]). Only loopback addresses are used in tests: if the guard
failed, nothing would leave the machine.
"""

from __future__ import annotations

import itertools
import json

from twisted.internet.address import IPv4Address, IPv6Address
from twisted.internet.interfaces import IHostnameResolver
from zope.interface import implementer


class _Resolution:
    def __init__(self, name: str):
        self.name = name

    def cancel(self) -> None:
        pass


@implementer(IHostnameResolver)
class FixedAnswersResolver:
    def __init__(self, reactor, answers: dict[str, list[list[str]]]):
        self.reactor = reactor
        self.fallback = reactor.nameResolver
        self.answers = {name.lower(): itertools.cycle(turns) for name, turns in answers.items()}
        self.lookups: dict[str, int] = {}

    @classmethod
    def from_crawler(cls, crawler, reactor):
        raw = crawler.settings.get("NEWSCRAWL_TEST_DNS") or "{}"
        return cls(reactor, json.loads(raw) if isinstance(raw, str) else dict(raw))

    def install_on_reactor(self) -> None:
        self.reactor.installNameResolver(self)

    def resolveHostName(self, resolutionReceiver, hostName, portNumber=0, addressTypes=None,  # noqa: N802
                        transportSemantics="TCP"):
        turns = self.answers.get(hostName.lower())
        if turns is None:
            return self.fallback.resolveHostName(resolutionReceiver, hostName, portNumber, addressTypes,
                                                 transportSemantics)
        resolution = _Resolution(hostName)
        resolutionReceiver.resolutionBegan(resolution)
        for address in next(turns):
            kind = IPv6Address if ":" in address else IPv4Address
            resolutionReceiver.addressResolved(kind("TCP", address, portNumber))
        resolutionReceiver.resolutionComplete()
        return resolution

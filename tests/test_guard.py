"""The address guard's resolver and per-crawl checks, driven with a test resolver (no sockets)."""

from __future__ import annotations

import logging

import pytest
from scrapy.statscollectors import MemoryStatsCollector
from scrapy.utils.test import get_crawler

from newscrawl.downloader.addresses import parse_networks
from newscrawl.downloader.guard import AddressRefused, GuardedResolver, RequestGuard
from tests.fake_dns import FixedAnswersResolver


class Reactor:
    """Just the pluggable-name-resolver part of a reactor."""

    def __init__(self, answers=None):
        self.nameResolver = None
        self.nameResolver = FixedAnswersResolver(self, answers or {})

    def installNameResolver(self, resolver):  # noqa: N802 (Twisted naming)
        previous, self.nameResolver = self.nameResolver, resolver
        return previous


class Receiver:
    def __init__(self):
        self.addresses, self.complete = [], False

    def resolutionBegan(self, resolution):  # noqa: N802
        pass

    def addressResolved(self, address):  # noqa: N802
        self.addresses.append(address.host)

    def resolutionComplete(self):  # noqa: N802
        self.complete = True


def lookup(guard, name, port=443) -> list[str]:
    receiver = Receiver()
    guard.resolveHostName(receiver, name, port)
    assert receiver.complete
    return receiver.addresses


ANSWERS = {
    "intranet.example": [["10.0.0.5"]],
    "metadata.example": [["169.254.169.254"]],
    "mixed.example": [["93.184.216.34", "127.0.0.1"]],
    "rebind.example": [["93.184.216.34"], ["127.0.0.1"]],
    "v6.example": [["fd00::7"]],
}


@pytest.fixture
def guard():
    return GuardedResolver.install(Reactor(ANSWERS))


def test_a_name_resolving_inside_gives_nothing_to_connect_to(guard):
    assert lookup(guard, "intranet.example") == []
    assert lookup(guard, "metadata.example") == []
    assert lookup(guard, "v6.example") == []
    assert guard.refusals["intranet.example"].reason == "private"
    assert guard.refusals["metadata.example"].address == "169.254.169.254"
    assert guard.refusals["v6.example"].reason == "private"


def test_only_public_addresses_of_a_mixed_name_are_used(guard, caplog):
    with caplog.at_level(logging.WARNING):
        assert lookup(guard, "mixed.example") == ["93.184.216.34"]
        assert lookup(guard, "mixed.example") == ["93.184.216.34"]
    assert "mixed.example" not in guard.refusals
    assert caplog.text.count("also resolves to 127.0.0.1") == 1


def test_every_lookup_is_judged_so_rebinding_gains_nothing(guard):
    """Each connection attempt gets its own lookup, and what it connects to is what was judged."""
    results = [lookup(guard, "rebind.example") for _ in range(4)]
    assert results == [["93.184.216.34"], [], ["93.184.216.34"], []]
    assert "rebind.example" in guard.refusals  # the last lookup was refused


def test_routes_and_allowed_networks(guard):
    reactor = Reactor({"127.0.0.1": [["127.0.0.1"]], "intranet.example": [["10.0.0.5"]]})
    guard = GuardedResolver.install(reactor, parse_networks(["10.0.0.0/8"]), {("127.0.0.1", 8123)})
    assert lookup(guard, "127.0.0.1", 8123) == ["127.0.0.1"]  # the host map's target, on its port
    assert lookup(guard, "127.0.0.1", 8124) == []  # any other port of it is not
    assert lookup(guard, "127.0.0.1", 0) == ["127.0.0.1"]  # a lookup by name alone: reaching a proxy
    assert lookup(guard, "intranet.example") == ["10.0.0.5"]


def test_installed_once_and_reinstalled_over_a_replacement():
    reactor = Reactor(ANSWERS)
    crawl = RequestGuard(parse_networks([]), set())
    first = crawl.resolver(reactor)
    assert reactor.nameResolver is first and crawl.resolver(reactor) is first
    assert GuardedResolver.install(reactor) is first
    reactor.installNameResolver(FixedAnswersResolver(reactor, ANSWERS))  # something replaced it
    second = crawl.resolver(reactor)
    assert second is not first and reactor.nameResolver is second
    assert lookup(second, "intranet.example") == []


def make_request_guard(**settings):
    crawler = get_crawler(settings_dict={"NEWSCRAWL_ALLOW_NETWORKS": [], **settings})
    stats = MemoryStatsCollector(crawler)
    return RequestGuard.from_settings(crawler.settings, {"apnews.com": "127.0.0.1:8123"}, stats), stats


@pytest.mark.parametrize("url, words", [
    ("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local address"),
    ("http://[::1]:8080/", "::1 is a loopback address"),
    ("http://[::ffff:127.0.0.1]/", "::ffff:127.0.0.1 is a loopback address"),
    ("https://10.0.0.5/admin", "10.0.0.5 is a private address"),
    ("http://100.64.1.1/", "carrier-grade NAT"),
    ("http://0.0.0.0:6379/", "unspecified"),
    ("http://news.example.com@10.0.0.5/", "10.0.0.5 is a private address"),  # userinfo is not the host
    ("http://127.0.0.1:8123/", "NEWSCRAWL_HOST_MAP or a proxy routes to"),
])
def test_address_literals_are_refused_before_any_lookup(url, words):
    guard, stats = make_request_guard()
    with pytest.raises(AddressRefused, match=words.replace("(", r"\(").replace(".", r"\.")):
        guard.check_url(url)
    assert stats.get_value("newscrawl/safety/refused") == 1


def test_public_literals_and_names_pass_the_first_check():
    guard, stats = make_request_guard()
    guard.check_url("http://93.184.216.34/news")
    guard.check_url("https://example.com/")
    assert stats.get_value("newscrawl/safety/refused") is None


def test_allowed_network_literal_passes():
    guard, _ = make_request_guard(NEWSCRAWL_ALLOW_NETWORKS="10.0.0.0/8")
    guard.check_url("http://10.1.2.3/intranet/news")
    with pytest.raises(AddressRefused):
        guard.check_url("http://192.168.0.1/")


def test_the_peer_of_a_response_is_checked_too():
    guard, _ = make_request_guard()
    guard.check_peer("https://example.com/", "93.184.216.34")
    with pytest.raises(AddressRefused, match="example.com is a loopback address|127.0.0.1"):
        guard.check_peer("https://example.com/", "127.0.0.1")


def test_a_proxy_is_a_route(caplog):
    guard, _ = make_request_guard()
    guard.check_url("https://example.com/", proxy="http://127.0.0.1:3128")  # the user's own proxy
    with pytest.raises(AddressRefused, match="routes to"):
        guard.check_url("http://127.0.0.1:3128/")


def test_refusals_are_counted_each_and_logged_once_per_host(caplog):
    guard, stats = make_request_guard()
    with caplog.at_level(logging.WARNING, logger="newscrawl.downloader.guard"):
        for path in ("/a", "/b", "/c"):
            with pytest.raises(AddressRefused):
                guard.check_url(f"http://10.0.0.5{path}")
        with pytest.raises(AddressRefused):
            guard.check_url("http://192.168.7.7/")
    assert stats.get_value("newscrawl/safety/refused") == 4
    assert stats.get_value("newscrawl/safety/refused/private") == 4
    assert stats.get_value("newscrawl/safety/refused_hosts") == 2
    assert len(caplog.records) == 2

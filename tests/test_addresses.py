"""Which addresses a crawl may connect to: the table of internal ranges and NEWSCRAWL_ALLOW_NETWORKS."""

from __future__ import annotations

import ipaddress

import pytest

from newscrawl.downloader.addresses import NetworkListError, blocked_reason, parse_address, parse_networks


@pytest.mark.parametrize("address, reason", [
    ("127.0.0.1", "loopback"),
    ("127.0.0.2", "loopback"),
    ("::1", "loopback"),
    ("10.0.0.5", "private"),
    ("172.16.3.4", "private"),
    ("192.168.1.1", "private"),
    ("fd12:3456::1", "private"),  # unique-local
    ("169.254.169.254", "link-local"),  # cloud metadata
    ("fe80::1", "link-local"),
    ("100.64.0.1", "carrier-grade NAT"),
    ("100.127.255.254", "carrier-grade NAT"),
    ("224.0.0.1", "multicast"),
    ("239.255.255.250", "multicast"),
    ("ff02::1", "multicast"),
    ("0.0.0.0", "unspecified"),
    ("::", "unspecified"),
    ("0.1.2.3", "private"),  # "this network"
    ("240.0.0.1", "private"),  # reserved for future use
    ("255.255.255.255", "private"),  # broadcast
    ("192.0.2.10", "private"),  # documentation
    ("2001:db8::1", "private"),  # documentation
    ("::ffff:127.0.0.1", "loopback"),  # IPv4-mapped: where the packets go
    ("::ffff:169.254.169.254", "link-local"),
    ("2002:0a00:0005::1", "private"),  # 6to4 of 10.0.0.5
    ("64:ff9b::a00:5", "private"),  # NAT64 of 10.0.0.5
])
def test_internal_addresses_are_blocked(address, reason):
    assert blocked_reason(ipaddress.ip_address(address)) == reason


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:4700::1111", "::ffff:8.8.8.8",
                                     "64:ff9b::808:808", "100.128.0.1", "172.32.0.1"])
def test_public_addresses_pass(address):
    assert blocked_reason(ipaddress.ip_address(address)) is None


def test_allowed_networks_open_exactly_what_they_list():
    allowed = parse_networks("10.0.0.0/8, fd00::/8")
    assert blocked_reason(ipaddress.ip_address("10.20.30.40"), allowed) is None
    assert blocked_reason(ipaddress.ip_address("::ffff:10.1.1.1"), allowed) is None
    assert blocked_reason(ipaddress.ip_address("fd00::5"), allowed) is None
    assert blocked_reason(ipaddress.ip_address("192.168.0.1"), allowed) == "private"
    assert blocked_reason(ipaddress.ip_address("127.0.0.1"), allowed) == "loopback"


def test_network_list_forms_and_errors():
    assert parse_networks(["127.0.0.2", "10.1.2.3/8", ""]) == (ipaddress.ip_network("127.0.0.2/32"),
                                                              ipaddress.ip_network("10.0.0.0/8"))
    with pytest.raises(NetworkListError, match="'intranet' is not a network"):
        parse_networks(["intranet"])


@pytest.mark.parametrize("text, expected", [
    ("127.0.0.1", "127.0.0.1"), ("[::1]", "::1"), ("fe80::1%eth0", "fe80::1"), ("example.com", None),
    ("2130706434", None),  # a name to the parser: the resolver's answer is what gets judged
])
def test_parse_address(text, expected):
    parsed = parse_address(text)
    assert (str(parsed) if parsed else None) == expected

"""The address check: IPv4 carried inside IPv6 is unwrapped, and nothing but public addresses pass."""

from __future__ import annotations

from ipaddress import IPv4Address, IPv6Address

import pytest

from geo.errors import FetchError
from geo.ingest.addresses import embedded_ipv4, not_public
from geo.ingest.fetch import FetchPolicy, check_url


@pytest.mark.parametrize(("address", "form", "inner"), [
    ("::ffff:10.0.0.1", "IPv4-mapped", "10.0.0.1"),
    ("::127.0.0.1", "IPv4-compatible", "127.0.0.1"),
    ("64:ff9b::a00:1", "NAT64", "10.0.0.1"),
    ("2002:c0a8:0101::1", "6to4", "192.168.1.1"),
    ("2001:0:4136:e378:8000:63bf:f5ff:fffe", "Teredo", "10.0.0.1"),  # the client's bits flipped: 0xf5fffffe
])
def test_each_form_gives_its_ipv4_address(address: str, form: str, inner: str) -> None:
    assert embedded_ipv4(IPv6Address(address)) == (form, IPv4Address(inner))


@pytest.mark.parametrize("address", ["2001:4860:4860::8888", "::1", "::"])
def test_other_ipv6_carries_nothing(address: str) -> None:
    assert embedded_ipv4(IPv6Address(address)) is None


@pytest.mark.parametrize(("address", "shown"), [
    ("::ffff:127.0.0.1", "127.0.0.1 inside the IPv4-mapped address"),
    ("::127.0.0.1", "127.0.0.1 inside the IPv4-compatible address"),
    ("::10.1.2.3", "10.1.2.3 inside the IPv4-compatible"),
    ("64:ff9b::127.0.0.1", "127.0.0.1 inside the NAT64 address"),
    ("64:ff9b::169.254.169.254", "169.254.169.254 inside the NAT64 address"),
    ("64:ff9b:1::8.8.8.8", "a local-use NAT64 address"),
    ("2002:7f00:1::1", "127.0.0.1 inside the 6to4 address"),
    ("2002:a9fe:a9fe::", "169.254.169.254 inside the 6to4 address"),
    ("2001:0:4136:e378:8000:63bf:f5ff:fffe", "10.0.0.1 inside the Teredo address"),
    ("2001:0:4136:e378:8000:63bf:f7f7:f7f7", "2001:0:4136:e378:8000:63bf:f7f7:f7f7"),  # public client: not routed
    ("::1", "::1"),
    ("::", "::"),
    ("100.64.0.1", "100.64.0.1"),  # shared address space (carrier NAT)
    ("198.18.0.1", "198.18.0.1"),  # benchmarking
    ("ff0e::1", "ff0e::1"),  # multicast, though "global"
    ("0.0.0.0", "0.0.0.0"),
])
def test_refused_forms(address: str, shown: str) -> None:
    assert shown in (not_public(address) or "")


@pytest.mark.parametrize("address", [
    "93.184.216.34", "2001:4860:4860::8888", "::ffff:8.8.8.8", "::8.8.8.8", "64:ff9b::8.8.8.8",
    "2002:808:808::1",
])
def test_public_forms_pass(address: str) -> None:
    assert not_public(address) is None


def test_junk_is_not_an_address() -> None:
    with pytest.raises(ValueError):
        not_public("not-an-address")


@pytest.mark.parametrize("url", [
    "http://[::127.0.0.1]/", "http://[::ffff:127.0.0.1]:8080/", "http://[64:ff9b::a9fe:a9fe]/latest/meta-data",
    "http://[2002:7f00:1::]/", "http://0x7f.1/",
])
def test_urls_with_such_hosts_are_refused(url: str) -> None:
    # An IP address in the URL is checked as it is; the resolver is asked only for names (0x7f.1 is one to it).
    with pytest.raises(FetchError, match="private or local address .*--allow-private"):
        check_url(url, FetchPolicy(), resolver=lambda host: ["127.0.0.1"])


def test_a_name_resolving_to_a_wrapped_private_address_is_refused() -> None:
    with pytest.raises(FetchError, match=r"10\.0\.0\.1 inside the NAT64 address"):
        check_url("https://news.example/a", FetchPolicy(), resolver=lambda host: ["93.184.216.34", "64:ff9b::a00:1"])
    with pytest.raises(FetchError, match="not an address"):
        check_url("https://news.example/a", FetchPolicy(), resolver=lambda host: ["nonsense"])
    with pytest.raises(FetchError, match="no address"):
        check_url("https://news.example/a", FetchPolicy(), resolver=lambda host: [])


def test_the_checked_addresses_are_returned_for_connecting() -> None:
    both = ["2001:4860:4860::8888", "93.184.216.34"]
    assert check_url("https://news.example/a", FetchPolicy(), resolver=lambda host: both) == both
    assert check_url("http://[::1]:8000/", FetchPolicy(allow_private=True), resolver=lambda host: []) == ["::1"]

"""Which IP addresses a fetch may connect to: the globally routable ones, IPv4 inside IPv6 unwrapped.

    not_public("10.0.0.1")          # -> "10.0.0.1"
    not_public("64:ff9b::a00:1")    # -> "10.0.0.1 inside the NAT64 address 64:ff9b::a00:1"
    not_public("93.184.216.34")     # -> None: it may be fetched

An IPv6 address can carry an IPv4 one that the network turns back into IPv4 on the way: IPv4-mapped
(``::ffff:a.b.c.d``), IPv4-compatible (``::a.b.c.d``), NAT64 (``64:ff9b::/96``), 6to4 (``2002::/16``, the
IPv4 address in bits 16-48) and Teredo (``2001::/32``, the client's address XOR ``0xffffffff`` in the last
32 bits). Such an address is refused when it is not globally routable itself (``ipaddress``'s
``is_global``) or when the address it carries is not. The local-use NAT64 prefix ``64:ff9b:1::/48``
(RFC 8215) is refused as a whole: where its IPv4 address sits depends on the local network.

May import: nothing of GeoBrief's (``ipaddress`` only); ``geo.ingest.fetch`` words the refusals.
"""

from __future__ import annotations

from ipaddress import IPv4Address, IPv6Address, IPv6Network, ip_address

_COMPATIBLE = IPv6Network("::/96")
_NAT64 = IPv6Network("64:ff9b::/96")
_NAT64_LOCAL = IPv6Network("64:ff9b:1::/48")
_LOW_32_BITS = 0xFFFFFFFF


def embedded_ipv4(ip: IPv6Address) -> tuple[str, IPv4Address] | None:
    """The IPv4 address ``ip`` carries and the name of the form that carries it, or None."""
    if ip.ipv4_mapped is not None:
        return "IPv4-mapped", ip.ipv4_mapped
    if ip in _COMPATIBLE and int(ip) > 1:  # not :: nor ::1, which carry no IPv4 address
        return "IPv4-compatible", IPv4Address(int(ip) & _LOW_32_BITS)
    if ip in _NAT64:
        return "NAT64", IPv4Address(int(ip) & _LOW_32_BITS)
    if ip.sixtofour is not None:
        return "6to4", ip.sixtofour
    if ip.teredo is not None:
        return "Teredo", ip.teredo[1]  # the client's address, its bits already flipped back by ipaddress
    return None


def not_public(address: str) -> str | None:
    """Why ``address`` is refused (the address, and the IPv4 one inside it), or None when it is public.

    ValueError when ``address`` is not an IP address at all.
    """
    ip = ip_address(address)
    if isinstance(ip, IPv6Address):
        if ip in _NAT64_LOCAL:
            return f"{ip}, a local-use NAT64 address"
        embedded = embedded_ipv4(ip)
        if embedded is not None:
            form, inner = embedded
            if inner.is_multicast or not inner.is_global:
                return f"{inner} inside the {form} address {ip}"
    if ip.is_multicast or not ip.is_global:
        return str(ip)
    return None

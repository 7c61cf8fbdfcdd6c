"""Which targets a webhook may reach, and how a request is signed.

Signature scheme (documented for receivers in docs/plugins.md): the header
``X-BEN-Signature`` is ``sha256=`` + hex HMAC-SHA256 over ``"<X-BEN-Timestamp>.<raw body>"``
with the subscription's secret. Receivers reject stale timestamps to stop replays.
"""

import hashlib
import hmac
import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings


def sign(secret: str, timestamp: str, body: bytes) -> str:
    digest = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return f"sha256={digest.hexdigest()}"


class RefusedTarget(Exception):
    """A target a webhook must not reach; the message (German) is shown to administrators."""


IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

#: A packet to one of these IPv6 addresses reaches the IPv4 host in its last 32 bits, so a
#: webhook aimed at ``[64:ff9b::7f00:1]`` is a webhook aimed at 127.0.0.1.
IPV4_COMPATIBLE = ipaddress.IPv6Network("::/96")  # deprecated, but still routed by some stacks
WELL_KNOWN_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
#: NAT64 prefix for an operator's own translators (RFC 8215): it leads into the operator's
#: network whichever IPv4 address it embeds, so it is never a public target.
LOCAL_USE_NAT64 = ipaddress.IPv6Network("64:ff9b:1::/48")


def embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 host an IPv6 transition address leads to, or None for a plain IPv6 address.

    IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::a.b.c.d),
    6to4 (2002:AABB:CCDD::/48) and Teredo (2001::/32, the client address is the inverted
    last 32 bits).
    """
    if address.ipv4_mapped:
        return address.ipv4_mapped
    if address.sixtofour:
        return address.sixtofour
    if address.teredo:
        return address.teredo[1]
    in_compatible_range = address in IPV4_COMPATIBLE and not (
        address.is_loopback or address.is_unspecified
    )
    if in_compatible_range or address in WELL_KNOWN_NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def is_public(address: IPAddress) -> bool:
    """Globally reachable and unicast, and so is every IPv4 host the address embeds."""
    if address.version == 6 and address.ipv4_mapped:  # the IPv4 host itself, written as IPv6
        return is_public(address.ipv4_mapped)
    if not address.is_global or address.is_multicast:
        return False
    if address.version == 4:
        return True
    if address in LOCAL_USE_NAT64:
        return False
    embedded = embedded_ipv4(address)
    return embedded is None or is_public(embedded)


def public_addresses(hostname: str, port: int) -> list[str]:
    """Resolve ``hostname`` once; its addresses if every one is public, else RefusedTarget."""
    try:
        infos = socket.getaddrinfo(hostname, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError, ValueError) as error:
        raise RefusedTarget(f"Der Host „{hostname}“ lässt sich nicht auflösen.") from error
    addresses = []
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if not is_public(address):
            raise RefusedTarget(
                f"Der Host „{hostname}“ zeigt auf die interne Adresse {_described(address)}; "
                "Webhooks dürfen nur öffentliche Adressen aufrufen."
            )
        addresses.append(info[4][0])
    return addresses


def _described(address: IPAddress) -> str:
    embedded = embedded_ipv4(address) if address.version == 6 else None
    return f"{embedded} (als {address})" if embedded else str(address)


def refusal_reason(url: str) -> str | None:
    """Why ``url`` must not be called (German, shown to administrators), or None.

    Only http(s) is allowed. Unless WEBHOOKS_ALLOW_PRIVATE_TARGETS is set, every address
    the host resolves to must be a public one: no loopback, private, link-local, reserved
    or multicast address, so a webhook cannot be aimed at the server's own network.
    """
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"}:
        return "Nur http- und https-Adressen sind erlaubt."
    if not parts.hostname:
        return "Die Adresse enthält keinen Host."
    if settings.WEBHOOKS_ALLOW_PRIVATE_TARGETS:
        return None
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        public_addresses(parts.hostname, port)
    except ValueError:
        return "Die Adresse enthält einen ungültigen Port."
    except RefusedTarget as refusal:
        return str(refusal)
    return None

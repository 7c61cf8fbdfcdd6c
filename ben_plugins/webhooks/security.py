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
        infos = socket.getaddrinfo(parts.hostname, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError, ValueError):
        return f"Der Host „{parts.hostname}“ lässt sich nicht auflösen."
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if address.version == 6 and address.ipv4_mapped:
            address = address.ipv4_mapped
        if not address.is_global or address.is_multicast:
            return (
                f"Der Host „{parts.hostname}“ zeigt auf die interne Adresse {address}; "
                "Webhooks dürfen nur öffentliche Adressen aufrufen."
            )
    return None

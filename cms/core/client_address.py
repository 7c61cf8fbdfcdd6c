"""The one rule for a client's IP address behind reverse proxies.

``API_TRUSTED_PROXIES`` says how many proxies (Varnish, a load balancer) stand in front of
BEN. Each appends the address it received the request from to ``X-Forwarded-For``, so the
last n entries are trustworthy and the n-th from the right is the client as the outermost
proxy saw it; anything further left was written by the client and is ignored. With 0 (the
default) the header is ignored entirely: anyone can send it.
"""

import ipaddress

from django.conf import settings


def client_ip(request) -> str:
    """The client's IP address by the trusted-proxy rule (REMOTE_ADDR when in doubt)."""
    remote_address = request.META.get("REMOTE_ADDR", "")
    proxies = settings.API_TRUSTED_PROXIES
    forwarded_for = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies <= 0 or not forwarded_for:
        return remote_address
    addresses = [address.strip() for address in forwarded_for.split(",")]
    candidate = addresses[-min(proxies, len(addresses))]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote_address

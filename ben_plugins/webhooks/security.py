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

import requests
from django.conf import settings
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import ConnectTimeoutError, NewConnectionError
from urllib3.util import connection


def sign(secret: str, timestamp: str, body: bytes) -> str:
    digest = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return f"sha256={digest.hexdigest()}"


class RefusedTarget(Exception):
    """A target a webhook must not reach; the message (German) is shown to administrators."""


def is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    return address.is_global and not address.is_multicast


def public_addresses(hostname: str, port: int) -> list[str]:
    """Resolve ``hostname`` once; its addresses if every one is public, else RefusedTarget."""
    try:
        infos = socket.getaddrinfo(hostname, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError, ValueError) as error:
        raise RefusedTarget(f"Der Host „{hostname}“ lässt sich nicht auflösen.") from error
    addresses = []
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if address.version == 6 and address.ipv4_mapped:
            address = address.ipv4_mapped
        if not is_public(address):
            raise RefusedTarget(
                f"Der Host „{hostname}“ zeigt auf die interne Adresse {address}; "
                "Webhooks dürfen nur öffentliche Adressen aufrufen."
            )
        addresses.append(info[4][0])
    return addresses


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


class PublicAddressConnectionMixin:
    """Connects only to an address that passed the check in the same resolution.

    Checking a URL and then letting the HTTP client resolve the name again allows DNS
    rebinding (public on the check, internal on the connect). Here the name is resolved
    once per connection, every address is checked, and the socket goes to a checked
    address. Host header, TLS SNI and certificate verification still use the hostname.
    """

    def _new_conn(self):
        if settings.WEBHOOKS_ALLOW_PRIVATE_TARGETS:
            return super()._new_conn()
        error = NewConnectionError(self, f"No address for {self.host}.")
        for address in public_addresses(self._dns_host, self.port):
            try:
                return connection.create_connection(
                    (address, self.port),
                    self.timeout,
                    source_address=self.source_address,
                    socket_options=self.socket_options,
                )
            except TimeoutError as timeout:
                error = ConnectTimeoutError(self, f"Connection to {self.host} timed out.")
                error.__cause__ = timeout
            except OSError as failure:
                error = NewConnectionError(self, f"Failed to establish a new connection: {failure}")
                error.__cause__ = failure
        raise error


class PublicHTTPConnection(PublicAddressConnectionMixin, HTTPConnection):
    pass


class PublicHTTPSConnection(PublicAddressConnectionMixin, HTTPSConnection):
    pass


class PublicHTTPConnectionPool(HTTPConnectionPool):
    ConnectionCls = PublicHTTPConnection


class PublicHTTPSConnectionPool(HTTPSConnectionPool):
    ConnectionCls = PublicHTTPSConnection


class PublicAddressAdapter(HTTPAdapter):
    def init_poolmanager(self, *args, **kwargs):
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {
            "http": PublicHTTPConnectionPool,
            "https": PublicHTTPSConnectionPool,
        }


def webhook_session() -> requests.Session:
    """A session whose connections reach checked public addresses only (no env proxies)."""
    session = requests.Session()
    session.trust_env = False
    adapter = PublicAddressAdapter()
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session

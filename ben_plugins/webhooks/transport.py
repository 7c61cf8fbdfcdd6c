"""One HTTP request to a webhook receiver: to checked public addresses only, and over within
a fixed time whatever the receiver does.

A per-read timeout does not bound an attempt: a receiver trickling one byte a second never
lets a read time out. So every attempt has a deadline (connect + send + read together); when
it passes, the attempt's sockets are shut down, which ends any read or handshake at once.
The response body is never read: the status code is all a delivery records.
"""

import contextlib
import functools
import socket
import threading
import time

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import ConnectTimeoutError, NewConnectionError
from urllib3.util import connection

from .security import public_addresses


class DeadlineExceeded(Exception):
    """The attempt took longer than its deadline; the message (German) goes into the log."""


class Deadline:
    """A moment after which the connections of one attempt are cut."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.ends_at = time.monotonic() + seconds
        self.passed = False
        self._connections: list[HTTPConnection] = []
        self._timer = threading.Timer(seconds, self._cut)
        self._timer.daemon = True

    def __enter__(self):
        self._timer.start()
        return self

    def __exit__(self, *exc_info):
        self._timer.cancel()

    def remaining(self) -> float:
        return max(self.ends_at - time.monotonic(), 0.0)

    def watch(self, conn: HTTPConnection) -> None:
        self._connections.append(conn)

    def _cut(self) -> None:
        self.passed = True
        for conn in self._connections:
            sock = conn.sock
            if sock is None:
                continue
            with contextlib.suppress(OSError):  # already closed by the attempt itself
                sock.shutdown(socket.SHUT_RDWR)


class PublicAddressConnectionMixin:
    """Connects only to an address that passed the check in the same resolution.

    Checking a URL and then letting the HTTP client resolve the name again allows DNS
    rebinding (public on the check, internal on the connect). Here the name is resolved
    once per connection, every address is checked, and the socket goes to a checked
    address. Host header, TLS SNI and certificate verification still use the hostname.
    """

    def __init__(self, *args, deadline: Deadline, allow_private: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.deadline = deadline
        self.allow_private = allow_private
        deadline.watch(self)

    def _new_conn(self):
        if self.allow_private:
            return super()._new_conn()
        error = NewConnectionError(self, f"No address for {self.host}.")
        for address in public_addresses(self._dns_host, self.port):
            try:
                return connection.create_connection(
                    (address, self.port),
                    min(self.timeout, self.deadline.remaining()),
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
    """Pools whose connections reach checked addresses and obey the attempt's deadline."""

    def __init__(self, deadline: Deadline, allow_private: bool):
        self.connection_options = {"deadline": deadline, "allow_private": allow_private}
        super().__init__()

    def init_poolmanager(self, *args, **kwargs):
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {
            "http": functools.partial(PublicHTTPConnectionPool, **self.connection_options),
            "https": functools.partial(PublicHTTPSConnectionPool, **self.connection_options),
        }


def post_within(
    seconds: float, url: str, body: bytes, headers: dict, *, allow_private: bool = False
) -> int:
    """POST ``body`` and answer the receiver's status code, all within ``seconds``.

    Raises DeadlineExceeded, RefusedTarget (the name resolved to an internal address when
    connecting) or a ``requests.RequestException``. Environment proxies are ignored.
    """
    with Deadline(seconds) as deadline, requests.Session() as session:
        session.trust_env = False
        adapter = PublicAddressAdapter(deadline, allow_private)
        session.mount("http://", adapter)
        session.mount("https://", adapter)
        try:
            with session.post(
                url,
                data=body,
                headers=headers,
                timeout=seconds,
                allow_redirects=False,
                stream=True,
            ) as response:
                return response.status_code
        except requests.RequestException as error:
            if deadline.passed:
                raise DeadlineExceeded(_too_slow(seconds)) from error
            raise


def _too_slow(seconds: float) -> str:
    return f"Zeitlimit: Der Empfänger hat nicht innerhalb von {seconds:g} s geantwortet."

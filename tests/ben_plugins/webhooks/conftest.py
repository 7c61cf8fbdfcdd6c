"""Real HTTP servers on 127.0.0.1: one answers with a planned sequence of statuses, one
trickles its answer byte by byte."""

import socketserver
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.test import override_settings

from ben_plugins.webhooks.models import WebhookSubscription

SECRET = "ein-langes-test-geheimnis-fuer-webhooks"


@dataclass
class Received:
    headers: dict
    body: bytes


@dataclass
class LocalReceiver:
    url: str
    plan: list[int] = field(default_factory=list)
    requests: list[Received] = field(default_factory=list)

    def next_status(self) -> int:
        return self.plan.pop(0) if self.plan else 200


@pytest.fixture
def local_receiver():
    """Started per test; every request is recorded, statuses follow ``receiver.plan``."""
    receiver = LocalReceiver(url="")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"]))
            receiver.requests.append(Received(dict(self.headers), body))
            self.send_response(receiver.next_status())
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    receiver.url = f"http://127.0.0.1:{server.server_address[1]}/hooks/ben"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield receiver
    server.shutdown()
    server.server_close()


TRICKLE_INTERVAL_SECONDS = 0.1
TRICKLE_MAX_BYTES = 60  # bounds the server's loop to 6 s whatever the client does


@pytest.fixture
def trickling_receiver():
    """Start a server on 127.0.0.1 that sends ``at_once``, then ``trickled`` one byte every
    0.1 s; answers its URL. The loop ends early when the client hangs up."""
    servers = []

    def start(at_once: bytes, trickled: bytes) -> str:
        class Handler(socketserver.BaseRequestHandler):
            def handle(self):
                self.request.settimeout(5)
                try:
                    self.request.recv(65536)
                    self.request.sendall(at_once)
                    for byte in trickled[:TRICKLE_MAX_BYTES]:
                        time.sleep(TRICKLE_INTERVAL_SECONDS)
                        self.request.sendall(bytes([byte]))
                except OSError:
                    return

        server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/hooks/ben"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture
def allow_loopback():
    """Tests reach their local server only with this explicit opt-in."""
    with override_settings(WEBHOOKS_ALLOW_PRIVATE_TARGETS=True):
        yield


@pytest.fixture
def subscription(local_receiver, allow_loopback, db):
    return WebhookSubscription.objects.create(
        name="Stadtportal",
        url=local_receiver.url,
        events=["published", "unpublished", "deleted"],
        secret=SECRET,
    )

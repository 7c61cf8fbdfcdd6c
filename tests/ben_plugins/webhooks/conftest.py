"""A real HTTP server on 127.0.0.1 that answers with a planned sequence of statuses."""

import threading
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

"""Fault tests: with Redis refusing connections or hanging, BEN serves every page type
uncached, rate limits keep counting per process, and /healthz tells the balancer."""

import socket
import threading

import pytest
from django.test import override_settings
from django.urls import reverse

from cms.core import cache as degrading
from tests.factories.pages import ClubPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db


def redis_cache_at(port: int) -> dict:
    return {
        "default": {
            "BACKEND": "cms.core.cache.DegradingRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }


@pytest.fixture(autouse=True)
def fresh_outage_state():
    degrading.outage.down_since = None
    degrading.local_counters.clear()
    yield
    degrading.outage.down_since = None


@pytest.fixture
def dead_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # closed again: nothing listens there


class HangingServer:
    """Accepts connections and never answers, like a Redis stuck in a long command."""

    def __init__(self):
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(50)
        self.port = self.listener.getsockname()[1]
        self.accepted = []
        self.thread = threading.Thread(target=self.accept, daemon=True)
        self.thread.start()

    def accept(self):
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            self.accepted.append(connection)

    def close(self):
        self.listener.close()
        for connection in self.accepted:
            connection.close()


@pytest.fixture
def hanging_port():
    server = HangingServer()
    yield server
    server.close()


@pytest.fixture
def content(site_tree):
    club = ClubPageFactory(parent=site_tree.clubs, title="Caritas")
    event = EventPageFactory(parent=club, title="Offenes Treffen")
    return {"club": club, "event": event}


def public_urls(content) -> list[str]:
    return [
        "/api/v1/events/",
        f"/api/v1/events/{content['event'].pk}/",
        "/api/v1/clubs/",
        "/api/v1/feeds/events.ics",
        "/api/v1/feeds/news.rss",
        content["event"].url,
        content["club"].url,
        "/",
    ]


def test_a_refused_connection_serves_everything_uncached(client, admin_client, content, dead_port):
    with override_settings(CACHES=redis_cache_at(dead_port)):
        for url in public_urls(content):
            assert client.get(url).status_code == 200, url
        assert admin_client.get(reverse("wagtailadmin_home")).status_code == 200
        assert client.get(public_urls(content)[0]).status_code == 200  # again, from nothing
    assert degrading.outage.down_since is not None


def test_a_hanging_redis_costs_one_timeout_not_one_per_call(client, content, hanging_port):
    with override_settings(CACHES=redis_cache_at(hanging_port.port)):
        for url in public_urls(content) * 3:
            assert client.get(url).status_code == 200, url
    # One connection waited for its timeout; every later call skipped Redis meanwhile.
    assert len(hanging_port.accepted) == 1


@override_settings(API_RATE_LIMIT_ANONYMOUS="3/minute")
def test_rate_limits_count_per_process_while_redis_is_down(client, content, dead_port):
    address = {"REMOTE_ADDR": "203.0.113.20"}
    with override_settings(CACHES=redis_cache_at(dead_port)):
        statuses = [client.get("/api/v1/events/", **address).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]


def test_healthz_reports_database_and_cache_separately(client, dead_port):
    healthy = client.get("/healthz")
    assert healthy.status_code == 200
    assert healthy.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-store" in healthy["Cache-Control"] or "max-age=0" in healthy["Cache-Control"]
    with override_settings(CACHES=redis_cache_at(dead_port)):
        down = client.get("/healthz")
    assert down.status_code == 503
    assert down.json() == {"status": "unavailable", "database": "ok", "cache": "unavailable"}


def test_redis_is_tried_again_after_the_pause(dead_port, monkeypatch):
    with override_settings(CACHES=redis_cache_at(dead_port)):
        from django.core.cache import cache

        assert cache.get("anything") is None
        first_failure = degrading.outage.down_since
        assert first_failure is not None
        monkeypatch.setattr(degrading, "RETRY_AFTER_SECONDS", 0)
        assert cache.get("anything") is None
        assert degrading.outage.down_since > first_failure  # tried, and failed again

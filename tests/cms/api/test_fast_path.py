"""The fast path (cms.api.fastpath): cached responses before Django, under the same rules.

Requests go through the production WSGI entry point with WebTest, as a server would send them.
"""

import os

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import override_settings
from webtest import TestApp

import cms.wsgi
from cms.api.fastpath import SKIPPED_FOR_HITS, FastPathWSGIHandler
from cms.api.models import ApiClient
from cms.api.preview import make_token
from cms.api.signals import invalidate_all
from cms.api.views import ContentViewSet
from tests.cms.api.conftest import PLUGIN_PREFIX
from tests.cms.api.redis_support import REDIS_URL, redis_available

pytestmark = pytest.mark.django_db

ORIGIN = "https://www.bitburg.example"


@pytest.fixture(params=["locmem", "redis"])
def shared_cache(request):
    """Each test runs against the local-memory cache and against Redis (own key prefix)."""
    if request.param == "locmem":
        backend = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    elif redis_available():
        worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
        prefix = f"{os.environ.get('CACHE_KEY_PREFIX', 'api')}-fastpath-{worker}"
        backend = {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        }
    else:
        pytest.skip("no Redis on this machine")
    with override_settings(CACHES={"default": backend}):
        invalidate_all()
        yield
        if request.param == "redis":
            raw = cache._cache.get_client(write=True)
            keys = raw.keys(f"{prefix}:*")
            if keys:
                raw.delete(*keys)
        else:
            cache.clear()


@pytest.fixture(autouse=True)
def keep_the_test_transaction_open():
    """As Django's test client does: the request signals must not close the database
    connection that holds the test's transaction (PostgreSQL closes it outside autocommit)."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


def wsgi_app(*, fast_path=True) -> TestApp:
    """A WSGI handler loads the middleware when built: build it inside overrides."""
    return TestApp(FastPathWSGIHandler() if fast_path else WSGIHandler())


@pytest.fixture
def app(shared_cache):
    return wsgi_app()


def get(app: TestApp, url: str, *, address: str = "198.51.100.7", method="get", **headers):
    """A request as a server sends it; errors are returned, not raised."""
    return getattr(app, method)(
        url, headers=headers, extra_environ={"REMOTE_ADDR": address}, status="*"
    )


@pytest.fixture
def view_runs(monkeypatch):
    """Paths the DRF view was dispatched for; a fast-path answer never appears here."""
    runs = []
    dispatch = ContentViewSet.dispatch

    def counting_dispatch(self, request, *args, **kwargs):
        runs.append(request.path)
        return dispatch(self, request, *args, **kwargs)

    monkeypatch.setattr(ContentViewSet, "dispatch", counting_dispatch)
    return runs


def issue_client(name="Stadt-App") -> tuple[ApiClient, str]:
    api_client = ApiClient(name=name)
    key = api_client.issue_key()
    api_client.save()
    return api_client, key


URLS = [
    "/api/v1/events/",
    "/api/v1/events/{event.pk}/",
    "/api/v1/clubs/{club.slug}/",
    "/api/v1/news/?fields=id,title&limit=5",
    "/api/v1/events/?upcoming=true",
]


def test_the_production_entry_point_has_the_fast_path():
    assert isinstance(cms.wsgi.application, FastPathWSGIHandler)
    assert settings.WSGI_APPLICATION == "cms.wsgi.application"


@override_settings(CORS_ALLOWED_ORIGINS=[ORIGIN])
@pytest.mark.parametrize("template", URLS)
def test_same_bytes_and_headers_as_the_normal_path(shared_cache, content, view_runs, template):
    url = template.format(**content)
    headers = {"Origin": ORIGIN, "Accept-Language": "en"}
    slow_app = wsgi_app(fast_path=False)
    get(slow_app, url, **headers)
    slow = get(slow_app, url, **headers)  # a cache hit on the normal path
    slow_304 = get(slow_app, url, **headers, **{"If-None-Match": slow.headers["ETag"]})
    slow_head = get(slow_app, url, method="head", **headers)
    assert len(view_runs) == 4

    fast_app = wsgi_app()
    fast = get(fast_app, url, **headers)
    fast_304 = get(fast_app, url, **headers, **{"If-None-Match": slow.headers["ETag"]})
    fast_head = get(fast_app, url, method="head", **headers)
    assert len(view_runs) == 4, "answered by the view, not the fast path"
    assert (fast.status_int, fast_304.status_int, fast_head.status_int) == (200, 304, 200)
    assert fast.body == slow.body
    assert fast.headerlist == slow.headerlist
    assert fast_304.headerlist == slow_304.headerlist
    assert fast_head.headerlist == slow_head.headerlist
    assert fast.headers["Access-Control-Allow-Origin"] == ORIGIN
    assert fast.headers["Content-Language"] == "en"
    assert fast.headers["X-Content-Type-Options"] == "nosniff"


class StampMiddleware:
    """A deployment's own middleware: a hit must pass it like the view's response does."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response["X-Stamp"] = request.path
        return response


def test_hits_pass_every_middleware_but_the_inert_ones(shared_cache, content, view_runs):
    with override_settings(MIDDLEWARE=[*settings.MIDDLEWARE, f"{__name__}.StampMiddleware"]):
        app = wsgi_app()
        get(app, "/api/v1/events/")
        hit = get(app, "/api/v1/events/")
    assert len(view_runs) == 1
    assert hit.headers["X-Stamp"] == "/api/v1/events/"
    assert "Set-Cookie" not in hit.headers and "Cookie" not in hit.headers.get("Vary", "")
    assert set(settings.MIDDLEWARE) > SKIPPED_FOR_HITS


@override_settings(SECURE_SSL_REDIRECT=True, API_RATE_LIMIT_ANONYMOUS="2/hour")
@pytest.mark.parametrize("fast_path", [False, True])
def test_https_redirects_come_first_and_count_nothing(shared_cache, content, view_runs, fast_path):
    app = wsgi_app(fast_path=fast_path)
    https = {"wsgi.url_scheme": "https", "REMOTE_ADDR": "203.0.113.77"}
    assert app.get("/api/v1/events/", extra_environ=https).status_int == 200
    for _ in range(3):
        redirected = get(app, "/api/v1/events/", address="203.0.113.77")
        assert redirected.status_int == 301
        assert redirected.headers["Location"] == "https://localhost:80/api/v1/events/"
    assert app.get("/api/v1/events/", extra_environ=https).status_int == 200
    assert len(view_runs) == (1 if fast_path else 2)


@override_settings(
    SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https"),
    SECURE_HSTS_SECONDS=3600,
    SECURE_HSTS_INCLUDE_SUBDOMAINS=True,
    SECURE_SSL_REDIRECT=True,
    CORS_ALLOWED_ORIGINS=[ORIGIN],
)
def test_hits_behind_a_tls_proxy_carry_hsts_like_the_view(shared_cache, content, view_runs):
    headers = {"X-Forwarded-Proto": "https", "Origin": ORIGIN}
    slow_app = wsgi_app(fast_path=False)
    get(slow_app, "/api/v1/events/", **headers)
    slow = get(slow_app, "/api/v1/events/", **headers)
    since = {"If-Modified-Since": slow.headers["Last-Modified"]}
    slow_304 = get(slow_app, "/api/v1/events/", **headers, **since)
    fast_app = wsgi_app()
    fast = get(fast_app, "/api/v1/events/", **headers)
    fast_304 = get(fast_app, "/api/v1/events/", **headers, **since)
    assert len(view_runs) == 3
    assert fast.headerlist == slow.headerlist
    assert fast.headers["Strict-Transport-Security"] == "max-age=3600; includeSubDomains"
    assert fast_304.status_int == 304 and fast_304.headerlist == slow_304.headerlist


def test_endpoints_switched_off_at_runtime_are_not_answered_from_the_cache(
    shared_cache, site_tree, plugin_endpoint, view_runs
):
    app, url = wsgi_app(), f"/api/v1/{PLUGIN_PREFIX}/"
    assert get(app, url).status_int == 200
    assert get(app, url).status_int == 200
    assert len(view_runs) == 1
    plugin_endpoint["enabled"] = False
    switched_off = get(app, url)
    assert switched_off.status_int == 404
    assert switched_off.headers["Content-Type"] == "application/problem+json"


def test_hits_send_the_request_signals(app, content, view_runs):
    """request_started/finished close stale database connections; hits need them too."""
    signals = []
    on_started = lambda **kwargs: signals.append("started")  # noqa: E731
    on_finished = lambda **kwargs: signals.append("finished")  # noqa: E731
    request_started.connect(on_started)
    request_finished.connect(on_finished)
    try:
        get(app, "/api/v1/events/")
        get(app, "/api/v1/events/")
    finally:
        request_started.disconnect(on_started)
        request_finished.disconnect(on_finished)
    assert len(view_runs) == 1
    assert signals == ["started", "finished"] * 2


def test_requests_it_cannot_judge_go_to_django(app, content, view_runs):
    get(app, "/api/v1/events/")
    bad_host = get(app, "/api/v1/events/", Host="evil.example")
    assert bad_host.status_int == 400
    not_an_endpoint = get(app, "/api/v1/unknown/")
    assert not_an_endpoint.status_int == 404
    assert not_an_endpoint.headers["Content-Type"] == "application/problem+json"
    assert get(app, "/api/v1/events/", method="post").status_int == 405
    assert len(view_runs) == 2  # the miss and the POST


def test_304_and_head_without_sql(app, content, view_runs, django_assert_num_queries):
    url = f"/api/v1/events/{content['event'].pk}/"
    first = get(app, url)
    with django_assert_num_queries(0):
        by_etag = get(app, url, **{"If-None-Match": first.headers["ETag"]})
        by_date = get(app, url, **{"If-Modified-Since": first.headers["Last-Modified"]})
        other_etag = get(app, url, **{"If-None-Match": '"something-else"'})
        head = get(app, url, method="head")
    assert (by_etag.status_int, by_date.status_int) == (304, 304)
    assert by_etag.body == b"" and by_etag.headers["ETag"] == first.headers["ETag"]
    assert other_etag.status_int == 200 and other_etag.body == first.body
    assert head.status_int == 200 and head.headers["ETag"] == first.headers["ETag"]
    assert view_runs == [url]


@override_settings(API_RATE_LIMIT_ANONYMOUS="3/hour")
def test_anonymous_rate_limit_applies_to_cached_hits(app, content, view_runs):
    address = "203.0.113.30"
    statuses = [get(app, "/api/v1/events/", address=address).status_int for _ in range(4)]
    # The first request (a miss) passed the fast path and the view but is counted once.
    assert statuses == [200, 200, 200, 429]
    limited = get(app, "/api/v1/events/", address=address)
    assert limited.status_int == 429
    assert limited.headers["Content-Type"] == "application/problem+json"
    assert limited.json["status"] == 429
    assert 1 <= int(limited.headers["Retry-After"]) <= 3600
    assert get(app, "/api/v1/events/", address="203.0.113.31").status_int == 200
    assert len(view_runs) == 3  # the miss and the two 429 problem responses


@override_settings(API_RATE_LIMIT_ANONYMOUS="1/hour", API_RATE_LIMIT_CLIENT="4/hour")
def test_client_rate_limit_applies_to_cached_hits(
    app, content, view_runs, django_assert_num_queries
):
    api_client, key = issue_client()
    address = "203.0.113.40"
    assert get(app, "/api/v1/events/", address=address, **{"X-API-Key": key}).status_int == 200
    with django_assert_num_queries(0):
        statuses = [
            get(app, "/api/v1/events/", address=address, **{"X-API-Key": key}).status_int,
            get(app, "/api/v1/events/", address=address, Authorization=f"Api-Key {key}").status_int,
            get(app, "/api/v1/events/", address=address, **{"X-API-Key": key}).status_int,
        ]
    assert statuses == [200, 200, 200]  # above the anonymous limit, within the client's
    limited = get(app, "/api/v1/events/", address=address, **{"X-API-Key": key})
    assert limited.status_int == 429
    assert limited.headers["Content-Type"] == "application/problem+json"
    assert int(limited.headers["Retry-After"]) >= 1
    assert len(view_runs) == 2  # the first, key-verifying request and the 429
    api_client.refresh_from_db()
    assert api_client.last_used_at is not None


def test_revoked_or_forged_keys_are_refused_although_the_response_is_cached(
    app, content, view_runs
):
    api_client, key = issue_client()
    assert get(app, "/api/v1/events/", **{"X-API-Key": key}).status_int == 200
    assert get(app, "/api/v1/events/", **{"X-API-Key": key}).status_int == 200
    assert len(view_runs) == 1  # the second came from the fast path

    forged = key[:-4] + ("AAAA" if not key.endswith("AAAA") else "BBBB")
    refused = get(app, "/api/v1/events/", **{"X-API-Key": forged})
    assert refused.status_int == 401 and refused.headers["WWW-Authenticate"] == "Api-Key"
    assert get(app, "/api/v1/events/", **{"X-API-Key": "ben_nonsense"}).status_int == 401

    api_client.is_active = False
    api_client.save()
    revoked = get(app, "/api/v1/events/", **{"X-API-Key": key})
    assert revoked.status_int == 401
    assert revoked.headers["Content-Type"] == "application/problem+json"
    assert revoked.json["status"] == 401


def test_preview_tokens_and_drafts_never_come_from_the_cache(app, content, view_runs):
    event = content["event"]
    url = f"/api/v1/events/{event.pk}/"
    live = get(app, url).json
    event.title = "Offenes Treffen – Entwurf"
    revision = event.save_revision()
    token = make_token(event, revision)
    for _ in range(2):
        preview = get(app, f"{url}?preview_token={token}")
        assert preview.json["title"] == "Offenes Treffen – Entwurf"
        assert preview.headers["Cache-Control"] == "private, no-store"
    assert get(app, url).json == live  # the live state, from the fast path
    assert view_runs == [url, url, url]

    draft_urls = [
        f"/api/v1/events/{content['draft_event'].pk}/",
        f"/api/v1/news/{content['draft_news'].pk}/",
    ]
    for draft_url in draft_urls * 2:
        assert get(app, draft_url).status_int == 404
    assert "Geheimer Entwurf" not in get(app, "/api/v1/events/").text


def test_publishing_is_visible_at_once(app, content, view_runs, django_assert_num_queries):
    event = content["event"]
    before = get(app, "/api/v1/events/")
    event.title = "Offenes Treffen (neuer Ort)"
    event.save_revision().publish()
    after = get(app, "/api/v1/events/", **{"If-None-Match": before.headers["ETag"]})
    assert after.status_int == 200
    assert after.json["results"][0]["title"] == "Offenes Treffen (neuer Ort)"
    with django_assert_num_queries(0):
        again = get(app, "/api/v1/events/")
    assert again.body == after.body
    assert len(view_runs) == 2

    event.unpublish()
    assert get(app, "/api/v1/events/").json["count"] == 0
    assert get(app, f"/api/v1/events/{event.pk}/").status_int == 404


def test_cached_partners_roll_over_with_the_date_in_berlin(
    app, midnight_in_berlin, view_runs, django_assert_num_queries
):
    url = midnight_in_berlin.url
    get(app, url)
    with django_assert_num_queries(0):
        assert get(app, url).json["count"] == 1
    midnight_in_berlin.pass_midnight()
    assert get(app, url).json["count"] == 0
    assert view_runs == [url, url]  # the fast path did not answer with yesterday's list
    with django_assert_num_queries(0):
        assert get(app, url).json["count"] == 0

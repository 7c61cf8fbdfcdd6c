"""The fast path (cms.api.fastpath): cached responses without DRF, under the same rules."""

import os

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client, override_settings

from cms.api.models import ApiClient
from cms.api.preview import make_token
from cms.api.signals import invalidate_all
from cms.api.views import ContentViewSet
from tests.cms.api.redis_support import REDIS_URL, redis_available

pytestmark = pytest.mark.django_db

FAST_PATH = "cms.api.fastpath.CachedResponseMiddleware"
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


def without_fast_path():
    """A Client's handler loads the middleware at its first request: make it inside this."""
    return override_settings(MIDDLEWARE=[name for name in settings.MIDDLEWARE if name != FAST_PATH])


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


def test_fast_path_is_the_last_middleware():
    assert settings.MIDDLEWARE[-1] == FAST_PATH


@override_settings(CORS_ALLOWED_ORIGINS=[ORIGIN])
@pytest.mark.parametrize("template", URLS)
def test_same_bytes_and_headers_as_the_normal_path(shared_cache, content, view_runs, template):
    url = template.format(**content)
    request_headers = {"HTTP_ORIGIN": ORIGIN, "HTTP_ACCEPT_LANGUAGE": "en"}
    with without_fast_path():
        slow_client = Client()
        slow_client.get(url, **request_headers)
        slow = slow_client.get(url, **request_headers)  # a cache hit on the normal path
        slow_304 = slow_client.get(url, HTTP_IF_NONE_MATCH=slow["ETag"], **request_headers)
    assert len(view_runs) == 3
    fast = Client().get(url, **request_headers)
    fast_304 = Client().get(url, HTTP_IF_NONE_MATCH=slow["ETag"], **request_headers)
    assert len(view_runs) == 3, "answered by the view, not the fast path"
    assert fast.status_code == 200 and fast_304.status_code == 304
    assert fast.content == slow.content
    assert list(fast.items()) == list(slow.items())
    assert list(fast_304.items()) == list(slow_304.items())
    assert fast["Access-Control-Allow-Origin"] == ORIGIN
    assert fast["Content-Language"] == "en"


def test_304_and_head_without_sql(
    shared_cache, client, content, view_runs, django_assert_num_queries
):
    url = f"/api/v1/events/{content['event'].pk}/"
    first = client.get(url)
    with django_assert_num_queries(0):
        by_etag = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
        by_date = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
        other_etag = client.get(url, HTTP_IF_NONE_MATCH='"something-else"')
        head = client.head(url)
    assert (by_etag.status_code, by_date.status_code) == (304, 304)
    assert by_etag.content == b"" and by_etag["ETag"] == first["ETag"]
    assert other_etag.status_code == 200 and other_etag.content == first.content
    assert head.status_code == 200 and head["ETag"] == first["ETag"]
    assert view_runs == [url]


@override_settings(API_RATE_LIMIT_ANONYMOUS="3/hour")
def test_anonymous_rate_limit_applies_to_cached_hits(shared_cache, client, content, view_runs):
    address = {"REMOTE_ADDR": "203.0.113.30"}
    statuses = [client.get("/api/v1/events/", **address).status_code for _ in range(4)]
    # The first request (a miss) passed the fast path and the view but is counted once.
    assert statuses == [200, 200, 200, 429]
    limited = client.get("/api/v1/events/", **address)
    assert limited.status_code == 429
    assert limited["Content-Type"] == "application/problem+json"
    assert limited.json()["status"] == 429
    assert 1 <= int(limited["Retry-After"]) <= 3600
    assert client.get("/api/v1/events/", REMOTE_ADDR="203.0.113.31").status_code == 200
    assert len(view_runs) == 3  # the miss and the two 429 problem responses


@override_settings(API_RATE_LIMIT_ANONYMOUS="1/hour", API_RATE_LIMIT_CLIENT="4/hour")
def test_client_rate_limit_applies_to_cached_hits(
    shared_cache, client, content, view_runs, django_assert_num_queries
):
    api_client, key = issue_client()
    address = {"REMOTE_ADDR": "203.0.113.40"}
    assert client.get("/api/v1/events/", HTTP_X_API_KEY=key, **address).status_code == 200
    with django_assert_num_queries(0):
        statuses = [
            client.get("/api/v1/events/", HTTP_X_API_KEY=key, **address).status_code,
            client.get(
                "/api/v1/events/", HTTP_AUTHORIZATION=f"Api-Key {key}", **address
            ).status_code,
            client.get("/api/v1/events/", HTTP_X_API_KEY=key, **address).status_code,
        ]
    assert statuses == [200, 200, 200]  # above the anonymous limit, within the client's
    limited = client.get("/api/v1/events/", HTTP_X_API_KEY=key, **address)
    assert limited.status_code == 429
    assert limited["Content-Type"] == "application/problem+json"
    assert int(limited["Retry-After"]) >= 1
    assert len(view_runs) == 2  # the first, key-verifying request and the 429
    api_client.refresh_from_db()
    assert api_client.last_used_at is not None


def test_revoked_or_forged_keys_are_refused_although_the_response_is_cached(
    shared_cache, client, content, view_runs
):
    api_client, key = issue_client()
    assert client.get("/api/v1/events/", HTTP_X_API_KEY=key).status_code == 200
    assert client.get("/api/v1/events/", HTTP_X_API_KEY=key).status_code == 200
    assert len(view_runs) == 1  # the second came from the fast path

    forged = key[:-4] + ("AAAA" if not key.endswith("AAAA") else "BBBB")
    refused = client.get("/api/v1/events/", HTTP_X_API_KEY=forged)
    assert refused.status_code == 401 and refused["WWW-Authenticate"] == "Api-Key"
    assert client.get("/api/v1/events/", HTTP_X_API_KEY="ben_nonsense").status_code == 401

    api_client.is_active = False
    api_client.save()
    revoked = client.get("/api/v1/events/", HTTP_X_API_KEY=key)
    assert revoked.status_code == 401
    assert revoked["Content-Type"] == "application/problem+json"
    assert revoked.json()["status"] == 401


def test_preview_tokens_and_drafts_never_come_from_the_cache(
    shared_cache, client, content, view_runs
):
    event = content["event"]
    url = f"/api/v1/events/{event.pk}/"
    live = client.get(url).json()
    event.title = "Offenes Treffen – Entwurf"
    revision = event.save_revision()
    token = make_token(event, revision)
    for _ in range(2):
        preview = client.get(f"{url}?preview_token={token}")
        assert preview.json()["title"] == "Offenes Treffen – Entwurf"
        assert preview["Cache-Control"] == "private, no-store"
    assert client.get(url).json() == live  # the live state, from the fast path
    assert view_runs == [url, url, url]

    draft_urls = [
        f"/api/v1/events/{content['draft_event'].pk}/",
        f"/api/v1/news/{content['draft_news'].pk}/",
    ]
    for draft_url in draft_urls * 2:
        assert client.get(draft_url).status_code == 404
    assert "Geheimer Entwurf" not in client.get("/api/v1/events/").content.decode()


def test_publishing_is_visible_at_once(
    shared_cache, client, content, view_runs, django_assert_num_queries
):
    event = content["event"]
    before = client.get("/api/v1/events/")
    event.title = "Offenes Treffen (neuer Ort)"
    event.save_revision().publish()
    after = client.get("/api/v1/events/", HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200
    assert after.json()["results"][0]["title"] == "Offenes Treffen (neuer Ort)"
    with django_assert_num_queries(0):
        again = client.get("/api/v1/events/")
    assert again.content == after.content
    assert len(view_runs) == 2

    event.unpublish()
    assert client.get("/api/v1/events/").json()["count"] == 0
    assert client.get(f"/api/v1/events/{event.pk}/").status_code == 404

"""ETag/Last-Modified/304, the shared response cache and its precise invalidation."""

import os
import time
from email.utils import parsedate_to_datetime

import pytest
from asgiref.sync import async_to_sync
from django.core.cache import cache
from django.core.handlers.asgi import ASGIHandler
from django.core.handlers.wsgi import WSGIHandler
from django.test import AsyncClient, override_settings
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text

from cms import asgi, wsgi
from cms.api.caching import RESPONSE_PREFIX
from cms.api.invalidation import invalidate_all
from cms.pages.models import EventPage
from cms.snippets.models import NewsItem
from tests.cms.api.redis_support import REDIS_URL, redis_available
from tests.factories.snippets import CategoryFactory, NewsItemFactory

pytestmark = pytest.mark.django_db


def test_strong_etag_last_modified_and_cdn_headers(client, content):
    response = client.get("/api/v1/events/")
    etag = response["ETag"]
    assert etag.startswith('"') and not etag.startswith("W/")
    assert response["Last-Modified"].endswith("GMT")
    assert "public" in response["Cache-Control"] and "s-maxage=" in response["Cache-Control"]
    again = client.get("/api/v1/events/")
    assert again["ETag"] == etag and again.content == response.content


def test_if_none_match_and_if_modified_since_give_304(client, content):
    first = client.get(f"/api/v1/events/{content['event'].pk}/")
    not_modified = client.get(
        f"/api/v1/events/{content['event'].pk}/", HTTP_IF_NONE_MATCH=first["ETag"]
    )
    assert not_modified.status_code == 304
    assert not_modified.content == b""
    assert not_modified["ETag"] == first["ETag"]
    since = client.get("/api/v1/events/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304
    changed = client.get("/api/v1/events/", HTTP_IF_NONE_MATCH='"something-else"')
    assert changed.status_code == 200


def test_publishing_invalidates_at_once_and_precisely(client, content):
    event = content["event"]
    news_etag = client.get("/api/v1/news/")["ETag"]
    before = client.get("/api/v1/events/")
    event.title = "Offenes Treffen (neuer Ort)"
    event.save_revision().publish()
    after = client.get("/api/v1/events/", HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200
    assert after.json()["results"][0]["title"] == "Offenes Treffen (neuer Ort)"
    # Other endpoints keep their cached responses: publishing an event does not touch news.
    assert client.get("/api/v1/news/", HTTP_IF_NONE_MATCH=news_etag).status_code == 304


@pytest.mark.parametrize("change", ["unpublish", "delete", "move", "snippet_unpublish", "term"])
def test_structural_changes_invalidate(client, site_tree, content, change):
    event, news = content["event"], content["news"]
    client.get("/api/v1/events/")
    client.get("/api/v1/news/")
    client.get("/api/v1/categories/")
    if change == "unpublish":
        event.unpublish()
        assert client.get("/api/v1/events/").json()["count"] == 0
    elif change == "delete":
        event.delete()
        assert client.get("/api/v1/events/").json()["count"] == 0
    elif change == "move":
        event.move(site_tree.events, pos="last-child")
        moved = client.get(f"/api/v1/events/{event.pk}/").json()
        assert "/veranstaltungen/" in moved["html_url"]
    elif change == "snippet_unpublish":
        news.unpublish()
        assert client.get("/api/v1/news/").json()["count"] == 0
    else:
        CategoryFactory(name="Sport")
        assert client.get("/api/v1/categories/").json()["count"] == 2


def test_draft_edit_in_the_admin_does_not_change_the_api(admin_client, client, content):
    """A draft of a live snippet is stored as a revision only; the API keeps the live state."""
    news = content["news"]
    live = client.get(f"/api/v1/news/{news.pk}/").json()
    edit_url = reverse(NewsItem.snippet_viewset.get_url_name("edit"), args=[news.pk])
    form = {
        "title": "Entwurf: Neue Räume ab Mai",
        "club": content["club"].pk,
        "teaser": "Nur ein Entwurf",
        "body": rich_text("<p>Geheimer Entwurfstext</p>"),
        "slug": news.slug,
    }
    response = admin_client.post(edit_url, nested_form_data(form))
    assert response.status_code == 302, response.content[:2000]
    news.refresh_from_db()
    assert news.latest_revision.content["title"] == "Entwurf: Neue Räume ab Mai"
    invalidate_all()
    assert client.get(f"/api/v1/news/{news.pk}/").json() == live
    assert b"Geheimer" not in client.get("/api/v1/news/?q=Geheimer").content

    published = admin_client.post(edit_url, nested_form_data({**form, "action-publish": "1"}))
    assert published.status_code == 302
    assert client.get(f"/api/v1/news/{news.pk}/").json()["title"] == form["title"]


@pytest.mark.skipif(not redis_available(), reason="no Redis on this machine")
def test_invalidation_with_redis_shared_cache(client, content):
    prefix = f"{os.environ.get('CACHE_KEY_PREFIX', 'api')}-api-tests"
    redis_cache = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        }
    }
    with override_settings(CACHES=redis_cache):
        try:
            invalidate_all()
            news = NewsItemFactory(club=content["club"], title="Aus Redis", published=True)
            first = client.get("/api/v1/news/")
            assert "Aus Redis" in first.content.decode()
            raw = cache._cache.get_client(write=False)
            assert raw.keys(f"{prefix}:*{RESPONSE_PREFIX}news*"), "response not stored in Redis"
            assert client.get("/api/v1/news/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
            news.title = "Aus Redis, geändert"
            news.save_revision().publish()
            assert "Aus Redis, geändert" in client.get("/api/v1/news/").content.decode()
        finally:
            raw = cache._cache.get_client(write=True)
            keys = raw.keys(f"{prefix}:*")
            if keys:
                raw.delete(*keys)


def test_head_requests_carry_the_same_validators(client, content):
    get = client.get("/api/v1/events/")
    head = client.head("/api/v1/events/")
    assert head.status_code == 200
    assert head["ETag"] == get["ETag"]
    assert head.content == b""


def test_a_response_cached_while_a_publication_commits_is_not_served_after_it(
    client, content, django_capture_on_commit_callbacks
):
    """A reader racing the commit sees the generation bumped inside the transaction but the
    rows from before it; the bump after the commit retires what it cached."""
    event = content["event"]
    with django_capture_on_commit_callbacks(execute=True):
        event.title = "Offenes Treffen (neuer Ort)"
        event.save_revision().publish()
        # The row as a reader outside the transaction still sees it:
        EventPage.objects.filter(pk=event.pk).update(title="Offenes Treffen")
        raced = client.get("/api/v1/events/")
        assert raced.json()["results"][0]["title"] == "Offenes Treffen"
        EventPage.objects.filter(pk=event.pk).update(title="Offenes Treffen (neuer Ort)")
    # The commit callbacks have run.
    after = client.get("/api/v1/events/", HTTP_IF_NONE_MATCH=raced["ETag"])
    assert after.status_code == 200
    assert after.json()["results"][0]["title"] == "Offenes Treffen (neuer Ort)"


def test_an_expired_partner_leaves_cached_responses_at_midnight(client, midnight_in_berlin):
    partner, url = midnight_in_berlin.partner, midnight_in_berlin.url
    detail = f"{url}{partner.pk}/"
    for _ in range(2):  # built, then from the cache
        listed = client.get(url)
        assert [item["title"] for item in listed.json()["results"]] == ["Eiscafé Venezia"]
        assert client.get(detail).status_code == 200
    midnight_in_berlin.pass_midnight()
    after = client.get(url, HTTP_IF_MODIFIED_SINCE=listed["Last-Modified"])
    assert after.status_code == 200
    assert after.json()["count"] == 0
    assert client.get(detail).status_code == 404


def test_upcoming_lists_are_modified_with_the_minute_they_are_cached_for(
    client, content, monkeypatch
):
    """?upcoming means "from now": its response is cached per minute, and a client revalidating
    with If-Modified-Since alone must not keep the previous minute's list."""
    url = "/api/v1/events/?upcoming=true"
    first = client.get(url)
    started = time.time()
    monkeypatch.setattr(time, "time", lambda: started + 120)
    later = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert later.status_code == 200
    assert parsedate_to_datetime(later["Last-Modified"]) > parsedate_to_datetime(
        first["Last-Modified"]
    )
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=later["Last-Modified"]).status_code == 304


def test_cached_hits_and_304_are_served_by_the_view_without_sql(
    client, content, django_assert_num_queries
):
    """Django's own WSGI handler (cms.wsgi) in front; the view's response cache answers."""
    first = client.get("/api/v1/events/")
    with django_assert_num_queries(0):
        hit = client.get("/api/v1/events/")
        not_modified = client.get("/api/v1/events/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert hit.content == first.content and hit["ETag"] == first["ETag"]
    assert not_modified.status_code == 304


def test_the_entry_points_are_djangos_own_handlers():
    assert type(wsgi.application) is WSGIHandler
    assert type(asgi.application) is ASGIHandler


def test_etag_304_and_the_response_cache_under_asgi(content, django_assert_num_queries):
    """The async request path (Django's ASGI handler stack, as cms.asgi runs it) keeps
    ETag/304, the view's response cache and its invalidation on publish."""
    client = AsyncClient()
    url = f"/api/v1/events/{content['event'].pk}/"

    def get(**headers):
        return async_to_sync(client.get)(url, headers=headers)

    first = get()
    assert first.status_code == 200
    assert first["ETag"].startswith('"') and "s-maxage=" in first["Cache-Control"]
    with django_assert_num_queries(0):
        hit = get()
        not_modified = get(if_none_match=first["ETag"])
    assert hit.content == first.content and hit["ETag"] == first["ETag"]
    assert not_modified.status_code == 304 and not_modified.content == b""
    event = content["event"]
    event.title = "Offenes Treffen (über ASGI)"
    event.save_revision().publish()
    changed = get(if_none_match=first["ETag"])
    assert changed.status_code == 200
    assert changed.json()["title"] == "Offenes Treffen (über ASGI)"

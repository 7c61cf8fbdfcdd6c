"""Feeds show the requested site's content, with a constant number of SQL queries."""

import pytest
from django.core.cache.backends.dummy import DummyCache
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from ben_plugins.feeds import views
from cms.api.caching import public_cache_control
from tests.factories.pages import (
    ClubIndexPageFactory,
    ClubPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    HomePageFactory,
)
from tests.factories.snippets import NewsItemFactory

from .test_ical import vevents

ENDPOINTS = [
    "/api/v1/feeds/events.ics",
    "/api/v1/feeds/clubs.geojson",
    "/api/v1/feeds/benefit-partners.geojson",
    "/api/v1/feeds/news.rss",
]


@pytest.mark.django_db
@override_settings(ALLOWED_HOSTS=["*"])
def test_each_site_gets_its_own_calendar(client, calendar):
    home = HomePageFactory(parent=Page.get_first_root_node(), slug="nachbarort")
    Site.objects.create(hostname="nachbarort.example", port=80, root_page=home)
    events = EventIndexPageFactory(parent=home)
    EventPageFactory(parent=events, title="Dorffest im Nachbarort")

    other = vevents(client.get(ENDPOINTS[0], HTTP_HOST="nachbarort.example").content)
    assert set(other) == {"Dorffest im Nachbarort"}
    assert "Dorffest im Nachbarort" not in vevents(client.get(ENDPOINTS[0]).content)


def queries_for(client, path) -> int:
    """Queries of a full build, after a first request warmed Wagtail's own caches."""
    client.get(path)
    with CaptureQueriesContext(connection) as context:
        assert client.get(path).status_code == 200
    return len(context.captured_queries)


@pytest.mark.django_db
@pytest.mark.parametrize("path", ENDPOINTS)
def test_query_count_does_not_grow_with_the_content(client, calendar, site_tree, path, monkeypatch):
    monkeypatch.setattr(views, "cache", DummyCache("feeds", {}))  # always build

    before = queries_for(client, path)
    for number in range(5):
        club = ClubPageFactory(
            parent=site_tree.clubs, latitude="49.9", longitude="6.5", slug=f"mehr-{number}"
        )
        club.categories.add(calendar.sport)
        event = EventPageFactory(parent=club, recurrence_rule="FREQ=WEEKLY;COUNT=4")
        event.categories.add(calendar.sport)
        event.save_revision().publish()
        NewsItemFactory(club=club, published=True)
    assert queries_for(client, path) == before


@pytest.mark.django_db
def test_a_club_feed_of_another_sites_club_is_404(client, calendar):
    home = HomePageFactory(parent=Page.get_first_root_node(), slug="nachbarort")
    Site.objects.create(hostname="nachbarort.example", port=80, root_page=home)
    ClubPageFactory(parent=ClubIndexPageFactory(parent=home), slug="fremder-verein")
    assert client.get("/api/v1/feeds/clubs/fremder-verein/events.ics").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("path", [*ENDPOINTS, "/api/v1/feeds/news.atom"])
def test_every_feed_is_cacheable_with_a_strong_etag(client, calendar, path):
    first = client.get(path)
    assert first["ETag"].startswith('"')
    assert first["Cache-Control"] == public_cache_control()  # as every content API response
    not_modified = client.get(path, HTTP_IF_NONE_MATCH=first["ETag"])
    assert not_modified.status_code == 304
    assert not_modified["ETag"] == first["ETag"]
    assert not_modified.content == b""


@pytest.mark.django_db
def test_json_ld_detail_is_cacheable(client, calendar):
    path = f"/api/v1/feeds/jsonld/clubs/{calendar.agency.pk}/"
    etag = client.get(path)["ETag"]
    assert client.get(path, HTTP_IF_NONE_MATCH=etag).status_code == 304

"""Every feed goes through the content API's base: API keys, rate limits, problem details,
caching headers and the plugin switch, through each feed's own URL."""

import pytest
from django.test import override_settings

from ben_plugins.feeds.urls import urlpatterns as feed_urlpatterns
from cms.api.caching import public_cache_control
from cms.api.models import ApiClient
from cms.pages.models import BenefitPartnerPage

pytestmark = pytest.mark.django_db

FEEDS = "/api/v1/feeds"


@pytest.fixture
def feed_urls(calendar):
    """Every feed URL the feeds plugin mounts (ben_plugins/feeds/urls.py)."""
    partner = BenefitPartnerPage.objects.get(title="Eiscafé Venezia")
    return [
        f"{FEEDS}/events.ics",
        f"{FEEDS}/clubs/{calendar.agency.slug}/events.ics",
        f"{FEEDS}/categories/{calendar.sport.slug}/events.ics",
        f"{FEEDS}/clubs.geojson",
        f"{FEEDS}/benefit-partners.geojson",
        f"{FEEDS}/jsonld/events/{calendar.meeting.pk}/",
        f"{FEEDS}/jsonld/clubs/{calendar.agency.pk}/",
        f"{FEEDS}/jsonld/benefit-partners/{partner.pk}/",
        f"{FEEDS}/news.rss",
        f"{FEEDS}/news.atom",
    ]


def issued_key(name="Kalender-App") -> tuple[ApiClient, str]:
    api_client = ApiClient(name=name)
    key = api_client.issue_key()
    api_client.save()
    return api_client, key


def assert_problem(response, status):
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == status


def test_a_valid_key_is_accepted_and_a_revoked_or_unknown_key_refused(client, feed_urls):
    api_client, key = issued_key()
    for url in feed_urls:
        assert client.get(url, HTTP_X_API_KEY=key).status_code == 200, url
    api_client.is_active = False
    api_client.save()
    for url in feed_urls:
        assert_problem(client.get(url, HTTP_X_API_KEY=key), 401)
        assert_problem(client.get(url, HTTP_AUTHORIZATION="Api-Key ben_00000000_unknown"), 401)


def test_the_fixture_names_every_mounted_feed(feed_urls):
    mounted = {pattern.name for pattern in feed_urlpatterns}
    assert len(feed_urls) == len(mounted) == 10


@override_settings(API_RATE_LIMIT_ANONYMOUS="2/minute")
def test_feeds_share_the_rate_limits_of_the_content_api(client, feed_urls):
    address = {"REMOTE_ADDR": "203.0.113.40"}
    for url in feed_urls:
        address["REMOTE_ADDR"] = f"203.0.113.{40 + feed_urls.index(url)}"
        assert client.get(url, **address).status_code == 200
        assert client.get(url, **address).status_code == 200
        limited = client.get(url, **address)
        assert_problem(limited, 429)
        assert int(limited["Retry-After"]) >= 1


def test_every_feed_has_caching_and_language_headers(client, feed_urls):
    for url in feed_urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["ETag"].startswith('"')
        assert response["Cache-Control"] == public_cache_control()
        assert response["Content-Language"] == "en"
        assert "Accept-Language" in response["Vary"]
        assert client.get(url, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


def test_feeds_answer_whatever_the_client_accepts_and_errors_stay_problems(client, calendar):
    calendar_response = client.get(f"{FEEDS}/events.ics", HTTP_ACCEPT="text/calendar")
    assert calendar_response.status_code == 200
    assert calendar_response["Content-Type"] == "text/calendar; charset=utf-8"
    missing = client.get(f"{FEEDS}/clubs/gibt-es-nicht/events.ics", HTTP_ACCEPT="text/calendar")
    assert_problem(missing, 404)
    assert_problem(client.get(f"{FEEDS}/news.rss?page=2", HTTP_ACCEPT="application/rss+xml"), 400)


def feed_paths_in_schema(client) -> list[str]:
    paths = client.get("/api/v1/schema/?format=json").json()["paths"]
    return [path for path in paths if path.startswith(f"{FEEDS}/")]


def test_feeds_of_a_switched_off_plugin_answer_404_and_leave_the_root_and_the_schema(
    client, calendar, switch_plugin, feed_urls
):
    assert f"http://testserver{FEEDS}/events.ics" in client.get("/api/v1/").json().values()
    assert f"{FEEDS}/clubs.geojson" in feed_paths_in_schema(client)
    switch_plugin("feeds", False)
    for url in feed_urls:
        assert_problem(client.get(url), 404)
    listed = client.get("/api/v1/").json()
    assert not [name for name in listed if name.startswith("feeds/")]
    assert "events" in listed
    assert feed_paths_in_schema(client) == []

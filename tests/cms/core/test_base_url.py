"""BEN_BASE_URL drives every absolute link: the default site record, the API's own links
(url, html_url, pagination, the API root, image renditions, rich text, the preview link),
GeoJSON properties.url, the news feeds, robots.txt, webhook payload URLs, the moderation
emails and the intake's emails. Every request below names another host (an internal name,
or an IP as a proxy passes it on) than the public address, and the links still name it."""

import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from wagtail.models import Site

from ben_plugins.webhooks.delivery import payload_for
from cms.api.admin_views import preview_token_url
from cms.core.sites import apply_base_url, base_url_host_and_port
from cms.moderation.roles import MODERATORS, setup_all
from tests.ben_plugins.core.intake_helpers import link_in_last_mail, post_json, valid_submission
from tests.cms.test_settings import print_settings
from tests.factories.pages import ClubPageFactory, EventPageFactory
from tests.factories.snippets import NewsItemFactory
from tests.factories.users import UserFactory

BASE = "https://ben.example.org"
INTERNAL = {"HTTP_HOST": "127.0.0.1"}


@pytest.fixture
def club(site_tree):
    club = ClubPageFactory(
        parent=site_tree.clubs,
        title="Caritasverband Westeifel e.V.",
        slug="caritas",
        latitude=Decimal("49.9743"),
        longitude=Decimal("6.5244"),
    )
    club.save_revision().publish()
    return club


@pytest.fixture
def base_url(settings, club):
    """BEN_BASE_URL configured (override_settings), and the migrate that applies it to the
    default site's record."""
    settings.BEN_BASE_URL = BASE
    settings.WAGTAILADMIN_BASE_URL = BASE
    apply_base_url()


def test_without_a_base_url_links_follow_the_request_and_the_site_stays(client, club):
    site = Site.objects.get(is_default_site=True)
    apply_base_url()
    site.refresh_from_db()
    assert (site.hostname, site.port) == ("localhost", 80)
    detail = client.get(f"/api/v1/clubs/{club.pk}/").json()
    assert detail["url"] == f"http://testserver/api/v1/clubs/{club.pk}/"


def test_the_default_site_follows_the_base_url(base_url):
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == ("ben.example.org", 443, BASE)


def test_api_html_url_points_at_the_base_url_whatever_host_was_asked(base_url, client, club):
    # Asked by IP from inside the network: the links still name the public address.
    response = client.get(f"/api/v1/clubs/{club.pk}/", HTTP_HOST="127.0.0.1")
    assert response.status_code == 200
    html_url = response.json()["html_url"]
    assert html_url.startswith(f"{BASE}/") and html_url.endswith("/caritas/")


def test_api_object_and_reference_urls_point_at_the_base_url(base_url, client, club, site_tree):
    event = EventPageFactory(parent=site_tree.events, organiser=club, title="Sommerfest")
    event.save_revision().publish()
    detail = client.get(f"/api/v1/events/{event.pk}/", **INTERNAL).json()
    assert detail["url"] == f"{BASE}/api/v1/events/{event.pk}/"
    assert detail["html_url"].startswith(f"{BASE}/")
    assert detail["organiser"]["url"] == f"{BASE}/api/v1/clubs/{club.pk}/"
    [listed] = client.get("/api/v1/events/", **INTERNAL).json()["results"]
    assert listed["url"] == detail["url"]


def test_pagination_links_point_at_the_base_url(base_url, client, site_tree):
    for number in range(5):
        EventPageFactory(parent=site_tree.events, title=f"E{number}")
    body = client.get("/api/v1/events/?limit=2&offset=2", **INTERNAL).json()
    assert body["next"] == f"{BASE}/api/v1/events/?limit=2&offset=4"
    assert body["previous"] == f"{BASE}/api/v1/events/?limit=2"


def test_the_api_root_lists_endpoints_under_the_base_url(base_url, client):
    listed = client.get("/api/v1/", **INTERNAL).json()
    assert listed["clubs"] == f"{BASE}/api/v1/clubs/"
    assert listed["feeds/events.ics"] == f"{BASE}/api/v1/feeds/events.ics"
    assert all(url.startswith(f"{BASE}/api/v1/") for url in listed.values())


def test_image_renditions_and_rich_text_links_point_at_the_base_url(base_url, client, club):
    from wagtail_factories import ImageFactory

    club.logo = ImageFactory(file__width=1200, file__height=900)
    club.save_revision().publish()
    news = NewsItemFactory(
        club=club, published=True, body='<p><a href="/vereine/caritas/">Caritas</a></p>'
    )
    logo = client.get(f"/api/v1/clubs/{club.pk}/", **INTERNAL).json()["logo"]
    assert {rendition["url"][: len(BASE) + 1] for rendition in logo["renditions"].values()} == {
        f"{BASE}/"
    }
    body = client.get(f"/api/v1/news/{news.pk}/", **INTERNAL).json()["body"]
    assert f'href="{BASE}/vereine/caritas/"' in body


def test_the_preview_link_points_at_the_base_url(base_url, admin_client, club):
    news = NewsItemFactory(club=club, title="Entwurf")
    news.save_revision()
    page = admin_client.get(preview_token_url(news), **INTERNAL).content.decode()
    assert f"{BASE}/api/v1/news/{news.pk}/?preview_token=" in page


def test_news_feeds_and_robots_txt_point_at_the_base_url(base_url, client, club):
    NewsItemFactory(club=club, published=True)
    rss = ET.fromstring(client.get("/api/v1/feeds/news.rss", **INTERNAL).content)
    assert rss.find("channel").findtext("link") == f"{BASE}/api/v1/news/"
    assert next(rss.iter("item")).findtext("link").startswith(f"{BASE}/api/v1/news/")
    atom = client.get("/api/v1/feeds/news.atom", **INTERNAL).content.decode()
    assert f'href="{BASE}/api/v1/feeds/news.atom" rel="self"' in atom
    robots = client.get("/robots.txt", **INTERNAL).content.decode()
    assert f"Sitemap: {BASE}/sitemap.xml" in robots


def test_intake_emails_link_to_the_base_url(base_url, client, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    response = post_json(client, valid_submission(), **INTERNAL)
    assert response.status_code == 202, response.content
    assert link_in_last_mail().startswith(f"{BASE}/mitmachen/bestaetigen/")


def test_geojson_feature_url_points_at_the_base_url(base_url, client, club):
    [feature] = client.get("/api/v1/feeds/clubs.geojson", **INTERNAL).json()["features"]
    assert feature["properties"]["url"] == f"{BASE}/api/v1/clubs/{club.pk}/"


def test_webhook_payload_url_points_at_the_base_url(base_url, club):
    news = NewsItemFactory(club=club, published=True)
    payload = payload_for(news, "published", Site.objects.get(is_default_site=True))
    assert payload["url"] == f"{BASE}/api/v1/news/{news.pk}/"


def test_moderation_email_links_to_the_admin_under_the_base_url(
    base_url, club, django_capture_on_commit_callbacks
):
    setup_all()
    moderator = UserFactory(username="moderation", email="moderation@example.org")
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    editor = UserFactory(username="redaktion")
    news = NewsItemFactory(club=club, title="Sommerfest")
    news.save_revision(user=editor)
    with django_capture_on_commit_callbacks(execute=True):  # the email leaves from the queue
        news.get_workflow().start(news, editor)
    [email] = [message for message in mail.outbox if "moderation@example.org" in message.to]
    assert f"{BASE}/admin/snippets/snippets/newsitem/edit/{news.pk}/" in email.body


def test_a_port_in_the_base_url_reaches_the_site_and_its_links(settings, client, club):
    settings.BEN_BASE_URL = "http://localhost:8123"
    apply_base_url()
    response = client.get(f"/api/v1/clubs/{club.pk}/")
    assert response.json()["html_url"].startswith("http://localhost:8123/")


def test_https_on_another_port_than_443_is_refused():
    # Wagtail's Site.root_url knows HTTPS on port 443 only.
    with pytest.raises(ImproperlyConfigured):
        base_url_host_and_port("https://ben.example.org:8443")


def test_settings_read_the_base_url_from_the_environment_and_the_demo_from_port():
    expression = "settings.BEN_BASE_URL, settings.WAGTAILADMIN_BASE_URL"
    configured = print_settings("cms.settings.base", expression, BEN_BASE_URL=f"{BASE}/")
    assert configured.stdout.strip() == repr((BASE, BASE)), configured.stderr
    demo = print_settings("cms.settings.dev", expression, PORT="8123")
    assert "'http://localhost:8123', 'http://localhost:8123'" in demo.stdout, demo.stderr
    wrong = print_settings("cms.settings.base", expression, BEN_BASE_URL="ben.example.org")
    assert wrong.returncode != 0
    assert "BEN_BASE_URL must be an absolute http(s) URL" in wrong.stderr

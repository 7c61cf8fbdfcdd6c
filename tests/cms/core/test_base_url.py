"""BEN_BASE_URL drives every absolute link: the default site record, the API's html_url,
GeoJSON properties.url, webhook payload URLs and the moderation emails."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from wagtail.models import Site

from ben_plugins.webhooks.delivery import payload_for
from cms.core.sites import apply_base_url, base_url_host_and_port
from cms.moderation.roles import MODERATORS, setup_all
from tests.cms.test_settings import print_settings
from tests.factories.pages import ClubPageFactory
from tests.factories.snippets import NewsItemFactory
from tests.factories.users import UserFactory

BASE = "https://ben.example.org"


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
    settings.BEN_BASE_URL = BASE
    settings.WAGTAILADMIN_BASE_URL = BASE
    apply_base_url()


def test_the_default_site_follows_the_base_url(base_url):
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == ("ben.example.org", 443, BASE)


def test_api_html_url_points_at_the_base_url_whatever_host_was_asked(base_url, client, club):
    # Asked by IP from inside the network: the links still name the public address.
    response = client.get(f"/api/v1/clubs/{club.pk}/", HTTP_HOST="127.0.0.1")
    assert response.status_code == 200
    html_url = response.json()["html_url"]
    assert html_url.startswith(f"{BASE}/") and html_url.endswith("/caritas/")


def test_geojson_feature_url_points_at_the_base_url(base_url, client, club):
    [feature] = client.get("/api/v1/feeds/clubs.geojson").json()["features"]
    assert feature["properties"]["url"] == f"{BASE}/api/v1/clubs/{club.pk}/"


def test_webhook_payload_url_points_at_the_base_url(base_url, club):
    news = NewsItemFactory(club=club, published=True)
    payload = payload_for(news, "published", Site.objects.get(is_default_site=True))
    assert payload["url"] == f"{BASE}/api/v1/news/{news.pk}/"


def test_moderation_email_links_to_the_admin_under_the_base_url(base_url, club):
    setup_all()
    moderator = UserFactory(username="moderation", email="moderation@example.org")
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    editor = UserFactory(username="redaktion")
    news = NewsItemFactory(club=club, title="Sommerfest")
    news.save_revision(user=editor)
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

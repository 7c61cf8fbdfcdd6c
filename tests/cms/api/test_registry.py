"""A plugin registers an endpoint in a few lines and inherits all API behaviour."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from cms.api.registry import registry
from cms.api.viewsets import ContentViewSet
from cms.pages.models import EventPage, HomePage
from tests.cms.api.conftest import PLUGIN_PREFIX as PREFIX
from tests.cms.api.conftest import HomeSerializer, HomeViewSet

pytestmark = pytest.mark.django_db


def test_registered_endpoint_inherits_publication_caching_errors_and_docs(
    client, site_tree, plugin_endpoint
):
    home = site_tree.home
    listing = client.get(f"/api/v1/{PREFIX}/")
    assert listing.status_code == 200
    assert [item["id"] for item in listing.json()["results"]] == [home.pk]
    detail = client.get(f"/api/v1/{PREFIX}/{home.slug}/")
    assert detail.json()["url"] == f"http://testserver/api/v1/{PREFIX}/{home.pk}/"
    assert client.get(f"/api/v1/{PREFIX}/", HTTP_IF_NONE_MATCH=listing["ETag"]).status_code == 304

    home.title = "Neuer Titel"
    home.save_revision()  # a draft: invisible
    assert client.get(f"/api/v1/{PREFIX}/{home.pk}/").json()["title"] != "Neuer Titel"
    home.save_revision().publish()
    assert client.get(f"/api/v1/{PREFIX}/{home.pk}/").json()["title"] == "Neuer Titel"
    home.unpublish()
    assert client.get(f"/api/v1/{PREFIX}/").json()["count"] == 0

    bad = client.get(f"/api/v1/{PREFIX}/?colour=blue")
    assert bad.status_code == 400 and bad["Content-Type"] == "application/problem+json"

    schema = client.get("/api/v1/schema/?format=json").json()
    assert f"/api/v1/{PREFIX}/" in schema["paths"]
    detail_parameters = schema["paths"][f"/api/v1/{PREFIX}/{{lookup}}/"]["get"]["parameters"]
    assert "preview_token" in {parameter["name"] for parameter in detail_parameters}


def test_disabled_endpoint_answers_404(client, site_tree, plugin_endpoint):
    plugin_endpoint["enabled"] = False
    response = client.get(f"/api/v1/{PREFIX}/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_prefixes_and_models_are_registered_once():
    with pytest.raises(ImproperlyConfigured):
        registry.register("events", HomeViewSet)

    class AnotherEventViewSet(ContentViewSet):
        model = registry.get("events").model
        serializer_class = HomeSerializer

    with pytest.raises(ImproperlyConfigured):
        registry.register("another-events", AnotherEventViewSet)
    assert registry.get("another-events") is None


def test_lookups_return_the_registered_classes():
    events = registry.get("events")
    assert events.prefix == "events"
    assert registry.for_model(EventPage) is events
    assert registry.for_model(HomePage) is None
    assert events in list(registry)

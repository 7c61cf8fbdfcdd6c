"""/api/v1/ lists the endpoints a client may use, with absolute URLs (DRF's convention)."""

import pytest

from cms.api.registry import registry
from tests.cms.api.conftest import PLUGIN_PREFIX, HomeViewSet, availability_check

pytestmark = pytest.mark.django_db


def test_root_lists_every_endpoint_with_its_absolute_url(client, site_tree):
    response = client.get("/api/v1/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    listed = response.json()
    for viewset_class in registry:
        prefix = viewset_class.prefix
        assert listed[prefix] == f"http://testserver/api/v1/{prefix}/"
        assert client.get(listed[prefix]).status_code == 200
    assert list(listed)[: len(list(registry))] == [view.prefix for view in registry]
    # plugin endpoints and feeds of plugins switched on (the example plugin, the feeds)
    assert listed["example/announcements"] == "http://testserver/api/v1/example/announcements/"
    assert listed["feeds/events.ics"] == "http://testserver/api/v1/feeds/events.ics"
    assert not [name for name in listed if "{" in name or "schema" in name]


def test_root_leaves_out_what_an_availability_check_switches_off(
    client, site_tree, plugin_endpoint
):
    assert PLUGIN_PREFIX in client.get("/api/v1/").json()
    plugin_endpoint["enabled"] = False
    listed = client.get("/api/v1/").json()
    assert PLUGIN_PREFIX not in listed and "events" in listed


def test_schema_leaves_out_views_an_availability_check_switches_off(client, site_tree):
    def no_events(view_class, request):
        return registry.get("events") is not view_class

    assert "/api/v1/events/" in client.get("/api/v1/schema/?format=json").json()["paths"]
    with availability_check(no_events):
        paths = client.get("/api/v1/schema/?format=json").json()["paths"]
        assert client.get("/api/v1/events/").status_code == 404
    assert "/api/v1/events/" not in paths and "/api/v1/events/{lookup}/" not in paths
    assert "/api/v1/clubs/" in paths and "/api/v1/" in paths


def test_schema_leaves_out_a_switched_off_plugins_endpoints(client, site_tree, plugin_endpoint):
    assert f"/api/v1/{PLUGIN_PREFIX}/" in client.get("/api/v1/schema/?format=json").json()["paths"]
    plugin_endpoint["enabled"] = False
    paths = client.get("/api/v1/schema/?format=json").json()["paths"]
    assert not [path for path in paths if path.startswith(f"/api/v1/{PLUGIN_PREFIX}/")]
    assert HomeViewSet.prefix == PLUGIN_PREFIX

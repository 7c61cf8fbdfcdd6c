"""A plugin's content API endpoint follows the per-site activation by itself.

The example plugin's model is registered exactly as docs/plugins.md shows, with nothing that
switches it: the plugin core's availability check switches it anyway (review finding 10).
"""

import pytest
from ben_example_plugin.models import ClubAnnouncement

from cms.api.serializers.base import ClubContentSerializer
from cms.api.viewsets import ContentViewSet
from tests.cms.api.conftest import registered_endpoint

PREFIX = "example/registered-announcements"


class AnnouncementSerializer(ClubContentSerializer):
    class Meta:
        model = ClubAnnouncement
        fields = (*ClubContentSerializer.club_content_fields, "text")


class AnnouncementViewSet(ContentViewSet):
    model = ClubAnnouncement
    serializer_class = AnnouncementSerializer


@pytest.fixture
def registered_without_switch():
    with registered_endpoint(PREFIX, AnnouncementViewSet) as viewset_class:
        yield viewset_class


@pytest.mark.django_db
def test_endpoint_of_a_plugin_model_is_off_where_the_plugin_is_off(
    client, club, switch_plugin, registered_without_switch
):
    item = ClubAnnouncement.objects.create(title="Sommerfest", club=club, text="Am Samstag.")
    item.save_revision().publish()

    listing = client.get(f"/api/v1/{PREFIX}/")
    assert listing.status_code == 200
    assert [entry["title"] for entry in listing.json()["results"]] == ["Sommerfest"]

    switch_plugin("example", False)
    for url in (f"/api/v1/{PREFIX}/", f"/api/v1/{PREFIX}/{item.pk}/"):
        response = client.get(url)
        assert response.status_code == 404, url
        assert response["Content-Type"] == "application/problem+json"

    switch_plugin("example", True)
    assert client.get(f"/api/v1/{PREFIX}/{item.pk}/").json()["title"] == "Sommerfest"


@pytest.mark.django_db
def test_core_endpoints_are_untouched_by_plugin_switches(client, site_tree, switch_plugin):
    switch_plugin("example", False)
    assert client.get("/api/v1/events/").status_code == 200

"""A plugin's content API endpoint follows the per-site activation without `is_enabled`.

The example plugin's model is registered exactly as docs/plugins.md shows, but leaving out
`is_enabled` – the mistake review finding 10 describes. The plugin core switches it anyway.
"""

import pytest
from ben_example_plugin.models import ClubAnnouncement

from cms.api.serializers.base import ClubContentSerializer
from tests.cms.api.conftest import registered_endpoint

PREFIX = "example/registered-announcements"


class AnnouncementSerializer(ClubContentSerializer):
    class Meta:
        model = ClubAnnouncement
        fields = (*ClubContentSerializer.club_content_fields, "text")


@pytest.fixture
def registered_without_switch():
    with registered_endpoint(
        PREFIX, model=ClubAnnouncement, serializer_class=AnnouncementSerializer
    ) as endpoint:
        yield endpoint


@pytest.mark.django_db
def test_endpoint_of_a_plugin_model_is_off_where_the_plugin_is_off(
    client, club, switch_plugin, registered_without_switch
):
    item = ClubAnnouncement.objects.create(title="Sommerfest", club=club, text="Am Samstag.")
    item.save_revision().publish()
    assert registered_without_switch.is_enabled is None

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

"""The publication rule through the real HTTP views, including its shared cache of hidden
tree paths: no window in which content below an unpublished page is served."""

import pytest

from tests.factories.pages import ClubPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db


def event_titles(client) -> list[str]:
    response = client.get("/api/v1/events/")
    assert response.status_code == 200
    return [item["title"] for item in response.json()["results"]]


def test_publishing_below_an_unpublished_leaf_club_is_never_served(client, site_tree, content):
    leaf = ClubPageFactory(parent=site_tree.clubs, title="Verein ohne Seiten")
    leaf.unpublish()
    assert event_titles(client) == ["Offenes Treffen"]  # caches the hidden paths
    event = EventPageFactory(parent=leaf, title="Unter verborgenem Verein", live=False)
    event.save_revision().publish()  # what approving the moderation does
    assert event_titles(client) == ["Offenes Treffen"]
    assert client.get(f"/api/v1/events/{event.pk}/").status_code == 404


def test_saving_live_content_below_an_unpublished_leaf_club_is_never_served(
    client, site_tree, content
):
    leaf = ClubPageFactory(parent=site_tree.clubs, title="Verein ohne Seiten")
    leaf.unpublish()
    assert event_titles(client) == ["Offenes Treffen"]
    event = EventPageFactory(parent=leaf, title="Importiert", live=False)
    event.live = True
    event.save()  # an import or seed saving live content in full
    assert event_titles(client) == ["Offenes Treffen"]

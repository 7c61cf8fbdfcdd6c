"""Wagtail's own API at /api/v2/ serves only live, public content as well."""

import pytest
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction
from wagtail_factories import DocumentFactory

from cms.api.registry import registry
from cms.pages.models import HomePage
from tests.cms.api.test_registry import HomeSerializer
from tests.factories.pages import ClubPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db


def test_pages_are_live_and_public_only(client, content):
    response = client.get("/api/v2/pages/?type=pages.EventPage&fields=*")
    assert response.status_code == 200
    items = response.json()["items"]
    assert [item["title"] for item in items] == ["Offenes Treffen"]
    assert items[0]["start"].startswith("2026-12-01T18:00:00")
    PageViewRestriction.objects.create(
        page=content["club"], restriction_type=PageViewRestriction.LOGIN
    )
    assert client.get("/api/v2/pages/?type=pages.EventPage").json()["items"] == []


def test_drafts_are_not_served(client, content):
    event = EventPageFactory(parent=content["club"], title="Entwurf", live=False)
    assert client.get(f"/api/v2/pages/{event.pk}/").status_code == 404


def test_documents_in_restricted_collections_are_hidden(client, db):
    root = Collection.get_first_root_node()
    internal = root.add_child(name="Intern")
    CollectionViewRestriction.objects.create(
        collection=internal, restriction_type=CollectionViewRestriction.LOGIN
    )
    DocumentFactory(title="Satzung", collection=root)
    DocumentFactory(title="Protokoll intern", collection=internal)
    titles = [item["title"] for item in client.get("/api/v2/documents/").json()["items"]]
    assert titles == ["Satzung"]


def test_events_below_an_unpublished_club_are_not_served(client, content):
    content["club"].unpublish()  # the event itself stays live
    content["event"].refresh_from_db()
    assert content["event"].live
    assert client.get("/api/v2/pages/?type=pages.EventPage").json()["items"] == []
    assert client.get(f"/api/v2/pages/{content['event'].pk}/").status_code == 404


def test_an_unpublished_organiser_is_null(client, site_tree, content):
    secret = ClubPageFactory(parent=site_tree.clubs, title="Geheimer Verein", live=False)
    event = EventPageFactory(parent=site_tree.events, title="Stadtlauf", organiser=secret)
    event.save_revision().publish()
    body = client.get(f"/api/v2/pages/{event.pk}/").json()
    assert body["organiser"] is None
    published = client.get(f"/api/v2/pages/{content['event'].pk}/").json()
    assert published["organiser"]["id"] == content["club"].pk


def test_page_types_of_an_endpoint_switched_off_for_the_site_are_not_served(client, site_tree):
    switch = {"enabled": True}
    endpoint = registry.register(
        "v2-test/homes",
        model=HomePage,
        serializer_class=HomeSerializer,
        ordering=("title",),
        is_enabled=lambda request: switch["enabled"],
    )
    try:
        homes = client.get("/api/v2/pages/?type=pages.HomePage").json()["items"]
        assert [item["id"] for item in homes] == [site_tree.home.pk]
        switch["enabled"] = False
        assert client.get("/api/v2/pages/?type=pages.HomePage").json()["items"] == []
        assert client.get(f"/api/v2/pages/{site_tree.home.pk}/").status_code == 404
    finally:
        registry.unregister(endpoint.prefix)

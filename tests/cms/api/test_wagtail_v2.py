"""Wagtail's own API at /api/v2/ serves only live, public content as well."""

import pytest
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction
from wagtail_factories import DocumentFactory

from tests.factories.pages import EventPageFactory

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

"""The benchmark's peer: Wagtail's v2 listing of events, which exists only in bench/urls.py."""

import pytest
from django.test import override_settings

from tests.factories.pages import EventPageFactory

V2_EVENTS = "/api/v2/pages/?type=pages.EventPage&fields=*"


@pytest.mark.django_db
def test_v2_lists_published_events_with_the_fields_of_api_v1(client, site_tree):
    event = EventPageFactory(parent=site_tree.events, title="Vereinsfest")
    EventPageFactory(parent=site_tree.events, title="Entwurf", live=False)
    assert client.get(V2_EVENTS).status_code == 404  # not in the production URLconf
    with override_settings(ROOT_URLCONF="bench.urls"):
        response = client.get(V2_EVENTS)
    assert response.status_code == 200
    items = response.json()["items"]
    assert [item["title"] for item in items] == ["Vereinsfest"]
    assert {"start", "organiser", "exception_dates", "registration_url"} <= set(items[0])
    assert items[0]["id"] == event.pk

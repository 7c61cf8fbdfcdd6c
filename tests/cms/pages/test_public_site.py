"""The public HTML site serves exactly what the API serves: one publication rule for both
(issue #10, point 5), through the real page URLs."""

import datetime as dt

import pytest
from django.utils import timezone
from django.utils.timezone import localdate

from tests.factories.pages import BenefitPartnerPageFactory, ClubPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db


def api_titles(client, endpoint) -> set[str]:
    return {item["title"] for item in client.get(f"/api/v1/{endpoint}/").json()["results"]}


def test_events_of_an_unpublished_club_are_neither_served_nor_listed(client, site_tree):
    club = ClubPageFactory(parent=site_tree.clubs, title="Zurückgezogener Verein")
    start = timezone.now() + dt.timedelta(days=30)  # upcoming, so the calendar lists it
    event = EventPageFactory(
        parent=club, title="Sommerfest des Vereins", start=start, end=start + dt.timedelta(hours=2)
    )
    calendar = client.get(site_tree.events.url)
    assert client.get(event.url).status_code == 200
    assert "Sommerfest des Vereins" in calendar.text

    club.unpublish()  # Wagtail leaves the child event live
    assert client.get(event.url).status_code == 404
    assert client.get(club.url).status_code == 404
    assert "Sommerfest des Vereins" not in client.get(site_tree.events.url).text
    assert "Sommerfest des Vereins" not in api_titles(client, "events")


def test_an_event_names_its_organiser_only_while_the_organiser_is_published(client, site_tree):
    club = ClubPageFactory(parent=site_tree.clubs, title="Ehemaliger Veranstalter")
    event = EventPageFactory(parent=site_tree.events, title="Stadtfest", organiser=club)
    assert f'href="{club.url}"' in client.get(event.url).text
    club.unpublish()
    page = client.get(event.url)
    assert page.status_code == 200
    assert "Ehemaliger Veranstalter" not in page.text


def test_an_expired_benefit_partner_is_neither_listed_nor_served(client, site_tree):
    current = BenefitPartnerPageFactory(parent=site_tree.benefits, title="Eiscafé Venezia")
    expired = BenefitPartnerPageFactory(
        parent=site_tree.benefits,
        title="Alt und Vorbei",
        valid_until=localdate() - dt.timedelta(days=1),
    )
    listing = client.get(site_tree.benefits.url).text
    assert "Eiscafé Venezia" in listing
    assert "Alt und Vorbei" not in listing
    assert client.get(current.url).status_code == 200
    assert client.get(expired.url).status_code == 404
    assert api_titles(client, "benefit-partners") == {"Eiscafé Venezia"}

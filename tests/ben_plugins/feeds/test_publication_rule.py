"""Every feed obeys the content API's publication rule (cms.api.publication): content below
an unpublished club or inside a login-only section, and organisers that are not published,
never reach a feed, exactly as in /api/v1/."""

import datetime as dt

import icalendar
import pytest
from wagtail.models import PageViewRestriction

from cms.api.invalidation import invalidate_all
from tests.factories.pages import BenefitPartnerPageFactory, ClubPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db

FEEDS = "/api/v1/feeds"


@pytest.fixture(autouse=True)
def fresh_api_cache():
    invalidate_all()
    yield
    invalidate_all()


def summaries(response) -> set[str]:
    assert response.status_code == 200
    calendar = icalendar.Calendar.from_ical(response.content)
    return {str(event["summary"]) for event in calendar.walk("VEVENT")}


def hide_club(calendar, how: str):
    if how == "unpublished":
        calendar.club.unpublish()  # only the club: its events and news stay live
    else:
        PageViewRestriction.objects.create(page=calendar.club, restriction_type="login")


@pytest.mark.parametrize("how", ["unpublished", "login-only"])
def test_content_of_a_hidden_club_leaves_every_feed(client, calendar, how):
    assert calendar.training.live
    hide_club(calendar, how)
    calendar.training.refresh_from_db()
    assert calendar.training.live
    assert "Lauftreff" not in summaries(client.get(f"{FEEDS}/events.ics"))
    category_feed = f"{FEEDS}/categories/{calendar.sport.slug}/events.ics"
    assert "Lauftreff" not in summaries(client.get(category_feed))
    assert client.get(f"{FEEDS}/clubs/tus/events.ics").status_code == 404
    assert client.get(f"{FEEDS}/jsonld/events/{calendar.training.pk}/").status_code == 404
    assert client.get(f"{FEEDS}/jsonld/clubs/{calendar.club.pk}/").status_code == 404
    for feed in ("news.rss", "news.atom"):
        response = client.get(f"{FEEDS}/{feed}")
        assert response.status_code == 200
        assert "Neue Trainingszeiten" not in response.content.decode()
    titles = [
        feature["properties"]["name"]
        for feature in client.get(f"{FEEDS}/clubs.geojson").json()["features"]
    ]
    assert "TuS Bitburg" not in titles
    # ... exactly as the content API says
    assert "Lauftreff" not in [e["title"] for e in client.get("/api/v1/events/").json()["results"]]


def test_feeds_show_the_club_content_while_the_club_is_published(client, calendar):
    assert "Lauftreff" in summaries(client.get(f"{FEEDS}/events.ics"))
    assert "Neue Trainingszeiten" in client.get(f"{FEEDS}/news.rss").content.decode()


@pytest.fixture
def event_of_a_draft_club(site_tree):
    secret = ClubPageFactory(
        parent=site_tree.clubs, title="Geheimer Verein", email="vorstand@geheim.example", live=False
    )
    event = EventPageFactory(parent=site_tree.events, title="Stadtlauf", organiser=secret)
    event.save_revision().publish()
    return event


def test_an_unpublished_organiser_is_left_out_of_ical_and_json_ld(client, event_of_a_draft_club):
    content = client.get(f"{FEEDS}/events.ics").content
    assert b"Stadtlauf" in content
    assert b"geheim.example" not in content
    assert b"Geheimer Verein" not in content
    data = client.get(f"{FEEDS}/jsonld/events/{event_of_a_draft_club.pk}/").json()
    assert "organizer" not in data
    assert "Geheimer Verein" not in str(data)


def test_an_organiser_unpublished_later_disappears_from_the_calendar(client, calendar):
    assert b"ehrenamt@bitburg.de" in client.get(f"{FEEDS}/events.ics").content
    calendar.agency.unpublish()
    content = client.get(f"{FEEDS}/events.ics").content
    assert b"Vereinsfest" in content  # below the events index, still public
    assert b"ehrenamt@bitburg.de" not in content


def test_expired_benefit_partners_are_hidden_everywhere(client, site_tree, calendar):
    expired = BenefitPartnerPageFactory(
        parent=site_tree.benefits, title="Alt & Vorbei", valid_until=dt.date(2021, 5, 1)
    )
    titles = [item["title"] for item in client.get("/api/v1/benefit-partners/").json()["results"]]
    assert "Eiscafé Venezia" in titles
    assert "Alt & Vorbei" not in titles
    assert client.get(f"/api/v1/benefit-partners/{expired.pk}/").status_code == 404
    assert client.get(f"{FEEDS}/jsonld/benefit-partners/{expired.pk}/").status_code == 404
    names = [
        feature["properties"]["name"]
        for feature in client.get(f"{FEEDS}/benefit-partners.geojson").json()["features"]
    ]
    assert "Abgelaufen GmbH" not in names
    assert "Eiscafé Venezia" in names

"""Output outside HTML: JSON-LD that is safe to embed in an inline script element, and plain
text (not HTML entities) in iCalendar DESCRIPTION, JSON-LD descriptions and feed summaries."""

import icalendar
import pytest

from tests.factories.pages import ClubPageFactory, EventPageFactory
from tests.factories.snippets import NewsItemFactory

pytestmark = pytest.mark.django_db

HOSTILE = "</script><script>alert(1)</script>"
FEEDS = "/api/v1/feeds"


def published(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def hostile(site_tree):
    club = published(
        ClubPageFactory(
            parent=site_tree.clubs,
            title=HOSTILE,
            slug="boese",
            description="<p>Sport &amp; Spiel &lt;für alle&gt;</p>",
        )
    )
    event = published(
        EventPageFactory(
            parent=club,
            title="Fest & Feier <draußen>",
            description="<p>Kuchen &amp; Kaffee</p>",
            organiser=club,
        )
    )
    NewsItemFactory(
        club=club, title="Neu", teaser="", body="<p>Tee &amp; Gebäck</p>", published=True
    )
    return club, event


@pytest.mark.parametrize("accept", ["application/ld+json", "application/json"])
def test_json_ld_escapes_what_would_end_an_inline_script(client, hostile, accept):
    club, event = hostile
    for url in (f"{FEEDS}/jsonld/clubs/{club.pk}/", f"{FEEDS}/jsonld/events/{event.pk}/"):
        response = client.get(url, HTTP_ACCEPT=accept)
        assert response.status_code == 200
        body = response.content.decode()
        assert not {"<", ">", "&"} & set(body), body
        assert "\\u003c/script\\u003e" in body or "\\u0026" in body
    club_data = client.get(f"{FEEDS}/jsonld/clubs/{club.pk}/", HTTP_ACCEPT=accept).json()
    assert club_data["name"] == HOSTILE
    assert club_data["description"] == "Sport & Spiel <für alle>"
    event_data = client.get(f"{FEEDS}/jsonld/events/{event.pk}/", HTTP_ACCEPT=accept).json()
    assert event_data["name"] == "Fest & Feier <draußen>"
    assert event_data["description"] == "Kuchen & Kaffee"
    assert event_data["organizer"]["name"] == HOSTILE


def test_ics_description_is_unescaped_plain_text(client, hostile):
    club, _event = hostile
    for url in (f"{FEEDS}/events.ics", f"{FEEDS}/clubs/{club.slug}/events.ics"):
        calendar = icalendar.Calendar.from_ical(client.get(url).content)
        (component,) = calendar.walk("VEVENT")
        description = str(component["DESCRIPTION"])
        assert description.startswith("Kuchen & Kaffee")
        assert "&amp;" not in description
        assert f"Veranstalter: {HOSTILE}" in description


def test_news_feed_summaries_are_plain_text(client, hostile):
    body = client.get(f"{FEEDS}/news.rss").content.decode()
    assert "Tee &amp; Gebäck" in body  # XML-escaped once, not "&amp;amp;"
    assert "&amp;amp;" not in body

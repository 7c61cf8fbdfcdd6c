"""One rule for an event's dates everywhere: the public calendar (/veranstaltungen/), the home
and club pages, an event's page, the feeds and the content API answer from the occurrences
stored when an event is saved (cms.pages.models.OccurrenceWindow), never by expanding a rule
per request, and agree on which events are upcoming and when they next take place."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cms.pages.models import EventPage
from cms.pages.models.events import EVENTS_PER_PAGE, NEXT_DATES_SHOWN
from tests.cms.api.conftest import fresh_api_cache  # noqa: F401 - autouse: here too
from tests.factories.pages import ClubPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db

CARD = re.compile(
    r'<a href="[^"]*">(?P<title>[^<]+)</a></h\d>\s*<p class="meta"><time datetime="(?P<when>[^"]+)"'
)


@pytest.fixture
def club(site_tree):
    return ClubPageFactory(parent=site_tree.clubs, title="Festverein")


def event(parent, title, start, rule=""):
    return EventPageFactory(
        parent=parent,
        title=title,
        start=start,
        end=start + dt.timedelta(hours=2),
        recurrence_rule=rule,
    )


@pytest.fixture
def dates(club):
    """A weekly meeting, a festival every four years (next in about 1,260 days: beyond what
    the site used to look ahead), a series that ended, and past and coming single events."""
    now = timezone.now().replace(microsecond=0)
    until = (now - dt.timedelta(days=30)).astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    return {
        "meeting": event(club, "Wochentreff", now - dt.timedelta(days=70), "FREQ=WEEKLY"),
        "festival": event(
            club, "Großes Fest", now - dt.timedelta(days=200), "FREQ=YEARLY;INTERVAL=4"
        ),
        "ended": event(
            club, "Alte Reihe", now - dt.timedelta(days=300), f"FREQ=WEEKLY;UNTIL={until}"
        ),
        "past": event(club, "Vorbei", now - dt.timedelta(days=3)),
        "coming": event(club, "Sommerfest", now + dt.timedelta(days=40)),
    }


def calendar_cards(html: str) -> dict[str, dt.datetime]:
    return {card["title"]: dt.datetime.fromisoformat(card["when"]) for card in CARD.finditer(html)}


def test_the_calendar_lists_what_the_api_calls_upcoming_at_the_same_next_dates(
    client, site_tree, dates
):
    cards = calendar_cards(client.get(site_tree.events.url).text)
    response = client.get("/api/v1/events/?upcoming=true&limit=100")
    assert response.status_code == 200
    api = {
        item["title"]: dt.datetime.fromisoformat(item["occurrences"][0]["start"])
        for item in response.json()["results"]
    }
    assert set(cards) == set(api) == {"Wochentreff", "Großes Fest", "Sommerfest"}
    assert cards == api
    assert cards["Großes Fest"] > dates["meeting"].start + dt.timedelta(days=3 * 365)


def test_the_site_the_feeds_and_the_api_read_stored_occurrences_and_expand_no_rule(
    client, site_tree, club, dates, expansions
):
    meeting = dates["meeting"]
    today = timezone.localdate()
    urls = [
        site_tree.events.url,
        site_tree.home.url,
        club.url,
        meeting.url,
        "/api/v1/feeds/events.ics",
        f"/api/v1/feeds/clubs/{club.slug}/events.ics",
        f"/api/v1/feeds/jsonld/events/{meeting.pk}/",
        "/api/v1/events/?upcoming=true",
        f"/api/v1/events/?from={today.isoformat()}&to={today + dt.timedelta(days=300)}",
        f"/api/v1/events/{meeting.pk}/?upcoming=true",
        f"/api/v1/events/{meeting.pk}/?from={today.year + 10}-01-01&to={today.year + 10}-12-31",
    ]
    for url in urls:
        assert client.get(url).status_code == 200, url
    assert expansions == []


def test_an_event_page_lists_its_next_stored_dates(client, dates):
    page = client.get(dates["meeting"].url).text
    shown = re.findall(r'<li><time datetime="([^"]+)"', page)
    assert len(shown) == NEXT_DATES_SHOWN
    starts = [dt.datetime.fromisoformat(each) for each in shown]
    assert starts == sorted(starts)
    assert timezone.now() - dt.timedelta(hours=2) <= starts[0]
    assert starts[1] - starts[0] == dt.timedelta(days=7)


def test_a_series_not_stored_is_still_shown_by_one_expansion(client, site_tree, dates, expansions):
    """Written without its save (or stored before the allowed range moved on)."""
    EventPage.objects.filter(pk=dates["meeting"].pk).update(occurrences_until=None)
    cards = calendar_cards(client.get(site_tree.events.url).text)
    assert "Wochentreff" in cards
    assert cards["Wochentreff"] >= timezone.now() - dt.timedelta(hours=2, minutes=1)
    assert len(expansions) == 1


def test_the_calendar_costs_the_same_queries_however_many_series_it_lists(
    client, site_tree, club, django_assert_max_num_queries
):
    now = timezone.now()
    event(club, "Täglich 0", now, "FREQ=DAILY")
    with CaptureQueriesContext(connection) as one:
        assert "Täglich 0" in calendar_cards(client.get(site_tree.events.url).text)
    for number in range(1, 6):
        event(club, f"Täglich {number}", now, "FREQ=DAILY")
        event(club, f"Einmal {number}", now + dt.timedelta(days=number))
    with django_assert_max_num_queries(len(one)):
        assert len(calendar_cards(client.get(site_tree.events.url).text)) == 11


def test_the_calendar_lists_its_events_in_pages_soonest_first(client, site_tree, club):
    now = timezone.now()
    for number in range(EVENTS_PER_PAGE + 3):
        event(club, f"Termin {number:02d}", now + dt.timedelta(days=number + 1))
    first = client.get(site_tree.events.url).text
    second = client.get(f"{site_tree.events.url}?seite=2").text
    titles = list(calendar_cards(first)) + list(calendar_cards(second))
    assert titles == [f"Termin {number:02d}" for number in range(EVENTS_PER_PAGE + 3)]
    assert len(calendar_cards(first)) == EVENTS_PER_PAGE
    assert 'rel="next"' in first
    assert 'rel="prev"' in second
    for missing in ("3", "0", "zwei"):
        assert client.get(f"{site_tree.events.url}?seite={missing}").status_code == 404

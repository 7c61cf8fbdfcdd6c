"""Filters external apps need: taxonomy, club, kind, date windows, geography, search, ordering."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.db import connection

from cms.pages.models import ClubPage, EventExceptionDate
from tests.factories.pages import BenefitPartnerPageFactory, ClubPageFactory, EventPageFactory
from tests.factories.snippets import NewsItemFactory

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")


def titles(response):
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["results"]]


@pytest.fixture
def calendar(site_tree):
    """A monthly meeting (first Tuesday, one exception), a one-off festival, a past event."""
    club = ClubPageFactory(parent=site_tree.clubs, title="Ehrenamtsagentur")
    meeting = EventPageFactory(
        parent=club,
        title="Offenes Treffen",
        start=dt.datetime(2026, 1, 6, 18, 0, tzinfo=BERLIN),
        end=dt.datetime(2026, 1, 6, 20, 0, tzinfo=BERLIN),
        recurrence_rule="FREQ=MONTHLY;BYDAY=1TU",
    )
    EventExceptionDate.objects.create(event=meeting, date=dt.date(2026, 12, 1))
    festival = EventPageFactory(
        parent=site_tree.events,
        title="Bitburg engagiert sich",
        start=dt.datetime(2026, 9, 12, 10, 0, tzinfo=BERLIN),
        end=dt.datetime(2026, 9, 12, 18, 0, tzinfo=BERLIN),
        latitude="49.967",
        longitude="6.527",
    )
    past = EventPageFactory(
        parent=site_tree.events,
        title="Ehrenamtstag 2020",
        start=dt.datetime(2020, 9, 5, 10, 0, tzinfo=BERLIN),
        end=None,
    )
    return {"club": club, "meeting": meeting, "festival": festival, "past": past}


def test_window_expands_recurrences_and_honours_exceptions(client, calendar):
    response = client.get("/api/v1/events/?from=2026-09-01&to=2026-09-30")
    assert titles(response) == ["Offenes Treffen", "Bitburg engagiert sich"]
    meeting = response.json()["results"][0]
    assert [o["start"] for o in meeting["occurrences"]] == ["2026-09-01T18:00:00+02:00"]
    # 1 December 2026 is an exception date: no occurrence, so the meeting drops out.
    assert titles(client.get("/api/v1/events/?from=2026-11-20&to=2026-12-05")) == []
    assert titles(client.get("/api/v1/events/?from=2027-01-01&to=2027-01-31")) == [
        "Offenes Treffen"
    ]


def test_upcoming(client, calendar):
    assert "Ehrenamtstag 2020" not in titles(client.get("/api/v1/events/?upcoming=true"))
    assert "Offenes Treffen" in titles(client.get("/api/v1/events/?upcoming=true"))


def test_taxonomy_club_and_kind_filters(client, content, calendar):
    assert titles(client.get("/api/v1/events/?category=kultur")) == ["Offenes Treffen"]
    assert titles(client.get("/api/v1/events/?target_group=senioren")) == ["Offenes Treffen"]
    assert titles(client.get(f"/api/v1/events/?club={calendar['club'].pk}")) == ["Offenes Treffen"]
    assert client.get("/api/v1/events/?category=gibt-es-nicht").status_code == 400
    content["other"].kind = ClubPage.Kind.INITIATIVE
    content["other"].save_revision().publish()
    assert titles(client.get("/api/v1/clubs/?kind=initiative")) == ["DRK Bitburg"]
    assert titles(client.get(f"/api/v1/news/?club={content['club'].pk}")) == ["Neue Räume"]


def test_unpublished_club_is_not_a_valid_filter_value(client, site_tree, content):
    hidden = ClubPageFactory(parent=site_tree.clubs, live=False)
    unknown = client.get(f"/api/v1/events/?club={hidden.pk}")
    missing = client.get("/api/v1/events/?club=999999")
    assert unknown.status_code == missing.status_code == 400
    assert str(hidden.pk) in unknown.json()["detail"]


def test_bbox_and_near(client, calendar):
    assert titles(client.get("/api/v1/events/?bbox=6.48,49.94,6.56,49.99")) == [
        "Bitburg engagiert sich"
    ]
    assert titles(client.get("/api/v1/events/?bbox=7.0,50.0,7.1,50.1")) == []
    near = client.get("/api/v1/events/?near=49.97,6.53&within_km=2&ordering=distance")
    assert titles(near) == ["Bitburg engagiert sich"]
    # Trier is about 40 km away.
    assert titles(client.get("/api/v1/events/?near=49.75,6.64&within_km=10")) == []


def test_partners_by_category_and_distance(client, site_tree):
    BenefitPartnerPageFactory(
        parent=site_tree.benefits, title="Eis-Café", category="essen-trinken-gastronomie"
    )
    BenefitPartnerPageFactory(parent=site_tree.benefits, title="Kino", category="multimedia")
    response = client.get("/api/v1/benefit-partners/?category=essen-trinken-gastronomie")
    assert titles(response) == ["Eis-Café"]


def test_updated_since_and_ordering(client, content):
    first = content["news"]
    second = NewsItemFactory(club=content["club"], title="Später", published=True)
    second.refresh_from_db()
    since = second.last_published_at.isoformat()
    assert titles(client.get("/api/v1/news/", {"updated_since": since})) == ["Später"]
    assert titles(client.get("/api/v1/news/?ordering=title")) == [first.title, "Später"]
    assert titles(client.get("/api/v1/news/?ordering=-title")) == ["Später", first.title]


def test_pagination_links_and_limits(client, site_tree):
    for number in range(5):
        EventPageFactory(parent=site_tree.events, title=f"E{number}")
    body = client.get("/api/v1/events/?limit=2&offset=2").json()
    assert body["count"] == 5
    assert [item["title"] for item in body["results"]] == ["E2", "E3"]
    assert "offset=4" in body["next"] and body["previous"].startswith("http://testserver/")


def test_fulltext_search(client, site_tree, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        club = ClubPageFactory(parent=site_tree.clubs, title="Sportverein Bitburg")
        ClubPageFactory(parent=site_tree.clubs, title="Kulturgemeinschaft")
        NewsItemFactory(club=club, title="Sommerfest im Stadion", published=True)
    assert titles(client.get("/api/v1/clubs/?q=Sportverein")) == ["Sportverein Bitburg"]
    assert titles(client.get("/api/v1/news/?q=Sommerfest")) == ["Sommerfest im Stadion"]


@pytest.mark.postgres
def test_german_stemming_on_postgres(client, site_tree, django_capture_on_commit_callbacks):
    if connection.vendor != "postgresql":
        pytest.skip("German stemming is configured for PostgreSQL only")
    with django_capture_on_commit_callbacks(execute=True):
        ClubPageFactory(parent=site_tree.clubs, title="Verein der Freunde", description="")
    assert titles(client.get("/api/v1/clubs/?q=Vereine")) == ["Verein der Freunde"]

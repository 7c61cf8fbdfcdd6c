"""Offers stay fresh (issue #16, point 4, core part): an opportunity past its review date
disappears from the API and the public site, as a publication condition of the model."""

import datetime as dt

import pytest
from django.utils import timezone

from cms.core.publication import published
from cms.snippets.models import VolunteerOpportunity, default_review_date
from tests.factories.pages import BERLIN, ClubPageFactory
from tests.factories.snippets import VolunteerOpportunityFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/opportunities/"


def listed(client):
    response = client.get(URL)
    assert response.status_code == 200, response.content
    return {item["title"] for item in response.json()["results"]}


@pytest.fixture
def club(site_tree):
    return ClubPageFactory(parent=site_tree.clubs, title="Haus der Jugend")


def offer(club, title, review_by):
    return VolunteerOpportunityFactory(club=club, title=title, review_by=review_by, published=True)


def test_an_offer_past_its_review_date_is_gone_from_list_detail_and_club_page(client, club):
    today = timezone.localdate()
    current = offer(club, "Hausaufgabenhilfe", today)
    stale = offer(club, "Ferienbetreuung 2025", today - dt.timedelta(days=1))

    assert listed(client) == {"Hausaufgabenhilfe"}
    assert client.get(f"{URL}{current.pk}/").status_code == 200
    assert client.get(f"{URL}{stale.pk}/").status_code == 404
    assert client.get(f"{URL}{stale.slug}/").status_code == 404
    page = client.get(club.url).text
    assert "Hausaufgabenhilfe" in page
    assert "Ferienbetreuung 2025" not in page


def test_an_offer_disappears_at_midnight_after_its_review_date(client, club, monkeypatch):
    """The clock frozen one minute before and one minute after midnight in Berlin: the
    cached list of the evening does not answer for the next day."""
    last_day = timezone.localdate() + dt.timedelta(days=1)
    item = offer(club, "Hausaufgabenhilfe", last_day)
    evening = dt.datetime.combine(last_day, dt.time(23, 59), BERLIN)
    monkeypatch.setattr(timezone, "now", lambda: evening)
    assert listed(client) == {"Hausaufgabenhilfe"}
    assert client.get(f"{URL}{item.pk}/").status_code == 200
    assert "Hausaufgabenhilfe" in client.get(club.url).text

    monkeypatch.setattr(timezone, "now", lambda: evening + dt.timedelta(minutes=2))
    assert listed(client) == set()
    assert client.get(f"{URL}{item.pk}/").status_code == 404
    assert "Hausaufgabenhilfe" not in client.get(club.url).text


def test_extending_the_review_date_brings_the_offer_back(client, club):
    stale = offer(club, "Lesepatenschaft", timezone.localdate() - dt.timedelta(days=3))
    assert listed(client) == set()
    stale.review_by = timezone.localdate() + dt.timedelta(days=180)
    stale.save_revision().publish()
    assert listed(client) == {"Lesepatenschaft"}


def test_the_review_date_defaults_to_six_months_from_today(club, monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: dt.datetime(2027, 8, 31, 12, 0, tzinfo=BERLIN))
    assert default_review_date() == dt.date(2028, 2, 29)
    created = VolunteerOpportunityFactory(club=club)
    assert created.review_by == dt.date(2028, 2, 29)


def test_a_revision_without_review_date_is_published_with_the_default(club):
    """Drafts saved before review_by was required hold null in their revision."""
    item = VolunteerOpportunityFactory(club=club, title="Alter Entwurf")
    revision = item.save_revision()
    revision.content["review_by"] = None
    revision.save(update_fields=["content"])
    revision.publish()
    item.refresh_from_db()
    assert item.review_by == default_review_date()
    assert published(VolunteerOpportunity.objects.filter(pk=item.pk)).exists()

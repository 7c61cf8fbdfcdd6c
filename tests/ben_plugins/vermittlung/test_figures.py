"""The steering group's figures from a known fixture (issue #16, point 5): the JSON for
dashboards, the admin report with its SVG charts and tables, and no personal data."""

import datetime as dt

import pytest
from django.utils import timezone

from ben_plugins.vermittlung import figures
from ben_plugins.vermittlung.factories import InterestMessageFactory
from ben_plugins.vermittlung.models import InterestMessage
from tests.factories.pages import BERLIN
from tests.factories.snippets import CategoryFactory, VolunteerOpportunityFactory

pytestmark = pytest.mark.django_db

JSON = "/api/v1/vermittlung/figures/"
REPORT = "/admin/vermittlung/kennzahlen/"


def at(day: dt.date, hour: int = 12) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), BERLIN)


@pytest.fixture
def known(clock, club_a, club_b):
    """This month: three messages (two to club A about a social offer, one to club B about an
    integration offer), the first of them placed five days after it arrived (still this
    month: it arrived on the 1st, the clock stands on the 15th); last month: one; thirteen
    months ago: one (outside)."""
    now = clock.set(at(timezone.localdate().replace(day=15)))  # mid-month: no edge cases
    months = figures.month_starts(timezone.localdate())
    social, integration = CategoryFactory(name="Soziales"), CategoryFactory(name="Integration")
    lunch = VolunteerOpportunityFactory(club=club_a, title="Mittagstisch", published=True)
    lunch.categories.set([social])
    lunch.save_revision().publish()
    language = VolunteerOpportunityFactory(club=club_b, title="Sprachcafé", published=True)
    language.categories.set([integration, social])
    language.save_revision().publish()
    VolunteerOpportunityFactory(
        club=club_a, review_by=timezone.localdate() - dt.timedelta(days=1), published=True
    )

    def message(opportunity, submitted, contact_after=None, placed_after=None):
        created = InterestMessageFactory(
            opportunity=opportunity,
            club=opportunity.club,
            submitted_at=submitted,
            confirmed_at=submitted,
        )
        changes = {}
        if contact_after is not None:
            changes = {"status": "contacted", "first_contact_at": submitted + contact_after}
        if placed_after is not None:
            changes.update(status="placed", outcome_at=submitted + placed_after)
        InterestMessage.objects.filter(pk=created.pk).update(**changes)

    message(
        lunch,
        at(months[-1], 1),
        contact_after=dt.timedelta(days=1),
        placed_after=dt.timedelta(days=5),
    )
    message(lunch, now - dt.timedelta(days=6), contact_after=dt.timedelta(days=3))
    message(language, at(months[-1], 2))
    message(language, at(months[-2] + dt.timedelta(days=10)), contact_after=dt.timedelta(days=2))
    message(lunch, at(months[0] - dt.timedelta(days=40)), contact_after=dt.timedelta(days=30))
    return {"now": now, "months": months, "club_a": club_a, "club_b": club_b}


def test_figures_from_a_known_fixture(known):
    data = figures.compute()
    months = [row["month"] for row in data["interests_per_month"]]
    assert len(months) == 12 and months[-1] == known["months"][-1].strftime("%Y-%m")
    per_month = {row["month"]: row["interests"] for row in data["interests_per_month"]}
    assert per_month[months[-1]] == 3
    assert per_month[months[-2]] == 1
    assert sum(per_month.values()) == data["interests"] == 4
    assert data["interests_by_club"] == [
        {"club": known["club_a"].pk, "name": "Tafel Bitburg", "interests": 2},
        {"club": known["club_b"].pk, "name": "Turnverein Prüm", "interests": 2},
    ]
    assert data["interests_by_category"] == [
        {"category": "soziales", "name": "Soziales", "interests": 4},
        {"category": "integration", "name": "Integration", "interests": 2},
    ]
    assert data["median_days_to_first_contact"] == 2.0
    assert data["placements"] == 1
    assert [row["placements"] for row in data["interests_per_month"]] == [0] * 11 + [1]
    assert data["offers"] == {"live": 2, "expired": 1}
    assert data["period"]["start"] == known["months"][0].isoformat()


def test_placements_count_by_the_month_of_the_outcome(client, clock, known, editor_b):
    """Last month's message to club B, placed today through the inbox: a placement of this
    month, beside the one already there; the interest stays in last month."""
    message = InterestMessage.objects.get(club=known["club_b"], status="contacted")
    client.force_login(editor_b)
    response = client.post(
        f"/admin/vermittlung/interestmessage/transition/{message.pk}/", {"target": "placed"}
    )
    assert response.status_code == 302
    data = figures.compute()
    assert data["placements"] == 2
    assert data["interests_per_month"][-1]["placements"] == 2
    assert data["interests_per_month"][-2] == {
        "month": known["months"][-2].strftime("%Y-%m"),
        "interests": 1,
        "placements": 0,
    }


def test_the_json_is_the_same_and_holds_no_personal_data(client, known):
    response = client.get(JSON)
    assert response.status_code == 200
    assert response.json() == figures.compute()
    text = response.content.decode()
    for message in InterestMessage.objects.all():
        assert message.email not in text and message.name not in text
    assert client.get(f"{JSON}?months=3").status_code == 400  # no silent parameters


def test_the_schema_documents_the_figures(client):
    schema = client.get("/api/v1/schema/?format=json").json()
    operation = schema["paths"][JSON]["get"]
    reference = operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    properties = schema["components"]["schemas"][reference.rsplit("/", 1)[1]]["properties"]
    assert {
        "interests_per_month",
        "interests_by_category",
        "interests_by_club",
        "placements",
        "median_days_to_first_contact",
        "offers",
    } <= set(properties)


def test_the_report_page_draws_svg_charts_with_text_alternatives(client, known, moderator):
    client.force_login(moderator)
    response = client.get(REPORT)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('<svg role="img"') >= 4
    assert '<title id="diagramm-vereine-titel">' in html
    assert '<desc id="diagramm-vereine-beschreibung">' in html
    assert "<caption>Interessensbekundungen nach Verein als Tabelle</caption>" in html
    assert "Turnverein Prüm" in html
    assert '<script src="http' not in html
    for message in InterestMessage.objects.all():
        assert message.email not in html


def test_club_editors_do_not_open_the_report(client, editor_a):
    client.force_login(editor_a)
    assert client.get(REPORT).status_code == 403

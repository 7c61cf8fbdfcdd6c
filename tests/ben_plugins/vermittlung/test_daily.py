"""The daily command with the clock frozen (issue #16, points 3 and 4): the 7-day flag to the
agency, the 14-day email to the citizen, the review reminders 14 days before and on the day,
the one-click extension used once, and expired offers vanishing and listed for moderators."""

import datetime as dt
import io
import re

import pytest
from dateutil.relativedelta import relativedelta
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import ModelLogEntry

from ben_plugins.vermittlung.factories import InterestMessageFactory
from ben_plugins.vermittlung.models import InterestMessage, ReviewReminder
from cms.snippets.models import VolunteerOpportunity
from tests.ben_plugins.core.intake_helpers import committed, path_of
from tests.factories.snippets import VolunteerOpportunityFactory

from .conftest import AGENCY

pytestmark = pytest.mark.django_db

EXTEND_LINK = r"https?://\S+/mitmachen/vermittlung/verlaengern/[^/\s]+/"
API = "/api/v1/opportunities/"


def run_daily():
    mail.outbox.clear()
    committed(call_command, "vermittlung_daily", stdout=io.StringIO())
    return mail.outbox


def listed(client):
    response = client.get(API)
    assert response.status_code == 200
    return {item["title"] for item in response.json()["results"]}


@pytest.fixture
def start(clock):
    """Messages arrive now; the clock then moves forward."""
    return clock.set(timezone.now().replace(microsecond=0))


def test_a_message_untouched_for_seven_days_is_flagged_to_the_agency_once(
    clock, start, opportunity, editor_a
):
    waiting = InterestMessageFactory(opportunity=opportunity, club=opportunity.club)
    answered = InterestMessageFactory(opportunity=opportunity, club=opportunity.club)
    InterestMessage.transitions.move(answered, "contacted", editor_a)

    clock.set(start + dt.timedelta(days=7, minutes=-1))
    assert run_daily() == []
    clock.set(start + dt.timedelta(days=7, minutes=1))
    (flag,) = run_daily()
    assert flag.to == [AGENCY]
    assert "Seit 7 Tagen unbeantwortet" in flag.subject
    assert f"/admin/vermittlung/interestmessage/inspect/{waiting.pk}/" in flag.body
    waiting.refresh_from_db()
    assert waiting.flagged_at == clock.now
    assert InterestMessage.objects.get(pk=answered.pk).flagged_at is None
    assert run_daily() == []  # once


def test_after_fourteen_days_without_contact_the_citizen_hears_the_agency_helps(
    clock, start, opportunity, editor_a, moderator
):
    forgotten = InterestMessageFactory(opportunity=opportunity, club=opportunity.club)
    taken_over = InterestMessageFactory(opportunity=opportunity, club=opportunity.club)
    InterestMessage.transitions.move(taken_over, "taken_over", moderator)
    contacted_late = InterestMessageFactory(opportunity=opportunity, club=opportunity.club)

    clock.set(start + dt.timedelta(days=10))
    InterestMessage.transitions.move(contacted_late, "contacted", editor_a)
    clock.set(start + dt.timedelta(days=14, minutes=-1))
    assert {tuple(sent.to) for sent in run_daily()} == {(AGENCY,)}  # the 7-day flag only
    clock.set(start + dt.timedelta(days=14, minutes=1))
    sent = run_daily()
    assert sorted(message.to[0] for message in sent) == sorted([forgotten.email, taken_over.email])
    assert all("die Ehrenamtsagentur hilft" in message.subject for message in sent)
    assert "Tafel Bitburg" in sent[0].body
    assert run_daily() == []


def test_the_plugin_switched_off_escalates_nothing(clock, start, opportunity, switch_plugin):
    InterestMessageFactory(opportunity=opportunity, club=opportunity.club)
    switch_plugin("vermittlung", False)
    clock.set(start + dt.timedelta(days=15))
    assert run_daily() == []


def extend_link(message) -> str:
    return path_of(re.search(EXTEND_LINK, message.body).group(0))


def test_review_reminders_fourteen_days_before_and_on_the_day(clock, start, club_a):
    today = timezone.localdate()
    soon = VolunteerOpportunityFactory(
        club=club_a,
        title="Hausaufgabenhilfe",
        contact_email="lernen@verein.example",
        review_by=today + dt.timedelta(days=14),
        published=True,
    )
    due = VolunteerOpportunityFactory(
        club=club_a, title="Kleiderkammer", review_by=today, published=True
    )
    later = today + dt.timedelta(days=15)
    VolunteerOpportunityFactory(club=club_a, review_by=later, published=True)
    VolunteerOpportunityFactory(club=club_a, title="Entwurf", review_by=today)  # not live

    sent = {message.to[0]: message for message in run_daily()}
    assert set(sent) == {"lernen@verein.example", "tafel@verein.example"}
    in_two_weeks = (today + dt.timedelta(days=14)).strftime("%d.%m.%Y")
    assert (
        sent["lernen@verein.example"].subject == f"Am {in_two_weeks} läuft „Hausaufgabenhilfe“ ab"
    )
    assert sent["tafel@verein.example"].subject == "Heute läuft „Kleiderkammer“ ab"
    assert re.search(EXTEND_LINK, sent["tafel@verein.example"].body)
    assert ReviewReminder.objects.filter(opportunity=soon, kind="before").exists()
    assert ReviewReminder.objects.filter(opportunity=due, kind="due").exists()
    assert run_daily() == []  # never twice


def test_missed_daily_runs_lose_no_review_reminder(clock, start, club_a):
    """The command did not run for days: the next run sends the reminders that fell due
    meanwhile, each once, and an „on the day“ reminder that comes late says so."""
    today = timezone.localdate()
    soon = VolunteerOpportunityFactory(
        club=club_a,
        title="Hausaufgabenhilfe",
        contact_email="lernen@verein.example",
        review_by=today + dt.timedelta(days=16),
        published=True,
    )
    lapsed = VolunteerOpportunityFactory(
        club=club_a, title="Kleiderkammer", review_by=today + dt.timedelta(days=1), published=True
    )
    forgotten = VolunteerOpportunityFactory(
        club=club_a, title="Altes Angebot", review_by=today - dt.timedelta(days=30), published=True
    )
    (first,) = run_daily()  # the old offer is only for the moderators' list
    assert first.subject.endswith("läuft „Kleiderkammer“ ab") and first.subject.startswith("Am ")

    clock.set(start + dt.timedelta(days=3))  # runs missed: 14 days before one, the day of the other
    sent = {message.to[0]: message for message in run_daily()}
    assert set(sent) == {"lernen@verein.example", "tafel@verein.example"}
    assert sent["tafel@verein.example"].subject == "„Kleiderkammer“ ist abgelaufen"
    assert "Seit dem Tag danach" in sent["tafel@verein.example"].body
    assert "Am " in sent["lernen@verein.example"].subject
    assert set(ReviewReminder.objects.values_list("opportunity", "kind")) == {
        (lapsed.pk, "before"),
        (soon.pk, "before"),
        (lapsed.pk, "due"),
    }
    assert not ReviewReminder.objects.filter(opportunity=forgotten).exists()
    assert run_daily() == []  # never twice

    clock.set(start + dt.timedelta(days=16))
    (on_the_day,) = run_daily()
    assert on_the_day.subject == "Heute läuft „Hausaufgabenhilfe“ ab"


def test_the_extend_link_works_once_and_brings_an_expired_offer_back(
    client, clock, start, club_a, moderator
):
    today = timezone.localdate()
    offer = VolunteerOpportunityFactory(
        club=club_a, title="Kleiderkammer", review_by=today, published=True
    )
    (reminder,) = run_daily()
    link = extend_link(reminder)
    assert listed(client) == {"Kleiderkammer"}

    clock.set(start + dt.timedelta(days=1))  # the day after: gone
    assert listed(client) == set()
    client.force_login(moderator)
    expired = client.get("/admin/vermittlung/abgelaufen/").content.decode()
    assert "Kleiderkammer" in expired
    client.logout()

    page = client.get(link)
    assert page.status_code == 200 and "Kleiderkammer" in page.content.decode()
    assert VolunteerOpportunity.objects.get(pk=offer.pk).review_by == today  # GET changes nothing
    done = committed(client.post, link)
    assert done.status_code == 200
    new_date = timezone.localdate() + relativedelta(months=6)  # from the day of the click
    offer.refresh_from_db()
    assert offer.review_by == new_date
    assert offer.review_by.strftime("%d.%m.%Y") in done.content.decode()
    assert listed(client) == {"Kleiderkammer"}

    again = client.post(link)
    assert again.status_code == 410
    assert "bereits benutzt" in again.content.decode()
    offer.refresh_from_db()
    assert offer.review_by == new_date


def test_the_extension_adds_six_months_and_survives_a_later_publish(client, start, club_a):
    today = timezone.localdate()
    offer = VolunteerOpportunityFactory(
        club=club_a,
        title="Hausaufgabenhilfe",
        review_by=today + dt.timedelta(days=14),
        published=True,
    )
    (reminder,) = run_daily()
    committed(client.post, extend_link(reminder))
    offer.refresh_from_db()
    expected = today + dt.timedelta(days=14)
    assert offer.review_by == expected + relativedelta(months=6)
    offer.latest_revision.publish()
    offer.refresh_from_db()
    assert offer.review_by == expected + relativedelta(months=6)
    entry = ModelLogEntry.objects.get(action="vermittlung.extend", object_id=str(offer.pk))
    assert entry.message == (
        "Prüfdatum per Link aus der Erinnerung verlängert bis "
        f"{expected + relativedelta(months=6):%d.%m.%Y}"
    )


def test_a_link_for_a_date_already_moved_extends_nothing(client, start, club_a):
    today = timezone.localdate()
    offer = VolunteerOpportunityFactory(
        club=club_a, title="Tafel", review_by=today + dt.timedelta(days=14), published=True
    )
    (reminder,) = run_daily()
    VolunteerOpportunity.objects.filter(pk=offer.pk).update(review_by=today + dt.timedelta(days=90))
    response = committed(client.post, extend_link(reminder))
    assert "schon verlängert" in response.content.decode()
    offer.refresh_from_db()
    assert offer.review_by == today + dt.timedelta(days=90)


def test_only_the_agency_sees_the_expired_offers(client, editor_a, moderator):
    client.force_login(editor_a)
    assert client.get("/admin/vermittlung/abgelaufen/").status_code == 403
    client.force_login(moderator)
    assert client.get("/admin/vermittlung/abgelaufen/").status_code == 200

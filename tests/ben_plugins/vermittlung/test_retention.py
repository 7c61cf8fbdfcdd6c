"""Retention and the data subject's rights (issue #16, point 6): personal data of a message
go six months after its outcome (configurable), the counts stay for the figures; Art. 15
export and Art. 17 erasure find the messages by email address."""

import datetime as dt
import io
import json

import pytest
from dateutil.relativedelta import relativedelta
from django.core.management import call_command
from django.utils import timezone

from ben_plugins.vermittlung import figures
from ben_plugins.vermittlung.factories import InterestMessageFactory
from ben_plugins.vermittlung.models import InterestMessage

pytestmark = pytest.mark.django_db

INBOX = "/admin/vermittlung/interestmessage/"


def retention():
    call_command("ben_retention", stdout=io.StringIO())


def message(opportunity, **fields):
    created = InterestMessageFactory(opportunity=opportunity, club=opportunity.club)
    InterestMessage.all_submissions.filter(pk=created.pk).update(**fields)
    return created


def personal(record):
    record = InterestMessage.all_submissions.get(pk=record.pk)
    return [record.name, record.email, record.phone, record.message]


@pytest.fixture
def now(clock):
    return clock.set(timezone.now())


def test_six_months_after_the_outcome_the_personal_data_go_and_the_count_stays(now, opportunity):
    six_months = now - relativedelta(months=6)
    old = message(opportunity, status="placed", outcome_at=six_months - dt.timedelta(hours=1))
    young = message(opportunity, status="placed", outcome_at=six_months + dt.timedelta(hours=1))
    open_old = message(opportunity, submitted_at=now - relativedelta(months=12, days=1))
    open_young = message(opportunity, submitted_at=now - relativedelta(months=11))
    unconfirmed = message(opportunity, confirmed_at=None, submitted_at=now - dt.timedelta(hours=49))
    before = figures.compute()["interests_by_club"]

    retention()

    assert personal(old) == ["", "", "", ""]
    assert personal(open_old) == ["", "", "", ""]
    assert personal(young)[0] == "Lena Hoffmann"
    assert personal(open_young)[0] == "Lena Hoffmann"
    assert not InterestMessage.all_submissions.filter(pk=unconfirmed.pk).exists()
    assert InterestMessage.objects.get(pk=old.pk).status == "placed"  # the outcome stays
    assert figures.compute()["interests_by_club"] == before


def test_the_period_is_configurable(now, opportunity, settings):
    settings.BEN_RETENTION_MONTHS = {"vermittlung": 3}
    closed = message(opportunity, status="not_suitable", outcome_at=now - relativedelta(months=4))
    retention()
    assert personal(closed) == ["", "", "", ""]


def test_art_15_export_and_art_17_erasure(opportunity):
    record = InterestMessageFactory(
        opportunity=opportunity, club=opportunity.club, email="lena@example.org"
    )
    out = io.StringIO()
    call_command("ben_personal_data", email="lena@example.org", stdout=out)
    exported = json.dumps(json.loads(out.getvalue()), ensure_ascii=False)
    assert "Ich hätte dienstags Zeit und fahre gern Auto." in exported
    assert "Interessensbekundung" in exported

    call_command("ben_personal_data", email="lena@example.org", erase=True, stdout=io.StringIO())
    assert not InterestMessage.all_submissions.filter(pk=record.pk).exists()


def test_a_contact_counts_as_an_outcome_and_the_fallback_only_covers_the_uncontacted(
    client, clock, now, opportunity, editor_a
):
    """„Kontaktiert“ recorded through the admin: six months later the data go, not twelve
    months after arrival; messages never contacted (new or taken over) keep the 12-month
    rule, and a contact late in those 12 months still gets its six months."""
    arrived = now - relativedelta(months=7)
    contacted = message(opportunity, submitted_at=arrived, confirmed_at=arrived)
    late = message(opportunity, submitted_at=now - relativedelta(months=12, days=1))
    taken_over = message(
        opportunity, status="taken_over", submitted_at=now - relativedelta(months=12, days=1)
    )
    client.force_login(editor_a)
    for record, moment in (
        (contacted, now - relativedelta(months=6, days=1)),
        (late, now - relativedelta(months=1)),
    ):
        clock.set(moment)
        response = client.post(INBOX + f"transition/{record.pk}/", {"target": "contacted"})
        assert response.status_code == 302
        assert InterestMessage.objects.get(pk=record.pk).first_contact_at == moment
    clock.set(now)

    retention()

    assert personal(contacted) == ["", "", "", ""]
    assert personal(late)[0] == "Lena Hoffmann"  # contacted a month ago: six months from then
    assert personal(taken_over) == ["", "", "", ""]


def test_the_consent_text_states_both_periods(client, opportunity):
    consent = client.get("/api/v1/vermittlung/interests/consent/").json()
    assert "sechs Monate nach dem letzten Ergebnis" in consent["text"]
    assert "zwölf Monate nach Eingang" in consent["text"]

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

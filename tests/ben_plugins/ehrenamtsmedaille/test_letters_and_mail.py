"""Certificate and thank-you letter as PDF (parsed back, umlauts intact) for the chair, and
the nominator's email: after the award date, never before, once."""

import io
from datetime import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import TestCase

from ben_plugins.core.personal_data.models import AccessLogEntry
from ben_plugins.ehrenamtsmedaille.factories import NominationFactory
from ben_plugins.ehrenamtsmedaille.models import Nomination, Vote
from tests.ben_plugins.core.test_letters import pdf_text, require_pango

from .conftest import BERLIN

pytestmark = pytest.mark.django_db
BASE = "/admin/ehrenamtsmedaille/nomination/"


@pytest.mark.parametrize(
    ("status", "letter", "expected"),
    [
        ("medal", "ehrenamtsmedaille.certificate", "die Ehrenamtsmedaille 2027"),
        ("letter", "ehrenamtsmedaille.thank_you", "im Namen der Stadt Bitburg von Herzen"),
        ("letter", "ehrenamtsmedaille.art14_notice", "Art. 6 Abs. 1 lit. e DSGVO"),
    ],
)
def test_the_chair_prints_the_letter_of_the_decision(
    client, chair, call, frozen, status, letter, expected
):
    require_pango()
    nomination = NominationFactory(
        call=call, nominee_name="Jürgen Größ-Weiß", status=status, field_of_engagement="Soziales"
    )
    client.force_login(chair)
    jury_page = client.get("/admin/ehrenamtsmedaille/jury/").content.decode()
    url = f"{BASE}letter/{nomination.pk}/?letter={letter}"
    assert url in jury_page

    response = client.get(url)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(pdf_text(response.content).split())
    assert "Jürgen Größ-Weiß" in text
    assert expected in text
    assert "Soziales" in text
    assert "1. Mai 2027" in text
    assert AccessLogEntry.objects.filter(action="letter", object_id=str(nomination.pk)).exists()


def inform():
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("ehrenamtsmedaille_inform_nominators", stdout=io.StringIO())


def test_the_nominator_hears_of_the_decision_after_the_award_date_only(call, frozen):
    medal = NominationFactory(call=call, status="medal", email="kaethe@example.org")
    NominationFactory(call=call, status="open", email="offen@example.org")

    frozen.move(datetime(2027, 5, 1, 20, 0, tzinfo=BERLIN))  # the award day itself
    inform()
    assert mail.outbox == []

    frozen.move(datetime(2027, 5, 2, 8, 0, tzinfo=BERLIN))
    inform()
    [message] = mail.outbox
    assert message.to == ["kaethe@example.org"]
    assert "Ehrenamtsmedaille 2027" in message.subject
    assert (
        "„Jürgen Größ“ wurde am 1. Mai 2027 mit der Ehrenamtsmedaille ausgezeichnet" in message.body
    )
    assert Nomination.objects.get(pk=medal.pk).nominator_informed_at is not None

    inform()
    assert len(mail.outbox) == 1  # once


def test_a_merged_nominations_nominator_hears_the_decision_it_joined(call, frozen):
    primary = NominationFactory(call=call, status="letter", email="erste@example.org")
    NominationFactory(call=call, status="merged", merged_into=primary, email="zweite@example.org")
    frozen.move(datetime(2027, 5, 2, 8, 0, tzinfo=BERLIN))
    inform()
    bodies = {message.to[0]: message.body for message in mail.outbox}
    assert set(bodies) == {"erste@example.org", "zweite@example.org"}
    assert "einen Dankesbrief" in bodies["zweite@example.org"]


def test_votes_and_notes_are_gone_the_day_after_the_award(call, frozen, jurors):
    decided = NominationFactory(call=call, status="medal")
    Vote.objects.create(nomination=decided, juror=jurors[1], choice="medal", note="Ja!")
    inform()
    assert Vote.objects.count() == 1
    frozen.move(datetime(2027, 5, 2, 8, 0, tzinfo=BERLIN))
    inform()
    assert Vote.objects.count() == 0


@pytest.mark.parametrize(
    ("status", "letter"),
    [
        ("medal", "ehrenamtsmedaille.certificate"),
        ("letter", "ehrenamtsmedaille.thank_you"),
        ("medal", "ehrenamtsmedaille.art14_notice"),
    ],
)
def test_a_juror_prints_no_letter(client, jurors, call, frozen, status, letter):
    nomination = NominationFactory(call=call, status=status)
    client.force_login(jurors[1])
    assert client.get(f"{BASE}letter/{nomination.pk}/?letter={letter}").status_code == 403
    page = client.get(f"{BASE}inspect/{nomination.pk}/").content.decode()
    assert "letter=ehrenamtsmedaille" not in page
    assert not AccessLogEntry.objects.filter(action="letter").exists()


@pytest.mark.parametrize(
    ("status", "letter"),
    [
        ("open", "ehrenamtsmedaille.certificate"),
        ("none", "ehrenamtsmedaille.certificate"),
        ("letter", "ehrenamtsmedaille.certificate"),
        ("medal", "ehrenamtsmedaille.thank_you"),
        ("none", "ehrenamtsmedaille.art14_notice"),
    ],
)
def test_no_letter_without_its_decision_even_for_the_chair(
    client, chair, call, frozen, status, letter
):
    nomination = NominationFactory(call=call, status=status)
    client.force_login(chair)
    assert client.get(f"{BASE}letter/{nomination.pk}/?letter={letter}").status_code == 403
    page = client.get(f"{BASE}inspect/{nomination.pk}/").content.decode()
    assert f"letter={letter}" not in page

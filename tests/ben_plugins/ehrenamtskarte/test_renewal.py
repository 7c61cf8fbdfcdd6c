"""The renewal reminder with time frozen: 90 days before expiry, once, with a link that opens
the application pre-filled from the old one; the daily command also reminds organisations."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from ben_plugins.ehrenamtskarte.factories import IssuedCardFactory, OrganisationConfirmationFactory
from ben_plugins.ehrenamtskarte.models import CardApplication

from .conftest import NOW, TODAY
from .helpers import link

pytestmark = pytest.mark.django_db


def daily():
    from tests.ben_plugins.core.intake_helpers import committed

    output = StringIO()
    committed(call_command, "ehrenamtskarte_daily", stdout=output)
    return output.getvalue()


def test_holders_are_reminded_90_days_before_expiry_once(client, site_tree, frozen):
    due = IssuedCardFactory(email="due@example.org", valid_until=TODAY + timedelta(days=90))
    IssuedCardFactory(email="later@example.org", valid_until=TODAY + timedelta(days=91))
    IssuedCardFactory(email="jubilaeum@example.org", card="jubilaeumskarte", valid_until=None)
    daily()
    assert [message.to for message in mail.outbox] == [["due@example.org"]]
    reminder = mail.outbox[0]
    assert due.valid_until.strftime("%d.%m.%Y") in reminder.subject

    daily()
    assert len(mail.outbox) == 1  # once per card

    frozen(NOW + timedelta(days=1))
    daily()
    assert [message.to for message in mail.outbox][1:] == [["later@example.org"]]

    path = link(reminder, r"https?://\S+/mitmachen/ehrenamtskarte/verlaengern/[^/\s]+/")
    page = client.get(path, follow=True).content.decode()
    old = due.application
    assert 'value="Maria"' in page and old.street in page
    assert 'value="renewal" selected' in page
    assert "DRK Bitburg" in page


def test_the_renewal_form_files_a_renewal(client, site_tree, frozen):
    card = IssuedCardFactory(email="due@example.org", valid_until=TODAY + timedelta(days=30))
    daily()
    path = link(mail.outbox[-1], r"https?://\S+/mitmachen/ehrenamtskarte/verlaengern/[^/\s]+/")
    from tests.ben_plugins.core.intake_helpers import committed, unique_address

    data = {
        "first_name": "Maria",
        "last_name": "Hoffmann",
        "birth_date": "1980-04-02",
        "street": "Hauptstraße 1",
        "postal_code": "54634",
        "city": "Bitburg",
        "lives_in_bitburg": "on",
        "years_of_engagement": "6",
        "card": "ehrenamtskarte",
        "kind": "renewal",
        "activities.0.organisation": "DRK Bitburg",
        "activities.0.contact_email": "drk@example.org",
        "activities.0.role": "Sanitätsdienst",
        "activities.0.in_bitburg": "on",
        "activities.0.hours_per_week": "5",
        "activities.0.since": "2020-01-01",
        "activities.0.allowance": "none",
        "email": card.email,
        "consent": "on",
    }
    form_url = client.get(path).url
    assert form_url.startswith("/mitmachen/ehrenamtskarte/antrag/?verlaengerung=")
    assert "verlaengerung" not in client.get(form_url).content.decode().split("<form")[1]
    response = committed(client.post, form_url, data, REMOTE_ADDR=unique_address())
    assert response.status_code == 200, response.content.decode()[:2000]
    renewal = CardApplication.all_submissions.get(kind="renewal")
    assert renewal.eligibility_result == "eligible"
    assert renewal.renewal_of == card.application

    # Used up: the link neither shows the old application nor files a second renewal.
    page = client.get(form_url)
    assert page.status_code == 410 and card.application.street not in page.content.decode()
    again = committed(client.post, form_url, data, REMOTE_ADDR=unique_address())
    assert again.status_code == 400
    assert "Verlängerungslink" in again.content.decode()
    assert CardApplication.all_submissions.filter(kind="renewal").count() == 1


def test_a_renewal_needs_the_renewal_link(client, site_tree, frozen):
    from .helpers import application_data, apply

    response = apply(client, application_data(kind="renewal"))
    assert response.status_code == 400
    assert "kind" in response.json()["errors"]
    response = apply(client, application_data(kind="renewal", renewal_token="x.y"))
    assert "renewal_token" in response.json()["errors"]
    assert not CardApplication.all_submissions.exists()


def test_the_api_files_a_renewal_with_the_token(client, site_tree, frozen):
    from ben_plugins.core import tokens
    from ben_plugins.ehrenamtskarte.notifications import RENEWAL

    from .helpers import application_data, apply

    card = IssuedCardFactory(email="due@example.org", valid_until=TODAY + timedelta(days=30))
    token = tokens.issue(RENEWAL, card)
    response = apply(client, application_data(renewal_token=token))
    assert response.status_code == 201, response.content
    renewal = CardApplication.all_submissions.get(reference=response.json()["reference"])
    assert (renewal.kind, renewal.renewal_of) == ("renewal", card.application)
    second = apply(client, application_data(renewal_token=token, email="b@example.org"))
    assert second.status_code == 400 and "renewal_token" in second.json()["errors"]


def test_the_renewal_link_ends_with_the_card(client, site_tree, frozen):
    card = IssuedCardFactory(email="due@example.org", valid_until=TODAY + timedelta(days=90))
    daily()
    path = link(mail.outbox[-1], r"https?://\S+/mitmachen/ehrenamtskarte/verlaengern/[^/\s]+/")
    frozen(NOW + timedelta(days=90, seconds=1))
    form_url = client.get(path).url
    page = client.get(form_url)
    assert page.status_code == 410 and card.application.street not in page.content.decode()


def test_organisations_are_reminded_after_7_and_14_days(site_tree, frozen):
    confirmation = OrganisationConfirmationFactory(
        contact_email="verein@example.org", requested_at=NOW
    )
    frozen(NOW + timedelta(days=6, hours=23))
    daily()
    assert not mail.outbox
    frozen(NOW + timedelta(days=7))
    assert "Organisationen: 1" in daily()
    assert mail.outbox[-1].subject.startswith("Erinnerung")
    daily()
    assert len(mail.outbox) == 1
    frozen(NOW + timedelta(days=14))
    daily()
    frozen(NOW + timedelta(days=30))
    daily()
    assert len(mail.outbox) == 2
    confirmation.refresh_from_db()
    assert confirmation.reminders_sent == 2


def test_an_unanswered_request_is_visible_to_the_office(client, site_tree, office):
    confirmation = OrganisationConfirmationFactory(organisation="Tafel Bitburg")
    client.force_login(office)
    page = client.get("/admin/ehrenamtskarte/organisationconfirmation/?status=offen")
    assert page.status_code == 200
    assert "Tafel Bitburg" in page.content.decode()
    assert confirmation.application.reference in page.content.decode()

"""The office's inbox: hidden from moderators and club editors through the admin views; search
and filters; the PDF for the Staatskanzlei parsed back; the CSV export of forwarded ones."""

import csv
import io
from datetime import timedelta

import pytest
from dateutil.relativedelta import relativedelta
from django.core.management import call_command
from pypdf import PdfReader

from ben_plugins.core.personal_data.models import AccessLogEntry
from ben_plugins.ehrenamtskarte.factories import (
    CardApplicationFactory,
    IssuedCardFactory,
    OrganisationConfirmationFactory,
)
from ben_plugins.ehrenamtskarte.models import CardApplication, IssuedCard
from cms.moderation.roles import MODERATORS, ensure_roles
from tests.ben_plugins.core.records_fixtures import admin_user

from .conftest import NOW, TODAY

pytestmark = pytest.mark.django_db
BASE = "/admin/ehrenamtskarte/cardapplication/"
MODELS = ("cardapplication", "organisationconfirmation", "issuedcard")


@pytest.fixture
def moderator(db):
    from django.contrib.auth.models import Group

    ensure_roles()
    user = admin_user("moderation")
    user.groups.add(Group.objects.get(name=MODERATORS))
    return user


@pytest.mark.parametrize("who", ["moderator", "editor"])
def test_the_inbox_is_hidden_from_moderators_and_club_editors(
    client, site_tree, club, request, who
):
    user = request.getfixturevalue(who)
    confirmation = OrganisationConfirmationFactory(club=club)
    application = confirmation.application
    application.filed_by_club = club
    application.save()
    card = IssuedCardFactory(application=application)
    records = {
        "cardapplication": application,
        "organisationconfirmation": confirmation,
        "issuedcard": card,
    }
    client.force_login(user)
    for model, record in records.items():
        base = f"/admin/ehrenamtskarte/{model}/"
        paths = [base, f"{base}?export=csv"] + [
            f"{base}{view}/{record.pk}/" for view in ("inspect", "edit", "delete", "history")
        ]
        for path in paths:
            assert client.get(path).status_code == 403, path
    assert (
        client.post(f"{BASE}transition/{application.pk}/", {"target": "geprueft"}).status_code
        == 403
    )
    assert (
        client.get(f"{BASE}letter/{application.pk}/?letter=ehrenamtskarte.antrag").status_code
        == 403
    )
    dashboard = client.get("/admin/").content.decode()
    assert "Anträge auf Ehrenamtskarte" not in dashboard
    assert not AccessLogEntry.objects.exists()


def test_search_and_filters(client, site_tree, club, office, frozen):
    hoffmann = CardApplicationFactory(last_name="Hoffmann")
    OrganisationConfirmationFactory(application=hoffmann, organisation="Tafel Bitburg", club=club)
    other = CardApplicationFactory(
        last_name="Becker", status="geprueft", submitted_at=NOW - timedelta(days=40)
    )
    OrganisationConfirmationFactory(application=other, organisation="Musikverein")
    client.force_login(office)

    def listed(query):
        page = client.get(f"{BASE}{query}")
        assert page.status_code == 200
        text = page.content.decode()
        return {a.reference for a in (hoffmann, other) if a.reference in text}

    assert listed("?q=Hoffmann") == {hoffmann.reference}
    assert listed("?q=Musikverein") == {other.reference}
    assert listed("?status=geprueft") == {other.reference}
    assert listed(f"?confirmations__club__id__exact={club.pk}") == {hoffmann.reference}
    since_today = f"?submitted_at__gte={TODAY.isoformat()}+00:00:00%2B02:00"
    assert listed(since_today) == {hoffmann.reference}
    assert "Hoffmann" not in client.get(BASE).content.decode()  # the list shows no names


def test_the_pdf_for_the_staatskanzlei(client, site_tree, office):
    application = CardApplicationFactory(first_name="Maria", last_name="Hoffmann", phone="06561 1")
    OrganisationConfirmationFactory(application=application, status="bestaetigt")
    client.force_login(office)
    response = client.get(f"{BASE}letter/{application.pk}/?letter=ehrenamtskarte.antrag")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    text = " ".join(text.split())
    for expected in (
        application.reference,
        "1. Angaben zur Person",
        "Maria Hoffmann",
        "02.04.1980",
        "Hauptstraße 1, 54634 Bitburg",
        "3. Ehrenamtliche Tätigkeiten",
        "DRK Bitburg: Sanitätsdienst, 5 Std./Woche",
        "bestätigt",
        "4. Prüfung durch die Stadt Bitburg",
    ):
        assert expected in text, (expected, text)
    assert AccessLogEntry.objects.filter(action="letter", object_id=str(application.pk)).exists()


def test_csv_export_of_forwarded_applications(client, site_tree, office):
    forwarded = CardApplicationFactory(status="weitergeleitet", last_name="Weitergeleitet")
    CardApplicationFactory(status="geprueft", last_name="Offen")
    client.force_login(office)
    response = client.get(f"{BASE}?status=weitergeleitet&export=csv")
    assert response.status_code == 200
    content = b"".join(response.streaming_content if response.streaming else [response.content])
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))
    assert len(rows) == 1
    assert forwarded.reference in rows[0].values()
    assert AccessLogEntry.objects.filter(action="export", object_id=str(forwarded.pk)).count() == 1


def test_retention_rules(site_tree, frozen):
    def created(**fields):
        return CardApplicationFactory(**fields).pk

    old = NOW - timedelta(days=200)
    rejected = created(status="abgelehnt", decided_at=old)
    withdrawn = created(status="zurueckgezogen", decided_at=old)
    rejected_recently = created(status="abgelehnt", decided_at=NOW - timedelta(days=30))
    expired = created(status="ausgestellt", valid_until=TODAY - timedelta(days=200))
    still_valid = created(status="ausgestellt", valid_until=TODAY + timedelta(days=200))
    jubilee = created(
        status="ausgestellt", card="jubilaeumskarte", issued_on=TODAY - timedelta(days=200)
    )
    jubilee_card = IssuedCardFactory(
        application_id=jubilee, card="jubilaeumskarte", valid_until=None
    )
    expired_card = IssuedCardFactory(valid_until=TODAY - timedelta(days=200))
    open_states = ["eingegangen", "organisation_bestaetigt", "geprueft", "weitergeleitet"]
    stalled = {
        created(status=status, submitted_at=NOW - relativedelta(months=24, days=1))
        for status in open_states
    }
    open_recently = {
        created(status=status, submitted_at=NOW - relativedelta(months=23))
        for status in open_states
    }
    call_command("ben_retention", verbosity=0, stdout=io.StringIO())
    remaining = set(CardApplication.all_submissions.values_list("pk", flat=True))
    assert rejected not in remaining and withdrawn not in remaining
    assert expired not in remaining and jubilee not in remaining
    assert {rejected_recently, still_valid} <= remaining
    assert not stalled & remaining  # stuck before issue: 24 months after submission
    assert open_recently <= remaining
    cards = set(IssuedCard.objects.values_list("pk", flat=True))
    assert jubilee_card.pk in cards  # the Jubiläumskarte's card record stays
    assert expired_card.pk not in cards


def test_art_15_and_17(site_tree):
    application = CardApplicationFactory(email="maria@example.org")
    OrganisationConfirmationFactory(application=application, contact_email="verein@example.org")
    IssuedCardFactory(application=application, email="maria@example.org")
    output = io.StringIO()
    call_command("ben_personal_data", email="maria@example.org", stdout=output)
    exported = output.getvalue()
    assert application.reference in exported and "Hauptstraße 1" in exported
    output = io.StringIO()
    call_command("ben_personal_data", email="verein@example.org", stdout=output)
    assert "verein@example.org" in output.getvalue()

    call_command("ben_personal_data", email="maria@example.org", erase=True, stdout=io.StringIO())
    assert not CardApplication.all_submissions.exists()
    assert not IssuedCard.objects.exists()

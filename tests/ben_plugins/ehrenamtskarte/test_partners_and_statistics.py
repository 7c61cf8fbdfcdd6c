"""Benefit partners as CSV (dry-run preview, then import; export) and the statistics without
personal data."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ben_plugins.ehrenamtskarte.factories import (
    CardApplicationFactory,
    IssuedCardFactory,
    OrganisationConfirmationFactory,
)
from ben_plugins.ehrenamtskarte.models import RuleSet
from cms.pages.models import BenefitPartnerPage
from tests.ben_plugins.core.records_fixtures import admin_user
from tests.factories.pages import BenefitPartnerPageFactory

from .conftest import TODAY

pytestmark = pytest.mark.django_db
URL = "/admin/ehrenamtskarte-vorteilspartner/"
HEADER = (
    "id,title,category,discount_de,discount_en,conditions,valid_from,valid_until,street,"
    "postal_code,city,email,phone,website\n"
)


def upload(client, text: str, **extra):
    data = {"file": SimpleUploadedFile("partner.csv", text.encode(), "text/csv"), **extra}
    return client.post(URL, data)


def test_import_shows_a_preview_first_then_imports(client, site_tree, office):
    existing = BenefitPartnerPageFactory(parent=site_tree.benefits, title="Eiscafé Venezia")
    text = HEADER + (
        ",Bäckerei Müller,Essen/Trinken/Gastronomie,10 % auf Brot,,,2027-01-01,,Hauptstr. 3,"
        "54634,Bitburg,,,\n"
        f"{existing.pk},Eiscafé Venezia,essen-trinken-gastronomie,Eine Kugel gratis,,,,,,,"
        "Bitburg,,,\n"
    )
    client.force_login(office)
    preview = upload(client, text)
    assert preview.status_code == 200
    page = preview.content.decode()
    assert "Vorschau (noch nichts gespeichert)" in page
    assert "neu" in page and "geändert" in page
    assert not BenefitPartnerPage.objects.filter(title="Bäckerei Müller").exists()

    done = client.post(URL, {"csv_text": text, "confirm": "1"})
    assert done.status_code == 302
    new = BenefitPartnerPage.objects.get(title="Bäckerei Müller")
    assert new.live and new.get_parent().pk == site_tree.benefits.pk
    assert new.category == "essen-trinken-gastronomie"
    existing.refresh_from_db()
    assert existing.discount_de == "Eine Kugel gratis"


def test_unknown_categories_are_shown_and_nothing_is_imported(client, site_tree, office):
    client.force_login(office)
    text = HEADER + ",Kiosk,Tabakwaren,5 %,,,,,,,Bitburg,,,\n"
    response = upload(client, text)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Unbekannte Kategorie „Tabakwaren“" in page
    assert 'name="confirm"' not in page
    response = client.post(URL, {"csv_text": text, "confirm": "1"})
    assert response.status_code == 400
    assert not BenefitPartnerPage.objects.filter(title="Kiosk").exists()


def test_export_as_csv(client, site_tree, office):
    BenefitPartnerPageFactory(
        parent=site_tree.benefits, title="Buchhandlung", category="multimedia"
    )
    client.force_login(office)
    response = client.get(f"{URL}?export=csv")
    assert response.status_code == 200
    text = response.content.decode()
    assert text.startswith("id,title,category")
    assert "Buchhandlung,multimedia" in text


def test_partner_csv_is_for_the_office_and_administrators_only(client, site_tree):
    client.force_login(admin_user("irgendwer"))
    assert client.get(URL).status_code == 403
    assert client.get(f"{URL}?export=csv").status_code == 403


def test_statistics_have_no_personal_data(client, site_tree, frozen):
    application = CardApplicationFactory(last_name="Geheim", email="geheim@example.org")
    OrganisationConfirmationFactory(application=application, organisation="DRK Bitburg")
    CardApplicationFactory(status="abgelehnt")
    IssuedCardFactory(valid_until=TODAY)
    IssuedCardFactory(card="jubilaeumskarte", valid_until=None)
    IssuedCardFactory(valid_until=TODAY.replace(year=TODAY.year - 1))
    response = client.get("/api/v1/ehrenamtskarte/statistics/")
    assert response.status_code == 200
    figures = response.json()
    month = TODAY.strftime("%Y-%m")
    assert {"key": month, "count": 5} in figures["applications_per_month"]
    assert {"key": "abgelehnt", "count": 1} in figures["by_status"]
    assert figures["by_organisation"] == []  # one application: too few to show
    assert figures["cards_valid_today"] == 2
    assert "Geheim" not in response.content.decode()
    assert "@" not in response.content.decode()
    assert client.get("/api/v1/ehrenamtskarte/statistics/?x=1").status_code == 400


def test_statistics_by_organisation_name_only_clubs_with_enough_applications(
    client, site_tree, frozen, club
):
    """What applicants typed is never published; groups below three are folded or left out."""
    for _ in range(3):
        OrganisationConfirmationFactory(club=club, organisation=club.title)
    OrganisationConfirmationFactory(organisation="Hospizgruppe Erika Muster")
    OrganisationConfirmationFactory(organisation="Chor Liedertafel")
    response = client.get("/api/v1/ehrenamtskarte/statistics/")
    assert response.json()["by_organisation"] == [{"key": "Sportverein Bitburg", "count": 3}]
    assert "Muster" not in response.content.decode()

    OrganisationConfirmationFactory(organisation="Kleiner Verein")
    response = client.get("/api/v1/ehrenamtskarte/statistics/")
    assert response.json()["by_organisation"] == [
        {"key": "Sportverein Bitburg", "count": 3},
        {"key": "andere Organisationen", "count": 3},
    ]
    assert "Muster" not in response.content.decode()


def test_statistics_page_in_the_admin(client, site_tree, office):
    client.force_login(office)
    response = client.get("/admin/ehrenamtskarte-statistik/")
    assert response.status_code == 200
    assert "Heute gültige Karten" in response.content.decode()


RULES = {
    "name": "Landesregeln 2028",
    "valid_from": "2028-01-01",
    "min_age": "16",
    "min_hours_per_week": "5",
    "min_hours_per_year": "250",
    "weeks_per_year": "50",
    "min_months": "12",
    "jubilee_years": "25",
    "validity_years": "2",
}


def test_the_office_edits_the_rule_sets_and_others_cannot(client, site_tree, office):
    index = "/admin/ehrenamtskarte_rule_sets/"
    client.force_login(office)
    assert client.get(index).status_code == 200
    response = client.post(f"{index}new/", RULES)
    assert response.status_code == 302
    assert RuleSet.objects.filter(name="Landesregeln 2028", min_age=16).exists()
    client.force_login(admin_user("irgendwer"))
    assert client.get(index).status_code in (302, 403)
    assert client.get(f"{index}new/").status_code in (302, 403)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"min_age": "10000"}, "min_age"),
        ({"min_hours_per_year": "0", "min_hours_per_week": "0"}, "min_hours_per_year"),
        ({"min_hours_per_year": "300"}, "min_hours_per_year"),
        ({"weeks_per_year": "0"}, "weeks_per_year"),
        ({"weeks_per_year": "53"}, "weeks_per_year"),
        ({"validity_years": "0"}, "validity_years"),
        ({"validity_years": "10000"}, "validity_years"),
        ({"jubilee_years": "0"}, "jubilee_years"),
        ({"min_months": "10000"}, "min_months"),
    ],
)
def test_the_admin_form_refuses_rule_sets_that_break_the_check(
    client, site_tree, office, changes, field
):
    client.force_login(office)
    response = client.post("/admin/ehrenamtskarte_rule_sets/new/", {**RULES, **changes})
    assert response.status_code == 200
    assert field in response.context["form"].errors, response.context["form"].errors
    assert not RuleSet.objects.filter(name="Landesregeln 2028").exists()


def test_no_counting_activity_never_qualifies_even_with_a_zero_threshold(client, frozen):
    """A rule set stored before the bounds existed must not make the public check fail."""
    RuleSet.objects.create(
        name="Null", valid_from=TODAY, min_hours_per_week=0, min_hours_per_year=0
    )
    response = client.post(
        "/api/v1/ehrenamtskarte/eligibility/",
        {
            "birth_date": "1980-01-01",
            "lives_in_bitburg": True,
            "activities": [
                {
                    "organisation": "Musikschule",
                    "in_bitburg": True,
                    "hours_per_week": 5,
                    "since": "2020-01-01",
                    "allowance": "flat_rate",
                }
            ],
        },
        content_type="application/json",
    )
    assert response.status_code == 200
    assert response.json()["result"] == "not_eligible"

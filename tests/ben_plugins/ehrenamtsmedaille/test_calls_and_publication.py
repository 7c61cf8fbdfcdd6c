"""The current call for a city website, and awardees published only with consent and only
after the award date, from the day after (JSON and schema.org JSON-LD)."""

from datetime import date, datetime

import pytest

from ben_plugins.ehrenamtsmedaille.factories import NominationFactory
from ben_plugins.ehrenamtsmedaille.models import Call

from .conftest import BERLIN

pytestmark = pytest.mark.django_db
CURRENT = "/api/v1/ehrenamtsmedaille/calls/current/"
AWARDEES = "/api/v1/ehrenamtsmedaille/awardees/"


def test_the_open_call_is_current(client, site, call, next_call, frozen):
    data = client.get(CURRENT).json()
    assert (data["year"], data["open"], data["max_medals"]) == (2027, True, 5)
    assert data["award_date"] == "2027-05-01"


def test_after_the_window_the_next_planned_call_is_current(client, site, call, next_call, frozen):
    frozen.move(datetime(2027, 2, 1, 0, 0, tzinfo=BERLIN))
    data = client.get(CURRENT).json()
    assert (data["year"], data["open"]) == (2028, False)


def test_no_planned_call_is_404(client, site, call, frozen):
    frozen.move(datetime(2027, 2, 1, 0, 0, tzinfo=BERLIN))
    response = client.get(CURRENT)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_a_call_by_year_and_nonsense(client, site, call, frozen):
    assert client.get("/api/v1/ehrenamtsmedaille/calls/2027/").json()["open"] is True
    assert client.get("/api/v1/ehrenamtsmedaille/calls/kommend/").status_code == 404
    assert client.get(f"{CURRENT}?jahr=2027").status_code == 400


@pytest.fixture
def honoured(call, frozen):
    return {
        "published": NominationFactory(
            call=call,
            nominee_name="Tafel Bitburg e. V.",
            nominee_kind="group",
            field_of_engagement="Soziales",
            status="medal",
            publication_consent_on=date(2027, 3, 1),
            laudation="Seit 2005 verteilen sie jede Woche Lebensmittel.",
        ),
        "thanked": NominationFactory(
            call=call,
            nominee_name="Lea Löwe",
            status="letter",
            publication_consent_on=date(2027, 3, 2),
        ),
        "without_consent": NominationFactory(call=call, nominee_name="Max", status="medal"),
        "not_chosen": NominationFactory(
            call=call, nominee_name="Nina", status="none", publication_consent_on=date(2027, 3, 1)
        ),
    }


@pytest.mark.parametrize(
    "moment",
    [datetime(2027, 4, 30, 23, 59), datetime(2027, 5, 1, 0, 0), datetime(2027, 5, 1, 23, 59)],
)
def test_nothing_is_published_before_or_on_the_award_day(client, site, honoured, frozen, moment):
    frozen.move(moment.replace(tzinfo=BERLIN))
    assert client.get(f"{AWARDEES}?year=2027").json() == []


def test_after_the_award_day_awardees_with_consent_are_published(client, site, honoured, frozen):
    frozen.move(datetime(2027, 5, 2, 0, 0, tzinfo=BERLIN))
    data = client.get(f"{AWARDEES}?year=2027").json()
    assert data == [
        {
            "year": 2027,
            "name": "Lea Löwe",
            "kind": "person",
            "field_of_engagement": "Feuerwehr und Rettungsdienst",
            "honour": "letter",
            "award": "Dank der Bürgermeisterin / des Bürgermeisters der Stadt Bitburg 2027",
            "laudation": "",
        },
        {
            "year": 2027,
            "name": "Tafel Bitburg e. V.",
            "kind": "group",
            "field_of_engagement": "Soziales",
            "honour": "medal",
            "award": "Ehrenamtsmedaille der Stadt Bitburg 2027",
            "laudation": "Seit 2005 verteilen sie jede Woche Lebensmittel.",
        },
    ]
    assert client.get(f"{AWARDEES}?year=2026").json() == []
    assert len(client.get(AWARDEES).json()) == 2


def test_json_ld_names_person_or_organization_with_its_award(client, site, honoured, frozen):
    frozen.move(datetime(2027, 5, 2, 0, 0, tzinfo=BERLIN))
    response = client.get(f"{AWARDEES}jsonld/?year=2027")
    assert response["Content-Type"].startswith("application/ld+json")
    data = response.json()
    assert data["@context"] == "https://schema.org"
    assert data["@graph"][1] == {
        "@type": "Organization",
        "name": "Tafel Bitburg e. V.",
        "award": "Ehrenamtsmedaille der Stadt Bitburg 2027",
        "knowsAbout": "Soziales",
        "description": "Seit 2005 verteilen sie jede Woche Lebensmittel.",
    }
    assert data["@graph"][0]["@type"] == "Person"


@pytest.mark.parametrize("query", ["?year=zwei", "?year=", "?jahr=2027", "?year=1"])
def test_bad_parameters_are_400(client, site, query):
    response = client.get(f"{AWARDEES}{query}")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"


def test_the_endpoints_are_in_the_openapi_schema(client, site):
    schema = client.get("/api/v1/schema/", HTTP_ACCEPT="application/json").json()
    paths = schema["paths"]
    assert "/api/v1/ehrenamtsmedaille/calls/{selector}/" in paths
    assert "201" in paths["/api/v1/ehrenamtsmedaille/nominations/"]["post"]["responses"]
    assert "/api/v1/ehrenamtsmedaille/awardees/" in paths


JURY = "/admin/ehrenamtsmedaille/jury/"


def record(client, user, nomination, consent_on, laudation=""):
    client.force_login(user)
    return client.post(
        JURY,
        {
            "jahr": 2027,
            "action": "publication",
            "nomination": nomination.pk,
            "consent_on": consent_on,
            "laudation": laudation,
        },
        follow=True,
    )


def test_the_chair_records_consent_and_laudation_then_it_is_published(
    client, site, call, chair, frozen
):
    medal = NominationFactory(call=call, nominee_name="Olga Öztürk", status="medal")
    record(client, chair, medal, "2027-01-09", "Sie gründete das Sprachcafé.")

    frozen.move(datetime(2027, 5, 2, 9, 0, tzinfo=BERLIN))
    [awardee] = client.get(AWARDEES).json()
    assert (awardee["name"], awardee["laudation"]) == (
        "Olga Öztürk",
        "Sie gründete das Sprachcafé.",
    )

    record(client, chair, medal, "")  # consent withdrawn
    assert client.get(AWARDEES).json() == []


@pytest.mark.parametrize(
    ("status", "consent_on", "message"),
    [
        ("medal", "2027-01-11", "Die Einwilligung kann nicht in der Zukunft liegen."),
        ("medal", "gestern", "Bitte das Datum der Einwilligung als Datum angeben."),
        ("none", "2027-01-09", "Veröffentlicht werden nur Geehrte (Medaille oder Dankesbrief)."),
    ],
)
def test_consent_must_be_a_past_date_of_an_awardee(
    client, site, call, chair, frozen, status, consent_on, message
):
    nomination = NominationFactory(call=call, status=status)
    response = record(client, chair, nomination, consent_on)
    assert message in [str(m) for m in response.context["messages"]]
    nomination.refresh_from_db()
    assert nomination.publication_consent_on is None


@pytest.mark.parametrize(
    ("laudation", "message"),
    [
        ("Nul\x00l", "Die Laudatio enthält ein unzulässiges Steuerzeichen."),
        ("x" * 1001, "Die Laudatio darf höchstens 1000 Zeichen lang sein."),
    ],
)
def test_a_laudation_that_cannot_be_stored_is_refused(
    client, site, call, chair, frozen, laudation, message
):
    medal = NominationFactory(call=call, status="medal")
    response = record(client, chair, medal, "2027-01-09", laudation)
    assert message in [str(m) for m in response.context["messages"]]
    medal.refresh_from_db()
    assert (medal.publication_consent_on, medal.laudation) == (None, "")


def test_only_the_chair_records_consent_not_a_juror_nor_the_inbox(
    client, site, call, jurors, frozen
):
    medal = NominationFactory(call=call, status="medal")
    assert record(client, jurors[1], medal, "2027-01-09").status_code == 403
    edit = f"/admin/ehrenamtsmedaille/nomination/edit/{medal.pk}/"
    assert 'name="publication_consent_on"' not in client.get(edit).content.decode()
    medal.refresh_from_db()
    assert medal.publication_consent_on is None


def test_moving_the_award_date_moves_the_nominations(call, frozen):
    nomination = NominationFactory(call=call)
    call.award_date = date(2027, 6, 12)
    call.save()
    nomination.refresh_from_db()
    assert nomination.award_date == date(2027, 6, 12)


CALLS_ADMIN = "/admin/ehrenamtsmedaille_calls/"


def test_administrators_create_the_years_call_and_others_cannot(admin_client, site, moderator):
    response = admin_client.post(
        f"{CALLS_ADMIN}new/",
        {
            "year": "2029",
            "opens_at": "2028-12-05 00:00",
            "closes_at": "2029-01-31 23:59",
            "award_date": "2029-05-01",
            "max_medals": "5",
            "focus": "Jugend",
            "public_text": "Wer engagiert sich für die Jugend in Bitburg?",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Call.objects.get(year=2029).focus == "Jugend"

    wrong_way_round = admin_client.post(
        f"{CALLS_ADMIN}new/",
        {
            "year": "2030",
            "opens_at": "2030-01-31 00:00",
            "closes_at": "2029-12-05 00:00",
            "award_date": "2030-05-01",
            "max_medals": "5",
            "public_text": "Text",
        },
    )
    assert wrong_way_round.status_code == 200
    assert not Call.objects.filter(year=2030).exists()

    admin_client.force_login(moderator)
    assert admin_client.get(CALLS_ADMIN).status_code in (302, 403)
    assert admin_client.get(f"{CALLS_ADMIN}new/").status_code in (302, 403)


def test_a_call_with_nominations_is_not_deleted_but_explained(admin_client, site, call):
    NominationFactory(call=call, confirmed_at=None)
    delete = f"{CALLS_ADMIN}delete/{call.pk}/"
    page = admin_client.get(delete).content.decode()
    assert "Ein Aufruf mit Vorschlägen kann nicht gelöscht werden" in page
    assert 'action="' + delete not in page

    response = admin_client.post(delete, follow=True)
    assert response.status_code == 200
    assert "Ehrenamtsmedaille 2027 hat 1 Vorschläge und kann nicht gelöscht werden." in [
        str(m) for m in response.context["messages"]
    ]
    assert Call.objects.filter(pk=call.pk).exists()


def test_a_call_without_nominations_is_deleted(admin_client, site, call):
    assert admin_client.post(f"{CALLS_ADMIN}delete/{call.pk}/").status_code == 302
    assert not Call.objects.filter(pk=call.pk).exists()

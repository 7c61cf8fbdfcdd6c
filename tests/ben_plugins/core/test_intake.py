"""The public intake through HTTP, with the example plugin's „Themenvorschlag“: validation,
honeypot, limits, consent and double opt-in (ben_plugins.core.intake)."""

import io
from datetime import timedelta
from unittest import mock

import pytest
from ben_example_plugin.models import TopicSuggestion
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Site

from ben_plugins.core.activation import set_enabled
from ben_plugins.core.intake import service
from ben_plugins.core.models import OneTimeToken

from .intake_helpers import (
    API_PATH,
    FORM_PATH,
    committed,
    link_in_last_mail,
    path_of,
    post_form,
    post_json,
    unique_address,
    unique_email,
    valid_submission,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def immediate_tasks(settings, site_tree):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def stored():
    return list(TopicSuggestion.all_submissions.all())


class TestValidation:
    def test_a_valid_submission_is_accepted_unconfirmed(self, client):
        response = post_json(client, valid_submission())
        assert response.status_code == 202, response.content
        assert response.json()["status"] == "confirmation_pending"
        assert response["Content-Language"] == "de"
        [suggestion] = stored()
        assert suggestion.confirmed_at is None
        assert suggestion.name == "Anna Schmitt"

    def test_consent_text_and_version_are_stored_verbatim(self, client):
        post_json(client, valid_submission(language="en"), HTTP_ACCEPT_LANGUAGE="en")
        [suggestion] = stored()
        consent = client.get(API_PATH + "consent/", HTTP_ACCEPT_LANGUAGE="en").json()
        assert suggestion.consent_text == consent["text"]
        assert suggestion.consent_version == consent["version"] == "2026-12-01"
        assert suggestion.consent_text.startswith("I agree")
        assert suggestion.language == "en"

    def test_german_consent_text_by_default(self, client):
        consent = client.get(API_PATH + "consent/").json()
        assert consent["text"].startswith("Ich bin einverstanden")

    def test_missing_consent_is_refused_in_german(self, client):
        response = post_json(client, valid_submission(consent=False))
        assert response.status_code == 400
        assert response["Content-Type"] == "application/problem+json"
        assert response.json()["errors"]["consent"] == [
            "Bitte stimmen Sie der Verarbeitung Ihrer Daten zu."
        ]
        assert stored() == []

    def test_english_messages_on_request(self, client):
        response = post_json(client, valid_submission(consent=False), HTTP_ACCEPT_LANGUAGE="en")
        assert response.status_code == 400
        assert response["Content-Language"] == "en"
        assert response.json()["errors"]["consent"] == [
            "Please agree to the processing of your data."
        ]

    def test_nested_errors_are_keyed_by_dotted_paths(self, client):
        sessions = [
            {"date": "2027-03-01", "duration_minutes": 90},
            {"date": "kein Datum", "duration_minutes": 5},
        ]
        response = post_json(client, valid_submission(sessions=sessions, email="kaputt"))
        assert response.status_code == 400
        errors = response.json()["errors"]
        assert set(errors) == {"email", "sessions.1.date", "sessions.1.duration_minutes"}
        assert "15" in errors["sessions.1.duration_minutes"][0]
        assert stored() == []

    def test_valid_sessions_are_stored(self, client):
        sessions = [{"date": "2027-03-01", "duration_minutes": 90}]
        assert post_json(client, valid_submission(sessions=sessions)).status_code == 202
        assert stored()[0].sessions == sessions

    @pytest.mark.parametrize(
        ("changes", "field"),
        [
            ({"favourite_colour": "blau"}, "favourite_colour"),
            (
                {"sessions": [{"date": "2027-03-01", "duration_minutes": 60, "room": "A"}]},
                "sessions.0.room",
            ),
            ({"confirmed_at": "2026-01-01T00:00:00Z"}, "confirmed_at"),
        ],
    )
    def test_unknown_fields_are_a_400(self, client, changes, field):
        response = post_json(client, valid_submission(**changes))
        assert response.status_code == 400
        assert field in response.json()["errors"]
        assert stored() == []

    @pytest.mark.parametrize(
        ("changes", "field"),
        [
            ({"topic": 5}, "topic"),
            ({"consent": "true"}, "consent"),
            ({"consent": 1}, "consent"),
            (
                {"sessions": [{"date": "2027-03-01", "duration_minutes": "60"}]},
                "sessions.0.duration_minutes",
            ),
            (
                {"sessions": [{"date": "2027-03-01", "duration_minutes": True}]},
                "sessions.0.duration_minutes",
            ),
        ],
    )
    def test_values_of_the_wrong_json_type_are_a_400(self, client, changes, field):
        response = post_json(client, valid_submission(**changes))
        assert response.status_code == 400
        assert field in response.json()["errors"]

    @pytest.mark.parametrize("body", ["[1, 2]", "kein json", '"text"'])
    def test_a_body_that_is_no_object_is_a_400(self, client, body):
        response = post_json(client, body)
        assert response.status_code == 400
        assert response["Content-Type"] == "application/problem+json"

    def test_get_is_not_allowed(self, client):
        assert client.get(API_PATH).status_code == 405


class TestHoneypot:
    def test_a_filled_honeypot_looks_accepted_but_stores_and_sends_nothing(self, client):
        response = post_json(client, valid_submission(website="http://spam.example"))
        assert response.status_code == 202
        assert response.json()["status"] == "confirmation_pending"
        assert stored() == []
        assert mail.outbox == []

    def test_html_form_honeypot(self, client):
        data = valid_submission(consent="on", website="spam")
        response = post_form(client, data)
        assert response.status_code == 200
        assert "Fast geschafft" in response.content.decode()
        assert stored() == []


class TestLimits:
    def test_per_address_rate_limit_answers_429_with_retry_after(self, client, settings):
        settings.INTAKE_RATE_LIMIT_IP = "2/hour"
        address = unique_address()
        for number in range(2):
            data = valid_submission(email=f"person{number}@example.org")
            assert post_json(client, data, address=address).status_code == 202
        response = post_json(client, valid_submission(email="third@example.org"), address=address)
        assert response.status_code == 429
        assert response["Content-Type"] == "application/problem+json"
        assert 0 < int(response["Retry-After"]) <= 3600
        assert len(stored()) == 2
        other = post_json(client, valid_submission(email="fourth@example.org"))
        assert other.status_code == 202

    def test_the_html_form_shares_the_address_limit(self, client, settings):
        settings.INTAKE_RATE_LIMIT_IP = "1/hour"
        address = unique_address()
        assert post_json(client, valid_submission(), address=address).status_code == 202
        response = post_form(client, valid_submission(consent="on"), address=address)
        assert response.status_code == 429
        assert int(response["Retry-After"]) > 0
        assert "Zu viele" in response.content.decode()

    def test_per_email_rate_limit(self, client, settings):
        settings.INTAKE_RATE_LIMIT_EMAIL = "2/day"
        email = unique_email("vielschreiber")
        for _ in range(2):
            assert post_json(client, valid_submission(email=email)).status_code == 202
        response = post_json(client, valid_submission(email=email.upper()))
        assert response.status_code == 429
        assert int(response["Retry-After"]) > 0
        assert "E-Mail-Adresse" in response.json()["detail"]
        assert len(stored()) == 2

    def test_a_body_over_the_size_limit_is_a_413(self, client, settings):
        settings.INTAKE_MAX_BODY_BYTES = 2000
        response = post_json(client, valid_submission(text="ä" * 2000))
        assert response.status_code == 413
        assert response["Content-Type"] == "application/problem+json"
        assert stored() == []

    def test_a_field_over_its_length_is_a_400(self, client):
        response = post_json(client, valid_submission(text="x" * 5001))
        assert response.status_code == 400
        assert "text" in response.json()["errors"]

    def test_too_many_sessions_is_a_400(self, client):
        sessions = [{"date": "2027-03-01", "duration_minutes": 60}] * 6
        response = post_json(client, valid_submission(sessions=sessions))
        assert response.status_code == 400
        assert "sessions" in response.json()["errors"]


class TestDoubleOptIn:
    def test_unconfirmed_submissions_are_invisible_to_staff(self, client, superuser):
        post_json(client, valid_submission(topic="Unbestätigtes Thema"))
        [unconfirmed] = TopicSuggestion.all_submissions.all()
        client.force_login(superuser)

        listing = client.get("/admin/example/topicsuggestion/")
        assert listing.status_code == 200
        assert "Unbestätigtes Thema" not in listing.content.decode()
        for view in ("inspect", "edit", "history"):
            path = f"/admin/example/topicsuggestion/{view}/{unconfirmed.pk}/"
            assert client.get(path).status_code == 404, path

    def test_the_confirmation_link_counts_the_submission(self, client):
        post_json(client, valid_submission())
        link = path_of(link_in_last_mail())
        page = client.get(link)
        assert page.status_code == 200
        assert "bitte bestätigen" in page.content.decode()
        assert TopicSuggestion.objects.count() == 0  # a GET (mail scanner) confirms nothing
        response = client.post(link)
        assert response.status_code == 200
        assert "Vielen Dank" in response.content.decode()
        [suggestion] = TopicSuggestion.objects.all()
        assert suggestion.confirmed_at is not None

    def test_a_confirmation_link_works_once(self, client):
        post_json(client, valid_submission())
        link = path_of(link_in_last_mail())
        assert client.post(link).status_code == 200
        again = client.post(link)
        assert again.status_code == 410
        assert "bereits benutzt" in again.content.decode()

    def test_unconfirmed_submissions_are_deleted_after_48_hours(self, client):
        start = timezone.now()
        post_json(client, valid_submission(email="frueh@example.org"))
        first = TopicSuggestion.all_submissions.get()
        with mock.patch("django.utils.timezone.now", return_value=start + timedelta(hours=1)):
            post_json(client, valid_submission(email="spaeter@example.org"))
            post_json(client, valid_submission(email="bestaetigt@example.org"))
            committed(client.post, path_of(link_in_last_mail()))
        assert TopicSuggestion.objects.count() == 1

        with mock.patch("django.utils.timezone.now", return_value=start + timedelta(hours=47)):
            assert service.delete_unconfirmed()["example.TopicSuggestion"] == 0
        with mock.patch(
            "django.utils.timezone.now", return_value=start + timedelta(hours=48, minutes=1)
        ):
            deleted = service.delete_unconfirmed()
        assert deleted["example.TopicSuggestion"] == 1
        remaining = {s.email for s in TopicSuggestion.all_submissions.all()}
        assert remaining == {"spaeter@example.org", "bestaetigt@example.org"}
        assert not TopicSuggestion.all_submissions.filter(pk=first.pk).exists()
        assert not OneTimeToken.objects.filter(object_id=str(first.pk)).exists()

        with mock.patch(
            "django.utils.timezone.now", return_value=start + timedelta(hours=49, minutes=1)
        ):
            service.delete_unconfirmed()
        assert {s.email for s in TopicSuggestion.all_submissions.all()} == {
            "bestaetigt@example.org"
        }

    def test_the_link_of_a_deleted_submission_is_invalid(self, client):
        post_json(client, valid_submission())
        link = path_of(link_in_last_mail())
        later = timezone.now() + timedelta(hours=49)
        with mock.patch("django.utils.timezone.now", return_value=later):
            service.delete_unconfirmed()
            response = client.post(link)
        assert response.status_code == 404
        assert TopicSuggestion.all_submissions.count() == 0


class TestHtmlForm:
    def test_the_form_is_german_and_links_to_the_privacy_notice(self, client, site_tree):
        response = client.get(FORM_PATH)
        assert response.status_code == 200
        html = response.content.decode()
        assert '<html lang="de">' in html
        assert "Thema vorschlagen" in html
        assert 'href="http://testserver/datenschutz/"' in html
        assert "Ich bin einverstanden" in html
        assert 'name="website"' in html
        assert "site/site.css" in html

    def test_a_valid_form_submission_waits_for_confirmation(self, client):
        data = valid_submission(consent="on", language="en")
        response = post_form(client, data)
        assert response.status_code == 200
        assert "Fast geschafft" in response.content.decode()
        [suggestion] = stored()
        assert suggestion.language == "en"
        assert suggestion.consent_text.startswith("Ich bin einverstanden")  # what the form showed
        assert mail.outbox[-1].subject == "Please confirm: Suggest a topic"

    def test_form_errors_are_german_and_next_to_their_fields(self, client):
        data = valid_submission(email="kaputt", consent=None)
        response = post_form(client, data)
        assert response.status_code == 400
        html = response.content.decode()
        assert "Bitte prüfen Sie Ihre Angaben" in html
        assert "Bitte stimmen Sie der Verarbeitung Ihrer Daten zu." in html
        assert 'id="feld-email"' in html and 'aria-invalid="true"' in html
        assert 'value="Anna Schmitt"' in html  # what was entered stays
        assert stored() == []

    def test_lists_of_entries_are_rows_of_the_form(self, client):
        html = client.get(FORM_PATH).content.decode()
        assert 'name="sessions.2.date" value=""' in html and 'type="date"' in html
        assert 'name="sessions.3.date"' not in html  # three empty rows, no JavaScript needed
        data = valid_submission(consent="on")
        data |= {"sessions.0.date": "2027-03-01", "sessions.0.duration_minutes": "90"}
        data |= {"sessions.1.date": "", "sessions.1.duration_minutes": ""}  # left empty
        data |= {"sessions.2.date": "2027-03-08", "sessions.2.duration_minutes": "60"}
        assert post_form(client, data).status_code == 200
        assert stored()[0].sessions == [
            {"date": "2027-03-01", "duration_minutes": 90},
            {"date": "2027-03-08", "duration_minutes": 60},
        ]

    def test_errors_of_a_row_stand_next_to_its_field(self, client):
        data = valid_submission(consent="on")
        data |= {"sessions.0.date": "2027-03-01", "sessions.0.duration_minutes": "5"}
        response = post_form(client, data)
        assert response.status_code == 400
        html = response.content.decode()
        assert 'href="#feld-sessions0duration_minutes"' in html  # the summary links the field
        assert 'id="fehler-sessions0duration_minutes-1"' in html
        assert 'name="sessions.0.duration_minutes" value="5"' in html  # what was entered stays
        assert stored() == []

    def test_the_form_is_never_under_the_api(self, client):
        assert not FORM_PATH.startswith("/api/")
        assert client.get(FORM_PATH).status_code == 200

    def test_form_and_confirmation_answer_404_where_the_plugin_is_off(self, client, site_tree):
        post_json(client, valid_submission())
        link = path_of(link_in_last_mail())
        set_enabled("example", Site.objects.get(is_default_site=True), False)
        form = client.get(FORM_PATH)
        assert form.status_code == 404
        assert form["Content-Type"].startswith("text/html")  # a page, not problem+json
        assert post_json(client, valid_submission()).status_code == 404
        assert client.post(link).status_code == 404
        assert TopicSuggestion.objects.count() == 0


def test_openapi_lists_the_intake_endpoints(client):
    schema = client.get("/api/v1/schema/", HTTP_ACCEPT="application/json").json()
    operation = schema["paths"][API_PATH]["post"]
    assert set(operation["responses"]) >= {"202", "400", "413", "429"}
    body = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    component = schema["components"]["schemas"][body.rsplit("/", 1)[1]]
    assert {"email", "consent", "name", "topic", "text", "sessions"} <= set(component["properties"])
    assert "get" in schema["paths"][API_PATH + "consent/"]


def test_the_cleanup_command_prints_what_it_deleted(client):
    post_json(client, valid_submission())
    later = timezone.now() + timedelta(hours=49)
    output = io.StringIO()
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("ben_intake_cleanup", stdout=output)
    assert "example.TopicSuggestion: 1 gelöscht" in output.getvalue()
    assert "ben_plugins.OneTimeToken: 0 gelöscht" in output.getvalue()
    assert TopicSuggestion.all_submissions.count() == 0


class TestPrivacyNotice:
    """Every form links to the privacy notice: BEN_PRIVACY_URL, else the published legal page
    „datenschutz“; with neither, no form takes personal data."""

    @pytest.fixture
    def no_privacy_notice(self, site_tree, settings):
        settings.BEN_PRIVACY_URL = ""
        site_tree.privacy.unpublish()

    def test_the_consent_endpoint_names_the_privacy_page(self, client):
        consent = client.get(API_PATH + "consent/").json()
        assert consent["privacy_url"] == "http://testserver/datenschutz/"

    def test_a_privacy_notice_elsewhere_is_linked_everywhere(self, client, settings):
        settings.BEN_PRIVACY_URL = "https://www.bitburg.de/datenschutz"
        consent = client.get(API_PATH + "consent/").json()
        assert consent["privacy_url"] == "https://www.bitburg.de/datenschutz"
        assert 'href="https://www.bitburg.de/datenschutz"' in client.get(FORM_PATH).text
        pending = post_form(client, valid_submission(consent="on"))
        assert 'href="https://www.bitburg.de/datenschutz"' in pending.text

    def test_a_privacy_notice_elsewhere_is_enough(self, client, settings, no_privacy_notice):
        settings.BEN_PRIVACY_URL = "https://www.bitburg.de/datenschutz"
        assert post_json(client, valid_submission()).status_code == 202
        assert len(stored()) == 1

    def test_without_a_notice_the_form_shows_why_instead_of_fields(self, client, no_privacy_notice):
        response = client.get(FORM_PATH)
        assert response.status_code == 200
        html = response.text
        assert "Es fehlt die Datenschutzerklärung" in html
        assert "<form" not in html
        assert 'name="email"' not in html

    def test_without_a_notice_the_form_takes_nothing(self, client, no_privacy_notice):
        response = post_form(client, valid_submission(consent="on"))
        assert response.status_code == 503
        assert "Es fehlt die Datenschutzerklärung" in response.text
        assert stored() == []
        assert mail.outbox == []

    def test_a_refusal_for_want_of_a_notice_costs_no_attempt(self, client, settings, site_tree):
        settings.BEN_PRIVACY_URL = ""
        settings.INTAKE_RATE_LIMIT_IP = "1/hour"
        site_tree.privacy.unpublish()
        address = unique_address()  # Redis keeps counters across runs
        for _ in range(2):
            assert post_json(client, valid_submission(), address=address).status_code == 503
            assert (
                post_form(client, valid_submission(consent="on"), address=address).status_code
                == 503
            )
        site_tree.privacy.save_revision().publish()
        assert post_json(client, valid_submission(), address=address).status_code == 202

    def test_without_a_notice_the_endpoint_refuses(self, client, no_privacy_notice):
        response = post_json(client, valid_submission())
        assert response.status_code == 503
        assert response["Content-Type"].startswith("application/problem+json")
        problem = response.json()
        assert problem["code"] == "no_privacy_notice"
        assert "Es fehlt die Datenschutzerklärung" in problem["detail"]
        assert stored() == []
        assert mail.outbox == []
        english = post_json(client, valid_submission(), HTTP_ACCEPT_LANGUAGE="en")
        assert "the privacy notice it must link to is missing" in english.json()["detail"]

    def test_without_a_notice_the_consent_endpoint_refuses(self, client, no_privacy_notice):
        response = client.get(API_PATH + "consent/")
        assert response.status_code == 503
        assert response.json()["code"] == "no_privacy_notice"

    def test_openapi_documents_the_privacy_url_and_the_refusal(self, client):
        schema = client.get("/api/v1/schema/", HTTP_ACCEPT="application/json").json()
        consent = schema["paths"][API_PATH + "consent/"]["get"]
        assert "503" in consent["responses"]
        assert "503" in schema["paths"][API_PATH]["post"]["responses"]
        body = consent["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
        component = schema["components"]["schemas"][body.rsplit("/", 1)[1]]
        assert component["properties"]["privacy_url"]["format"] == "uri"

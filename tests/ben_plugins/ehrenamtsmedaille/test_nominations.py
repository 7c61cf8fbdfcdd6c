"""Nominations: every rule of the city as a field error (table), the call's window to the
second, the answer with a reference, honeypot, rate limit and double opt-in."""

import json
from datetime import timedelta

import pytest
from django.core import mail

from ben_plugins.ehrenamtsmedaille.factories import NominationFactory
from ben_plugins.ehrenamtsmedaille.models import Nomination
from tests.ben_plugins.core.intake_helpers import (
    committed,
    link_in_last_mail,
    path_of,
    post_json,
    unique_address,
    unique_email,
)

from .conftest import NOW

pytestmark = pytest.mark.django_db
API = "/api/v1/ehrenamtsmedaille/nominations/"
FORM = "/mitmachen/ehrenamtsmedaille/vorschlagen/"


def body(**changes) -> dict:
    data = {
        **NominationFactory.nomination_body(),
        "nominator_email": unique_email("kaethe"),
        **changes,
    }
    return {key: value for key, value in data.items() if value is not None}


def post(client, data, **headers):
    return post_json(client, data, path=API, **headers)


@pytest.fixture
def open_call(call, frozen, site):
    return call


VALID = [
    pytest.param({}, id="all-valid"),
    pytest.param({"reasons": "ä" * 300}, id="reasons-300"),
    pytest.param({"reasons": "ß" * 5000}, id="reasons-5000"),
    pytest.param({"nominee_contact": None, "nominator_phone": None}, id="optional-left-out"),
    pytest.param({"nominee_kind": "group", "nominee_name": "Tafel Bitburg e. V."}, id="group"),
]
INVALID = [
    pytest.param({"reasons": "x" * 299}, {"reasons"}, id="reasons-299"),
    pytest.param({"reasons": "x" * 5001}, {"reasons"}, id="reasons-5001"),
    pytest.param({"reasons": None}, {"reasons"}, id="reasons-missing"),
    pytest.param({"not_self_nomination": False}, {"not_self_nomination"}, id="self-box"),
    pytest.param({"not_self_nomination": None}, {"not_self_nomination"}, id="self-box-missing"),
    pytest.param({"nominator_name": " jürgen  GRÖSS "}, {"nominator_name"}, id="same-name"),
    pytest.param(
        {"nominator_email": "j.gross@example.org", "nominee_contact": "J.Gross@example.org"},
        {"nominee_contact"},
        id="same-email",
    ),
    pytest.param({"nominee_active_in_bitburg": False}, {"nominee_active_in_bitburg"}, id="nominee"),
    pytest.param({"nominator_in_bitburg": False}, {"nominator_in_bitburg"}, id="nominator"),
    pytest.param({"field_of_engagement": "Politik"}, {"field_of_engagement"}, id="field"),
    pytest.param({"nominee_kind": "verein"}, {"nominee_kind"}, id="kind"),
    pytest.param({"nominator_email": "keine-adresse"}, {"nominator_email"}, id="email"),
    pytest.param({"relation": None}, {"relation"}, id="relation-missing"),
    pytest.param({"consent": False}, {"consent"}, id="consent"),
    pytest.param({"nominee_active_in_bitburg": "true"}, {"nominee_active_in_bitburg"}, id="type"),
    pytest.param(
        {"reasons": "x" * 10, "not_self_nomination": False, "nominator_name": "Jürgen Größ"},
        {"reasons", "not_self_nomination", "nominator_name"},
        id="every-rule-at-once",
    ),
]


@pytest.mark.parametrize("changes", VALID)
def test_valid_nominations_are_created_with_a_reference(client, open_call, changes):
    response = post(client, body(**changes))

    assert response.status_code == 201, response.content
    reference = response.json()["reference"]
    assert response.json()["status"] == "confirmation_pending"
    stored = Nomination.all_submissions.get(reference=reference)
    assert stored.call == open_call and stored.award_date == open_call.award_date
    assert not stored.is_confirmed


@pytest.mark.parametrize(("changes", "errors"), INVALID)
def test_each_rule_is_a_german_field_error(client, open_call, changes, errors):
    response = post(client, body(**changes))

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert set(response.json()["errors"]) == errors
    assert response["Content-Language"] == "de"
    assert Nomination.all_submissions.count() == 0


@pytest.mark.parametrize(
    ("moment", "accepted"),
    [
        pytest.param(lambda call: call.opens_at - timedelta(seconds=1), False, id="before"),
        pytest.param(lambda call: call.opens_at, True, id="first-second"),
        pytest.param(lambda call: call.closes_at, True, id="last-second"),
        pytest.param(lambda call: call.closes_at + timedelta(seconds=1), False, id="after"),
    ],
)
def test_the_window_holds_to_the_second(client, open_call, frozen, moment, accepted):
    frozen.move(moment(open_call))
    response = post(client, body())

    if accepted:
        assert response.status_code == 201
    else:
        assert response.status_code == 409
        assert response["Content-Type"] == "application/problem+json"
        assert response.json()["detail"] == (
            "Vorschläge sind nur während des Aufrufs möglich; zurzeit ist kein Aufruf für die "
            "Ehrenamtsmedaille geöffnet."
        )
        assert Nomination.all_submissions.count() == 0


def test_outside_the_window_field_errors_come_first(client, open_call, frozen):
    frozen.move(open_call.closes_at + timedelta(days=1))
    response = post(client, body(reasons="kurz", nominator_name="Jürgen Größ"))
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"reasons", "nominator_name"}


def test_the_form_says_so_outside_the_window(client, open_call, frozen):
    frozen.move(open_call.closes_at + timedelta(seconds=1))
    data = {**body(), "email": "kaethe@example.org"}
    data.pop("nominator_email")
    for name in ("consent", "nominee_active_in_bitburg", "nominator_in_bitburg"):
        data[name] = "on"
    data["not_self_nomination"] = "on"
    response = client.post(FORM, data, REMOTE_ADDR=unique_address())
    assert response.status_code == 400
    assert "zurzeit ist kein Aufruf für die Ehrenamtsmedaille geöffnet" in response.content.decode()
    assert Nomination.all_submissions.count() == 0


def test_the_form_says_when_the_next_call_opens_instead_of_asking_for_nothing(
    client, open_call, frozen
):
    frozen.move(open_call.opens_at - timedelta(seconds=1))
    before = client.get(FORM).content.decode()
    assert "Der Aufruf 2027 beginnt am 5. Dezember 2026." in before
    assert "<form" not in before

    frozen.move(open_call.opens_at)
    assert "<form" in client.get(FORM).content.decode()

    frozen.move(open_call.closes_at + timedelta(seconds=1))
    after = client.get(FORM).content.decode()
    assert "zurzeit ist kein Aufruf für die Ehrenamtsmedaille geöffnet." in after
    assert "beginnt am" not in after and "<form" not in after


def test_a_filled_honeypot_looks_the_same_but_stores_and_sends_nothing(client, open_call):
    response = post(client, body(website="http://spam.example"))

    assert response.status_code == 201
    assert response.json()["reference"].startswith("EM-")
    assert Nomination.all_submissions.count() == 0
    assert mail.outbox == []


def test_the_rate_limit_per_address_answers_429(client, open_call, settings):
    settings.INTAKE_RATE_LIMIT_IP = "1/hour"
    address = unique_address()

    def send():
        return client.post(
            API, data=json.dumps(body()), content_type="application/json", REMOTE_ADDR=address
        )

    assert send().status_code == 201
    refused = send()
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0


def test_double_opt_in_the_jury_sees_it_only_after_the_link(client, open_call):
    response = post(client, body())
    reference = response.json()["reference"]
    assert not Nomination.objects.filter(reference=reference).exists()

    confirm_path = path_of(link_in_last_mail())
    assert client.get(confirm_path).status_code == 200
    assert not Nomination.objects.filter(reference=reference).exists()  # GET confirms nothing
    assert client.post(confirm_path).status_code == 200

    assert Nomination.objects.get(reference=reference).confirmed_at == NOW


def test_the_german_form_takes_the_same_nomination(client, open_call):
    assert client.get(FORM).status_code == 200
    data = {**body(), "email": "kaethe@example.org"}
    data.pop("nominator_email")
    for name in ("consent", "nominee_active_in_bitburg", "nominator_in_bitburg"):
        data[name] = "on"
    data["not_self_nomination"] = "on"
    response = committed(client.post, FORM, data, REMOTE_ADDR=unique_address())

    assert response.status_code == 200, response.content.decode()
    stored = Nomination.all_submissions.get()
    assert stored.email == "kaethe@example.org"
    assert f"Ihr Aktenzeichen: {stored.reference}." in response.content.decode()


def test_the_form_shows_the_errors_in_german_next_to_the_fields(client, open_call):
    response = client.post(FORM, {"reasons": "zu kurz"}, REMOTE_ADDR=unique_address())

    assert response.status_code == 400
    page = response.content.decode()
    assert "Bitte prüfen Sie Ihre Angaben" in page
    assert 'href="#feld-email"' in page and "#feld-nominator_email" not in page
    assert "Bitte bestätigen Sie, dass Sie nicht sich selbst vorschlagen." in page
    assert page.count('name="email"') == 1

"""A citizen's message through HTTP: JSON and form, double opt-in, the emails to the club,
the agency and the citizen; refusals; and the plugin switched off (issue #16, points 2, 6)."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import timezone
from wagtail.models import Page, Site

from ben_plugins.vermittlung.models import InterestMessage
from tests.ben_plugins.core.intake_helpers import (
    committed,
    path_of,
    post_json,
    unique_address,
    unique_email,
)
from tests.factories.pages import ClubPageFactory, HomePageFactory, LegalPageFactory
from tests.factories.snippets import VolunteerOpportunityFactory

from .conftest import AGENCY

pytestmark = pytest.mark.django_db

API = "/api/v1/vermittlung/interests/"
FORM = "/mitmachen/vermittlung/interesse/"
CONFIRM_LINK = r"https?://\S+/mitmachen/bestaetigen/[^/\s]+/"


def body(offer, **changes):
    data = {
        "opportunity": offer.pk,
        "name": "Lena Hoffmann",
        "email": unique_email("lena"),
        "phone": "06561 1234",
        "message": "Ich hätte dienstags Zeit.",
        "consent": True,
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def post(client, data, **headers):
    return post_json(client, data, path=API, **headers)


def confirm(client, clear=False):
    """Click the link of the last confirmation email; ``clear`` empties the outbox first."""
    link = re.search(CONFIRM_LINK, mail.outbox[-1].body).group(0)
    if clear:
        mail.outbox.clear()
    assert client.get(path_of(link)).status_code == 200  # a scanner's GET confirms nothing
    return committed(client.post, path_of(link))


def test_json_message_with_double_opt_in_reaches_club_agency_and_citizen(client, opportunity):
    data = body(opportunity)
    response = post(client, data)
    assert response.status_code == 202, response.content
    assert response.json()["status"] == "confirmation_pending"
    assert not InterestMessage.objects.exists()  # staff see nothing unconfirmed
    (confirmation,) = mail.outbox
    assert confirmation.to == [data["email"]]

    assert confirm(client, clear=True).status_code == 200
    message = InterestMessage.objects.get()
    assert message.club_id == opportunity.club_id
    assert message.opportunity_title == "Lebensmittel ausgeben"
    assert message.status == "new"

    by_recipient = {tuple(sent.to): sent for sent in mail.outbox}
    assert set(by_recipient) == {("ausgabe@tafel.example",), (AGENCY,), (data["email"],)}
    to_club = by_recipient["ausgabe@tafel.example",]
    assert "Lebensmittel ausgeben" in to_club.subject
    for text in ("Lena Hoffmann", data["email"], "06561 1234", "Ich hätte dienstags Zeit."):
        assert text in to_club.body
    assert f"/admin/vermittlung/interestmessage/inspect/{message.pk}/" in to_club.body
    assert "Ich hätte dienstags Zeit." in by_recipient[AGENCY,].body
    to_citizen = by_recipient[data["email"],]
    assert "Tafel Bitburg" in to_citizen.subject
    assert "Wie es weitergeht" in to_citizen.body
    assert "Tafel Bitburg meldet sich" in to_citizen.body
    assert to_citizen.alternatives[0][1] == "text/html"


def test_the_club_address_is_used_without_a_contact_address(client, club_a):
    offer = VolunteerOpportunityFactory(club=club_a, title="Kasse", published=True)
    post(client, body(offer))
    confirm(client, clear=True)
    assert ["tafel@verein.example"] in [sent.to for sent in mail.outbox]


def test_english_confirmation_for_the_citizen(client, opportunity):
    data = body(opportunity, language="en")
    post(client, data)
    confirm(client)
    (to_citizen,) = [sent for sent in mail.outbox if sent.to == [data["email"]]][-1:]
    assert "What happens next" in to_citizen.body
    assert to_citizen.subject == "Your message to Tafel Bitburg has arrived"


def test_the_form_preselects_the_offer_and_takes_a_message(client, opportunity):
    page = client.get(f"{FORM}?angebot={opportunity.pk}")
    assert page.status_code == 200
    html = page.content.decode()
    option = f'<option value="{opportunity.pk}" selected>Lebensmittel ausgeben (Tafel Bitburg)'
    assert option in html
    email = unique_email("form")
    response = committed(
        client.post,
        FORM,
        {
            "opportunity": str(opportunity.pk),
            "name": "Jonas Weber",
            "email": email,
            "message": "Samstags kann ich.",
            "consent": "on",
        },
        REMOTE_ADDR=unique_address(),
    )
    assert response.status_code == 200
    assert "Fast geschafft" in response.content.decode()
    confirm(client)
    assert InterestMessage.objects.get().name == "Jonas Weber"


def test_the_form_answers_errors_in_german(client, opportunity):
    for value in ("999999", "٣", "1e3", "99999999999999999999"):
        response = committed(
            client.post, FORM, {"opportunity": value, "name": ""}, REMOTE_ADDR=unique_address()
        )
        assert response.status_code == 400
        assert "Dieses Engagementangebot gibt es nicht (mehr)." in response.content.decode()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"opportunity": 999999}, "opportunity"),
        ({"opportunity": "1"}, "opportunity"),
        ({"opportunity": True}, "opportunity"),
        ({"opportunity": 10**20}, "opportunity"),
        ({"opportunity": -1}, "opportunity"),
        ({"opportunity": None}, "opportunity"),
        ({"name": None}, "name"),
        ({"message": "x" * 2001}, "message"),
        ({"consent": False}, "consent"),
        ({"email": "keine-adresse"}, "email"),
        ({"club": 1}, "club"),
    ],
)
def test_bad_messages_are_refused_with_field_errors(client, opportunity, changes, field):
    response = post(client, body(opportunity, **changes))
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert field in response.json()["errors"]
    assert not InterestMessage.all_submissions.exists()


def test_json_errors_follow_the_language(client, opportunity):
    german = post(client, body(opportunity, opportunity=999999)).json()["errors"]
    assert german["opportunity"] == ["Dieses Engagementangebot gibt es nicht (mehr)."]
    english = post(client, body(opportunity, opportunity=999999), HTTP_ACCEPT_LANGUAGE="en")
    assert english.json()["errors"]["opportunity"] == [
        "This volunteer opportunity does not exist (any more)."
    ]


def test_drafts_and_expired_offers_cannot_be_written_to(client, club_a, clock):
    draft = VolunteerOpportunityFactory(club=club_a, title="Entwurf")
    response = post(client, body(draft))
    assert response.status_code == 400
    assert "opportunity" in response.json()["errors"]

    offer = VolunteerOpportunityFactory(club=club_a, review_by=timezone.localdate(), published=True)
    assert post(client, body(offer)).status_code == 202
    clock.set(timezone.now() + dt.timedelta(days=1))
    assert post(client, body(offer)).status_code == 400


def test_the_honeypot_stores_nothing(client, opportunity):
    assert post(client, body(opportunity, website="http://spam.example")).status_code == 202
    assert not InterestMessage.all_submissions.exists()
    assert mail.outbox == []


def test_consent_text_and_schema(client, opportunity):
    consent = client.get(f"{API}consent/").json()
    assert consent["version"] and "Ehrenamtsagentur" in consent["text"]
    schema = client.get("/api/v1/schema/?format=json").json()
    post_schema = schema["paths"][API]["post"]
    assert 202 in {int(code) for code in post_schema["responses"]}
    assert "/api/v1/vermittlung/figures/" in schema["paths"]


def test_switched_off_the_endpoint_and_form_answer_404_and_messages_stay(
    client, opportunity, switch_plugin
):
    post(client, body(opportunity))
    confirm(client)
    switch_plugin("vermittlung", False)
    assert post(client, body(opportunity)).status_code == 404
    assert client.get(FORM).status_code == 404
    assert client.get(f"{API}consent/").status_code == 404
    assert client.get("/api/v1/vermittlung/figures/").status_code == 404
    assert InterestMessage.objects.count() == 1
    switch_plugin("vermittlung", True)
    assert client.get(FORM).status_code == 200
    assert InterestMessage.objects.count() == 1


def test_a_deployment_without_the_agency_address_is_warned(settings):
    from ben_plugins.vermittlung.checks import check_agency_address

    assert check_agency_address() == []
    settings.VERMITTLUNG_AGENCY_EMAIL = ""
    (warning,) = check_agency_address()
    assert warning.id == "vermittlung.W001"


@pytest.fixture
def neighbour_offer(site_tree):
    """An offer of a club on a second site (a neighbouring town's BEN on the same server)."""
    home = HomePageFactory(parent=Page.get_first_root_node(), slug="nachbarort")
    Site.objects.create(hostname="nachbarort.example", port=80, root_page=home)
    LegalPageFactory(parent=home, title="Datenschutzerklärung", slug="datenschutz")
    club = ClubPageFactory(parent=home, title="Heimatverein Nachbarort", slug="heimatverein")
    club.save_revision().publish()
    return VolunteerOpportunityFactory(club=club, title="Dorfarchiv ordnen", published=True)


@override_settings(ALLOWED_HOSTS=["*"])
def test_an_offer_of_another_site_can_neither_be_chosen_nor_written_to(
    client, opportunity, neighbour_offer
):
    html = client.get(FORM).content.decode()
    assert "Lebensmittel ausgeben (Tafel Bitburg)" in html
    assert "Dorfarchiv ordnen" not in html
    response = post(client, body(neighbour_offer))
    assert response.status_code == 400
    assert "opportunity" in response.json()["errors"]
    form = committed(
        client.post,
        FORM,
        {
            "opportunity": str(neighbour_offer.pk),
            "name": "Jonas Weber",
            "email": unique_email("fremd"),
            "message": "Samstags kann ich.",
            "consent": "on",
        },
        REMOTE_ADDR=unique_address(),
    )
    assert form.status_code == 400
    assert not InterestMessage.all_submissions.exists()

    neighbour = client.get(FORM, HTTP_HOST="nachbarort.example").content.decode()
    assert "Dorfarchiv ordnen (Heimatverein Nachbarort)" in neighbour
    assert "Lebensmittel ausgeben" not in neighbour
    assert post(client, body(neighbour_offer), HTTP_HOST="nachbarort.example").status_code == 202
    assert InterestMessage.all_submissions.get().club == neighbour_offer.club

"""The application through HTTP from the form to the card: double opt-in, organisation
confirmation, every status change in the office's inbox, and every illegal move refused."""

from datetime import timedelta

import pytest
from django.core import mail
from wagtail.models import ModelLogEntry

from ben_plugins.core import tokens
from ben_plugins.core.models import OneTimeToken
from ben_plugins.ehrenamtskarte.confirmations import send_reminders
from ben_plugins.ehrenamtskarte.models import CardApplication, IssuedCard, OrganisationConfirmation
from ben_plugins.ehrenamtskarte.notifications import ORGANISATION
from tests.ben_plugins.core.intake_helpers import committed

from .conftest import NOW, TODAY
from .helpers import application_data, apply, confirm_link, link, mails_to

pytestmark = pytest.mark.django_db
Status = CardApplication.Status
BASE = "/admin/ehrenamtskarte/cardapplication/"


def confirmed_application(client) -> CardApplication:
    response = apply(client)
    assert response.status_code == 201, response.content
    committed(client.post, confirm_link(mail.outbox[-1]))
    return CardApplication.objects.get(reference=response.json()["reference"])


def organisation_link() -> str:
    request = mails_to("kontakt@tafel-bitburg.example")[0]
    return link(request, r"https?://\S+/mitmachen/ehrenamtskarte/organisation/[^/\s]+/")


def organisation_answers(client, decision="confirm", comment=""):
    path = organisation_link()
    assert client.get(path).status_code == 200
    return committed(client.post, path, {"decision": decision, "comment": comment})


def edit(client, application, **changes):
    """Save the inbox's edit form as shown, with ``changes``."""
    url = f"{BASE}edit/{application.pk}/"
    form = client.get(url).context["form"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None or value is False:
            continue
        data[name] = value.isoformat() if hasattr(value, "isoformat") else value
    data.update(changes)
    return committed(client.post, url, data)


def move(client, application, target, comment=""):
    return committed(
        client.post,
        f"{BASE}transition/{application.pk}/",
        {"target": target, "comment": comment},
        follow=True,
    )


def test_from_application_to_card(client, site_tree, frozen, office):
    response = apply(client)
    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "confirmation_pending"
    assert body["reference"] == f"EAK-{TODAY.year}-0001"
    application = CardApplication.all_submissions.get()
    assert application.eligibility_result == "eligible"
    assert application.rule_set
    assert not CardApplication.objects.exists()  # invisible until confirmed
    assert not OrganisationConfirmation.objects.exists()

    committed(client.post, confirm_link(mail.outbox[-1]))
    application.refresh_from_db()
    assert application.is_confirmed and application.status == Status.RECEIVED
    assert "contact_email" not in application.activities[0]
    request, art14 = mails_to("kontakt@tafel-bitburg.example")
    assert "Maria Hoffmann" in request.body and application.reference in request.body
    assert "Art. 14" in art14.body
    received = mails_to("maria.hoffmann@example.org")[-1]
    assert application.reference in received.subject

    assert organisation_answers(client, comment="Seit Jahren dabei.").status_code == 200
    application.refresh_from_db()
    assert application.status == Status.CONFIRMED
    assert application.confirmations.get().comment == "Seit Jahren dabei."

    client.force_login(office)
    assert client.get(f"{BASE}inspect/{application.pk}/").status_code == 200
    move(client, application, Status.CHECKED)
    move(client, application, Status.FORWARDED)
    response = move(client, application, Status.ISSUED)
    assert "Kartennummer" in response.content.decode()
    application.refresh_from_db()
    assert application.status == Status.FORWARDED
    assert edit(client, application, card_number="RP-123456").status_code == 302
    move(client, application, Status.ISSUED)
    application.refresh_from_db()
    assert application.status == Status.ISSUED
    assert application.issued_on == TODAY
    assert application.valid_until == TODAY.replace(year=TODAY.year + 2)
    card = IssuedCard.objects.get()
    assert (card.card_number, card.valid_until) == ("RP-123456", application.valid_until)

    moves = ModelLogEntry.objects.filter(action="ben.transition", object_id=str(application.pk))
    assert [entry.data["to"] for entry in moves.order_by("timestamp", "pk")] == [
        "organisation_bestaetigt",
        "geprueft",
        "weitergeleitet",
        "ausgestellt",
    ]


def test_card_number_and_issue_date_are_locked_once_issued(client, site_tree, frozen, office):
    from ben_plugins.ehrenamtskarte.factories import CardApplicationFactory

    application = CardApplicationFactory(status=Status.FORWARDED)
    client.force_login(office)
    assert edit(client, application, card_number="RP-1").status_code == 302
    move(client, application, Status.ISSUED)
    application.refresh_from_db()
    assert application.status == Status.ISSUED
    for changes in ({"card_number": "RP-2"}, {"issued_on": "2027-01-01"}):
        response = edit(client, application, **changes)
        assert response.status_code == 200
        assert "nicht mehr änderbar" in response.content.decode()
    application.refresh_from_db()
    assert (application.card_number, application.issued_on) == ("RP-1", TODAY)
    assert IssuedCard.objects.get().card_number == "RP-1"
    assert edit(client, application, phone="0651 1").status_code == 302  # the rest stays


def test_a_jubilee_card_never_expires(client, site_tree, frozen, office):
    response = apply(client, application_data(card="jubilaeumskarte", years_of_engagement=30))
    committed(client.post, confirm_link(mail.outbox[-1]))
    application = CardApplication.objects.get(reference=response.json()["reference"])
    organisation_answers(client)
    client.force_login(office)
    move(client, application, Status.CHECKED)
    move(client, application, Status.FORWARDED)
    assert edit(client, application, card_number="RP-J-1").status_code == 302
    move(client, application, Status.ISSUED)
    application.refresh_from_db()
    assert application.eligibility_card == "jubilaeumskarte"
    assert application.status == Status.ISSUED and application.valid_until is None


ALLOWED = {
    Status.RECEIVED: {Status.CONFIRMED, Status.REJECTED, Status.WITHDRAWN},
    Status.CONFIRMED: {Status.CHECKED, Status.REJECTED, Status.WITHDRAWN},
    Status.CHECKED: {Status.FORWARDED, Status.REJECTED, Status.WITHDRAWN},
    Status.FORWARDED: {Status.ISSUED, Status.REJECTED},
    Status.ISSUED: set(),
    Status.REJECTED: set(),
    Status.WITHDRAWN: set(),
}


def test_the_declared_moves_are_exactly_the_allowed_ones():
    declared = {
        (source, t.target)
        for t in CardApplication.transitions.transitions
        for source in t.source_set
    }
    assert declared == {(s, t) for s, targets in ALLOWED.items() for t in targets}


@pytest.mark.parametrize("source", list(Status))
def test_every_illegal_move_is_refused_in_the_inbox(client, site_tree, office, source):
    from ben_plugins.ehrenamtskarte.factories import CardApplicationFactory

    client.force_login(office)
    for target in Status:
        if target in ALLOWED[source] or target == source:
            continue
        application = CardApplicationFactory(status=source, card_number="RP-1")
        response = move(client, application, target, "Versuch")
        assert "kein Übergang vorgesehen" in response.content.decode(), (source, target)
        application.refresh_from_db()
        assert application.status == source
    # Withdrawing is the applicant's own link: the office cannot do it for them.
    if Status.WITHDRAWN in ALLOWED[source]:
        application = CardApplicationFactory(status=source)
        assert move(client, application, Status.WITHDRAWN).status_code == 403


def test_rejection_needs_a_reason_and_is_emailed(client, site_tree, office):
    from ben_plugins.ehrenamtskarte.factories import CardApplicationFactory

    application = CardApplicationFactory(email="abgelehnt@example.org")
    client.force_login(office)
    response = move(client, application, Status.REJECTED)
    assert "Grund der Ablehnung" in response.content.decode()
    application.refresh_from_db()
    assert application.status == Status.RECEIVED
    move(client, application, Status.REJECTED, "Die Tätigkeit liegt außerhalb von Bitburg.")
    application.refresh_from_db()
    assert application.status == Status.REJECTED and application.decided_at
    message = mails_to("abgelehnt@example.org")[-1]
    assert "außerhalb von Bitburg" in message.body


def test_an_organisation_rejection_leaves_it_to_the_office(client, site_tree, frozen):
    application = confirmed_application(client)
    organisation_answers(client, decision="reject", comment="Unbekannt.")
    application.refresh_from_db()
    assert application.status == Status.RECEIVED
    confirmation = application.confirmations.get()
    assert (confirmation.status, confirmation.comment) == ("abgelehnt", "Unbekannt.")


def test_the_organisation_link_works_once(client, site_tree, frozen):
    confirmed_application(client)
    organisation_answers(client)
    # Answered: every link of the confirmation is revoked, none shows the applicant any more.
    for response in (
        client.post(organisation_link(), {"decision": "reject"}),
        client.get(organisation_link()),
    ):
        assert response.status_code == 404
        assert "Hoffmann" not in response.content.decode()
    assert not OneTimeToken.objects.filter(purpose=ORGANISATION.name).exists()


def reminder_link() -> str:
    reminder = [m for m in mails_to("kontakt@tafel-bitburg.example") if "Erinnerung" in m.subject]
    return link(reminder[-1], r"https?://\S+/mitmachen/ehrenamtskarte/organisation/[^/\s]+/")


def test_a_reminder_link_cannot_overwrite_the_answer(client, site_tree, frozen):
    application = confirmed_application(client)
    frozen(NOW + timedelta(days=7))
    committed(send_reminders)
    reminder = reminder_link()
    assert reminder != organisation_link()
    organisation_answers(client)
    application.refresh_from_db()
    assert application.status == Status.CONFIRMED

    response = committed(client.post, reminder, {"decision": "reject", "comment": "Doch nicht."})
    assert response.status_code == 404
    assert "Hoffmann" not in response.content.decode()
    confirmation = application.confirmations.get()
    assert (confirmation.status, confirmation.comment) == ("bestaetigt", "")


def test_a_confirmation_already_answered_shows_no_applicant_data(client, site_tree, frozen):
    """Also a link that was not revoked (issued before the answer by another path) is closed."""
    application = confirmed_application(client)
    confirmation = application.confirmations.get()
    OrganisationConfirmation.objects.filter(pk=confirmation.pk).update(status="bestaetigt")
    path = f"/mitmachen/ehrenamtskarte/organisation/{tokens.issue(ORGANISATION, confirmation)}/"
    for response in (client.get(path), client.post(path, {"decision": "reject"})):
        assert response.status_code == 410
        assert "abgeschlossen" in response.content.decode()
        assert "Hoffmann" not in response.content.decode()
    confirmation.refresh_from_db()
    assert confirmation.status == "bestaetigt"


@pytest.mark.parametrize("close", ["withdraw", "reject"])
def test_organisation_links_stop_when_the_application_is_closed(
    client, site_tree, frozen, office, close
):
    application = confirmed_application(client)
    path = organisation_link()
    if close == "withdraw":
        received = mails_to("maria.hoffmann@example.org")[-1]
        withdraw = link(received, r"https?://\S+/mitmachen/ehrenamtskarte/zurueckziehen/[^/\s]+/")
        assert committed(client.post, withdraw).status_code == 200
    else:
        client.force_login(office)
        move(client, application, Status.REJECTED, "Außerhalb von Bitburg.")
        client.logout()
    application.refresh_from_db()
    assert application.status in (Status.WITHDRAWN, Status.REJECTED)
    for response in (client.get(path), client.post(path, {"decision": "confirm"})):
        assert response.status_code == 404
        assert "Hoffmann" not in response.content.decode()
    assert application.confirmations.get().status == "offen"


def test_a_nul_byte_in_the_comment_is_a_form_error(client, site_tree, frozen):
    application = confirmed_application(client)
    path = organisation_link()
    response = committed(client.post, path, {"decision": "confirm", "comment": "a\x00b"})
    assert response.status_code == 400
    assert "Steuerzeichen" in response.content.decode()
    assert application.confirmations.get().status == "offen"
    assert organisation_answers(client, comment="Alles richtig.").status_code == 200


def test_the_applicant_withdraws_until_forwarded(client, site_tree, frozen):
    application = confirmed_application(client)
    received = mails_to("maria.hoffmann@example.org")[-1]
    path = link(received, r"https?://\S+/mitmachen/ehrenamtskarte/zurueckziehen/[^/\s]+/")
    assert client.get(path).status_code == 200
    assert client.post(path).status_code == 200
    application.refresh_from_db()
    assert application.status == Status.WITHDRAWN and application.decided_at


def test_no_withdrawal_once_forwarded(client, site_tree, frozen):
    application = confirmed_application(client)
    received = mails_to("maria.hoffmann@example.org")[-1]
    path = link(received, r"https?://\S+/mitmachen/ehrenamtskarte/zurueckziehen/[^/\s]+/")
    CardApplication.objects.filter(pk=application.pk).update(status=Status.FORWARDED)
    assert client.post(path).status_code == 409
    application.refresh_from_db()
    assert application.status == Status.FORWARDED


def test_reference_numbers_count_up_per_year(client, site_tree, frozen):
    first = apply(client).json()["reference"]
    second = apply(client, application_data(email="zweite@example.org")).json()["reference"]
    assert (first, second) == (f"EAK-{TODAY.year}-0001", f"EAK-{TODAY.year}-0002")


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"activities": []}, "activities"),
        (
            {"activities": [{"role": "x", "since": "2020-01-01", "hours_per_week": 5}]},
            "activities.0.organisation",
        ),
        ({"consent": False}, "consent"),
        ({"card": "goldkarte"}, "card"),
    ],
)
def test_invalid_applications_are_400(client, site_tree, frozen, changes, field):
    response = apply(client, application_data(**changes))
    assert response.status_code == 400
    assert field in response.json()["errors"], response.json()


@pytest.mark.parametrize(
    ("city", "in_bitburg"), [("Bitburg", True), (" bitburg ", True), ("Bitburger Land", False)]
)
def test_a_club_is_in_bitburg_only_in_the_town_itself(
    client, site_tree, frozen, club, city, in_bitburg
):
    club.email = "vorstand@sv-bitburg.example"
    club.city = city
    club.save_revision().publish()
    activity = {**application_data()["activities"][0], "club": club.pk, "in_bitburg": False}
    del activity["organisation"], activity["contact_email"]
    response = apply(client, application_data(activities=[activity], lives_in_bitburg=False))
    assert response.status_code == 201, response.content
    application = CardApplication.all_submissions.get()
    assert application.activities[0]["in_bitburg"] is in_bitburg
    assert application.eligibility_result == ("eligible" if in_bitburg else "not_eligible")


def test_a_ben_club_is_asked_at_its_contact_address(client, site_tree, frozen, club):
    club.email = "vorstand@sv-bitburg.example"
    club.save_revision().publish()
    activity = {**application_data()["activities"][0], "club": club.pk}
    del activity["organisation"], activity["contact_email"]
    response = apply(client, application_data(activities=[activity]))
    assert response.status_code == 201, response.content
    committed(client.post, confirm_link(mail.outbox[-1]))
    confirmation = OrganisationConfirmation.objects.get()
    assert (confirmation.club, confirmation.organisation) == (club, club.title)
    assert not confirmation.contact_from_applicant
    assert mails_to("vorstand@sv-bitburg.example")

    unknown = {**activity, "club": club.pk + 1000}
    response = apply(client, application_data(activities=[unknown]))
    assert response.status_code == 400
    assert "activities.0.club" in response.json()["errors"]


@pytest.mark.parametrize("own", ["maria.hoffmann@example.org", " Maria.Hoffmann@Example.org"])
def test_an_applicant_cannot_confirm_their_own_activity(client, site_tree, frozen, own):
    activity = {**application_data()["activities"][0], "contact_email": own}
    response = apply(client, application_data(activities=[activity]))
    assert response.status_code == 400
    assert "activities.0.contact_email" in response.json()["errors"], response.json()
    english = apply(client, application_data(activities=[activity]), HTTP_ACCEPT_LANGUAGE="en")
    assert "not your own" in english.json()["errors"]["activities.0.contact_email"][0]
    assert not CardApplication.all_submissions.exists()


def test_the_inbox_marks_addresses_the_applicant_gave(client, site_tree, frozen, office):
    application = confirmed_application(client)
    assert application.confirmations.get().contact_from_applicant
    client.force_login(office)
    page = client.get("/admin/ehrenamtskarte/organisationconfirmation/")
    assert "Adresse vom Antragsteller angegeben" in page.content.decode()
    filtered = client.get(
        "/admin/ehrenamtskarte/organisationconfirmation/?contact_from_applicant__exact=1"
    )
    assert application.reference in filtered.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/mitmachen/ehrenamtskarte/organisation/abc%00.def/",
        "/mitmachen/ehrenamtskarte/zurueckziehen/abc.d%00ef/",
        "/mitmachen/ehrenamtskarte/antrag/?verlaengerung=%00.x",
    ],
)
def test_a_nul_byte_in_a_link_is_an_invalid_link(client, site_tree, path):
    """PostgreSQL refuses NUL in a query: such a link must be a 404 page, not a 500."""
    for response in (client.get(path), client.post(path, {"decision": "confirm"})):
        assert response.status_code in (404, 400), response.status_code
    assert client.get(path).status_code == 404


def test_a_nul_byte_in_the_renewal_link_is_refused(client, site_tree):
    response = client.get("/mitmachen/ehrenamtskarte/verlaengern/x%00.y/", follow=True)
    assert response.status_code == 404

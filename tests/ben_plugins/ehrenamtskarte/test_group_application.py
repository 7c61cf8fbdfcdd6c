"""Sammelanträge: a club files for its volunteers in the admin, each volunteer consents by
email link, the club's confirmation is implicit, and the club sees only the status."""

import pytest
from django.core import mail

from ben_plugins.core.personal_data.models import AccessLogEntry
from ben_plugins.ehrenamtskarte.models import CardApplication
from tests.ben_plugins.core.intake_helpers import committed
from tests.ben_plugins.core.records_fixtures import admin_user
from tests.factories.pages import ClubPageFactory

from .helpers import confirm_link, mails_to

pytestmark = pytest.mark.django_db
URL = "/admin/ehrenamtskarte-sammelantraege/"


def volunteer(prefix: str, **changes) -> dict:
    data = {
        "first_name": "Jonas",
        "last_name": "Weber",
        "birth_date": "1990-01-01",
        "street": "Am Markt 2",
        "postal_code": "54634",
        "city": "Bitburg",
        "lives_in_bitburg": "on",
        "email": "jonas@example.org",
        "card": "ehrenamtskarte",
        "years_of_engagement": "4",
        "role": "Jugendtrainer",
        "hours_per_week": "6",
        "since": "2020-03-01",
        "allowance": "none",
        **changes,
    }
    return {f"{prefix}-{name}": value for name, value in data.items()}


def form(club, *volunteers) -> dict:
    data = {
        "club": club.pk,
        "v-TOTAL_FORMS": str(len(volunteers)),
        "v-INITIAL_FORMS": "0",
        "v-MIN_NUM_FORMS": "1",
        "v-MAX_NUM_FORMS": "10",
    }
    for index, values in enumerate(volunteers):
        data.update(volunteer(f"v-{index}", **values))
    return data


def test_a_club_files_for_several_volunteers(client, site_tree, frozen, club, editor, office):
    client.force_login(editor)
    response = committed(
        client.post,
        URL,
        form(club, {}, {"first_name": "Lena", "email": "lena@example.org"}),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    filed = CardApplication.all_submissions.filter(filed_by_club=club)
    assert filed.count() == 2
    assert not CardApplication.objects.exists()  # no consent yet
    page = client.get(URL).content.decode()
    assert "wartet auf Einwilligung" in page

    committed(client.post, confirm_link(mails_to("lena@example.org")[-1]))
    lena = CardApplication.objects.get(first_name="Lena")
    assert lena.status == CardApplication.Status.CONFIRMED  # the club's confirmation counts
    assert lena.confirmations.get().status == "bestaetigt"
    assert not [m for m in mail.outbox if "/ehrenamtskarte/organisation/" in m.body]

    # The office adds a comment and moves it on; the club sees the status only.
    client.force_login(office)
    client.post(
        f"/admin/ehrenamtskarte/cardapplication/transition/{lena.pk}/",
        {"target": "geprueft", "comment": "Vertraulicher Vermerk des Büros"},
    )
    client.force_login(editor)
    page = client.get(URL).content.decode()
    assert "von Stadt geprüft" in page
    assert "Vertraulicher Vermerk" not in page
    assert "lena@example.org" not in page


def test_every_listed_application_is_logged_as_seen_by_the_club(
    client, site_tree, frozen, club, editor
):
    """The list names the volunteers, those still waiting for their consent too."""
    client.force_login(editor)
    two = form(club, {}, {"first_name": "Lena", "email": "lena@example.org"})
    assert committed(client.post, URL, two).status_code == 302
    assert not AccessLogEntry.objects.exists()

    page = client.get(URL).content.decode()

    assert "Lena Weber" in page and "Jonas Weber" in page
    filed = CardApplication.all_submissions.filter(filed_by_club=club)
    logged = AccessLogEntry.objects.values_list("username", "action", "object_id")
    assert sorted(logged) == sorted(
        ("vereinsredaktion", "view", str(application.pk)) for application in filed
    )


def test_a_club_sees_only_its_own_and_cannot_file_for_another(
    client, site_tree, frozen, club, editor
):
    other = ClubPageFactory(parent=site_tree.clubs, title="Musikverein", slug="mv")
    CardApplication.all_submissions.create(
        first_name="Fremd",
        last_name="Person",
        birth_date="1970-01-01",
        street="x",
        postal_code="54634",
        city="Bitburg",
        email="fremd@example.org",
        card="ehrenamtskarte",
        filed_by_club=other,
        eligibility_result="eligible",
        rule_set="x",
        consent_text="x",
        consent_version="1",
    )
    client.force_login(editor)
    assert "Fremd Person" not in client.get(URL).content.decode()
    response = client.post(URL, form(other, {}))
    assert response.status_code == 400
    assert not CardApplication.all_submissions.filter(first_name="Jonas").exists()


def test_users_without_a_club_get_403(client, site_tree):
    client.force_login(admin_user("ohne-verein"))
    assert client.get(URL).status_code == 403


def test_the_consent_email_goes_to_each_volunteer(client, site_tree, frozen, club, editor):
    client.force_login(editor)
    committed(client.post, URL, form(club, {}))
    assert "/mitmachen/bestaetigen/" in mail.outbox[-1].body
    assert mail.outbox[-1].to == ["jonas@example.org"]
    assert club.title in mail.outbox[-1].subject
    assert "Ich bin einverstanden" in mail.outbox[-1].body  # the consent text it confirms

"""Nominations are the jury's: 403 for moderators and club editors on every admin view,
404 for unknown records, every look and export logged, no API lists them; they are deleted
12 months after the award date (configurable), published awardees keep their public fields."""

import io
import json
from datetime import date, datetime

import pytest
from django.core.management import call_command

from ben_plugins.core.personal_data.models import AccessLogEntry
from ben_plugins.ehrenamtsmedaille.factories import NominationFactory
from ben_plugins.ehrenamtsmedaille.models import Nomination

from .conftest import BERLIN

pytestmark = pytest.mark.django_db
BASE = "/admin/ehrenamtsmedaille/nomination/"
JURY = "/admin/ehrenamtsmedaille/jury/"


def admin_paths(pk) -> list[str]:
    return [
        BASE,
        f"{BASE}?export=csv",
        f"{BASE}?export=xlsx",
        f"{BASE}inspect/{pk}/",
        f"{BASE}edit/{pk}/",
        f"{BASE}delete/{pk}/",
        f"{BASE}history/{pk}/",
        f"{BASE}letter/{pk}/?letter=ehrenamtsmedaille.certificate",
        JURY,
    ]


@pytest.mark.parametrize("who", ["moderator", "club_editor"])
def test_moderators_and_club_editors_get_403_on_every_view(client, request, who, nomination):
    client.force_login(request.getfixturevalue(who))
    for path in admin_paths(nomination.pk):
        assert client.get(path).status_code == 403, path
    transition = client.post(f"{BASE}transition/{nomination.pk}/", {"target": "none"})
    assert transition.status_code == 403
    assert client.post(JURY, {"action": "vote", "nomination": nomination.pk}).status_code == 403
    assert not AccessLogEntry.objects.exists()
    assert Nomination.objects.get().status == "open"


def test_the_menu_shows_jury_and_inbox_only_to_the_jury(client, moderator, jurors):
    client.force_login(moderator)
    page = client.get("/admin/").content.decode()
    assert JURY not in page and BASE not in page
    client.force_login(jurors[1])
    page = client.get("/admin/").content.decode()
    assert JURY in page and BASE in page


def test_unknown_records_are_404_for_the_jury(client, jurors):
    client.force_login(jurors[1])
    for path in admin_paths(987654)[3:8]:
        assert client.get(path).status_code == 404, path
    assert client.get(f"{JURY}?jahr=1999").status_code == 404


def test_unconfirmed_nominations_are_404_for_the_jury(client, jurors, call):
    unconfirmed = NominationFactory(call=call, confirmed_at=None)
    client.force_login(jurors[1])
    assert client.get(f"{BASE}inspect/{unconfirmed.pk}/").status_code == 404


def test_every_look_and_every_exported_row_is_logged(client, jurors, call, frozen):
    first, second = NominationFactory(call=call), NominationFactory(call=call)
    client.force_login(jurors[1])
    assert client.get(f"{BASE}inspect/{first.pk}/").status_code == 200
    assert client.get(f"{BASE}?export=csv").status_code == 200
    assert client.get(JURY).status_code == 200

    logged = sorted(AccessLogEntry.objects.values_list("action", "object_id"))
    pks = sorted([str(first.pk), str(second.pk)])
    assert logged == sorted(
        [("view", str(first.pk))]
        + [("export", pk) for pk in pks]
        + [("view", pk) for pk in pks]  # the jury screen shows both
    )
    assert set(AccessLogEntry.objects.values_list("username", flat=True)) == {"juror1"}


def test_no_api_lists_nominations(client, site, nomination):
    assert client.get("/api/v1/ehrenamtsmedaille/nominations/").status_code == 405
    assert client.get(f"/api/v1/ehrenamtsmedaille/nominations/{nomination.pk}/").status_code == 404
    assert (
        nomination.nominee_name
        not in client.get("/api/v1/ehrenamtsmedaille/awardees/").content.decode()
    )


# Retention: 12 months after the award date (1 May 2027).

BEFORE = datetime(2028, 4, 30, 12, 0, tzinfo=BERLIN)
AFTER = datetime(2028, 5, 2, 12, 0, tzinfo=BERLIN)


@pytest.fixture
def decided(call, frozen):
    published = NominationFactory(
        call=call,
        nominee_name="Hanna Hüsch",
        status="medal",
        publication_consent_on=date(2027, 3, 1),
        laudation="Sie hält den Tafelladen seit 15 Jahren am Laufen.",
    )
    return {
        "published": published,
        "no_consent": NominationFactory(call=call, nominee_name="Ida", status="letter"),
        "not_chosen": NominationFactory(call=call, nominee_name="Jan", status="none"),
        "undecided": NominationFactory(call=call, nominee_name="Kai"),
    }


def retention():
    call_command("ben_retention", verbosity=0, stdout=io.StringIO())


def test_nothing_is_deleted_before_twelve_months_after_the_award(decided, frozen):
    frozen.move(BEFORE)
    retention()
    assert Nomination.all_submissions.count() == 4
    assert Nomination.all_submissions.get(pk=decided["published"].pk).email


def test_after_twelve_months_only_published_awardees_public_fields_stay(
    decided, frozen, client, site
):
    frozen.move(AFTER)
    retention()

    [kept] = Nomination.all_submissions.all()
    assert kept.pk == decided["published"].pk
    assert (kept.nominee_name, kept.nominee_kind, kept.field_of_engagement, kept.laudation) == (
        "Hanna Hüsch",
        "person",
        "Feuerwehr und Rettungsdienst",
        "Sie hält den Tafelladen seit 15 Jahren am Laufen.",
    )
    assert (kept.email, kept.nominator_name, kept.reasons, kept.relation) == ("", "", "", "")
    awardees = client.get("/api/v1/ehrenamtsmedaille/awardees/?year=2027").json()
    assert [awardee["name"] for awardee in awardees] == ["Hanna Hüsch"]


def test_the_months_are_configurable(decided, frozen, settings):
    settings.BEN_RETENTION_MONTHS = {"ehrenamtsmedaille": 24}
    frozen.move(AFTER)
    retention()
    assert Nomination.all_submissions.count() == 4


def test_jurors_neither_edit_nor_delete_nominations_in_the_inbox(client, jurors, nomination):
    client.force_login(jurors[1])
    for path in (f"{BASE}edit/{nomination.pk}/", f"{BASE}delete/{nomination.pk}/"):
        assert client.get(path).status_code == 403, path
        assert client.post(path, {"nominee_name": "Jemand anders"}).status_code == 403, path
    for path in (BASE, f"{BASE}inspect/{nomination.pk}/"):
        page = client.get(path).content.decode()
        assert f"{BASE}edit/{nomination.pk}/" not in page, path
        assert f"{BASE}delete/{nomination.pk}/" not in page, path
    assert Nomination.objects.get().nominee_name == nomination.nominee_name


def test_the_chair_edits_and_deletes_nominations(client, chair, nomination):
    client.force_login(chair)
    assert f"{BASE}edit/{nomination.pk}/" in client.get(BASE).content.decode()
    assert client.get(f"{BASE}edit/{nomination.pk}/").status_code == 200
    assert client.post(f"{BASE}delete/{nomination.pk}/").status_code == 302
    assert not Nomination.all_submissions.filter(pk=nomination.pk).exists()


def test_votes_and_notes_go_with_a_deleted_nomination(decided, frozen, jurors):
    """Retention and Art. 17 delete the jury's notes with the nomination (review 12)."""
    from ben_plugins.ehrenamtsmedaille.models import Vote

    for nomination in decided.values():
        Vote.objects.create(nomination=nomination, juror=jurors[1], choice="none", note="intern")
    erased = NominationFactory(call=decided["published"].call, email="weg@example.org")
    Vote.objects.create(nomination=erased, juror=jurors[1], choice="none", note="intern")

    call_command("ben_personal_data", email="weg@example.org", erase=True, stdout=io.StringIO())
    assert not Vote.objects.filter(nomination_id=erased.pk).exists()

    frozen.move(AFTER)
    retention()
    assert not Vote.objects.exists()  # the published awardee's record stays, the notes go


def test_a_nominees_erasure_takes_the_jurys_notes_about_them(nomination, jurors):
    from ben_plugins.ehrenamtsmedaille.models import Vote

    Nomination.all_submissions.filter(pk=nomination.pk).update(nominee_contact="nina@example.org")
    Vote.objects.create(nomination=nomination, juror=jurors[1], choice="medal", note="verdient")

    call_command("ben_personal_data", email="nina@example.org", erase=True, stdout=io.StringIO())

    nomination.refresh_from_db()
    assert (nomination.nominee_name, nomination.reasons) == ("", "")
    assert not Vote.objects.filter(nomination=nomination).exists()


def test_the_jurys_votes_and_notes_are_in_the_nominees_export_not_the_nominators(
    client, nomination, jurors, capsys
):
    """The notes are about the nominee (declared ``related_about="nominee_contact"``); the
    export names no juror (Art. 15(4) DSGVO)."""
    Nomination.all_submissions.filter(pk=nomination.pk).update(
        nominee_contact="nina@example.org", email="vorschlag@example.org"
    )
    client.force_login(jurors[1])
    vote = {"action": "vote", "nomination": nomination.pk, "choice": "medal", "note": "verdient"}
    assert client.post(JURY, vote).status_code == 302

    call_command("ben_personal_data", email="nina@example.org")
    [record] = json.loads(capsys.readouterr().out)["records"]
    assert record["role"] == "genannte Person"
    [exported] = record["related"]["votes"]
    assert (exported["choice"], exported["note"]) == ("medal", "verdient")
    assert exported["cast_at"]
    assert set(exported) == {"choice", "note", "cast_at"}  # no juror, no IDs
    assert "juror1" not in json.dumps(record)

    call_command("ben_personal_data", email="vorschlag@example.org")
    [record] = json.loads(capsys.readouterr().out)["records"]
    assert record["role"] == "Absender/in"
    assert "related" not in record and "verdient" not in json.dumps(record)


def test_a_third_partys_erasure_leaves_notes_about_someone_else(
    client, nomination, jurors, monkeypatch
):
    """Related rows go with the person they are about, not with any named person."""
    from ben_plugins.ehrenamtsmedaille.models import Vote

    monkeypatch.setattr(Nomination.personal_data, "related_about", "email")
    Nomination.all_submissions.filter(pk=nomination.pk).update(nominee_contact="nina@example.org")
    client.force_login(jurors[1])
    vote = {"action": "vote", "nomination": nomination.pk, "choice": "medal", "note": "verdient"}
    assert client.post(JURY, vote).status_code == 302

    call_command("ben_personal_data", email="nina@example.org", erase=True, stdout=io.StringIO())

    assert Nomination.all_submissions.get(pk=nomination.pk).nominee_name == ""
    assert Vote.objects.filter(nomination=nomination).exists()

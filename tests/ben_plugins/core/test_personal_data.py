"""Personal data: seen only by the declared group, every access logged, Art. 15/17/30
(issue 13.4)."""

import json

import pytest
from ben_example_plugin.intake import SPEAKER_OBJECTION
from ben_example_plugin.models import HelpOffer, TopicSuggestion
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import ModelLogEntry

from ben_plugins.core import tokens
from ben_plugins.core.personal_data import GroupAccess, Retention
from ben_plugins.core.personal_data.models import AccessLogEntry
from cms.moderation.roles import ADMINISTRATORS, ensure_roles
from tests.ben_plugins.core import records_fixtures
from tests.ben_plugins.core.records_fixtures import help_offer, suggestion
from tests.factories.pages import ClubPageFactory

pytestmark = pytest.mark.django_db
outsider = records_fixtures.outsider
team_member = records_fixtures.team_member
club_editor = records_fixtures.club_editor

BASE = "/admin/example/topicsuggestion/"
RECORD_VIEWS = ["inspect", "edit", "delete", "history", "letter"]


def logged(record=None):
    entries = AccessLogEntry.objects.order_by("pk")
    if record is not None:
        entries = entries.filter(object_id=str(record.pk))
    return [(entry.username, entry.action) for entry in entries]


@pytest.mark.parametrize("view", RECORD_VIEWS)
def test_a_user_outside_the_group_gets_403_on_every_record_view(client, outsider, view):
    record = suggestion()
    client.force_login(outsider)

    assert client.get(f"{BASE}{view}/{record.pk}/").status_code == 403
    assert client.post(f"{BASE}{view}/{record.pk}/").status_code == 403
    assert logged() == []


@pytest.mark.parametrize("path", [BASE, f"{BASE}?export=csv", f"{BASE}create/"])
def test_a_user_outside_the_group_gets_403_on_list_export_and_create(client, outsider, path):
    suggestion()
    client.force_login(outsider)

    assert client.get(path).status_code == 403


def test_the_menu_shows_the_inbox_only_to_the_group(client, outsider, team_member):
    client.force_login(outsider)
    assert BASE not in client.get("/admin/").content.decode()
    client.force_login(team_member)
    assert BASE in client.get("/admin/").content.decode()


@pytest.mark.parametrize("view", ["inspect", "edit", "delete", "history"])
def test_unknown_and_unconfirmed_records_are_404_for_the_group(client, team_member, view):
    unconfirmed = suggestion(confirmed_at=None)
    client.force_login(team_member)

    assert client.get(f"{BASE}{view}/{unconfirmed.pk}/").status_code == 404
    assert client.get(f"{BASE}{view}/999999/").status_code == 404


@pytest.mark.parametrize("view", [*RECORD_VIEWS, "transition"])
@pytest.mark.parametrize("record_id", ["abc", "1x", "_2F"])
@pytest.mark.parametrize("who", ["outsider", "team_member", "superuser"])
def test_an_id_that_cannot_be_a_record_is_404_for_everyone(client, request, who, view, record_id):
    """Not a 500 from the lookup, and before the check of the user (as an unknown record)."""
    suggestion()
    client.force_login(request.getfixturevalue(who))

    for send in (client.get, client.post):
        assert send(f"{BASE}{view}/{record_id}/").status_code == 404, send
    assert client.get(f"/admin/example/helpoffer/{view}/{record_id}/").status_code == 404
    assert logged() == []


def test_an_id_that_cannot_be_an_access_log_entry_is_404(admin_client):
    assert admin_client.get("/admin/ben_personal_data/accesslogentry/edit/abc/").status_code == 404


def test_the_list_shows_confirmed_records_without_personal_data_and_is_not_logged(
    client, team_member
):
    confirmed = suggestion()
    suggestion(confirmed_at=None, name="Unbestätigte Person", topic="Unbestätigt")
    client.force_login(team_member)

    page = client.get(BASE).content.decode()

    assert f"{BASE}inspect/{confirmed.pk}/" in page or f"{BASE}edit/{confirmed.pk}/" in page
    assert "Ehrenamt und Steuern" in page
    assert "Petra Müller" not in page
    assert "Unbestätigt" not in page
    assert logged() == []


def test_every_view_of_a_record_is_logged_with_who_and_what(client, team_member):
    record = suggestion()
    client.force_login(team_member)

    assert client.get(f"{BASE}inspect/{record.pk}/").status_code == 200
    assert client.get(f"{BASE}edit/{record.pk}/").status_code == 200
    assert client.get(f"{BASE}history/{record.pk}/").status_code == 200

    assert logged(record) == [
        ("themen-team", "view"),
        ("themen-team", "view"),
        ("themen-team", "history"),
    ]
    entry = AccessLogEntry.objects.first()
    assert entry.user == team_member
    assert entry.timestamp is not None
    assert entry.content_type.model == "topicsuggestion"


def test_edits_and_deletions_are_logged(client, team_member):
    record = suggestion()
    client.force_login(team_member)
    form = {
        "email": record.email,
        "language": "de",
        "name": "Petra Müller-Schmitz",
        "topic": record.topic,
        "text": record.text,
        "sessions": "[]",
        "speaker_name": "",
        "speaker_email": "",
    }

    response = client.post(f"{BASE}edit/{record.pk}/", form)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert client.post(f"{BASE}delete/{record.pk}/").status_code == 302

    assert logged(record) == [("themen-team", "edit"), ("themen-team", "delete")]


def test_an_invalid_edit_is_logged_as_a_look_not_as_an_edit(client, team_member):
    record = suggestion()
    client.force_login(team_member)

    response = client.post(f"{BASE}edit/{record.pk}/", {"email": "keine-adresse"})

    assert response.status_code == 200
    assert TopicSuggestion.objects.get().email == record.email
    assert logged(record) == [("themen-team", "view")]


def test_an_export_logs_one_entry_per_exported_record(client, team_member):
    first, second = suggestion(), suggestion(email="b@example.org", name="Bernd")
    suggestion(confirmed_at=None)
    client.force_login(team_member)

    response = client.get(f"{BASE}?export=csv")

    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode()
    assert "Petra Müller" in content and "Bernd" in content
    assert sorted(logged()) == [("themen-team", "export"), ("themen-team", "export")]
    exported = set(AccessLogEntry.objects.values_list("object_id", flat=True))
    assert exported == {str(first.pk), str(second.pk)}


def test_club_editors_see_only_the_offers_made_to_their_own_club(client, club_editor, site_tree):
    own = ClubPageFactory(parent=site_tree.clubs, title="Musikverein", slug="musikverein")
    other = ClubPageFactory(parent=site_tree.clubs, title="Turnverein", slug="turnverein")
    mine, theirs = help_offer(own), help_offer(other, name="Fremde Person")
    client.force_login(club_editor(own))
    base = "/admin/example/helpoffer/"

    listing = client.get(base).content.decode()
    assert f"{base}inspect/{mine.pk}/" in listing or f"{base}edit/{mine.pk}/" in listing
    assert f"/{theirs.pk}/" not in listing
    assert client.get(f"{base}inspect/{mine.pk}/").status_code == 200
    for view in ["inspect", "edit", "delete", "history"]:
        assert client.get(f"{base}{view}/{theirs.pk}/").status_code == 403
    assert client.get(f"{base}?export=csv").status_code == 200
    assert set(AccessLogEntry.objects.values_list("object_id", flat=True)) == {str(mine.pk)}


@pytest.fixture
def two_clubs(site_tree, club_editor):
    own = ClubPageFactory(parent=site_tree.clubs, title="Musikverein", slug="musikverein")
    other = ClubPageFactory(parent=site_tree.clubs, title="Turnverein", slug="turnverein")
    return own, other, club_editor(own), club_editor(other)


def test_a_club_editor_cannot_move_an_offer_to_another_club(client, two_clubs):
    own, other, own_editor, other_editor = two_clubs
    offer = help_offer(own)
    edit = f"/admin/example/helpoffer/edit/{offer.pk}/"
    client.force_login(own_editor)

    assert 'name="club"' not in client.get(edit).content.decode()
    form = {"club": other.pk, "name": offer.name, "email": offer.email, "message": "Neu"}
    assert client.post(edit, form).status_code == 302
    assert client.get("/admin/example/helpoffer/").status_code == 200  # shows the message

    offer.refresh_from_db()
    assert (offer.club, offer.message) == (own, "Neu")
    client.force_login(other_editor)
    assert client.get(f"/admin/example/helpoffer/inspect/{offer.pk}/").status_code == 403
    listing = client.get("/admin/example/helpoffer/").content.decode()
    assert f"helpoffer/edit/{offer.pk}/" not in listing


def test_administrators_cannot_move_an_offer_to_another_club_either(admin_client, two_clubs):
    """The citizen chose the club; another club's editors would see their message."""
    own, other, *_ = two_clubs
    offer = help_offer(own)
    edit = f"/admin/example/helpoffer/edit/{offer.pk}/"

    assert 'name="club"' not in admin_client.get(edit).content.decode()
    form = {"club": other.pk, "name": offer.name, "email": offer.email, "message": "Neu"}
    assert admin_client.post(edit, form).status_code == 302
    assert HelpOffer.objects.get(pk=offer.pk).club == own


def test_the_topic_team_cannot_read_the_clubs_offers(client, team_member, site_tree):
    offer = help_offer(ClubPageFactory(parent=site_tree.clubs, title="Chor", slug="chor"))
    client.force_login(team_member)

    assert client.get("/admin/example/helpoffer/").status_code == 403
    assert client.get(f"/admin/example/helpoffer/inspect/{offer.pk}/").status_code == 403


def test_the_record_of_processing_activities_lists_every_declaration(
    admin_client, client, outsider
):
    page = admin_client.get("/admin/verarbeitungsverzeichnis/")

    assert page.status_code == 200
    text = page.content.decode()
    assert "Themenvorschläge für Vereinsabende auswählen" in text
    assert "12 Monate nach „Entschieden am“ gelöscht" in text
    assert "Gruppe „Vereinsabend-Team“" in text
    assert "Hilfsangebote an den gewählten Verein weitergeben" in text
    assert "E-Mail-Adresse" in text
    client.force_login(outsider)
    assert client.get("/admin/verarbeitungsverzeichnis/").status_code == 403


def test_retention_months_can_be_changed_per_plugin(admin_client, settings):
    settings.BEN_RETENTION_MONTHS = {"example": 3}

    text = admin_client.get("/admin/verarbeitungsverzeichnis/").content.decode()

    assert "3 Monate nach „Entschieden am“ gelöscht" in text


@pytest.fixture
def holdings(site_tree, team_member):
    club = ClubPageFactory(parent=site_tree.clubs, title="Chor", slug="chor")
    own = suggestion(email="Petra.Mueller@example.org")
    unconfirmed = suggestion(confirmed_at=None, topic="Zweiter Vorschlag")
    named = suggestion(
        email="other@example.org",
        name="Other",
        speaker_name="Petra Müller",
        speaker_email="petra.mueller@example.org",
    )
    offer = help_offer(club, email="petra.mueller@example.org", name="Petra Müller")
    stranger = help_offer(club, email="someone@example.org")
    type(own).transitions.move(own, "accepted", team_member, "Petra Müller passt gut.")
    return {"own": own, "unconfirmed": unconfirmed, "named": named, "offer": offer, "x": stranger}


def test_an_access_request_exports_everything_about_an_email_across_models(holdings, capsys):
    call_command("ben_personal_data", email="petra.mueller@example.org")

    document = json.loads(capsys.readouterr().out)
    found = {(item["type"], item["id"], item["role"]) for item in document["records"]}
    assert found == {
        ("Themenvorschlag", holdings["own"].pk, "Absender/in"),
        ("Themenvorschlag", holdings["unconfirmed"].pk, "Absender/in"),
        ("Themenvorschlag", holdings["named"].pk, "genannte Person"),
        ("Hilfsangebot", holdings["offer"].pk, "Absender/in"),
    }
    named = next(item for item in document["records"] if item["role"] == "genannte Person")
    assert named["data"] == {
        "speaker_name": "Petra Müller",
        "speaker_email": "petra.mueller@example.org",
    }
    own = next(item for item in document["records"] if item["id"] == holdings["own"].pk)
    assert own["data"]["text"] == "Was darf ein Übungsleiter steuerfrei verdienen?"
    assert own["history"][0]["to"] == "accepted"
    assert AccessLogEntry.objects.filter(action="export").count() == 4


def test_an_access_request_can_be_written_to_a_file(holdings, tmp_path):
    target = tmp_path / "auskunft.json"

    call_command("ben_personal_data", email="petra.mueller@example.org", output=str(target))

    assert len(json.loads(target.read_text(encoding="utf-8"))["records"]) == 4


def test_erasure_deletes_the_persons_records_and_scrubs_the_logs(holdings, capsys):
    own = holdings["own"]
    AccessLogEntry.record(own, "view", username="themen-team")

    call_command("ben_personal_data", email="petra.mueller@example.org", erase=True)

    output = capsys.readouterr().out
    assert "example.TopicSuggestion: 2 gelöscht" in output
    assert "example.HelpOffer: 1 gelöscht" in output
    model = type(own)
    assert not model.all_submissions.filter(pk__in=[own.pk, holdings["unconfirmed"].pk]).exists()
    named = model.all_submissions.get(pk=holdings["named"].pk)
    assert (named.speaker_name, named.speaker_email, named.name) == ("", "", "Other")
    assert type(holdings["offer"]).objects.filter(pk=holdings["x"].pk).exists()
    log_entry = ModelLogEntry.objects.get(object_id=str(own.pk), action="ben.transition")
    assert log_entry.label == f"Themenvorschlag #{own.pk} (gelöscht)"
    assert "comment" not in log_entry.data and log_entry.data["to"] == "accepted"
    assert not ModelLogEntry.objects.filter(label__contains="Petra").exists()
    assert not AccessLogEntry.objects.filter(object_repr__contains="Petra").exists()
    call_command("ben_personal_data", email="petra.mueller@example.org", erase=True)
    assert "Zu petra.mueller@example.org ist nichts gespeichert." in capsys.readouterr().out


def test_erasing_a_named_person_drops_the_comments_and_labels_that_may_name_them(
    holdings, team_member, monkeypatch
):
    """Art. 17 of the speaker named in another's suggestion: their fields are emptied, and the
    record's audit and access log keep no comment and no label made from those fields."""
    monkeypatch.setattr(
        TopicSuggestion, "__str__", lambda self: f"{self.topic} mit {self.speaker_name or '–'}"
    )
    named = holdings["named"]
    TopicSuggestion.transitions.move(named, "accepted", team_member, "Petra fragen, Tel 0171")
    AccessLogEntry.record(named, "view", username="themen-team")

    call_command("ben_personal_data", email="petra.mueller@example.org", erase=True)

    entry = ModelLogEntry.objects.get(object_id=str(named.pk), action="ben.transition")
    assert "comment" not in entry.data and entry.data["to"] == "accepted"
    assert entry.label == "Ehrenamt und Steuern mit –"
    access = AccessLogEntry.objects.get(object_id=str(named.pk), action="view")
    assert access.object_repr == "Ehrenamt und Steuern mit –"
    assert TopicSuggestion.all_submissions.get(pk=named.pk).name == "Other"


def test_a_speakers_objection_link_drops_the_comments_and_labels_that_may_name_them(
    client, site_tree, team_member, monkeypatch
):
    monkeypatch.setattr(
        TopicSuggestion, "__str__", lambda self: f"{self.topic} mit {self.speaker_name or '–'}"
    )
    record = suggestion(speaker_name="Karl Redner", speaker_email="karl@example.org")
    TopicSuggestion.transitions.move(record, "accepted", team_member, "Karl Redner, Tel 0171")
    token = tokens.issue(SPEAKER_OBJECTION, record)

    assert client.post(f"/mitmachen/example/widerspruch/{token}/").status_code == 200

    record.refresh_from_db()
    assert (record.speaker_name, record.speaker_email) == ("", "")
    assert record.speaker_objected_at is not None
    entry = ModelLogEntry.objects.get(object_id=str(record.pk), action="ben.transition")
    assert "comment" not in entry.data and "Karl" not in entry.label


def test_a_malformed_email_is_refused():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Keine gültige E-Mail-Adresse"):
        call_command("ben_personal_data", email="nicht-eine-adresse")


def test_administrators_read_the_access_log_and_nobody_else(client, superuser, team_member):
    record = suggestion()
    client.force_login(team_member)
    client.get(f"{BASE}inspect/{record.pk}/")
    assert client.get("/admin/ben_personal_data/accesslogentry/").status_code in {302, 403}

    client.force_login(superuser)
    page = client.get("/admin/ben_personal_data/accesslogentry/")

    assert page.status_code == 200
    assert "themen-team" in page.content.decode()


def test_the_group_administrators_reads_the_access_log(client):
    """Administrators are superusers and the group „Administratoren“, here as elsewhere."""
    record = suggestion()
    AccessLogEntry.record(record, "view", username="themen-team")
    ensure_roles()
    administrator = records_fixtures.admin_user("verwaltung")
    administrator.groups.add(Group.objects.get(name=ADMINISTRATORS))
    client.force_login(administrator)

    page = client.get("/admin/ben_personal_data/accesslogentry/")

    assert page.status_code == 200
    assert "themen-team" in page.content.decode()


def test_change_and_delete_access_narrow_the_inbox_in_every_view(client, team_member, monkeypatch):
    """A declaration's ``change_access``/``delete_access`` (here a group nobody is in) holds
    for the list buttons, the record page and the edit/delete URLs alike."""
    declaration = TopicSuggestion.personal_data
    monkeypatch.setattr(declaration, "change_access", GroupAccess("Niemand"))
    monkeypatch.setattr(declaration, "delete_access", GroupAccess("Niemand"))
    record = suggestion()
    edit, delete = f"{BASE}edit/{record.pk}/", f"{BASE}delete/{record.pk}/"
    client.force_login(team_member)

    for path in (BASE, f"{BASE}inspect/{record.pk}/"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert edit not in response.content.decode() and delete not in response.content.decode()
    for path in (edit, delete):
        assert client.get(path).status_code == 403, path
        assert client.post(path).status_code == 403, path
    assert TopicSuggestion.all_submissions.filter(pk=record.pk).exists()

    monkeypatch.setattr(declaration, "delete_access", GroupAccess(*declaration.access.groups))
    assert delete in client.get(BASE).content.decode()
    assert client.post(delete).status_code == 302


def test_a_rule_with_a_key_takes_its_own_months_before_the_plugins(
    admin_client, settings, monkeypatch
):
    keyed = Retention(
        "decided_at", months=12, key="decided", description="{months} Monate nach Entscheidung"
    )
    monkeypatch.setattr(TopicSuggestion.personal_data, "retention", [keyed])
    settings.BEN_RETENTION_MONTHS = {"example": 6, "example.decided": 2}

    text = admin_client.get("/admin/verarbeitungsverzeichnis/").content.decode()

    assert "2 Monate nach Entscheidung" in text
    assert keyed.months_for("example") == 2
    assert Retention("decided_at", months=12).months_for("example") == 6
    assert Retention("submitted_at", hours=48, key="decided").months_for("example") == 0


def test_related_rows_must_be_about_a_declared_person(monkeypatch):
    from ben_plugins.core.checks import check_personal_data_declarations

    monkeypatch.setattr(TopicSuggestion.personal_data, "related_about", "name")
    problems = {
        error.id: error.msg
        for error in check_personal_data_declarations()
        if error.obj is TopicSuggestion
    }
    assert "related_about 'name' is neither email_field nor a key" in problems["ben_plugins.E009"]
    monkeypatch.setattr(TopicSuggestion.personal_data, "related_about", "speaker_email")
    assert not [e for e in check_personal_data_declarations() if e.obj is TopicSuggestion]

"""`manage.py ben_retention` deletes or anonymises exactly what has expired (issue 13.4)."""

from datetime import timedelta

import pytest
from ben_example_plugin.models import HelpOffer, TopicSuggestion
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import ModelLogEntry

from ben_plugins.core.personal_data.models import AccessLogEntry
from tests.ben_plugins.core import records_fixtures
from tests.ben_plugins.core.records_fixtures import NOW, help_offer, suggestion
from tests.factories.pages import ClubPageFactory

pytestmark = pytest.mark.django_db
team_member = records_fixtures.team_member


@pytest.fixture
def frozen(monkeypatch):
    """The clock stands still at NOW for the command."""
    monkeypatch.setattr(timezone, "now", lambda: NOW)
    return NOW


@pytest.fixture
def records(site_tree, team_member, frozen):
    club = ClubPageFactory(parent=site_tree.clubs, title="Chor", slug="chor")
    decided_long_ago = suggestion(
        name="Anna Alt", submitted_at=NOW - timedelta(days=500), confirmed_at=NOW
    )
    TopicSuggestion.transitions.move(decided_long_ago, "accepted", team_member, "Anna fragen")
    TopicSuggestion.all_submissions.filter(pk=decided_long_ago.pk).update(
        decided_at=NOW - timedelta(days=366)
    )
    AccessLogEntry.record(decided_long_ago, "view", team_member)
    return {
        "decided_long_ago": decided_long_ago,
        "decided_recently": suggestion(
            status="rejected", decided_at=NOW - timedelta(days=364), name="Bea Neu"
        ),
        "undecided_old": suggestion(submitted_at=NOW - timedelta(days=731)),
        "undecided_young": suggestion(submitted_at=NOW - timedelta(days=729)),
        "unconfirmed_old": suggestion(confirmed_at=None, submitted_at=NOW - timedelta(hours=49)),
        "unconfirmed_young": suggestion(confirmed_at=None, submitted_at=NOW - timedelta(hours=47)),
        "offer_old": help_offer(club, created_at=NOW - timedelta(days=186)),
        "offer_young": help_offer(club, created_at=NOW - timedelta(days=180)),
    }


EXPIRED = {"decided_long_ago", "undecided_old", "unconfirmed_old", "offer_old"}


def remaining(records):
    return {
        name
        for name, record in records.items()
        if type(record)._base_manager.filter(pk=record.pk).exists()
    }


def test_retention_deletes_exactly_what_has_expired(records, capsys):
    call_command("ben_retention")

    assert remaining(records) == set(records) - EXPIRED
    output = capsys.readouterr().out
    assert (
        f"example.TopicSuggestion: 1 erledigt – 12 Monate nach „Entschieden am“ gelöscht: "
        f"#{records['decided_long_ago'].pk}"
    ) in output
    assert "unbestätigt: 48 Stunden nach Eingang gelöscht" in output
    assert "example.HelpOffer: 1 erledigt – 6 Monate nach „Eingegangen am“ gelöscht" in output


def test_retention_scrubs_names_and_comments_from_audit_and_access_log(records):
    record = records["decided_long_ago"]

    call_command("ben_retention")

    entry = ModelLogEntry.objects.get(object_id=str(record.pk), action="ben.transition")
    assert entry.label == f"Themenvorschlag #{record.pk} (gelöscht)"
    assert entry.data == {
        "from": "new",
        "to": "accepted",
        "from_label": "Neu",
        "to_label": "Angenommen",
    }
    access = AccessLogEntry.objects.get(object_id=str(record.pk))
    assert access.object_repr == f"Themenvorschlag #{record.pk} (gelöscht)"
    assert access.username == "themen-team"
    assert not ModelLogEntry.objects.filter(label__contains="Anna").exists()


def test_a_dry_run_lists_and_changes_nothing(records, capsys):
    call_command("ben_retention", dry_run=True)

    assert remaining(records) == set(records)
    output = capsys.readouterr().out
    assert "example.TopicSuggestion: 1 fällig" in output
    assert f"#{records['offer_old'].pk}" in output
    assert "Anna" in ModelLogEntry.objects.get(action="ben.transition").data["comment"]


def test_a_second_run_finds_nothing(records, capsys):
    call_command("ben_retention")
    capsys.readouterr()

    call_command("ben_retention")

    assert capsys.readouterr().out.strip() == "Nichts abgelaufen."


def test_a_plugin_setting_shortens_the_declared_months(records, settings):
    settings.BEN_RETENTION_MONTHS = {"example": 5}

    call_command("ben_retention")

    assert "offer_young" not in remaining(records)
    assert "decided_recently" not in remaining(records)
    assert "unconfirmed_young" in remaining(records)


def test_anonymising_empties_the_personal_fields_and_keeps_the_record(records, monkeypatch, capsys):
    from ben_plugins.core.personal_data import Retention

    declaration = HelpOffer.personal_data
    monkeypatch.setattr(
        declaration, "retention", Retention("created_at", months=6, action="anonymise")
    )
    offer = records["offer_old"]

    call_command("ben_retention")

    offer.refresh_from_db()
    assert (offer.name, offer.email, offer.message) == ("", "", "")
    assert "6 Monate nach „Eingegangen am“ anonymisiert" in capsys.readouterr().out
    call_command("ben_retention")
    assert "HelpOffer" not in capsys.readouterr().out

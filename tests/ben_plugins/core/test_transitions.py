"""Statuses move only along declared transitions, each one in Wagtail's audit log (issue 13.3)."""

import pytest
from ben_example_plugin.models import TEAM, TopicSuggestion
from wagtail.models import ModelLogEntry

from ben_plugins.core.transitions import (
    LOG_ACTION,
    Transition,
    TransitionForbidden,
    TransitionNotDefined,
    Transitions,
)
from tests.ben_plugins.core import records_fixtures
from tests.ben_plugins.core.records_fixtures import suggestion

outsider = records_fixtures.outsider
team_member = records_fixtures.team_member

pytestmark = pytest.mark.django_db
Status = TopicSuggestion.Status


def url(action, record):
    return f"/admin/example/topicsuggestion/{action}/{record.pk}/"


def test_a_legal_transition_is_made_logged_and_shown_in_the_history(client, team_member):
    record = suggestion()
    client.force_login(team_member)

    response = client.post(
        url("transition", record), {"target": Status.ACCEPTED, "comment": "Passt gut im Mai."}
    )

    assert response.status_code == 302
    record.refresh_from_db()
    assert record.status == Status.ACCEPTED
    assert record.decided_at is not None
    entry = ModelLogEntry.objects.get(action=LOG_ACTION, object_id=str(record.pk))
    assert entry.user == team_member
    assert entry.data["from"] == Status.NEW and entry.data["to"] == Status.ACCEPTED
    assert entry.data["comment"] == "Passt gut im Mai."
    history = client.get(url("history", record)).content.decode()
    assert "Status: Neu → Angenommen (Passt gut im Mai.)" in history
    assert "themen-team" in history or team_member.get_full_name() in history


def test_the_record_page_offers_only_the_transitions_allowed_from_its_state(client, team_member):
    record = suggestion(status=Status.ACCEPTED)
    client.force_login(team_member)

    page = client.get(url("inspect", record)).content.decode()

    assert 'value="done"' in page
    assert 'value="rejected"' not in page


def test_a_transition_that_is_not_declared_is_refused_with_a_clear_error(client, team_member):
    record = suggestion()
    client.force_login(team_member)

    response = client.post(url("transition", record), {"target": Status.DONE}, follow=True)

    assert response.redirect_chain == [(url("inspect", record), 302)]
    assert "Von „Neu“ nach „Erledigt“ ist kein Übergang vorgesehen." in response.content.decode()
    assert "Status geändert" not in response.content.decode()
    record.refresh_from_db()
    assert record.status == Status.NEW
    assert not ModelLogEntry.objects.filter(action=LOG_ACTION).exists()


@pytest.mark.parametrize("target", ["done", "nonsense", ""])
def test_unknown_and_undeclared_targets_change_nothing(client, team_member, target):
    record = suggestion()
    client.force_login(team_member)

    response = client.post(url("transition", record), {"target": target}, follow=True)
    assert "kein Übergang vorgesehen" in response.content.decode()
    record.refresh_from_db()
    assert record.status == Status.NEW


def test_a_user_outside_the_group_cannot_move_the_record(client, outsider):
    record = suggestion()
    client.force_login(outsider)

    assert client.post(url("transition", record), {"target": Status.ACCEPTED}).status_code == 403
    record.refresh_from_db()
    assert record.status == Status.NEW


def test_a_transition_of_another_group_is_refused_naming_that_group(team_member):
    declared = Transitions("status", Transition(Status.NEW, Status.ACCEPTED, ["Jury"]))
    declared.model = TopicSuggestion
    record = suggestion()

    with pytest.raises(TransitionForbidden, match="„Jury“"):
        declared.move(record, Status.ACCEPTED, team_member)
    with pytest.raises(TransitionNotDefined):
        declared.move(record, Status.DONE, team_member)


def test_a_stale_record_cannot_be_moved_twice(team_member):
    record = suggestion()
    stale = TopicSuggestion.objects.get(pk=record.pk)
    TopicSuggestion.transitions.move(record, Status.REJECTED, team_member)

    with pytest.raises(TransitionNotDefined, match="inzwischen geändert"):
        TopicSuggestion.transitions.move(stale, Status.ACCEPTED, team_member)
    assert ModelLogEntry.objects.filter(action=LOG_ACTION).count() == 1


def test_administrators_may_make_every_declared_transition(admin_client):
    record = suggestion()

    assert admin_client.post(url("transition", record), {"target": "rejected"}).status_code == 302
    record.refresh_from_db()
    assert record.status == Status.REJECTED


def test_the_system_makes_only_the_moves_declared_as_system_moves(team_member):
    """``user=None`` (a one-time link, a daily task) is no member of the deciding group: a
    staff decision is refused for it, a ``system=True`` move is made and logged without user.
    The Ehrenamtskarte's organisation and withdrawal links and Sammelanträge go this way
    (tests/ben_plugins/ehrenamtskarte/test_application.py, test_group_application.py)."""
    declared = Transitions(
        "status",
        Transition(Status.NEW, Status.ACCEPTED, [TEAM]),
        Transition(Status.NEW, Status.REJECTED, [], system=True),
    )
    declared.model = TopicSuggestion
    record = suggestion()

    with pytest.raises(TransitionForbidden, match="nimmt das System nicht selbst vor"):
        declared.move(record, Status.ACCEPTED, None)
    assert TopicSuggestion.objects.get(pk=record.pk).status == Status.NEW
    with pytest.raises(TransitionForbidden):
        declared.move(record, Status.REJECTED, team_member)

    declared.move(record, Status.REJECTED, None, "Vom Link")
    assert TopicSuggestion.objects.get(pk=record.pk).status == Status.REJECTED
    entry = ModelLogEntry.objects.get(action=LOG_ACTION)
    assert entry.user is None and entry.data["comment"] == "Vom Link"


def test_the_example_plugins_decisions_are_no_system_moves():
    record = suggestion()

    with pytest.raises(TransitionForbidden):
        TopicSuggestion.transitions.move(record, Status.ACCEPTED, None)
    assert not ModelLogEntry.objects.filter(action=LOG_ACTION).exists()

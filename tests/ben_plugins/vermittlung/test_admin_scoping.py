"""The clubs' side in the admin (issue #16, point 3): club editors see and answer only their
own clubs' messages, through every view of the inbox; moderators see all and take over."""

import pytest
from wagtail.models import ModelLogEntry

from ben_plugins.vermittlung.factories import InterestMessageFactory
from ben_plugins.vermittlung.models import InterestMessage

pytestmark = pytest.mark.django_db

INBOX = "/admin/vermittlung/interestmessage/"


@pytest.fixture
def messages(club_a, club_b):
    return {
        "a": InterestMessageFactory(club=club_a, name="Anna Aus-A", message="Nachricht an A"),
        "b": InterestMessageFactory(club=club_b, name="Bernd Aus-B", message="Nachricht an B"),
    }


def record_views(message):
    return [f"{INBOX}{view}/{message.pk}/" for view in ("inspect", "edit", "delete", "history")]


def test_an_editor_of_club_b_never_sees_club_a_messages(client, messages, editor_b):
    client.force_login(editor_b)
    listing = client.get(INBOX)
    assert listing.status_code == 200
    html = listing.content.decode()
    assert f"inspect/{messages['b'].pk}/" in html
    assert f"inspect/{messages['a'].pk}/" not in html
    assert "Tafel Bitburg" not in html
    export = b"".join(client.get(f"{INBOX}?export=csv").streaming_content).decode()
    assert "Bernd Aus-B" in export and "Anna Aus-A" not in export
    for path in record_views(messages["a"]):
        assert client.get(path).status_code == 403, path
    for path in record_views(messages["b"]):  # deleting is the agency's (test_inbox_delete)
        assert client.get(path).status_code == (403 if "/delete/" in path else 200), path
    page = client.get(f"{INBOX}inspect/{messages['b'].pk}/").content.decode()
    assert "Nachricht an B" in page
    refused = client.post(f"{INBOX}transition/{messages['a'].pk}/", {"target": "contacted"})
    assert refused.status_code == 403
    assert InterestMessage.objects.get(pk=messages["a"].pk).status == "new"
    assert client.post(f"{INBOX}delete/{messages['a'].pk}/").status_code == 403
    assert InterestMessage.objects.filter(pk=messages["a"].pk).exists()


def test_an_editor_of_club_a_sees_and_answers_only_club_a(client, messages, editor_a):
    client.force_login(editor_a)
    html = client.get(INBOX).content.decode()
    assert f"inspect/{messages['a'].pk}/" in html
    assert f"inspect/{messages['b'].pk}/" not in html
    message = messages["a"]
    page = client.get(f"{INBOX}inspect/{message.pk}/").content.decode()
    assert 'value="contacted"' in page
    assert 'value="taken_over"' not in page  # only the agency takes over

    client.post(f"{INBOX}transition/{message.pk}/", {"target": "contacted", "comment": "Anruf"})
    message.refresh_from_db()
    assert message.status == "contacted" and message.first_contact_at is not None
    client.post(f"{INBOX}transition/{message.pk}/", {"target": "placed"})
    message.refresh_from_db()
    assert message.status == "placed" and message.outcome_at is not None
    moves = ModelLogEntry.objects.filter(action="ben.transition", object_id=str(message.pk))
    assert [entry.data["to_label"] for entry in moves.order_by("timestamp")] == [
        "Kontaktiert",
        "Vermittelt",
    ]


@pytest.mark.parametrize(
    ("path", "outcome"),
    [
        (["contacted", "placed"], "Vermittelt"),
        (["contacted", "not_suitable"], "Nicht passend"),
        (["contacted", "no_response"], "Keine Rückmeldung"),
        (["not_suitable"], "Nicht passend"),
    ],
)
def test_every_outcome_can_be_recorded(client, messages, editor_a, path, outcome):
    message = messages["a"]
    client.force_login(editor_a)
    for target in path:
        response = client.post(f"{INBOX}transition/{message.pk}/", {"target": target})
        assert response.status_code == 302
    message.refresh_from_db()
    assert message.get_status_display() == outcome
    assert message.outcome_at is not None


def test_placed_needs_a_contact_first(client, messages, editor_a):
    client.force_login(editor_a)
    response = client.post(
        f"{INBOX}transition/{messages['a'].pk}/", {"target": "placed"}, follow=True
    )
    assert "ist kein Übergang vorgesehen" in response.content.decode()
    assert InterestMessage.objects.get(pk=messages["a"].pk).status == "new"


def test_moderators_see_every_message_and_take_one_over(client, messages, moderator):
    client.force_login(moderator)
    html = client.get(INBOX).content.decode()
    assert f"inspect/{messages['a'].pk}/" in html and f"inspect/{messages['b'].pk}/" in html
    message = messages["b"]
    client.post(f"{INBOX}transition/{message.pk}/", {"target": "taken_over"})
    message.refresh_from_db()
    assert message.status == "taken_over" and message.taken_over_at is not None
    client.post(f"{INBOX}transition/{message.pk}/", {"target": "contacted"})
    message.refresh_from_db()
    assert message.status == "contacted" and message.first_contact_at is not None


def test_an_editor_cannot_take_over(client, messages, editor_a):
    client.force_login(editor_a)
    response = client.post(f"{INBOX}transition/{messages['a'].pk}/", {"target": "taken_over"})
    assert response.status_code == 403


def test_the_edit_form_cannot_move_a_message_to_another_club(client, messages, editor_b):
    client.force_login(editor_b)
    form = client.get(f"{INBOX}edit/{messages['b'].pk}/").content.decode()
    assert 'name="club"' not in form and 'name="opportunity"' not in form
    assert 'name="status"' not in form

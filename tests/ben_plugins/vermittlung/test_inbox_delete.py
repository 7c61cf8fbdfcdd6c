"""Deleting an interest message would skip the 7-day flag, the 14-day email and the figures:
club editors answer their messages but only the Ehrenamtsagentur (and administrators)
deletes one (review finding 5)."""

import pytest

from ben_plugins.vermittlung.factories import InterestMessageFactory
from ben_plugins.vermittlung.models import InterestMessage

pytestmark = pytest.mark.django_db
INBOX = "/admin/vermittlung/interestmessage/"


def test_club_editors_answer_but_only_moderators_delete(client, club_a, editor_a, moderator):
    message = InterestMessageFactory(club=club_a, name="Anna Aus-A")
    delete = f"{INBOX}delete/{message.pk}/"

    client.force_login(editor_a)
    for path in (INBOX, f"{INBOX}inspect/{message.pk}/"):
        page = client.get(path).content.decode()
        assert f"inspect/{message.pk}/" in page or "Anna Aus-A" in page, path
        assert delete not in page, path
    assert client.get(f"{INBOX}edit/{message.pk}/").status_code == 200
    assert client.get(delete).status_code == 403
    assert client.post(delete).status_code == 403
    assert InterestMessage.all_submissions.filter(pk=message.pk).exists()

    client.force_login(moderator)
    assert delete in client.get(INBOX).content.decode()
    assert client.post(delete).status_code == 302
    assert not InterestMessage.all_submissions.filter(pk=message.pk).exists()

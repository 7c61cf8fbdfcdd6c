"""The placement figures name what they show in their surrogate keys, answer from the response
cache until a message (or an opportunity, a category, a club) changes, and are purged from the
caches in front once it does; the consent text names the privacy notice it goes with."""

import pytest

from ben_plugins.vermittlung.factories import InterestMessageFactory

pytestmark = pytest.mark.django_db

FIGURES = "/api/v1/vermittlung/figures/"
CONSENT = "/api/v1/vermittlung/interests/consent/"
INBOX = "/admin/vermittlung/interestmessage/"


def keys_of(response) -> list[str]:
    assert response["xkey"] == response["Surrogate-Key"]
    return response["xkey"].split()


def test_the_figures_name_the_messages_and_the_content_they_count(client, site):
    for _ in range(2):  # built, then from the response cache
        response = client.get(FIGURES)
        assert response["Cache-Control"].startswith("public")
        assert keys_of(response) == [
            "categories",
            "clubs",
            "opportunities",
            "structure",
            "vermittlung.figures",
        ]
    assert keys_of(client.get(CONSENT)) == ["pages.legalpage", "structure"]


def test_a_message_and_its_outcome_show_at_once_and_purge_after_the_commit(
    client, site, club_a, editor_a, opportunity, purges, django_capture_on_commit_callbacks
):
    assert client.get(FIGURES).json()["interests"] == 0  # now in the response cache
    with django_capture_on_commit_callbacks(execute=True):
        message = InterestMessageFactory(club=club_a, opportunity=opportunity)
        assert purges.purged == []  # nothing before the commit
    assert client.get(FIGURES).json()["interests"] == 1
    assert purges.purged == [("vermittlung.figures",)]

    client.force_login(editor_a)
    client.post(f"{INBOX}transition/{message.pk}/", {"target": "contacted"})
    purges.purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{INBOX}transition/{message.pk}/", {"target": "placed"})
    client.logout()
    assert client.get(FIGURES).json()["placements"] == 1
    assert purges.purged == [("vermittlung.figures",)]


def test_a_published_opportunity_changes_the_live_offers(
    client, site, club_a, opportunity, purges, django_capture_on_commit_callbacks
):
    live = client.get(FIGURES).json()["offers"]["live"]
    with django_capture_on_commit_callbacks(execute=True):
        opportunity.unpublish()
    assert client.get(FIGURES).json()["offers"]["live"] == live - 1
    assert any("opportunities" in keys for keys in purges.purged)

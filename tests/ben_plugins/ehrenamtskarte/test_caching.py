"""The card statistics name what they show in their surrogate keys, answer from the response
cache until an application, a confirmation or a card changes, and are purged from the caches
in front once it does; the cards valid today change with the date."""

from datetime import UTC, datetime

import pytest

from ben_plugins.ehrenamtskarte.factories import CardApplicationFactory, IssuedCardFactory

from .conftest import TODAY

pytestmark = pytest.mark.django_db

STATISTICS = "/api/v1/ehrenamtskarte/statistics/"
CONSENT = "/api/v1/ehrenamtskarte/applications/consent/"
BASE = "/admin/ehrenamtskarte/cardapplication/"


def keys_of(response) -> list[str]:
    assert response["xkey"] == response["Surrogate-Key"]
    return response["xkey"].split()


def statuses(client) -> dict[str, int]:
    return {row["key"]: row["count"] for row in client.get(STATISTICS).json()["by_status"]}


def test_the_statistics_name_the_applications_and_the_clubs(client, site_tree, frozen):
    for _ in range(2):  # built, then from the response cache
        response = client.get(STATISTICS)
        assert response["Cache-Control"].startswith("public")
        assert keys_of(response) == ["clubs", "ehrenamtskarte.statistics", "structure"]
    assert keys_of(client.get(CONSENT)) == ["pages.legalpage", "structure"]


def test_an_application_and_its_status_show_at_once_and_purge_after_the_commit(
    client, site_tree, frozen, office, purges, django_capture_on_commit_callbacks
):
    assert statuses(client) == {}  # now in the response cache
    with django_capture_on_commit_callbacks(execute=True):
        application = CardApplicationFactory(status="organisation_bestaetigt")
        assert purges.purged == []  # nothing before the commit
    assert statuses(client) == {"organisation_bestaetigt": 1}
    assert purges.purged == [("ehrenamtskarte.statistics",)]

    purges.purged.clear()
    client.force_login(office)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{BASE}transition/{application.pk}/", {"target": "geprueft"})
    client.logout()
    assert statuses(client) == {"geprueft": 1}
    assert purges.purged == [("ehrenamtskarte.statistics",)]


def test_a_card_counts_until_its_last_valid_day(client, site_tree, frozen):
    IssuedCardFactory(valid_until=TODAY)
    assert client.get(STATISTICS).json()["cards_valid_today"] == 1
    frozen(datetime(TODAY.year, TODAY.month, TODAY.day + 1, 10, 0, tzinfo=UTC))
    assert client.get(STATISTICS).json()["cards_valid_today"] == 0

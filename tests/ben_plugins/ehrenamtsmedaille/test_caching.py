"""The medal's public endpoints name what they show in their surrogate keys, answer from the
response cache until that changes, and are purged from the caches in front once it does."""

import io
from datetime import date, datetime

import pytest
from django.core.management import call_command

from ben_plugins.ehrenamtsmedaille.factories import NominationFactory

from .conftest import BERLIN

pytestmark = pytest.mark.django_db
AWARDEES = "/api/v1/ehrenamtsmedaille/awardees/"
JSONLD = "/api/v1/ehrenamtsmedaille/awardees/jsonld/"
CURRENT = "/api/v1/ehrenamtsmedaille/calls/current/"
JURY = "/admin/ehrenamtsmedaille/jury/"
AFTER_THE_AWARD = datetime(2027, 5, 2, 10, 0, tzinfo=BERLIN)


def keys_of(response) -> list[str]:
    assert response["xkey"] == response["Surrogate-Key"]
    return response["xkey"].split()


def names(client, path=AWARDEES) -> list[str]:
    return [awardee["name"] for awardee in client.get(path).json()]


def test_the_awardees_and_the_call_name_only_themselves(client, site, call, frozen):
    assert keys_of(client.get(CURRENT)) == ["ehrenamtsmedaille.calls"]
    frozen.move(AFTER_THE_AWARD)
    NominationFactory(call=call, status="medal", publication_consent_on=date(2027, 3, 1))
    for _ in range(2):  # built, then from the response cache
        for path, content_type in [(AWARDEES, "application/json"), (JSONLD, "application/ld+json")]:
            response = client.get(path)
            assert response["Cache-Control"].startswith("public")
            assert response["Content-Type"] == content_type
            assert keys_of(response) == ["ehrenamtsmedaille.awardees"]


def test_recorded_consent_shows_the_awardee_at_once_and_purges_after_the_commit(
    client, site, call, chair, frozen, purges, django_capture_on_commit_callbacks
):
    frozen.move(AFTER_THE_AWARD)
    honoured = NominationFactory(call=call, nominee_name="Tafel Bitburg e. V.", status="medal")
    assert names(client) == []  # now in the response cache
    client.force_login(chair)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            JURY,
            {
                "jahr": call.year,
                "action": "publication",
                "nomination": honoured.pk,
                "consent_on": "2027-05-01",
                "laudation": "Seit 2005 verteilen sie Lebensmittel.",
            },
        )
        assert purges.purged == []  # nothing before the commit
    client.logout()
    assert names(client) == ["Tafel Bitburg e. V."]
    assert purges.purged == [("ehrenamtsmedaille.awardees",)]


def test_a_decision_purges_the_awardees(
    client, site, call, jurors, frozen, purges, django_capture_on_commit_callbacks
):
    """The decision is a transition (an UPDATE, logged): it marks the awardees changed too."""
    frozen.move(AFTER_THE_AWARD)
    consented = NominationFactory(
        call=call, nominee_name="Anna Arnold", publication_consent_on=date(2027, 5, 1)
    )
    for juror in jurors[:3]:
        client.force_login(juror)
        client.post(
            JURY,
            {"jahr": call.year, "action": "vote", "nomination": consented.pk, "choice": "medal"},
        )
    client.logout()
    assert names(client) == []
    client.force_login(jurors[0])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(JURY, {"jahr": call.year, "action": "close"})
    client.logout()
    assert names(client) == ["Anna Arnold"]
    assert ("ehrenamtsmedaille.awardees",) in purges.purged


def test_awardees_appear_on_the_day_after_the_award_without_any_change(client, site, call, frozen):
    NominationFactory(
        call=call, nominee_name="Lea Löwe", status="letter", publication_consent_on=date(2027, 3, 1)
    )
    frozen.move(datetime(2027, 5, 1, 23, 59, tzinfo=BERLIN))
    assert names(client) == [] == names(client)  # the second from the response cache
    frozen.move(datetime(2027, 5, 2, 0, 0, tzinfo=BERLIN))
    assert names(client) == ["Lea Löwe"]


def test_a_changed_call_purges_the_calls_and_the_awardees(
    client, site, call, frozen, purges, django_capture_on_commit_callbacks
):
    assert client.get(CURRENT).json()["max_medals"] == 5
    with django_capture_on_commit_callbacks(execute=True):
        call.max_medals = 3
        call.save()
    assert client.get(CURRENT).json()["max_medals"] == 3
    assert purges.purged == [("ehrenamtsmedaille.awardees", "ehrenamtsmedaille.calls")]


def test_switching_the_plugin_purges_its_keys(
    client, site, call, frozen, switch_plugin, purges, django_capture_on_commit_callbacks
):
    assert keys_of(client.get(CURRENT)) == ["ehrenamtsmedaille.calls"]
    with django_capture_on_commit_callbacks(execute=True):
        switch_plugin("ehrenamtsmedaille", False)
    assert client.get(CURRENT).status_code == 404
    [keys] = purges.purged
    assert {"ehrenamtsmedaille.awardees", "ehrenamtsmedaille.calls", "structure"} <= set(keys)


def test_an_erased_awardee_leaves_the_cached_list_at_once(
    client, site, call, frozen, purges, django_capture_on_commit_callbacks
):
    """Art. 17 empties the name with an UPDATE and no audit-log entry: the erasure itself marks
    the awardees changed."""
    frozen.move(AFTER_THE_AWARD)
    NominationFactory(
        call=call,
        nominee_name="Hanna Hüsch",
        nominee_contact="hanna@example.org",
        status="medal",
        publication_consent_on=date(2027, 3, 1),
    )
    assert names(client) == ["Hanna Hüsch"]  # now in the response cache
    with django_capture_on_commit_callbacks(execute=True):
        call_command(
            "ben_personal_data", "--email", "hanna@example.org", "--erase", stdout=io.StringIO()
        )
    assert "Hanna Hüsch" not in names(client)
    assert purges.purged == [("ehrenamtsmedaille.awardees",)]

"""Ids and dates beyond what the database can hold are a 400 with a message, never a 500."""

import pytest

from cms.pages.models import EventPage

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999999"
BEYOND_BIGINT = str(2**63)


def assert_problem(response, parameter):
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert parameter in body["errors"], body
    assert body["detail"]


@pytest.mark.parametrize("lookup", [HUGE, BEYOND_BIGINT])
def test_detail_lookup_beyond_the_id_range_is_rejected(client, content, lookup):
    response = client.get(f"/api/v1/events/{lookup}/")
    assert_problem(response, "lookup")


@pytest.mark.parametrize("lookup", ["²", "١٢"])
def test_detail_lookup_with_non_ascii_digits_is_a_slug_that_is_not_found(client, content, lookup):
    response = client.get(f"/api/v1/events/{lookup}/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_largest_bigint_id_is_a_plain_not_found(client, content):
    response = client.get(f"/api/v1/events/{2**63 - 1}/")
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("path", "query", "parameter"),
    [
        ("events", f"club={HUGE}", "club"),
        ("events", "club=²", "club"),
        ("news", f"club={BEYOND_BIGINT}", "club"),
        ("strategy-chapters", f"parent_chapter={HUGE}", "parent_chapter"),
        ("events", "from=0001-01-01", "from"),
        ("events", "from=9999-12-31", "from"),
        ("events", "from=2026-01-01&to=9999-12-31", "to"),
        ("events", "from=0001-01-01T00:00:00%2B00:00", "from"),
        ("events", "updated_since=0001-01-01T00:00:00", "updated_since"),
    ],
)
def test_out_of_range_values_are_rejected(client, content, path, query, parameter):
    assert_problem(client.get(f"/api/v1/{path}/?{query}"), parameter)


def test_club_filter_still_accepts_a_real_id(client, content):
    club = content["event"].organiser
    response = client.get(f"/api/v1/events/?club={club.pk}")
    assert response.status_code == 200


def test_rule_saved_before_validation_tightened_cannot_flood_an_api_request(client, content):
    """~527,000 occurrences a year once; a stored rule that validation refuses today counts
    only with its first date (cms.pages.recurrence)."""
    flood = "FREQ=DAILY;BYHOUR=" + ",".join(map(str, range(24))) + ";BYMINUTE=0,30"
    EventPage.objects.filter(pk=content["event"].pk).update(recurrence_rule=flood)
    response = client.get("/api/v1/events/?from=2026-01-01&to=2026-12-31")
    assert response.status_code == 200
    (event,) = response.json()["results"]
    assert [occurrence["start"] for occurrence in event["occurrences"]] == [event["start"]]

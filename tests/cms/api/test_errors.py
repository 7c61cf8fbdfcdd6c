"""Bad input gets RFC 7807 problem details with a message, never a 500 or a silent default."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("nonsense=1", "nonsense"),
        ("from=2026-13-45", "from"),
        ("from=gestern", "from"),
        ("updated_since=yesterday", "updated_since"),
        ("offset=50", "offset"),
        ("offset=-1", "offset"),
        ("limit=0", "limit"),
        ("limit=1000", "limit"),
        ("limit=abc", "limit"),
        ("bbox=1,2,3", "bbox"),
        ("bbox=6.6,49.9,6.5,50.0", "bbox"),
        ("bbox=6.5,95,6.6,96", "bbox"),
        ("near=49.9", "near"),
        ("near=49.9,6.5&within_km=5000", "within_km"),
        ("within_km=5", "within_km"),
        ("ordering=distance", "ordering"),
        ("ordering=secret_field", "ordering"),
        ("fields=id,password", "fields"),
        ("to=2026-01-01", "to"),
        ("from=2026-02-01&to=2026-01-01", "to"),
        ("from=2026-01-01&to=2028-01-01", "to"),
        ("upcoming=vielleicht", "upcoming"),
        ("near=%C2%BB%25", "near"),  # a "%" in the value once broke the message: 500
        ("upcoming=50%25", "upcoming"),
    ],
)
def test_bad_parameters_are_rejected_with_problem_details(client, content, query, parameter):
    response = client.get(f"/api/v1/events/?{query}")
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == 400 and body["title"] == "Bad Request"
    assert parameter in body["errors"]
    assert parameter in body["detail"]


def test_detail_rejects_list_parameters(client, content):
    response = client.get(f"/api/v1/events/{content['event'].pk}/?limit=5")
    assert response.status_code == 400
    assert "limit" in response.json()["errors"]


def test_not_found_is_a_problem_too(client, content):
    for url in ["/api/v1/events/999999/", "/api/v1/no-such-endpoint/"]:
        response = client.get(url)
        assert response.status_code == 404
        assert response["Content-Type"] == "application/problem+json"
        assert response.json()["status"] == 404


def test_write_methods_are_not_allowed(client, content):
    response = client.post("/api/v1/events/", {})
    assert response.status_code == 405
    assert response["Content-Type"] == "application/problem+json"

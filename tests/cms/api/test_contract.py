"""Requests schemathesis found valid by the schema and refused by the API, or the reverse,
now answered as the schema says (issue #10, point 11)."""

import pytest

from cms.api.filters.base import MAX_DATABASE_INTEGER
from tests.cms.api.conftest import assert_problem

pytestmark = pytest.mark.django_db


def parameter_schema(client, path, name):
    operation = client.get("/api/v1/schema/?format=json").json()["paths"][path]["get"]
    (parameter,) = [each for each in operation["parameters"] if each["name"] == name]
    return parameter


@pytest.mark.parametrize(
    "query",
    ["ordering=", "ordering=title,", "fields=", "q=", "category=", "upcoming=", "slug="],
)
def test_empty_values_are_refused_not_ignored(client, content, query):
    assert_problem(client.get(f"/api/v1/events/?{query}"), 400, query.split("=")[0])


@pytest.mark.parametrize("value", ["%D9%A5", "1_0", "+5", "%205", "5.0", "0x10"])
def test_limit_and_offset_take_ascii_digits_only(client, content, value):
    assert_problem(client.get(f"/api/v1/events/?limit={value}"), 400, "limit")
    assert_problem(client.get(f"/api/v1/news/?offset={value}"), 400, "offset")


def test_fields_is_documented_as_a_non_empty_list_of_the_available_fields(client, content):
    schema = parameter_schema(client, "/api/v1/events/", "fields")["schema"]
    assert schema["type"] == "array"
    assert schema["minItems"] == 1
    assert {"title", "occurrences"} <= set(schema["items"]["enum"])
    response = client.get("/api/v1/events/?fields=title,occurrences")
    assert set(response.json()["results"][0]) == {"title", "occurrences"}


def test_ids_are_documented_within_the_database_range(client, content):
    club = parameter_schema(client, "/api/v1/events/", "club")["schema"]
    assert club["items"]["maximum"] == MAX_DATABASE_INTEGER
    chapter = parameter_schema(client, "/api/v1/strategy-chapters/", "parent_chapter")
    assert chapter["schema"]["minimum"] == 0
    assert client.get("/api/v1/strategy-chapters/?parent_chapter=0").status_code == 200


def test_club_filter_names_a_published_club_as_its_description_says(client, content):
    description = parameter_schema(client, "/api/v1/events/", "club")["description"]
    assert "club" in description
    assert_problem(client.get("/api/v1/events/?club=0"), 400, "club")


def test_ordering_by_distance_needs_near_as_documented(client, content):
    description = parameter_schema(client, "/api/v1/events/", "near")["description"]
    assert "ordering=distance" in description
    assert_problem(client.get("/api/v1/events/?ordering=-distance"), 400, "ordering")
    assert client.get("/api/v1/events/?ordering=-distance&near=49.97,6.53").status_code == 200


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("bbox=6.48,49.94,6.56,1e2", "bbox"),
        ("bbox=%206.48,49.94,6.56,49.99", "bbox"),
        ("near=inf,6.5", "near"),
        ("near=49.9,%D9%A5", "near"),
        ("near=90.5,6.5", "near"),
        ("near=49.9,180.01", "near"),
    ],
)
def test_coordinates_follow_the_documented_pattern(client, content, query, parameter):
    assert_problem(client.get(f"/api/v1/events/?{query}"), 400, parameter)


def test_coordinate_patterns_are_in_the_schema(client, content):
    assert parameter_schema(client, "/api/v1/events/", "bbox")["schema"]["pattern"]
    assert parameter_schema(client, "/api/v1/events/", "near")["schema"]["pattern"]
    assert client.get("/api/v1/events/?near=-90,180&within_km=1").status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/feeds/events.ics?format=ics",
        "/api/v1/feeds/news.rss?format=rss",
        "/api/v1/feeds/news.atom?format=json",
        "/api/v1/feeds/clubs.geojson?format=",
    ],
)
def test_format_is_refused_where_the_schema_does_not_offer_it(client, content, path):
    assert_problem(client.get(path), 400, "format")


def test_a_format_a_json_feed_does_not_offer_is_not_found(client, content):
    """DRF's rule for ?format= naming no renderer of the view."""
    assert_problem(client.get("/api/v1/feeds/clubs.geojson?format=xml"), 404)


def test_json_feeds_document_and_take_their_formats(client, content):
    schema = parameter_schema(client, "/api/v1/feeds/clubs.geojson", "format")["schema"]
    assert set(schema["enum"]) == {"geojson", "json"}
    for value in schema["enum"]:
        assert client.get(f"/api/v1/feeds/clubs.geojson?format={value}").status_code == 200


def test_search_takes_words_not_full_text_syntax(client, content):
    for query in ['"', "Treffen%22", "*", "Offenes+(Treffen", "NEAR(a+b)"]:
        assert client.get(f"/api/v1/events/?q={query}").status_code == 200, query
    titles = [item["title"] for item in client.get('/api/v1/events/?q="Treffen').json()["results"]]
    assert titles == ["Offenes Treffen"]

"""Anonymous requests that once gave a 500 (on PostgreSQL) are a 400 or 404 problem on every
database: %-signs in values, UTC offsets beyond ±15:59, NUL bytes, huge full-text queries."""

import pytest

from tests.cms.api.conftest import assert_problem

pytestmark = pytest.mark.django_db

MAX_OFFSET = "2026-01-01T00:00:00%2B15:59"


@pytest.mark.parametrize(
    ("path", "query", "parameter"),
    [
        ("events", "from=%25", "from"),
        ("events", "from=%25(value)s", "from"),
        ("events", "from=2026-01-01&to=%25s", "to"),
        ("events", "from=2026-01-01&to=%25", "to"),
        ("trainings", "from=%25", "from"),
        ("trainings", "from=2026-01-01&to=%25d", "to"),
    ],
)
def test_percent_signs_in_a_value_are_a_problem_naming_the_parameter(
    client, content, path, query, parameter
):
    response = client.get(f"/api/v1/{path}/?{query}")
    assert_problem(response, 400, parameter)
    assert "%" in response.json()["errors"][parameter][0]  # quoted, not formatted


def test_a_percent_sign_in_updated_since_is_a_problem(client, content):
    assert_problem(client.get("/api/v1/events/?updated_since=%25"), 400, "updated_since")


@pytest.mark.parametrize(
    ("path", "query", "parameter"),
    [
        ("events", "updated_since=2026-01-01T00:00:00%2B16:00", "updated_since"),
        ("events", "updated_since=2026-01-01T00:00:00-16:00", "updated_since"),
        ("news", "updated_since=2026-01-01T00:00:00%2B23:59", "updated_since"),
        ("events", "from=2026-01-01T00:00:00%2B16:00", "from"),
        ("events", "from=2026-01-01&to=2026-01-02T00:00:00-23:00", "to"),
        ("trainings", "from=2026-01-01T00:00:00-16:00", "from"),
    ],
)
def test_utc_offsets_beyond_what_postgresql_stores_are_refused(
    client, content, path, query, parameter
):
    assert_problem(client.get(f"/api/v1/{path}/?{query}"), 400, parameter)


@pytest.mark.parametrize(
    "query", [f"updated_since={MAX_OFFSET}", f"from={MAX_OFFSET}", "from=2026-01-01T00:00-15:59"]
)
def test_the_largest_offsets_postgresql_stores_are_accepted(client, content, query):
    assert client.get(f"/api/v1/events/?{query}").status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/clubs/a%00b/",
        "/api/v1/events/%00/",
        "/api/v1/news/a%00b/",
        "/api/v1/categories/a%00b/",
        "/api/v1/events/a%00b/?preview_token=x",
        "/api/v1/feeds/clubs/a%00b/events.ics",
        "/api/v1/feeds/categories/a%00b/events.ics",
    ],
)
def test_a_nul_byte_in_a_slug_is_not_found(client, content, path):
    assert_problem(client.get(path), 404)


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("slug=a%00b", "slug"),
        ("q=a%00b", "q"),
        ("category=a%00b", "category"),
        ("fields=title%00", "fields"),
        ("ordering=title%00", "ordering"),
        ("limit=1%00", "limit"),
    ],
)
def test_a_nul_byte_in_a_query_parameter_is_refused(client, content, query, parameter):
    assert_problem(client.get(f"/api/v1/events/?{query}"), 400, parameter)


def test_a_full_text_query_with_too_many_terms_is_refused(client, content):
    many_terms = "+".join(["wort"] * 150)
    assert_problem(client.get(f"/api/v1/events/?q={many_terms}"), 400, "q")
    assert_problem(client.get("/api/v1/clubs/?q=" + "+".join("abcdefghijk")), 400, "q")


def test_a_full_text_query_beyond_the_length_limit_is_refused(client, content):
    assert_problem(client.get("/api/v1/news/?q=" + "x" * 201), 400, "q")


def test_a_full_text_query_within_the_limits_is_answered(client, content):
    ten_terms = "+".join(["Treffen"] * 10)
    response = client.get(f"/api/v1/events/?q={ten_terms}")
    assert response.status_code == 200
    assert client.get("/api/v1/events/?q=" + "x" * 200).status_code == 200

"""The OpenAPI schema validates, documents every endpoint and filter, and the API conforms to it."""

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from cms.api.registry import registry
from cms.core.publication import is_previewable

pytestmark = pytest.mark.django_db

SCHEMA_URL = "/api/v1/schema/?format=json"


def test_schema_is_valid_without_warnings(tmp_path):
    target = tmp_path / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(target))
    assert "/api/v1/events/" in target.read_text()


def test_every_endpoint_filter_and_field_is_documented(client):
    schema = client.get(SCHEMA_URL).json()
    events = schema["paths"]["/api/v1/events/"]["get"]
    parameters = {parameter["name"] for parameter in events["parameters"]}
    assert {"from", "to", "upcoming", "bbox", "near", "q", "category", "club", "fields"} <= (
        parameters
    )
    assert all(parameter.get("description") for parameter in events["parameters"])
    assert "application/problem+json" in events["responses"]["400"]["content"]
    for prefix in ("clubs", "benefit-partners", "strategy-chapters", "news", "opportunities"):
        assert f"/api/v1/{prefix}/{{lookup}}/" in schema["paths"]
    assert "occurrences" in schema["components"]["schemas"]["Event"]["properties"]


def query_parameters(operation) -> set[str]:
    return {p["name"] for p in operation.get("parameters", []) if p["in"] == "query"}


def test_every_query_parameter_an_endpoint_accepts_is_documented(client, site_tree):
    paths = client.get(SCHEMA_URL).json()["paths"]
    for viewset_class in registry:
        filters = set(viewset_class.filterset_class.base_filters)
        listing = paths[f"/api/v1/{viewset_class.prefix}/"]["get"]
        assert query_parameters(listing) == filters | {"limit", "offset", "fields"}
        detail = paths[f"/api/v1/{viewset_class.prefix}/{{lookup}}/"]["get"]
        previewable = {"preview_token"} if is_previewable(viewset_class.model) else set()
        assert query_parameters(detail) == {"fields"} | previewable
    for feed in ("clubs.geojson", "benefit-partners.geojson", "jsonld/events/{id}/"):
        assert query_parameters(paths[f"/api/v1/feeds/{feed}"]["get"]) == {"format"}
    assert query_parameters(paths["/api/v1/"]["get"]) == set()
    for operations in paths.values():
        for operation in operations.values():
            assert all(
                parameter.get("description") for parameter in operation.get("parameters", [])
            )


def test_interactive_docs_are_served_without_internet(client):
    docs = client.get("/api/v1/docs/")
    assert docs.status_code == 200
    assert b"drf_spectacular_sidecar" in docs.content
    assert client.get("/api/v1/redoc/").status_code == 200


CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]


@pytest.fixture
def keep_test_connection():
    """Like Django's test client: requests through the WSGI app must not close the test
    transaction's database connection."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_api_conforms_to_its_schema(content, keep_test_connection):
    """Schemathesis generates requests (valid and invalid) for every operation of the schema.

    Checked: no 5xx, every status code, content type, body and header is documented.
    (Schema-valid values that the API still rejects, e.g. an offset beyond the last item,
    are legitimate 400s, so schemathesis' positive_data_acceptance check is not used.)
    """
    api_schema = schemathesis.openapi.from_wsgi(SCHEMA_URL, WSGIHandler())
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 18

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=8,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
            database=None,
        )
        def run(case):
            case.call_and_validate(checks=CHECKS)

        run()

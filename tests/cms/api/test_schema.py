"""The OpenAPI schema validates, documents every endpoint and filter, and the API conforms to it."""

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    positive_data_acceptance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from cms.api.filters.base import MAX_QUERY_LENGTH, MAX_QUERY_TERMS
from cms.api.filters.window import MAX_WINDOW, DateOrDateTimeField
from cms.api.registry import registry
from cms.core.publication import is_previewable
from tests.factories.snippets import VolunteerOpportunityFactory

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
        windowed = {"from", "to", "upcoming"} if viewset_class.prefix == "events" else set()
        assert query_parameters(detail) == {"fields"} | previewable | windowed
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


def follows_rules_between_parameters(case) -> bool:
    """What OpenAPI 3.0 cannot state and the parameters' descriptions do (see
    cms.api.schema.query_constraints); breaking it is a 400 problem (test_errors.py)."""
    query = case.query or {}
    search = query.get("q", "")
    if len(search) > MAX_QUERY_LENGTH or len(search.split()) > MAX_QUERY_TERMS:
        return False
    if "near" in query and "postcode" in query:
        return False
    located = "near" in query or "postcode" in query
    ordering = query.get("ordering") or []
    ordering = ordering.split(",") if isinstance(ordering, str) else ordering
    if ("within_km" in query or any("distance" in key for key in ordering)) and not located:
        return False
    low, high = query.get("hours_per_week_min"), query.get("hours_per_week_max")
    if low is not None and high is not None and float(low) > float(high):
        return False
    if "bbox" in query:
        min_lon, min_lat, max_lon, max_lat = map(float, query["bbox"].split(","))
        if min_lon >= max_lon or min_lat >= max_lat:
            return False
    start = query.get("from")
    if str(query.get("upcoming")).lower() == "true":  # True, or "true" as sent
        if start is not None:
            return False
        start = timezone.now()
    else:
        start = start and DateOrDateTimeField().clean(start)
    if "to" in query:
        end = DateOrDateTimeField(end_of_day=True).clean(query["to"])
        if start is None or not start <= end <= start + MAX_WINDOW:
            return False
    return True


def with_stored_values(case, content) -> None:
    """Values that name stored data (not an enum of the schema) take those of the data set."""
    query = case.query or {}
    schemas = {
        parameter["name"]: parameter["schema"]
        for parameter in case.operation.definition.raw.get("parameters", [])
    }
    stored = {
        "category": [content["category"].slug],
        "target_group": [content["target_group"].slug],
        "club": [content["club"].pk],
    }
    for name, values in stored.items():
        if name in query and "enum" not in schemas[name].get("items", {}):
            query[name] = values
    if "offset" in query:
        query["offset"] = 0  # beyond the count is a 400


def follows_rules_of_the_card_bodies(case) -> None:
    """What the Ehrenamtskarte's bodies require beyond OpenAPI 3.0 (its serializers' validate,
    docs/plugin-ehrenamtskarte.md): dates not in the future, per activity the hours either per
    week or per year, for an application a BEN club or an organisation with an address, and a
    renewal only with the link of a stored card (state the schema cannot know)."""
    body = case.body
    if not (isinstance(body, dict) and case.path.startswith("/api/v1/ehrenamtskarte/")):
        return
    body["birth_date"] = "2000-01-01"
    if body.pop("renewal_token", None) is not None or body.get("kind") == "renewal":
        body["kind"] = "first"
    for activity in body.get("activities", []):
        activity.update(since="2020-01-01", hours_per_week=5, hours_per_year=None)
        if case.path.endswith("/applications/"):
            activity.pop("club", None)
            activity.update(organisation="DRK Bitburg", contact_email="drk@example.org")


def check_every_operation(mode, checks, prepare=lambda case: None, keep=lambda case: True):
    api_schema = schemathesis.openapi.from_wsgi(SCHEMA_URL, WSGIHandler())
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 18
    for operation in operations:

        @given(case=operation.as_strategy(generation_mode=mode).filter(keep))
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
            database=None,
        )
        def run(case):
            prepare(case)
            case.call_and_validate(checks=checks)

        try:
            run()
        except Unsatisfiable:
            assert mode == GenerationMode.NEGATIVE  # nothing to get wrong: no parameters
            assert not operation.definition.raw.get("parameters"), operation.label


EXAMPLES_PER_OPERATION = 8


def test_api_accepts_every_request_its_schema_allows(content, keep_test_connection):
    """Schemathesis generates schema-valid requests for every operation (the read API and
    the JSON feeds): none is refused, and every answer is documented (status code, content
    type, body, headers), with no 5xx."""
    offer = VolunteerOpportunityFactory(club=content["club"], title="Offen", published=True)

    def prepare(case):
        with_stored_values(case, content)
        if isinstance(case.body, dict) and "opportunity" in case.body:
            case.body["opportunity"] = offer.pk  # an interest message names a published offer
        follows_rules_of_the_card_bodies(case)

    check_every_operation(
        GenerationMode.POSITIVE,
        [*CHECKS, positive_data_acceptance],
        prepare=prepare,
        keep=follows_rules_between_parameters,
    )


def refuses_negative_data(ctx, response, case):
    """Like schemathesis' check, with 413 as a refusal: a public intake refuses a body over
    ``INTAKE_MAX_BODY_BYTES`` before it reads it, and documents that answer."""
    if response.status_code == 413:
        return None
    return negative_data_rejection(ctx, response, case)


def test_api_refuses_every_request_its_schema_forbids(content, keep_test_connection):
    """Schemathesis generates schema-violating requests (wrong types, empty values, values
    outside patterns and ranges): each is refused with a documented 4xx problem."""
    check_every_operation(GenerationMode.NEGATIVE, [*CHECKS, refuses_negative_data])

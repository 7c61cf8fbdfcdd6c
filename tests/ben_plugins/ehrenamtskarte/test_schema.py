"""The endpoints' contracts as the OpenAPI schema states them."""

import pytest

pytestmark = pytest.mark.django_db
PREFIX = "/api/v1/ehrenamtskarte/"


def test_openapi_documents_the_endpoints(client):
    schema = client.get("/api/v1/schema/", HTTP_ACCEPT="application/json").json()
    paths = schema["paths"]
    components = schema["components"]["schemas"]

    eligibility = paths[f"{PREFIX}eligibility/"]["post"]
    assert set(eligibility["responses"]) >= {"200", "400"}
    answer = eligibility["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    assert set(components[answer.rsplit("/", 1)[1]]["properties"]) == {
        "result",
        "card",
        "reasons",
        "rule_set",
    }

    applications = paths[f"{PREFIX}applications/"]["post"]
    assert set(applications["responses"]) >= {"201", "400", "413", "429"}
    body = applications["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    properties = components[body.rsplit("/", 1)[1]]["properties"]
    assert {"first_name", "birth_date", "card", "kind", "activities", "consent"} <= set(properties)
    assert "get" in paths[f"{PREFIX}applications/consent/"]
    assert "get" in paths[f"{PREFIX}statistics/"]

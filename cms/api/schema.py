"""drf-spectacular hooks: document only /api/v1/ and give every operation its problem responses."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.plumbing import build_object_type

PROBLEM_STATUSES = {
    "400": "Invalid or unknown query parameter (details per parameter in `errors`).",
    "401": "Unknown or revoked API key.",
    "403": "Invalid, expired or foreign preview token.",
    "404": "No published object with this id or slug.",
    "429": "Rate limit exceeded; retry after the number of seconds in Retry-After.",
}


def only_content_api(endpoints, **kwargs):
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]


def add_problem_responses(result, generator, **kwargs):
    from .errors import ProblemSerializer

    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas["Problem"] = build_object_type(
        properties={
            name: _problem_property(field) for name, field in ProblemSerializer().fields.items()
        },
        required=["type", "title", "status", "detail"],
        description="RFC 7807 problem details.",
    )
    reference = {"$ref": "#/components/schemas/Problem"}
    for path, path_item in result.get("paths", {}).items():
        for operation in path_item.values():
            _describe_filters(path, operation)
            responses = operation.setdefault("responses", {})
            for status, description in PROBLEM_STATUSES.items():
                responses.setdefault(
                    status,
                    {
                        "description": description,
                        "content": {"application/problem+json": {"schema": reference}},
                    },
                )
            _document_caching(responses)
    return result


def _describe_filters(path: str, operation: dict) -> None:
    """Filters documented by a class-level schema override lose their help_text; restore it."""
    from .registry import registry

    endpoint = registry.get(path.removeprefix("/api/v1/"))
    if endpoint is None or endpoint.filterset_class is None:
        return
    filters = endpoint.filterset_class.base_filters
    for parameter in operation.get("parameters", []):
        declared = filters.get(parameter["name"])
        if declared is None or parameter.get("description"):
            continue
        help_text = declared.extra.get("help_text") or declared.label
        parameter["description"] = str(help_text or f"Exact match on {parameter['name']}.")


def _problem_property(field) -> dict:
    kind = type(field).__name__
    if kind == "IntegerField":
        return {"type": "integer"}
    if kind == "DictField":
        return {
            "type": "object",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
            "description": str(field.help_text),
        }
    return {"type": "string"}


def _document_caching(responses) -> None:
    ok = responses.get("200")
    if ok is None:
        return
    ok.setdefault("headers", {}).update(
        {
            "ETag": {"schema": {"type": "string"}, "description": "Strong validator."},
            "Last-Modified": {"schema": {"type": "string"}},
            "Cache-Control": {"schema": {"type": "string"}},
        }
    )
    responses.setdefault(
        "304", {"description": "Not modified (If-None-Match / If-Modified-Since matched)."}
    )


class ApiKeyScheme(OpenApiAuthenticationExtension):
    target_class = "cms.api.access.ApiKeyAuthentication"
    name = "ApiKey"
    priority = 1

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "X-API-Key",
            "description": (
                "Optional key of a registered API client (higher rate limit). Also accepted as "
                "`Authorization: Api-Key <key>`. Without a key, the anonymous per-IP limit applies."
            ),
        }

"""OpenAPI (drf-spectacular): what a content endpoint documents, which views the schema
shows to a request, and the problem responses and caching headers of every operation."""

import inspect

from django.utils import timezone
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import build_object_type, get_doc
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter

from cms.core.publication import is_previewable

from .errors import ProblemSerializer
from .filters.base import (
    MAX_DATABASE_INTEGER,
    SEARCH_QUERY_PATTERN,
    SUPPORTED_YEARS,
    iso_moment_pattern,
)
from .filters.content import HOURS_IN_A_WEEK
from .filters.geo import BOUNDING_BOX_PATTERN, MAX_RADIUS_KM, POINT_PATTERN, known_postcodes
from .filters.window import WINDOW_YEARS
from .registry import registry

PROBLEM_STATUSES = {
    "400": "Invalid or unknown query parameter (details per parameter in `errors`).",
    "401": "Unknown or revoked API key.",
    "403": "Invalid, expired or foreign preview token.",
    "404": "No published object with this id or slug.",
    "429": "Rate limit exceeded; retry after the number of seconds in Retry-After.",
}


class ContentSchema(AutoSchema):
    """A ContentViewSet's tag, description, ?fields= (naming the fields), lookup and
    preview token, read from the class itself."""

    def get_tags(self):
        return [self.view.tag or self.view.prefix]

    def get_description(self):
        own = type(self.view).__doc__  # not inherited: a subclass without one has None
        description = inspect.cleandoc(own) if own else get_doc(self.view.model)
        if self.view.action == "list":
            plural = self.view.model._meta.verbose_name_plural
            return f"Published {plural}. {description}".strip()
        return description

    def get_override_parameters(self):
        names = list(self.view.serializer_class.Meta.fields)
        parameters = [
            OpenApiParameter(
                "fields",
                {"type": "array", "items": {"type": "string", "enum": names}, "minItems": 1},
                style="form",
                explode=False,
                description=(
                    f"Comma-separated subset of fields to return. Available: {', '.join(names)}."
                ),
            )
        ]
        if self.view.action == "retrieve":
            parameters.append(
                OpenApiParameter(
                    "lookup",
                    OpenApiTypes.STR,
                    OpenApiParameter.PATH,
                    description="Numeric id, or the slug (a purely numeric slug is read as id).",
                )
            )
            if is_previewable(self.view.model):
                parameters.append(
                    OpenApiParameter(
                        "preview_token",
                        OpenApiTypes.STR,
                        description=(
                            "Signed draft preview token from the admin; serves exactly that "
                            "draft revision of this object (never cached)."
                        ),
                    )
                )
        return [*super().get_override_parameters(), *parameters]


class AvailableViewsSchemaGenerator(SchemaGenerator):
    """Leaves out every view an availability check switches off for the schema's request
    (cms.api.registry), e.g. the endpoints of a plugin that is off for the site."""

    def parse(self, input_request, public):
        self._initialise_endpoints()
        if input_request is not None:
            self.endpoints = [
                (path, path_regex, method, callback)
                for path, path_regex, method, callback in self.endpoints
                if not hasattr(callback, "cls")
                or registry.is_available(callback.cls, input_request)
            ]
        return super().parse(input_request, public)


def only_content_api(endpoints, **kwargs):
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]


def add_problem_responses(result, generator, **kwargs):
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas["Problem"] = build_object_type(
        properties={
            name: _problem_property(field) for name, field in ProblemSerializer().fields.items()
        },
        required=["type", "title", "status", "detail"],
        description="RFC 7807 problem details.",
    )
    for viewset_class in registry:
        _fields_are_optional(schemas.get(component_name(viewset_class.serializer_class), {}))
    reference = {"$ref": "#/components/schemas/Problem"}
    constraints = query_constraints()
    for path, path_item in result.get("paths", {}).items():
        for operation in path_item.values():
            _describe_filters(path, operation)
            _constrain_parameters(operation, constraints)
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
    viewset_class = registry.get(path.removeprefix("/api/v1/"))
    if getattr(viewset_class, "filterset_class", None) is None:
        return
    filters = viewset_class.filterset_class.base_filters
    for parameter in operation.get("parameters", []):
        declared = filters.get(parameter["name"])
        if declared is None or parameter.get("description"):
            continue
        help_text = declared.extra.get("help_text") or declared.label
        parameter["description"] = str(help_text or f"Exact match on {parameter['name']}.")


#: An id (up to 18 digits is always in the database's range) or a slug (not only digits).
LOOKUP_PATTERN = r"^(?:[0-9]{1,18}|[^/]*[^/0-9][^/]*)$"


def query_constraints() -> dict[str, dict]:
    """What the API takes of each query parameter, beyond its type (cms.api.filters).

    Rules between parameters (`to` after `from`, `within_km` and ordering by distance with
    `near` or `postcode` but not both, min < max in `bbox`, `hours_per_week_min` at most
    `hours_per_week_max`), the length and terms limits of `q` and rules on stored
    data (a published club's id, a known category slug, an offset below the count) are
    beyond OpenAPI 3.0 (or schemathesis); the parameters' descriptions say them, and a
    request breaking them is a 400 problem.
    """
    this_year = timezone.localdate().year
    window_years = range(this_year - WINDOW_YEARS + 1, this_year + WINDOW_YEARS)
    window_bound = {"type": "string", "pattern": iso_moment_pattern(window_years)}
    return {
        "q": {"pattern": SEARCH_QUERY_PATTERN},
        "from": window_bound,
        "to": window_bound,
        "updated_since": {"type": "string", "pattern": iso_moment_pattern(SUPPORTED_YEARS)},
        "bbox": {"pattern": BOUNDING_BOX_PATTERN},
        "near": {"pattern": POINT_PATTERN},
        "within_km": {"minimum": 0, "exclusiveMinimum": True, "maximum": MAX_RADIUS_KM},
        "postcode": {"enum": known_postcodes()},
        "hours_per_week_min": {"minimum": 0, "maximum": HOURS_IN_A_WEEK},
        "hours_per_week_max": {"minimum": 0, "maximum": HOURS_IN_A_WEEK},
    }


def _constrain_parameters(operation: dict, constraints: dict[str, dict]) -> None:
    """Strings are never empty (an empty value is a 400), ids and counts stay in the
    database's range, and each parameter's own format is documented."""
    for parameter in operation.get("parameters", []):
        schema = parameter["schema"]
        if parameter["in"] == "query":
            schema.update(constraints.get(parameter["name"], {}))
        elif parameter["name"] == "lookup":
            schema["pattern"] = LOOKUP_PATTERN
        if "pattern" in schema:
            schema.pop("format", None)  # the pattern says it all
        if schema.get("type") == "array":
            schema.setdefault("minItems", 1)
        for each in (schema, schema.get("items", {})):
            if each.get("type") == "string" and "enum" not in each:
                each.setdefault("minLength", 1)
            if each.get("type") == "integer":
                each.setdefault("minimum", 0)
                each.setdefault("maximum", MAX_DATABASE_INTEGER)


def component_name(serializer_class) -> str:
    """drf-spectacular's default name of a serializer's schema component."""
    return serializer_class.__name__.removesuffix("Serializer")


def _fields_are_optional(component: dict) -> None:
    """With ?fields= an item has only the named fields: none of them is required."""
    component.pop("required", None)
    if component:
        component["description"] = (
            f"{component.get('description', '')} Every field is present unless ?fields= "
            "names a subset."
        ).strip()


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
            "Cache-Control": {
                "schema": {"type": "string"},
                "description": "`public, max-age=…, s-maxage=…`; `private, no-store` for "
                "draft previews and answers to an API key.",
            },
            "Surrogate-Key": {
                "schema": {"type": "string"},
                "description": "Space-separated keys naming what the response shows (e.g. "
                "`events clubs structure`, `clubs-19`); BEN purges them from caches in front "
                "when that content changes. Also sent as `xkey` (Varnish).",
            },
        }
    )
    responses.setdefault(
        "304", {"description": "Not modified (If-None-Match / If-Modified-Since matched)."}
    )


class ApiKeyScheme(OpenApiAuthenticationExtension):
    target_class = "cms.api.authentication.ApiKeyAuthentication"
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

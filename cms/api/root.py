"""The API root /api/v1/: every list endpoint a request may use, with its absolute URL.

Found in the URLconf rather than only in the registry, so plugin endpoints (mounted by the
plugin core) and feeds are listed too; an availability check that switches a view off for
the request (a plugin off for the site) leaves it out, as it does in the OpenAPI schema.
"""

from django.urls import URLResolver, get_resolver, get_urlconf, reverse
from drf_spectacular.utils import extend_schema
from rest_framework.response import Response

from cms.core.sites import absolute_url

from .registry import registry
from .viewsets import ApiViewSet

ROOT_PATH = "api/v1/"


def named_routes(patterns, route="", namespace=""):
    """(route, namespaced name, view class) of every parameterless named ApiViewSet route."""
    for pattern in patterns:
        pattern_route = route + str(pattern.pattern).lstrip("^").rstrip("$")
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from named_routes(pattern.url_patterns, pattern_route, inner)
            continue
        view_class = getattr(pattern.callback, "cls", None)
        takes_arguments = pattern.pattern.regex.groups or getattr(
            pattern.pattern, "converters", None
        )
        if (
            pattern.name
            and not takes_arguments
            and isinstance(view_class, type)
            and issubclass(view_class, ApiViewSet)
            and view_class is not ApiRootViewSet
        ):
            yield pattern_route, namespace + pattern.name, view_class


def listed_endpoints(request) -> dict[str, str]:
    registered = list(registry)
    routes = [
        route
        for route in named_routes(get_resolver(get_urlconf()).url_patterns)
        if route[0].startswith(ROOT_PATH)
    ]
    routes.sort(key=lambda route: route[2] not in registered)  # stable: core first
    return {
        route.removeprefix(ROOT_PATH).strip("/"): absolute_url(reverse(name), request)
        for route, name, view_class in routes
        if registry.is_available(view_class, request)
    }


class ApiRootViewSet(ApiViewSet):
    """The endpoints of this API, each with its absolute URL (content, plugins, feeds)."""

    @extend_schema(
        responses={
            200: {
                "type": "object",
                "additionalProperties": {"type": "string", "format": "uri"},
                "example": {"events": "https://example.org/api/v1/events/"},
            }
        },
        summary="Endpoints of the API",
    )
    def endpoints(self, request):
        return Response(listed_endpoints(request))

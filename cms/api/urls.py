"""/api/v1/: one route pair per registered endpoint, the OpenAPI schema and its docs."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView
from rest_framework.routers import SimpleRouter

from .errors import not_found
from .registry import registry

app_name = "api"


def build_router() -> SimpleRouter:
    router = SimpleRouter()
    for endpoint in registry:
        router.register(endpoint.prefix, endpoint.viewset, basename=endpoint.basename)
    return router


def build_urlpatterns() -> list:
    """Routes of every endpoint registered so far (plugins register in AppConfig.ready)."""
    return [
        path("schema/", SpectacularAPIView.as_view(), name="schema"),
        path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
        path("redoc/", SpectacularRedocView.as_view(url_name="api:schema"), name="redoc"),
        path("", include(build_router().urls)),
        re_path(r"^.*$", not_found),
    ]


urlpatterns = build_urlpatterns()

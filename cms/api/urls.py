"""/api/v1/: the root, one route pair per registered endpoint, the OpenAPI schema and docs."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import SimpleRouter

from .docs import RedocDocsView, SwaggerDocsView
from .errors import not_found
from .registry import registry, route_basename
from .root import ApiRootViewSet

app_name = "api"


def build_router() -> SimpleRouter:
    router = SimpleRouter()
    for viewset_class in registry:
        router.register(
            viewset_class.prefix, viewset_class, basename=route_basename(viewset_class.prefix)
        )
    return router


def build_urlpatterns() -> list:
    """Routes of every endpoint registered so far (plugins register in AppConfig.ready)."""
    return [
        path("", ApiRootViewSet.as_view({"get": "endpoints"}), name="root"),
        path("schema/", SpectacularAPIView.as_view(), name="schema"),
        path("docs/", SwaggerDocsView.as_view(url_name="api:schema"), name="docs"),
        path("redoc/", RedocDocsView.as_view(url_name="api:schema"), name="redoc"),
        path("", include(build_router().urls)),
        re_path(r"^.*$", not_found),
    ]


urlpatterns = build_urlpatterns()

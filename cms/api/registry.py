"""The registry: which endpoint class answers under which /api/v1/<prefix>/.

It stores and looks up classes, and builds nothing; cms.api.urls routes what it holds. A
plugin registers a subclass of cms.api.viewsets.ContentViewSet from its AppConfig.ready()::

    from cms.api.registry import registry
    from cms.api.viewsets import ContentViewSet

    class ThingViewSet(ContentViewSet):
        model = Thing
        serializer_class = ThingSerializer  # subclass of cms.api.serializers.base.*Serializer
        filterset_class = ThingFilterSet  # subclass of cms.api.filters.base.ApiFilterSet
        ordering = ("title",)

    registry.register("my-plugin/things", ThingViewSet)
"""

from collections.abc import Callable

from django.core.exceptions import ImproperlyConfigured

#: check(view_class, request) -> bool; False answers 404 and hides the view from OpenAPI.
AvailabilityCheck = Callable[[type, object], bool]


def route_basename(prefix: str) -> str:
    """The URL names of a registered endpoint are api:<basename>-list and -detail."""
    return prefix.replace("/", "-")


class ApiRegistry:
    def __init__(self):
        self._viewsets: dict[str, type] = {}
        self._availability_checks: list[AvailabilityCheck] = []

    def register(self, prefix: str, viewset_class: type) -> type:
        """Route ``viewset_class`` under /api/v1/<prefix>/ and set its ``prefix``."""
        prefix = prefix.strip("/")
        if prefix in self._viewsets:
            raise ImproperlyConfigured(f"The API prefix {prefix!r} is already registered.")
        model = getattr(viewset_class, "model", None)
        if model is not None and self.for_model(model) is not None:
            raise ImproperlyConfigured(f"{model.__name__} already has an API endpoint.")
        viewset_class.prefix = prefix
        self._viewsets[prefix] = viewset_class
        return viewset_class

    def unregister(self, prefix: str) -> None:
        self._viewsets.pop(prefix.strip("/"), None)

    def __iter__(self):
        return iter(list(self._viewsets.values()))

    def get(self, prefix: str) -> type | None:
        return self._viewsets.get(prefix.strip("/"))

    def for_model(self, model) -> type | None:
        """The endpoint class serving ``model`` (its ``prefix`` names the resource)."""
        for viewset_class in self._viewsets.values():
            if getattr(viewset_class, "model", None) is model:
                return viewset_class
        return None

    def add_availability_check(self, check: AvailabilityCheck) -> None:
        """``check(view_class, request)`` returning False switches a view off for that
        request: 404 for the view, left out of the API root and the OpenAPI schema.

        Covers every ApiViewSet (registered here or routed by a plugin's URLconf), so the
        plugin core switches off a plugin's endpoints without each plugin remembering to.
        """
        self._availability_checks.append(check)

    def remove_availability_check(self, check: AvailabilityCheck) -> None:
        self._availability_checks.remove(check)

    def is_available(self, view_class: type, request) -> bool:
        return all(check(view_class, request) for check in self._availability_checks)


registry = ApiRegistry()

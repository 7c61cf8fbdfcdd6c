"""The registry: the one place where a content type becomes an API endpoint.

Registering a model gives it list and detail views under /api/v1/<prefix>/ (by id and by
slug) with the publication rule of cms.api.publication, ?fields=, pagination, RFC 7807
errors, ETag/304, the server-side response cache and its invalidation, rate limits, draft
preview tokens and OpenAPI documentation. A plugin only supplies what is specific to it::

    from cms.api.registry import registry

    registry.register(
        "my-plugin/things",
        model=Thing,
        serializer_class=ThingSerializer,  # subclass of cms.api.serializers.base.*Serializer
        filterset_class=ThingFilterSet,  # optional, subclass of cms.api.filters.base.ApiFilterSet
        ordering=("title",),
    )

Call it from the plugin's AppConfig.ready(); URLs are built when the URLconf is loaded.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured
from django.db.models import Model, QuerySet
from django.utils.functional import cached_property


@dataclass(frozen=True, eq=False)
class Endpoint:
    prefix: str
    model: type[Model]
    serializer_class: type
    filterset_class: type | None = None
    ordering: tuple[str, ...] = ("-last_published_at",)
    select_related: tuple[str, ...] = ()
    prefetch_related: tuple = ()
    #: Optional hook to adjust the base queryset (annotations etc.); gets (queryset, request).
    queryset_hook: Callable[[QuerySet, object], QuerySet] | None = None
    #: Further models whose changes alter this endpoint's output (e.g. the organiser club).
    depends_on: tuple[type[Model], ...] = ()
    #: Parameters whose meaning changes with the clock (cached per minute only).
    time_sensitive_params: tuple[str, ...] = ()
    #: Whether today's date decides what is visible (expired offers): cached per day.
    date_sensitive: bool = False
    #: Optional runtime switch (e.g. a plugin disabled for a site): False answers 404.
    is_enabled: Callable[[object], bool] | None = None
    tag: str = ""
    description: str = ""

    @property
    def basename(self) -> str:
        return self.prefix.replace("/", "-")

    @cached_property
    def viewset(self):
        from cms.api.views import build_viewset

        return build_viewset(self)

    def cache_labels(self) -> tuple[str, ...]:
        """Labels of every model whose publication changes invalidate this endpoint, plus the
        page tree's structure (privacy, unpublished branches), which every endpoint obeys."""
        models = (self.model, *self.depends_on)
        return (*(model_label(model) for model in models), STRUCTURE_LABEL)


#: Generation label of the page tree's structure: moves, privacy, (un)published branches.
STRUCTURE_LABEL = "wagtailcore.page"


def model_label(model) -> str:
    return model._meta.label_lower


class ApiRegistry:
    def __init__(self):
        self._endpoints: dict[str, Endpoint] = {}
        self._availability_checks: list[Callable[[Endpoint, object], bool]] = []

    def add_availability_check(self, check: Callable[[Endpoint, object], bool]) -> None:
        """check(endpoint, request) -> False answers 404 for every endpoint it covers.

        Lets the plugin core switch off the endpoints of a plugin that is off for the site
        without each plugin having to remember to pass `is_enabled`.
        """
        self._availability_checks.append(check)

    def is_available(self, endpoint: Endpoint, request) -> bool:
        if endpoint.is_enabled is not None and not endpoint.is_enabled(request):
            return False
        return all(check(endpoint, request) for check in self._availability_checks)

    def register(self, prefix: str, *, model, serializer_class, **options) -> Endpoint:
        prefix = prefix.strip("/")
        if prefix in self._endpoints:
            raise ImproperlyConfigured(f"The API prefix {prefix!r} is already registered.")
        if self.for_model(model) is not None:
            raise ImproperlyConfigured(f"{model.__name__} already has an API endpoint.")
        endpoint = Endpoint(
            prefix=prefix, model=model, serializer_class=serializer_class, **options
        )
        self._endpoints[prefix] = endpoint
        return endpoint

    def unregister(self, prefix: str) -> None:
        self._endpoints.pop(prefix.strip("/"), None)

    def __iter__(self):
        return iter(list(self._endpoints.values()))

    def get(self, prefix: str) -> Endpoint | None:
        return self._endpoints.get(prefix.strip("/"))

    def for_model(self, model) -> Endpoint | None:
        for endpoint in self._endpoints.values():
            if endpoint.model is model:
                return endpoint
        return None


registry = ApiRegistry()

"""The generic read-only viewset every registered endpoint is built from."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer

from cms.core.publication import is_previewable

from .access import AnonymousRateThrottle, ApiKeyAuthentication, ClientRateThrottle
from .caching import cached_response, uncached_private_response
from .errors import problem_exception_handler
from .filters.base import ASCII_DIGITS, parse_natural_number
from .pagination import ContentPagination
from .preview import preview_object
from .publication import published_for_request
from .registry import registry

FIELDS_PARAM = "fields"
PREVIEW_PARAM = "preview_token"


class RememberingFilterBackend(DjangoFilterBackend):
    """Keeps the FilterSet on the view so serializers can see e.g. the date window."""

    def get_filterset(self, request, queryset, view):
        view.filterset = super().get_filterset(request, queryset, view)
        return view.filterset

    def filter_queryset(self, request, queryset, view):
        filterset_class = self.get_filterset_class(view, queryset)
        if filterset_class is None or not set(request.query_params) & set(
            filterset_class.base_filters
        ):
            return queryset  # nothing to filter: skip building and validating the form
        return super().filter_queryset(request, queryset, view)


class ContentViewSet(viewsets.ReadOnlyModelViewSet):
    endpoint = None  # set by build_viewset

    authentication_classes = [ApiKeyAuthentication]
    permission_classes = [AllowAny]
    throttle_classes = [AnonymousRateThrottle, ClientRateThrottle]
    renderer_classes = [JSONRenderer]
    pagination_class = ContentPagination
    filter_backends = [RememberingFilterBackend]
    lookup_url_kwarg = "lookup"
    lookup_value_regex = r"[^/]+"
    filterset = None

    def get_exception_handler(self):
        return problem_exception_handler

    # --- request validation -------------------------------------------------------------

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if not registry.is_available(self.endpoint, request):
            raise NotFound()
        self.check_query_parameters(request)

    def allowed_parameters(self) -> set[str]:
        if self.action == "list":
            filterset_class = self.endpoint.filterset_class
            filters = set(filterset_class.base_filters) if filterset_class else set()
            return filters | {"limit", "offset", FIELDS_PARAM}
        allowed = {FIELDS_PARAM}
        if is_previewable(self.endpoint.model):
            allowed.add(PREVIEW_PARAM)
        return allowed

    def check_query_parameters(self, request):
        unknown = sorted(set(request.query_params) - self.allowed_parameters())
        if unknown:
            raise ValidationError(
                {name: ["Unknown query parameter for this endpoint."] for name in unknown}
            )
        self.selected_fields = self.parse_fields(request.query_params.get(FIELDS_PARAM))

    def parse_fields(self, raw):
        if raw is None:
            return None
        names = [name.strip() for name in raw.split(",") if name.strip()]
        available = set(self.serializer_class.Meta.fields)
        unknown = [name for name in names if name not in available]
        if not names or unknown:
            raise ValidationError(
                {
                    FIELDS_PARAM: [
                        f"Unknown field(s) {', '.join(unknown) or '(none given)'}; "
                        f"available: {', '.join(self.serializer_class.Meta.fields)}."
                    ]
                }
            )
        return names

    # --- data ----------------------------------------------------------------------------

    def base_queryset(self):
        model = self.endpoint.model
        queryset = model.objects.all()
        if self.endpoint.select_related:
            queryset = queryset.select_related(*self.endpoint.select_related)
        if self.endpoint.prefetch_related:
            queryset = queryset.prefetch_related(*self.endpoint.prefetch_related)
        if self.endpoint.queryset_hook is not None:
            queryset = self.endpoint.queryset_hook(queryset, self.request)
        return queryset

    def get_queryset(self):
        return published_for_request(self.base_queryset(), self.request).order_by(
            *self.endpoint.ordering
        )

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["fields"] = getattr(self, "selected_fields", None)
        context["window"] = getattr(self.filterset, "listed_window", None)
        return context

    def get_object(self):
        lookup = self.kwargs[self.lookup_url_kwarg]
        token = self.request.query_params.get(PREVIEW_PARAM)
        if token is not None:
            return preview_object(self.base_queryset(), lookup, token)
        queryset = self.get_queryset()
        if ASCII_DIGITS.fullmatch(lookup):
            try:
                pk = parse_natural_number(lookup)
            except DjangoValidationError as error:
                raise ValidationError({"lookup": error.messages}) from error
            matches = list(queryset.filter(pk=pk))
        else:
            matches = list(queryset.filter(slug=lookup)[:2])
        if not matches:
            raise NotFound(f"No {self.endpoint.prefix} item with id or slug {lookup!r}.")
        if len(matches) > 1:
            raise ValidationError(
                {"lookup": [f"The slug {lookup!r} is ambiguous here; use the numeric id."]}
            )
        return matches[0]

    # --- responses -----------------------------------------------------------------------

    def list(self, request, *args, **kwargs):
        return cached_response(self, request, lambda: super(ContentViewSet, self).list(request))

    def retrieve(self, request, *args, **kwargs):
        if PREVIEW_PARAM in request.query_params:
            response = super().retrieve(request, *args, **kwargs)
            return uncached_private_response(self, request, response)
        return cached_response(self, request, lambda: super(ContentViewSet, self).retrieve(request))


def _fields_parameter(endpoint) -> OpenApiParameter:
    names = ", ".join(endpoint.serializer_class.Meta.fields)
    return OpenApiParameter(
        FIELDS_PARAM,
        OpenApiTypes.STR,
        description=f"Comma-separated subset of fields to return. Available: {names}.",
    )


def build_viewset(endpoint):
    """A ContentViewSet subclass for one registered endpoint, documented for OpenAPI."""
    tag = endpoint.tag or endpoint.prefix
    detail_parameters = [
        OpenApiParameter(
            "lookup",
            OpenApiTypes.STR,
            OpenApiParameter.PATH,
            description="Numeric id, or the slug (a purely numeric slug is read as id).",
        ),
        _fields_parameter(endpoint),
    ]
    if is_previewable(endpoint.model):
        detail_parameters.append(
            OpenApiParameter(
                PREVIEW_PARAM,
                OpenApiTypes.STR,
                description=(
                    "Signed draft preview token from the admin; serves exactly that draft "
                    "revision of this object (never cached)."
                ),
            )
        )
    viewset = type(
        f"{endpoint.model.__name__}ApiViewSet",
        (ContentViewSet,),
        {
            "endpoint": endpoint,
            "queryset": endpoint.model.objects.none(),
            "serializer_class": endpoint.serializer_class,
            "filterset_class": endpoint.filterset_class,
            "__doc__": endpoint.description or endpoint.model.__doc__,
        },
    )
    return extend_schema_view(
        list=extend_schema(
            tags=[tag],
            parameters=[_fields_parameter(endpoint)],
            description=f"Published {endpoint.model._meta.verbose_name_plural}. "
            + (endpoint.description or ""),
        ),
        retrieve=extend_schema(tags=[tag], parameters=detail_parameters),
    )(viewset)

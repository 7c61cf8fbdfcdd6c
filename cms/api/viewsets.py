"""The base of every JSON endpoint of BEN: content endpoints, plugin endpoints and feeds.

ApiViewSet owns what all of them share: API keys, rate limits, the unknown-parameter check,
problem+json errors, the language of messages, the caching headers and, for an endpoint that
declares what it shows (``shows``), its surrogate keys and the response cache. ContentViewSet adds
what a registered content type gets (cms.api.registry): the publication rule, list and
detail by id or slug, ?fields=, pagination, filters, draft previews and the response cache.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.template.response import SimpleTemplateResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import mixins
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.viewsets import GenericViewSet

from cms.core.publication import is_previewable

from .authentication import ApiKeyAuthentication, key_from_request
from .caching import (
    SURROGATE_KEY_HEADERS,
    all_labels,
    cache_labels,
    cached_response,
    declare,
    generations,
    make_private,
    object_key,
    shown_labels,
    surrogate_keys,
    tag,
    uncached_private_response,
    with_etag,
)
from .errors import problem_exception_handler
from .filters.base import ASCII_DIGITS, parse_natural_number
from .language import DEVELOPER_LANGUAGE, requested_language
from .pagination import ContentPagination
from .preview import preview_object
from .publication import page_is_published_for_request, published_for_request
from .registry import registry
from .schema import ContentSchema
from .throttling import AnonymousRateThrottle, ClientRateThrottle

FIELDS_PARAM = "fields"
PREVIEW_PARAM = "preview_token"
PAGINATION_PARAMS = frozenset({"limit", "offset"})
NUL = "\x00"


class ApiViewSet(GenericViewSet):
    """Read-only JSON (or feed) endpoint: keys, limits, errors, language and caching headers.

    A subclass lists the query parameters it understands in ``known_query_parameters``;
    any other parameter is a 400 naming it, so a typo is never silently ignored, and so is
    an empty value (``?ordering=``), which filters would otherwise skip without a word.
    """

    authentication_classes = [ApiKeyAuthentication]
    permission_classes = [AllowAny]
    throttle_classes = [AnonymousRateThrottle, ClientRateThrottle]
    renderer_classes = [JSONRenderer]
    known_query_parameters: frozenset[str] = frozenset()
    #: Language of messages when the request has no Accept-Language it could be answered in:
    #: "en" for developer-facing endpoints, "de" for citizen-facing ones.
    default_language = DEVELOPER_LANGUAGE
    #: The model whose plugin owns this endpoint, for availability checks (None: no model).
    model = None
    #: Set by registry.register for registered endpoints.
    prefix = None
    #: What the responses show, for the caches: models whose publication changes alter them
    #: and content labels of the plugin's own (``"<app label>.<name>"``, marked changed with
    #: ``cms.api.changes.changed``). A public response carries exactly their surrogate keys;
    #: without a declaration it carries every key of the content API.
    shows: tuple = ()
    #: Parameters whose meaning changes with the clock (cached per minute only).
    time_sensitive_params: tuple[str, ...] = ()
    #: Whether today's date decides what is shown (expired offers, awardees from the day after
    #: the award): cached per day, so the answer changes at midnight (Berlin).
    date_sensitive = False

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        declare(cls.shows)

    @classmethod
    def cache_labels(cls) -> tuple[str, ...]:
        """The generation labels of what this endpoint shows (``shows``)."""
        return shown_labels(cls.shows)

    def dispatch(self, request, *args, **kwargs):
        language = requested_language(request, self.default_language)
        with translation.override(language):
            response = super().dispatch(request, *args, **kwargs)
            if isinstance(response, SimpleTemplateResponse):
                response.render()  # while the request's language is active
        if response.status_code == 200 and not response.has_header("ETag"):
            response = with_etag(request, response)
        response["Content-Language"] = language
        patch_vary_headers(response, ["Accept-Language"])
        self.set_shared_caching(request, response)
        return response

    def set_shared_caching(self, request, response) -> None:
        """What a shared cache (Varnish, a CDN) may keep, and under which surrogate keys.

        Errors and answers to an API key (its own limits, its own rate-limit headers) are
        private; a public answer names what it shows, so a purge of those keys removes it.
        """
        if response.status_code >= 400 or key_from_request(request) is not None:
            make_private(response)
        elif response.get("Cache-Control", "").startswith("public") and not any(
            response.has_header(header) for header in SURROGATE_KEY_HEADERS
        ):
            tag(response, self.surrogate_keys())

    def surrogate_keys(self) -> tuple[str, ...]:
        """What this response shows; without a declaration (``shows``, ``cache_labels``)
        that is everything the content API shows, so any change purges it (the API root)."""
        return surrogate_keys(self.cache_labels() or all_labels())

    def cached(self, request, build):
        """Serve ``build()`` (a DRF Response) from the response cache while none of what the
        endpoint ``shows`` has changed (and, if ``date_sensitive``, the day is the same)."""
        if not self.cache_labels():
            raise TypeError(f"{type(self).__name__} must declare what it shows to be cached.")
        return cached_response(self, request, build)

    def get_exception_handler(self):
        return problem_exception_handler

    def finalize_response(self, request, response, *args, **kwargs):
        """Errors are problem+json whatever format the endpoint renders otherwise."""
        response = super().finalize_response(request, response, *args, **kwargs)
        if getattr(response, "exception", False):
            response.accepted_renderer = JSONRenderer()
            response.accepted_media_type = JSONRenderer.media_type
        return response

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if not registry.is_available(type(self), request):
            raise NotFound()
        if any(NUL in str(value) for value in kwargs.values()):
            raise NotFound()  # no slug or id holds one, and PostgreSQL refuses it in a query
        self.check_query_parameters(request)

    def allowed_query_parameters(self) -> frozenset[str]:
        return self.known_query_parameters

    def check_query_parameters(self, request) -> None:
        unknown = sorted(set(request.query_params) - self.allowed_query_parameters())
        if unknown:
            message = _("Unknown query parameter for this endpoint.")
            raise ValidationError({name: [message] for name in unknown})
        problems = {}
        for name, values in request.query_params.lists():
            if any(NUL in value for value in values):
                problems[name] = [_("Null characters are not allowed.")]
            elif not all(values):
                problems[name] = [_("Empty value; leave the parameter out instead.")]
        if problems:
            raise ValidationError(problems)

    # --- the publication rule, for endpoints that build their own responses (feeds) -------

    def published(self, queryset):
        """What the public may see of ``queryset`` (cms.core.publication, cached per tree)."""
        return published_for_request(queryset, self.request)

    def page_is_published(self, page) -> bool:
        return page_is_published_for_request(page, self.request)

    @staticmethod
    def content_generations(*models) -> dict[str, int]:
        """The current generations of these models and of the page tree: they change with
        every publication change, so a value built from them can be cached under them."""
        return generations(cache_labels(*models))


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


class ContentViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ApiViewSet):
    """List and detail of a registered content type; a subclass names what is specific::

    class EventViewSet(ContentViewSet):
        model = EventPage
        serializer_class = EventSerializer
        filterset_class = EventFilterSet
        ordering = ("start", "pk")
    """

    serializer_class = None
    filterset_class = None
    ordering: tuple[str, ...] = ("-last_published_at",)
    select_related: tuple[str, ...] = ()
    prefetch_related: tuple = ()
    #: Further models whose changes alter this endpoint's output (e.g. the organiser club).
    depends_on: tuple = ()
    #: OpenAPI tag; the prefix if empty.
    tag = ""

    known_query_parameters = frozenset({FIELDS_PARAM})
    pagination_class = ContentPagination
    filter_backends = [RememberingFilterBackend]
    lookup_url_kwarg = "lookup"
    lookup_value_regex = r"[^/]+"
    filterset = None
    schema = ContentSchema()

    @classmethod
    def cache_labels(cls) -> tuple[str, ...]:
        return cache_labels(cls.model, *cls.depends_on)

    def surrogate_keys(self) -> tuple[str, ...]:
        """The labels' keys; a detail also its object's (``clubs-19``), which BEN never purges
        itself (a change purges its whole content type) but an operator may purge by hand."""
        keys = surrogate_keys(self.cache_labels())
        shown = getattr(self, "shown_object", None)
        if shown is None or self.prefix is None:
            return keys
        return (*keys, object_key(self.prefix, shown.pk))

    # --- request validation -------------------------------------------------------------

    def allowed_query_parameters(self) -> frozenset[str]:
        allowed = self.known_query_parameters
        if self.action == "list":
            filters = self.filterset_class.base_filters if self.filterset_class else {}
            return allowed | PAGINATION_PARAMS | set(filters)
        if is_previewable(self.model):
            return allowed | {PREVIEW_PARAM}
        return allowed

    def check_query_parameters(self, request) -> None:
        super().check_query_parameters(request)
        self.selected_fields = self.parse_fields(request.query_params.get(FIELDS_PARAM))

    def parse_fields(self, raw):
        if raw is None:
            return None
        names = [name.strip() for name in raw.split(",") if name.strip()]
        available = self.serializer_class.Meta.fields
        unknown = [name for name in names if name not in available]
        if not names or unknown:
            message = _("Unknown field(s) %(unknown)s; available: %(available)s.") % {
                "unknown": ", ".join(unknown) or _("(none given)"),
                "available": ", ".join(available),
            }
            raise ValidationError({FIELDS_PARAM: [message]})
        return names

    # --- data ----------------------------------------------------------------------------

    def get_base_queryset(self):
        """Every object of the model, unfiltered; override to annotate or join."""
        queryset = self.model.objects.all()
        if self.select_related:
            queryset = queryset.select_related(*self.select_related)
        if self.prefetch_related:
            queryset = queryset.prefetch_related(*self.prefetch_related)
        return queryset

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # OpenAPI generation reads the model
            return self.model.objects.none()
        return self.published(self.get_base_queryset()).order_by(*self.ordering)

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["fields"] = getattr(self, "selected_fields", None)
        context["occurrence_window"] = getattr(self.filterset, "occurrence_window", None)
        return context

    def get_object(self):
        lookup = self.kwargs[self.lookup_url_kwarg]
        token = self.request.query_params.get(PREVIEW_PARAM)
        if token is not None:
            return preview_object(self.get_base_queryset(), lookup, token)
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
            raise NotFound(
                _("No %(prefix)s item with id or slug %(lookup)r.")
                % {"prefix": self.prefix, "lookup": lookup}
            )
        if len(matches) > 1:
            message = _("The slug %(lookup)r is ambiguous here; use the numeric id.")
            raise ValidationError({"lookup": [message % {"lookup": lookup}]})
        self.shown_object = matches[0]
        return self.shown_object

    # --- responses -----------------------------------------------------------------------

    def list(self, request, *args, **kwargs):
        return cached_response(self, request, lambda: super(ContentViewSet, self).list(request))

    def retrieve(self, request, *args, **kwargs):
        if PREVIEW_PARAM in request.query_params:
            response = super().retrieve(request, *args, **kwargs)
            return uncached_private_response(self, request, response)
        return cached_response(self, request, lambda: super(ContentViewSet, self).retrieve(request))

"""Feed endpoints. They serve what the content API serves: its publication rule
(cms.api.publication), its ETags and cache headers (cms.api.caching), its problem details."""

import hashlib

from django.core.cache import cache
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Count, Max
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import get_conditional_response
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from cms.api.access import AnonymousRateThrottle, ApiKeyAuthentication, ClientRateThrottle
from cms.api.caching import generations, public_cache_control, strong_etag
from cms.api.errors import problem_exception_handler, unknown_parameters_response
from cms.api.filters.base import parse_natural_number
from cms.api.publication import page_is_published_for_request, published_for_request
from cms.api.registry import STRUCTURE_LABEL, model_label
from cms.core.sites import site_for_request
from cms.pages.models import BenefitPartnerPage, ClubPage, EventPage
from cms.snippets.models import Category

from . import geojson, ical, jsonld

#: Whose publication changes a calendar: its events, their organisers and categories.
CALENDAR_LABELS = (*map(model_label, (EventPage, ClubPage, Category)), STRUCTURE_LABEL)
#: Server-side lifetime of a built calendar; publication changes replace it at once.
CALENDAR_CACHE_SECONDS = 3600


def live_events(request):
    return (
        published_for_request(EventPage.objects.in_site(site_for_request(request)), request)
        .select_related("organiser")
        .prefetch_related("exception_dates", "categories")
        .order_by("start", "pk")
    )


def live_clubs(request):
    clubs = published_for_request(ClubPage.objects.in_site(site_for_request(request)), request)
    return clubs.prefetch_related("categories").order_by("title")


def live_partners(request):
    """Published partners, which leaves out expired offers (see cms.api.publication)."""
    partners = BenefitPartnerPage.objects.in_site(site_for_request(request))
    return published_for_request(partners, request).order_by("title")


def public_organiser(event, request):
    """The organiser, unless that club is not published (then it is not named anywhere)."""
    return event.organiser if page_is_published_for_request(event.organiser, request) else None


def unknown_parameters(request) -> list[str]:
    """Feeds take no query parameters; a given one must not be silently ignored."""
    return sorted(request.GET)


def with_etag(request, response):
    """The content API's strong ETag and cache headers; 304 if the client is current."""
    etag = strong_etag(response.content)
    response = get_conditional_response(request, etag=etag, response=response) or response
    response["ETag"] = etag
    response["Cache-Control"] = public_cache_control()
    return response


def calendar_response(request, events, name: str, filename: str):
    """All feeds show the content of the site the request is for."""
    if unknown := unknown_parameters(request):
        return unknown_parameters_response(unknown)
    response = HttpResponse(
        cached_calendar(request, events, name), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return with_etag(request, response)


def cached_calendar(request, events, name: str) -> bytes:
    """The calendar, rebuilt only when something it shows changes.

    Serialising RFC 5545 costs about a millisecond per event. The content API's generations
    change with every publication change of events, clubs (organisers), categories and the
    page tree; the aggregate catches changes made without signals (bulk updates).
    """
    state = events.order_by().aggregate(count=Count("pk"), latest=Max("last_published_at"))
    current = sorted(generations(CALENDAR_LABELS).items())
    fingerprint = (
        f"{request.get_host()}|{request.path}|{name}|{state['count']}|{state['latest']}|{current}"
    )
    key = f"ben_feeds:ics:{hashlib.sha256(fingerprint.encode()).hexdigest()}"
    content = cache.get(key)
    if content is None:
        content = ical.build_calendar(
            events, name, organiser_of=lambda event: public_organiser(event, request)
        )
        cache.set(key, content, CALENDAR_CACHE_SECONDS)
    return content


def all_events_ics(request):
    return calendar_response(
        request, live_events(request), "Bitburger Engagement Netz – Veranstaltungen", "ben.ics"
    )


def club_events_ics(request, slug):
    club = get_object_or_404(live_clubs(request), slug=slug)
    events = live_events(request).filter(organiser=club)
    return calendar_response(request, events, f"{club.title} – Veranstaltungen", f"{slug}.ics")


def category_events_ics(request, slug):
    category = get_object_or_404(Category, slug=slug)
    events = live_events(request).filter(categories=category).distinct()
    name = f"Bitburger Engagement Netz – {category.name}"
    return calendar_response(request, events, name, f"{slug}.ics")


# Each also answers as plain application/json (Accept header or ?format=json).
GEOJSON_RESPONSES = {
    (200, "application/geo+json"): OpenApiTypes.OBJECT,
    (200, "application/json"): OpenApiTypes.OBJECT,
}
JSONLD_RESPONSES = {
    (200, "application/ld+json"): OpenApiTypes.OBJECT,
    (200, "application/json"): OpenApiTypes.OBJECT,
}


class GeoJSONRenderer(JSONRenderer):
    media_type = "application/geo+json"
    format = "geojson"


class JSONLDRenderer(JSONRenderer):
    media_type = "application/ld+json"
    format = "jsonld"


class FeedView(APIView):
    """Read-only, anonymous, parameterless; rate limits, API keys and problem details of
    the content API; cacheable like the rest of the API."""

    authentication_classes = [ApiKeyAuthentication]
    permission_classes = [AllowAny]
    throttle_classes = [AnonymousRateThrottle, ClientRateThrottle]
    schema = AutoSchema()  # drf-spectacular's, whatever DEFAULT_SCHEMA_CLASS says

    def get_exception_handler(self):
        return problem_exception_handler

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if unknown := [name for name in unknown_parameters(request) if name != "format"]:
            raise ValidationError({name: ["Unbekannter Parameter."] for name in unknown})

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code != 200:
            return response
        return with_etag(request, response.render())


@extend_schema(
    responses=GEOJSON_RESPONSES,
    summary="Vereine als GeoJSON-FeatureCollection (nur mit Koordinaten)",
)
class ClubsGeoJSON(FeedView):
    renderer_classes = [GeoJSONRenderer, JSONRenderer]

    def get(self, request):
        site = site_for_request(request)
        clubs = geojson.feature_collection(live_clubs(request), geojson.club_properties, site)
        return Response(clubs)


@extend_schema(
    responses=GEOJSON_RESPONSES,
    summary="Vorteilspartner mit gültigem Angebot als GeoJSON-FeatureCollection",
)
class PartnersGeoJSON(FeedView):
    renderer_classes = [GeoJSONRenderer, JSONRenderer]

    def get(self, request):
        site = site_for_request(request)
        partners = live_partners(request)
        return Response(geojson.feature_collection(partners, geojson.partner_properties, site))


class JSONLDView(FeedView):
    renderer_classes = [JSONLDRenderer, JSONRenderer]
    objects = None

    def get(self, request, pk):
        try:
            pk = parse_natural_number(pk)
        except DjangoValidationError as error:  # beyond the database's range, as in /api/v1/
            raise ValidationError({"pk": error.messages}) from error
        obj = get_object_or_404(type(self).objects(request), pk=pk)
        return Response(self.serialize(obj, request))

    def serialize(self, obj, request) -> dict:
        raise NotImplementedError


@extend_schema(
    responses=JSONLD_RESPONSES,
    summary="Veranstaltung als schema.org Event (JSON-LD)",
)
class EventJSONLD(JSONLDView):
    objects = staticmethod(live_events)

    def serialize(self, event, request):
        organiser = public_organiser(event, request)
        return jsonld.event_jsonld(event, site_for_request(request), organiser)


@extend_schema(
    responses=JSONLD_RESPONSES,
    summary="Verein als schema.org Organization (JSON-LD)",
)
class ClubJSONLD(JSONLDView):
    objects = staticmethod(live_clubs)

    def serialize(self, club, request):
        return jsonld.organization_jsonld(club, site_for_request(request))


@extend_schema(
    responses=JSONLD_RESPONSES,
    summary="Vorteilspartner als schema.org LocalBusiness mit Angebot (JSON-LD)",
)
class PartnerJSONLD(JSONLDView):
    objects = staticmethod(live_partners)

    def serialize(self, partner, request):
        return jsonld.local_business_jsonld(partner, site_for_request(request))

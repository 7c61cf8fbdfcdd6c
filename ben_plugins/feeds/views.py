"""Feed endpoints. Everything served here is live and public; drafts never appear."""

import hashlib

from django.core.cache import cache
from django.db.models import Count, Max
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.timezone import localdate
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from ben_plugins.core.activation import site_for_request
from ben_plugins.core.problems import problem_response
from cms.api.access import AnonymousRateThrottle, ApiKeyAuthentication, ClientRateThrottle
from cms.api.errors import problem_exception_handler
from cms.pages.models import BenefitPartnerPage, ClubPage, EventPage
from cms.snippets.models import Category

from . import geojson, ical, jsonld

FEED_MAX_AGE = 300


def live_events(site):
    return (
        EventPage.objects.live()
        .public()
        .in_site(site)
        .select_related("organiser")
        .prefetch_related("exception_dates", "categories")
        .order_by("start", "pk")
    )


def live_clubs(site):
    return (
        ClubPage.objects.live()
        .public()
        .in_site(site)
        .prefetch_related("categories")
        .order_by("title")
    )


def live_partners(site):
    return BenefitPartnerPage.objects.live().public().in_site(site).order_by("title")


def unknown_parameters(request) -> list[str]:
    """Feeds take no query parameters; a given one must not be silently ignored."""
    return sorted(request.GET)


def with_etag(request, response):
    """Strong ETag over the body and CDN-friendly caching; 304 if the client is current."""
    etag = f'"{hashlib.sha256(response.content).hexdigest()}"'
    response = get_conditional_response(request, etag=etag, response=response) or response
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=FEED_MAX_AGE)
    return response


def calendar_response(request, events, name: str, filename: str):
    """All feeds show the content of the site the request is for."""
    if unknown := unknown_parameters(request):
        return problem_response(
            400,
            "Ungültige Anfrage",
            f"Unbekannte Parameter: {', '.join(unknown)}. Kalender-Feeds haben keine Parameter.",
        )
    response = HttpResponse(
        cached_calendar(request, events, name), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return with_etag(request, response)


def cached_calendar(request, events, name: str) -> bytes:
    """The calendar, rebuilt only when its events change (or after FEED_MAX_AGE).

    Serialising RFC 5545 costs about a millisecond per event; one aggregate query tells
    whether anything was published, unpublished or deleted since the last build. Changes
    that do not republish an event (a renamed category or organiser) show within
    FEED_MAX_AGE seconds.
    """
    state = events.order_by().aggregate(count=Count("pk"), latest=Max("last_published_at"))
    fingerprint = f"{request.get_host()}|{request.path}|{name}|{state['count']}|{state['latest']}"
    key = f"ben_feeds:ics:{hashlib.sha256(fingerprint.encode()).hexdigest()}"
    content = cache.get(key)
    if content is None:
        content = ical.build_calendar(events, name)
        cache.set(key, content, FEED_MAX_AGE)
    return content


def all_events_ics(request):
    events = live_events(site_for_request(request))
    return calendar_response(
        request, events, "Bitburger Engagement Netz – Veranstaltungen", "ben.ics"
    )


def club_events_ics(request, slug):
    site = site_for_request(request)
    club = get_object_or_404(live_clubs(site), slug=slug)
    events = live_events(site).filter(organiser=club)
    return calendar_response(request, events, f"{club.title} – Veranstaltungen", f"{slug}.ics")


def category_events_ics(request, slug):
    category = get_object_or_404(Category, slug=slug)
    events = live_events(site_for_request(request)).filter(categories=category).distinct()
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
        clubs = geojson.feature_collection(live_clubs(site), geojson.club_properties, site)
        return Response(clubs)


@extend_schema(
    responses=GEOJSON_RESPONSES,
    summary="Vorteilspartner mit gültigem Angebot als GeoJSON-FeatureCollection",
)
class PartnersGeoJSON(FeedView):
    renderer_classes = [GeoJSONRenderer, JSONRenderer]

    def get(self, request):
        site = site_for_request(request)
        current = live_partners(site).exclude(valid_until__lt=localdate())
        return Response(geojson.feature_collection(current, geojson.partner_properties, site))


class JSONLDView(FeedView):
    renderer_classes = [JSONLDRenderer, JSONRenderer]
    objects = None
    serialize = None

    def get(self, request, pk):
        site = site_for_request(request)
        obj = get_object_or_404(type(self).objects(site), pk=pk)
        return Response(type(self).serialize(obj, site))


@extend_schema(
    responses=JSONLD_RESPONSES,
    summary="Veranstaltung als schema.org Event (JSON-LD)",
)
class EventJSONLD(JSONLDView):
    objects = staticmethod(live_events)
    serialize = staticmethod(jsonld.event_jsonld)


@extend_schema(
    responses=JSONLD_RESPONSES,
    summary="Verein als schema.org Organization (JSON-LD)",
)
class ClubJSONLD(JSONLDView):
    objects = staticmethod(live_clubs)
    serialize = staticmethod(jsonld.organization_jsonld)


@extend_schema(
    responses=JSONLD_RESPONSES,
    summary="Vorteilspartner als schema.org LocalBusiness mit Angebot (JSON-LD)",
)
class PartnerJSONLD(JSONLDView):
    objects = staticmethod(live_partners)
    serialize = staticmethod(jsonld.local_business_jsonld)

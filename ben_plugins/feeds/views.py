"""Feed endpoints. They go through the content API's base (cms.api.viewsets.ApiViewSet): its
API keys, rate limits, problem details, language rule, ETags and cache headers, and its
publication rule, so a feed shows exactly what the content API shows."""

import hashlib

from django.core.cache import cache
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Count, Max
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from cms.api.filters.base import parse_natural_number
from cms.api.viewsets import ApiViewSet
from cms.core.sites import site_for_request
from cms.pages.models import BenefitPartnerPage, ClubPage, EventPage
from cms.snippets.models import Category, NewsItem

from . import geojson, ical, jsonld, syndication

#: Server-side lifetime of a built calendar; publication changes replace it at once.
CALENDAR_CACHE_SECONDS = 3600
NEWS_FEED_SIZE = 50


class FeedViewSet(ApiViewSet):
    """What the public may see of the request's site, for every feed."""

    def live_events(self):
        events = EventPage.objects.in_site(site_for_request(self.request))
        return (
            self.published(events)
            .select_related("organiser")
            .prefetch_related("exception_dates", "categories")
            .order_by("start", "pk")
        )

    def live_clubs(self):
        clubs = ClubPage.objects.in_site(site_for_request(self.request))
        return self.published(clubs).prefetch_related("categories").order_by("title")

    def live_partners(self):
        """Published partners, which leaves out expired offers (see cms.core.publication)."""
        partners = BenefitPartnerPage.objects.in_site(site_for_request(self.request))
        return self.published(partners).order_by("title")

    def public_organiser(self, event):
        """The organiser, unless that club is not published (then it is not named anywhere)."""
        return event.organiser if self.page_is_published(event.organiser) else None


class DocumentFeedViewSet(FeedViewSet):
    """A document in a format of its own (iCalendar, RSS, Atom): calendar apps and feed
    readers get it whatever their Accept header names; errors stay problem+json."""

    def perform_content_negotiation(self, request, force=False):
        return super().perform_content_negotiation(request, force=True)


@extend_schema(exclude=True)
class CalendarViewSet(DocumentFeedViewSet):
    """RFC 5545 calendar of the events ``events(**url_kwargs)`` selects."""

    shows = (EventPage, ClubPage, Category)  # events, their organisers and categories

    def list(self, request, **url_kwargs):
        events, name, filename = self.calendar(**url_kwargs)
        response = HttpResponse(
            self.cached_calendar(events, name), content_type="text/calendar; charset=utf-8"
        )
        response["Content-Disposition"] = f'inline; filename="{filename}"'
        return response

    def calendar(self, **url_kwargs):
        """(events, calendar name, file name)."""
        raise NotImplementedError

    def cached_calendar(self, events, name: str) -> bytes:
        """The calendar, rebuilt only when something it shows changes.

        Serialising RFC 5545 costs about a millisecond per event. The content API's
        generations change with every publication change of events, clubs (organisers),
        categories and the page tree; the aggregate catches changes made without signals
        (bulk updates).
        """
        state = events.order_by().aggregate(count=Count("pk"), latest=Max("last_published_at"))
        current = sorted(self.content_generations(*self.shows).items())
        request = self.request
        fingerprint = (
            f"{request.get_host()}|{request.path}|{name}|{state['count']}|{state['latest']}|"
            f"{current}"
        )
        key = f"ben_feeds:ics:{hashlib.sha256(fingerprint.encode()).hexdigest()}"
        content = cache.get(key)
        if content is None:
            content = ical.build_calendar(events, name, organiser_of=self.public_organiser)
            cache.set(key, content, CALENDAR_CACHE_SECONDS)
        return content


class AllEventsCalendar(CalendarViewSet):
    def calendar(self):
        return self.live_events(), "Bitburger Engagement Netz – Veranstaltungen", "ben.ics"


class ClubEventsCalendar(CalendarViewSet):
    def calendar(self, slug):
        club = get_object_or_404(self.live_clubs(), slug=slug)
        events = self.live_events().filter(organiser=club)
        return events, f"{club.title} – Veranstaltungen", f"{slug}.ics"


class CategoryEventsCalendar(CalendarViewSet):
    def calendar(self, slug):
        category = get_object_or_404(Category, slug=slug)
        events = self.live_events().filter(categories=category).distinct()
        return events, f"Bitburger Engagement Netz – {category.name}", f"{slug}.ics"


@extend_schema(exclude=True)
class NewsFeedViewSet(DocumentFeedViewSet):
    """The latest published news of clubs on the request's site."""

    feed_class = syndication.NewsRssFeed
    shows = (NewsItem, ClubPage, Category)  # news, their clubs and categories

    def list(self, request):
        site = site_for_request(request)
        news = NewsItem.objects.filter(club__path__startswith=site.root_page.path)
        items = list(
            self.published(news)
            .select_related("club")
            .prefetch_related("categories")
            .order_by("-first_published_at", "-pk")[:NEWS_FEED_SIZE]
        )
        return self.feed_class(items, site, request)(request)


class AtomNewsFeedViewSet(NewsFeedViewSet):
    feed_class = syndication.NewsAtomFeed


class GeoJSONRenderer(JSONRenderer):
    media_type = "application/geo+json"
    format = "geojson"


HTML_SENSITIVE = ((b"<", b"\\u003c"), (b">", b"\\u003e"), (b"&", b"\\u0026"))


class EmbeddableJSONRenderer(JSONRenderer):
    """JSON that can be pasted into an inline <script type="application/ld+json">: "<", ">"
    and "&" (which only occur inside strings) are written as \\u003c, \\u003e, \\u0026, so a
    title such as "</script><script>…" cannot end the script element."""

    def render(self, data, accepted_media_type=None, renderer_context=None):
        rendered = super().render(data, accepted_media_type, renderer_context)
        for character, escaped in HTML_SENSITIVE:
            rendered = rendered.replace(character, escaped)
        return rendered


class JSONLDRenderer(EmbeddableJSONRenderer):
    media_type = "application/ld+json"
    format = "jsonld"


FORMAT_PARAMETER = "format"


def json_feed_schema(renderer, summary: str, *parameters):
    """Each JSON feed also answers as plain application/json (Accept or ?format=json)."""
    return extend_schema(
        summary=summary,
        responses={
            (200, renderer.media_type): OpenApiTypes.OBJECT,
            (200, JSONRenderer.media_type): OpenApiTypes.OBJECT,
        },
        parameters=[
            OpenApiParameter(
                FORMAT_PARAMETER,
                OpenApiTypes.STR,
                enum=[renderer.format, JSONRenderer.format],
                description="Response format, instead of asking for it with the Accept header.",
            ),
            *parameters,
        ],
    )


class GeoJSONViewSet(FeedViewSet):
    """GeoJSON (RFC 7946) FeatureCollection of what ``objects()`` lists, with coordinates."""

    renderer_classes = [GeoJSONRenderer, JSONRenderer]
    known_query_parameters = frozenset({FORMAT_PARAMETER})
    objects = None  # a FeedViewSet method listing what the map shows
    properties = None  # object -> its feature's properties besides name and address

    def list(self, request):
        site = site_for_request(request)
        features = geojson.feature_collection(self.objects(), type(self).properties, site)
        return Response(features)


@json_feed_schema(GeoJSONRenderer, "Clubs as a GeoJSON FeatureCollection (with coordinates)")
class ClubsGeoJSON(GeoJSONViewSet):
    shows = (ClubPage, Category)
    objects = FeedViewSet.live_clubs
    properties = staticmethod(geojson.club_properties)


@json_feed_schema(GeoJSONRenderer, "Benefit partners with a current offer as GeoJSON")
class PartnersGeoJSON(GeoJSONViewSet):
    shows = (BenefitPartnerPage,)
    objects = FeedViewSet.live_partners
    properties = staticmethod(geojson.partner_properties)


class JSONLDViewSet(FeedViewSet):
    """schema.org JSON-LD of one published object of ``objects()``."""

    renderer_classes = [JSONLDRenderer, EmbeddableJSONRenderer]
    known_query_parameters = frozenset({FORMAT_PARAMETER})
    objects = None  # a FeedViewSet method listing what may be described

    def retrieve(self, request, pk):
        try:
            pk = parse_natural_number(pk)
        except DjangoValidationError as error:  # beyond the database's range, as in /api/v1/
            raise ValidationError({"pk": error.messages}) from error
        obj = get_object_or_404(self.objects(), pk=pk)
        return Response(self.serialize(obj, site_for_request(request)))

    def serialize(self, obj, site) -> dict:
        raise NotImplementedError


def json_ld_schema(summary: str):
    described = OpenApiParameter(
        "id",
        OpenApiTypes.INT,
        OpenApiParameter.PATH,
        description="Id of the published object (as in the content API).",
    )
    return json_feed_schema(JSONLDRenderer, summary, described)


@json_ld_schema("Event as schema.org Event (JSON-LD)")
class EventJSONLD(JSONLDViewSet):
    shows = (EventPage, ClubPage, Category)  # the event, its organiser, its categories
    objects = FeedViewSet.live_events

    def serialize(self, event, site):
        return jsonld.event_jsonld(event, site, self.public_organiser(event))


@json_ld_schema("Club as schema.org Organization (JSON-LD)")
class ClubJSONLD(JSONLDViewSet):
    shows = (ClubPage, Category)
    objects = FeedViewSet.live_clubs

    def serialize(self, club, site):
        return jsonld.organization_jsonld(club, site)


@json_ld_schema("Benefit partner as schema.org LocalBusiness with offer")
class PartnerJSONLD(JSONLDViewSet):
    shows = (BenefitPartnerPage,)
    objects = FeedViewSet.live_partners

    def serialize(self, partner, site):
        return jsonld.local_business_jsonld(partner, site)

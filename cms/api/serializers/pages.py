"""Serializers of the page types (clubs, events, benefit partners, strategy chapters)."""

from urllib.parse import urlencode

from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cms.pages.models import (
    LISTED_OCCURRENCES,
    BenefitPartnerPage,
    ClubPage,
    EventPage,
    StrategyChapterPage,
)

from .base import PageSerializer, PublishedClubField
from .fields import (
    AddressSerializer,
    ChoiceField,
    ContactSerializer,
    ImageSerializer,
    RichTextHTMLField,
    StreamFieldSerializer,
    TermSerializer,
    api_detail_url,
)


class ClubSerializer(PageSerializer):
    kind = ChoiceField()
    categories = TermSerializer(many=True)
    description = RichTextHTMLField()
    logo = ImageSerializer(allow_null=True)
    address = AddressSerializer(source="*")
    contact = ContactSerializer(source="*")

    class Meta:
        model = ClubPage
        fields = (
            *PageSerializer.page_fields,
            "kind",
            "categories",
            "description",
            "logo",
            "address",
            "contact",
            "meeting_times",
            "languages",
            "accessibility",
            "founded_year",
            "seeks_volunteers",
        )


#: The query parameters of a date window, which a list's `occurrences_url` passes on.
WINDOW_PARAMS = ("from", "to", "upcoming")


class OccurrenceSerializer(serializers.Serializer):
    start = serializers.DateTimeField()
    end = serializers.DateTimeField()


class EventSerializer(PageSerializer):
    description = RichTextHTMLField()
    exception_dates = serializers.SerializerMethodField(
        help_text="Days on which a recurring event does not take place (EXDATE)."
    )
    occurrences = serializers.SerializerMethodField(
        help_text=(
            "Concrete occurrences inside the requested date window (from/to or upcoming), "
            "recurrences expanded and exception dates removed, soonest first; null without "
            "a window. A window without `to` lists those in its first 366 days, or else the "
            f"next one. A list carries at most {LISTED_OCCURRENCES} per event (the soonest); "
            "`occurrence_count` says how many the window holds and `occurrences_url` gives "
            "the event's detail with the same window, which lists them all."
        )
    )
    occurrence_count = serializers.SerializerMethodField(
        help_text=(
            "How many occurrences the requested date window holds for this event (all of "
            "them are in `occurrences` of the event's detail with that window); null "
            "without a window."
        )
    )
    occurrences_url = serializers.SerializerMethodField(
        help_text=(
            "The event's detail with the same date window, which lists every occurrence in "
            "it; null without a window."
        )
    )
    address = AddressSerializer(source="*")
    organiser = PublishedClubField()
    categories = TermSerializer(many=True)
    target_groups = TermSerializer(many=True)

    class Meta:
        model = EventPage
        fields = (
            *PageSerializer.page_fields,
            "start",
            "end",
            "all_day",
            "recurrence_rule",
            "exception_dates",
            "occurrences",
            "occurrence_count",
            "occurrences_url",
            "description",
            "location_name",
            "address",
            "organiser",
            "categories",
            "target_groups",
            "price",
            "registration_url",
            "accessibility",
        )

    @extend_schema_field(serializers.ListField(child=serializers.DateField()))
    def get_exception_dates(self, event):
        return [exception.date.isoformat() for exception in event.exception_dates.all()]

    @extend_schema_field(OccurrenceSerializer(many=True, allow_null=True))
    def get_occurrences(self, event):
        listed = self._in_window(event)
        if listed is None:
            return None
        # What OccurrenceSerializer(many=True) gives (ISO 8601 in the current time zone),
        # without its per-item machinery: a daily event has 366 occurrences in a window.
        zone = timezone.get_current_timezone()
        return [
            {
                "start": occurrence.start.astimezone(zone).isoformat(),
                "end": occurrence.end.astimezone(zone).isoformat(),
            }
            for occurrence in listed[0]
        ]

    @extend_schema_field(serializers.IntegerField(allow_null=True, min_value=0))
    def get_occurrence_count(self, event):
        listed = self._in_window(event)
        return None if listed is None else listed[1]

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_occurrences_url(self, event):
        request = self.context.get("request")
        if self.context.get("occurrence_window") is None or request is None:
            return None
        url = api_detail_url(request, EventPage, event.pk)
        query = request.__dict__.get("_event_window_query")
        if query is None:  # once per request, not per listed event
            window = {name: request.GET[name] for name in WINDOW_PARAMS if name in request.GET}
            query = request.__dict__["_event_window_query"] = urlencode(window)
        return f"{url}?{query}" if url else None

    def _in_window(self, event):
        """(the listed occurrences, how many the window holds) or None without a window."""
        window = self.context.get("occurrence_window")
        if window is None:
            return None
        page = getattr(self.parent, "instance", None) or ()  # the listed events
        return window.occurrences(event, page)


class BenefitPartnerSerializer(PageSerializer):
    category = ChoiceField()
    description = RichTextHTMLField()
    address = AddressSerializer(source="*")
    contact = ContactSerializer(source="*")

    class Meta:
        model = BenefitPartnerPage
        fields = (
            *PageSerializer.page_fields,
            "category",
            "discount_de",
            "discount_en",
            "conditions",
            "valid_from",
            "valid_until",
            "description",
            "address",
            "contact",
        )


class StrategyChapterSerializer(PageSerializer):
    parent_chapter = serializers.SerializerMethodField(
        help_text="Id of the enclosing chapter (4 for 4.1), null for a top-level chapter."
    )
    body = StreamFieldSerializer()

    class Meta:
        model = StrategyChapterPage
        fields = (
            *PageSerializer.page_fields,
            "chapter_number",
            "parent_chapter",
            "lead",
            "body",
        )

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_parent_chapter(self, chapter):
        # Annotated by the endpoint's queryset (see cms.api.endpoints).
        return getattr(chapter, "parent_chapter_id", None)

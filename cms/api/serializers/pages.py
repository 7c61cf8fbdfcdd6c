"""Serializers of the page types (clubs, events, benefit partners, strategy chapters)."""

from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cms.pages.models import BenefitPartnerPage, ClubPage, EventPage, StrategyChapterPage

from .base import PageSerializer, PublishedClubField
from .fields import (
    AddressSerializer,
    ChoiceField,
    ContactSerializer,
    ImageSerializer,
    RichTextHTMLField,
    StreamFieldSerializer,
    TermSerializer,
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
            "recurrences expanded and exception dates removed; null without a window. A "
            "window without `to` lists those in its first 366 days, or else the next one."
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
        occurrences_of = self.context.get("occurrences_of")
        if occurrences_of is None:
            return None
        # What OccurrenceSerializer(many=True) gives (ISO 8601 in the current time zone),
        # without its per-item machinery: a daily event has 366 occurrences in a window,
        # which cost most of a listing's time.
        zone = timezone.get_current_timezone()
        page = getattr(self.parent, "instance", None) or ()  # the listed events
        return [
            {
                "start": occurrence.start.astimezone(zone).isoformat(),
                "end": occurrence.end.astimezone(zone).isoformat(),
            }
            for occurrence in occurrences_of(event, page)
        ]


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

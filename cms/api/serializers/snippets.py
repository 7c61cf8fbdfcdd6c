"""Serializers of moderated club content and of the taxonomy snippets."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cms.core.fields import LANGUAGE_CHOICES
from cms.snippets.models import (
    SUITABLE_FOR_CHOICES,
    Category,
    NewsItem,
    TargetGroup,
    TrainingOffer,
    VolunteerOpportunity,
)

from .base import ClubContentSerializer, ContentSerializer
from .fields import (
    AddressSerializer,
    ChoiceField,
    ImageSerializer,
    RichTextHTMLField,
    TermSerializer,
)


class NewsItemSerializer(ClubContentSerializer):
    body = RichTextHTMLField()
    image = ImageSerializer(allow_null=True)

    class Meta:
        model = NewsItem
        fields = (*ClubContentSerializer.club_content_fields, "teaser", "body", "image")


def choice_list(choices, help_text: str):
    """A MultipleChoiceJSONField: its stored values, documented as an enum."""
    return serializers.ListField(
        child=serializers.ChoiceField(choices=choices), read_only=True, help_text=help_text
    )


class VolunteerOpportunitySerializer(ClubContentSerializer):
    description = RichTextHTMLField()
    commitment_type = ChoiceField()
    hours_per_week = serializers.FloatField(
        read_only=True,
        allow_null=True,
        help_text="Approximate weekly hours as a number (time_commitment says it in words).",
    )
    target_groups = TermSerializer(many=True)
    suitable_for = choice_list(
        SUITABLE_FOR_CHOICES,
        "Who may volunteer: familien (families), jugendliche (young people), senioren (seniors).",
    )
    languages = choice_list(LANGUAGE_CHOICES, "Languages in which the opportunity can be done.")
    no_german_needed = serializers.BooleanField(
        read_only=True, help_text="The tasks can be done without any German."
    )
    accessible = serializers.BooleanField(
        read_only=True, help_text="Place and tasks are accessible to people with disabilities."
    )
    review_by = serializers.DateField(
        read_only=True,
        help_text="The opportunity is listed until this day unless its club confirms it again.",
    )
    address = AddressSerializer(source="*")
    distance_km = serializers.SerializerMethodField(
        help_text="Distance from `near` or `postcode` in km; null without either."
    )

    @extend_schema_field(serializers.FloatField(allow_null=True))
    def get_distance_km(self, opportunity):
        distance = getattr(opportunity, "distance_km", None)
        return None if distance is None else round(distance, 2)

    class Meta:
        model = VolunteerOpportunity
        fields = (
            *ClubContentSerializer.club_content_fields,
            "description",
            "tasks",
            "time_commitment",
            "hours_per_week",
            "commitment_type",
            "target_groups",
            "suitable_for",
            "skills",
            "languages",
            "no_german_needed",
            "accessible",
            "location_name",
            "address",
            "distance_km",
            "contact_name",
            "contact_email",
            "contact_phone",
            "review_by",
        )


class TrainingOfferSerializer(ClubContentSerializer):
    description = RichTextHTMLField()
    target_groups = TermSerializer(many=True)
    address = AddressSerializer(source="*")

    class Meta:
        model = TrainingOffer
        fields = (
            *ClubContentSerializer.club_content_fields,
            "description",
            "start",
            "end",
            "location_name",
            "address",
            "trainer",
            "costs",
            "max_participants",
            "registration_url",
            "target_groups",
        )


class CategorySerializer(ContentSerializer):
    class Meta:
        model = Category
        fields = ("id", "slug", "name", "description", "url")


class TargetGroupSerializer(ContentSerializer):
    class Meta:
        model = TargetGroup
        fields = ("id", "slug", "name", "description", "url")

"""Serializers of moderated club content and of the taxonomy snippets."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cms.snippets.models import Category, NewsItem, TargetGroup, TrainingOffer, VolunteerOpportunity

from .base import ClubContentSerializer, ContentSerializer
from .fields import (
    AddressSerializer,
    ChoiceSerializer,
    ImageSerializer,
    RichTextHTMLField,
    TermSerializer,
)
from .pages import choice


class NewsItemSerializer(ClubContentSerializer):
    body = RichTextHTMLField()
    image = ImageSerializer(allow_null=True)

    class Meta:
        model = NewsItem
        fields = (*ClubContentSerializer.club_content_fields, "teaser", "body", "image")


class VolunteerOpportunitySerializer(ClubContentSerializer):
    description = RichTextHTMLField()
    commitment_type = serializers.SerializerMethodField()
    target_groups = TermSerializer(many=True)
    address = AddressSerializer(source="*")

    class Meta:
        model = VolunteerOpportunity
        fields = (
            *ClubContentSerializer.club_content_fields,
            "description",
            "tasks",
            "time_commitment",
            "commitment_type",
            "target_groups",
            "skills",
            "languages",
            "location_name",
            "address",
            "contact_name",
            "contact_email",
            "contact_phone",
        )

    @extend_schema_field(ChoiceSerializer)
    def get_commitment_type(self, opportunity):
        return choice(opportunity, "commitment_type")


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

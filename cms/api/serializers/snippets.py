"""Serializers of moderated club content and of the taxonomy snippets."""

from cms.snippets.models import Category, NewsItem, TargetGroup, TrainingOffer, VolunteerOpportunity

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


class VolunteerOpportunitySerializer(ClubContentSerializer):
    description = RichTextHTMLField()
    commitment_type = ChoiceField()
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

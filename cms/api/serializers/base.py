"""Base serializers every registered endpoint builds on."""

from django.db import models
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cms.api.publication import page_is_published

from .fields import (
    ClubReferenceSerializer,
    OptionalEmailField,
    OptionalURLField,
    TermSerializer,
    api_detail_url,
)


class ContentSerializer(serializers.ModelSerializer):
    """Adds the object's absolute API URL and honours ?fields= (a subset of fields)."""

    url = serializers.SerializerMethodField(help_text="Absolute URL of this object in the API.")

    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.URLField: OptionalURLField,
        models.EmailField: OptionalEmailField,
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        selected = self.context.get("fields")
        if selected:
            for name in set(self.fields) - set(selected):
                self.fields.pop(name)

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, obj):
        return api_detail_url(self.context.get("request"), type(obj), obj.pk)


class PageSerializer(ContentSerializer):
    """Common fields of all page types."""

    html_url = serializers.SerializerMethodField(help_text="Public web page of this object.")
    published_at = serializers.DateTimeField(source="first_published_at", allow_null=True)
    updated_at = serializers.DateTimeField(source="last_published_at", allow_null=True)

    page_fields = ("id", "slug", "title", "url", "html_url", "published_at", "updated_at")

    @extend_schema_field(OpenApiTypes.URI)
    def get_html_url(self, page):
        return page.get_full_url(self.context.get("request"))


class ClubContentSerializer(ContentSerializer):
    """Common fields of moderated content owned by a club (cms.snippets.models.ClubContent)."""

    club = ClubReferenceSerializer()
    categories = TermSerializer(many=True)
    published_at = serializers.DateTimeField(source="first_published_at", allow_null=True)
    updated_at = serializers.DateTimeField(source="last_published_at", allow_null=True)

    club_content_fields = (
        "id",
        "slug",
        "title",
        "url",
        "club",
        "categories",
        "published_at",
        "updated_at",
    )


@extend_schema_field(ClubReferenceSerializer(allow_null=True))
class PublishedClubField(serializers.Field):
    """A reference to a ClubPage that is null unless that club is published."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, club):
        request = self.context.get("request")
        if not page_is_published(club, request):
            return None
        return ClubReferenceSerializer.represent(club, request)

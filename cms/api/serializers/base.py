"""Base serializers every registered endpoint builds on."""

from typing import NamedTuple

from django.db import models
from django.db.models import F
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cms.api.publication import page_is_published_for_request

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
    """Common fields of moderated content owned by a club (cms.moderation.club_content)."""

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


class PageReference(NamedTuple):
    """What a reference to a page shows and the publication rule reads, from the referring
    row itself: building the referenced page (a ClusterableModel) costs more than the row."""

    pk: int
    title: str
    slug: str
    path: str
    live: bool


REFERENCE_COLUMNS = ("title", "slug", "path", "live")


def with_page_reference(queryset, field: str):
    """Annotates the columns of PageReference for the page that ``field`` points to (one
    join, like select_related, without building the page)."""
    return queryset.annotate(
        **{f"{field}_reference_{column}": F(f"{field}__{column}") for column in REFERENCE_COLUMNS}
    )


@extend_schema_field(ClubReferenceSerializer(allow_null=True))
class PublishedClubField(serializers.Field):
    """A reference to a ClubPage that is null unless that club is published. Reads the
    columns with_page_reference annotated if the queryset has them, else the page itself."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        prefix = f"{self.source}_reference_"
        if not hasattr(instance, prefix + REFERENCE_COLUMNS[0]):
            return super().get_attribute(instance)
        pk = getattr(instance, f"{self.source}_id")
        if pk is None:
            return None
        return PageReference(
            pk, *(getattr(instance, prefix + column) for column in REFERENCE_COLUMNS)
        )

    def to_representation(self, club):
        request = self.context.get("request")
        if not page_is_published_for_request(club, request):
            return None
        return ClubReferenceSerializer.represent(club, request)

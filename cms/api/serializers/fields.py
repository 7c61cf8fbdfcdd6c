"""Shared representations: images, rich text, StreamField, addresses, references."""

import re

from django.urls import NoReverseMatch, reverse
from drf_spectacular.utils import extend_schema_field, inline_serializer
from rest_framework import serializers
from wagtail import blocks
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Page
from wagtail.rich_text import RichText, expand_db_html

from cms.api.registry import registry, route_basename
from cms.core.sites import absolute_url as site_absolute_url
from cms.core.sites import base_url
from cms.moderation.media import is_public

#: The fixed image sizes every image is offered in (Wagtail rendition filter specs).
RENDITION_SPECS = {
    "thumbnail": "fill-400x300",
    "medium": "max-800x800",
    "large": "max-1600x1600",
}

_RELATIVE_LINK = re.compile(r'(\b(?:href|src)=")/(?!/)')


def absolute_url(request, url: str | None) -> str | None:
    """A site-relative URL (a rendition, a document) under the base of links; an absolute one
    (files on another storage) as it is."""
    if not url or request is None or not url.startswith("/") or url.startswith("//"):
        return url
    return site_absolute_url(url, request)


def absolute_html(html: str, request) -> str:
    """Expand Wagtail's internal links/embeds and make site-relative links absolute."""
    expanded = expand_db_html(html)
    if request is None:
        return expanded
    root = base_url(request) + "/"
    return _RELATIVE_LINK.sub(lambda match: f"{match.group(1)}{root}", expanded)


def api_detail_url(request, model, pk) -> str | None:
    """Absolute API URL of an object of a registered model (None if it has no endpoint)."""

    viewset_class = registry.for_model(model)
    if viewset_class is None or request is None:
        return None
    bases = request.__dict__.setdefault("_api_list_urls", {})
    base = bases.get(viewset_class.prefix)
    if base is None:
        try:
            base = site_absolute_url(
                reverse(f"api:{route_basename(viewset_class.prefix)}-list"), request
            )
        except NoReverseMatch:
            return None
        bases[viewset_class.prefix] = base
    return f"{base}{pk}/"


class RenditionSerializer(serializers.Serializer):
    url = serializers.URLField()
    width = serializers.IntegerField()
    height = serializers.IntegerField()


class ImageSerializer(serializers.Serializer):
    """An image with renditions in fixed sizes (see RENDITION_SPECS); null while a moderator has
    not approved it (cms.moderation.media), so no URL of a private file is ever published.
    Querysets select ``<image>__approval`` to spare a query per image."""

    id = serializers.IntegerField()
    title = serializers.CharField()
    width = serializers.IntegerField()
    height = serializers.IntegerField()
    renditions = inline_serializer(
        "ImageRenditions",
        {name: RenditionSerializer() for name in RENDITION_SPECS},
    )

    def to_representation(self, image):
        if not is_public(image):
            return None
        request = self.context.get("request")
        renditions = image.get_renditions(*RENDITION_SPECS.values())
        return {
            "id": image.pk,
            "title": image.title,
            "width": image.width,
            "height": image.height,
            "renditions": {
                name: {
                    "url": absolute_url(request, renditions[spec].url),
                    "width": renditions[spec].width,
                    "height": renditions[spec].height,
                }
                for name, spec in RENDITION_SPECS.items()
            },
        }


@extend_schema_field({"type": "string", "format": "html"})
class RichTextHTMLField(serializers.Field):
    """Rich text as HTML, internal links and embeds resolved to absolute URLs."""

    def to_representation(self, value):
        return absolute_html(value or "", self.context.get("request"))


@extend_schema_field(
    {
        "type": "array",
        "items": {
            "type": "object",
            "required": ["type", "id", "value"],
            "properties": {
                "type": {"type": "string", "description": "Block type, e.g. heading"},
                "id": {"type": "string"},
                "value": {"description": "Block value; its shape depends on the type."},
            },
        },
    }
)
class StreamFieldSerializer(serializers.Field):
    """A StreamField as a list of typed blocks: {"type", "id", "value"}."""

    def to_representation(self, stream):
        request = self.context.get("request")
        return [
            {"type": child.block_type, "id": child.id, "value": block_value(child, request)}
            for child in stream
        ]


def block_value(child, request):
    return _block_to_api(child.block, child.value, request)


def _block_to_api(block, value, request):
    if value is None:
        return None
    if isinstance(block, blocks.StreamBlock):
        return [
            {"type": item.block_type, "id": item.id, "value": block_value(item, request)}
            for item in value
        ]
    if isinstance(block, blocks.StructBlock):
        return {
            name: _block_to_api(block.child_blocks[name], item, request)
            for name, item in value.items()
        }
    if isinstance(block, blocks.ListBlock):
        return [_block_to_api(block.child_block, item, request) for item in value]
    if isinstance(value, RichText):
        return absolute_html(value.source, request)
    if isinstance(value, AbstractImage | AbstractDocument) and not is_public(value):
        return None
    if isinstance(value, AbstractImage):
        return ImageSerializer(value, context={"request": request}).data
    if isinstance(value, AbstractDocument):
        return {"id": value.pk, "title": value.title, "url": absolute_url(request, value.url)}
    if isinstance(value, Page):
        return {"id": value.pk, "title": value.title, "url": value.get_full_url(request)}
    return block.get_api_representation(value, context={"request": request})


class NullWhenBlank:
    """A value, or null when none is given (never an empty string that is no URL or address)."""

    def __init__(self, **kwargs):
        kwargs["allow_null"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        return value or None


class OptionalURLField(NullWhenBlank, serializers.URLField):
    pass


class OptionalEmailField(NullWhenBlank, serializers.EmailField):
    pass


class FlatSerializer(serializers.Serializer):
    """Small nested objects repeated in every list item.

    The declared fields document the shape (OpenAPI); represent() builds the dict directly,
    which avoids DRF's per-field machinery for each item of a list.
    """

    def to_representation(self, instance):
        return self.represent(instance, self.context.get("request"))

    @staticmethod
    def represent(instance, request) -> dict:
        raise NotImplementedError


def _float(value):
    return None if value is None else float(value)


class AddressSerializer(FlatSerializer):
    """Address and WGS84 coordinates (decimal degrees)."""

    street = serializers.CharField()
    postal_code = serializers.CharField()
    city = serializers.CharField()
    latitude = serializers.FloatField(allow_null=True)
    longitude = serializers.FloatField(allow_null=True)

    @staticmethod
    def represent(instance, request):
        return {
            "street": instance.street,
            "postal_code": instance.postal_code,
            "city": instance.city,
            "latitude": _float(instance.latitude),
            "longitude": _float(instance.longitude),
        }


class ContactSerializer(FlatSerializer):
    person = serializers.CharField(source="contact_person")
    email = OptionalEmailField()
    phone = serializers.CharField()
    website = OptionalURLField()

    @staticmethod
    def represent(instance, request):
        return {
            "person": instance.contact_person,
            "email": instance.email or None,
            "phone": instance.phone,
            "website": instance.website or None,
        }


class TermSerializer(FlatSerializer):
    """A category or target group, as referenced from content."""

    id = serializers.IntegerField()
    slug = serializers.SlugField()
    name = serializers.CharField()

    @staticmethod
    def represent(term, request):
        return {"id": term.pk, "slug": term.slug, "name": term.name}


class ClubReferenceSerializer(FlatSerializer):
    """The club that owns or organises an item; null if that club is not published."""

    id = serializers.IntegerField()
    slug = serializers.SlugField()
    title = serializers.CharField()
    url = serializers.URLField()

    @staticmethod
    def represent(club, request):
        from cms.pages.models import ClubPage

        return {
            "id": club.pk,
            "slug": club.slug,
            "title": club.title,
            "url": api_detail_url(request, ClubPage, club.pk),
        }


class ChoiceSerializer(serializers.Serializer):
    """A value from a fixed list, with its German label."""

    value = serializers.CharField()
    label = serializers.CharField()


@extend_schema_field(ChoiceSerializer)
class ChoiceField(serializers.Field):
    """A model field with choices as {"value": stored value, "label": its display label}."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance

    def to_representation(self, instance):
        return {
            "value": getattr(instance, self.source),
            "label": str(getattr(instance, f"get_{self.source}_display")()),
        }

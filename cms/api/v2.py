"""Wagtail's own API (v2) for clients that already speak it, limited to public content by
the same publication rule as /api/v1/ (cms.api.publication)."""

from django.contrib.contenttypes.models import ContentType
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import PageSerializer
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import CollectionViewRestriction, Page

from .access import AnonymousRateThrottle, ApiKeyAuthentication, ClientRateThrottle
from .publication import page_is_published, published_pages
from .registry import registry


class RateLimited:
    authentication_classes = [ApiKeyAuthentication]
    throttle_classes = [AnonymousRateThrottle, ClientRateThrottle]


class PublishedReferencesPageSerializer(PageSerializer):
    """References to other pages (an event's organiser) are null unless that page is
    published, as in /api/v1/; not even the id of an unpublished club is given away."""

    def to_representation(self, instance):
        data = super().to_representation(instance)
        request = self.context.get("request")
        for field in instance._meta.concrete_fields:
            reference = field.many_to_one and issubclass(field.related_model, Page)
            if (
                reference
                and data.get(field.name) is not None
                and not page_is_published(getattr(instance, field.name), request)
            ):
                data[field.name] = None
        return data


class PublicPagesAPIViewSet(RateLimited, PagesAPIViewSet):
    """Wagtail's rule (live, outside private sections) is not enough: pages below an
    unpublished page and page types of plugins switched off for the site are hidden too."""

    base_serializer_class = PublishedReferencesPageSerializer

    def get_base_queryset(self):
        queryset = published_pages(super().get_base_queryset(), self.request)
        switched_off = [
            endpoint.model
            for endpoint in registry
            if issubclass(endpoint.model, Page)
            and endpoint.is_enabled is not None
            and not endpoint.is_enabled(self.request)
        ]
        if switched_off:
            types = ContentType.objects.get_for_models(*switched_off).values()
            queryset = queryset.exclude(content_type__in=types)
        return queryset


class PublicImagesAPIViewSet(RateLimited, ImagesAPIViewSet):
    pass


class PublicDocumentsAPIViewSet(RateLimited, DocumentsAPIViewSet):
    """Documents in collections with a view restriction (login, password) are left out."""

    def get_queryset(self):
        restricted = CollectionViewRestriction.objects.values_list("collection__path", flat=True)
        queryset = super().get_queryset()
        for path in restricted:
            queryset = queryset.exclude(collection__path__startswith=path)
        return queryset


router = WagtailAPIRouter("wagtailapi")
router.register_endpoint("pages", PublicPagesAPIViewSet)
router.register_endpoint("images", PublicImagesAPIViewSet)
router.register_endpoint("documents", PublicDocumentsAPIViewSet)

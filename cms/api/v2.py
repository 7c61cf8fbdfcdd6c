"""Wagtail's own API (v2) for clients that already speak it, limited to public content."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import CollectionViewRestriction

from .access import AnonymousRateThrottle, ApiKeyAuthentication, ClientRateThrottle


class RateLimited:
    authentication_classes = [ApiKeyAuthentication]
    throttle_classes = [AnonymousRateThrottle, ClientRateThrottle]


class PublicPagesAPIViewSet(RateLimited, PagesAPIViewSet):
    """Wagtail already serves only live pages outside private sections here."""


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

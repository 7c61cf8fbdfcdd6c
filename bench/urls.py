"""Benchmark only: the production routes plus Wagtail's v2 page listing at /api/v2/pages/.

The models declare no api_fields (BEN's API has its own serializers), so the listing gets
the fields of /api/v1/events/ here, and the same publication rule as /api/v1/.
"""

from django.urls import path
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet

from cms.api.publication import published_for_request
from cms.pages.models import EventExceptionDate, EventPage
from cms.urls import urlpatterns as cms_urlpatterns

API_FIELDS = {
    EventPage: [
        "start", "end", "all_day", "recurrence_rule", "exception_dates", "description",
        "location_name", "street", "postal_code", "city", "latitude", "longitude",
        "organiser", "categories", "target_groups", "price", "registration_url",
        "accessibility",
    ],
    EventExceptionDate: ["date"],
}  # fmt: skip


class BenchFields:
    @classmethod
    def get_body_fields(cls, model):
        return super().get_body_fields(model) + cls._convert_api_fields(API_FIELDS.get(model, []))


class BenchPagesAPIViewSet(BenchFields, PagesAPIViewSet):
    def get_base_queryset(self):
        return published_for_request(super().get_base_queryset(), self.request)


class BenchExceptionDatesAPIViewSet(BenchFields, BaseAPIViewSet):
    """Registered so that the events' nested exception dates show their date."""

    model = EventExceptionDate


router = WagtailAPIRouter("wagtailapi")
router.register_endpoint("pages", BenchPagesAPIViewSet)
router.register_endpoint("exception-dates", BenchExceptionDatesAPIViewSet)

urlpatterns = [path("api/v2/", router.urls), *cms_urlpatterns]

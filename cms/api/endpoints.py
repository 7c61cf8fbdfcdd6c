"""The core endpoints of /api/v1/, registered like any plugin would register its own."""

from django.db.models import OuterRef, Subquery
from django.db.models.functions import Length, Substr
from django_filters.utils import translate_validation
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from cms.pages.models import BenefitPartnerPage, ClubPage, EventPage, StrategyChapterPage
from cms.snippets.models import Category, NewsItem, TargetGroup, TrainingOffer, VolunteerOpportunity

from .filters.content import (
    BenefitPartnerFilterSet,
    CategoryFilterSet,
    ClubFilterSet,
    EventDetailWindowFilterSet,
    EventFilterSet,
    NewsItemFilterSet,
    StrategyChapterFilterSet,
    TargetGroupFilterSet,
    TrainingOfferFilterSet,
    VolunteerOpportunityFilterSet,
)
from .filters.window import WINDOW_YEARS
from .registry import registry
from .serializers.base import with_page_reference
from .serializers.pages import (
    WINDOW_PARAMS,
    BenefitPartnerSerializer,
    ClubSerializer,
    EventSerializer,
    StrategyChapterSerializer,
)
from .serializers.snippets import (
    CategorySerializer,
    NewsItemSerializer,
    TargetGroupSerializer,
    TrainingOfferSerializer,
    VolunteerOpportunitySerializer,
)
from .viewsets import ContentViewSet

Image = get_image_model()


class ClubViewSet(ContentViewSet):
    """Clubs, initiatives and institutions of the network."""

    model = ClubPage
    serializer_class = ClubSerializer
    filterset_class = ClubFilterSet
    ordering = ("title", "pk")
    select_related = ("logo__approval",)
    prefetch_related = ("categories", "logo__renditions")
    depends_on = (Category, Image)


DETAIL_WINDOW_SPAN = (
    f"within {WINDOW_YEARS} years before and after the current year (January 1 to December 31)"
)


def detail_window_parameters() -> list[OpenApiParameter]:
    """The event detail's window: the list's parameters, listing every occurrence in it."""
    described = {
        "from": (
            OpenApiTypes.STR,
            "Start of a date window whose occurrences the answer lists, all of them (the "
            "event is answered whether or not it takes place in it): ISO 8601 date or "
            f"date-time, {DETAIL_WINDOW_SPAN}.",
        ),
        "to": (
            OpenApiTypes.STR,
            "End of the date window (a date means the whole day). Needs `from` or "
            f"upcoming=true; at most 366 days after the start, {DETAIL_WINDOW_SPAN}.",
        ),
        "upcoming": (
            OpenApiTypes.BOOL,
            "true: the window from now on (same as from=now), whose occurrences of the "
            "coming 366 days (or else the next one) the answer lists; `to` may close it.",
        ),
    }
    return [
        OpenApiParameter(name, kind, description=text) for name, (kind, text) in described.items()
    ]


@extend_schema_view(retrieve=extend_schema(parameters=detail_window_parameters()))
class EventViewSet(ContentViewSet):
    """Events; with from/to or upcoming, recurring events are listed with their occurrences
    in that window: a list with the soonest of each event, its detail with all."""

    model = EventPage
    serializer_class = EventSerializer
    filterset_class = EventFilterSet
    ordering = ("start", "pk")
    prefetch_related = ("categories", "target_groups", "exception_dates")
    depends_on = (ClubPage, Category, TargetGroup)
    time_sensitive_params = ("upcoming",)

    def get_base_queryset(self):
        return with_page_reference(super().get_base_queryset(), "organiser")

    def allowed_query_parameters(self) -> frozenset[str]:
        allowed = super().allowed_query_parameters()
        return allowed | set(WINDOW_PARAMS) if self.action == "retrieve" else allowed

    def get_object(self):
        """The event; with a window, the FilterSet that lists its occurrences in it."""
        event = super().get_object()
        if set(WINDOW_PARAMS) & set(self.request.query_params):
            self.filterset = EventDetailWindowFilterSet(
                self.request.query_params, queryset=EventPage.objects.none()
            )
            if not self.filterset.is_valid():
                raise translate_validation(self.filterset.errors)
            self.filterset.filter_queryset(EventPage.objects.none())  # keeps the window
        return event


class BenefitPartnerViewSet(ContentViewSet):
    """Partners granting discounts to holders of the Ehrenamtskarte."""

    model = BenefitPartnerPage
    serializer_class = BenefitPartnerSerializer
    filterset_class = BenefitPartnerFilterSet
    ordering = ("title", "pk")
    date_sensitive = True  # expired partners disappear at midnight (cms.core.publication)


class StrategyChapterViewSet(ContentViewSet):
    """Chapters and recommendations of the engagement strategy, in document order."""

    model = StrategyChapterPage
    serializer_class = StrategyChapterSerializer
    filterset_class = StrategyChapterFilterSet
    ordering = ("path",)
    depends_on = (Image, get_document_model())

    def get_base_queryset(self):
        """parent_chapter_id: the enclosing StrategyChapterPage (one subquery, no extra query)."""
        parent = StrategyChapterPage.objects.filter(
            live=True,
            path=Substr(
                OuterRef("path"), 1, Length(OuterRef("path")) - StrategyChapterPage.steplen
            ),
        ).values("pk")[:1]
        return super().get_base_queryset().annotate(parent_chapter_id=Subquery(parent))


class ClubContentViewSet(ContentViewSet):
    """Moderated content of a club (cms.moderation.club_content), newest first."""

    ordering = ("-first_published_at", "-pk")
    select_related = ("club",)
    prefetch_related = ("categories", "target_groups")
    depends_on = (ClubPage, Category, TargetGroup)


class NewsViewSet(ClubContentViewSet):
    model = NewsItem
    serializer_class = NewsItemSerializer
    filterset_class = NewsItemFilterSet
    select_related = ("club", "image__approval")
    prefetch_related = ("categories", "image__renditions")
    depends_on = (ClubPage, Category, Image)


class OpportunityViewSet(ClubContentViewSet):
    """Volunteer opportunities, searchable by what, for whom, hours, languages and distance;
    one past its review date is not listed."""

    model = VolunteerOpportunity
    serializer_class = VolunteerOpportunitySerializer
    filterset_class = VolunteerOpportunityFilterSet
    date_sensitive = True  # past their review date they disappear at midnight


class TrainingViewSet(ClubContentViewSet):
    model = TrainingOffer
    serializer_class = TrainingOfferSerializer
    filterset_class = TrainingOfferFilterSet
    ordering = ("start", "pk")
    time_sensitive_params = ("upcoming",)


class TermViewSet(ContentViewSet):
    """Taxonomy terms, alphabetically."""

    ordering = ("name",)
    tag = "taxonomy"


class CategoryViewSet(TermViewSet):
    model = Category
    serializer_class = CategorySerializer
    filterset_class = CategoryFilterSet


class TargetGroupViewSet(TermViewSet):
    model = TargetGroup
    serializer_class = TargetGroupSerializer
    filterset_class = TargetGroupFilterSet


registry.register("clubs", ClubViewSet)
registry.register("events", EventViewSet)
registry.register("benefit-partners", BenefitPartnerViewSet)
registry.register("strategy-chapters", StrategyChapterViewSet)
registry.register("news", NewsViewSet)
registry.register("opportunities", OpportunityViewSet)
registry.register("trainings", TrainingViewSet)
registry.register("categories", CategoryViewSet)
registry.register("target-groups", TargetGroupViewSet)

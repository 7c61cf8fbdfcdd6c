"""The core endpoints of /api/v1/, registered like any plugin would register its own."""

from django.db.models import OuterRef, Subquery
from django.db.models.functions import Length, Substr
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from cms.pages.models import BenefitPartnerPage, ClubPage, EventPage, StrategyChapterPage
from cms.snippets.models import Category, NewsItem, TargetGroup, TrainingOffer, VolunteerOpportunity

from .filters.content import (
    BenefitPartnerFilterSet,
    CategoryFilterSet,
    ClubFilterSet,
    EventFilterSet,
    NewsItemFilterSet,
    StrategyChapterFilterSet,
    TargetGroupFilterSet,
    TrainingOfferFilterSet,
    VolunteerOpportunityFilterSet,
)
from .registry import registry
from .serializers.base import with_page_reference
from .serializers.pages import (
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

Image = get_image_model()


def annotate_parent_chapter(queryset, request):
    """parent_chapter_id: the enclosing StrategyChapterPage (one subquery, no extra query)."""
    parent = StrategyChapterPage.objects.filter(
        live=True,
        path=Substr(OuterRef("path"), 1, Length(OuterRef("path")) - StrategyChapterPage.steplen),
    ).values("pk")[:1]
    return queryset.annotate(parent_chapter_id=Subquery(parent))


registry.register(
    "clubs",
    model=ClubPage,
    serializer_class=ClubSerializer,
    filterset_class=ClubFilterSet,
    ordering=("title", "pk"),
    select_related=("logo",),
    prefetch_related=("categories", "logo__renditions"),
    depends_on=(Category, Image),
    tag="clubs",
    description="Clubs, initiatives and institutions of the network.",
)
registry.register(
    "events",
    model=EventPage,
    serializer_class=EventSerializer,
    filterset_class=EventFilterSet,
    ordering=("start", "pk"),
    queryset_hook=lambda queryset, request: with_page_reference(queryset, "organiser"),
    prefetch_related=("categories", "target_groups", "exception_dates"),
    depends_on=(ClubPage, Category, TargetGroup),
    time_sensitive_params=("upcoming",),
    tag="events",
    description="Events; with from/to or upcoming, recurring events are expanded.",
)
registry.register(
    "benefit-partners",
    model=BenefitPartnerPage,
    serializer_class=BenefitPartnerSerializer,
    filterset_class=BenefitPartnerFilterSet,
    ordering=("title", "pk"),
    date_sensitive=True,  # expired partners disappear at midnight (cms.api.publication)
    tag="benefit-partners",
    description="Partners granting discounts to holders of the Ehrenamtskarte.",
)
registry.register(
    "strategy-chapters",
    model=StrategyChapterPage,
    serializer_class=StrategyChapterSerializer,
    filterset_class=StrategyChapterFilterSet,
    ordering=("path",),
    queryset_hook=annotate_parent_chapter,
    depends_on=(Image, get_document_model()),
    tag="strategy-chapters",
    description="Chapters and recommendations of the engagement strategy, in document order.",
)
registry.register(
    "news",
    model=NewsItem,
    serializer_class=NewsItemSerializer,
    filterset_class=NewsItemFilterSet,
    ordering=("-first_published_at", "-pk"),
    select_related=("club", "image"),
    prefetch_related=("categories", "image__renditions"),
    depends_on=(ClubPage, Category, Image),
    tag="news",
)
registry.register(
    "opportunities",
    model=VolunteerOpportunity,
    serializer_class=VolunteerOpportunitySerializer,
    filterset_class=VolunteerOpportunityFilterSet,
    ordering=("-first_published_at", "-pk"),
    select_related=("club",),
    prefetch_related=("categories", "target_groups"),
    depends_on=(ClubPage, Category, TargetGroup),
    tag="opportunities",
)
registry.register(
    "trainings",
    model=TrainingOffer,
    serializer_class=TrainingOfferSerializer,
    filterset_class=TrainingOfferFilterSet,
    ordering=("start", "pk"),
    select_related=("club",),
    prefetch_related=("categories", "target_groups"),
    depends_on=(ClubPage, Category, TargetGroup),
    time_sensitive_params=("upcoming",),
    tag="trainings",
)
registry.register(
    "categories",
    model=Category,
    serializer_class=CategorySerializer,
    filterset_class=CategoryFilterSet,
    ordering=("name",),
    tag="taxonomy",
)
registry.register(
    "target-groups",
    model=TargetGroup,
    serializer_class=TargetGroupSerializer,
    filterset_class=TargetGroupFilterSet,
    ordering=("name",),
    tag="taxonomy",
)

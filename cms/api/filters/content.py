"""The FilterSet of each core endpoint."""

import django_filters

from cms.pages.models import BenefitPartnerPage, ClubPage, EventPage, StrategyChapterPage
from cms.snippets.models import Category, NewsItem, TargetGroup, TrainingOffer, VolunteerOpportunity

from .base import (
    ApiFilterSet,
    NaturalNumberFilter,
    PublishedContentFilterSet,
    StrictBooleanFilter,
    StrictOrderingFilter,
    category_filter,
    club_filter,
    target_group_filter,
)
from .geo import GeoFilterSetMixin
from .window import DateWindowFilterSetMixin, RecurringWindowFilterSetMixin


def ordering_filter(*fields):
    """?ordering= with the given public names; prefix '-' for descending."""
    return StrictOrderingFilter(
        fields=fields,
        help_text="Comma-separated sort keys; prefix - for descending order.",
    )


PUBLISHED = ("last_published_at", "updated_at"), ("first_published_at", "published_at")


class ClubFilterSet(GeoFilterSetMixin, PublishedContentFilterSet):
    category = category_filter()
    kind = django_filters.MultipleChoiceFilter(
        choices=ClubPage.Kind.choices, help_text="Kind of organisation; repeat for several."
    )
    seeks_volunteers = StrictBooleanFilter()
    ordering = ordering_filter(("title", "title"), ("distance_km", "distance"), *PUBLISHED)

    class Meta:
        model = ClubPage
        fields = ["slug"]


class EventFilterSet(RecurringWindowFilterSetMixin, GeoFilterSetMixin, PublishedContentFilterSet):
    category = category_filter()
    target_group = target_group_filter()
    club = club_filter(field_name="organiser")
    all_day = StrictBooleanFilter()
    ordering = ordering_filter(
        ("start", "start"), ("title", "title"), ("distance_km", "distance"), *PUBLISHED
    )

    class Meta:
        model = EventPage
        fields = ["slug"]


EventFilterSet.add_window_bounds()


class BenefitPartnerFilterSet(GeoFilterSetMixin, PublishedContentFilterSet):
    category = django_filters.MultipleChoiceFilter(
        choices=BenefitPartnerPage.Category.choices,
        help_text="Benefit category; repeat for several.",
    )
    ordering = ordering_filter(("title", "title"), ("distance_km", "distance"), *PUBLISHED)

    class Meta:
        model = BenefitPartnerPage
        fields = ["slug"]


class StrategyChapterFilterSet(PublishedContentFilterSet):
    parent_chapter = NaturalNumberFilter(
        field_name="parent_chapter_id",
        help_text="Id of the enclosing chapter: lists the recommendations 4.1–4.4 of chapter 4.",
    )
    top_level = StrictBooleanFilter(
        field_name="parent_chapter_id",
        lookup_expr="isnull",
        help_text="true: only top-level chapters.",
    )
    ordering = ordering_filter(("path", "position"), ("title", "title"), *PUBLISHED)

    class Meta:
        model = StrategyChapterPage
        fields = ["slug", "chapter_number"]


class ClubContentFilterSet(PublishedContentFilterSet):
    club = club_filter()
    category = category_filter()


class NewsItemFilterSet(ClubContentFilterSet):
    ordering = ordering_filter(("title", "title"), *PUBLISHED)

    class Meta:
        model = NewsItem
        fields = ["slug"]


class VolunteerOpportunityFilterSet(GeoFilterSetMixin, ClubContentFilterSet):
    target_group = target_group_filter()
    commitment_type = django_filters.ChoiceFilter(choices=VolunteerOpportunity.Commitment.choices)
    ordering = ordering_filter(("title", "title"), ("distance_km", "distance"), *PUBLISHED)

    class Meta:
        model = VolunteerOpportunity
        fields = ["slug"]


class TrainingOfferFilterSet(DateWindowFilterSetMixin, GeoFilterSetMixin, ClubContentFilterSet):
    target_group = target_group_filter()
    ordering = ordering_filter(
        ("start", "start"), ("title", "title"), ("distance_km", "distance"), *PUBLISHED
    )

    class Meta:
        model = TrainingOffer
        fields = ["slug"]


TrainingOfferFilterSet.add_window_bounds()


class TermFilterSet(ApiFilterSet):
    ordering = ordering_filter(("name", "name"), ("slug", "slug"))


class CategoryFilterSet(TermFilterSet):
    class Meta:
        model = Category
        fields = ["slug"]


class TargetGroupFilterSet(TermFilterSet):
    class Meta:
        model = TargetGroup
        fields = ["slug"]

"""The FilterSet of each core endpoint."""

import json

import django_filters
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError

from cms.core.fields import LANGUAGE_CHOICES
from cms.pages.models import BenefitPartnerPage, ClubPage, EventPage, StrategyChapterPage
from cms.snippets.models import (
    SUITABLE_FOR_CHOICES,
    Category,
    NewsItem,
    TargetGroup,
    TrainingOffer,
    VolunteerOpportunity,
)

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
from .window import (
    DateWindowFilterSetMixin,
    EventDetailWindowFilterSetMixin,
    RecurringWindowFilterSetMixin,
)

ORDERING_HELP = "Comma-separated sort keys; prefix - for descending order."


def ordering_filter(*fields, help_text=ORDERING_HELP):
    """?ordering= with the given public names; prefix '-' for descending."""
    return StrictOrderingFilter(fields=fields, help_text=help_text)


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


class EventDetailWindowFilterSet(EventDetailWindowFilterSetMixin, django_filters.FilterSet):
    """The date window of an event's detail (from / to / upcoming), which lists every
    occurrence in it."""

    class Meta:
        model = EventPage
        fields = []


EventDetailWindowFilterSet.add_window_bounds()


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


class ListItemFilter(django_filters.MultipleChoiceFilter):
    """Items of a MultipleChoiceJSONField (a JSON list of choice values), repeatable: any of
    them matches. The quoted value matches a whole list item in the JSON text, the same on
    SQLite and PostgreSQL (JSON containment has no SQLite lookup)."""

    def get_filter_predicate(self, value):
        return {f"{self.field_name}__icontains": json.dumps(value)}


#: Hours in a week: the bounds of hours_per_week_min and hours_per_week_max.
HOURS_IN_A_WEEK = 168


def hours_filter(lookup_expr: str, bound: str):
    return django_filters.NumberFilter(
        field_name="hours_per_week",
        lookup_expr=lookup_expr,
        min_value=0,
        max_value=HOURS_IN_A_WEEK,
        help_text=(
            f"{bound} of the weekly hours an opportunity asks for (a number from 0 to "
            f"{HOURS_IN_A_WEEK}, e.g. 2 or 1.5; inclusive). Opportunities that give no number "
            "of hours (often one-off ones) drop out."
        ),
    )


class VolunteerOpportunityFilterSet(GeoFilterSetMixin, ClubContentFilterSet):
    """The citizens' search: what, for whom, how much time, which languages, how far."""

    order_by_distance = True

    target_group = target_group_filter()
    commitment_type = django_filters.ChoiceFilter(
        choices=VolunteerOpportunity.Commitment.choices,
        help_text="regelmaessig (regular) or einmalig (one-off).",
    )
    hours_per_week_min = hours_filter("gte", "Lower bound")
    hours_per_week_max = hours_filter("lte", "Upper bound")
    language = ListItemFilter(
        field_name="languages",
        choices=LANGUAGE_CHOICES,
        help_text=(
            "Language code (de, en, fr, lb, nl, ar, uk, ru, tr, fa, pl, dgs for German sign "
            "language) in which the opportunity can be done; repeat for several (any matches)."
        ),
    )
    no_german_needed = StrictBooleanFilter(
        help_text="true: only opportunities that need no German."
    )
    accessible = StrictBooleanFilter(help_text="true: only accessible opportunities.")
    suitable_for = ListItemFilter(
        choices=SUITABLE_FOR_CHOICES,
        help_text=(
            "Who may volunteer: familien (families), jugendliche (young people), senioren "
            "(seniors); repeat for several (any matches). Not the people the club serves: "
            "that is target_group."
        ),
    )
    ordering = ordering_filter(
        ("title", "title"),
        ("distance_km", "distance"),
        *PUBLISHED,
        help_text=(
            f"{ORDERING_HELP} Without it: nearest first when `near` or `postcode` is given, "
            "else newest first."
        ),
    )

    class Meta:
        model = VolunteerOpportunity
        fields = ["slug"]

    def filter_queryset(self, queryset):
        data = self.form.cleaned_data
        low, high = data.get("hours_per_week_min"), data.get("hours_per_week_max")
        if low is not None and high is not None and low > high:
            message = _("The lower bound `hours_per_week_min` lies above this upper bound.")
            raise ValidationError({"hours_per_week_max": [message]})
        return super().filter_queryset(queryset)


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

"""Date windows: from / to / upcoming, with recurring events expanded into occurrences.

A window is at most MAX_WINDOW wide and lies within WINDOW_YEARS years of the current year,
so the work one request can cause is bounded whatever dates a client sends.
"""

from datetime import datetime, time

import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework.exceptions import ValidationError

from cms.pages import recurrence
from cms.pages.models import LISTED_OCCURRENCES, OccurrenceWindow

from .base import StrictBooleanFilter, check_supported_moment

#: Re-exported: the window bounds live with the occurrences they bound.
MAX_WINDOW = recurrence.MAX_WINDOW
WINDOW_YEARS = recurrence.WINDOW_YEARS
window_span = recurrence.window_span


class DateOrDateTimeField(forms.CharField):
    """ISO 8601 date (a whole local day) or date-time with offset."""

    def __init__(self, *args, end_of_day=False, **kwargs):
        self.end_of_day = end_of_day
        super().__init__(*args, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        try:
            # A date first: Python's fromisoformat, behind parse_datetime, reads a plain date
            # as its midnight, which would make `to=2026-05-01` end as the day begins.
            day = parse_date(value)
            moment = None if day else parse_datetime(value)
        except ValueError:
            moment = day = None
        if moment is None and day is None:
            raise forms.ValidationError(
                _(
                    "%(value)r is not an ISO 8601 date (2026-05-01) or date-time "
                    "(2026-05-01T18:00:00+02:00)."
                ),
                params={"value": value},
            )
        if moment is None:
            moment = datetime.combine(day, time.max if self.end_of_day else time.min)
        check_supported_moment(moment)
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment)
        first, last = window_span(timezone.localdate())
        if not first <= moment <= last:
            raise forms.ValidationError(
                _(
                    "Date windows lie between %(first)s and %(last)s (%(years)d years before "
                    "and after the current year)."
                ),
                code="out_of_range",
                params={
                    "first": first.date().isoformat(),
                    "last": last.date().isoformat(),
                    "years": WINDOW_YEARS,
                },
            )
        return moment


@extend_schema_field(OpenApiTypes.STR)
class WindowBoundFilter(django_filters.Filter):
    field_class = DateOrDateTimeField

    def filter(self, queryset, value):
        return queryset  # the window is applied as a whole by the FilterSet


class DateWindowFilterSetMixin(django_filters.FilterSet):
    """Keeps items that take place in the window; subclasses define apply_window.

    A window without `to` (upcoming=true, or only `from`) is open: it keeps what takes place
    from its start on, and lists occurrences in its first MAX_WINDOW.
    """

    upcoming = StrictBooleanFilter(
        method="filter_upcoming",
        help_text=(
            "true: only items that take place from now on (same as from=now); `to` may "
            "close the window."
        ),
    )

    window_start_field = "start"
    window_end_field = "end"

    @classmethod
    def add_window_bounds(cls):
        """`from` and `to` are Python keywords, so they are added after the class is built."""
        span = (
            f"within {WINDOW_YEARS} years before and after the current year (January 1 to "
            "December 31)"
        )
        cls.base_filters["from"] = WindowBoundFilter(
            help_text=f"Start of the date window: ISO 8601 date or date-time, {span}."
        )
        cls.base_filters["to"] = WindowBoundFilter(
            help_text=(
                "End of the date window (a date means the whole day). Needs `from` or "
                f"upcoming=true; at most 366 days after the start, {span}."
            ),
            end_of_day=True,
        )

    def filter_upcoming(self, queryset, name, value):
        return queryset

    def window(self):
        """(start, end) of the requested window or None; end is None for open windows."""
        data = self.form.cleaned_data
        start, end = data.get("from"), data.get("to")
        if data.get("upcoming"):
            if start is not None:
                raise ValidationError({"upcoming": [_("Use either `upcoming` or `from`.")]})
            start = timezone.now()
        if start is None:
            if end is not None:
                raise ValidationError({"to": [_("`to` needs `from` (or upcoming=true).")]})
            return None
        if end is not None and end < start:
            raise ValidationError({"to": [_("`to` lies before the start of the window.")]})
        if end is not None and end - start > MAX_WINDOW:
            raise ValidationError({"to": [_("The window may span at most 366 days.")]})
        return start, end

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        window = self.window()
        self.occurrence_window = None  # set by apply_window where items have occurrences
        if window is None:
            return queryset
        return self.apply_window(queryset, *window)

    def apply_window(self, queryset, start, end):
        return queryset.filter(self.window_condition(start, end))

    def window_condition(self, start, end) -> Q:
        """What takes place in the window, judged by its start and end fields."""
        start_field, end_field = self.window_start_field, self.window_end_field
        ends_after_start = Q(**{f"{end_field}__gte": start}) | Q(
            **{f"{end_field}__isnull": True, f"{start_field}__gte": start}
        )
        if end is None:
            return ends_after_start
        return ends_after_start & Q(**{f"{start_field}__lte": end})


class RecurringWindowFilterSetMixin(DateWindowFilterSetMixin):
    """For EventPage: a series matches if one of its occurrences overlaps the window, by the
    occurrences stored when it is saved; a single event by its own start and end. The rule
    is cms.pages.models.OccurrenceWindow, which the public site's calendar follows too.

    A list carries at most LISTED_OCCURRENCES occurrences per event, the soonest, with
    their count in the window and a link to the event's detail with the same window, which
    lists them all: a page of daily series stays small.
    """

    #: The window of a list: its events carry the soonest LISTED_OCCURRENCES occurrences.
    listed_occurrences = LISTED_OCCURRENCES

    def apply_window(self, queryset, start, end):
        self.occurrence_window = OccurrenceWindow(start, end, limit=self.listed_occurrences)
        return self.occurrence_window.filter(queryset)


class EventDetailWindowFilterSetMixin(RecurringWindowFilterSetMixin):
    """The window of an event's detail: every occurrence in it (at most 366 days wide)."""

    listed_occurrences = None

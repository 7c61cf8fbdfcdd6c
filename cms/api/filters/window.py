"""Date windows: from / to / upcoming, with recurring events expanded into occurrences.

A window is at most MAX_WINDOW wide and lies within WINDOW_YEARS years of the current year,
so the work one request can cause is bounded whatever dates a client sends.
"""

from datetime import date, datetime, time, timedelta

import django_filters
from django import forms
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework.exceptions import ValidationError

from cms.pages import recurrence

from .base import StrictBooleanFilter, check_supported_moment

#: Longest window whose occurrences are listed; also what upcoming=true lists in full.
MAX_WINDOW = timedelta(days=366)
#: from and to lie between January 1 this many years before the current year and
#: December 31 this many years after it.
WINDOW_YEARS = 10
#: How far upcoming=true looks for the next occurrence of an event that has none within
#: MAX_WINDOW: every rule an editor may save has one within four years of any moment
#: (cms.pages.recurrence), plus exception dates.
NEXT_OCCURRENCE_HORIZON = timedelta(days=5 * 366)


def window_span(today: date) -> tuple[datetime, datetime]:
    """The earliest and latest moment a window may name."""
    first = datetime(today.year - WINDOW_YEARS, 1, 1)
    last = datetime.combine(date(today.year + WINDOW_YEARS, 12, 31), time.max)
    return timezone.make_aware(first), timezone.make_aware(last)


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
            moment = parse_datetime(value)
            day = None if moment else parse_date(value)
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
        self.listed_window = None
        if window is None:
            return queryset
        start, end = window
        self.listed_window = (start, end or start + MAX_WINDOW)
        return self.apply_window(queryset, start, end)

    def apply_window(self, queryset, start, end):
        ends = Coalesce(self.window_end_field, self.window_start_field)
        queryset = queryset.alias(window_end=ends).filter(window_end__gte=start)
        if end is not None:
            queryset = queryset.filter(**{f"{self.window_start_field}__lte": end})
        return queryset


class RecurringWindowFilterSetMixin(DateWindowFilterSetMixin):
    """For EventPage: recurring events match if one of their occurrences falls in the window.

    Each recurring candidate is expanded once per request; the serializer lists the
    occurrences found here (occurrences_of), so an event is listed only with occurrences.
    """

    def apply_window(self, queryset, start, end):
        single = super().apply_window(queryset.filter(recurrence_rule=""), start, end)
        recurring = queryset.exclude(recurrence_rule="")
        if end is not None:
            recurring = recurring.filter(start__lte=end)
        self.recurring_occurrences = {
            pk: occurrences
            for pk, event in _recurring_candidates(recurring).items()
            if (occurrences := _occurrences(event, start, end))
        }
        matching = list(self.recurring_occurrences)
        return queryset.filter(Q(pk__in=single.values("pk")) | Q(pk__in=matching))

    def occurrences_of(self, event) -> list[recurrence.Occurrence]:
        """The occurrences of a listed event in the window (see _occurrences)."""
        if event.pk in self.recurring_occurrences:
            return self.recurring_occurrences[event.pk]
        end = event.end if event.end and event.end > event.start else event.start
        return [recurrence.Occurrence(event.start, end)]


def _occurrences(event: dict, start: datetime, end: datetime | None):
    """Occurrences in [start, end]; for an open window those in its first MAX_WINDOW, or
    else the next one (an event that takes place from `start` on is never listed without).
    One expansion either way."""
    if end is not None:
        return _expand(event, start, end)
    horizon = max(start, event["start"]) + NEXT_OCCURRENCE_HORIZON
    found = _expand(event, start, horizon)
    listed_until = start + MAX_WINDOW
    return [each for each in found if each.start <= listed_until] or found[:1]


def _expand(event: dict, start: datetime, end: datetime):
    return recurrence.expand(
        event["start"], event["end"], event["rule"], event["exceptions"], start, end
    )


def _recurring_candidates(queryset) -> dict:
    """Rule, start, end and exception dates of candidate events in one query."""
    candidates: dict = {}
    rows = queryset.values_list("pk", "start", "end", "recurrence_rule", "exception_dates__date")
    for pk, start, end, rule, exception in rows:
        event = candidates.setdefault(
            pk, {"start": start, "end": end, "rule": rule, "exceptions": []}
        )
        if exception is not None:
            event["exceptions"].append(exception)
    return candidates

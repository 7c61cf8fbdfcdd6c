"""Date windows: from / to / upcoming, with recurring events expanded into occurrences.

A window is at most MAX_WINDOW wide and lies within WINDOW_YEARS years of the current year,
so the work one request can cause is bounded whatever dates a client sends.
"""

import logging
from datetime import datetime, time, timedelta

import django_filters
from django import forms
from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework.exceptions import ValidationError

from cms.pages import recurrence
from cms.pages.models import EventOccurrence

from .base import StrictBooleanFilter, check_supported_moment

logger = logging.getLogger(__name__)

#: Re-exported: the window bounds live with the occurrences they bound.
MAX_WINDOW = recurrence.MAX_WINDOW
NEXT_OCCURRENCE_HORIZON = recurrence.NEXT_OCCURRENCE_HORIZON
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
        self.listed_window = None
        if window is None:
            return queryset
        start, end = window
        self.listed_window = (start, end or start + MAX_WINDOW)
        return self.apply_window(queryset, start, end)

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
    """For EventPage: a series matches if one of its occurrences overlaps the window.

    The occurrences of a series are stored when it is saved (cms.pages.models.EventOccurrence):
    the window is one indexed lookup per series in SQL, for the count and the page alike, and
    the listed occurrences of a page come in one more query; no rule is expanded per request.
    A single event is judged by its own start and end.

    A series whose stored occurrences do not reach the window (saved before the allowed range
    moved on and not extended by `manage.py store_event_occurrences` since, or written
    without its save) is a candidate by its first start and expanded when listed, once.
    """

    def apply_window(self, queryset, start, end):
        if end is not None:
            queryset = queryset.filter(start__lte=end)
        self.window_bounds = start, end
        self.stored_until_needed = end if end is not None else start + NEXT_OCCURRENCE_HORIZON
        self.listed_rows = None
        first_overlapping = EventOccurrence.objects.filter(
            event=OuterRef("pk"), end__gte=start
        ).order_by("end")
        queryset = queryset.annotate(next_start=Subquery(first_overlapping.values("start")[:1]))
        # An open window asks only whether the last stored occurrence ends in it; a closed
        # one also looks up the first stored occurrence that ends in it.
        overlaps = Q(last_occurrence_end__gte=start)
        if end is not None:
            overlaps &= Q(next_start__lte=end)
        unstored = Q(occurrences_until__isnull=True) | Q(
            occurrences_until__lt=self.stored_until_needed
        )
        # Single events first: SQL skips the lookup of occurrences for them.
        single = Q(recurrence_rule="")
        return queryset.filter(
            (single & self.window_condition(start, end)) | (~single & (unstored | overlaps))
        )

    def occurrences_of(self, event, page=()) -> list[recurrence.Occurrence]:
        """The occurrences of a listed event in the window; for an open window those in its
        first MAX_WINDOW, or else the next one. `page` (the listed events) lets the first
        call load the stored occurrences of all of them at once."""
        if not event.recurrence_rule:
            end = event.end if event.end and event.end > event.start else event.start
            return [recurrence.Occurrence(event.start, end)]
        if event.occurrences_until is None or event.occurrences_until < self.stored_until_needed:
            logger.warning(
                "Termine von Veranstaltung %s nicht gespeichert: manage.py "
                "store_event_occurrences ausführen.",
                event.pk,
            )
            return _expanded(event, *self.window_bounds)
        if self.listed_rows is None or event.pk not in self.listed_rows:
            self.listed_rows = self._stored_rows(
                {each for each in (event, *page) if each.recurrence_rule}
            )
        listed = self.listed_rows[event.pk][: recurrence.MAX_OCCURRENCES]
        if listed or event.next_start is None:
            return listed
        next_start = event.next_start.astimezone(recurrence.local_zone())
        return [recurrence.Occurrence(next_start, next_start + _duration(event))]

    def _stored_rows(self, events) -> dict[int, list[recurrence.Occurrence]]:
        """The stored occurrences the window lists, per event, in one query. Only the starts
        are read: every occurrence lasts as long as its event (in wall-clock time, as the
        expansion computes it), and each value read costs a conversion."""
        start, end = self.window_bounds
        durations = {event.pk: _duration(event) for event in events}
        rows = EventOccurrence.objects.filter(
            event_id__in=list(durations),
            end__gte=start,
            start__lte=end if end is not None else start + MAX_WINDOW,
        ).order_by("event_id", "start")
        zone = recurrence.local_zone()
        listed = {pk: [] for pk in durations}
        for event_id, occurrence_start in rows.values_list("event_id", "start"):
            local_start = occurrence_start.astimezone(zone)
            listed[event_id].append(
                recurrence.Occurrence(local_start, local_start + durations[event_id])
            )
        return listed


def _duration(event) -> timedelta:
    return max(event.end - event.start, timedelta(0)) if event.end else timedelta(0)


def _expanded(event, start: datetime, end: datetime | None) -> list[recurrence.Occurrence]:
    """Occurrences in [start, end]; for an open window those in its first MAX_WINDOW, or
    else the next one. One expansion either way."""
    if end is not None:
        return event.occurrences(start, end)
    found = event.occurrences(start, max(start, event.start) + NEXT_OCCURRENCE_HORIZON)
    listed_until = start + MAX_WINDOW
    return [each for each in found if each.start <= listed_until] or found[:1]

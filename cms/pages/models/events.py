import logging
from collections.abc import Iterable
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models, transaction
from django.db.models import Count, F, OuterRef, Q, Subquery, Window
from django.db.models.functions import Coalesce, RowNumber
from django.utils import timezone
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from cms.core.location import AddressFields
from cms.core.publication import page_is_published, published
from cms.pages import recurrence
from cms.pages.pagination import requested_page

from .clubs import ClubPage
from .metadata import address_of

logger = logging.getLogger(__name__)

#: How many occurrences of one event a list carries (the API's event lists), the soonest in
#: the window; the event's detail lists all of them (a window spans at most 366 days).
LISTED_OCCURRENCES = 10
#: How many next dates an event page lists.
NEXT_DATES_SHOWN = 5
#: How many events a page of the public calendar lists.
EVENTS_PER_PAGE = 25
#: Fields whose change changes an event's occurrences.
SERIES_FIELDS = frozenset({"start", "end", "recurrence_rule", "exception_dates"})
#: Events whose save is under way: it stores their occurrences itself, after committing
#: their exception dates, so those do not store them once more each.
_events_being_saved: ContextVar[tuple] = ContextVar("events_being_saved", default=())

RECURRENCE_HELP = (
    "Optional, als RFC-5545-Regel. Beispiele: jeden ersten Dienstag im Monat: "
    "FREQ=MONTHLY;BYDAY=1TU – alle zwei Jahre: FREQ=YEARLY;INTERVAL=2 – "
    "wöchentlich bis Jahresende: FREQ=WEEKLY;UNTIL=20261231T235959Z"
)


@dataclass(frozen=True)
class EventDate:
    """An event together with one of its concrete dates (recurrences expanded)."""

    event: "EventPage"
    occurrence: recurrence.Occurrence


class EventPageQuerySet(PageQuerySet):
    def by_next_date(self, window: "OccurrenceWindow"):
        """The events of the window, the soonest next date first, sorted in SQL by the
        stored occurrences (a series not stored at all by its first start, until
        `manage.py store_event_occurrences` has stored it)."""
        return (
            window.filter(self)
            .annotate(next_date=Coalesce("next_start", "start"))
            .order_by("next_date", "title", "pk")
        )

    def upcoming(self, now: datetime | None = None, limit: int | None = None) -> list[EventDate]:
        """Each event with its next date that has not ended, soonest first: the open window
        from now on, as ``/api/v1/events/?upcoming=true`` lists it. A series is shown by
        its next occurrence, never by its (past) first start; an event whose last date has
        ended is left out."""
        window = OccurrenceWindow(now or timezone.now(), limit=1)
        events = self.by_next_date(window)
        return window.dates(events[:limit] if limit is not None else events)


class EventIndexPage(Page):
    intro = models.TextField("Einleitung", blank=True)

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.EventPage"]
    max_count_per_parent = 1
    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = "Veranstaltungskalender"
        verbose_name_plural = "Veranstaltungskalender"

    def get_context(self, request, *args, **kwargs):
        """The upcoming events, EVENTS_PER_PAGE a page (`?seite=2`)."""
        context = super().get_context(request, *args, **kwargs)
        window = OccurrenceWindow(timezone.now(), limit=1)
        events = published(EventPage.objects.all()).by_next_date(window)
        context["event_page"] = requested_page(Paginator(events, EVENTS_PER_PAGE), request)
        context["event_dates"] = window.dates(context["event_page"].object_list)
        return context


class EventPage(AddressFields, Page):
    """An event; under a ClubPage it belongs to that club, which becomes its organiser."""

    start = models.DateTimeField("Beginn", db_index=True)
    end = models.DateTimeField("Ende", null=True, blank=True)
    all_day = models.BooleanField("Ganztägig", default=False)
    recurrence_rule = models.CharField(
        "Wiederholung", max_length=255, blank=True, help_text=RECURRENCE_HELP
    )
    description = RichTextField("Beschreibung", blank=True)
    location_name = models.CharField("Veranstaltungsort", max_length=255, blank=True)
    organiser = models.ForeignKey(
        "pages.ClubPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organised_events",
        verbose_name="Veranstalter",
    )
    categories = ParentalManyToManyField(
        "snippets.Category", blank=True, related_name="events", verbose_name="Kategorien"
    )
    target_groups = ParentalManyToManyField(
        "snippets.TargetGroup", blank=True, related_name="events", verbose_name="Zielgruppen"
    )
    price = models.CharField("Preis", max_length=100, blank=True, help_text="z. B. „kostenlos“")
    registration_url = models.URLField("Anmeldung (Link)", blank=True)
    accessibility = models.TextField("Barrierefreiheit", blank=True)

    #: Up to when the rows of `stored_occurrences` are complete (STORED_COMPLETELY once the
    #: series has no later occurrence); null for a single event, which needs none, and for a
    #: series not stored, whose rule windows expand instead.
    occurrences_until = models.DateTimeField(null=True, blank=True, editable=False)
    #: The end of the last stored occurrence (null: none stored): an open window asks only
    #: this, no occurrence row.
    last_occurrence_end = models.DateTimeField(null=True, blank=True, editable=False)

    objects = PageManager.from_queryset(EventPageQuerySet)()

    parent_page_types = ["pages.EventIndexPage", "pages.ClubPage"]
    subpage_types = []

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("all_day"),
                FieldPanel("recurrence_rule"),
                InlinePanel("exception_dates", label="Ausnahmetermine", heading="Ausnahmen"),
            ],
            heading="Termin",
        ),
        FieldPanel("description"),
        FieldPanel("location_name"),
        *AddressFields.address_panels,
        MultiFieldPanel(
            [
                FieldPanel("organiser"),
                FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
                FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
                FieldPanel("price"),
                FieldPanel("registration_url"),
                FieldPanel("accessibility"),
            ],
            heading="Details",
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("description"),
        index.SearchField("location_name"),
        index.FilterField("start"),
        *AddressFields.address_search_fields,
    ]

    class Meta:
        verbose_name = "Veranstaltung"
        verbose_name_plural = "Veranstaltungen"
        indexes = [
            # Holds what a date window asks of each event: counting a window's matches
            # reads only the index (half the time on the benchmark data set).
            models.Index(
                fields=[
                    "start",
                    "recurrence_rule",
                    "end",
                    "occurrences_until",
                    "last_occurrence_end",
                    "organiser",
                ],
                name="event_window",
            )
        ]

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = "Das Ende darf nicht vor dem Beginn liegen."
        if self.recurrence_rule:
            try:
                recurrence.parse_rule(self.recurrence_rule, self.start)
            except ValidationError as error:
                errors["recurrence_rule"] = error.messages
            else:
                self.recurrence_rule = recurrence.normalise_rule(self.recurrence_rule)
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        """Saves the page and, when its dates may have changed, its stored occurrences."""
        if self.organiser_id is None and self.path:
            parent = self.get_parent()
            if parent is not None and parent.specific_class is ClubPage:
                self.organiser_id = parent.pk
        update_fields = kwargs.get("update_fields")
        if self.start is None or (
            update_fields is not None and not SERIES_FIELDS.intersection(update_fields)
        ):
            return super().save(*args, **kwargs)
        occurrences, self.occurrences_until = recurrence.series_occurrences(
            self.start,
            self.end,
            self.recurrence_rule,
            [exception.date for exception in self.exception_dates.all()],
        )
        self.last_occurrence_end = occurrences[-1].end if occurrences else None
        if update_fields is not None:
            kwargs["update_fields"] = [*update_fields, "occurrences_until", "last_occurrence_end"]
        saving = _events_being_saved.set((*_events_being_saved.get(), self))
        try:
            with transaction.atomic():
                result = super().save(*args, **kwargs)
                replace_stored_occurrences(self.pk, occurrences)
        finally:
            _events_being_saved.reset(saving)
        return result

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Named only while the public may see it: its link would answer 404 otherwise.
        context["organiser"] = self.organiser if page_is_published(self.organiser) else None
        context["next_dates"] = self.upcoming_occurrences(limit=NEXT_DATES_SHOWN)
        return context

    def upcoming_occurrences(self, now: datetime | None = None, limit: int | None = None):
        """Dates that have not ended yet: those of the coming 366 days, or else the next one
        (the open window from now on, as the API lists it)."""
        occurrences, _ = OccurrenceWindow(now or timezone.now(), limit=limit).occurrences(self)
        return occurrences

    def next_occurrence(self, now: datetime | None = None) -> recurrence.Occurrence | None:
        dates = self.upcoming_occurrences(now, limit=1)
        return dates[0] if dates else None

    def structured_data(self) -> dict:
        """schema.org Event at its next date (the first one once the series has ended)."""
        occurrence = self.next_occurrence() or recurrence.Occurrence(self.start, self.end)
        data = {
            "@type": "Event",
            "name": self.title,
            "url": self.full_url,
            "startDate": occurrence.start.isoformat(),
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        }
        if self.end:
            data["endDate"] = occurrence.end.isoformat()
        if self.location_name or self.street:
            data["location"] = {
                "@type": "Place",
                "name": self.location_name or self.street,
                "address": address_of(self),
            }
        if self.organiser_id and page_is_published(self.organiser):
            data["organizer"] = {
                "@type": "Organization",
                "name": self.organiser.title,
                "url": self.organiser.full_url,
            }
        return data

    @property
    def is_recurring(self) -> bool:
        return bool(self.recurrence_rule)

    def occurrences(self, window_start: datetime, window_end: datetime):
        """Concrete occurrences in the window, recurrences expanded, exceptions removed."""
        return recurrence.expand(
            self.start,
            self.end,
            self.recurrence_rule,
            [exception.date for exception in self.exception_dates.all()],
            window_start,
            window_end,
        )


class EventOccurrence(models.Model):
    """One date of an event, stored when the event is saved, so that a date window is an
    indexed range query instead of an expansion of every recurrence rule per request.

    Rows cover every moment a date window may name (cms.pages.recurrence.window_span) and
    STORED_BEYOND_WINDOWS more; `manage.py store_event_occurrences` extends them as the
    years pass. They follow the page row (the live version of a published event).
    """

    event = models.ForeignKey(
        EventPage, on_delete=models.CASCADE, related_name="stored_occurrences"
    )
    start = models.DateTimeField()
    end = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["event", "end"], name="occurrence_event_end")]

    def __str__(self):
        return f"{self.event_id}: {self.start.isoformat()}"


def replace_stored_occurrences(event_id: int, occurrences: list[recurrence.Occurrence]) -> None:
    EventOccurrence.objects.filter(event_id=event_id).delete()
    EventOccurrence.objects.bulk_create(
        EventOccurrence(event_id=event_id, start=occurrence.start, end=occurrence.end)
        for occurrence in occurrences
    )


class OccurrenceWindow:
    """A date window over events, answered from their stored occurrences: the one rule that
    the API's event lists and details and the public site's calendar follow.

    ``end`` None is an open window from ``start`` on: it lists the occurrences of its first
    MAX_WINDOW, or else an event's next one. ``limit`` bounds the occurrences listed per
    event (the soonest); how many the window holds is counted all the same. A series whose
    stored occurrences do not reach far enough (saved before the allowed range moved on and
    not extended by `manage.py store_event_occurrences` since, or written without its save)
    is a candidate by its first start and expanded when listed, once, and logged.
    """

    def __init__(self, start: datetime, end: datetime | None = None, limit: int | None = None):
        self.start, self.end, self.limit = start, end, limit
        self.listed_end = end if end is not None else start + recurrence.MAX_WINDOW
        self.stored_until_needed = (
            end if end is not None else start + recurrence.NEXT_OCCURRENCE_HORIZON
        )
        self._listed: dict[int, tuple[list[recurrence.Occurrence], int]] = {}

    def unstored_series(self) -> Q:
        return ~Q(recurrence_rule="") & (
            Q(occurrences_until__isnull=True) | Q(occurrences_until__lt=self.stored_until_needed)
        )

    def filter(self, events: models.QuerySet) -> models.QuerySet:
        """The events with an occurrence that overlaps the window, each annotated with the
        start of its first stored occurrence that ends in it (``next_start``): one indexed
        lookup per series in SQL, for a count and a page alike."""
        start, end = self.start, self.end
        if end is not None:
            events = events.filter(start__lte=end)
        first_overlapping = EventOccurrence.objects.filter(
            event=OuterRef("pk"), end__gte=start
        ).order_by("end")
        events = events.annotate(next_start=Subquery(first_overlapping.values("start")[:1]))
        # An open window asks only whether the last stored occurrence ends in it; a closed
        # one also looks up the first stored occurrence that ends in it.
        overlaps = Q(last_occurrence_end__gte=start)
        if end is not None:
            overlaps &= Q(next_start__lte=end)
        single = Q(recurrence_rule="")
        single_overlaps = Q(end__gte=start) | Q(end__isnull=True, start__gte=start)
        # Single events first: SQL skips the lookup of occurrences for them.
        return events.filter(
            (single & single_overlaps) | (~single & (self.unstored_series() | overlaps))
        )

    def is_stored(self, event: EventPage) -> bool:
        return (
            event.occurrences_until is not None
            and event.occurrences_until >= self.stored_until_needed
        )

    def occurrences(
        self, event: EventPage, events: Iterable[EventPage] = ()
    ) -> tuple[list[recurrence.Occurrence], int]:
        """The event's occurrences in the window (at most ``limit``, the soonest) and how
        many the window holds for it. ``events`` (a listed page) lets the first call read
        the stored occurrences of all of them in one query."""
        if event.pk not in self._listed:
            if not event.recurrence_rule:
                self._listed[event.pk] = self._single(event)
            elif not self.is_stored(event):
                logger.warning(
                    "Termine von Veranstaltung %s nicht gespeichert: manage.py "
                    "store_event_occurrences ausführen.",
                    event.pk,
                )
                found = self._expanded(event)
                self._listed[event.pk] = found[: self.limit], len(found)
            else:
                stored = {each for each in (event, *events) if each.recurrence_rule}
                self._listed |= self._stored([each for each in stored if self.is_stored(each)])
        return self._listed[event.pk]

    def dates(self, events: Iterable[EventPage]) -> list[EventDate]:
        """Each event with its first occurrence in the window, in the given order."""
        dates = []
        for event in events:
            occurrence = self.next_occurrence(event)
            if occurrence is not None:
                dates.append(EventDate(event, occurrence))
        return dates

    def next_occurrence(self, event: EventPage) -> recurrence.Occurrence | None:
        """The event's first occurrence in the window; of a stored series from the
        ``next_start`` that ``filter`` annotated, without reading its occurrences."""
        if event.recurrence_rule and self.is_stored(event) and hasattr(event, "next_start"):
            occurrences, _ = self._next_stored(event, _duration(event))
        else:
            occurrences, _ = self.occurrences(event)
        return occurrences[0] if occurrences else None

    def _single(self, event: EventPage) -> tuple[list[recurrence.Occurrence], int]:
        end = event.end if event.end and event.end > event.start else event.start
        overlaps = end >= self.start and (self.end is None or event.start <= self.end)
        return ([recurrence.Occurrence(event.start, end)][: self.limit], 1) if overlaps else ([], 0)

    def _expanded(self, event: EventPage) -> list[recurrence.Occurrence]:
        """One expansion, bounded by the window (cms.pages.recurrence.expand)."""
        if self.end is not None:
            return event.occurrences(self.start, self.end)
        found = event.occurrences(
            self.start, max(self.start, event.start) + recurrence.NEXT_OCCURRENCE_HORIZON
        )
        return [each for each in found if each.start <= self.listed_end] or found[:1]

    def _stored(self, events) -> dict[int, tuple[list[recurrence.Occurrence], int]]:
        """The listed stored occurrences and their count per event, in one query (two for
        an event of an open window with none in its first MAX_WINDOW, without
        ``next_start``). Only the starts are read: every occurrence lasts as long as its
        event (in wall-clock time, as the expansion computes it), and each value read costs
        a conversion."""
        durations = {event.pk: _duration(event) for event in events}
        rows = EventOccurrence.objects.filter(
            event_id__in=list(durations), end__gte=self.start, start__lte=self.listed_end
        )
        columns = ["event_id", "start"]
        if self.limit is not None:  # the soonest `limit` of each event and the count of all
            rows = rows.annotate(
                position=Window(RowNumber(), partition_by=F("event_id"), order_by=F("start").asc()),
                total=Window(Count("pk"), partition_by=F("event_id")),
            ).filter(position__lte=self.limit)
            columns.append("total")
        rows = rows.order_by("event_id", "start")
        zone = recurrence.local_zone()
        listed = {pk: ([], 0) for pk in durations}
        for event_id, occurrence_start, *total in rows.values_list(*columns):
            local_start = occurrence_start.astimezone(zone)
            occurrences = listed[event_id][0]
            occurrences.append(
                recurrence.Occurrence(local_start, local_start + durations[event_id])
            )
            listed[event_id] = occurrences, total[0] if total else len(occurrences)
        if self.end is None:
            for event in events:
                if not listed[event.pk][0]:
                    listed[event.pk] = self._next_stored(event, durations[event.pk])
        for occurrences, _ in listed.values():
            del occurrences[recurrence.MAX_OCCURRENCES :]  # one a day at most: never reached
        return listed

    def _next_stored(self, event, duration) -> tuple[list[recurrence.Occurrence], int]:
        """The first stored occurrence that ends in the window: the one of an open window
        for an event with none in its first MAX_WINDOW, and what the calendar shows."""
        if hasattr(event, "next_start"):  # annotated by filter
            next_start = event.next_start
        else:
            first = event.stored_occurrences.filter(end__gte=self.start).order_by("end").first()
            next_start = first.start if first else None
        if next_start is None:
            return [], 0
        local_start = next_start.astimezone(recurrence.local_zone())
        return [recurrence.Occurrence(local_start, local_start + duration)][: self.limit], 1


def _duration(event: EventPage) -> timedelta:
    return max(event.end - event.start, timedelta(0)) if event.end else timedelta(0)


def store_occurrences(events: Iterable[EventPage], today: date | None = None) -> int:
    """Rewrites the stored occurrences of the given events (without saving the pages);
    returns how many events were stored."""
    stored = 0
    for event in events:
        occurrences, until = recurrence.series_occurrences(
            event.start,
            event.end,
            event.recurrence_rule,
            [exception.date for exception in event.exception_dates.all()],
            today,
        )
        with transaction.atomic():
            replace_stored_occurrences(event.pk, occurrences)
            EventPage.objects.filter(pk=event.pk).update(
                occurrences_until=until,
                last_occurrence_end=occurrences[-1].end if occurrences else None,
            )
        stored += 1
    return stored


def events_to_store(today: date | None = None):
    """Events whose stored occurrences do not reach far enough for every allowed window."""
    _, last = recurrence.window_span(today or timezone.localdate())
    return EventPage.objects.filter(
        (models.Q(occurrences_until__isnull=True) & ~models.Q(recurrence_rule=""))
        | models.Q(occurrences_until__lt=last + recurrence.NEXT_OCCURRENCE_HORIZON)
    )


class EventExceptionDate(Orderable):
    """A day on which a recurring event does not take place (EXDATE)."""

    event = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="exception_dates")
    date = models.DateField("Entfällt am")

    panels = [FieldPanel("date")]

    class Meta(Orderable.Meta):
        verbose_name = "Ausnahmetermin"
        verbose_name_plural = "Ausnahmetermine"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self._store_event_occurrences()

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        self._store_event_occurrences()
        return result

    def _store_event_occurrences(self):
        """An exception date saved on its own (not by its event's save) changes the stored
        occurrences of its event."""
        if any(event.pk == self.event_id for event in _events_being_saved.get()):
            return
        store_occurrences(
            EventPage.objects.filter(pk=self.event_id).prefetch_related("exception_dates")
        )

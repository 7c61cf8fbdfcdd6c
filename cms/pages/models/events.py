from collections.abc import Iterable
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
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

from .clubs import ClubPage
from .metadata import address_of

#: How far ahead the public site looks for an event's next dates: a biennial series
#: ("alle zwei Jahre") still shows its next date.
UPCOMING_HORIZON = timedelta(days=2 * 366 + 31)
#: How many next dates an event page lists.
NEXT_DATES_SHOWN = 5
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
    def upcoming(self, now: datetime | None = None) -> list[EventDate]:
        """Each event with its next date that has not ended, soonest first. A series is
        shown by its next occurrence, never by its (past) first start; an event whose last
        date has ended is left out."""
        now = now or timezone.now()
        ended_single_events = Q(recurrence_rule="") & (
            Q(end__lt=now) | Q(end__isnull=True, start__lt=now)
        )
        candidates = self.exclude(ended_single_events).prefetch_related("exception_dates")
        dates = []
        for event in candidates:
            occurrence = event.next_occurrence(now)
            if occurrence is not None:
                dates.append(EventDate(event, occurrence))
        return sorted(dates, key=lambda date: (date.occurrence.start, date.event.title))


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
        context = super().get_context(request, *args, **kwargs)
        context["event_dates"] = published(EventPage.objects.all()).upcoming()
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
        """Dates that have not ended yet, within UPCOMING_HORIZON."""
        now = now or timezone.now()
        return self.occurrences(now, now + UPCOMING_HORIZON)[:limit]

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

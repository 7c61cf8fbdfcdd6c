"""Stored occurrences: written when an event is saved, complete over every allowed date window,
rewritten when the dates change, extended by `manage.py store_event_occurrences`."""

from datetime import date, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from cms.pages import recurrence
from cms.pages.models import EventExceptionDate, EventOccurrence, EventPage
from cms.pages.models.events import events_to_store
from tests.factories.pages import EventPageFactory

from .test_recurrence import berlin
from .test_recurrence_bounds import rules

TODAY = date(2026, 12, 1)


def stored(event) -> list[datetime]:
    rows = EventOccurrence.objects.filter(event=event).order_by("start")
    return list(rows.values_list("start", flat=True))


@pytest.mark.django_db
def test_saving_an_event_stores_its_occurrences_over_every_allowed_window(site_tree):
    event = EventPageFactory(
        parent=site_tree.events,
        start=berlin(2026, 1, 6, 18),
        end=berlin(2026, 1, 6, 20),
        recurrence_rule="FREQ=MONTHLY;BYDAY=1TU",
    )
    starts = stored(event)
    assert starts[0] == berlin(2026, 1, 6, 18)
    _, last = recurrence.window_span(date.today())
    assert event.occurrences_until >= last + recurrence.NEXT_OCCURRENCE_HORIZON
    assert starts[-1] > last + recurrence.NEXT_OCCURRENCE_HORIZON - timedelta(days=40)
    expected = event.occurrences(berlin(2026, 1, 1), event.occurrences_until)
    assert len(starts) == len(expected) > 12 * 16  # one each month, to 2043


@pytest.mark.django_db
def test_a_single_event_needs_no_rows_and_an_ended_series_is_stored_completely(site_tree):
    single = EventPageFactory(parent=site_tree.events, start=berlin(2026, 5, 1, 10))
    series = EventPageFactory(
        parent=site_tree.events,
        start=berlin(2026, 5, 1, 10),
        end=berlin(2026, 5, 1, 12),
        recurrence_rule="FREQ=WEEKLY;COUNT=3",
    )
    assert stored(single) == []  # windows read its start and end
    assert len(stored(series)) == 3
    assert series.occurrences_until == recurrence.STORED_COMPLETELY
    assert single.occurrences_until is None  # a rule written without a save is seen unstored
    assert single.last_occurrence_end is None
    assert series.last_occurrence_end == berlin(2026, 5, 15, 12)  # what an open window asks


@pytest.mark.django_db
def test_a_rule_saved_before_validation_counts_by_its_first_date(site_tree):
    event = EventPageFactory(parent=site_tree.events, start=berlin(2026, 1, 1, 10))
    EventPage.objects.filter(pk=event.pk).update(
        recurrence_rule="FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30"
    )
    call_command("store_event_occurrences", "--all")
    assert stored(event) == [berlin(2026, 1, 1, 10)]


@pytest.mark.django_db
def test_changed_dates_and_exception_dates_are_stored_anew(site_tree):
    event = EventPageFactory(
        parent=site_tree.events,
        start=berlin(2026, 1, 6, 18),
        end=berlin(2026, 1, 6, 18),
        recurrence_rule="FREQ=WEEKLY;COUNT=4",
    )
    event.recurrence_rule = "FREQ=WEEKLY;COUNT=2"
    event.save_revision().publish()
    assert stored(event) == [berlin(2026, 1, 6, 18), berlin(2026, 1, 13, 18)]
    EventExceptionDate.objects.create(event=event, date=date(2026, 1, 13))
    assert stored(event) == [berlin(2026, 1, 6, 18)]
    event.refresh_from_db()
    assert event.last_occurrence_end == berlin(2026, 1, 6, 18)
    event.exception_dates.get().delete()
    assert len(stored(event)) == 2


@pytest.mark.django_db
def test_a_save_that_leaves_the_dates_alone_keeps_the_stored_rows(site_tree):
    event = EventPageFactory(
        parent=site_tree.events, start=berlin(2026, 1, 6, 18), recurrence_rule="FREQ=DAILY"
    )
    rows = set(EventOccurrence.objects.filter(event=event).values_list("pk", flat=True))
    event.title = "Neu"
    event.save(update_fields=["title", "draft_title"])
    event.save_revision()  # a draft: the live page row and its dates stay
    assert set(EventOccurrence.objects.filter(event=event).values_list("pk", flat=True)) == rows


@pytest.mark.django_db
def test_the_command_extends_what_the_moving_range_no_longer_covers(site_tree):
    event = EventPageFactory(
        parent=site_tree.events, start=berlin(2026, 1, 6, 18), recurrence_rule="FREQ=MONTHLY"
    )
    single = EventPageFactory(parent=site_tree.events, start=berlin(2026, 5, 1, 10))
    in_two_years = date.today() + timedelta(days=2 * 366)
    assert list(events_to_store(in_two_years)) == [event]
    until = event.occurrences_until
    call_command("store_event_occurrences")  # nothing to do today
    event.refresh_from_db()
    assert event.occurrences_until == until
    EventPage.objects.filter(pk=event.pk).update(occurrences_until=None)
    call_command("store_event_occurrences")
    event.refresh_from_db()
    assert event.occurrences_until == until
    assert not events_to_store().exists()
    assert single.occurrences_until is None


def saved_rule(rule, start) -> bool:
    try:
        recurrence.parse_rule(rule, start)
    except ValidationError:
        return False
    return True


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    rule=rules(),
    start=st.datetimes(datetime(2016, 1, 1), datetime(2036, 1, 1)),
    window_offset_days=st.integers(0, 21 * 366),
    window_days=st.integers(0, 366),
)
def test_stored_occurrences_answer_every_allowed_window_as_the_expansion_does(
    rule, start, window_offset_days, window_days
):
    start = berlin(start.year, start.month, start.day, start.hour)
    assume(saved_rule(rule, start))
    first, last = recurrence.window_span(TODAY)
    window_start = first + timedelta(days=window_offset_days)
    window_end = min(window_start + timedelta(days=window_days), last)
    assume(window_start <= window_end)
    occurrences, _ = recurrence.series_occurrences(start, None, rule, [], TODAY)
    in_window = [o for o in occurrences if o.end >= window_start and o.start <= window_end]
    assert in_window[:400] == recurrence.expand(start, None, rule, [], window_start, window_end)

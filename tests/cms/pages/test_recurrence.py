"""Recurrence rules expand to the dates a person would expect, in Bitburg's local time."""

from contextlib import ExitStack, contextmanager
from datetime import date, datetime, time
from types import SimpleNamespace
from unittest.mock import patch
from zoneinfo import ZoneInfo

import pytest
from dateutil.rrule import _iterinfo
from django.core.exceptions import ValidationError

from cms.pages.recurrence import expand, parse_rule
from tests.factories.pages import EventPageFactory

BERLIN = ZoneInfo("Europe/Berlin")
PERIOD_BUILDERS = ("ydayset", "mdayset", "wdayset", "ddayset")


@contextmanager
def counted_periods():
    """Counts the periods dateutil walks through (one day set built per period): the cost
    of an expansion, whatever the machine."""
    counter = SimpleNamespace(count=0)
    originals = {name: getattr(_iterinfo, name) for name in PERIOD_BUILDERS}

    def counting(original):
        def build(*args, **kwargs):
            counter.count += 1
            return original(*args, **kwargs)

        return build

    with ExitStack() as stack:
        for name, original in originals.items():
            stack.enter_context(patch.object(_iterinfo, name, counting(original)))
        yield counter


def berlin(*args):
    return datetime(*args, tzinfo=BERLIN)


def test_first_tuesday_of_every_month():
    occurrences = expand(
        berlin(2026, 1, 6, 18, 0),
        berlin(2026, 1, 6, 20, 0),
        "FREQ=MONTHLY;BYDAY=1TU",
        [],
        berlin(2026, 1, 1),
        berlin(2026, 6, 30, 23, 59),
    )
    assert [o.start.date() for o in occurrences] == [
        date(2026, 1, 6),
        date(2026, 2, 3),
        date(2026, 3, 3),
        date(2026, 4, 7),
        date(2026, 5, 5),
        date(2026, 6, 2),
    ]
    assert all(o.start.weekday() == 1 and o.start.day <= 7 for o in occurrences)


def test_wall_clock_time_survives_daylight_saving_change():
    occurrences = expand(
        berlin(2026, 3, 3, 18, 0),
        None,
        "FREQ=MONTHLY;BYDAY=1TU",
        [],
        berlin(2026, 3, 1),
        berlin(2026, 4, 30),
    )
    assert [o.start.timetz().replace(tzinfo=None) for o in occurrences] == [time(18), time(18)]
    assert [o.start.utcoffset().total_seconds() / 3600 for o in occurrences] == [1, 2]


def test_every_two_years_with_an_exception():
    festival = berlin(2024, 6, 15, 11, 0)
    occurrences = expand(
        festival,
        berlin(2024, 6, 15, 18, 0),
        "FREQ=YEARLY;INTERVAL=2",
        [date(2028, 6, 15)],
        berlin(2024, 1, 1),
        berlin(2032, 12, 31),
    )
    assert [o.start.year for o in occurrences] == [2024, 2026, 2030, 2032]
    assert all(o.end - o.start == berlin(2024, 6, 15, 18) - festival for o in occurrences)


def test_occurrence_that_started_before_the_window_but_overlaps_it_is_included():
    occurrences = expand(
        berlin(2026, 5, 1, 22, 0),
        berlin(2026, 5, 2, 2, 0),
        "FREQ=WEEKLY",
        [],
        berlin(2026, 5, 2, 0, 0),
        berlin(2026, 5, 2, 23, 0),
    )
    assert [o.start for o in occurrences] == [berlin(2026, 5, 1, 22, 0)]


def test_single_event_without_rule_is_its_own_occurrence_only_inside_the_window():
    start = berlin(2024, 9, 7, 10)
    assert len(expand(start, None, "", [], berlin(2024, 9, 1), berlin(2024, 9, 30))) == 1
    assert expand(start, None, "", [], berlin(2024, 10, 1), berlin(2024, 10, 31)) == []


@pytest.mark.parametrize(
    "rule",
    ["FREQ=SOMETIMES", "BYDAY=1TU", "FREQ=MINUTELY", "DTSTART:20260101T000000\nFREQ=DAILY"],
)
def test_invalid_rules_are_refused_with_a_german_message(rule):
    with pytest.raises(ValidationError) as error:
        parse_rule(rule)
    assert any(word in error.value.messages[0] for word in ("Regel", "Wiederholung", "Erlaubt"))


def test_until_in_utc_as_rfc_5545_writes_it_ends_the_series():
    occurrences = expand(
        berlin(2026, 12, 1, 18),
        None,
        "FREQ=WEEKLY;UNTIL=20261222T170000Z",
        [],
        berlin(2026, 12, 1),
        berlin(2027, 1, 31),
    )
    assert [o.start.day for o in occurrences] == [1, 8, 15, 22]


def test_rrule_prefix_is_accepted():
    assert parse_rule("RRULE:FREQ=MONTHLY;BYDAY=1TU") is not None


@pytest.mark.django_db
def test_event_page_expands_its_exception_dates(site_tree):
    event = EventPageFactory(
        parent=site_tree.events,
        start=berlin(2026, 1, 6, 18),
        end=berlin(2026, 1, 6, 20),
        recurrence_rule="FREQ=MONTHLY;BYDAY=1TU",
    )
    event.exception_dates.create(date=date(2026, 2, 3))
    starts = [o.start.date() for o in event.occurrences(berlin(2026, 1, 1), berlin(2026, 3, 31))]
    assert starts == [date(2026, 1, 6), date(2026, 3, 3)]


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=DAILY;BYHOUR=8,12,18",
        "FREQ=DAILY;BYMINUTE=0,30",
        "FREQ=WEEKLY;BYSECOND=5",
        "RRULE:freq=daily;byhour=8",
    ],
)
def test_several_times_a_day_is_refused_with_a_german_message(rule):
    with pytest.raises(ValidationError) as error:
        parse_rule(rule)
    assert "BYHOUR, BYMINUTE, BYSECOND" in error.value.messages[0]
    assert "nicht erlaubt" in error.value.messages[0]


@pytest.mark.django_db
def test_event_form_refuses_a_sub_daily_rule(site_tree):
    event = EventPageFactory(parent=site_tree.events)
    event.recurrence_rule = "FREQ=DAILY;BYHOUR=8"
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "BYHOUR" in " ".join(error.value.message_dict["recurrence_rule"])


def test_a_stored_rule_that_validation_refuses_today_counts_once(caplog):
    """Saved before the checks existed: its first date stays, nothing floods or spins."""
    flood = (
        "FREQ=DAILY;BYHOUR="
        + ",".join(map(str, range(24)))
        + ";BYMINUTE="
        + ",".join(map(str, range(60)))
    )
    legacy = (
        flood,
        "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",
        "FREQ=MONTHLY;INTERVAL=24;BYMONTH=2",
        "FREQ=YEARLY;INTERVAL=4;BYMONTH=2;BYMONTHDAY=29",
    )
    for rule in legacy:
        with counted_periods() as periods:
            occurrences = expand(
                berlin(2026, 1, 1), None, rule, [], berlin(2026, 1, 1), berlin(2026, 12, 31)
            )
        assert [o.start for o in occurrences] == [berlin(2026, 1, 1)]
        assert periods.count == 0
    assert "ungültig" in caplog.text


@pytest.mark.parametrize(
    ("rule", "words"),
    [
        ("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", "BYMONTHDAY"),
        ("FREQ=MONTHLY;BYMONTHDAY=31", "Monatsletzten"),
        ("FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=31", "BYMONTHDAY"),
        ("FREQ=MONTHLY;BYDAY=5MO", "vierten"),
        ("FREQ=WEEKLY;BYDAY=1MO", "monatlich oder jährlich"),
        ("FREQ=YEARLY;BYDAY=20MO", "BYMONTH"),
        ("FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13", "zusammen"),
        ("FREQ=YEARLY;INTERVAL=1000", "INTERVAL"),
        ("FREQ=DAILY;INTERVAL=400", "INTERVAL"),
        ("FREQ=DAILY;COUNT=100000", "COUNT"),
        ("FREQ=YEARLY;BYYEARDAY=100", "BYYEARDAY"),
        ("FREQ=YEARLY;BYWEEKNO=20", "BYWEEKNO"),
        ("FREQ=MONTHLY;BYDAY=MO;BYSETPOS=10", "BYSETPOS"),
        ("FREQ=MONTHLY;BYMONTHDAY=1;BYSETPOS=1", "BYSETPOS"),
        ("FREQ=DAILY;BYMONTH=2;BYDAY=MO;COUNT=900", "UNTIL"),
        ("FREQ=MONTHLY;INTERVAL=24;BYMONTH=2", "jährlich"),
        ("FREQ=DAILY;INTERVAL=365;BYMONTH=2", "jährlich"),
        ("FREQ=YEARLY;INTERVAL=4;BYMONTH=2;BYMONTHDAY=29", "Schaltjahr"),
    ],
)
def test_rules_that_can_leave_periods_empty_are_refused_in_german(rule, words):
    with pytest.raises(ValidationError) as error:
        parse_rule(rule, berlin(2026, 1, 6, 18))
    assert words in " ".join(error.value.messages)


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=MONTHLY;BYDAY=1TU",
        "FREQ=MONTHLY;BYDAY=-1FR",
        "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
        "FREQ=MONTHLY;BYMONTHDAY=-1",
        "FREQ=WEEKLY;BYDAY=WE,FR;UNTIL=20271231T230000Z",
        "FREQ=YEARLY;INTERVAL=2",
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",
        "FREQ=YEARLY;BYMONTH=11;BYDAY=2SA",
        "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;COUNT=20",
    ],
)
def test_rules_editors_use_are_accepted(rule):
    assert parse_rule(rule, berlin(2026, 1, 6, 18)) is not None


def test_a_rule_that_does_not_occur_within_five_years_of_the_start_is_refused():
    with pytest.raises(ValidationError) as error:
        parse_rule("FREQ=WEEKLY;UNTIL=20251231T230000Z", berlin(2026, 1, 6, 18))
    assert "fünf Jahren" in error.value.messages[0]


@pytest.mark.django_db
def test_event_form_refuses_a_rule_that_never_occurs(site_tree):
    event = EventPageFactory(parent=site_tree.events)
    event.recurrence_rule = "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30"
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "BYMONTHDAY" in " ".join(error.value.message_dict["recurrence_rule"])


def test_a_window_far_in_the_future_starts_the_expansion_near_it():
    with counted_periods() as periods:
        occurrences = expand(
            berlin(2026, 1, 1, 18),
            None,
            "FREQ=DAILY",
            [],
            berlin(2999, 1, 1),
            berlin(2999, 1, 31, 23),
        )
    assert len(occurrences) == 31
    assert occurrences[0].start == berlin(2999, 1, 1, 18)
    assert periods.count <= 40


def test_moving_the_start_keeps_the_days_dtstart_implies():
    """Monthly on the 31st skips short months; weekly keeps DTSTART's weekday; both also
    far from DTSTART, where the expansion starts from a moved DTSTART."""
    monthly = expand(
        berlin(2026, 1, 31, 9),
        None,
        "FREQ=MONTHLY",
        [],
        berlin(2031, 1, 1),
        berlin(2031, 5, 31, 23),
    )
    assert [o.start.date() for o in monthly] == [
        date(2031, 1, 31),
        date(2031, 3, 31),
        date(2031, 5, 31),
    ]
    weekly = expand(
        berlin(2026, 1, 7, 9),
        None,
        "FREQ=WEEKLY;INTERVAL=2",
        [],
        berlin(2030, 1, 1),
        berlin(2030, 1, 31),
    )
    assert all(o.start.weekday() == 2 for o in weekly)
    assert [o.start.date() for o in weekly] == [
        date(2030, 1, 2),
        date(2030, 1, 16),
        date(2030, 1, 30),
    ]

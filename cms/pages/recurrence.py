"""Expansion of RFC 5545 recurrence rules into concrete occurrences.

Rules are expanded in local wall-clock time (Europe/Berlin), so a meeting "every first
Tuesday at 18:00" stays at 18:00 across daylight-saving changes.
"""

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta
from dateutil.rrule import DAILY, MONTHLY, WEEKLY, YEARLY, rrule, rrulestr
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone

ALLOWED_FREQUENCIES = {DAILY, WEEKLY, MONTHLY, YEARLY}
#: Parts that repeat an event several times a day; one occurrence per day is the finest step.
SUB_DAILY_PARTS = {"BYHOUR", "BYMINUTE", "BYSECOND"}
#: What an editor may use. Each combination the checks below allow yields at least one
#: candidate in every period of the rule's frequency (February 29 aside: every four years),
#: so expanding any window costs at most a few iterations per period of the window. dateutil
#: only stops at UNTIL when a candidate passes it: a rule that never occurs (February 30)
#: would run to the year 9999.
ALLOWED_PARTS = {"FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY", "BYMONTH"}
ALLOWED_PARTS |= {"BYSETPOS", "WKST"}
#: The longest step between two occurrences an editor may ask for, per frequency.
MAX_INTERVAL = {DAILY: 366, WEEKLY: 104, MONTHLY: 24, YEARLY: 4}
MAX_COUNT = 1000
#: A saved rule occurs within this many years of the event's start, and a COUNT ends in it.
HORIZON_YEARS = 5
#: n-th weekday of a month (1 to 4, or -1 to -4 from its end) exists in every month.
MAX_WEEKDAY_ORDINAL = 4
#: Days of the month every month has.
MAX_COMMON_MONTH_DAY = 28
DAYS_IN_MONTH = {1: 31, 2: 29, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31}
DAYS_IN_MONTH |= {11: 30, 12: 31}
#: Upper bound of occurrences one event yields per expansion (a daily event in the longest
#: window has 367), a second line of defence for rules saved before these checks.
MAX_OCCURRENCES = 400
#: Date windows of the API lie between January 1 this many years before the current year and
#: December 31 this many years after it (cms.api.filters.window checks requests against it).
WINDOW_YEARS = 10
#: Longest window whose occurrences are listed; also what an open window lists in full.
MAX_WINDOW = timedelta(days=366)
#: How far an open window looks for the next occurrence of an event that has none within
#: MAX_WINDOW: every rule an editor may save has one within four years of any moment,
#: plus exception dates.
NEXT_OCCURRENCE_HORIZON = timedelta(days=5 * 366)
#: Stored occurrences reach this far past the last moment a date window may name today: far
#: enough for the next occurrence after any allowed window, with a year to spare before
#: `manage.py store_event_occurrences` has to extend them.
STORED_BEYOND_WINDOWS = NEXT_OCCURRENCE_HORIZON + timedelta(days=366)
#: `occurrences_until` of an event without occurrences after its stored ones.
STORED_COMPLETELY = datetime(9999, 12, 31, tzinfo=UTC)
UTC_UNTIL = re.compile(r"UNTIL=(\d{8}T\d{6})Z")
ORDINAL_WEEKDAY = re.compile(r"^([+-]?\d+)?(MO|TU|WE|TH|FR|SA|SU)$")

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Occurrence:
    start: datetime
    end: datetime


def local_zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def window_span(today: date) -> tuple[datetime, datetime]:
    """The earliest and latest moment a date window may name."""
    zone = local_zone()
    first = datetime(today.year - WINDOW_YEARS, 1, 1, tzinfo=zone)
    last = datetime.combine(date(today.year + WINDOW_YEARS, 12, 31), time.max, tzinfo=zone)
    return first, last


def normalise_rule(text: str) -> str:
    """Strip an optional "RRULE:" prefix and whitespace; upper-case the rule."""
    rule = text.strip()
    if rule.upper().startswith("RRULE:"):
        rule = rule[len("RRULE:") :]
    return rule.upper()


def _until_in_local_time(rule_text: str) -> str:
    """RFC 5545 writes UNTIL in UTC ("…Z"); the expansion runs in naive local time."""

    def to_local(match):
        until = datetime.strptime(match.group(1), "%Y%m%dT%H%M%S").replace(tzinfo=UTC)
        return "UNTIL=" + until.astimezone(local_zone()).strftime("%Y%m%dT%H%M%S")

    return UTC_UNTIL.sub(to_local, rule_text)


def parse_rule(text: str, dtstart: datetime | None = None) -> rrule:
    """Parse a rule an editor may save, or raise a ValidationError they can act on (German).

    With ``dtstart`` (the event's start) the rule must also occur within a few years of it.
    """
    parts = rule_parts(text)
    if set(parts) & SUB_DAILY_PARTS:
        raise ValidationError(
            "Stunden, Minuten und Sekunden (BYHOUR, BYMINUTE, BYSECOND) sind in der Regel "
            "nicht erlaubt; die Uhrzeit kommt aus dem Beginn der Veranstaltung."
        )
    local_start = dtstart.astimezone(local_zone()).replace(tzinfo=None) if dtstart else None
    rule = _build_rule(text, local_start)
    _check_bounded(parts, rule)
    if local_start is not None:
        # Bounded walks: every allowed rule has a candidate at least every four years.
        horizon = local_start + relativedelta(years=HORIZON_YEARS)
        within = rule.between(local_start, horizon, inc=True)
        if not within:
            raise ValidationError(
                "Nach dieser Regel findet die Veranstaltung in den nächsten fünf Jahren nach "
                "ihrem Beginn nicht statt. Bitte Regel und Beginn prüfen."
            )
        if rule._count is not None and len(within) < rule._count:
            raise ValidationError(
                "Eine Serie mit COUNT muss innerhalb von fünf Jahren nach ihrem Beginn "
                "enden. Für längere Serien bitte UNTIL (Enddatum) angeben."
            )
    return rule


def rule_parts(text: str) -> dict[str, str]:
    """``{"FREQ": "MONTHLY", "BYDAY": "1TU"}`` for ``FREQ=MONTHLY;BYDAY=1TU``."""
    parts = {}
    for part in normalise_rule(text).split(";"):
        name, _, value = part.partition("=")
        if name.strip():
            parts[name.strip()] = value.strip()
    return parts


def _numbers(value: str) -> list[int]:
    try:
        return [int(item) for item in value.split(",")]
    except ValueError as error:
        raise ValidationError(f"„{value}“ ist keine Liste ganzer Zahlen.") from error


def _check_bounded(parts: dict[str, str], rule: rrule) -> None:
    """Refuse what can leave whole periods (or every period) without an occurrence."""
    unknown = sorted(set(parts) - ALLOWED_PARTS)
    if unknown:
        raise ValidationError(
            f"{', '.join(unknown)} ist in der Regel nicht erlaubt. Erlaubt sind: "
            "FREQ, INTERVAL, COUNT, UNTIL, BYDAY, BYMONTHDAY, BYMONTH, BYSETPOS, WKST."
        )
    frequency = rule._freq
    if rule._interval > MAX_INTERVAL[frequency]:
        raise ValidationError(
            f"INTERVAL={rule._interval} ist zu groß: höchstens {MAX_INTERVAL[frequency]} "
            "für diese Wiederholung."
        )
    if rule._count is not None and rule._count > MAX_COUNT:
        raise ValidationError(f"COUNT darf höchstens {MAX_COUNT} sein.")
    weekdays = [ORDINAL_WEEKDAY.match(day) for day in parts.get("BYDAY", "").split(",")]
    ordinals = [int(match.group(1)) for match in weekdays if match and match.group(1)]
    if ordinals and (
        frequency not in (MONTHLY, YEARLY)
        or (frequency == YEARLY and "BYMONTH" not in parts)
        or any(not 1 <= abs(ordinal) <= MAX_WEEKDAY_ORDINAL for ordinal in ordinals)
    ):
        raise ValidationError(
            "Nummerierte Wochentage (z. B. 1TU, -1FR) gehen nur monatlich oder jährlich mit "
            "BYMONTH, und nur vom ersten bis vierten (1 bis 4) oder vom letzten bis "
            "viertletzten (-1 bis -4)."
        )
    if "BYMONTHDAY" in parts:
        if "BYDAY" in parts:
            raise ValidationError("BYDAY und BYMONTHDAY zusammen sind nicht erlaubt.")
        months = _numbers(parts["BYMONTH"]) if "BYMONTH" in parts else list(DAYS_IN_MONTH)
        longest = max(DAYS_IN_MONTH.get(month, 31) for month in months)
        allowed = longest if frequency == YEARLY else MAX_COMMON_MONTH_DAY
        if any(not 1 <= abs(day) <= allowed for day in _numbers(parts["BYMONTHDAY"])):
            raise ValidationError(
                f"BYMONTHDAY erlaubt hier nur Tage von 1 bis {allowed} (oder -1 für den "
                "Monatsletzten bis -28), damit kein Monat ohne Termin bleibt."
            )
    if rule._interval > 1 and "BYMONTH" in parts and frequency != YEARLY:
        raise ValidationError(
            "BYMONTH zusammen mit INTERVAL geht nur jährlich: sonst kann die Schrittweite die "
            "genannten Monate für immer überspringen."
        )
    if (
        rule._interval > 1
        and parts.get("BYMONTH") == "2"
        and "29" in parts.get("BYMONTHDAY", "").split(",")
    ):
        raise ValidationError(
            "Der 29. Februar mit INTERVAL kann jedes Schaltjahr überspringen; bitte ohne "
            "INTERVAL angeben."
        )
    if "BYSETPOS" in parts and (
        "BYDAY" not in parts
        or any(not 1 <= abs(pos) <= MAX_WEEKDAY_ORDINAL for pos in _numbers(parts["BYSETPOS"]))
    ):
        raise ValidationError(
            "BYSETPOS geht nur zusammen mit BYDAY und mit Werten von 1 bis 4 oder -1 bis -4 "
            "(z. B. BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1 für den letzten Werktag im Monat)."
        )


def _build_rule(text: str, dtstart: datetime | None) -> rrule:
    rule_text = normalise_rule(text)
    if "DTSTART" in rule_text or "\n" in rule_text:
        raise ValidationError(
            "Bitte nur die Regel angeben (z. B. FREQ=MONTHLY;BYDAY=1TU), ohne DTSTART."
        )
    try:
        rule = rrulestr(_until_in_local_time(rule_text), dtstart=dtstart or datetime(2000, 1, 1))
    except (ValueError, TypeError) as error:
        raise ValidationError(
            "Ungültige Wiederholungsregel (RFC 5545 RRULE), z. B. FREQ=MONTHLY;BYDAY=1TU "
            f"für „jeden ersten Dienstag“: {error}"
        ) from error
    if not isinstance(rule, rrule) or rule._freq not in ALLOWED_FREQUENCIES:
        raise ValidationError(
            "Erlaubt sind tägliche, wöchentliche, monatliche und jährliche Wiederholungen."
        )
    return rule


def _bounded_rule(text: str, local_start: datetime) -> rrule:
    rule = _build_rule(text, local_start)
    _check_bounded(rule_parts(text), rule)
    return rule


PERIOD = {DAILY: "days", WEEKLY: "weeks", MONTHLY: "months", YEARLY: "years"}


def _periods_between(rule: rrule, earlier: datetime, later: datetime) -> int:
    """Whole periods of the rule (its frequency times its interval) from earlier to later."""
    if rule._freq in (DAILY, WEEKLY):
        days = (later - earlier).days
        return days // (rule._interval * (7 if rule._freq == WEEKLY else 1))
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months // (rule._interval * (12 if rule._freq == YEARLY else 1))


def _starting_near(rule: rrule, text: str, moment: datetime) -> rrule:
    """The same series, its start moved forward by whole periods to just before ``moment``,
    so the expansion does not walk every period since the event began.

    The parts dateutil derives from DTSTART (the weekday, the day of the month) are given
    explicitly, so moving DTSTART does not change which days the rule names. A rule with
    COUNT counts from its own start and is not moved (COUNT is bounded by validation).
    """
    periods = _periods_between(rule, rule._dtstart, moment) - 1
    if rule._count is not None or periods <= 0:
        return rule
    start = rule._dtstart
    parts = rule_parts(text)
    defaults = {}
    if "BYDAY" not in parts and "BYMONTHDAY" not in parts:
        if rule._freq == YEARLY:
            defaults["bymonth"] = rule._bymonth
            defaults["bymonthday"] = start.day
        elif rule._freq == MONTHLY:
            defaults["bymonthday"] = start.day
        elif rule._freq == WEEKLY:
            defaults["byweekday"] = start.weekday()
    shift = relativedelta(**{PERIOD[rule._freq]: periods * rule._interval})
    return rule.replace(dtstart=start + shift, **defaults)


def expand(
    start: datetime,
    end: datetime | None,
    rule_text: str,
    exception_dates: Iterable[date],
    window_start: datetime,
    window_end: datetime,
    limit: int | None = MAX_OCCURRENCES,
) -> list[Occurrence]:
    """Occurrences that overlap [window_start, window_end], at most ``limit``.

    Without a rule the event itself is the only occurrence; so it is with a stored rule that
    validation refuses today (saved before a check existed), which is logged. Exception
    dates remove every occurrence that starts on that local calendar day. The work is
    bounded by the window, not by the time since the event began.
    """
    zone = local_zone()
    duration = (end - start) if end and end > start else timedelta(0)
    rule = _series_rule(start, rule_text)
    if rule is None:
        if start <= window_end and start + duration >= window_start:
            return [Occurrence(start, start + duration)]
        return []

    search_from = (window_start - duration).astimezone(zone).replace(tzinfo=None)
    search_to = window_end.astimezone(zone).replace(tzinfo=None)
    if search_to < rule._dtstart or (rule._until is not None and rule._until < search_from):
        return []
    rule = _starting_near(rule, rule_text, search_from)
    excluded = set(exception_dates)
    occurrences = []
    for local in rule.xafter(search_from, inc=True):
        if local > search_to or len(occurrences) == limit:
            break
        if local.date() in excluded:
            continue
        occurrence_start = local.replace(tzinfo=zone)
        occurrences.append(Occurrence(occurrence_start, occurrence_start + duration))
    return occurrences


def ends_by(start: datetime, rule_text: str, moment: datetime) -> bool:
    """Whether the series has no occurrence starting after ``moment`` (a single event: its
    start lies before it). Bounded like expand: every saved rule has a candidate every few
    years, and a COUNT series ends within five years of its start."""
    rule = _series_rule(start, rule_text)
    if rule is None:
        return start <= moment
    local = moment.astimezone(local_zone()).replace(tzinfo=None)
    if rule._until is not None and rule._until <= local:
        return True
    return _starting_near(rule, rule_text, local).after(local) is None


def _series_rule(start: datetime, rule_text: str) -> rrule | None:
    """The event's rule in local time, or None without one (or with one refused today)."""
    if not rule_text:
        return None
    try:
        return _bounded_rule(rule_text, start.astimezone(local_zone()).replace(tzinfo=None))
    except ValidationError:
        logger.warning("Wiederholungsregel %r ungültig: nur der erste Termin zählt.", rule_text)
        return None


def series_occurrences(
    start: datetime,
    end: datetime | None,
    rule: str,
    exception_dates: Iterable[date],
    today: date | None = None,
) -> tuple[list[Occurrence], datetime | None]:
    """The occurrences to store for an event, and up to when they are complete (None for a
    single event: a rule written later without a save then counts as not stored).

    A series is stored from the earliest moment a window may name (one whose rule validation
    refuses today by its first date); a single event needs none, windows read its fields.
    """
    if not rule:
        return [], None
    first, last = window_span(today or timezone.localdate())
    horizon = last + STORED_BEYOND_WINDOWS
    occurrences = expand(start, end, rule, exception_dates, first, horizon, limit=None)
    complete = ends_by(start, rule, horizon)
    return occurrences, STORED_COMPLETELY if complete else horizon

"""Expansion of RFC 5545 recurrence rules into concrete occurrences.

Rules are expanded in local wall-clock time (Europe/Berlin), so a meeting "every first
Tuesday at 18:00" stays at 18:00 across daylight-saving changes.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from dateutil.rrule import DAILY, MONTHLY, WEEKLY, YEARLY, rrule, rrulestr
from django.conf import settings
from django.core.exceptions import ValidationError

ALLOWED_FREQUENCIES = {DAILY, WEEKLY, MONTHLY, YEARLY}
#: Parts that repeat an event several times a day; one occurrence per day is the finest step.
SUB_DAILY_PARTS = {"BYHOUR", "BYMINUTE", "BYSECOND"}
#: Upper bound of occurrences one event yields per expansion (a daily event in the longest
#: window has 367), so a rule saved before validation tightened cannot flood a request.
MAX_OCCURRENCES = 400
UTC_UNTIL = re.compile(r"UNTIL=(\d{8}T\d{6})Z")


@dataclass(frozen=True)
class Occurrence:
    start: datetime
    end: datetime


def local_zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


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
    """Parse a rule or raise a ValidationError that an editor can act on (in German)."""
    rule = _build_rule(text, dtstart)
    parts = {part.partition("=")[0].strip() for part in normalise_rule(text).split(";")}
    if parts & SUB_DAILY_PARTS:
        raise ValidationError(
            "Stunden, Minuten und Sekunden (BYHOUR, BYMINUTE, BYSECOND) sind in der Regel "
            "nicht erlaubt; die Uhrzeit kommt aus dem Beginn der Veranstaltung."
        )
    return rule


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


def expand(
    start: datetime,
    end: datetime | None,
    rule_text: str,
    exception_dates: Iterable[date],
    window_start: datetime,
    window_end: datetime,
) -> list[Occurrence]:
    """Occurrences that overlap [window_start, window_end], at most MAX_OCCURRENCES.

    Without a rule the event itself is the only occurrence. Exception dates remove every
    occurrence that starts on that local calendar day.
    """
    zone = local_zone()
    duration = (end - start) if end and end > start else timedelta(0)
    if not rule_text:
        if start <= window_end and start + duration >= window_start:
            return [Occurrence(start, start + duration)]
        return []

    local_start = start.astimezone(zone).replace(tzinfo=None)
    rule = _build_rule(rule_text, dtstart=local_start)
    search_from = (window_start - duration).astimezone(zone).replace(tzinfo=None)
    search_to = window_end.astimezone(zone).replace(tzinfo=None)
    excluded = set(exception_dates)
    occurrences = []
    for local in rule.xafter(search_from, inc=True):
        if local > search_to or len(occurrences) == MAX_OCCURRENCES:
            break
        if local.date() in excluded:
            continue
        occurrence_start = local.replace(tzinfo=zone)
        occurrences.append(Occurrence(occurrence_start, occurrence_start + duration))
    return occurrences

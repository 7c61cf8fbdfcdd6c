"""RFC 5545 calendars of events: one VEVENT per event, recurrences as RRULE + EXDATE."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.utils.text import normalize_newlines

from .plain_text import plain_text

PRODID = "-//Bitburger Engagement Netz//BEN CMS//DE"
UID_DOMAIN = "ben-cms"


def build_calendar(events, name: str, organiser_of) -> bytes:
    """``organiser_of(event)``: the organiser to name, None where it is not published."""
    zone = ZoneInfo(settings.TIME_ZONE)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for event in events:
        calendar.add_component(build_event(event, zone, organiser_of(event)))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def build_event(event, zone: ZoneInfo, organiser) -> icalendar.Event:
    component = icalendar.Event()
    component.add("uid", f"{event.translation_key}@{UID_DOMAIN}")
    # Deterministic, so an unchanged calendar keeps its ETag.
    stamp = event.last_published_at or event.first_published_at or event.start
    component.add("dtstamp", stamp.astimezone(UTC))
    if event.last_published_at:
        component.add("last-modified", event.last_published_at.astimezone(UTC))
    component.add("summary", event.title)
    start = event.start.astimezone(zone)
    end = event.end.astimezone(zone) if event.end else None
    if event.all_day:
        component.add("dtstart", start.date())
        last_day = end.date() if end else start.date()
        component.add("dtend", last_day + timedelta(days=1))
    else:
        component.add("dtstart", start)
        if end:
            component.add("dtend", end)
    if event.recurrence_rule:
        component.add("rrule", _rule(event.recurrence_rule, event.all_day, zone))
        exceptions = [exception.date for exception in event.exception_dates.all()]
        if exceptions:
            component.add("exdate", [_on_day(day, start, event.all_day) for day in exceptions])
    description = _description(event, organiser)
    if description:
        component.add("description", description)
    location = ", ".join(
        part
        for part in (event.location_name, event.street, f"{event.postal_code} {event.city}")
        if part and part.strip()
    )
    if location:
        component.add("location", location)
    if event.has_coordinates:
        component.add("geo", (float(event.latitude), float(event.longitude)))
    categories = [category.name for category in event.categories.all()]
    if categories:
        component.add("categories", categories)
    if organiser and organiser.email:
        address = icalendar.vCalAddress(f"mailto:{organiser.email}")
        address.params["cn"] = organiser.title
        component.add("organizer", address)
    url = event.registration_url or event.full_url
    if url:
        component.add("url", url)
    return component


def _rule(rule_text: str, all_day: bool, zone: ZoneInfo) -> icalendar.vRecur:
    """The stored rule, with UNTIL in the value type RFC 5545 requires for this DTSTART."""
    rule = icalendar.vRecur.from_ical(rule_text)
    if "UNTIL" in rule:
        until = rule["UNTIL"][0]
        if all_day:
            rule["UNTIL"] = [until.date() if isinstance(until, datetime) else until]
        elif not isinstance(until, datetime):
            rule["UNTIL"] = [datetime.combine(until, time(23, 59, 59), zone).astimezone(UTC)]
        elif until.tzinfo is None:
            rule["UNTIL"] = [until.replace(tzinfo=zone).astimezone(UTC)]
    return rule


def _on_day(day: date, start: datetime, all_day: bool):
    """An EXDATE value matching DTSTART: same wall-clock time on the cancelled day."""
    return day if all_day else datetime.combine(day, start.timetz())


def _description(event, organiser) -> str:
    parts = [plain_text(event.description)]
    if event.price:
        parts.append(f"Preis: {event.price}")
    if event.registration_url:
        parts.append(f"Anmeldung: {event.registration_url}")
    if organiser:
        parts.append(f"Veranstalter: {organiser.title}")
    return normalize_newlines("\n\n".join(part for part in parts if part))

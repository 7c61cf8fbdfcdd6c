"""schema.org JSON-LD for events (Event), clubs (Organization) and benefit partners
(LocalBusiness offering the Ehrenamtskarte discount)."""

from django.conf import settings

from ben_plugins.core.resources import api_resource_url
from cms.pages import recurrence

from .plain_text import plain_text

CONTEXT = "https://schema.org"
NETWORK = {"@type": "Organization", "name": "Bitburger Engagement Netz"}
FREQUENCIES = {"DAILY": "D", "WEEKLY": "W", "MONTHLY": "M", "YEARLY": "Y"}
WEEKDAYS = {
    "MO": "Monday",
    "TU": "Tuesday",
    "WE": "Wednesday",
    "TH": "Thursday",
    "FR": "Friday",
    "SA": "Saturday",
    "SU": "Sunday",
}


def event_jsonld(event, site, organiser) -> dict:
    """``organiser``: the event's organiser if it is published, else None."""
    zone = recurrence.local_zone()
    data = {
        "@context": CONTEXT,
        "@type": "Event",
        "@id": api_resource_url(event, site),
        "name": event.title,
        "description": plain_text(event.description),
        "startDate": _when(event.start.astimezone(zone), event.all_day),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "inLanguage": "de",
        "location": {"@type": "Place", "name": event.location_name, **_place(event)},
        "keywords": [category.name for category in event.categories.all()],
    }
    if event.end:
        data["endDate"] = _when(event.end.astimezone(zone), event.all_day)
    if organiser:
        data["organizer"] = _organization_reference(organiser, site)
    if event.recurrence_rule:
        data["eventSchedule"] = _schedule(event, zone)
    if event.price:
        data["offers"] = {"@type": "Offer", "description": event.price, "url": event.full_url}
    if event.registration_url:
        data["url"] = event.registration_url
    return _without_empty(data)


def organization_jsonld(club, site) -> dict:
    data = {
        "@context": CONTEXT,
        "@type": "Organization",
        "@id": api_resource_url(club, site),
        "name": club.title,
        "description": plain_text(club.description),
        "url": club.website,
        "email": club.email,
        "telephone": club.phone,
        "foundingDate": str(club.founded_year) if club.founded_year else None,
        "knowsLanguage": list(club.languages or []),
        "keywords": [category.name for category in club.categories.all()],
        "memberOf": NETWORK,
        **_place(club),
    }
    return _without_empty(data)


def local_business_jsonld(partner, site) -> dict:
    offer = {
        "@type": "Offer",
        "name": "Vergünstigung mit der Ehrenamtskarte Rheinland-Pfalz",
        "description": partner.discount_de,
        "disambiguatingDescription": partner.conditions,
        "validFrom": partner.valid_from.isoformat() if partner.valid_from else None,
        "validThrough": partner.valid_until.isoformat() if partner.valid_until else None,
        "eligibleCustomerType": "Inhaber*innen der Ehrenamtskarte Rheinland-Pfalz",
        "category": partner.get_category_display(),
    }
    if partner.discount_en:
        offer["alternateName"] = {"@language": "en", "@value": partner.discount_en}
    data = {
        "@context": CONTEXT,
        "@type": "LocalBusiness",
        "@id": api_resource_url(partner, site),
        "name": partner.title,
        "description": plain_text(partner.description),
        "url": partner.website,
        "email": partner.email,
        "telephone": partner.phone,
        "makesOffer": _without_empty(offer),
        **_place(partner),
    }
    return _without_empty(data)


def _place(obj) -> dict:
    place = {
        "address": {
            "@type": "PostalAddress",
            "streetAddress": obj.street,
            "postalCode": obj.postal_code,
            "addressLocality": obj.city,
            "addressCountry": "DE",
        }
    }
    if obj.has_coordinates:
        place["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(obj.latitude),
            "longitude": float(obj.longitude),
        }
    return place


def _organization_reference(club, site) -> dict:
    return {"@type": "Organization", "@id": api_resource_url(club, site), "name": club.title}


def _schedule(event, zone) -> dict:
    """schema.org Schedule from the RRULE, so consumers need not parse RFC 5545."""
    parts = dict(
        part.split("=", 1) for part in recurrence.normalise_rule(event.recurrence_rule).split(";")
    )
    start = event.start.astimezone(zone)
    interval = parts.get("INTERVAL", "1")
    schedule = {
        "@type": "Schedule",
        "repeatFrequency": f"P{interval}{FREQUENCIES[parts['FREQ']]}",
        "startDate": start.date().isoformat(),
        "scheduleTimezone": settings.TIME_ZONE,
        "exceptDate": [exception.date.isoformat() for exception in event.exception_dates.all()],
    }
    if not event.all_day:
        schedule["startTime"] = start.time().isoformat(timespec="minutes")
        if event.end:
            end = event.end.astimezone(zone)
            schedule["endTime"] = end.time().isoformat(timespec="minutes")
    if "COUNT" in parts:
        schedule["repeatCount"] = int(parts["COUNT"])
    if "UNTIL" in parts:
        until = parts["UNTIL"]
        schedule["endDate"] = f"{until[:4]}-{until[4:6]}-{until[6:8]}"
    if "BYDAY" in parts:
        days = parts["BYDAY"].split(",")
        schedule["byDay"] = [f"https://schema.org/{WEEKDAYS[day[-2:]]}" for day in days]
        ordinals = [int(day[:-2]) for day in days if day[:-2]]
        if ordinals:
            schedule["byMonthWeek"] = ordinals
    for key, name in (("BYMONTHDAY", "byMonthDay"), ("BYMONTH", "byMonth")):
        if key in parts:
            schedule[name] = [int(value) for value in parts[key].split(",")]
    return schedule


def _when(moment, all_day: bool) -> str:
    return moment.date().isoformat() if all_day else moment.isoformat()


def _without_empty(data: dict) -> dict:
    """Drop keys without a value; JSON-LD consumers treat missing and empty alike."""
    cleaned = {}
    for key, value in data.items():
        if isinstance(value, dict) and "@type" in value:
            value = _without_empty(value)
            if set(value) == {"@type"}:
                continue
        if value in (None, "", [], {}):
            continue
        cleaned[key] = value
    return cleaned

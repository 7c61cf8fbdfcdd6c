"""The steering group's figures: counts only, never a person (issue #16, point 5).

One function computes them; the admin report page draws them as SVG charts and the JSON
endpoint serves the same dictionary to the city's dashboards.
"""

import datetime as dt
import statistics

from django.db.models import Count
from django.utils import timezone

from cms.core.publication import published
from cms.snippets.models import VolunteerOpportunity

from .daily import expired_offers
from .models import InterestMessage

#: The report covers the current month and the eleven before it.
MONTHS = 12


def month_starts(today: dt.date, months: int = MONTHS) -> list[dt.date]:
    """The first day of each of the last ``months`` months, oldest first."""
    starts = []
    year, month = today.year, today.month
    for _ in range(months):
        starts.append(dt.date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return starts[::-1]


def _month_of(moment: dt.datetime) -> str:
    return timezone.localtime(moment).strftime("%Y-%m")


def compute(now: dt.datetime | None = None) -> dict:
    """Every figure of the report for the last 12 months (Berlin time), as plain data.

    Interests count confirmed messages by the month they arrived; placements count messages
    marked „Vermittelt“ by the month of that outcome; the median time to first contact is
    in days, over the messages first contacted within the period.
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    starts = month_starts(today)
    begin = timezone.make_aware(dt.datetime.combine(starts[0], dt.time.min))
    months = [start.strftime("%Y-%m") for start in starts]
    messages = InterestMessage.objects.filter(submitted_at__gte=begin, submitted_at__lte=now)

    interests = dict.fromkeys(months, 0)
    for submitted_at in messages.values_list("submitted_at", flat=True):
        interests[_month_of(submitted_at)] += 1
    placements = dict.fromkeys(months, 0)
    placed = InterestMessage.objects.filter(
        status=InterestMessage.Status.PLACED, outcome_at__gte=begin, outcome_at__lte=now
    )
    for outcome_at in placed.values_list("outcome_at", flat=True):
        placements[_month_of(outcome_at)] += 1

    by_category = (
        messages.exclude(opportunity__categories__isnull=True)
        .values("opportunity__categories__slug", "opportunity__categories__name")
        .annotate(count=Count("pk", distinct=True))
        .order_by("-count", "opportunity__categories__name")
    )
    by_club = (
        messages.values("club_id", "club__title")
        .annotate(count=Count("pk"))
        .order_by("-count", "club__title")
    )
    waits = [
        (first - confirmed).total_seconds() / 86400
        for confirmed, first in InterestMessage.objects.filter(
            first_contact_at__gte=begin, first_contact_at__lte=now
        ).values_list("confirmed_at", "first_contact_at")
    ]
    return {
        "period": {"start": starts[0].isoformat(), "end": today.isoformat()},
        "interests_per_month": [
            {"month": month, "interests": interests[month], "placements": placements[month]}
            for month in months
        ],
        "interests_by_category": [
            {
                "category": row["opportunity__categories__slug"],
                "name": row["opportunity__categories__name"],
                "interests": row["count"],
            }
            for row in by_category
        ],
        "interests_by_club": [
            {"club": row["club_id"], "name": row["club__title"], "interests": row["count"]}
            for row in by_club
        ],
        "interests": sum(interests.values()),
        "placements": sum(placements.values()),
        "median_days_to_first_contact": (round(statistics.median(waits), 1) if waits else None),
        "offers": {
            "live": published(VolunteerOpportunity.objects.all()).count(),
            "expired": expired_offers().count(),
        },
    }

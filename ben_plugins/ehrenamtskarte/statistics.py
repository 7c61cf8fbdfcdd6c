"""Figures for the steering group: counts only, no personal data."""

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from rest_framework import serializers

from .models import CardApplication, IssuedCard, OrganisationConfirmation

#: Smaller groups could point to a person: they are folded in or left out.
MIN_COUNT = 3
OTHERS = "andere Organisationen"


class CountSerializer(serializers.Serializer):
    key = serializers.CharField()
    count = serializers.IntegerField()


class StatisticsSerializer(serializers.Serializer):
    applications_per_month = CountSerializer(many=True, help_text="key: YYYY-MM")
    by_status = CountSerializer(many=True, help_text="key: status")
    by_organisation = CountSerializer(
        many=True,
        help_text="key: the BEN club's name, or „andere Organisationen“ for every organisation "
        f"outside BEN and every club with fewer than {MIN_COUNT} applications; a group with "
        f"fewer than {MIN_COUNT} is left out.",
    )
    cards_valid_today = serializers.IntegerField()


def figures(today) -> dict:
    """Confirmed applications per month, by status and by organisation; valid cards."""
    applications = CardApplication.objects.all()
    per_month = (
        applications.annotate(month=TruncMonth("submitted_at"))
        .values("month")
        .annotate(count=Count("pk"))
        .order_by("month")
    )
    by_status = applications.values("status").annotate(count=Count("pk")).order_by("status")
    confirmations = OrganisationConfirmation.objects.filter(
        application__in=applications.values("pk")
    )
    valid = IssuedCard.objects.filter(issued_on__lte=today).filter(
        Q(valid_until__isnull=True) | Q(valid_until__gte=today)
    )
    return {
        "applications_per_month": [
            {"key": row["month"].strftime("%Y-%m"), "count": row["count"]} for row in per_month
        ],
        "by_status": [{"key": row["status"], "count": row["count"]} for row in by_status],
        "by_organisation": by_organisation(confirmations),
        "cards_valid_today": valid.count(),
    }


def by_organisation(confirmations) -> list[dict]:
    """Applications per BEN club; what applicants typed (other organisations' names) is
    never published, and no group smaller than MIN_COUNT is shown."""
    per_club = (
        confirmations.filter(club__isnull=False)
        .values("club__title")
        .annotate(count=Count("application", distinct=True))
        .order_by("-count", "club__title")
    )
    rows = [
        {"key": row["club__title"], "count": row["count"]}
        for row in per_club
        if row["count"] >= MIN_COUNT
    ]
    shown = [row["key"] for row in rows]
    others = confirmations.exclude(club__title__in=shown).values("application").distinct().count()
    if others >= MIN_COUNT:
        rows.append({"key": OTHERS, "count": others})
    return rows

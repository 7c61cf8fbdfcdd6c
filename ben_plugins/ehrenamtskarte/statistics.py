"""Figures for the steering group: counts only, no personal data."""

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from rest_framework import serializers

from .models import CardApplication, IssuedCard, OrganisationConfirmation


class CountSerializer(serializers.Serializer):
    key = serializers.CharField()
    count = serializers.IntegerField()


class StatisticsSerializer(serializers.Serializer):
    applications_per_month = CountSerializer(many=True, help_text="key: YYYY-MM")
    by_status = CountSerializer(many=True, help_text="key: status")
    by_organisation = CountSerializer(many=True, help_text="key: organisation name")
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
    by_organisation = (
        OrganisationConfirmation.objects.filter(application__confirmed_at__isnull=False)
        .values("organisation")
        .annotate(count=Count("application", distinct=True))
        .order_by("-count", "organisation")
    )
    valid = IssuedCard.objects.filter(issued_on__lte=today).filter(
        Q(valid_until__isnull=True) | Q(valid_until__gte=today)
    )
    return {
        "applications_per_month": [
            {"key": row["month"].strftime("%Y-%m"), "count": row["count"]} for row in per_month
        ],
        "by_status": [{"key": row["status"], "count": row["count"]} for row in by_status],
        "by_organisation": [
            {"key": row["organisation"], "count": row["count"]} for row in by_organisation
        ],
        "cards_valid_today": valid.count(),
    }

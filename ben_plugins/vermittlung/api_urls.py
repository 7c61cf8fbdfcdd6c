"""/api/v1/vermittlung/: the interest message (POST, double opt-in) and the figures (GET)."""

from django.urls import path
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from ben_plugins.core.intake.views import IntakeViewSet
from cms.api.viewsets import ApiViewSet
from cms.pages.models import ClubPage
from cms.snippets.models import Category, VolunteerOpportunity

from . import figures
from .intake import InterestIntake
from .models import InterestMessage
from .signals import FIGURES


class InterestViewSet(IntakeViewSet):
    """Tell the club behind a volunteer opportunity that you would like to help."""

    intake = InterestIntake


class MonthSerializer(serializers.Serializer):
    month = serializers.CharField(help_text="YYYY-MM (Berlin time).")
    interests = serializers.IntegerField(help_text="Confirmed messages that arrived that month.")
    placements = serializers.IntegerField(help_text="Messages marked placed that month.")


class CategoryCountSerializer(serializers.Serializer):
    category = serializers.CharField(help_text="Category slug (/api/v1/categories/).")
    name = serializers.CharField()
    interests = serializers.IntegerField(
        help_text="Messages about opportunities of this category (one per message)."
    )


class ClubCountSerializer(serializers.Serializer):
    club = serializers.IntegerField(help_text="Club ID (/api/v1/clubs/).")
    name = serializers.CharField()
    interests = serializers.IntegerField()


class PeriodSerializer(serializers.Serializer):
    start = serializers.DateField(help_text="First day of the month eleven months ago.")
    end = serializers.DateField(help_text="Today (Berlin).")


class OffersSerializer(serializers.Serializer):
    live = serializers.IntegerField(help_text="Opportunities the public sees now.")
    expired = serializers.IntegerField(
        help_text="Approved opportunities hidden because their review date has passed."
    )


class FiguresSerializer(serializers.Serializer):
    period = PeriodSerializer()
    interests_per_month = MonthSerializer(many=True)
    interests_by_category = CategoryCountSerializer(many=True)
    interests_by_club = ClubCountSerializer(many=True)
    interests = serializers.IntegerField(help_text="Confirmed messages in the period.")
    placements = serializers.IntegerField(help_text="Placements in the period.")
    median_days_to_first_contact = serializers.FloatField(
        allow_null=True,
        help_text="Median days from a confirmed message to its first contact; null if none.",
    )
    offers = OffersSerializer()


class FiguresViewSet(ApiViewSet):
    """Placement figures for the steering group's dashboards: counts only, no personal data."""

    model = InterestMessage
    #: The messages, the opportunities live and expired, category and club names.
    shows = (FIGURES, VolunteerOpportunity, Category, ClubPage)
    date_sensitive = True  # the twelve months end today; offers expire at midnight

    @extend_schema(
        tags=["vermittlung"],
        summary="Placement figures (last 12 months)",
        description=(
            "Interests per month, by category and by club, placements, the median time to "
            "first contact and the opportunities live and expired: the figures of the admin "
            "report page „Vermittlung: Kennzahlen“. Counts only, never a person. No query "
            "parameters."
        ),
        responses={200: FiguresSerializer},
    )
    def figures(self, request, *args, **kwargs):
        return self.cached(request, lambda: Response(figures.compute()))


urlpatterns = [
    # POST /api/v1/vermittlung/interests/ and GET …/interests/consent/
    *InterestViewSet.urls("interests/", "interests"),
    path("figures/", FiguresViewSet.as_view({"get": "figures"}), name="figures"),
]

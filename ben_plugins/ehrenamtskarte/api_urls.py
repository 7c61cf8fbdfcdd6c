"""/api/v1/ehrenamtskarte/: eligibility (nothing stored), applications (double opt-in) and
statistics without personal data."""

import secrets

from django.urls import path
from django.utils import timezone, translation
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import JSONParser
from rest_framework.response import Response

from ben_plugins.core import tokens
from ben_plugins.core.intake import service
from ben_plugins.core.intake.serializers import dotted_errors
from ben_plugins.core.intake.views import (
    PROBLEM_CONTENT_TYPE,
    PROBLEMS,
    IntakeViewSet,
    ProblemSerializer,
    accepted_message,
)
from cms.api.viewsets import ApiViewSet
from cms.pages.models import ClubPage

from . import eligibility, statistics
from .intake import CardApplicationIntake, EligibilitySerializer
from .models import CardApplication, RuleSet
from .signals import STATISTICS

Reason = inline_serializer(
    "EligibilityReason",
    {
        "code": serializers.ChoiceField(choices=["age", "place", "hours", "allowance", "duration"]),
        "message": serializers.CharField(help_text="German, English with Accept-Language: en."),
    },
    many=True,
)
EligibilityAnswer = inline_serializer(
    "EligibilityAnswer",
    {
        "result": serializers.ChoiceField(choices=["eligible", "not_eligible", "needs_review"]),
        "card": serializers.ChoiceField(
            choices=["ehrenamtskarte", "jubilaeumskarte"], allow_null=True
        ),
        "reasons": Reason,
        "rule_set": serializers.CharField(help_text="Name of the rule set applied."),
    },
)


def problems(*codes: int) -> dict:
    """The documented problem+json answers (as the intake documents its own)."""
    return {
        (code, PROBLEM_CONTENT_TYPE): OpenApiResponse(ProblemSerializer, PROBLEMS[code])
        for code in codes
    }


def validated(serializer_class, request):
    """Validated JSON or a 400 with errors keyed by dotted paths."""
    if not isinstance(request.data, dict):
        raise ValidationError({"non_field": [translation.gettext("Expected a JSON object.")]})
    serializer = serializer_class(
        data=request.data, context={"request": request, "json_types": True}
    )
    if not serializer.is_valid():
        raise ValidationError(dotted_errors(serializer.errors))
    return serializer.validated_data


class EligibilityViewSet(ApiViewSet):
    """Do I qualify for the Ehrenamtskarte? Answers with the reasons; stores nothing."""

    model = RuleSet
    default_language = "de"
    parser_classes = [JSONParser]

    @extend_schema(
        tags=["ehrenamtskarte"],
        summary="Check eligibility for the Ehrenamtskarte",
        description=(
            "Applies the rule set in force today (named in `rule_set`). `reasons` names every "
            "rule that decided the answer. Hours per week count 50 weeks a year; hours paid "
            "with a flat-rate allowance do not count; 25 years of engagement give the "
            "Jubiläumskarte. Nothing is stored. Messages in German unless Accept-Language "
            "asks for English."
        ),
        request=EligibilitySerializer,
        responses={200: EligibilityAnswer, **problems(400)},
    )
    def create(self, request, *args, **kwargs):
        data = validated(EligibilitySerializer, request)
        answer = eligibility.assess(data, RuleSet.objects.in_force(), timezone.localdate())
        response = Response(answer.as_dict())
        response["Cache-Control"] = "no-store"
        return response


class ApplicationViewSet(IntakeViewSet):
    """Apply for the card; 201 with the reference number, counted after double opt-in."""

    intake = CardApplicationIntake


def create_application(self, request, *args, **kwargs):
    data = validated(self.intake.serializer_class, request)
    if service.is_spam(data):
        # Looks like success to the bot; nothing stored, no number used up.
        reference = f"EAK-{timezone.localdate().year}-{secrets.randbelow(9000) + 1000}"
    else:
        language = translation.get_language()[:2]
        try:
            reference = service.accept(self.intake, data, request, language).reference
        except tokens.TokenError:  # the renewal link was used up a moment ago
            raise ValidationError(
                {
                    "renewal_token": [
                        translation.gettext("The renewal link is invalid, expired or already used.")
                    ]
                }
            ) from None
    return Response(
        {"status": "confirmation_pending", "reference": reference, "detail": accepted_message()},
        status=status.HTTP_201_CREATED,
    )


# IntakeViewSet documents a 202 on every subclass; the contract is a 201 with the
# reference number, so the create of this subclass is set after the class exists.
ApplicationViewSet.create = extend_schema(
    tags=["ehrenamtskarte"],
    summary="Apply for the Ehrenamtskarte",
    description=(
        "Stores the application unconfirmed and emails the applicant a confirmation link "
        "(double opt-in; unconfirmed applications are deleted after 48 hours). Once "
        "confirmed, each activity's organisation is asked to confirm it. Activities name "
        "a BEN club by `club` (id) or an `organisation` with a `contact_email`. The "
        "eligibility rules run again and their answer is stored with it."
    ),
    request=CardApplicationIntake.serializer_class,
    responses={
        201: inline_serializer(
            "ApplicationAccepted",
            {
                "status": serializers.CharField(help_text="`confirmation_pending`."),
                "reference": serializers.CharField(help_text="e.g. EAK-2027-0042"),
                "detail": serializers.CharField(),
            },
        ),
        **problems(400, 413, 429),
    },
)(create_application)


class StatisticsViewSet(ApiViewSet):
    """Figures for the steering group, without personal data."""

    model = CardApplication
    shows = (STATISTICS, ClubPage)  # clubs by title
    date_sensitive = True  # cards valid today

    @extend_schema(
        tags=["ehrenamtskarte"],
        summary="Statistics of the Ehrenamtskarte (no personal data)",
        responses={200: statistics.StatisticsSerializer},
    )
    def figures(self, request, *args, **kwargs):
        """One object (not a list action: the schema would promise an array)."""
        return self.cached(request, lambda: Response(statistics.figures(timezone.localdate())))


urlpatterns = [
    path(
        "eligibility/",
        EligibilityViewSet.as_view({"post": "create"}),
        name="eligibility",
    ),
    *ApplicationViewSet.urls("applications/", "applications"),
    path("statistics/", StatisticsViewSet.as_view({"get": "figures"}), name="statistics"),
]

"""/api/v1/ehrenamtsmedaille/: the current call, nominations (POST) and published awardees."""

from django.urls import path
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    inline_serializer,
)
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from ben_plugins.core.intake.views import PROBLEMS, IntakeViewSet, accepted_message
from cms.api.viewsets import ApiViewSet

from .intake import NominationIntake
from .models import Call, Nomination
from .publication import AwardeeSerializer, awardee_jsonld, published_awardees
from .signals import AWARDEES, CALLS

TAG = "ehrenamtsmedaille"


class CallSerializer(serializers.ModelSerializer):
    open = serializers.SerializerMethodField(help_text="Whether nominations are taken now.")
    focus = serializers.CharField(
        help_text="The call's focus, one of the fields of engagement, or empty."
    )

    class Meta:
        model = Call
        fields = [
            "year",
            "open",
            "opens_at",
            "closes_at",
            "award_date",
            "max_medals",
            "focus",
            "public_text",
        ]

    def get_open(self, call) -> bool:
        return call.is_open(self.context["now"])


class CallViewSet(ApiViewSet):
    """One call: ``current`` (the open one, else the next one planned) or a year.

    Not in the response cache: ``open`` and which call is current move with the minute.
    """

    model = Call
    default_language = "de"
    shows = (CALLS,)

    @extend_schema(
        tags=[TAG],
        summary="A call: `current` is the open call (open: true) or the next one (open: false)",
        parameters=[
            OpenApiParameter(
                "selector",
                OpenApiTypes.STR,
                OpenApiParameter.PATH,
                description="`current` (404 when no call is open or planned) or a year.",
                pattern=r"^(current|[0-9]{4})$",
            )
        ],
        responses={200: CallSerializer},
    )
    def retrieve(self, request, selector, *args, **kwargs):
        now = timezone.now()
        if selector == "current":
            call = Call.objects.open_at(now).first()
            call = call or Call.objects.filter(opens_at__gt=now).order_by("opens_at").first()
        elif selector.isascii() and selector.isdigit() and len(selector) == 4:
            call = Call.objects.filter(year=int(selector)).first()
        else:
            call = None
        if call is None:
            raise NotFound("Zurzeit ist kein Aufruf für die Ehrenamtsmedaille geplant.")
        return Response(CallSerializer(call, context={"now": now}).data)


class NominationViewSet(IntakeViewSet):
    """Propose someone for the medal (double opt-in: it counts once the link is clicked)."""

    intake = NominationIntake

    def accepted(self):
        """201 with the reference the nominator can quote (a filled honeypot gets one too,
        so the answer never tells a bot which field gave it away)."""
        reference = getattr(self.request, "nomination_reference", "")
        return Response(
            {
                "status": "confirmation_pending",
                "detail": accepted_message(),
                "reference": reference,
            },
            status=status.HTTP_201_CREATED,
        )


YEAR_PARAMETER = OpenApiParameter(
    "year",
    {"type": "integer", "minimum": 2000, "maximum": 2999},
    description="Year of the call; without it every year.",
)


class YearSerializer(serializers.Serializer):
    year = serializers.IntegerField(min_value=2000, max_value=2999, required=False)


class AwardeeViewSet(ApiViewSet):
    """Awardees who consented to publication, from the day after the award date on (the
    response cache keeps an answer for one day at most, so they appear at midnight)."""

    model = Nomination
    known_query_parameters = frozenset({"year"})
    shows = (AWARDEES,)
    date_sensitive = True

    def awardees(self):
        query = YearSerializer(data=self.request.query_params)
        if not query.is_valid():
            raise ValidationError(query.errors)
        return published_awardees(query.validated_data.get("year"))

    @extend_schema(
        tags=[TAG],
        summary="Published awardees (consent recorded, from the day after the award date)",
        parameters=[YEAR_PARAMETER],
        responses={200: AwardeeSerializer(many=True)},
    )
    def list(self, request, *args, **kwargs):
        return self.cached(
            request, lambda: Response(AwardeeSerializer(self.awardees(), many=True).data)
        )


class JsonLdRenderer(JSONRenderer):
    media_type = "application/ld+json"
    format = "jsonld"


class AwardeeJsonLdViewSet(AwardeeViewSet):
    renderer_classes = [JsonLdRenderer]

    @extend_schema(
        tags=[TAG],
        summary="Published awardees as schema.org JSON-LD (Person or Organization with award)",
        parameters=[YEAR_PARAMETER],
        responses={200: OpenApiTypes.OBJECT},
    )
    def list(self, request, *args, **kwargs):
        def build():
            graph = [awardee_jsonld(nomination) for nomination in self.awardees()]
            return Response({"@context": "https://schema.org", "@graph": graph})

        return self.cached(request, build)


PROBLEM = {"$ref": "#/components/schemas/Problem"}
NominationAccepted = inline_serializer(
    "NominationAccepted",
    {
        "status": serializers.CharField(help_text="Always `confirmation_pending`."),
        "detail": serializers.CharField(help_text="What the person has to do now."),
        "reference": serializers.CharField(help_text="The nomination's reference (EM-…)."),
    },
)
NominationViewSet.create = extend_schema(
    description=(
        "Stores the nomination unconfirmed and emails the nominator a confirmation link; it "
        "counts only once that link is clicked. 400: every violated rule as a field error; "
        "409: the body is valid, but no call is open. Messages in German unless "
        "Accept-Language asks for English (the plugin's own rules stay German)."
    ),
    responses={
        201: OpenApiResponse(NominationAccepted, "Stored unconfirmed; email queued."),
        **{
            (status_code, "application/problem+json"): OpenApiResponse(PROBLEM, description)
            for status_code, description in {
                **PROBLEMS,
                409: "No call is open: nominations are taken only during the call.",
            }.items()
        },
    },
)(NominationViewSet.create)

urlpatterns = [
    # GET /api/v1/ehrenamtsmedaille/calls/current/ (or …/calls/2027/)
    path("calls/<str:selector>/", CallViewSet.as_view({"get": "retrieve"}), name="call"),
    # POST /api/v1/ehrenamtsmedaille/nominations/ and GET …/nominations/consent/
    *NominationViewSet.urls("nominations/", "nominations"),
    path("awardees/", AwardeeViewSet.as_view({"get": "list"}), name="awardees"),
    path("awardees/jsonld/", AwardeeJsonLdViewSet.as_view({"get": "list"}), name="awardees-jsonld"),
]

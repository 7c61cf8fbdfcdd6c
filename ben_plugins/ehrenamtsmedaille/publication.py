"""What the public sees of the awardees: only with recorded consent, only after the award date
(from the day after, as the nominators' emails)."""

from django.utils import timezone
from rest_framework import serializers

from .models import Nomination
from .rules import HONOURS

AWARDS = {
    "medal": "Ehrenamtsmedaille der Stadt Bitburg {year}",
    "letter": "Dank der Bürgermeisterin / des Bürgermeisters der Stadt Bitburg {year}",
}


def published_awardees(year: int | None = None):
    awardees = Nomination.objects.filter(
        status__in=HONOURS,
        publication_consent_on__isnull=False,
        award_date__lt=timezone.localdate(),
    ).select_related("call")
    if year is not None:
        awardees = awardees.filter(call__year=year)
    return awardees.order_by("-call__year", "nominee_name", "pk")


def award_name(nomination) -> str:
    return AWARDS[nomination.status].format(year=nomination.call.year)


class AwardeeSerializer(serializers.ModelSerializer):
    year = serializers.IntegerField(source="call.year")
    name = serializers.CharField(source="nominee_name")
    kind = serializers.CharField(source="nominee_kind", help_text="person or group")
    honour = serializers.CharField(source="status", help_text="medal or letter (Dankesbrief)")
    award = serializers.SerializerMethodField()

    class Meta:
        model = Nomination
        fields = ["year", "name", "kind", "field_of_engagement", "honour", "award", "laudation"]

    def get_award(self, nomination) -> str:
        return award_name(nomination)


def awardee_jsonld(nomination) -> dict:
    """schema.org Person or Organization with its ``award``."""
    kind = "Person" if nomination.nominee_kind == Nomination.Kind.PERSON else "Organization"
    data = {
        "@type": kind,
        "name": nomination.nominee_name,
        "award": award_name(nomination),
        "knowsAbout": nomination.field_of_engagement,
    }
    if nomination.laudation:
        data["description"] = nomination.laudation
    return data

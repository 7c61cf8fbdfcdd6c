"""The submission type „Interesse an einem Engagementangebot“: JSON and German form."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ben_plugins.core import mail
from ben_plugins.core.intake.serializers import IntakeSerializer
from ben_plugins.core.intake.service import Consent, Intake
from cms.core import sites
from cms.core.publication import published
from cms.snippets.models import VolunteerOpportunity

from .models import InterestMessage

#: The largest ID (bigint); a larger number is no ID, and PostgreSQL would refuse it.
LARGEST_ID = 2**63 - 1


def open_opportunities(request=None):
    """The opportunities a citizen may write about: those the public sees on the site the
    request is for (its clubs lie under the site's root page; without a request, the default
    site), so a message never reaches a club of another site."""
    site = sites.site_for_request(request) if request is not None else sites.default_site()
    offers = VolunteerOpportunity.objects.select_related("club")
    if site is None:
        return offers.none()
    offers = offers.filter(club__path__startswith=site.root_page.path)
    return published(offers).order_by("title")


@extend_schema_field(OpenApiTypes.INT)
class OpportunityField(serializers.ChoiceField):
    """The ID of a published opportunity, validated into the opportunity; the form shows the
    titles to choose from. The JSON endpoint takes an integer only (strict JSON types, like
    every intake field). The choices are read when asked for, never when the serializer is
    built (the OpenAPI schema is generated without a database)."""

    def __init__(self, **kwargs):
        super().__init__(choices=[], **kwargs)

    @property
    def choices(self):
        return {
            str(item.pk): f"{item.title} ({item.club.title})"
            for item in open_opportunities(self.context.get("request"))
        }

    @choices.setter
    def choices(self, value):
        """The choices come from the database; what ChoiceField sets is ignored."""

    def to_internal_value(self, data):
        strict = self.context.get("json_types")
        if isinstance(data, bool) or (strict and not isinstance(data, int)):
            self.fail("invalid_choice", input=data)
        text = str(data).strip()
        is_id = text.isascii() and text.isdigit() and int(text) <= LARGEST_ID
        offers = open_opportunities(self.context.get("request"))
        opportunity = offers.filter(pk=int(text)).first() if is_id else None
        if opportunity is None:
            self.fail("invalid_choice", input=data)
        return opportunity


class InterestSerializer(IntakeSerializer):
    """A message to the club behind a volunteer opportunity."""

    opportunity = OpportunityField(
        label="Engagementangebot",
        help_text="ID of a published volunteer opportunity (GET /api/v1/opportunities/).",
        error_messages={
            "invalid_choice": _("This volunteer opportunity does not exist (any more).")
        },
    )
    name = serializers.CharField(label="Ihr Name", max_length=200)
    phone = serializers.CharField(
        label="Telefon (freiwillig)", max_length=50, required=False, allow_blank=True
    )
    message = serializers.CharField(
        label="Ihre Nachricht an den Verein",
        max_length=2000,
        style={"base_template": "textarea.html"},
        help_text="Höchstens 2000 Zeichen.",
    )


class InterestIntake(Intake):
    model = InterestMessage
    serializer_class = InterestSerializer
    title = "Interesse an einem Engagementangebot"
    title_en = "Interest in a volunteering opportunity"
    consent = Consent(
        version="2026-12-01.2",
        text_de=(
            "Ich bin einverstanden, dass die Stadt Bitburg meinen Namen, meine "
            "Kontaktdaten und meine Nachricht speichert und an den Verein des Angebots und an "
            "die Ehrenamtsagentur weitergibt, damit sie mit mir Kontakt aufnehmen. Die Daten "
            "werden sechs Monate nach dem letzten Ergebnis (kontaktiert, vermittelt, nicht "
            "passend, keine Rückmeldung) gelöscht; nimmt niemand Kontakt auf, zwölf Monate "
            "nach Eingang der Nachricht. Ich kann die Einwilligung jederzeit widerrufen."
        ),
        text_en=(
            "I agree that the town of Bitburg stores my name, my contact details and my "
            "message and passes them on to the club offering the opportunity and to the "
            "volunteering agency (Ehrenamtsagentur) so that they contact me. The data are "
            "deleted six months after the last outcome (contacted, placed, not suitable, no "
            "response); if nobody makes contact, twelve months after the message arrived. I "
            "can withdraw this consent at any time."
        ),
    )

    @classmethod
    def confirmed(cls, submission, request):
        """Confirmed: the club and the agency get the message, the citizen a confirmation
        naming the club and what happens next."""
        base_url = sites.base_url(request)
        for recipient_field in ("club_address", "agency_address"):
            mail.send_later(
                "vermittlung/mail/new_interest",
                submission,
                recipient_field=recipient_field,
                base_url=base_url,
                context={"to_agency": "ja" if recipient_field == "agency_address" else ""},
            )
        mail.send_later(
            "vermittlung/mail/interest_confirmed",
            submission,
            language=submission.language,
            base_url=base_url,
        )

"""The nomination („Vorschlag für die Ehrenamtsmedaille“) as an intake: JSON and German form.

The city's rules are field errors (400), reported together with every other field error; a
nomination without such errors outside the call's window is a 409 with a German message.
Rules that OpenAPI can state are in the schema too (the checked boxes, the reason's length).
"""

from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.exceptions import APIException

from ben_plugins.core.intake.serializers import IntakeSerializer
from ben_plugins.core.intake.service import Consent, Intake

from .models import FIELD_CHOICES, Call, Nomination, german_date, new_reference
from .rules import same_person_key

REASONS_MIN, REASONS_MAX = 300, 5000
#: The reason after trimming: 300 characters or more, no NUL (DRF trims, then counts).
REASONS_PATTERN = rf"^\s*[^\s\x00][^\x00]{{{REASONS_MIN - 2},}}[^\s\x00]\s*$"
CLOSED = (
    "Vorschläge sind nur während des Aufrufs möglich; zurzeit ist kein Aufruf für die "
    "Ehrenamtsmedaille geöffnet."
)


class CallClosed(APIException):
    """A nomination outside the call's window (409, German)."""

    status_code = 409
    default_code = "call_closed"
    default_detail = CLOSED


@extend_schema_field({"type": "boolean", "not": {"enum": [False]}})
class TickedField(serializers.BooleanField):
    """A box that must be ticked: the schema allows only ``true`` (as ``not false``, so that
    drf-spectacular does not make an enum component of each such field)."""


@extend_schema_field(
    {
        "type": "string",
        "minLength": REASONS_MIN,
        "maxLength": REASONS_MAX,
        "pattern": REASONS_PATTERN,
    }
)
class ReasonsField(serializers.CharField):
    """The written reason, 300 to 5,000 characters."""


def _text(data, name) -> str:
    value = data.get(name)
    return value.strip() if isinstance(value, str) else ""


class NominationSerializer(IntakeSerializer):
    """A proposal: who, in which field, why, and who proposes (no self-nominations)."""

    email = None  # the submitter's address is ``nominator_email`` (the contract)
    nominee_name = serializers.CharField(
        label="Name der vorgeschlagenen Person oder Gruppe", max_length=200
    )
    nominee_kind = serializers.ChoiceField(
        label="Person oder Gruppe?", choices=Nomination.Kind.choices
    )
    nominee_contact = serializers.CharField(
        label="Kontakt der/des Vorgeschlagenen (optional)",
        max_length=300,
        required=False,
        allow_blank=True,
        help_text="Adresse, Telefon oder E-Mail, damit wir die Person im Fall einer Ehrung "
        "erreichen.",
    )
    field_of_engagement = serializers.ChoiceField(label="Engagementbereich", choices=FIELD_CHOICES)
    reasons = ReasonsField(
        label="Begründung",
        min_length=REASONS_MIN,
        max_length=REASONS_MAX,
        style={"base_template": "textarea.html"},
        help_text=f"Warum verdient das Engagement die Ehrung? {REASONS_MIN} bis "
        f"{REASONS_MAX} Zeichen.",
    )
    nominee_active_in_bitburg = TickedField(
        label="Die vorgeschlagene Person oder Gruppe ist in Bitburg ehrenamtlich aktiv."
    )
    nominator_in_bitburg = TickedField(label="Ich wohne in Bitburg oder bin in Bitburg aktiv.")
    nominator_name = serializers.CharField(label="Ihr Name", max_length=200)
    nominator_email = serializers.EmailField(
        label="Ihre E-Mail-Adresse",
        max_length=254,
        source="email",
        help_text="An diese Adresse schicken wir den Bestätigungslink.",
    )
    nominator_phone = serializers.CharField(
        label="Ihre Telefonnummer (optional)", max_length=40, required=False, allow_blank=True
    )
    relation = serializers.CharField(
        label="In welcher Beziehung stehen Sie zur vorgeschlagenen Person oder Gruppe?",
        max_length=200,
    )
    not_self_nomination = TickedField(
        label="Ich schlage nicht mich selbst vor (Selbstvorschläge sind nicht möglich)."
    )

    def validate_nominee_active_in_bitburg(self, value):
        if value is not True:
            raise serializers.ValidationError(
                "Geehrt werden nur Menschen und Gruppen, die in Bitburg aktiv sind."
            )
        return value

    def validate_nominator_in_bitburg(self, value):
        if value is not True:
            raise serializers.ValidationError(
                "Vorschlagen können nur Menschen, die in Bitburg wohnen oder aktiv sind."
            )
        return value

    def validate_not_self_nomination(self, value):
        if value is not True:
            raise serializers.ValidationError(
                "Bitte bestätigen Sie, dass Sie nicht sich selbst vorschlagen."
            )
        return value

    def rule_errors(self, data: dict) -> dict[str, list[str]]:
        """The rules across fields, on the raw data, so that they are reported together with
        the errors of single fields."""
        errors = {}
        nominee, nominator = _text(data, "nominee_name"), _text(data, "nominator_name")
        if nominee and same_person_key(nominee) == same_person_key(nominator):
            errors["nominator_name"] = [
                "Sie können nicht sich selbst vorschlagen: Ihr Name ist der Name der "
                "vorgeschlagenen Person."
            ]
        email = _text(data, "nominator_email").casefold()
        if email and email in _text(data, "nominee_contact").casefold():
            errors["nominee_contact"] = [
                "Sie können nicht sich selbst vorschlagen: Ihre E-Mail-Adresse ist der "
                "Kontakt der vorgeschlagenen Person."
            ]
        return errors

    def to_internal_value(self, data):
        try:
            return super().to_internal_value(data)
        except serializers.ValidationError as error:
            if isinstance(error.detail, dict) and isinstance(data, dict):
                for name, messages in self.rule_errors(data).items():
                    error.detail[name] = [*error.detail.get(name, []), *messages]
            raise

    def validate(self, attrs):
        """Outside the window a 409; then the rules across fields. The reference the answer
        names is stored on the request, as the intake's views answer without the serializer."""
        call = Call.objects.open_at(timezone.now()).first()
        if call is None:
            raise CallClosed()
        if errors := self.rule_errors(self.initial_data):
            raise serializers.ValidationError(errors)
        attrs["call"] = call
        attrs["reference"] = new_reference()
        if (request := self.context.get("request")) is not None:
            request.nomination_reference = attrs["reference"]
        return attrs


class NominationIntake(Intake):
    model = Nomination
    serializer_class = NominationSerializer
    title = "Vorschlag für die Ehrenamtsmedaille"
    title_en = "Nomination for the Bitburg volunteering medal"
    consent = Consent(
        version="2026-12-01",
        text_de=(
            "Ich bin einverstanden, dass die Stadt Bitburg meine Angaben und meinen Vorschlag "
            "speichert, damit die Jury der Ehrenamtsmedaille über ihn entscheidet und ich "
            "nach der Verleihung informiert werde. Die Angaben werden 12 Monate nach der "
            "Verleihung gelöscht. Ich kann die Einwilligung jederzeit widerrufen."
        ),
        text_en=(
            "I agree that the town of Bitburg stores my details and my nomination so that "
            "the jury of the volunteering medal decides on it and I am informed after the "
            "award. The details are deleted 12 months after the award. I can withdraw this "
            "consent at any time."
        ),
    )

    @classmethod
    def closed(cls, request) -> str:
        now = timezone.now()
        if Call.objects.open_at(now).exists():
            return ""
        upcoming = Call.objects.filter(opens_at__gt=now).order_by("opens_at").first()
        if upcoming is None:
            return CLOSED
        opens = german_date(timezone.localtime(upcoming.opens_at).date())
        return f"{CLOSED} Der Aufruf {upcoming.year} beginnt am {opens}."

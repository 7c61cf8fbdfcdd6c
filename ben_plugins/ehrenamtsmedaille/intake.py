"""The nomination („Vorschlag für die Ehrenamtsmedaille“) as an intake: JSON and German form.

The city's rules are field errors, all reported at once; outside the call's window the
answer is a 400 with a German message (``non_field``).
"""

from django.utils import timezone
from rest_framework import serializers

from ben_plugins.core.intake.serializers import NON_FIELD, IntakeSerializer
from ben_plugins.core.intake.service import Consent, Intake

from .models import FIELD_CHOICES, Call, Nomination, new_reference
from .rules import same_person_key

REASONS_MIN, REASONS_MAX = 300, 5000


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
    reasons = serializers.CharField(
        label="Begründung",
        min_length=REASONS_MIN,
        max_length=REASONS_MAX,
        style={"base_template": "textarea.html"},
        help_text=f"Warum verdient das Engagement die Ehrung? {REASONS_MIN} bis "
        f"{REASONS_MAX} Zeichen.",
    )
    nominee_active_in_bitburg = serializers.BooleanField(
        label="Die vorgeschlagene Person oder Gruppe ist in Bitburg ehrenamtlich aktiv."
    )
    nominator_in_bitburg = serializers.BooleanField(
        label="Ich wohne in Bitburg oder bin in Bitburg aktiv."
    )
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
    not_self_nomination = serializers.BooleanField(
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
        """The rules across fields, checked on the raw data so that they are reported
        together with every field error."""
        errors = {}
        if self.open_call() is None:
            errors[NON_FIELD] = [
                "Vorschläge sind nur während des Aufrufs möglich; zurzeit ist kein Aufruf "
                "für die Ehrenamtsmedaille geöffnet."
            ]
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

    def open_call(self) -> Call | None:
        return Call.objects.open_at(timezone.now()).first()

    def to_internal_value(self, data):
        rule_errors = self.rule_errors(data) if isinstance(data, dict) else {}
        try:
            value = super().to_internal_value(data)
        except serializers.ValidationError as error:
            if isinstance(error.detail, dict):
                for name, messages in rule_errors.items():
                    error.detail.setdefault(name, [])
                    error.detail[name] = [*error.detail[name], *messages]
            raise
        if rule_errors:
            raise serializers.ValidationError(rule_errors)
        return value

    def validate(self, attrs):
        """The open call, and the reference the answer names (stored on the request, as the
        intake's views build their answers without the serializer)."""
        attrs["call"] = self.open_call()
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

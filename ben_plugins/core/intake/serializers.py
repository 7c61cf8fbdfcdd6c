"""Serializers of submissions: strict about unknown fields, errors keyed by dotted paths."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from .models import Submission

#: The honeypot: hidden from people, filled in by bots (see ``service.accept``).
HONEYPOT_FIELD = "website"
NON_FIELD = "non_field"


class StrictSerializer(serializers.Serializer):
    """Refuses fields it does not know, nested serializers included: a typo in a field name
    must be a 400, not a silently dropped value."""

    def to_internal_value(self, data):
        if isinstance(data, dict):
            unknown = sorted(
                set(data) - {name for name, f in self.fields.items() if not f.read_only}
            )
            if unknown:
                raise serializers.ValidationError(
                    {name: [_("Unknown field for this endpoint.")] for name in unknown}
                )
        return super().to_internal_value(data)


class IntakeSerializer(StrictSerializer):
    """Base of every submission's serializer: the fields the intake itself needs.

    A plugin adds its own fields; the names of ``models.Submission`` are reserved.
    """

    email = serializers.EmailField(max_length=254, label=_("Email address"))
    language = serializers.ChoiceField(
        choices=Submission.Language.choices,
        required=False,
        label=_("Language of our emails"),
        help_text="de or en; without it the language of the request (German by default).",
    )
    consent = serializers.BooleanField(
        label=_("Consent"),
        help_text="Must be true: the person agreed to the consent text of this endpoint "
        "(GET …/consent/). Its text and version are stored with the submission.",
    )
    consent_version = serializers.CharField(
        required=False,
        max_length=40,
        help_text="Optional: the version of the consent text the person saw; a submission "
        "with an outdated version is refused.",
    )
    website = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=500,
        help_text="Leave empty (a field for bots).",
    )

    def validate_consent(self, value):
        if value is not True:
            raise serializers.ValidationError(_("Please agree to the processing of your data."))
        return value

    def validate_consent_version(self, value):
        current = self.context.get("consent_version")
        if current is not None and value != current:
            raise serializers.ValidationError(
                _("The consent text has changed. Please read it again and resubmit.")
            )
        return value


def dotted_errors(detail, prefix: str = "") -> dict[str, list[str]]:
    """DRF's nested error structure as ``{"sessions.0.duration_minutes": [messages]}``."""
    if isinstance(detail, dict):
        flat = {}
        for key, value in detail.items():
            if key in ("non_field_errors", NON_FIELD):
                path = prefix or NON_FIELD
            else:
                path = f"{prefix}.{key}" if prefix else str(key)
            for name, messages in dotted_errors(value, path).items():
                flat.setdefault(name, []).extend(messages)
        return flat
    if isinstance(detail, list):
        if all(not isinstance(item, dict | list) for item in detail):
            return {prefix or NON_FIELD: [str(item) for item in detail]} if detail else {}
        flat = {}
        for index, item in enumerate(detail):
            flat.update(dotted_errors(item, f"{prefix}.{index}" if prefix else str(index)))
        return flat
    return {prefix or NON_FIELD: [str(detail)]}

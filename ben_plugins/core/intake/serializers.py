"""Serializers of submissions: strict about unknown fields, errors keyed by dotted paths."""

from django.core.validators import ProhibitNullCharactersValidator
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from .models import Submission

#: The honeypot: hidden from people, filled in by bots (see ``service.accept``).
HONEYPOT_FIELD = "website"
NON_FIELD = "non_field"


#: The JSON type each kind of field takes; DRF would also turn 5 into "5" or "1" into True.
JSON_TYPES = (
    (serializers.BooleanField, bool),
    (serializers.IntegerField, int),
    (serializers.CharField, str),
)


class StrictSerializer(serializers.Serializer):
    """Refuses fields it does not know, nested serializers included: a typo in a field name
    must be a 400, not a silently dropped value. With ``json_types`` in the context (the
    JSON endpoint) a value must also have the JSON type its schema names."""

    def to_internal_value(self, data):
        if isinstance(data, dict):
            writable = {name for name, field in self.fields.items() if not field.read_only}
            unknown = _("Unknown field for this endpoint.")
            errors = {name: [unknown] for name in set(data) - writable}
            if self.context.get("json_types"):
                errors.update(self._type_errors(data))
            if errors:
                raise serializers.ValidationError(errors)
        return super().to_internal_value(data)

    def _type_errors(self, data: dict) -> dict:
        errors = {}
        for name, field in self.fields.items():
            value = data.get(name)
            if value is None:
                continue
            for field_class, json_type in JSON_TYPES:
                if isinstance(field, field_class):
                    wrong = not isinstance(value, json_type) or (
                        json_type is not bool and isinstance(value, bool)
                    )
                    if wrong:
                        errors[name] = [field.error_messages["invalid"]]
                    break
        return errors


class HoneypotField(serializers.CharField):
    """Takes any text a bot may put in, so that a filled honeypot never turns into an error
    message that would tell the bot which field gave it away."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.validators = [
            validator
            for validator in self.validators
            if not isinstance(validator, ProhibitNullCharactersValidator)
        ]


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
        "(GET …/consent/, in the language of the request). That text and its version are "
        "stored with the submission.",
    )
    website = HoneypotField(
        required=False,
        allow_blank=True,
        max_length=500,
        trim_whitespace=False,
        help_text="Leave empty (a field for bots).",
    )

    def validate_consent(self, value):
        if value is not True:
            raise serializers.ValidationError(_("Please agree to the processing of your data."))
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

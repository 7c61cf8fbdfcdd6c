"""What OpenAPI says about submission bodies, as strictly as the serializers check them.

drf-spectacular leaves out what a schema-driven client (or schemathesis) needs to send an
accepted body: no unknown properties, ``consent`` only ``true``, text not blank and without
NUL characters, lists no longer than allowed. A postprocessing hook adds it.
"""

from rest_framework import serializers

from cms.api.schema import component_name

from .serializers import HONEYPOT_FIELD, StrictSerializer
from .service import Intake

#: At least one character that is neither whitespace nor NUL (DRF trims, then refuses blanks).
NOT_BLANK = r"^[^\x00]*[^\s\x00][^\x00]*$"
NO_NUL = r"^[^\x00]*$"


def _strict_serializers(serializer, found: dict) -> None:
    found[component_name(type(serializer))] = serializer
    for field in serializer.fields.values():
        child = getattr(field, "child", field)
        if isinstance(child, StrictSerializer):
            _strict_serializers(child, found)


def _constrain(component: dict, serializer) -> None:
    component["additionalProperties"] = False
    properties = component.get("properties", {})
    for name, field in serializer.fields.items():
        schema = properties.get(name)
        if schema is None or field.read_only:
            continue
        if isinstance(field, serializers.BooleanField) and name == "consent":
            schema["enum"] = [True]
        elif isinstance(field, serializers.ListSerializer | serializers.ListField):
            if getattr(field, "max_length", None) is not None:
                schema["maxItems"] = field.max_length
            if getattr(field, "min_length", None) is not None:
                schema["minItems"] = field.min_length
        elif isinstance(field, serializers.EmailField):
            schema["pattern"] = NO_NUL
        elif type(field) is serializers.CharField and name != HONEYPOT_FIELD:
            if field.allow_blank:
                schema["pattern"] = NO_NUL
            else:
                schema["pattern"] = NOT_BLANK
                schema["minLength"] = 1


def _intakes(base=Intake):
    """Every declared intake, also one without a model (a check that stores nothing and
    lends its serializer to a form and an endpoint, such as the Ehrenamtskarte's eligibility)."""
    for intake in base.__subclasses__():
        yield intake
        yield from _intakes(intake)


def constrain_submission_bodies(result, generator, **kwargs):
    """drf-spectacular postprocessing hook (SPECTACULAR_SETTINGS["POSTPROCESSING_HOOKS"])."""
    schemas = result.get("components", {}).get("schemas", {})
    found = {}
    for intake in _intakes():
        if intake.serializer_class is not None:
            _strict_serializers(intake.serializer_class(), found)
    for name, serializer in found.items():
        if name in schemas:
            _constrain(schemas[name], serializer)
    return result

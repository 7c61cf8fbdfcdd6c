"""Model fields shared by pages and snippets."""

from django import forms
from django.db import models

LANGUAGE_CHOICES = [
    ("de", "Deutsch"),
    ("en", "Englisch"),
    ("fr", "Französisch"),
    ("lb", "Luxemburgisch"),
    ("nl", "Niederländisch"),
    ("ar", "Arabisch"),
    ("uk", "Ukrainisch"),
    ("ru", "Russisch"),
    ("tr", "Türkisch"),
    ("fa", "Persisch"),
    ("pl", "Polnisch"),
    ("dgs", "Deutsche Gebärdensprache"),
]


class MultipleChoiceJSONField(models.JSONField):
    """A list of choice values stored as JSON, edited as checkboxes.

    Works the same on SQLite and PostgreSQL (unlike ArrayField) and keeps the values
    structured for API filters, rather than a comma-joined string.
    """

    def __init__(self, *args, choices_list=(), **kwargs):
        self.choices_list = list(choices_list)
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["choices_list"] = self.choices_list
        if kwargs.get("default") is list:
            del kwargs["default"]
        if kwargs.get("blank") is True:
            del kwargs["blank"]
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=self.choices_list,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        allowed = {key for key, _label in self.choices_list}
        unknown = [item for item in value or [] if item not in allowed]
        if unknown:
            from django.core.exceptions import ValidationError

            raise ValidationError(f"Unbekannte Werte: {', '.join(map(str, unknown))}")

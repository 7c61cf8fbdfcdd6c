"""Rich text in admin forms: a body that is not the editor's JSON is a form error.

Draftail posts its content as JSON (contentstate). A client that posts anything else (HTML,
plain text) made Wagtail's widget raise JSONDecodeError, a 500. The widget here keeps such a
value as it is, the form field refuses it with a German message, and the editor shows it
again (read as HTML, through Draftail's own whitelist), so nothing typed is lost.
"""

from django import forms
from django.core.exceptions import ValidationError
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.rich_text import DraftailRichTextArea
from wagtail.fields import RichTextField


class UnreadableContent(str):
    """A posted value the editor's converter could not read."""


class CheckedDraftailRichTextArea(DraftailRichTextArea):
    def value_from_datadict(self, data, files, name):
        try:
            return super().value_from_datadict(data, files, name)
        except (ValueError, TypeError, KeyError, AttributeError):
            raw = forms.Textarea.value_from_datadict(self, data, files, name)
            return UnreadableContent(raw)


class RichTextFormField(forms.CharField):
    def clean(self, value):
        if isinstance(value, UnreadableContent):  # before to_python makes it a plain str
            raise ValidationError(
                "Der Text kam nicht im Format des Editors an und wurde nicht gespeichert. "
                "Bitte im Editor prüfen und erneut speichern.",
                code="unreadable_rich_text",
            )
        return super().clean(value)


def register() -> None:
    register_form_field_override(RichTextField, override={"form_class": RichTextFormField})

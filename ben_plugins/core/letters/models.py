from django.core.exceptions import ValidationError
from django.db import models

from .placeholders import problems
from .registry import all_letters, letter_choices

DEFAULT_LETTERHEAD = "Stadt Bitburg · Ehrenamtsagentur\nRathausplatz 1 · 54634 Bitburg"


class LetterTemplate(models.Model):
    """An administrator's text for one declared letter (placeholders only, no template code)."""

    key = models.CharField("Brief", max_length=100, unique=True, choices=letter_choices)
    letterhead = models.TextField(
        "Briefkopf (Absender)",
        default=DEFAULT_LETTERHEAD,
        help_text="Erscheint oben neben dem Logo; eine Zeile je Absenderzeile.",
    )
    subject = models.CharField("Betreff", max_length=200)
    body = models.TextField(
        "Text",
        help_text="Platzhalter in geschweiften Klammern, z. B. {name}; Absätze durch Leerzeilen.",
    )

    class Meta:
        verbose_name = "Briefvorlage"
        verbose_name_plural = "Briefvorlagen"

    def __str__(self):
        letter = all_letters().get(self.key)
        return letter.title if letter else self.key

    def clean(self):
        letter = all_letters().get(self.key)
        if letter is None:
            return
        errors = {}
        for name in ("subject", "body", "letterhead"):
            found = problems(getattr(self, name), letter.placeholders)
            if found:
                errors[name] = found
        if errors:
            raise ValidationError(errors)

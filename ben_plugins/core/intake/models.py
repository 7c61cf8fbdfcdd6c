"""The abstract model every submission from the public derives from."""

from datetime import timedelta

from django.db import models
from django.utils import timezone

#: How long a submission waits for its confirmation before it is deleted (double opt-in).
CONFIRMATION_WINDOW = timedelta(hours=48)


class SubmissionQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def unconfirmed_expired(self, now=None):
        """Unconfirmed submissions older than the confirmation window: to be deleted."""
        cutoff = (now or timezone.now()) - CONFIRMATION_WINDOW
        return self.filter(confirmed_at__isnull=True, submitted_at__lt=cutoff)


class ConfirmedSubmissionManager(models.Manager.from_queryset(SubmissionQuerySet)):
    """Only confirmed submissions: the default manager, so the admin, exports and every
    list built on ``Model.objects`` never show what the submitter has not confirmed."""

    def get_queryset(self):
        return super().get_queryset().confirmed()


class Submission(models.Model):
    """What every submission from the public carries besides its own fields.

    The consent text is stored verbatim with its version, as the person saw it. Staff see a
    submission only once it is confirmed (``objects``); ``all_submissions`` includes the
    unconfirmed ones for the confirmation link, the cleanup and erasure (Art. 17).
    """

    class Language(models.TextChoices):
        GERMAN = "de", "Deutsch"
        ENGLISH = "en", "English"

    email = models.EmailField("E-Mail-Adresse", max_length=254)
    language = models.CharField(
        "Sprache der E-Mails", max_length=2, choices=Language.choices, default=Language.GERMAN
    )
    consent_text = models.TextField("Einwilligungstext", editable=False)
    consent_version = models.CharField("Version der Einwilligung", max_length=40, editable=False)
    submitted_at = models.DateTimeField(
        "Eingegangen am", default=timezone.now, editable=False, db_index=True
    )
    confirmed_at = models.DateTimeField("Bestätigt am", null=True, blank=True, editable=False)

    objects = ConfirmedSubmissionManager()
    all_submissions = models.Manager.from_queryset(SubmissionQuerySet)()
    # Citizens' submissions are no "uses" of the content they name, and Wagtail's index task
    # reads them through ``objects``, which hides unconfirmed ones.
    wagtail_reference_index_ignore = True

    class Meta:
        abstract = True
        ordering = ["-submitted_at"]

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None

"""Interest messages of citizens („Ich möchte mitmachen“) and the reminders that keep
volunteer opportunities fresh."""

import os

from django.conf import settings
from django.db import models
from django.db.models import Q

from ben_plugins.core.intake.models import Submission
from ben_plugins.core.personal_data import ClubAccess, GroupAccess, PersonalData, Retention
from ben_plugins.core.transitions import Transition, Transitions

#: The Ehrenamtsagentur: the moderators' group (cms.moderation.roles.MODERATORS).
MODERATORS = "Moderatoren"
#: Every club editor is in this group (cms.moderation.roles.CLUB_EDITORS); which messages
#: they see is decided per club by the club permission policy (ClubAccess).
CLUB_EDITORS = "Vereinsredaktion"
RESPONDERS = [CLUB_EDITORS, MODERATORS]


def agency_address() -> str:
    """The Ehrenamtsagentur's email address: VERMITTLUNG_AGENCY_EMAIL (a Django setting wins
    over the environment variable). Empty: the agency gets no emails, only the admin lists."""
    configured = getattr(settings, "VERMITTLUNG_AGENCY_EMAIL", None)
    if configured is None:
        configured = os.environ.get("VERMITTLUNG_AGENCY_EMAIL", "")
    return configured


def contact_address(opportunity) -> str:
    """Where a club is reached about an opportunity: its contact address, else the club's."""
    return opportunity.contact_email or opportunity.club.email


class InterestMessage(Submission):
    """A citizen's message to the club behind a volunteer opportunity.

    The club answers and records the outcome; the Ehrenamtsagentur sees every message, is
    told of those nobody touched for a week and may take them over.
    """

    class Status(models.TextChoices):
        NEW = "new", "Neu"
        TAKEN_OVER = "taken_over", "Von der Ehrenamtsagentur übernommen"
        CONTACTED = "contacted", "Kontaktiert"
        PLACED = "placed", "Vermittelt"
        NOT_SUITABLE = "not_suitable", "Nicht passend"
        NO_RESPONSE = "no_response", "Keine Rückmeldung"

    opportunity = models.ForeignKey(
        "snippets.VolunteerOpportunity",
        verbose_name="Engagementangebot",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    opportunity_title = models.CharField("Titel des Angebots", max_length=255, editable=False)
    club = models.ForeignKey(
        "pages.ClubPage",
        verbose_name="Verein",
        on_delete=models.CASCADE,
        related_name="+",
        editable=False,
    )
    name = models.CharField("Name", max_length=200)
    phone = models.CharField("Telefon", max_length=50, blank=True)
    message = models.TextField("Nachricht", max_length=2000)
    status = models.CharField(
        "Status", max_length=20, choices=Status.choices, default=Status.NEW, db_index=True
    )
    first_contact_at = models.DateTimeField(
        "Erster Kontakt am", null=True, blank=True, editable=False
    )
    taken_over_at = models.DateTimeField(
        "Von der Ehrenamtsagentur übernommen am", null=True, blank=True, editable=False
    )
    outcome_at = models.DateTimeField("Ergebnis am", null=True, blank=True, editable=False)
    flagged_at = models.DateTimeField(
        "An die Ehrenamtsagentur gemeldet am", null=True, blank=True, editable=False
    )
    citizen_notified_at = models.DateTimeField(
        "Hinweis auf die Ehrenamtsagentur gesendet am", null=True, blank=True, editable=False
    )

    transitions = Transitions(
        "status",
        Transition(Status.NEW, Status.CONTACTED, RESPONDERS, stamp="first_contact_at"),
        Transition(
            Status.NEW, Status.TAKEN_OVER, [MODERATORS], "Übernehmen", stamp="taken_over_at"
        ),
        Transition(Status.TAKEN_OVER, Status.CONTACTED, [MODERATORS], stamp="first_contact_at"),
        Transition(
            [Status.NEW, Status.TAKEN_OVER, Status.CONTACTED],
            Status.NOT_SUITABLE,
            RESPONDERS,
            stamp="outcome_at",
        ),
        Transition(Status.CONTACTED, Status.PLACED, RESPONDERS, stamp="outcome_at"),
        Transition(Status.CONTACTED, Status.NO_RESPONSE, RESPONDERS, stamp="outcome_at"),
    )
    personal_data = PersonalData(
        purpose=(
            "Nachrichten von Interessierten an den Verein eines Engagementangebots und an die "
            "Ehrenamtsagentur weitergeben, die Vermittlung begleiten"
        ),
        fields=["name", "email", "phone", "message"],
        email_field="email",
        retention=[
            Retention("outcome_at", months=6, action="anonymise", key="outcome"),
            Retention(
                "first_contact_at",
                months=6,
                where=Q(outcome_at__isnull=True),
                action="anonymise",
                key="contacted",
                description="kontaktiert, ohne weiteres Ergebnis: {months} Monate nach dem ersten "
                "Kontakt anonymisiert",
            ),
            Retention(
                "submitted_at",
                months=12,
                where=Q(
                    outcome_at__isnull=True,
                    first_contact_at__isnull=True,
                    confirmed_at__isnull=False,
                ),
                action="anonymise",
                key="unanswered",
                description="nie kontaktiert: {months} Monate nach Eingang anonymisiert",
            ),
            Retention(
                "submitted_at",
                hours=48,
                where=Q(confirmed_at__isnull=True),
                description="unbestätigt: 48 Stunden nach Eingang gelöscht",
            ),
        ],
        access=ClubAccess("club", groups=[MODERATORS]),
        # Deleting skips the flag, the reminder and the figures: not for club editors.
        delete_access=GroupAccess(MODERATORS),
        subjects="Menschen, die sich für ein Engagementangebot interessieren",
        listed=["opportunity_title", "club", "submitted_at", "flagged_at"],
    )

    class Meta(Submission.Meta):
        verbose_name = "Interessensbekundung"
        verbose_name_plural = "Interessensbekundungen"

    def __str__(self):
        return f"Interesse an „{self.opportunity_title}“"

    def save(self, *args, **kwargs):
        """The club and title come from the opportunity; both stay when it is deleted."""
        if self.opportunity is not None and not self.club_id:
            self.club_id = self.opportunity.club_id
            self.opportunity_title = self.opportunity.title
        super().save(*args, **kwargs)

    @property
    def club_address(self) -> str:
        return contact_address(self.opportunity) if self.opportunity else self.club.email

    @property
    def agency_address(self) -> str:
        return agency_address()


class ReviewReminder(models.Model):
    """One reminder to a club that an opportunity reaches its review date; its one-time link
    extends the date by six months. One row per opportunity, review date and kind, so the
    daily command never sends the same reminder twice."""

    class Kind(models.TextChoices):
        BEFORE = "before", "14 Tage vorher"
        DUE = "due", "Am Tag"

    opportunity = models.ForeignKey(
        "snippets.VolunteerOpportunity",
        verbose_name="Engagementangebot",
        on_delete=models.CASCADE,
        related_name="+",
    )
    review_by = models.DateField("Prüfdatum, an das erinnert wurde")
    kind = models.CharField("Art", max_length=10, choices=Kind.choices)
    sent_at = models.DateTimeField("Gesendet am")
    extended_at = models.DateTimeField("Verlängert am", null=True, blank=True)

    wagtail_reference_index_ignore = True  # bookkeeping, not a use of the opportunity

    class Meta:
        verbose_name = "Erinnerung an das Prüfdatum"
        verbose_name_plural = "Erinnerungen an das Prüfdatum"
        constraints = [
            models.UniqueConstraint(
                fields=["opportunity", "review_by", "kind"], name="vermittlung_one_reminder"
            )
        ]

    def __str__(self):
        return f"Erinnerung ({self.get_kind_display()}) zu „{self.opportunity.title}“"

    @property
    def recipient(self) -> str:
        return contact_address(self.opportunity)

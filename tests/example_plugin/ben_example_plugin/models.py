from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from ben_plugins.core.intake.models import Submission
from ben_plugins.core.letters import Letter
from ben_plugins.core.pages import PluginPageMixin
from ben_plugins.core.personal_data import ClubAccess, GroupAccess, PersonalData, Retention
from ben_plugins.core.transitions import Transition, Transitions
from cms.moderation.club_content import ClubContent


class ClubProjectPage(PluginPageMixin, Page):
    """A project of a club, placed below the club's page."""

    summary = models.TextField("Kurzbeschreibung", blank=True)

    template = "ben_example_plugin/club_project_page.html"
    parent_page_types = ["pages.ClubPage"]
    subpage_types = []
    content_panels = [*Page.content_panels, FieldPanel("summary")]

    class Meta:
        verbose_name = "Vereinsprojekt"
        verbose_name_plural = "Vereinsprojekte"


class ClubAnnouncement(ClubContent):
    """A short announcement of a club; moderated like every ClubContent."""

    text = models.TextField("Text")

    preview_template = "ben_example_plugin/announcement_preview.html"
    panels = [FieldPanel("title"), FieldPanel("club"), FieldPanel("text")]

    class Meta(ClubContent.Meta):
        verbose_name = "Vereinsankündigung"
        verbose_name_plural = "Vereinsankündigungen"


#: The group that reads and decides topic suggestions.
TEAM = "Vereinsabend-Team"


class TopicSuggestion(Submission):
    """A citizen's suggestion of a topic for a club evening (Themenvorschlag), taken through
    the public intake (JSON and HTML form) with double opt-in.

    The suggested speaker is a third party: once the submission is confirmed, they get the
    notice of Art. 14 DSGVO with a one-time link to object.
    """

    name = models.CharField("Name", max_length=200)
    topic = models.CharField("Thema", max_length=200)
    text = models.TextField("Beschreibung", max_length=5000)
    sessions = models.JSONField(
        "Terminwünsche",
        default=list,
        encoder=DjangoJSONEncoder,
        blank=True,
        help_text="Liste von Terminwünschen: Datum und Dauer in Minuten.",
    )
    speaker_name = models.CharField(
        "Vorgeschlagene Referentin / Referent", max_length=200, blank=True
    )
    speaker_email = models.EmailField("E-Mail der Referentin / des Referenten", blank=True)
    speaker_objected_at = models.DateTimeField(
        "Widerspruch der Referentin / des Referenten am", null=True, blank=True, editable=False
    )

    class Status(models.TextChoices):
        NEW = "new", "Neu"
        ACCEPTED = "accepted", "Angenommen"
        REJECTED = "rejected", "Abgelehnt"
        DONE = "done", "Erledigt"

    status = models.CharField("Status", max_length=20, choices=Status.choices, default=Status.NEW)
    decided_at = models.DateTimeField("Entschieden am", null=True, blank=True, editable=False)

    transitions = Transitions(
        "status",
        Transition(Status.NEW, Status.ACCEPTED, [TEAM], "Annehmen", stamp="decided_at"),
        Transition(Status.NEW, Status.REJECTED, [TEAM], "Ablehnen", stamp="decided_at"),
        Transition(Status.ACCEPTED, Status.DONE, [TEAM], "Erledigt"),
    )
    personal_data = PersonalData(
        purpose="Themenvorschläge für Vereinsabende auswählen und die Einsendenden informieren",
        fields=["name", "email", "text", "speaker_name", "speaker_email"],
        email_field="email",
        third_parties={"speaker_email": ["speaker_name", "speaker_email"]},
        retention=[
            Retention("decided_at", months=12),
            Retention("submitted_at", months=24, description="24 Monate nach Eingang gelöscht"),
            Retention(
                "submitted_at",
                hours=48,
                where=Q(confirmed_at__isnull=True),
                description="unbestätigt: 48 Stunden nach Eingang gelöscht",
            ),
        ],
        access=GroupAccess(TEAM),
        subjects="Einsendende; vorgeschlagene Referentinnen und Referenten",
        listed=["topic", "submitted_at"],
    )
    letters = (
        Letter(
            key="example.confirmation",
            title="Eingangsbestätigung",
            placeholders={
                "name": "Name der einsendenden Person",
                "topic": "Thema",
                "submitted": "Eingangsdatum",
            },
            values=lambda suggestion: {
                "name": suggestion.name,
                "topic": suggestion.topic,
                "submitted": timezone.localdate(suggestion.submitted_at).strftime("%d.%m.%Y"),
            },
            subject="Ihr Themenvorschlag „{topic}“",
            body=(
                "Guten Tag {name},\n\nvielen Dank für Ihren Themenvorschlag „{topic}“ vom "
                "{submitted}. Wir melden uns, sobald das Vereinsabend-Team entschieden hat."
                "\n\nMit freundlichen Grüßen\nIhre Ehrenamtsagentur"
            ),
        ),
    )

    class Meta(Submission.Meta):
        verbose_name = "Themenvorschlag"
        verbose_name_plural = "Themenvorschläge"

    def __str__(self):
        return f"{self.topic} ({self.name})"


class HelpOffer(models.Model):
    """A citizen's offer to help one club („Ich möchte helfen“), which the club answers.

    Shows the row-level scope: the club's own editors see the offers made to their club.
    """

    club = models.ForeignKey(
        "pages.ClubPage", verbose_name="Verein", on_delete=models.CASCADE, related_name="+"
    )
    name = models.CharField("Name", max_length=200)
    email = models.EmailField("E-Mail-Adresse")
    message = models.TextField("Nachricht", max_length=2000)
    created_at = models.DateTimeField("Eingegangen am", default=timezone.now, editable=False)

    personal_data = PersonalData(
        purpose="Hilfsangebote an den gewählten Verein weitergeben",
        fields=["name", "email", "message"],
        email_field="email",
        retention=Retention("created_at", months=6),
        access=ClubAccess("club"),
        subjects="Menschen, die einem Verein ihre Hilfe anbieten",
        listed=["club", "created_at"],
    )

    class Meta:
        verbose_name = "Hilfsangebot"
        verbose_name_plural = "Hilfsangebote"

    def __str__(self):
        return f"Hilfsangebot von {self.name}"

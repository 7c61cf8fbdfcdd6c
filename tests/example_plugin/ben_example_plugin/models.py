from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from ben_plugins.core.intake.models import Submission
from ben_plugins.core.pages import PluginPageMixin
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

    class Meta(Submission.Meta):
        verbose_name = "Themenvorschlag"
        verbose_name_plural = "Themenvorschläge"

    def __str__(self):
        return f"{self.topic} ({self.name})"

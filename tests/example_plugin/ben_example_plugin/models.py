from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

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

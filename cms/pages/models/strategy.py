from django.core.validators import RegexValidator
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.core.publication import published
from cms.pages.blocks import ContentStreamBlock


class StrategyIndexPage(Page):
    """The engagement strategy ("Engagementstrategie für Bitburg") as a whole."""

    intro = RichTextField("Einleitung", blank=True)

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.StrategyChapterPage"]
    max_count_per_parent = 1
    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = "Engagementstrategie"
        verbose_name_plural = "Engagementstrategien"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["chapters"] = published(StrategyChapterPage.objects.child_of(self))
        return context


class StrategyChapterPage(Page):
    """A chapter ("4") or a recommendation within it ("4.1"): chapters nest."""

    chapter_number = models.CharField(
        "Kapitelnummer",
        max_length=20,
        validators=[
            RegexValidator(r"^\d+(\.\d+)*$", "Nur Ziffern und Punkte, z. B. „4“ oder „4.1“.")
        ],
    )
    lead = models.TextField("Vorspann", blank=True)
    body = StreamField(ContentStreamBlock(), blank=True, verbose_name="Inhalt")

    parent_page_types = ["pages.StrategyIndexPage", "pages.StrategyChapterPage"]
    subpage_types = ["pages.StrategyChapterPage"]
    content_panels = [
        FieldPanel("chapter_number"),
        *Page.content_panels,
        FieldPanel("lead"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("chapter_number"),
    ]

    class Meta:
        verbose_name = "Strategiekapitel"
        verbose_name_plural = "Strategiekapitel"

    def __str__(self):
        return f"{self.chapter_number} {self.title}"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = published(StrategyChapterPage.objects.child_of(self))
        return context

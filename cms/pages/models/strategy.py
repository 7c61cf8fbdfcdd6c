from django.core.validators import RegexValidator
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.core.publication import published
from cms.pages.blocks import ContentStreamBlock


def reading_order(contents) -> list:
    """The table of contents as one sequence: 1, 2, 3, 4, 4.1, …, 4.4, 5, 6."""
    return [page for chapter, sections in contents for page in (chapter, *reading_order(sections))]


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
        context["contents"] = self.table_of_contents()
        return context

    def table_of_contents(self) -> list[tuple["StrategyChapterPage", list]]:
        """Published chapters in tree order, each with its published sections (4 → 4.1–4.4)."""
        chapters = list(published(StrategyChapterPage.objects.descendant_of(self)).order_by("path"))
        sections_of = {chapter.path: [] for chapter in chapters}
        contents = []
        for chapter in chapters:
            parent_sections = sections_of.get(chapter.path[: -Page.steplen])
            target = contents if parent_sections is None else parent_sections
            target.append((chapter, sections_of[chapter.path]))
        return contents


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
        strategy = StrategyIndexPage.objects.ancestor_of(self).first()
        if strategy is None:
            return context
        contents = strategy.table_of_contents()
        order = reading_order(contents)
        position = next((i for i, chapter in enumerate(order) if chapter.pk == self.pk), None)
        context["strategy"] = strategy
        context["contents"] = contents
        if position is not None:
            context["previous_chapter"] = order[position - 1] if position > 0 else None
            context["next_chapter"] = order[position + 1] if position + 1 < len(order) else None
        return context

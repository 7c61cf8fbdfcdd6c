from dataclasses import dataclass

from django.apps import apps
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField
from wagtail.models import Page, Site

from cms.core.publication import published
from cms.pages.pagination import requested_page

from .metadata import json_ld

NEWS_PER_PAGE = 10


def published_news():
    """The clubs' published news, newest first. cms.pages lies below cms.snippets, so the
    snippet model is looked up by name, not imported."""
    news_item = apps.get_model("snippets", "NewsItem")
    return published(news_item.objects.select_related("club", "image")).order_by(
        "-first_published_at", "-pk"
    )


@dataclass(frozen=True)
class NewsEntry:
    item: object
    url: str | None


def news_entries(items, request) -> list[NewsEntry]:
    """News items with the address of their page on the request's site (None without one)."""
    site = Site.find_for_request(request)
    news_index = published(NewsIndexPage.objects.in_site(site)).first() if site else None
    return [
        NewsEntry(item, news_index.news_item_url(item, request) if news_index else None)
        for item in items
    ]


class NewsIndexPage(RoutablePageMixin, Page):
    """The "Neuigkeiten" page: the clubs' published news, paginated, each with its own
    page below."""

    intro = RichTextField("Einleitung", blank=True)

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = "Neuigkeiten"
        verbose_name_plural = "Neuigkeiten"

    @re_path(r"^$", name="news_list")
    def news_list(self, request):
        news_page = requested_page(Paginator(published_news(), NEWS_PER_PAGE), request)
        return self.render(
            request,
            context_overrides={
                "news_page": news_page,
                "news_entries": news_entries(news_page.object_list, request),
            },
        )

    @path("<slug:slug>/", name="news_item")
    def news_item(self, request, slug):
        item = get_object_or_404(published_news(), slug=slug)
        return self.render(
            request,
            context_overrides={
                "news_item": item,
                "canonical_url": self.news_item_url(item, request, full=True),
                "news_item_json_ld": json_ld(self.news_item_structured_data(item, request)),
            },
            template="pages/news_item.html",
        )

    def news_item_url(self, item, request=None, *, full: bool = False) -> str:
        own_url = self.get_full_url(request) if full else self.get_url(request)
        return own_url + self.reverse_subpage("news_item", args=[item.slug])

    def get_sitemap_urls(self, request=None):
        own = super().get_sitemap_urls(request)
        return own + [
            {
                "location": self.news_item_url(item, request, full=True),
                "lastmod": item.last_published_at,
            }
            for item in published_news()
        ]

    def news_item_structured_data(self, item, request=None) -> dict:
        data = {
            "@type": "NewsArticle",
            "headline": item.title,
            "url": self.news_item_url(item, request, full=True),
            "datePublished": item.first_published_at.isoformat(),
            "dateModified": item.last_published_at.isoformat(),
            "publisher": {"@type": "Organization", "name": item.club.title},
        }
        if item.teaser:
            data["description"] = item.teaser
        return data

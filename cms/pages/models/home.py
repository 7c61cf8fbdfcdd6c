from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from cms.core.publication import published
from cms.pages.blocks import ContentStreamBlock

from .events import EventPage
from .news import news_entries, published_news

#: How many next events and newest news items the home page shows.
HOME_TEASERS = 3


class HomePage(Page):
    intro = RichTextField("Einleitung", blank=True)
    body = StreamField(ContentStreamBlock(), blank=True, verbose_name="Inhalt")

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "pages.StrategyIndexPage",
        "pages.ClubIndexPage",
        "pages.EventIndexPage",
        "pages.BenefitPartnerIndexPage",
        "pages.NewsIndexPage",
        "pages.LegalPage",
    ]
    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]

    class Meta:
        verbose_name = "Startseite"
        verbose_name_plural = "Startseiten"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        events = published(EventPage.objects.descendant_of(self))
        context["event_dates"] = events.upcoming(limit=HOME_TEASERS)
        context["news_entries"] = news_entries(published_news()[:HOME_TEASERS], request)
        return context

    def structured_data(self) -> dict:
        return {"@type": "WebSite", "name": self.title, "url": self.full_url, "inLanguage": "de"}

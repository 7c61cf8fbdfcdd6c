from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from cms.pages.blocks import ContentStreamBlock


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

    def structured_data(self) -> dict:
        return {"@type": "WebSite", "name": self.title, "url": self.full_url, "inLanguage": "de"}

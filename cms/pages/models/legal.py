from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class LegalPage(Page):
    """A page the law requires of a public body's website (Impressum, Datenschutzerklärung,
    Erklärung zur Barrierefreiheit): plain text, linked from every page's footer."""

    #: The privacy notice's slug: the public forms link to it (ben_plugins.core.privacy),
    #: unless BEN_PRIVACY_URL names one elsewhere.
    PRIVACY_SLUG = "datenschutz"

    body = RichTextField("Text", features=["h2", "h3", "bold", "italic", "link", "ol", "ul"])

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    content_panels = [*Page.content_panels, FieldPanel("body")]

    class Meta:
        verbose_name = "Rechtliche Seite"
        verbose_name_plural = "Rechtliche Seiten"

from django import forms
from django.apps import apps
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from cms.core.fields import LANGUAGE_CHOICES, MultipleChoiceJSONField
from cms.core.location import AddressFields, ContactFields
from cms.core.publication import published

from .metadata import address_of
from .news import news_entries, published_news

#: How many of a club's newest news items its page lists.
RECENT_NEWS_SHOWN = 3


class ClubIndexPage(Page):
    intro = RichTextField("Einleitung", blank=True)

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.ClubPage"]
    max_count_per_parent = 1
    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = "Vereinsverzeichnis"
        verbose_name_plural = "Vereinsverzeichnisse"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["clubs"] = published(ClubPage.objects.child_of(self)).order_by("title")
        return context


class ClubPage(AddressFields, ContactFields, Page):
    """A club, initiative or institution of the network. Its subtree is what its editors own."""

    class Kind(models.TextChoices):
        CLUB = "verein", "Verein"
        INITIATIVE = "initiative", "Initiative"
        INSTITUTION = "einrichtung", "Einrichtung"
        PARISH = "kirchengemeinde", "Kirchengemeinde"
        COMPANY = "unternehmen", "Unternehmen"

    kind = models.CharField("Art", max_length=20, choices=Kind.choices, default=Kind.CLUB)
    categories = ParentalManyToManyField(
        "snippets.Category", blank=True, related_name="clubs", verbose_name="Kategorien"
    )
    description = RichTextField("Beschreibung", blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="Logo",
    )
    meeting_times = models.TextField(
        "Treffzeiten", blank=True, help_text="z. B. „Jeden Mittwoch 19 Uhr im Vereinsheim“"
    )
    languages = MultipleChoiceJSONField(
        "Sprachen",
        choices_list=LANGUAGE_CHOICES,
        help_text="In welchen Sprachen ist Kontakt möglich?",
    )
    accessibility = models.TextField("Barrierefreiheit", blank=True)
    founded_year = models.PositiveSmallIntegerField(
        "Gründungsjahr",
        null=True,
        blank=True,
        validators=[MinValueValidator(800), MaxValueValidator(2100)],
    )
    seeks_volunteers = models.BooleanField("Sucht Ehrenamtliche", default=False)

    parent_page_types = ["pages.ClubIndexPage"]
    subpage_types = ["pages.EventPage"]

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
                FieldPanel("seeks_volunteers"),
            ],
            heading="Einordnung",
        ),
        FieldPanel("description"),
        FieldPanel("logo"),
        *AddressFields.address_panels,
        *ContactFields.contact_panels,
        MultiFieldPanel(
            [
                FieldPanel("meeting_times"),
                FieldPanel("languages"),
                FieldPanel("accessibility"),
                FieldPanel("founded_year"),
            ],
            heading="Weitere Angaben",
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("description"),
        index.SearchField("meeting_times"),
        index.FilterField("kind"),
        index.FilterField("seeks_volunteers"),
        *AddressFields.address_search_fields,
    ]

    class Meta:
        verbose_name = "Verein / Einrichtung"
        verbose_name_plural = "Vereine und Einrichtungen"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["event_dates"] = published(self.organised_events.all()).upcoming()
        context["opportunities"] = self.open_opportunities()
        recent_news = published_news().filter(club=self)[:RECENT_NEWS_SHOWN]
        context["news_entries"] = news_entries(recent_news, request)
        return context

    def open_opportunities(self):
        """The club's published volunteer opportunities (cms.snippets lies above cms.pages:
        the model is looked up by name)."""
        opportunity = apps.get_model("snippets", "VolunteerOpportunity")
        return published(opportunity.objects.filter(club=self)).order_by("title")

    def structured_data(self) -> dict:
        data = {
            "@type": "Organization",
            "name": self.title,
            "url": self.full_url,
            "address": address_of(self),
        }
        if self.email:
            data["email"] = self.email
        if self.phone:
            data["telephone"] = self.phone
        if self.website:
            data["sameAs"] = [self.website]
        if self.founded_year:
            data["foundingDate"] = str(self.founded_year)
        return data

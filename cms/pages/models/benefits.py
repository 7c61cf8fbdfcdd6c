from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.timezone import localdate
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from cms.core.location import AddressFields, ContactFields
from cms.core.publication import published

from .metadata import address_of


class BenefitPartnerIndexPage(Page):
    """The Ehrenamtskarte Rheinland-Pfalz: its criteria and the local benefit partners."""

    intro = RichTextField("Einleitung", blank=True)
    card_criteria = RichTextField(
        "Ausstellungskriterien",
        blank=True,
        help_text="Wer die Ehrenamtskarte beantragen kann (z. B. 5 Std./Woche oder 250 Std./Jahr).",
    )

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.BenefitPartnerPage"]
    max_count_per_parent = 1
    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("card_criteria")]

    class Meta:
        verbose_name = "Ehrenamtskarte"
        verbose_name_plural = "Ehrenamtskarten"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        partners = published(BenefitPartnerPage.objects.child_of(self)).order_by("title")
        by_category = {}
        for partner in partners:
            by_category.setdefault(partner.category, []).append(partner)
        context["categories"] = [
            (label, by_category[value])
            for value, label in BenefitPartnerPage.Category.choices
            if value in by_category
        ]
        return context


class BenefitPartnerPage(AddressFields, ContactFields, Page):
    """A partner granting a discount to holders of the Ehrenamtskarte Rheinland-Pfalz."""

    class Category(models.TextChoices):
        FOOD = "essen-trinken-gastronomie", "Essen/Trinken/Gastronomie"
        LEISURE = "freizeit-reise-unterkuenfte", "Freizeit/Reise/Unterkünfte"
        CULTURE = "bildung-kultur-unterhaltung", "Bildung/Kultur/Unterhaltung"
        HEALTH = "gesundheit-sport-wellness", "Gesundheit/Sport/Wellness"
        SERVICES = "dienstleistungen-finanzen", "Dienstleistungen/Finanzen"
        FASHION = "mode-beauty", "Mode/Beauty"
        HOME = "wohnen-haus-garten", "Wohnen/Haus/Garten"
        VEHICLES = "auto-zweirad", "Auto/Zweirad"
        MULTIMEDIA = "multimedia", "Multimedia"
        OTHER = "sonstiges", "Sonstiges"

    category = models.CharField("Kategorie", max_length=40, choices=Category.choices)
    discount_de = models.TextField("Vergünstigung (deutsch)")
    discount_en = models.TextField("Vergünstigung (englisch)", blank=True)
    conditions = models.TextField("Bedingungen", blank=True)
    valid_from = models.DateField("Gültig ab", null=True, blank=True)
    valid_until = models.DateField("Gültig bis", null=True, blank=True)
    description = RichTextField("Beschreibung", blank=True)

    parent_page_types = ["pages.BenefitPartnerIndexPage"]
    subpage_types = []

    content_panels = [
        *Page.content_panels,
        FieldPanel("category"),
        MultiFieldPanel(
            [
                FieldPanel("discount_de"),
                FieldPanel("discount_en"),
                FieldPanel("conditions"),
                FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")]),
            ],
            heading="Vergünstigung",
        ),
        FieldPanel("description"),
        *AddressFields.address_panels,
        *ContactFields.contact_panels,
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("discount_de"),
        index.SearchField("discount_en"),
        index.SearchField("description"),
        index.FilterField("category"),
        *AddressFields.address_search_fields,
    ]

    class Meta:
        verbose_name = "Vorteilspartner"
        verbose_name_plural = "Vorteilspartner"

    @classmethod
    def publication_condition(cls) -> Q:
        """Expired offers are not published (cms.core.publication); the date is Berlin's."""
        return Q(valid_until__isnull=True) | Q(valid_until__gte=localdate())

    def structured_data(self) -> dict:
        """The discount as a schema.org Offer of the partner (a local business)."""
        offer = {"@type": "Offer", "description": self.discount_de}
        if self.valid_from:
            offer["validFrom"] = self.valid_from.isoformat()
        if self.valid_until:
            offer["validThrough"] = self.valid_until.isoformat()
        return {
            "@type": "LocalBusiness",
            "name": self.title,
            "url": self.full_url,
            "address": address_of(self),
            "makesOffer": offer,
        }

    def clean(self):
        super().clean()
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise ValidationError({"valid_until": "„Gültig bis“ liegt vor „Gültig ab“."})

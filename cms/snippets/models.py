"""Editorial snippets that partner clubs write, and the plain taxonomy they are tagged with."""

from django.db import models
from django.utils.text import slugify
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index

from cms.fields import LANGUAGE_CHOICES, MultipleChoiceJSONField
from cms.pages.models.location import AddressFields


class TaxonomyTerm(index.Indexed, models.Model):
    name = models.CharField("Name", max_length=100, unique=True)
    slug = models.SlugField("Kürzel", max_length=100, unique=True, blank=True)
    description = models.TextField("Beschreibung", blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)
        super().save(*args, **kwargs)


class Category(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = "Kategorie"
        verbose_name_plural = "Kategorien"


class TargetGroup(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = "Zielgruppe"
        verbose_name_plural = "Zielgruppen"


class ClubContent(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    ClusterableModel,
):
    """Moderated content owned by a club.

    Subclassing this is how a content type declares that it belongs to a club and goes
    through moderation before the API serves it.
    """

    title = models.CharField("Titel", max_length=255)
    slug = models.SlugField("Kürzel", max_length=255, unique=True, blank=True)
    club = models.ForeignKey(
        "pages.ClubPage",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="Verein / Einrichtung",
    )
    categories = ParentalManyToManyField(
        "snippets.Category", blank=True, related_name="+", verbose_name="Kategorien"
    )
    created_at = models.DateTimeField("Angelegt am", auto_now_add=True)
    updated_at = models.DateTimeField("Geändert am", auto_now=True)

    preview_template: str

    search_fields = [
        index.SearchField("title", boost=2),
        index.AutocompleteField("title"),
        index.FilterField("club"),
        index.FilterField("live"),
    ]

    class Meta:
        abstract = True
        ordering = ["-updated_at"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self._unique_slug()
        super().save(*args, **kwargs)

    def _unique_slug(self) -> str:
        base = slugify(self.title)[:240] or type(self)._meta.model_name
        slug, suffix = base, 2
        while type(self).objects.filter(slug=slug).exclude(pk=self.pk).exists():
            slug, suffix = f"{base}-{suffix}", suffix + 1
        return slug

    def get_preview_template(self, request, mode_name):
        return self.preview_template


class NewsItem(ClubContent):
    teaser = models.TextField("Anreißer", max_length=500, blank=True)
    body = RichTextField("Text")
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="Bild",
    )

    preview_template = "snippets/previews/news_item.html"
    panels = [
        FieldPanel("title"),
        FieldPanel("club"),
        FieldPanel("teaser"),
        FieldPanel("body"),
        FieldPanel("image"),
        FieldPanel("categories"),
        FieldPanel("slug"),
    ]
    search_fields = [
        *ClubContent.search_fields,
        index.SearchField("teaser"),
        index.SearchField("body"),
    ]

    class Meta(ClubContent.Meta):
        verbose_name = "Neuigkeit"
        verbose_name_plural = "Neuigkeiten"


class VolunteerOpportunity(AddressFields, ClubContent):
    """An "Engagementangebot": what a volunteer would do, when, and whom to ask."""

    class Commitment(models.TextChoices):
        REGULAR = "regelmaessig", "Regelmäßig"
        ONE_OFF = "einmalig", "Einmalig"

    description = RichTextField("Beschreibung", blank=True)
    tasks = models.TextField("Aufgaben")
    time_commitment = models.CharField(
        "Zeitaufwand", max_length=255, help_text="z. B. „2 Stunden pro Woche“"
    )
    commitment_type = models.CharField(
        "Art des Engagements",
        max_length=20,
        choices=Commitment.choices,
        default=Commitment.REGULAR,
    )
    target_groups = ParentalManyToManyField(
        "snippets.TargetGroup", blank=True, related_name="+", verbose_name="Zielgruppen"
    )
    skills = models.TextField("Gewünschte Fähigkeiten", blank=True)
    languages = MultipleChoiceJSONField("Sprachen", choices_list=LANGUAGE_CHOICES)
    location_name = models.CharField("Einsatzort", max_length=255, blank=True)
    contact_name = models.CharField("Ansprechperson", max_length=255, blank=True)
    contact_email = models.EmailField("E-Mail", blank=True)
    contact_phone = models.CharField("Telefon", max_length=50, blank=True)
    review_by = models.DateField(
        "Überprüfen bis",
        null=True,
        blank=True,
        help_text="Bis wann das Angebot auf Aktualität geprüft werden soll.",
    )

    preview_template = "snippets/previews/volunteer_opportunity.html"
    panels = [
        FieldPanel("title"),
        FieldPanel("club"),
        FieldPanel("description"),
        FieldPanel("tasks"),
        MultiFieldPanel(
            [
                FieldPanel("time_commitment"),
                FieldPanel("commitment_type"),
                FieldPanel("review_by"),
            ],
            heading="Zeit",
        ),
        MultiFieldPanel(
            [
                FieldPanel("target_groups"),
                FieldPanel("categories"),
                FieldPanel("skills"),
                FieldPanel("languages"),
            ],
            heading="Für wen",
        ),
        FieldPanel("location_name"),
        *AddressFields.address_panels,
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
            ],
            heading="Kontakt",
        ),
        FieldPanel("slug"),
    ]
    search_fields = [
        *ClubContent.search_fields,
        index.SearchField("description"),
        index.SearchField("tasks"),
        index.SearchField("skills"),
        index.FilterField("commitment_type"),
    ]

    class Meta(ClubContent.Meta):
        verbose_name = "Engagementangebot"
        verbose_name_plural = "Engagementangebote"


class TrainingOffer(AddressFields, ClubContent):
    """A "Fortbildung": a course or workshop for volunteers."""

    description = RichTextField("Beschreibung")
    start = models.DateTimeField("Beginn", null=True, blank=True)
    end = models.DateTimeField("Ende", null=True, blank=True)
    location_name = models.CharField("Ort", max_length=255, blank=True)
    trainer = models.CharField("Referent*in", max_length=255, blank=True)
    costs = models.CharField("Kosten", max_length=100, blank=True)
    max_participants = models.PositiveIntegerField("Max. Teilnehmende", null=True, blank=True)
    registration_url = models.URLField("Anmeldung (Link)", blank=True)
    target_groups = ParentalManyToManyField(
        "snippets.TargetGroup", blank=True, related_name="+", verbose_name="Zielgruppen"
    )

    preview_template = "snippets/previews/training_offer.html"
    panels = [
        FieldPanel("title"),
        FieldPanel("club"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("location_name"),
                FieldPanel("trainer"),
                FieldPanel("costs"),
                FieldPanel("max_participants"),
                FieldPanel("registration_url"),
            ],
            heading="Durchführung",
        ),
        *AddressFields.address_panels,
        FieldPanel("target_groups"),
        FieldPanel("categories"),
        FieldPanel("slug"),
    ]
    search_fields = [*ClubContent.search_fields, index.SearchField("description")]

    class Meta(ClubContent.Meta):
        verbose_name = "Fortbildung"
        verbose_name_plural = "Fortbildungen"

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": "Das Ende darf nicht vor dem Beginn liegen."})

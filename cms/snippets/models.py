"""Editorial snippets that partner clubs write, and the plain taxonomy they are tagged with."""

from dateutil.relativedelta import relativedelta
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.text import slugify
from django.utils.timezone import localdate
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from cms.core.fields import LANGUAGE_CHOICES, MultipleChoiceJSONField
from cms.core.location import AddressFields
from cms.moderation.club_content import ClubContent


class TaxonomyTerm(index.Indexed, models.Model):
    name = models.CharField("Name", max_length=100, unique=True)
    slug = models.SlugField(
        "Kürzel",
        max_length=100,
        unique=True,
        blank=True,
        help_text="Steht in Internetadressen und in der API; leer lassen, dann wird es aus "
        "dem Namen gebildet.",
    )
    description = models.TextField(
        "Beschreibung", blank=True, help_text="Wofür der Begriff steht; nur für die Redaktion."
    )

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


class NewsItem(ClubContent):
    teaser = models.TextField(
        "Anreißer",
        max_length=500,
        blank=True,
        help_text="Ein bis zwei Sätze für Übersichten, Feeds und Apps (höchstens 500 Zeichen).",
    )
    body = RichTextField("Text")
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="Bild",
        help_text="Nur Bilder, an denen der Verein die Nutzungsrechte hat; bitte einen "
        "Alternativtext für blinde Menschen angeben.",
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


#: Who may volunteer in an opportunity (not whom the club serves: that is target_groups).
SUITABLE_FOR_CHOICES = [
    ("familien", "Familien"),
    ("jugendliche", "Jugendliche"),
    ("senioren", "Senior*innen"),
]
#: How long an opportunity stays published without anyone confirming it is still current.
REVIEW_PERIOD = relativedelta(months=6)


def default_review_date():
    """Six months from today (Berlin): an opportunity nobody confirms disappears then."""
    return localdate() + REVIEW_PERIOD


class VolunteerOpportunity(AddressFields, ClubContent):
    """An "Engagementangebot": what a volunteer would do, when, and whom to ask."""

    class Commitment(models.TextChoices):
        REGULAR = "regelmaessig", "Regelmäßig"
        ONE_OFF = "einmalig", "Einmalig"

    MAX_HOURS_PER_WEEK = 40

    description = RichTextField(
        "Beschreibung", blank=True, help_text="Worum es geht, in wenigen Sätzen."
    )
    tasks = models.TextField("Aufgaben", help_text="Was Ehrenamtliche konkret tun.")
    time_commitment = models.CharField(
        "Zeitaufwand", max_length=255, help_text="z. B. „2 Stunden pro Woche“"
    )
    hours_per_week = models.DecimalField(
        "Stunden pro Woche (Zahl)",
        max_digits=3,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(MAX_HOURS_PER_WEEK)],
        help_text=(
            "Ungefährer Zeitaufwand als Zahl, z. B. 2 oder 1,5. Damit finden Interessierte "
            "Angebote, die zu ihrer freien Zeit passen. Bei einmaligen Einsätzen leer lassen."
        ),
    )
    commitment_type = models.CharField(
        "Art des Engagements",
        max_length=20,
        choices=Commitment.choices,
        default=Commitment.REGULAR,
        help_text="Regelmäßig: über längere Zeit wiederkehrend; einmalig: ein Termin oder "
        "ein Projekt.",
    )
    target_groups = ParentalManyToManyField(
        "snippets.TargetGroup",
        blank=True,
        related_name="+",
        verbose_name="Zielgruppen",
        help_text="Für wen das Angebot besonders passt.",
    )
    skills = models.TextField(
        "Gewünschte Fähigkeiten",
        blank=True,
        help_text="Leer lassen, wenn keine Vorkenntnisse nötig sind.",
    )
    languages = MultipleChoiceJSONField(
        "Sprachen",
        choices_list=LANGUAGE_CHOICES,
        help_text="In welchen Sprachen man sich beim Einsatz verständigen kann.",
    )
    no_german_needed = models.BooleanField(
        "Ohne Deutschkenntnisse möglich",
        default=False,
        help_text=(
            "Die Aufgabe lässt sich auch ohne Deutschkenntnisse übernehmen. Welche Sprachen "
            "helfen, steht unter „Sprachen“."
        ),
    )
    accessible = models.BooleanField(
        "Barrierefrei",
        default=False,
        help_text=(
            "Einsatzort und Aufgabe sind auch für Menschen mit Behinderung zugänglich, "
            "z. B. stufenlos erreichbar."
        ),
    )
    suitable_for = MultipleChoiceJSONField(
        "Geeignet für",
        choices_list=SUITABLE_FOR_CHOICES,
        help_text=(
            "Wer sich hier engagieren kann – nicht, für wen sich der Verein einsetzt "
            "(das sind die Zielgruppen)."
        ),
    )
    location_name = models.CharField(
        "Einsatzort",
        max_length=255,
        blank=True,
        help_text="Name des Ortes, z. B. „Pfarrheim Liebfrauen“; die Adresse folgt unten.",
    )
    contact_name = models.CharField(
        "Ansprechperson", max_length=255, blank=True, help_text="Wird öffentlich angezeigt."
    )
    contact_email = models.EmailField(
        "E-Mail",
        blank=True,
        help_text="Wird öffentlich angezeigt; am besten eine Adresse des Vereins, keine private.",
    )
    contact_phone = models.CharField(
        "Telefon", max_length=50, blank=True, help_text="Wird öffentlich angezeigt."
    )
    review_by = models.DateField(
        "Überprüfen bis",
        default=default_review_date,
        help_text=(
            "Nach diesem Tag verschwindet das Angebot von der Website und aus der API, bis "
            "jemand bestätigt, dass es noch aktuell ist, und das Datum verschiebt. "
            "Vorgabe: sechs Monate nach dem Anlegen."
        ),
    )

    preview_template = "snippets/previews/volunteer_opportunity.html"
    panels = [
        FieldPanel("title"),
        FieldPanel("club"),
        FieldPanel("description"),
        FieldPanel("tasks"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("time_commitment"), FieldPanel("hours_per_week")]),
                FieldPanel("commitment_type"),
                FieldPanel("review_by"),
            ],
            heading="Zeit",
        ),
        MultiFieldPanel(
            [
                FieldPanel("target_groups"),
                FieldPanel("categories"),
                FieldPanel("suitable_for"),
                FieldPanel("skills"),
                FieldPanel("languages"),
                FieldPanel("no_german_needed"),
                FieldPanel("accessible"),
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

    @classmethod
    def publication_condition(cls) -> Q:
        """Offers past their review date are not published (cms.core.publication), whether
        or not a plugin reminds the club; the date is Berlin's, the last day still counts."""
        return Q(review_by__gte=localdate())

    def suitable_for_labels(self) -> list[str]:
        labels = dict(SUITABLE_FOR_CHOICES)
        return [labels[value] for value in self.suitable_for if value in labels]

    def save(self, *args, **kwargs):
        """Revisions saved before review_by was required hold null; publishing one later
        gives it the default date instead of failing."""
        if self.review_by is None:
            self.review_by = default_review_date()
        super().save(*args, **kwargs)


class TrainingOffer(AddressFields, ClubContent):
    """A "Fortbildung": a course or workshop for volunteers."""

    description = RichTextField("Beschreibung")
    start = models.DateTimeField(
        "Beginn", null=True, blank=True, help_text="Leer lassen, solange der Termin offen ist."
    )
    end = models.DateTimeField("Ende", null=True, blank=True)
    location_name = models.CharField(
        "Ort",
        max_length=255,
        blank=True,
        help_text="Name des Ortes, z. B. „Haus der Jugend“; die Adresse folgt unten.",
    )
    trainer = models.CharField(
        "Referent*in", max_length=255, blank=True, help_text="Wer die Fortbildung leitet."
    )
    costs = models.CharField(
        "Kosten",
        max_length=100,
        blank=True,
        help_text="z. B. „kostenlos“ oder „15 € pro Person, mit Ehrenamtskarte 10 €“",
    )
    max_participants = models.PositiveIntegerField(
        "Max. Teilnehmende",
        null=True,
        blank=True,
        help_text="Leer lassen, wenn die Zahl nicht begrenzt ist.",
    )
    registration_url = models.URLField(
        "Anmeldung (Link)",
        blank=True,
        help_text="Internetadresse, unter der man sich anmeldet, beginnend mit https://",
    )
    target_groups = ParentalManyToManyField(
        "snippets.TargetGroup",
        blank=True,
        related_name="+",
        verbose_name="Zielgruppen",
        help_text="Für wen die Fortbildung besonders passt.",
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

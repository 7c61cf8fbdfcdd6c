import factory
from factory.django import DjangoModelFactory

from cms.snippets.models import Category, NewsItem, TargetGroup, TrainingOffer, VolunteerOpportunity

from .pages import ClubPageFactory


class CategoryFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Kategorie {n}")

    class Meta:
        model = Category
        django_get_or_create = ("name",)


class TargetGroupFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Zielgruppe {n}")

    class Meta:
        model = TargetGroup
        django_get_or_create = ("name",)


class ClubContentFactory(DjangoModelFactory):
    """Snippets start as drafts (live=False), as a club editor would create them."""

    title = factory.Sequence(lambda n: f"Beitrag {n}")
    club = factory.SubFactory(ClubPageFactory)
    live = False

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @factory.post_generation
    def published(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.save_revision().publish()
            obj.refresh_from_db()


class NewsItemFactory(ClubContentFactory):
    teaser = "Kurz gesagt."
    body = "<p>Neuigkeiten aus dem Verein.</p>"

    class Meta:
        model = NewsItem


class VolunteerOpportunityFactory(ClubContentFactory):
    tasks = "Begleitung von Senior*innen zu Arztterminen"
    time_commitment = "2 Stunden pro Woche"

    class Meta:
        model = VolunteerOpportunity


class TrainingOfferFactory(ClubContentFactory):
    description = "<p>Grundlagen der Vereinsarbeit.</p>"

    class Meta:
        model = TrainingOffer

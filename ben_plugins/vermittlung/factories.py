"""Test factories for this plugin's models, found by the BEN CMS test suite (it imports
``<plugin>.factories`` of every installed plugin; the plugin contract, docs/plugins.md
section 5, uses them); not used at run time."""

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory
from wagtail.models import Page, Site

from cms.pages.models import ClubIndexPage, ClubPage
from tests.factories.pages import ClubPageFactory
from tests.factories.snippets import VolunteerOpportunityFactory

from .models import InterestMessage


def any_club() -> ClubPage:
    return ClubPage.objects.first() or ClubPageFactory(parent=Page.get_first_root_node())


class InterestMessageFactory(DjangoModelFactory):
    """A confirmed message (what staff see) about a published opportunity."""

    opportunity = factory.LazyAttribute(
        lambda message: VolunteerOpportunityFactory(club=message.club, published=True)
    )
    club = factory.LazyFunction(any_club)
    name = "Lena Hoffmann"
    email = factory.Sequence(lambda n: f"interessiert{n}@example.org")
    phone = "06561 1234"
    message = "Ich hätte dienstags Zeit und fahre gern Auto."
    consent_text = "Ich bin einverstanden."
    consent_version = "1"
    confirmed_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = InterestMessage

    @classmethod
    def intake_body(cls) -> dict:
        """A valid JSON body for POST /api/v1/vermittlung/interests/: about a new published
        opportunity of a published club on the default site."""
        root = Site.objects.get(is_default_site=True).root_page
        parent = ClubIndexPage.objects.descendant_of(root).first() or root
        club = ClubPageFactory(parent=parent, email="kontakt@verein.example")
        club.save_revision().publish()
        opportunity = VolunteerOpportunityFactory(
            club=club, contact_email="angebot@verein.example", published=True
        )
        return {
            "opportunity": opportunity.pk,
            "name": "Lena Hoffmann",
            "email": "lena.hoffmann@example.org",
            "phone": "06561 1234",
            "message": "Ich hätte dienstags Zeit.",
            "consent": True,
        }

"""Test factories for this plugin's models, found by the BEN CMS test suite (it imports
``<plugin>.factories`` of every installed plugin); not used at run time."""

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory
from wagtail.models import Page

from cms.pages.models import ClubPage
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

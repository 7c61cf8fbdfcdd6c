"""Test factories for this plugin's models, found by the BEN CMS test suite.

The suite imports ``<plugin>.factories`` of every installed plugin, so suites that cover
every ClubContent type (the moderation permission matrix) and every model with personal data
or an intake (the plugin contract, docs/plugins.md section 5) cover this one too.
"""

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory
from wagtail.models import Page

from cms.pages.models import ClubPage
from tests.factories.pages import ClubPageFactory
from tests.factories.snippets import ClubContentFactory

from .models import ClubAnnouncement, HelpOffer, TopicSuggestion


class ClubAnnouncementFactory(ClubContentFactory):
    text = "Am Samstag ist Vereinsfest."

    class Meta:
        model = ClubAnnouncement


class TopicSuggestionFactory(DjangoModelFactory):
    """A confirmed suggestion: what staff see."""

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    name = "Petra Müller"
    topic = "Ehrenamt und Steuern"
    text = "Was darf ein Übungsleiter steuerfrei verdienen?"
    consent_text = "Ich bin einverstanden."
    consent_version = "1"
    confirmed_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = TopicSuggestion

    @classmethod
    def intake_body(cls) -> dict:
        """A valid JSON body for POST /api/v1/example/topic-suggestions/."""
        return {
            "email": "anna.schmitt@example.org",
            "name": "Anna Schmitt",
            "topic": "Ehrenamt im Sportverein",
            "text": "Wie gewinnen wir junge Übungsleiterinnen?",
            "consent": True,
        }


def any_club() -> ClubPage:
    return ClubPage.objects.first() or ClubPageFactory(parent=Page.get_first_root_node())


class HelpOfferFactory(DjangoModelFactory):
    club = factory.LazyFunction(any_club)
    name = "Jörg Schäfer"
    email = factory.Sequence(lambda n: f"helfer{n}@example.org")
    message = "Ich kann samstags beim Fest helfen."

    class Meta:
        model = HelpOffer

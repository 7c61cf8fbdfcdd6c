"""Page factories; pass parent= to place a page in the tree (wagtail-factories)."""

import datetime as dt
from zoneinfo import ZoneInfo

import factory
import wagtail_factories

from cms.pages.models import (
    BenefitPartnerIndexPage,
    BenefitPartnerPage,
    ClubIndexPage,
    ClubPage,
    EventIndexPage,
    EventPage,
    HomePage,
    LegalPage,
    NewsIndexPage,
    StrategyChapterPage,
    StrategyIndexPage,
)

BERLIN = ZoneInfo("Europe/Berlin")


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Bitburger Engagement Netz"
    slug = "ben"

    class Meta:
        model = HomePage


class StrategyIndexPageFactory(wagtail_factories.PageFactory):
    title = "Engagementstrategie"
    slug = "engagementstrategie"

    class Meta:
        model = StrategyIndexPage


class StrategyChapterPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Kapitel {n}")
    chapter_number = factory.Sequence(lambda n: str(n + 1))

    class Meta:
        model = StrategyChapterPage


class ClubIndexPageFactory(wagtail_factories.PageFactory):
    title = "Vereine und Einrichtungen"
    slug = "vereine"

    class Meta:
        model = ClubIndexPage


class ClubPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Verein {n}")
    kind = ClubPage.Kind.CLUB
    city = "Bitburg"

    class Meta:
        model = ClubPage


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Veranstaltungen"
    slug = "veranstaltungen"

    class Meta:
        model = EventIndexPage


def next_week_evening() -> dt.datetime:
    """Upcoming whenever the suite runs: a fixed date turns into a past event one day."""
    day = dt.datetime.now(BERLIN).date() + dt.timedelta(days=7)
    return dt.datetime.combine(day, dt.time(18, 0), tzinfo=BERLIN)


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Veranstaltung {n}")
    start = factory.LazyFunction(next_week_evening)
    end = factory.LazyAttribute(lambda event: event.start + dt.timedelta(hours=2))

    class Meta:
        model = EventPage


class BenefitPartnerIndexPageFactory(wagtail_factories.PageFactory):
    title = "Ehrenamtskarte"
    slug = "ehrenamtskarte"

    class Meta:
        model = BenefitPartnerIndexPage


class BenefitPartnerPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Partner {n}")
    category = BenefitPartnerPage.Category.OTHER
    discount_de = "10 % Rabatt"

    class Meta:
        model = BenefitPartnerPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Neuigkeiten"
    slug = "neuigkeiten"
    show_in_menus = True

    class Meta:
        model = NewsIndexPage


class LegalPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Rechtliches {n}")
    body = "<p>[Von der Stadt zu ergänzen: Anschrift]</p>"

    class Meta:
        model = LegalPage

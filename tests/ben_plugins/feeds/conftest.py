"""A small but realistic calendar: the Ehrenamtsagentur's monthly meeting, the Vereinsfest,
a club event in a category, and content that must never reach a feed."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import pytest
from wagtail.models import PageViewRestriction

from cms.pages.models import EventExceptionDate
from tests.factories.pages import (
    BERLIN,
    BenefitPartnerPageFactory,
    ClubPageFactory,
    EventPageFactory,
)
from tests.factories.snippets import CategoryFactory, NewsItemFactory


@dataclass
class Calendar:
    agency: object
    club: object
    meeting: object
    festival: object
    training: object
    draft: object
    private: object
    sport: object


def published(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def calendar(site_tree) -> Calendar:
    sport = CategoryFactory(name="Sport")
    agency = published(
        ClubPageFactory(
            parent=site_tree.clubs,
            title="Ehrenamtsagentur Bitburg",
            slug="ehrenamtsagentur",
            kind="einrichtung",
            email="ehrenamt@bitburg.de",
            latitude=Decimal("49.974300"),
            longitude=Decimal("6.524400"),
        )
    )
    club = published(ClubPageFactory(parent=site_tree.clubs, title="TuS Bitburg", slug="tus"))
    meeting = EventPageFactory(
        parent=agency,
        title="Netzwerktreffen der Ehrenamtsagentur",
        start=dt.datetime(2026, 1, 6, 18, 0, tzinfo=BERLIN),
        end=dt.datetime(2026, 1, 6, 20, 0, tzinfo=BERLIN),
        recurrence_rule="FREQ=MONTHLY;BYDAY=1TU;UNTIL=20261231",
        location_name="Haus Beda",
        street="Bedaplatz 1",
        postal_code="54634",
        latitude=Decimal("49.973600"),
        longitude=Decimal("6.525800"),
    )
    EventExceptionDate.objects.create(event=meeting, date=dt.date(2026, 8, 4))
    published(meeting)
    festival = published(
        EventPageFactory(
            parent=site_tree.events,
            title="Vereinsfest „Bitburg engagiert sich“",
            start=dt.datetime(2026, 9, 12, 0, 0, tzinfo=BERLIN),
            end=dt.datetime(2026, 9, 13, 0, 0, tzinfo=BERLIN),
            all_day=True,
            organiser=agency,
        )
    )
    training = EventPageFactory(parent=club, title="Lauftreff")
    training.categories.add(sport)
    published(training)
    draft = EventPageFactory(parent=club, title="Geheimer Entwurf", live=False)
    private = published(EventPageFactory(parent=club, title="Nur für Mitglieder"))
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    NewsItemFactory(club=club, title="Neue Trainingszeiten", published=True)
    NewsItemFactory(club=club, title="Entwurf einer Meldung")
    BenefitPartnerPageFactory(
        parent=site_tree.benefits,
        title="Eiscafé Venezia",
        discount_de="10 % auf alle Eisbecher",
        discount_en="10 % off all sundaes",
        latitude=Decimal("49.970000"),
        longitude=Decimal("6.520000"),
    )
    BenefitPartnerPageFactory(
        parent=site_tree.benefits,
        title="Abgelaufen GmbH",
        valid_until=dt.date(2020, 1, 1),
        latitude=Decimal("49.9"),
        longitude=Decimal("6.5"),
    )
    return Calendar(agency, club, meeting, festival, training, draft, private, sport)

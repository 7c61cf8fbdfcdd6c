import pytest

from tests.factories.pages import ClubPageFactory, EventPageFactory


@pytest.mark.django_db
def test_event_under_a_club_takes_the_club_as_organiser(site_tree):
    club = ClubPageFactory(parent=site_tree.clubs)
    event = EventPageFactory(parent=club)
    assert event.organiser_id == club.pk


@pytest.mark.django_db
def test_event_in_the_calendar_keeps_an_explicit_organiser(site_tree):
    club = ClubPageFactory(parent=site_tree.clubs)
    event = EventPageFactory(parent=site_tree.events, organiser=club)
    assert event.organiser_id == club.pk
    assert EventPageFactory(parent=site_tree.events).organiser is None

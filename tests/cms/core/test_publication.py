"""The publication rule of cms.core on its own: one rule for every model and every caller,
including querysets of the generic Page type (the admin's choosers ask with those)."""

import datetime as dt

import pytest
from django.utils.timezone import localdate
from wagtail.models import Page, PageViewRestriction

from cms.core.publication import (
    is_published,
    page_is_published,
    published,
    read_hidden_paths,
    surroundings_are_published,
)
from cms.pages.models import BenefitPartnerPage
from cms.snippets.models import NewsItem
from tests.factories.pages import BenefitPartnerPageFactory, ClubPageFactory, EventPageFactory
from tests.factories.snippets import NewsItemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def partners(site_tree):
    yesterday = localdate() - dt.timedelta(days=1)
    return {
        "current": BenefitPartnerPageFactory(parent=site_tree.benefits, title="Eiscafé"),
        "expired": BenefitPartnerPageFactory(
            parent=site_tree.benefits, title="Alt", valid_until=yesterday
        ),
        "last_day": BenefitPartnerPageFactory(
            parent=site_tree.benefits, title="Heute", valid_until=localdate()
        ),
    }


def test_a_model_condition_applies_to_its_own_queryset(partners):
    titles = set(published(BenefitPartnerPage.objects.all()).values_list("title", flat=True))
    assert titles == {"Eiscafé", "Heute"}


def test_a_model_condition_applies_to_generic_page_querysets(partners):
    visible = set(published(Page.objects.all()).values_list("title", flat=True))
    assert {"Eiscafé", "Heute"} <= visible
    assert "Alt" not in visible


def test_one_page_is_judged_by_the_same_rule(partners):
    assert page_is_published(partners["current"])
    assert not page_is_published(partners["expired"])
    assert not page_is_published(Page.objects.get(pk=partners["expired"].pk))  # not specific
    assert not page_is_published(None)


def test_pages_below_an_unpublished_page_are_hidden(site_tree):
    club = ClubPageFactory(parent=site_tree.clubs, title="Verein")
    event = EventPageFactory(parent=club, title="Fest")
    assert page_is_published(event)
    club.unpublish()
    assert club.path in read_hidden_paths()
    assert not page_is_published(event)
    assert not published(Page.objects.filter(pk=event.pk)).exists()
    # Given hidden paths (the API's cached copy) are used instead of reading them.
    assert page_is_published(event, hidden_paths=())


def test_club_content_follows_its_club(site_tree):
    club = ClubPageFactory(parent=site_tree.clubs, title="Verein")
    news = NewsItemFactory(club=club, live=True)
    assert is_published(news)
    PageViewRestriction.objects.create(page=club, restriction_type="login")
    assert not published(NewsItem.objects.all()).exists()
    assert not surroundings_are_published(news)


def test_a_draft_is_not_published(site_tree):
    club = ClubPageFactory(parent=site_tree.clubs, title="Verein")
    draft = NewsItemFactory(club=club, live=False)
    assert not is_published(draft)
    assert surroundings_are_published(draft)

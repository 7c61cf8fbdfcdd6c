"""Club content never disappears behind an editor's back."""

import pytest
from django.urls import reverse

from cms.pages.models import ClubPage
from cms.snippets.models import NewsItem
from tests.factories.pages import ClubPageFactory
from tests.factories.snippets import NewsItemFactory


@pytest.mark.django_db
def test_a_club_that_still_owns_content_cannot_be_deleted_in_the_admin(site_tree, admin_client):
    club = ClubPageFactory(parent=site_tree.clubs)
    news = NewsItemFactory(club=club, published=True)
    url = reverse("wagtailadmin_pages:delete", args=[club.pk])

    confirmation = admin_client.get(url)
    assert "verhindern, dass es gelöscht wird" in confirmation.content.decode()

    admin_client.post(url)
    assert ClubPage.objects.filter(pk=club.pk).exists()
    assert NewsItem.objects.get(pk=news.pk).live


@pytest.mark.django_db
def test_slugs_are_unique_per_type_and_derived_from_the_title(site_tree):
    club = ClubPageFactory(parent=site_tree.clubs)
    first = NewsItemFactory(club=club, title="Sommerfest 2026")
    second = NewsItemFactory(club=club, title="Sommerfest 2026")
    assert (first.slug, second.slug) == ("sommerfest-2026", "sommerfest-2026-2")

"""Links next to an item on the public site (cms.pages.public_actions): a club page shows what
the registered providers offer for each opportunity, and nothing without a provider."""

import pytest

from cms.pages import public_actions
from cms.pages.public_actions import PublicAction
from tests.factories.pages import ClubPageFactory
from tests.factories.snippets import VolunteerOpportunityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def no_providers(monkeypatch):
    """The registry as cms.pages alone has it: no higher layer registered a provider."""
    monkeypatch.setattr(public_actions, "_providers", [])


@pytest.fixture
def opportunity(site_tree):
    club = ClubPageFactory(parent=site_tree.clubs, title="Tafel Bitburg", slug="tafel")
    return VolunteerOpportunityFactory(club=club, title="Lebensmittel ausgeben", published=True)


def test_without_a_provider_an_opportunity_has_no_links(client, no_providers, opportunity):
    page = client.get(opportunity.club.url)
    assert page.status_code == 200
    assert "Lebensmittel ausgeben" in page.text
    assert 'class="actions"' not in page.text


def test_a_providers_action_is_a_link_naming_the_item_for_screen_readers(
    client, no_providers, opportunity
):
    def ask(instance, request):
        assert request is not None
        return [PublicAction(label="Mithelfen", url=f"/mithelfen/?item={instance.pk}")]

    public_actions.register(ask)
    public_actions.register(ask)  # once only
    html = client.get(opportunity.club.url).text
    link = (
        f'<a class="button" href="/mithelfen/?item={opportunity.pk}">Mithelfen'
        '<span class="visually-hidden">: Lebensmittel ausgeben</span></a>'
    )
    assert html.count(link) == 1

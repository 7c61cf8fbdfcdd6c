"""„Interesse melden“ next to every opportunity on its club's page, through the public
extension point ``public_actions``: the link leads to the form with the opportunity chosen,
and it is gone where the plugin is switched off."""

import html as html_text
import re

import pytest
from django.test import RequestFactory

from ben_plugins.core.signals import public_actions
from ben_plugins.vermittlung.signals import interest_link
from tests.factories.snippets import NewsItemFactory, VolunteerOpportunityFactory

pytestmark = pytest.mark.django_db

FORM = "/mitmachen/vermittlung/interesse/"


def link_to(offer) -> str:
    return (
        f'<a class="button" href="{FORM}?angebot={offer.pk}">Interesse melden'
        f'<span class="visually-hidden">: {offer.title}</span></a>'
    )


@pytest.fixture
def second_opportunity(club_a):
    return VolunteerOpportunityFactory(club=club_a, title="Fahrdienst", published=True)


def test_each_opportunity_links_to_the_form_with_itself_chosen(
    client, opportunity, second_opportunity
):
    html = client.get(opportunity.club.url).text
    for offer in (opportunity, second_opportunity):
        assert html.count(link_to(offer)) == 1
    href = re.search(r'href="([^"]+)">Interesse melden<span[^>]*>: Fahrdienst<', html).group(1)
    form = client.get(html_text.unescape(href))
    assert form.status_code == 200
    assert f'<option value="{second_opportunity.pk}" selected>Fahrdienst (Tafel Bitburg)' in (
        form.text
    )


def test_switched_off_for_the_site_the_link_is_gone(client, opportunity, switch_plugin):
    assert link_to(opportunity) in client.get(opportunity.club.url).text
    switch_plugin("vermittlung", False)
    page = client.get(opportunity.club.url)
    assert page.status_code == 200
    assert "Lebensmittel ausgeben" in page.text
    assert "Interesse melden" not in page.text


def test_no_link_for_a_draft_or_for_other_content(opportunity, club_a, site):
    request = RequestFactory().get(club_a.url)
    draft = VolunteerOpportunityFactory(club=club_a, title="Entwurf", published=False)
    news_with_the_offers_id = NewsItemFactory.build(club=club_a, pk=opportunity.pk)
    assert interest_link(type(draft), instance=draft, request=request) == []
    answers = public_actions.send(
        type(news_with_the_offers_id), instance=news_with_the_offers_id, site=site, request=request
    )
    assert answers == []
    assert [action.label for action in interest_link(type(opportunity), opportunity, request)] == [
        "Interesse melden"
    ]

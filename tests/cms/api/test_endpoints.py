"""Every endpoint lists and shows only published content, in a stable shape."""

import pytest
from django.utils.timezone import localtime
from wagtail.models import PageViewRestriction

from tests.factories.pages import (
    BenefitPartnerPageFactory,
    ClubPageFactory,
    EventPageFactory,
    StrategyChapterPageFactory,
)
from tests.factories.snippets import (
    NewsItemFactory,
    TrainingOfferFactory,
    VolunteerOpportunityFactory,
)

pytestmark = pytest.mark.django_db

ENDPOINTS = [
    "clubs",
    "events",
    "benefit-partners",
    "strategy-chapters",
    "news",
    "opportunities",
    "trainings",
    "categories",
    "target-groups",
]


def titles(response):
    assert response.status_code == 200, response.content
    return sorted(item.get("title") or item.get("name") for item in response.json()["results"])


@pytest.mark.parametrize("prefix", ENDPOINTS)
def test_every_endpoint_lists_with_pagination_envelope(client, content, prefix):
    response = client.get(f"/api/v1/{prefix}/")
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"count", "next", "previous", "results"}
    assert body["count"] == len(body["results"])


def test_drafts_and_unpublished_pages_never_appear(client, content):
    assert titles(client.get("/api/v1/events/")) == ["Offenes Treffen"]
    assert titles(client.get("/api/v1/news/")) == ["Neue Räume"]
    draft_event = content["draft_event"]
    assert client.get(f"/api/v1/events/{draft_event.pk}/").status_code == 404
    assert client.get(f"/api/v1/events/{draft_event.slug}/").status_code == 404
    assert client.get(f"/api/v1/news/{content['draft_news'].pk}/").status_code == 404


def test_detail_by_id_and_by_slug_are_the_same(client, content):
    event = content["event"]
    by_id = client.get(f"/api/v1/events/{event.pk}/").json()
    by_slug = client.get(f"/api/v1/events/{event.slug}/").json()
    assert by_id == by_slug
    assert by_id["url"] == f"http://testserver/api/v1/events/{event.pk}/"
    assert by_id["html_url"].startswith("http")
    assert by_id["start"] == localtime(event.start).isoformat()
    assert by_id["organiser"]["id"] == content["club"].pk
    assert by_id["organiser"]["url"] == f"http://testserver/api/v1/clubs/{content['club'].pk}/"
    assert by_id["categories"] == [
        {"id": content["category"].pk, "slug": "kultur", "name": "Kultur"}
    ]
    news = content["news"]
    assert client.get(f"/api/v1/news/{news.slug}/").json()["id"] == news.pk


def test_private_sections_are_excluded(client, content):
    PageViewRestriction.objects.create(
        page=content["club"], restriction_type=PageViewRestriction.LOGIN
    )
    assert titles(client.get("/api/v1/events/")) == []
    assert titles(client.get("/api/v1/clubs/")) == ["DRK Bitburg"]
    # News of a club in a private section is hidden too.
    assert titles(client.get("/api/v1/news/")) == []


def test_content_of_an_unpublished_club_is_hidden(client, content):
    content["club"].unpublish()
    assert titles(client.get("/api/v1/news/")) == []
    assert titles(client.get("/api/v1/events/")) == []


def test_unpublished_organiser_is_null_not_leaked(client, site_tree, content):
    club = ClubPageFactory(parent=site_tree.clubs, title="Noch geheim", live=False)
    event = EventPageFactory(parent=site_tree.events, title="Fest", organiser=club)
    body = client.get(f"/api/v1/events/{event.pk}/").json()
    assert body["organiser"] is None


def test_field_selection(client, content):
    body = client.get("/api/v1/events/?fields=id,title,start").json()
    assert list(body["results"][0]) == ["id", "title", "start"]
    detail = client.get(f"/api/v1/events/{content['event'].pk}/?fields=title").json()
    assert detail == {"title": "Offenes Treffen"}


def test_rich_text_links_are_resolved_to_absolute_urls(client, content):
    club = content["club"]
    club.description = f'<p>Siehe <a linktype="page" id="{content["event"].pk}">Treffen</a></p>'
    club.save_revision().publish()
    description = client.get(f"/api/v1/clubs/{club.pk}/").json()["description"]
    assert 'href="http://' in description
    assert "linktype" not in description


def test_strategy_chapters_nest_and_stream_blocks_are_typed(client, site_tree):
    chapter = StrategyChapterPageFactory(parent=site_tree.strategy, chapter_number="4")
    chapter.body = [
        ("heading", {"text": "Handlungsempfehlungen", "level": "h2"}),
        ("paragraph", "<p>Text</p>"),
    ]
    chapter.save_revision().publish()
    section = StrategyChapterPageFactory(parent=chapter, chapter_number="4.1")
    body = client.get(f"/api/v1/strategy-chapters/{chapter.pk}/").json()
    assert body["parent_chapter"] is None
    assert [block["type"] for block in body["body"]] == ["heading", "paragraph"]
    assert body["body"][0]["value"] == {"text": "Handlungsempfehlungen", "level": "h2"}
    sections = client.get(f"/api/v1/strategy-chapters/?parent_chapter={chapter.pk}").json()
    assert [item["id"] for item in sections["results"]] == [section.pk]
    assert sections["results"][0]["parent_chapter"] == chapter.pk


def test_benefit_partners_opportunities_trainings(client, site_tree, content):
    BenefitPartnerPageFactory(parent=site_tree.benefits, title="Eis-Café", discount_de="10 %")
    VolunteerOpportunityFactory(club=content["club"], title="Fahrdienst", published=True)
    VolunteerOpportunityFactory(club=content["club"], title="Entwurf")
    TrainingOfferFactory(club=content["club"], title="Erste Hilfe", published=True)
    partner = client.get("/api/v1/benefit-partners/").json()["results"][0]
    assert partner["category"] == {"value": "sonstiges", "label": "Sonstiges"}
    assert titles(client.get("/api/v1/opportunities/")) == ["Fahrdienst"]
    assert titles(client.get("/api/v1/trainings/")) == ["Erste Hilfe"]


def test_images_come_with_fixed_renditions(client, content):
    from wagtail_factories import ImageFactory

    club = content["club"]
    club.logo = ImageFactory(file__width=1200, file__height=900)
    club.save_revision().publish()
    logo = client.get(f"/api/v1/clubs/{club.pk}/").json()["logo"]
    assert set(logo["renditions"]) == {"thumbnail", "medium", "large"}
    assert logo["renditions"]["thumbnail"]["width"] == 400
    assert logo["renditions"]["thumbnail"]["url"].startswith("http://testserver/")
    news = NewsItemFactory(club=club, image=club.logo, published=True)
    assert client.get(f"/api/v1/news/{news.pk}/").json()["image"]["id"] == club.logo.pk

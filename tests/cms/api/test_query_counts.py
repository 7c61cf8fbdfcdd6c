"""Every list endpoint runs a constant number of SQL queries (at most 8), for 1, 20 or 100 items."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail_factories import ImageFactory

from cms.api.invalidation import invalidate_all
from cms.snippets.models import NewsItem, TrainingOffer, VolunteerOpportunity
from tests.factories.pages import (
    BenefitPartnerPageFactory,
    ClubPageFactory,
    EventPageFactory,
    StrategyChapterPageFactory,
)
from tests.factories.snippets import CategoryFactory, TargetGroupFactory

pytestmark = pytest.mark.django_db

MAX_QUERIES = 8
SIZES = (1, 20, 100)


@pytest.fixture
def world(site_tree):
    return {
        "tree": site_tree,
        "club": ClubPageFactory(parent=site_tree.clubs, title="Gastgeber"),
        "categories": [CategoryFactory(), CategoryFactory()],
        "target_groups": [TargetGroupFactory()],
        "image": ImageFactory(),
    }


def _tag(obj, world):
    if hasattr(obj, "categories"):
        obj.categories.set(world["categories"])
    if hasattr(obj, "target_groups"):
        obj.target_groups.set(world["target_groups"])


def _make_page(factory, parent_key, **extra):
    def make(world, index):
        page = factory(parent=world["tree"].__dict__[parent_key], **extra)
        _tag(page, world)
        page.save()
        return page

    return make


def _make_snippet(model, **fields):
    def make(world, index):
        item = model.objects.create(
            title=f"{model.__name__} {index}", club=world["club"], live=True, **fields
        )
        _tag(item, world)
        return item

    return make


def _make_club(world, index):
    club = ClubPageFactory(parent=world["tree"].clubs, logo=world["image"])
    _tag(club, world)
    club.save()
    return club


def _make_event(world, index):
    event = EventPageFactory(
        parent=world["club"] if index % 2 else world["tree"].events,
        recurrence_rule="FREQ=WEEKLY" if index % 3 == 0 else "",
    )
    _tag(event, world)
    event.exception_dates.create(date=event.start.date() + dt.timedelta(weeks=1))
    event.save()
    return event


def _make_term(factory):
    return lambda world, index: factory()


MAKERS = {
    "clubs": _make_club,
    "events": _make_event,
    "benefit-partners": _make_page(BenefitPartnerPageFactory, "benefits"),
    "strategy-chapters": _make_page(StrategyChapterPageFactory, "strategy"),
    "news": _make_snippet(NewsItem, body="<p>Text</p>"),
    "opportunities": _make_snippet(VolunteerOpportunity, tasks="Helfen", time_commitment="1 h"),
    "trainings": _make_snippet(TrainingOffer, description="<p>Kurs</p>"),
    "categories": _make_term(CategoryFactory),
    "target-groups": _make_term(TargetGroupFactory),
}
QUERIES = {"events": "limit=100&from=2026-11-01&to=2026-12-31&category={category}"}


def count_queries(client, url) -> int:
    invalidate_all()
    client.get(url)  # warm per-process caches (site root paths), create image renditions
    invalidate_all()  # measure the real work, not the response cache
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return len(queries), response.json()["count"]


@pytest.mark.parametrize("prefix", sorted(MAKERS))
def test_list_query_count_is_constant(client, world, prefix):
    query = QUERIES.get(prefix, "limit=100").format(category=world["categories"][0].slug)
    url = f"/api/v1/{prefix}/?{query}"
    counts = []
    made = 0
    for size in SIZES:
        while made < size:
            MAKERS[prefix](world, made)
            made += 1
        queries, count = count_queries(client, url)
        assert count >= size if prefix != "events" else count > 0
        counts.append(queries)
    assert counts[0] == counts[1] == counts[2], counts
    assert counts[0] <= MAX_QUERIES, counts

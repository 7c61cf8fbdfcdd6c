"""Fixtures for the content API tests: a small published data set and an API client."""

import datetime as dt
import sys
from contextlib import contextmanager
from dataclasses import dataclass

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.utils import timezone

from cms.api.invalidation import invalidate_all
from cms.api.registry import registry
from cms.api.serializers.base import PageSerializer
from cms.api.viewsets import ContentViewSet
from cms.pages.models import HomePage
from tests.factories.pages import (
    BERLIN,
    BenefitPartnerPageFactory,
    ClubPageFactory,
    EventPageFactory,
)
from tests.factories.snippets import CategoryFactory, NewsItemFactory, TargetGroupFactory


def assert_problem(response, status, parameter=None):
    """A problem+json answer with ``status``, naming ``parameter`` in its errors if given."""
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status
    if parameter is not None:
        assert parameter in body["errors"], body


@pytest.fixture(autouse=True)
def fresh_api_cache():
    """Responses cached by an earlier test must not answer for this test's database."""
    invalidate_all()
    yield
    invalidate_all()


@pytest.fixture
def api(client):
    """The Django test client; JSON helpers live on the response (response.json())."""
    return client


@pytest.fixture
def content(site_tree):
    """Two published clubs with events and news, plus one draft of each kind."""
    culture = CategoryFactory(name="Kultur")
    seniors = TargetGroupFactory(name="Senioren")
    club = ClubPageFactory(parent=site_tree.clubs, title="Kulturgemeinschaft Bitburg")
    other = ClubPageFactory(parent=site_tree.clubs, title="DRK Bitburg")
    event = EventPageFactory(parent=club, title="Offenes Treffen")
    event.categories.add(culture)
    event.target_groups.add(seniors)
    event.save_revision().publish()
    draft_event = EventPageFactory(parent=club, title="Geheimer Entwurf", live=False)
    news = NewsItemFactory(club=club, title="Neue Räume", published=True)
    draft_news = NewsItemFactory(club=other, title="Noch nicht freigegeben")
    return {
        "club": club,
        "other": other,
        "event": event,
        "draft_event": draft_event,
        "news": news,
        "draft_news": draft_news,
        "category": culture,
        "target_group": seniors,
        "cache": cache,
    }


PLUGIN_PREFIX = "demo-plugin/homes"


class HomeSerializer(PageSerializer):
    class Meta:
        model = HomePage
        fields = (*PageSerializer.page_fields, "intro")


class HomeViewSet(ContentViewSet):
    """Home pages, registered as a plugin would register its content type."""

    model = HomePage
    serializer_class = HomeSerializer
    ordering = ("title",)


@contextmanager
def registered_endpoint(prefix: str, viewset_class):
    """``viewset_class`` registered at runtime, as a plugin would, and routed through
    tests/cms/api/plugin_urlconf.py (which builds the API URLs when imported)."""
    registry.register(prefix, viewset_class)
    sys.modules.pop("tests.cms.api.plugin_urlconf", None)
    try:
        with override_settings(ROOT_URLCONF="tests.cms.api.plugin_urlconf"):
            yield viewset_class
    finally:
        registry.unregister(prefix)
        sys.modules.pop("tests.cms.api.plugin_urlconf", None)


@contextmanager
def availability_check(check):
    """``check(view_class, request)`` added to the registry's checks for the block."""
    registry.add_availability_check(check)
    try:
        yield check
    finally:
        registry.remove_availability_check(check)


@pytest.fixture
def plugin_endpoint():
    """switch["enabled"] is what an availability check says about the endpoint."""
    switch = {"enabled": True}

    def home_switch(view_class, request):
        return view_class is not HomeViewSet or switch["enabled"]

    with registered_endpoint(PLUGIN_PREFIX, HomeViewSet), availability_check(home_switch):
        yield switch


@dataclass
class Midnight:
    partner: object
    url: str
    pass_midnight: object


@pytest.fixture
def midnight_in_berlin(site_tree, monkeypatch):
    """Django's clock (timezone.now, hence localdate) at one minute before midnight in Berlin
    on the last day of a partner's offer; pass_midnight() moves it two minutes on. Both
    moments fall on the same day in UTC: only the date in Berlin rolls over. That day is
    tomorrow, so the generations (the real clock) are older than its midnight."""
    last_day = timezone.localdate() + dt.timedelta(days=1)
    partner = BenefitPartnerPageFactory(
        parent=site_tree.benefits, title="Eiscafé Venezia", valid_until=last_day
    )
    before = dt.datetime.combine(last_day, dt.time(23, 59), BERLIN)
    monkeypatch.setattr(timezone, "now", lambda: before)

    def pass_midnight():
        monkeypatch.setattr(timezone, "now", lambda: before + dt.timedelta(minutes=2))

    return Midnight(partner, "/api/v1/benefit-partners/", pass_midnight)

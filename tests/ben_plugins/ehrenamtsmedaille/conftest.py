"""Fixtures of the Ehrenamtsmedaille tests: a call open at a frozen now, the jury, its chair
and people who must not see nominations."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from ben_plugins.core.personal_data.groups import ensure_access_groups
from ben_plugins.ehrenamtsmedaille.factories import CallFactory, NominationFactory
from ben_plugins.ehrenamtsmedaille.models import CHAIR, JURY
from cms.moderation.models import ClubMembership
from cms.moderation.roles import MODERATORS
from tests.ben_plugins.core.records_fixtures import admin_user
from tests.factories.pages import ClubPageFactory

BERLIN = ZoneInfo("Europe/Berlin")
#: Inside the 2027 call (5 December 2026 to 31 January 2027), before its award (1 May 2027).
NOW = datetime(2027, 1, 10, 12, 0, tzinfo=BERLIN)


@pytest.fixture
def frozen(monkeypatch):
    """The clock at NOW; ``frozen.move(moment)`` sets it elsewhere."""

    class Clock:
        now = NOW

        def move(self, moment):
            self.now = moment

    clock = Clock()
    monkeypatch.setattr(timezone, "now", lambda: clock.now)
    return clock


@pytest.fixture
def call(db):
    """Open from 5 December 2026 to 31 January 2027, 23:59:59; award on 1 May 2027."""
    return CallFactory(year=2027)


@pytest.fixture
def previous_call(db):
    return CallFactory(year=2026)


@pytest.fixture
def next_call(db):
    return CallFactory(year=2028)


@pytest.fixture
def make_juror(db):
    ensure_access_groups()

    def make(name: str, chair: bool = False):
        user = admin_user(name)
        user.groups.add(Group.objects.get(name=JURY))
        if chair:
            user.groups.add(Group.objects.get(name=CHAIR))
        return user

    return make


@pytest.fixture
def jurors(make_juror):
    """Five jurors; the first is the chair."""
    return [make_juror("vorsitz", chair=True)] + [make_juror(f"juror{i}") for i in range(1, 5)]


@pytest.fixture
def chair(jurors):
    return jurors[0]


@pytest.fixture
def moderator(db):
    user = admin_user("moderation")
    user.groups.add(Group.objects.get_or_create(name=MODERATORS)[0])
    return user


@pytest.fixture
def club_editor(site_tree):
    user = admin_user("vereinsredaktion")
    club = ClubPageFactory(parent=site_tree.clubs, title="Feuerwehr", slug="feuerwehr")
    ClubMembership.objects.create(user=user, club=club)
    return user


@pytest.fixture
def nomination(call):
    return NominationFactory(call=call)

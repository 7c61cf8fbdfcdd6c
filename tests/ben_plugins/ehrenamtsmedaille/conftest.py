"""Fixtures of the Ehrenamtsmedaille tests: a call open at a frozen now, the jury, its chair
and people who must not see nominations."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from ben_plugins.core.personal_data.groups import ensure_access_groups
from ben_plugins.ehrenamtsmedaille.factories import CallFactory, NominationFactory
from ben_plugins.ehrenamtsmedaille.models import CHAIR, JURY
from cms.moderation.models import ClubMembership
from cms.moderation.roles import MODERATORS
from tests.factories.pages import ClubPageFactory
from tests.factories.users import UserFactory

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
    return CallFactory(
        year=2027,
        opens_at=datetime(2026, 12, 5, 0, 0, tzinfo=BERLIN),
        closes_at=datetime(2027, 1, 31, 23, 59, 59, tzinfo=BERLIN),
        award_date=date(2027, 5, 1),
    )


@pytest.fixture
def previous_call(db):
    return CallFactory(
        year=2026,
        opens_at=datetime(2025, 12, 5, tzinfo=BERLIN),
        closes_at=datetime(2026, 1, 31, 23, 59, 59, tzinfo=BERLIN),
        award_date=date(2026, 5, 1),
    )


@pytest.fixture
def next_call(db):
    return CallFactory(
        year=2028,
        opens_at=datetime(2027, 12, 5, tzinfo=BERLIN),
        closes_at=datetime(2028, 1, 31, 23, 59, 59, tzinfo=BERLIN),
        award_date=date(2028, 5, 1),
    )


def admin_user(username: str):
    user = UserFactory(username=username)
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return user


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


def days(n: int) -> timedelta:
    return timedelta(days=n)

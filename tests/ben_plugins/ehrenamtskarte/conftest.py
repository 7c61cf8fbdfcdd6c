"""Time frozen at NOW for every test of the plugin (no freezegun: timezone.now is patched)."""

from datetime import UTC, datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from ben_plugins.core.personal_data.groups import ensure_access_groups
from ben_plugins.ehrenamtskarte.models import OFFICE
from cms.moderation.models import ClubMembership
from tests.ben_plugins.core.records_fixtures import admin_user
from tests.factories.users import UserFactory

NOW = datetime(2027, 6, 15, 10, 0, tzinfo=UTC)
TODAY = NOW.date()


@pytest.fixture
def frozen(monkeypatch):
    """Call frozen(moment) to move the clock; starts at NOW."""
    monkeypatch.setattr(timezone, "now", lambda: NOW)

    def move(moment):
        monkeypatch.setattr(timezone, "now", lambda: moment)

    return move


@pytest.fixture
def office(db):
    ensure_access_groups()
    user = UserFactory(username="eak-buero")
    user.groups.add(Group.objects.get(name=OFFICE))
    return user


@pytest.fixture
def editor(club):
    """An editor of the club (a club membership), in no group that reads personal data."""
    user = admin_user("vereinsredaktion")
    ClubMembership.objects.create(user=user, club=club)
    return user

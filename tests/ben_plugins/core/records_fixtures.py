"""Fixtures of the records tests (transitions, personal data, retention, letters): submissions of
the example plugin, the group that may read them and users inside and outside it."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from ben_example_plugin.factories import HelpOfferFactory, TopicSuggestionFactory
from ben_example_plugin.models import TEAM, HelpOffer, TopicSuggestion
from django.contrib.auth.models import Group, Permission

from ben_plugins.core.personal_data.groups import ensure_access_groups
from cms.moderation.models import ClubMembership
from tests.factories.users import UserFactory

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2027, 3, 1, 9, 0, tzinfo=BERLIN)


def suggestion(**fields) -> TopicSuggestion:
    """Petra Müller's confirmed topic suggestion of NOW (unless confirmed_at=None is given)."""
    values = {
        "email": "petra.mueller@example.org",
        "submitted_at": NOW,
        "confirmed_at": NOW,
        **fields,
    }
    return TopicSuggestionFactory(**values)


def help_offer(club, **fields) -> HelpOffer:
    """Jörg Schäfer's offer of NOW to ``club``."""
    return HelpOfferFactory(
        club=club, **{"email": "joerg@example.org", "created_at": NOW, **fields}
    )


def admin_user(username: str):
    """A staff user who may open the admin but is in no group that reads personal data."""
    user = UserFactory(username=username)
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return user


@pytest.fixture
def team_member(db):
    ensure_access_groups()
    user = UserFactory(username="themen-team")
    user.groups.add(Group.objects.get(name=TEAM))
    return user


@pytest.fixture
def outsider(db):
    return admin_user("aussenstehend")


@pytest.fixture
def club_editor(db):
    def member_of(club):
        user = admin_user(f"redaktion-{club.slug}")
        ClubMembership.objects.create(user=user, club=club)
        return user

    return member_of

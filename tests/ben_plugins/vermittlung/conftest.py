"""A club with a published opportunity, the agency's address, club editors of two clubs
and a moderator, and a clock the tests can freeze."""

import pytest
from django.contrib.auth.models import Group, Permission

from cms.moderation.models import ClubMembership
from cms.moderation.roles import MODERATORS, ensure_roles
from tests.factories.pages import ClubPageFactory
from tests.factories.snippets import VolunteerOpportunityFactory
from tests.factories.users import UserFactory

AGENCY = "ehrenamt@stadt.example"


@pytest.fixture(autouse=True)
def agency_address(settings):
    settings.VERMITTLUNG_AGENCY_EMAIL = AGENCY
    return AGENCY


@pytest.fixture
def club_a(site_tree):
    club = ClubPageFactory(
        parent=site_tree.clubs, title="Tafel Bitburg", slug="tafel", email="tafel@verein.example"
    )
    club.save_revision().publish()
    return club


@pytest.fixture
def club_b(site_tree):
    club = ClubPageFactory(
        parent=site_tree.clubs, title="Turnverein Prüm", slug="tv-pruem", email="tv@verein.example"
    )
    club.save_revision().publish()
    return club


@pytest.fixture
def opportunity(club_a):
    return VolunteerOpportunityFactory(
        club=club_a,
        title="Lebensmittel ausgeben",
        contact_email="ausgabe@tafel.example",
        published=True,
    )


def _admin_user(username):
    user = UserFactory(username=username)
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return user


@pytest.fixture
def roles(db):
    ensure_roles()


@pytest.fixture
def editor_a(club_a, roles):
    user = _admin_user("redaktion-tafel")
    ClubMembership.objects.create(user=user, club=club_a)
    return user


@pytest.fixture
def editor_b(club_b, roles):
    user = _admin_user("redaktion-tv")
    ClubMembership.objects.create(user=user, club=club_b)
    return user


@pytest.fixture
def moderator(roles):
    user = _admin_user("ehrenamtsagentur")
    user.groups.add(Group.objects.get(name=MODERATORS))
    return user

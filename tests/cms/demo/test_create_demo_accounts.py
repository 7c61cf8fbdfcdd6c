from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from cms.demo.management.commands.create_demo_accounts import DEMO_PASSWORD
from cms.moderation.models import ClubMembership
from tests.factories.pages import ClubPageFactory


@pytest.fixture
def demo_clubs(site_tree):
    return [
        ClubPageFactory(parent=site_tree.clubs, title="Caritas", slug="caritasverband-westeifel"),
        ClubPageFactory(parent=site_tree.clubs, title="HdJ", slug="haus-der-jugend"),
    ]


def test_refuses_without_debug(demo_clubs):
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("create_demo_accounts")


def test_fails_clearly_without_the_seeded_clubs(site_tree):
    with pytest.raises(CommandError, match="load_ben_content"):
        call_command("create_demo_accounts", "--force")


def test_creates_the_demo_roles_idempotently(demo_clubs, client):
    out = StringIO()
    call_command("create_demo_accounts", "--force", stdout=out)
    call_command("create_demo_accounts", "--force", stdout=StringIO())
    assert DEMO_PASSWORD in out.getvalue()

    users = get_user_model().objects
    assert users.get(username="admin").is_superuser
    assert users.get(username="moderation").groups.filter(name="Moderatoren").exists()
    assert list(
        ClubMembership.objects.filter(user__username="redaktion-caritas").values_list(
            "club__slug", flat=True
        )
    ) == ["caritasverband-westeifel"]
    assert list(
        ClubMembership.objects.filter(user__username="redaktion-jugend").values_list(
            "club__slug", flat=True
        )
    ) == ["haus-der-jugend"]
    assert ClubMembership.objects.filter(user__username="vereinsleitung").count() == 2
    assert ClubMembership.objects.count() == 4
    assert client.login(username="redaktion-caritas", password=DEMO_PASSWORD)

"""Draft preview tokens: issued in the admin, valid for one object and one revision, expiring."""

import html
import re
import time

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.urls import reverse

from cms.api.admin_views import preview_token_url
from cms.api.preview import SALT, make_token
from cms.snippets.models import NewsItem
from tests.factories.pages import EventPageFactory
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db


def _token_from_admin(admin_client, obj) -> tuple[str, str]:
    response = admin_client.get(preview_token_url(obj))
    assert response.status_code == 200, response.content[:500]
    text = response.content.decode()
    url = html.unescape(re.search(r'value="([^"]+)" data-preview-url', text).group(1))
    return url, url.split("preview_token=")[1]


@pytest.fixture
def drafted(content):
    """The live news item with a newer, unapproved draft revision."""
    news = content["news"]
    news.title = "Entwurf für das Frontend"
    news.save_revision()
    return news


def test_editor_gets_token_from_edit_view_and_api_serves_exact_draft(admin_client, client, drafted):
    edit_url = reverse(NewsItem.snippet_viewset.get_url_name("edit"), args=[drafted.pk])
    assert preview_token_url(drafted) in admin_client.get(edit_url).content.decode()
    url, token = _token_from_admin(admin_client, drafted)
    response = client.get(url)
    assert response.status_code == 200
    assert response.json()["title"] == "Entwurf für das Frontend"
    assert response["Cache-Control"] == "private, no-store"
    assert response["ETag"]
    # The public API is unchanged, and a later draft does not change what the token shows.
    assert client.get(f"/api/v1/news/{drafted.pk}/").json()["title"] == "Neue Räume"
    drafted.title = "Noch neuerer Entwurf"
    drafted.save_revision()
    assert client.get(url).json()["title"] == "Entwurf für das Frontend"


def test_never_published_page_can_be_previewed(admin_client, client, content):
    event = content["draft_event"]
    event.title = "Geheimer Entwurf, überarbeitet"
    event.save_revision()
    url, token = _token_from_admin(admin_client, event)
    assert client.get(f"/api/v1/events/{event.pk}/").status_code == 404
    assert client.get(url).json()["title"] == "Geheimer Entwurf, überarbeitet"
    # The page's edit view offers the token too.
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[event.pk]))
    assert preview_token_url(event) in edit.content.decode()


def test_expired_token_is_refused(client, drafted, monkeypatch):
    real_time = time.time
    monkeypatch.setattr(signing.time, "time", lambda: real_time() - 3601)
    token = make_token(drafted, drafted.latest_revision)
    monkeypatch.setattr(signing.time, "time", real_time)
    response = client.get(f"/api/v1/news/{drafted.pk}/", {"preview_token": token})
    assert response.status_code == 403
    assert "expired" in response.json()["detail"]


def test_token_for_another_object_or_type_is_refused(client, content, drafted):
    other = NewsItem.objects.get(pk=content["draft_news"].pk)
    other.save_revision()
    token = make_token(drafted, drafted.latest_revision)
    assert client.get(f"/api/v1/news/{other.pk}/", {"preview_token": token}).status_code == 403
    assert client.get(f"/api/v1/news/{other.slug}/", {"preview_token": token}).status_code == 403
    event_url = f"/api/v1/events/{content['event'].pk}/"
    assert client.get(event_url, {"preview_token": token}).status_code == 403


def test_tampered_or_forged_tokens_are_refused_without_revealing_drafts(client, content, drafted):
    token = make_token(drafted, drafted.latest_revision)
    tampered = token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB")
    forged = signing.dumps(
        {"model": "snippets.newsitem", "pk": str(drafted.pk), "revision": 1}, salt=SALT + "x"
    )
    for bad in (tampered, forged, "garbage"):
        draft_response = client.get(
            f"/api/v1/news/{content['draft_news'].pk}/", {"preview_token": bad}
        )
        missing_response = client.get("/api/v1/news/999999/", {"preview_token": bad})
        assert draft_response.status_code == missing_response.status_code == 403
        assert draft_response.json()["detail"] == missing_response.json()["detail"]


def test_users_without_edit_rights_get_no_token(client, drafted):
    group = Group.objects.create(name="Nur Admin-Zugang")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = UserFactory()
    user.groups.add(group)
    client.force_login(user)
    page = EventPageFactory(parent=drafted.club, live=False)
    page.save_revision()
    for obj in (drafted, page):
        # Wagtail answers a PermissionDenied in the admin with a redirect to the dashboard.
        response = client.get(preview_token_url(obj))
        assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def test_token_view_answers_ids_that_name_nothing_with_404(admin_client, drafted):
    base = reverse("api_preview_token", args=[0, 0]).removesuffix("0/0/")
    news_type = ContentType.objects.get_for_model(NewsItem).pk
    huge = "9" * 24
    for ids in (f"{huge}/{drafted.pk}", f"{news_type}/{huge}", f"{news_type}/abc"):
        assert admin_client.get(f"{base}{ids}/").status_code == 404, ids


@pytest.mark.parametrize(
    ("role", "allowed_clubs"),
    [("redaktion-a", {"A"}), ("redaktion-b", {"B"}), ("moderation", {"A", "B"})],
)
def test_club_editors_get_tokens_only_for_their_own_club(client, role, allowed_clubs):
    """With the project's club permission policy: editors of club A cannot preview B's drafts."""
    from tests.cms.moderation.fixtures import build_world

    world = build_world()
    client.force_login(world.users[role])
    for key in ("A", "B"):
        news = world.snippets[NewsItem, key]
        for obj in (news, world.events[key]):
            response = client.get(preview_token_url(obj))
            if key in allowed_clubs:
                assert response.status_code == 200, (role, key, obj)
                assert b"preview_token=" in response.content
            else:
                assert response.status_code == 302, (role, key, obj)
                assert b"preview_token=" not in response.content

"""Admin views of a plugin switched off for the request's site answer like unknown URLs.

Hiding the menu items is not enough: every admin URL of the plugin is refused by the plugin
guard (ben_plugins.core.guard.PluginGuardMiddleware), for any plugin.
"""

import pytest
from ben_example_plugin.models import ClubAnnouncement, ClubProjectPage

from ben_plugins.webhooks.models import WebhookSubscription
from cms.moderation.models import ClubMembership
from tests.factories.users import UserFactory

UNKNOWN = "/admin/gibt-es-nicht/"
OVERVIEW = "/admin/vereinsprojekte/"
ANNOUNCEMENTS = "/admin/snippets/example/clubannouncement/"
SUBSCRIPTIONS = "/admin/webhooks/webhooksubscription/"


def assert_like_unknown_url(client, response):
    unknown = client.get(UNKNOWN)
    assert (response.status_code, unknown.status_code) == (404, 404)
    assert [t.name for t in response.templates] == [t.name for t in unknown.templates]


@pytest.fixture
def club_editor_client(client, club):
    editor = UserFactory(username="redaktion-sv")
    ClubMembership.objects.create(user=editor, club=club)
    client.force_login(editor)
    return client


@pytest.mark.django_db
def test_example_plugin_admin_views_for_a_club_editor(club_editor_client, club, switch_plugin):
    announcement = ClubAnnouncement.objects.create(title="Sommerfest", club=club, live=False)
    edit = f"{ANNOUNCEMENTS}edit/{announcement.pk}/"
    assert "Sommerfest" in club_editor_client.get(ANNOUNCEMENTS).text
    assert club_editor_client.get(edit).status_code == 200

    switch_plugin("example", False)
    for url in (ANNOUNCEMENTS, edit, f"{ANNOUNCEMENTS}add/"):
        assert_like_unknown_url(club_editor_client, club_editor_client.get(url))
    refused = club_editor_client.post(f"{ANNOUNCEMENTS}add/", {"title": "Neu", "club": club.pk})
    assert refused.status_code == 404
    assert not ClubAnnouncement.objects.filter(title="Neu").exists()

    switch_plugin("example", True)
    assert "Sommerfest" in club_editor_client.get(ANNOUNCEMENTS).text


@pytest.mark.django_db
def test_example_plugin_own_admin_view(admin_client, switch_plugin):
    assert admin_client.get(OVERVIEW).status_code == 200
    switch_plugin("example", False)
    assert_like_unknown_url(admin_client, admin_client.get(OVERVIEW))


@pytest.mark.django_db
def test_webhooks_admin_views(admin_client, site, switch_plugin):
    subscription = WebhookSubscription.objects.create(
        name="Stadtportal", url="https://portal.example.org/hook", events=["published"]
    )
    urls = [
        SUBSCRIPTIONS,
        f"{SUBSCRIPTIONS}edit/{subscription.pk}/",
        f"{SUBSCRIPTIONS}regenerate_secret/{subscription.pk}/",
        "/admin/webhooks/webhookdelivery/",
    ]
    assert all(admin_client.get(url).status_code == 200 for url in urls)

    switch_plugin("webhooks", False)
    for url in urls:
        assert_like_unknown_url(admin_client, admin_client.get(url))
    secret = subscription.secret
    admin_client.post(f"{SUBSCRIPTIONS}regenerate_secret/{subscription.pk}/")
    subscription.refresh_from_db()
    assert subscription.secret == secret


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_the_login_as_for_unknown_urls(client, switch_plugin):
    switch_plugin("webhooks", False)
    response = client.get(SUBSCRIPTIONS)
    assert response.status_code == 302
    assert response["Location"].split("?")[0] == client.get(UNKNOWN)["Location"].split("?")[0]


@pytest.mark.django_db
def test_core_admin_views_stay_reachable(admin_client, switch_plugin):
    for label in ("example", "webhooks", "feeds"):
        switch_plugin(label, False)
    for url in ("/admin/", "/admin/plugins/", "/admin/snippets/snippets/newsitem/"):
        assert admin_client.get(url).status_code == 200, url


@pytest.mark.django_db
def test_menus_leading_to_guarded_views_disappear(admin_client, switch_plugin):
    assert "Webhooks" in admin_client.get("/admin/").text
    switch_plugin("webhooks", False)
    home = admin_client.get("/admin/").text
    assert "Webhooks" not in home
    assert "Vereinsinhalte" in home


def bulk_delete_url(model, *objects) -> str:
    ids = "&".join(f"id={obj.pk}" for obj in objects)
    return f"/admin/bulk/{model._meta.app_label}/{model._meta.model_name}/delete/?{ids}"


@pytest.mark.django_db
def test_bulk_actions_on_a_plugins_snippets(club_editor_client, club, switch_plugin):
    announcement = ClubAnnouncement.objects.create(title="Sommerfest", club=club, live=False)
    url = bulk_delete_url(ClubAnnouncement, announcement)
    assert "Sommerfest" in club_editor_client.get(url).text

    switch_plugin("example", False)
    assert_like_unknown_url(club_editor_client, club_editor_client.get(url))
    assert club_editor_client.post(url).status_code == 404
    assert ClubAnnouncement.objects.filter(pk=announcement.pk).exists()


@pytest.mark.django_db
def test_page_views_of_a_plugins_page_type(admin_client, club, switch_plugin):
    project = ClubProjectPage(title="Jugendtraining", slug="jugendtraining")
    club.add_child(instance=project)
    project.save_revision().publish()
    urls = [
        f"/admin/pages/{project.pk}/{view}/"
        for view in ("edit", "delete", "copy", "move", "unpublish", "history", "usage")
    ]
    add = f"/admin/pages/add/example/clubprojectpage/{club.pk}/"
    urls.append(add)
    assert [admin_client.get(url).status_code for url in urls] == [200] * len(urls)

    switch_plugin("example", False)
    for url in urls:
        assert_like_unknown_url(admin_client, admin_client.get(url))
    admin_client.post(urls[0], {"title": "Umbenannt", "slug": "jugendtraining"})
    admin_client.post(urls[1])
    assert ClubProjectPage.objects.get(pk=project.pk).title == "Jugendtraining"
    assert admin_client.post(add, {"title": "Neu", "slug": "neu"}).status_code == 404
    assert not ClubProjectPage.objects.filter(slug="neu").exists()

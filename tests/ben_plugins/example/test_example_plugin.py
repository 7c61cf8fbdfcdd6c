"""The external example plugin, installed through its entry point, end to end.

Every extension point works while the plugin is on; switched off on the site, its
endpoint and its admin views answer 404, its page type cannot be created, its receiver is
not called, its menu item disappears, and all its data is still there.
"""

import pytest
from ben_example_plugin.models import ClubAnnouncement, ClubProjectPage
from ben_example_plugin.signals import RECEIVED
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.test import RequestFactory, override_settings
from drf_spectacular.generators import SchemaGenerator
from wagtail.admin.menu import admin_menu
from wagtail.models import GroupApprovalTask, Workflow, WorkflowContentType, WorkflowTask

from cms.moderation.club_content import ClubContent

ANNOUNCEMENTS = "/api/v1/example/announcements/"


@pytest.fixture(autouse=True)
def clear_received():
    RECEIVED.clear()
    yield
    RECEIVED.clear()


@pytest.fixture
def announcement(club, superuser):
    item = ClubAnnouncement.objects.create(
        title="Sommerfest", club=club, text="Am Samstag.", live=False
    )
    item.save_revision(user=superuser)
    return item


def ben_workflow_for(model) -> Workflow:
    """The workflow a moderated snippet goes through.

    Once the moderation app has created "BEN-Freigabe", every ClubContent subclass – also
    a plugin's – must have joined it on its own. Without it (this branch alone), attach
    an equivalent one-step approval workflow the way Wagtail does for snippets.
    """
    ben_workflow = Workflow.objects.filter(name="BEN-Freigabe").first()
    if ben_workflow is not None:
        assert model().get_workflow() == ben_workflow, f"{model} did not join BEN-Freigabe"
        return ben_workflow
    workflow = Workflow.objects.create(name="BEN-Freigabe")
    task = GroupApprovalTask.objects.create(name="Freigabe durch Moderation")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowContentType.objects.create(
        workflow=workflow, content_type=ContentType.objects.get_for_model(model)
    )
    return workflow


def approve(item, user):
    workflow = ben_workflow_for(type(item))
    state = workflow.start(item, user)
    state.refresh_from_db()
    state.current_task_state.approve(user=user)
    item.refresh_from_db()


def menu_labels(user) -> set[str]:
    request = RequestFactory().get("/admin/")
    request.user = user
    return {item.label for item in admin_menu.menu_items_for_request(request)}


def openapi_paths() -> set[str]:
    rest_framework = {
        **getattr(settings, "REST_FRAMEWORK", {}),
        "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    }
    with override_settings(REST_FRAMEWORK=rest_framework):
        return set(SchemaGenerator().get_schema(request=None, public=True)["paths"])


def test_the_moderated_snippet_is_club_content():
    assert issubclass(ClubAnnouncement, ClubContent)


def test_endpoint_is_in_the_openapi_schema():
    assert ANNOUNCEMENTS in openapi_paths()


@pytest.mark.django_db
def test_enabled_every_extension_point_works(admin_client, superuser, club, announcement):
    add_url = f"/admin/pages/add/example/clubprojectpage/{club.pk}/"
    assert ClubProjectPage.can_create_at(club)
    assert "Vereinsprojekt" in admin_client.get(f"/admin/pages/{club.pk}/add_subpage/").text
    response = admin_client.post(
        add_url, {"title": "Jugendtraining", "slug": "jugendtraining", "summary": "Neu"}
    )
    assert response.status_code == 302, response.content
    project = ClubProjectPage.objects.get(slug="jugendtraining")
    assert project.get_parent().pk == club.pk

    assert admin_client.get(ANNOUNCEMENTS).json() == []
    approve(announcement, superuser)
    assert announcement.live
    assert [item["title"] for item in admin_client.get(ANNOUNCEMENTS).json()] == ["Sommerfest"]
    assert [("example.ClubAnnouncement", announcement.pk)] == RECEIVED

    assert "Vereinsprojekte" in menu_labels(superuser)
    assert admin_client.get("/admin/vereinsprojekte/").status_code == 200


@pytest.mark.django_db
def test_disabled_nothing_of_it_is_reachable_and_nothing_is_lost(
    admin_client, client, superuser, club, announcement, switch_plugin
):
    project = ClubProjectPage(title="Jugendtraining", slug="jugendtraining")
    club.add_child(instance=project)
    project.save_revision().publish()
    approve(announcement, superuser)
    RECEIVED.clear()

    switch_plugin("example", False)

    response = client.get(ANNOUNCEMENTS, HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 404
    assert response.json()["detail"] == (
        "Das Plugin „example“ ist auf dieser Website nicht aktiviert."
    )
    assert not ClubProjectPage.can_create_at(club)
    add_url = f"/admin/pages/add/example/clubprojectpage/{club.pk}/"
    refused = admin_client.post(add_url, {"title": "Zweites", "slug": "zweites"})
    assert refused.status_code == 404
    assert not ClubProjectPage.objects.filter(slug="zweites").exists()
    assert "Vereinsprojekt" not in admin_client.get(f"/admin/pages/{club.pk}/add_subpage/").text
    assert client.get(project.url).status_code == 404
    assert "Vereinsprojekte" not in menu_labels(superuser)

    announcement.save_revision(user=superuser).publish()
    assert RECEIVED == []

    assert ClubProjectPage.objects.filter(pk=project.pk, live=True).exists()
    assert ClubAnnouncement.objects.filter(pk=announcement.pk, live=True).exists()
    snippet_list = "/admin/snippets/example/clubannouncement/"
    assert admin_client.get(snippet_list).status_code == 404
    assert admin_client.get("/admin/vereinsprojekte/").status_code == 404

    switch_plugin("example", True)
    assert "Sommerfest" in admin_client.get(snippet_list).text
    assert client.get(ANNOUNCEMENTS).json()[0]["title"] == "Sommerfest"
    assert client.get(project.url).status_code == 200
    assert ClubProjectPage.can_create_at(club)


@pytest.mark.django_db
def test_activation_is_per_site(club, site, switch_plugin):
    from wagtail.models import Site

    from ben_plugins.core.activation import is_enabled

    other = Site.objects.create(hostname="andere.example.org", root_page=site.root_page)
    switch_plugin("example", False)
    assert not is_enabled("example", site)
    assert is_enabled("example", other)

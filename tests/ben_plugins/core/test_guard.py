"""The plugin guard: which plugin owns a view, the content API's availability check, and
the admin listings that leave out a switched-off plugin's types."""

import pytest
from ben_example_plugin.models import ClubAnnouncement, ClubProjectPage
from ben_example_plugin.wagtail_hooks import ProjectOverviewView
from django.test import RequestFactory
from rest_framework import generics, viewsets
from wagtail.admin.menu import admin_menu

from ben_plugins.core.guard import plugin_owning, view_is_available
from cms.pages.models import EventPage


class AnnouncementViewSet(viewsets.ReadOnlyModelViewSet):
    """A content endpoint of a plugin's model, declared outside the plugin (as the content
    API's registry may build one)."""

    model = ClubAnnouncement
    queryset = ClubAnnouncement.objects.all()


class EventList(generics.ListAPIView):
    model = EventPage
    queryset = EventPage.objects.all()


@pytest.fixture
def api_request(site):
    """A new request each call: activation is memoised per request."""
    return lambda: RequestFactory().get("/api/v1/", HTTP_HOST=site.hostname)


def test_the_owner_of_a_view_is_found_by_module_model_or_url():
    assert plugin_owning(ProjectOverviewView.as_view(), {}).label == "example"
    assert plugin_owning(AnnouncementViewSet.as_view({"get": "list"}), {}).label == "example"
    assert plugin_owning(EventList.as_view(), {}) is None
    assert plugin_owning(EventList.as_view(), {"app_label": "webhooks"}).label == "webhooks"
    assert plugin_owning(EventList.as_view(), {"app_label": "pages"}) is None


@pytest.mark.django_db
def test_the_owner_of_a_page_view_is_the_plugin_of_the_page_type(club):
    project = ClubProjectPage(title="Jugendtraining", slug="jugendtraining")
    club.add_child(instance=project)
    assert plugin_owning(EventList.as_view(), {"page_id": project.pk}).label == "example"
    assert plugin_owning(EventList.as_view(), {"page_id": club.pk}) is None


@pytest.mark.django_db
@pytest.mark.parametrize("view_class", [ProjectOverviewView, AnnouncementViewSet])
def test_plugin_views_are_available_only_where_the_plugin_is_on(
    view_class, api_request, switch_plugin
):
    assert view_is_available(view_class, api_request())
    switch_plugin("example", False)
    assert not view_is_available(view_class, api_request())


@pytest.mark.django_db
def test_core_endpoints_stay_available(api_request, switch_plugin):
    for label in ("example", "webhooks", "feeds"):
        switch_plugin(label, False)
    assert view_is_available(EventList, api_request())


@pytest.mark.django_db
def test_the_snippets_index_leaves_out_types_of_switched_off_plugins(
    admin_client, admin_user, site, switch_plugin
):
    """The example plugin's announcements are the only type without a menu item of its
    own, so without them the index is empty: Wagtail then refuses it and, here, its menu
    item disappears."""
    assert "Vereinsankündigungen" in admin_client.get("/admin/snippets/").text
    assert "snippets" in main_menu_names(admin_user, site)
    switch_plugin("example", False)
    index = admin_client.get("/admin/snippets/", follow=True)
    assert index.redirect_chain == [("/admin/", 302)]
    assert "Vereinsankündigungen" not in index.text
    assert "snippets" not in main_menu_names(admin_user, site)


def main_menu_names(user, site) -> set[str]:
    request = RequestFactory().get("/admin/", HTTP_HOST=site.hostname)
    request.user = user
    return {item.name for item in admin_menu.menu_items_for_request(request)}


@pytest.fixture
def project(club):
    project = ClubProjectPage(title="Jugendtraining", slug="jugendtraining")
    club.add_child(instance=project)
    project.save_revision().publish()
    return project


@pytest.mark.django_db
@pytest.mark.parametrize("listing", ["/admin/pages/{club}/", "/admin/choose-page/{club}/"])
def test_explorer_and_chooser_leave_out_pages_of_switched_off_plugins(
    listing, admin_client, club, project, switch_plugin
):
    url = listing.format(club=club.pk)
    assert "Jugendtraining" in admin_client.get(url).text
    switch_plugin("example", False)
    response = admin_client.get(url)
    assert response.status_code == 200
    assert "Jugendtraining" not in response.text

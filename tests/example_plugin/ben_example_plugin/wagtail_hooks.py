from django.urls import path, reverse
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.snippets.models import register_snippet

from ben_plugins.core.menu import PluginMenuItem
from cms.snippets.views import ClubContentViewSet

from .models import ClubAnnouncement, ClubProjectPage


class ClubAnnouncementViewSet(ClubContentViewSet):
    """Club-scoped admin views: editors see and edit only their own clubs' items."""

    model = ClubAnnouncement
    icon = "pick"
    menu_label = "Vereinsankündigungen"


register_snippet(ClubAnnouncementViewSet)


class ProjectOverviewView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "ben_example_plugin/overview.html"
    page_title = "Vereinsprojekte"

    def get_context_data(self, **kwargs):
        return super().get_context_data(projects=ClubProjectPage.objects.all(), **kwargs)


@hooks.register("register_admin_urls")
def register_overview_url():
    return [path("vereinsprojekte/", ProjectOverviewView.as_view(), name="example_overview")]


@hooks.register("register_admin_menu_item")
def register_overview_menu_item():
    return PluginMenuItem(
        "example", "Vereinsprojekte", reverse("example_overview"), icon_name="pick", order=950
    )

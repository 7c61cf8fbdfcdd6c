from django.http import Http404
from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter

from cms.core.wagtail_patches import replace_admin_view

from . import transitions
from .guard import (
    SnippetIndexView,
    is_switched_off,
    snippet_index_is_empty,
    without_pages_of_switched_off_plugins,
)
from .menu import leads_to_disabled_plugin
from .plugins import plugin_for_model
from .views import PluginListView, can_manage_plugins


@hooks.register("register_admin_urls")
def register_plugin_admin_urls():
    urls = [path("", PluginListView.as_view(), name="index")]
    return [path("plugins/", include((urls, "ben_plugins"), namespace="ben_plugins"))]


class PluginAdminMenuItem(MenuItem):
    def is_shown(self, request):
        return can_manage_plugins(request.user)


@hooks.register("register_settings_menu_item")
def register_plugin_menu_item():
    return PluginAdminMenuItem("Plugins", reverse("ben_plugins:index"), icon_name="cogs", order=900)


# Ahead of Wagtail's own /admin/snippets/ (order=-1); reverse("wagtailsnippets:index")
# still names that same URL.
@hooks.register("register_admin_urls", order=-1)
def register_snippet_index_url():
    return [replace_admin_view("snippets/", SnippetIndexView.as_view())]


@hooks.register("construct_explorer_page_queryset")
def hide_explorer_pages_of_switched_off_plugins(parent_page, pages, request):
    return without_pages_of_switched_off_plugins(pages, request)


@hooks.register("construct_page_chooser_queryset")
def hide_chooser_pages_of_switched_off_plugins(pages, request):
    return without_pages_of_switched_off_plugins(pages, request)


@hooks.register("before_serve_page")
def hide_pages_of_switched_off_plugins(page, request, serve_args, serve_kwargs):
    if is_switched_off(plugin_for_model(page.specific_class), request):
        raise Http404


@hooks.register("construct_main_menu")
@hooks.register("construct_settings_menu")
def hide_menu_items_of_disabled_plugins(request, menu_items):
    """Also menus a plugin registers without PluginMenuItem (modeladmin, snippets)."""
    menu_items[:] = [item for item in menu_items if not leads_to_disabled_plugin(item, request)]


@hooks.register("construct_main_menu")
def hide_empty_snippet_index(request, menu_items):
    if snippet_index_is_empty(request):
        menu_items[:] = [item for item in menu_items if item.name != "snippets"]


@hooks.register("register_log_actions")
def register_transition_log_action(actions):
    @actions.register_action(transitions.LOG_ACTION)
    class StateTransition(LogFormatter):
        label = "Statusänderung"

        def format_message(self, log_entry):
            data = log_entry.data
            message = f"Status: {data.get('from_label', '?')} → {data.get('to_label', '?')}"
            return f"{message} ({data['comment']})" if data.get("comment") else message

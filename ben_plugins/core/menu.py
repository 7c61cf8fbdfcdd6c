"""Admin menu items for plugins: shown only on sites where the plugin is enabled."""

from urllib.parse import urlsplit

from django.urls import Resolver404, resolve
from wagtail.admin.menu import MenuItem, SubmenuMenuItem

from .activation import is_enabled_for_request
from .guard import is_switched_off, plugin_owning


class PluginMenuItem(MenuItem):
    def __init__(self, plugin_label: str, *args, **kwargs):
        self.plugin_label = plugin_label
        super().__init__(*args, **kwargs)

    def is_shown(self, request):
        return is_enabled_for_request(self.plugin_label, request)


def leads_to_disabled_plugin(item: MenuItem, request) -> bool:
    """Whether the item (a submenu: each of its items) opens an admin view of a plugin that
    is off for the request's site; such views answer 404 (``guard.PluginGuardMiddleware``)."""
    if isinstance(item, SubmenuMenuItem):
        children = item.menu.menu_items_for_request(request)
        return all(leads_to_disabled_plugin(child, request) for child in children)
    try:
        match = resolve(urlsplit(item.url).path)
    except Resolver404:
        return False
    return is_switched_off(plugin_owning(match.func, match.kwargs), request)

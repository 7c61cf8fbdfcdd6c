"""Admin menu items for plugins: shown only on sites where the plugin is enabled."""

from wagtail.admin.menu import MenuItem

from .activation import is_enabled_for_request


class PluginMenuItem(MenuItem):
    def __init__(self, plugin_label: str, *args, **kwargs):
        self.plugin_label = plugin_label
        super().__init__(*args, **kwargs)

    def is_shown(self, request):
        return is_enabled_for_request(self.plugin_label, request)

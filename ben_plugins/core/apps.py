from django.apps import AppConfig


class PluginCoreConfig(AppConfig):
    name = "ben_plugins.core"
    label = "ben_plugins"
    verbose_name = "Plugins"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms.api.registry import registry
        from cms.pages import public_actions

        from . import checks, forwarding  # noqa: F401  (checks: registers the system checks)
        from .guard import view_is_available
        from .pages import attach_to_core_parents
        from .plugins import all_plugins, load_api_urls
        from .signals import plugin_actions

        forwarding.connect()
        attach_to_core_parents()
        registry.add_availability_check(view_is_available)
        public_actions.register(plugin_actions)
        for plugin in all_plugins():
            load_api_urls(plugin)

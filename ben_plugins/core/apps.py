from django.apps import AppConfig


class PluginCoreConfig(AppConfig):
    name = "ben_plugins.core"
    label = "ben_plugins"
    verbose_name = "Plugins"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms.api.registry import registry

        from . import bridge, checks  # noqa: F401  (registers the system checks)
        from .activation import endpoint_follows_plugin_activation
        from .pages import attach_to_core_parents

        bridge.connect()
        attach_to_core_parents()
        registry.add_availability_check(endpoint_follows_plugin_activation)

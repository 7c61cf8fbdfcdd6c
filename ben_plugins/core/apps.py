from django.apps import AppConfig


class PluginCoreConfig(AppConfig):
    name = "ben_plugins.core"
    label = "ben_plugins"
    verbose_name = "Plugins"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import bridge, checks  # noqa: F401  (registers the system checks)
        from .pages import attach_to_core_parents

        bridge.connect()
        attach_to_core_parents()

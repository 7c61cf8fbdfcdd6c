from django.apps import AppConfig


class WithoutMetaConfig(AppConfig):
    name = "tests.ben_plugins.core.plugin_fixtures.without_meta"

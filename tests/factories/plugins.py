"""Factories that installed plugins ship in their own ``factories`` module."""

import importlib
import importlib.util

from ben_plugins.core.plugins import all_plugins


def import_plugin_factories() -> None:
    """Import ``<plugin>.factories`` of every loaded plugin, so factory lookups by model
    (e.g. for every ClubContent type) find the plugins' factories too."""
    for plugin in all_plugins():
        module = f"{plugin.app_config.name}.factories"
        if importlib.util.find_spec(module):
            importlib.import_module(module)

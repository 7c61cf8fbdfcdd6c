"""The loaded plugins: the apps Django has loaded that are plugins, looked up by label,
module, model or view."""

import inspect
import logging
from dataclasses import dataclass
from importlib import import_module
from types import ModuleType

from django.apps import AppConfig, apps

from .meta import BenPluginMeta

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Plugin:
    app_config: AppConfig
    meta: BenPluginMeta

    @property
    def label(self) -> str:
        return self.app_config.label

    @property
    def name(self) -> str:
        return self.meta.name


def _plugin_of(config: AppConfig) -> Plugin | None:
    meta = getattr(config, "plugin_meta", None)
    return Plugin(config, meta) if isinstance(meta, BenPluginMeta) else None


def all_plugins() -> list[Plugin]:
    return [plugin for config in apps.get_app_configs() if (plugin := _plugin_of(config))]


def get_plugin(label: str) -> Plugin | None:
    """Asked on many requests: one lookup, not a scan of all apps."""
    config = apps.app_configs.get(label)
    return _plugin_of(config) if config else None


def load_api_urls(plugin: Plugin) -> ModuleType | None:
    """The plugin's API module (``BenPluginMeta.api_urls``), or None without one or if it
    cannot be imported (logged; the system check ben_plugins.E005 reports it).

    Loaded at start in every process, not only where the URLconf is: what its endpoints
    show (``ApiViewSet.shows``) must be known to a worker or a command that changes it."""
    if not plugin.meta.api_urls:
        return None
    try:
        return import_module(plugin.meta.api_urls)
    except Exception:
        logger.exception("API urls of plugin %s not loaded.", plugin.label)
        return None


def plugin_for_module(module: str | None) -> Plugin | None:
    """The plugin whose package contains ``module`` (None for core code)."""
    if not module:
        return None
    config = apps.get_containing_app_config(module)
    return get_plugin(config.label) if config else None


def plugin_for_model(model) -> Plugin | None:
    return get_plugin(model._meta.app_label)


def plugin_for_view(view) -> Plugin | None:
    """The plugin a view belongs to: by the module of its code, or by the model it serves.

    ``view`` is a view function (Django's, DRF's, a viewset's ``as_view()``) or a view
    class. Wagtail's generic views (snippets, choosers) and modeladmin's views are code of
    Wagtail serving a plugin's model; modeladmin's are bound methods of the plugin's
    ModelAdmin; a content API endpoint names its model in ``model``.
    """
    view = inspect.unwrap(view, stop=_is_view_of_a_class)
    view_class = getattr(view, "view_class", None) or getattr(view, "cls", None) or view
    plugin = plugin_for_module(view_class.__module__)
    if plugin is None and (model := _model_of(view, view_class)) is not None:
        plugin = plugin_for_model(model)
    return plugin


def _is_view_of_a_class(view) -> bool:
    """Decorators wrap views; DRF's viewsets even wrap their ``dispatch`` method. Unwrap
    only to the function that knows its class (or, for modeladmin, its ModelAdmin)."""
    return any(hasattr(view, name) for name in ("view_class", "cls", "__self__"))


def _model_of(view, view_class):
    initkwargs = getattr(view, "view_initkwargs", None) or getattr(view, "initkwargs", {})
    model_admin = getattr(view, "__self__", None) or initkwargs.get("model_admin")
    for model in (
        initkwargs.get("model"),
        getattr(model_admin, "model", None),
        getattr(view_class, "model", None),
    ):
        if hasattr(model, "_meta"):
            return model
    return None

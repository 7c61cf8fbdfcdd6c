"""The plugins Django has loaded, looked up by label, module or model."""

from dataclasses import dataclass

from django.apps import AppConfig, apps

from .meta import BenPluginMeta


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
    """Asked on every API request (cms.api.fastpath too): one lookup, not a scan of all apps."""
    config = apps.app_configs.get(label)
    return _plugin_of(config) if config else None


def plugin_for_module(module: str | None) -> Plugin | None:
    """The plugin whose package contains ``module`` (None for core code)."""
    if not module:
        return None
    config = apps.get_containing_app_config(module)
    return get_plugin(config.label) if config else None


def plugin_for_model(model) -> Plugin | None:
    return get_plugin(model._meta.app_label)

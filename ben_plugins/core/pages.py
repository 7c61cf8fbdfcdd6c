"""Plugin page types: creatable only where their plugin is on, placeable under core pages."""

from wagtail.models import Page, Site

from cms.core.wagtail_patches import allow_subpage_type

from .activation import is_enabled
from .plugins import all_plugins, plugin_for_model

CORE_PAGE_APPS = {"pages"}


class PluginPageMixin:
    """Mix into every page type of a plugin (before ``Page``).

    The page type can then only be created on sites where its plugin is enabled; existing
    pages stay untouched when the plugin is switched off.
    """

    @classmethod
    def can_create_at(cls, parent):
        if not super().can_create_at(parent):
            return False
        plugin = plugin_for_model(cls)
        site = parent.get_site() or Site.objects.filter(is_default_site=True).first()
        return plugin is not None and is_enabled(plugin.label, site)


def plugin_page_models() -> list[type[Page]]:
    return [
        model
        for plugin in all_plugins()
        for model in plugin.app_config.get_models()
        if issubclass(model, Page)
    ]


def attach_to_core_parents() -> None:
    """Add each plugin page type to the ``subpage_types`` of the core pages it names.

    Core page types list their children explicitly; a plugin declaring
    ``parent_page_types = ["pages.ClubPage"]`` would otherwise never be allowed there.
    """
    for model in plugin_page_models():
        if getattr(model, "parent_page_types", None) is None:
            continue
        for parent in model.clean_parent_page_models():
            subpage_types = getattr(parent, "subpage_types", None)
            if parent._meta.app_label not in CORE_PAGE_APPS or subpage_types is None:
                continue
            if model not in parent.clean_subpage_models():
                allow_subpage_type(parent, model)

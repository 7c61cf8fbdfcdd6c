"""Admin page listing every plugin and switching it on or off per site."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Site

from cms.core.sites import site_for_request

from . import discovery
from .activation import is_enabled, overrides_for_site, set_enabled
from .plugins import all_plugins, get_plugin

MANAGE_PERMISSION = "ben_plugins.change_pluginactivation"


def can_manage_plugins(user) -> bool:
    return user.has_perm(MANAGE_PERMISSION)


class PluginListView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "ben_plugins/admin/plugins.html"
    page_title = "Plugins"
    header_icon = "cogs"

    def dispatch(self, request, *args, **kwargs):
        if not can_manage_plugins(request.user):
            raise PermissionDenied
        self.site = self._selected_site()
        return super().dispatch(request, *args, **kwargs)

    def _selected_site(self) -> Site:
        site_id = self.request.GET.get("site") or self.request.POST.get("site")
        if site_id:
            site = Site.objects.filter(pk=site_id).first() if site_id.isdigit() else None
            if site is None:
                raise PermissionDenied("Unbekannte Website.")
            return site
        return site_for_request(self.request)

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        overrides = overrides_for_site(self.site)
        rows = [
            {
                "plugin": plugin,
                "enabled": is_enabled(plugin.label, self.site, overrides),
                "is_default": plugin.label not in overrides,
            }
            for plugin in sorted(all_plugins(), key=lambda plugin: plugin.name.lower())
        ]
        return super().get_context_data(
            rows=rows,
            site=self.site,
            sites=Site.objects.order_by("hostname"),
            problems=discovery.PROBLEMS,
            skipped=discovery.SKIPPED_BY_SETTING,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        plugin = get_plugin(request.POST.get("plugin", ""))
        action = request.POST.get("action")
        if plugin is None or action not in {"enable", "disable"}:
            messages.error(request, "Unbekanntes Plugin oder ungültige Aktion.")
        else:
            set_enabled(plugin.label, self.site, action == "enable", request.user)
            state = "aktiviert" if action == "enable" else "deaktiviert (Daten bleiben erhalten)"
            messages.success(request, f"„{plugin.name}“ ist auf {self.site} {state}.")
        return redirect(f"{reverse('ben_plugins:index')}?site={self.site.pk}")

"""Wagtail's admin URLs, with every view of a plugin answering 404 where the plugin is off.

Mounted in place of ``wagtail.admin.urls``. Hiding a plugin's menu items is not enough:
its views (its own, its snippets', its modeladmin's) must not answer by URL either.
"""

from django.http import Http404
from django.views.decorators.cache import never_cache
from django.views.defaults import page_not_found
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access

from .registry import plugin_for_view
from .urls import guard_patterns


@never_cache
@require_admin_access
def unknown_admin_url(request, label: str):
    """What the admin answers for a URL it does not know (login first, then its 404 page)."""
    return page_not_found(request, Http404(), template_name="wagtailadmin/404.html")


def _plugin_label(view) -> str | None:
    plugin = plugin_for_view(view)
    return plugin.label if plugin else None


urlpatterns = guard_patterns(wagtailadmin_urls.urlpatterns, _plugin_label, unknown_admin_url)

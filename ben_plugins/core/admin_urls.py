"""Wagtail's admin URLs, with every view of a plugin answering 404 where the plugin is off.

Mounted in place of ``wagtail.admin.urls``. Hiding a plugin's menu items is not enough:
its views (its own, its snippets', its modeladmin's) must not answer by URL either, nor
Wagtail's generic views that name a plugin's model or page in the URL (bulk actions, the
page editor and the other page views).
"""

from django.http import Http404
from django.views.decorators.cache import never_cache
from django.views.defaults import page_not_found
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.models import Page

from .registry import get_plugin, plugin_for_view
from .urls import guard_patterns, guard_view, guard_view_by_url

APP_LABEL_KWARGS = ("app_label", "content_type_app_name")
PAGE_ID_KWARGS = ("page_id", "page_to_move_id")


@never_cache
@require_admin_access
def unknown_admin_url(request, label: str):
    """What the admin answers for a URL it does not know (login first, then its 404 page)."""
    return page_not_found(request, Http404(), template_name="wagtailadmin/404.html")


def _plugin_named_in_url(kwargs) -> str | None:
    """The plugin whose model (by app label) or page (by id) the URL names."""
    app_label = next((kwargs[name] for name in APP_LABEL_KWARGS if name in kwargs), None)
    page_id = next((kwargs[name] for name in PAGE_ID_KWARGS if name in kwargs), None)
    if app_label is None and page_id is not None:
        pages = Page.objects.filter(pk=page_id)
        app_label = pages.values_list("content_type__app_label", flat=True).first()
    plugin = get_plugin(app_label) if app_label else None
    return plugin.label if plugin else None


def _guard(pattern):
    plugin = plugin_for_view(pattern.callback)
    if plugin is not None:
        return guard_view(pattern.callback, plugin.label, unknown_admin_url)
    if set(pattern.pattern.regex.groupindex) & {*APP_LABEL_KWARGS, *PAGE_ID_KWARGS}:
        return guard_view_by_url(pattern.callback, _plugin_named_in_url, unknown_admin_url)
    return None


urlpatterns = guard_patterns(wagtailadmin_urls.urlpatterns, _guard)

"""The plugin guard: a plugin switched off for a site is unreachable there.

Instead of rewriting URLconfs, one middleware looks at every resolved view, finds the
plugin that owns it (``plugin_owning``) and refuses it where that plugin is off: admin URLs
with the admin's own 404 page, every other URL (the plugin API endpoints) with problem
details. The content API asks ``view_is_available`` for its registry endpoints and the
OpenAPI schema. Listings that show a plugin's types without opening one of its views (the
page explorer and chooser, the snippets index) leave them out through Wagtail hooks
registered in ``wagtail_hooks``. Signal receivers are guarded by the signals themselves.
"""

from django.http import Http404
from django.urls import NoReverseMatch, reverse
from django.utils.deprecation import MiddlewareMixin
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.defaults import page_not_found
from wagtail.admin.auth import require_admin_access
from wagtail.models import Page
from wagtail.snippets.views.snippets import ModelIndexView, get_snippet_models_for_index_view

from cms.api.errors import problem_in_request_language

from .activation import is_enabled_for_request
from .plugins import Plugin, all_plugins, get_plugin, plugin_for_model, plugin_for_view

APP_LABEL_KWARGS = ("app_label", "content_type_app_name")
PAGE_ID_KWARGS = ("page_id", "page_to_move_id")


def is_switched_off(plugin: Plugin | None, request) -> bool:
    """Whether ``plugin`` is a plugin that is off for the request's site (None is core)."""
    return plugin is not None and not is_enabled_for_request(plugin.label, request)


def plugin_owning(view, url_kwargs) -> Plugin | None:
    """The plugin a resolved view belongs to: by its code or the model it serves, else by
    the model (app label) or page (id) its URL names, as Wagtail's generic views do."""
    return plugin_for_view(view) or _plugin_named_in_url(url_kwargs)


def _plugin_named_in_url(url_kwargs) -> Plugin | None:
    app_label = next((url_kwargs[name] for name in APP_LABEL_KWARGS if name in url_kwargs), None)
    page_id = next((url_kwargs[name] for name in PAGE_ID_KWARGS if name in url_kwargs), None)
    if app_label is None and page_id is not None:
        pages = Page.objects.filter(pk=page_id)
        app_label = pages.values_list("content_type__app_label", flat=True).first()
    return get_plugin(app_label) if app_label else None


def view_is_available(view_class, request) -> bool:
    """Availability check of the content API's registry: an endpoint of a plugin (by the
    module of its view class or the app of its ``model``) answers only where it is on."""
    return not is_switched_off(plugin_for_view(view_class), request)


@never_cache
@require_admin_access
def unknown_admin_url(request):
    """What the admin answers for a URL it does not know (login first, then its 404 page)."""
    return page_not_found(request, Http404(), template_name="wagtailadmin/404.html")


def disabled_response(request, label: str):
    return problem_in_request_language(
        request,
        404,
        gettext_lazy("The plugin “%(label)s” is not switched on for this site."),
        code="not_found",
        label=label,
    )


class PluginGuardMiddleware(MiddlewareMixin):
    """Refuses every view of a plugin that is off for the request's site."""

    def process_view(self, request, view_func, view_args, view_kwargs):
        is_admin = _is_admin_url(request)
        plugin = plugin_owning(view_func, view_kwargs if is_admin else {})
        if not is_switched_off(plugin, request):
            return None
        if is_admin:
            return unknown_admin_url(request)
        if not request.path.startswith("/api/"):
            raise Http404  # public pages (/mitmachen/…): the site's own 404 page
        return disabled_response(request, plugin.label)


def _is_admin_url(request) -> bool:
    try:
        return request.path.startswith(reverse("wagtailadmin_home"))
    except NoReverseMatch:  # a URLconf without Wagtail's admin (the benchmark's, tests')
        return False


def without_pages_of_switched_off_plugins(pages, request):
    """``pages`` without pages of the page types of plugins that are off for the site."""
    labels = [plugin.label for plugin in all_plugins() if is_switched_off(plugin, request)]
    return pages.exclude(content_type__app_label__in=labels) if labels else pages


def snippet_index_is_empty(request) -> bool:
    """Whether every type of /admin/snippets/ belongs to a plugin that is off (its menu
    item, which Wagtail shows while any type is registered, then leads nowhere)."""
    return all(
        is_switched_off(plugin_for_model(model), request)
        for model in get_snippet_models_for_index_view()
    )


class SnippetIndexView(ModelIndexView):
    """/admin/snippets/ without the snippet types of plugins that are off for the site.

    Wagtail offers no hook for this listing, so this view takes the place of its own
    (registered ahead of it in ``wagtail_hooks``).
    """

    def get_list_url(self, model):
        if is_switched_off(plugin_for_model(model), self.request):
            return None
        return super().get_list_url(model)

"""Template tags of the public site's frame (templates/base.html): navigation, footer links
and schema.org data, each from published pages only (cms.core.publication); and the links
higher layers put next to an item (cms.pages.public_actions)."""

from django import template
from django.conf import settings
from wagtail.models import Page, Site

from cms.core.publication import published
from cms.pages.models import LegalPage
from cms.pages.models.metadata import json_ld
from cms.pages.public_actions import actions_for

register = template.Library()


def _site_root(request) -> Page | None:
    site = Site.find_for_request(request) if request is not None else None
    return site.root_page if site is not None else None


@register.simple_tag(takes_context=True)
def site_sections(context) -> list[tuple[Page, bool]]:
    """The main sections (the home page's children shown in menus), each with whether the
    current page lies in it (for aria-current)."""
    root = _site_root(context.get("request"))
    if root is None:
        return []
    current_path = getattr(context.get("page"), "path", "")
    sections = published(root.get_children().filter(show_in_menus=True))
    return [(section, current_path.startswith(section.path)) for section in sections]


@register.simple_tag(takes_context=True)
def legal_links(context) -> list[tuple[str, str]]:
    """Impressum, Datenschutzerklärung, Erklärung zur Barrierefreiheit, as (title, URL): in
    every footer. A privacy notice elsewhere (BEN_PRIVACY_URL) takes the place of the page."""
    request = context.get("request")
    root = _site_root(request)
    if root is None:
        return []
    links = []
    for page in published(LegalPage.objects.child_of(root)):
        if settings.BEN_PRIVACY_URL and page.slug == LegalPage.PRIVACY_SLUG:
            continue
        links.append((page.title, page.get_url(request)))
    if settings.BEN_PRIVACY_URL:
        links.append(("Datenschutzerklärung", settings.BEN_PRIVACY_URL))
    return links


@register.simple_tag
def structured_data(page):
    """JSON-LD of a page type that describes itself (``structured_data()``), else nothing."""
    describe = getattr(page, "structured_data", None)
    return json_ld(describe()) if describe is not None else ""


@register.inclusion_tag("includes/public_actions.html", takes_context=True)
def public_actions(context, item):
    """The links higher layers offer next to ``item`` (cms.pages.public_actions), each named
    for screen readers with the item's title."""
    return {"actions": actions_for(item, context.get("request")), "item": item}

"""Which Wagtail site a request or a piece of content belongs to."""

from django.http import HttpRequest
from wagtail.models import Page, Site

from .publication import publication_parent_of


def default_site() -> Site | None:
    return Site.objects.filter(is_default_site=True).first()


def site_for_request(request: HttpRequest) -> Site | None:
    """The site the request's host names, else the default site (API clients call by IP)."""
    return Site.find_for_request(request) or default_site()


def site_for_object(instance) -> Site | None:
    """The site content belongs to: a page's own site, else the site of the page its
    publication depends on (a club snippet's club), else the default site."""
    page = instance if isinstance(instance, Page) else publication_parent_of(instance)
    site = page.get_site() if isinstance(page, Page) else None
    return site or default_site()

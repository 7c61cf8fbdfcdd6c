"""Which Wagtail site a request or a piece of content belongs to, and where it is reached."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
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


def base_url_host_and_port(base_url: str) -> tuple[str, int]:
    """The Site record's hostname and port for BEN_BASE_URL.

    Wagtail builds every absolute page URL (``get_full_url``) from ``Site.root_url``, which
    knows HTTPS only on port 443 and HTTP on every other port.
    """
    parts = urlsplit(base_url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    if (parts.scheme == "https") != (port == 443):
        raise ImproperlyConfigured(
            f"BEN_BASE_URL {base_url!r}: Wagtail sites serve HTTPS on port 443 only and "
            "HTTP on any other port."
        )
    return parts.hostname, port


def apply_base_url(sender=None, using="default", **kwargs) -> None:
    """Point the default site at BEN_BASE_URL. Connected to wagtailcore's post_migrate, so
    it runs on every ``migrate`` and a demo started on another PORT links to that port."""
    hostname, port = base_url_host_and_port(settings.BEN_BASE_URL)
    site = Site.objects.using(using).filter(is_default_site=True).first()
    if site is not None and (site.hostname, site.port) != (hostname, port):
        site.hostname, site.port = hostname, port
        # save(), not update(): Wagtail's signal handlers drop the cached site root paths.
        site.save(using=using, update_fields=["hostname", "port"])

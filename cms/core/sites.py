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


def base_url(request: HttpRequest | None) -> str:
    """The root every absolute link in a response or an email is built on (no slash).

    With BEN_BASE_URL set, the root URL of the requested site (the default site for a call
    by IP or by an internal host name), whose record apply_base_url points at BEN_BASE_URL:
    the same root Wagtail gives every page URL. Unset (the tests), the host the request
    named, as Django builds it.
    """
    if request is None:
        site = default_site()
        return site.root_url if site is not None else settings.BEN_BASE_URL
    cached = getattr(request, "_ben_base_url", None)
    if cached is None:
        if settings.BEN_BASE_URL:
            site = site_for_request(request)
            cached = site.root_url if site is not None else settings.BEN_BASE_URL
        else:
            cached = request.build_absolute_uri("/").rstrip("/")
        request._ben_base_url = cached
    return cached


def absolute_url(path: str, request: HttpRequest | None) -> str:
    """``path`` (absolute, with any query) as a link under base_url(request)."""
    return base_url(request) + path


def base_url_host_and_port(url: str) -> tuple[str, int]:
    """The Site record's hostname and port for BEN_BASE_URL.

    Wagtail builds every absolute page URL (``get_full_url``) from ``Site.root_url``, which
    knows HTTPS only on port 443 and HTTP on every other port. Unset (the tests): Wagtail's
    own default site, localhost:80.
    """
    parts = urlsplit(url or "http://localhost")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    if (parts.scheme == "https") != (port == 443):
        raise ImproperlyConfigured(
            f"BEN_BASE_URL {url!r}: Wagtail sites serve HTTPS on port 443 only and "
            "HTTP on any other port."
        )
    return parts.hostname, port


def apply_base_url(sender=None, using="default", **kwargs) -> None:
    """Point the default site at BEN_BASE_URL. Connected to wagtailcore's post_migrate, so
    it runs on every ``migrate`` and a demo started on another PORT links to that port.
    Unset (the tests), the site record stays as it is."""
    if not settings.BEN_BASE_URL:
        return
    hostname, port = base_url_host_and_port(settings.BEN_BASE_URL)
    site = Site.objects.using(using).filter(is_default_site=True).first()
    if site is not None and (site.hostname, site.port) != (hostname, port):
        site.hostname, site.port = hostname, port
        # save(), not update(): Wagtail's signal handlers drop the cached site root paths.
        site.save(using=using, update_fields=["hostname", "port"])

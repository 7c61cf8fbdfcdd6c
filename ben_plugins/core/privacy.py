"""Where the privacy notice lives, for every public form, endpoint and email of the plugins.

``BEN_PRIVACY_URL`` (a town whose notice lives on the city's website) wins; otherwise the
published legal page with the slug ``datenschutz`` directly below the site's home page. With
neither, no form takes personal data (``ben_plugins.core.intake``).
"""

from django.conf import settings

from cms.core.publication import published
from cms.core.sites import base_url, default_site, site_for_request
from cms.pages.models import LegalPage


def privacy_url(request=None, *, root: str | None = None) -> str:
    """The absolute URL of the privacy notice, or "" if there is none.

    ``request`` picks the site (else the default site) and the base of the link; ``root``
    (``cms.core.sites.base_url``), when given, is the base instead: a task has no request.
    """
    if settings.BEN_PRIVACY_URL:
        return settings.BEN_PRIVACY_URL
    site = site_for_request(request) if request is not None else default_site()
    if site is None:
        return ""
    pages = LegalPage.objects.child_of(site.root_page).filter(slug=LegalPage.PRIVACY_SLUG)
    page = published(pages).first()
    if page is None:
        return ""
    base = base_url(request) if root is None else root.rstrip("/")
    return base + page.relative_url(site, request)

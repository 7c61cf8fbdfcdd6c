from django.http import HttpResponse
from django.urls import reverse

from cms.core.sites import absolute_url


def robots_txt(request):
    """Crawlers: everything public, not the admin; the sitemap lists the published pages."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        f"Sitemap: {absolute_url(reverse('sitemap'), request)}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cms.health import healthz
from cms.pages.sitemap import PublishedPagesSitemap
from cms.pages.views import robots_txt

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": PublishedPagesSitemap}}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    # One login for both admins: Wagtail's, which asks for the second factor.
    path(
        "django-admin/login/",
        RedirectView.as_view(pattern_name="wagtailadmin_login", query_string=True),
    ),
    path("django-admin/", admin.site.urls),
    path("admin/", include("cms.moderation.admin_urls")),
    # Views of plugins switched off for the site answer 404: ben_plugins.core.guard.
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Plugin endpoints (/api/v1/<plugin>/) first: the core API answers everything else,
    # unknown paths included, with problem details.
    path("api/v1/", include("ben_plugins.core.urls")),
    path("api/v1/", include("cms.api.urls")),
    # Public intake forms of plugins and the confirmation links (ben_plugins.core.intake).
    path("mitmachen/", include("ben_plugins.core.intake.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]

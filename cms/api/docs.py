"""The API documentation pages (/api/v1/docs/, /api/v1/redoc/), served with BEN's own assets
only: every request a reader's browser makes goes to BEN, none to a third party (a reader's
IP address sent to font or script CDNs is a GDPR problem for German public bodies).

Swagger UI and Redoc come from drf-spectacular-sidecar's static files; the Redoc page leaves
out drf-spectacular's Google Fonts links (templates/api/redoc.html), Swagger UI's online
validator is switched off (SWAGGER_UI_SETTINGS), and the Content-Security-Policy of these
paths (CONTENT_SECURITY_POLICY_PATH_REPLACE in the settings) keeps the browser from the one
external image the Redoc bundle still names (the Redocly logo on cdn.redoc.ly) and from
anything a later version of the bundles might add.
"""

from drf_spectacular.views import SpectacularRedocView, SpectacularSwaggerSplitView


class SwaggerDocsView(SpectacularSwaggerSplitView):
    """Swagger UI; its start script is a separate same-origin request, not inline."""


class RedocDocsView(SpectacularRedocView):
    template_name = "api/redoc.html"

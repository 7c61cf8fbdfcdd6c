"""The API documentation pages (/api/v1/docs/, /api/v1/redoc/), served with BEN's own assets
only: every request a reader's browser makes goes to BEN, none to a third party (a reader's
IP address sent to font or script CDNs is a GDPR problem for German public bodies).

Swagger UI and Redoc come from drf-spectacular-sidecar's static files; the Redoc page leaves
out drf-spectacular's Google Fonts links (templates/api/redoc.html), Swagger UI's online
validator is switched off (SWAGGER_UI_SETTINGS), and a Content-Security-Policy keeps the
browser from the one external image the Redoc bundle still names (the Redocly logo on
cdn.redoc.ly) and from anything a later version of the bundles might add.
"""

from drf_spectacular.views import SpectacularRedocView, SpectacularSwaggerSplitView

#: Same origin only; inline styles for the components both UIs render, blob: workers for
#: Redoc's search, data: URIs for the icons Swagger UI inlines.
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "frame-ancestors 'self'",
        "base-uri 'self'",
        "form-action 'self'",
    )
)


class OwnAssetsOnly:
    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
        return response


class SwaggerDocsView(OwnAssetsOnly, SpectacularSwaggerSplitView):
    """Swagger UI; its start script is a separate same-origin request, not inline."""


class RedocDocsView(OwnAssetsOnly, SpectacularRedocView):
    template_name = "api/redoc.html"

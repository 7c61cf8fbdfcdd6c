"""The Content-Security-Policy (django-csp): one policy for everything BEN serves, widened
only below the paths that need more.

Wagtail 8's admin writes inline scripts (the date pickers of listing filters and the
publishing schedule) and inline styles (panels, Draftail); the API documentation pages
(Swagger UI, ReDoc) start with an inline script and style inline. Below those paths
``CONTENT_SECURITY_POLICY_PATH_REPLACE`` replaces script-src and style-src with 'self'
'unsafe-inline': still no other origin, no eval. The public site needs nothing beyond its
own origin and a nonce for the style block of templates/base.html.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware; below a prefix of ``CONTENT_SECURITY_POLICY_PATH_REPLACE``
    its directives replace those of the policy (unless the view chose its own)."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if parts.replace is None:
            for prefix, directives in settings.CONTENT_SECURITY_POLICY_PATH_REPLACE.items():
                if request.path.startswith(prefix):
                    parts.replace = directives
                    break
        return parts

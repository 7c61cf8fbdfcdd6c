"""System checks: a malformed rate limit is reported at start-up, not on every request."""

import re

from django.conf import settings
from django.core.checks import Error, register

RATE_SETTINGS = ("API_RATE_LIMIT_ANONYMOUS", "API_RATE_LIMIT_CLIENT")
RATE = re.compile(r"[1-9][0-9]*/(s|sec|second|m|min|minute|h|hour|d|day)s?")


@register()
def check_rate_limits(app_configs, **kwargs):
    return [
        Error(
            f"{name}={getattr(settings, name)!r} is not a valid rate limit.",
            hint="Format: number/period with period second, minute, hour or day, e.g. 120/minute.",
            id="api.E001",
        )
        for name in RATE_SETTINGS
        if not RATE.fullmatch(str(getattr(settings, name, "")).strip())
    ]

"""Deployment check: without the agency's address nobody is emailed about new or unanswered
interest messages (the admin lists still show them)."""

from django.core import checks

from .models import agency_address


@checks.register("ben_plugins", deploy=True)
def check_agency_address(app_configs=None, **kwargs):
    if agency_address():
        return []
    return [
        checks.Warning(
            "The Ehrenamtsagentur gets no emails about new interest messages and those "
            "unanswered for a week.",
            hint="Set VERMITTLUNG_AGENCY_EMAIL to the agency's address.",
            id="vermittlung.W001",
        )
    ]

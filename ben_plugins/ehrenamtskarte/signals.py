"""The statistics change with the applications (their confirmation and statuses: transitions,
in the audit log), the organisations' answers and the issued cards (cms.api.changes).
Imported by BenPluginConfig.ready."""

from cms.api.changes import changes_with

from .models import CardApplication, IssuedCard, OrganisationConfirmation

#: The statistics (GET /api/v1/ehrenamtskarte/statistics/).
STATISTICS = "ehrenamtskarte.statistics"

changes_with(CardApplication, STATISTICS, when=lambda application: application.is_confirmed)
for model in (OrganisationConfirmation, IssuedCard):
    changes_with(model, STATISTICS)

"""What the public endpoints show changes with the nominations and the calls (cms.api.changes).

Imported by BenPluginConfig.ready. A nomination's decision (a transition, in the audit log),
the consent to publication, a merge or a deletion change the awardees; a call's dates change
the current call and, through the award date, when its awardees appear.
"""

from cms.api.changes import changes_with

from .models import Call, Nomination

#: The published awardees (GET …/awardees/ and …/awardees/jsonld/).
AWARDEES = "ehrenamtsmedaille.awardees"
#: The calls (GET …/calls/current/, …/calls/<year>/).
CALLS = "ehrenamtsmedaille.calls"

changes_with(Nomination, AWARDEES, when=lambda nomination: nomination.is_confirmed)
changes_with(Call, CALLS, AWARDEES)

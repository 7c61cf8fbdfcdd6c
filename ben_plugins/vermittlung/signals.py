"""The placement figures change with every interest message: its confirmation, first contact,
outcome (transitions, in the audit log) and deletion (cms.api.changes). Imported by
BenPluginConfig.ready."""

from cms.api.changes import changes_with

from .models import InterestMessage

#: The placement figures (GET /api/v1/vermittlung/figures/).
FIGURES = "vermittlung.figures"

changes_with(InterestMessage, FIGURES, when=lambda message: message.is_confirmed)

"""The placement figures change with every interest message: its confirmation, first contact,
outcome (transitions, in the audit log) and deletion (cms.api.changes). And next to every
opportunity the public site shows, a link to the interest form. Imported by
BenPluginConfig.ready."""

from django.dispatch import receiver
from django.urls import reverse

from ben_plugins.core.signals import PublicAction, public_actions
from cms.api.changes import changes_with
from cms.snippets.models import VolunteerOpportunity

from .intake import open_opportunities
from .models import InterestMessage

#: The placement figures (GET /api/v1/vermittlung/figures/).
FIGURES = "vermittlung.figures"

changes_with(InterestMessage, FIGURES, when=lambda message: message.is_confirmed)


@receiver(public_actions, sender=VolunteerOpportunity, dispatch_uid="vermittlung_interest")
def interest_link(sender, instance, request, **kwargs) -> list[PublicAction]:
    """„Interesse melden“: the form with this opportunity chosen, for an opportunity the form
    accepts (published, on the request's site)."""
    if not open_opportunities(request).filter(pk=instance.pk).exists():
        return []
    url = f"{reverse('vermittlung_public:interest')}?angebot={instance.pk}"
    return [PublicAction(label="Interesse melden", url=url)]

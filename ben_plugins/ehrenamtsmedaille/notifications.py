"""Nominators learn the jury's decision by email, after the award date and never before."""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.formats import date_format

from ben_plugins.core import mail
from cms.core import sites

from .models import Nomination, Vote, german_date

TEMPLATE = "ehrenamtsmedaille/mail/nominator_informed"
DECIDED = ("medal", "letter", "none")


def award_day(nomination) -> str:
    day = nomination.award_date
    if nomination.language == "de":
        return german_date(day)
    with translation.override("en"):  # month names from Django, not the server's locale
        return date_format(day, "j F Y")


def decision_of(nomination) -> str:
    """A merged nomination's nominator learns the decision on the one it joined."""
    merged_into = nomination.merged_into
    return merged_into.status if merged_into else nomination.status


def due(today=None):
    """Decided nominations whose award date has passed and whose nominator has not heard."""
    today = today or timezone.localdate()
    decided = Q(status__in=DECIDED) | Q(status="merged", merged_into__status__in=DECIDED)
    return (
        Nomination.objects.filter(decided, award_date__lt=today, nominator_informed_at__isnull=True)
        .select_related("call", "merged_into")
        .order_by("pk")
    )


def forget_votes(today=None) -> int:
    """The jury's votes and notes served the decision: gone the day after the award."""
    today = today or timezone.localdate()
    deleted, _ = (
        Vote.objects.filter(nomination__award_date__lt=today)
        .exclude(nomination__status="open")
        .delete()
    )
    return deleted


def inform_nominators(base_url: str | None = None) -> int:
    """Queue one email per due nomination; returns how many."""
    base_url = base_url or sites.base_url(None)
    count = 0
    with transaction.atomic():
        for nomination in due():
            mail.send_later(
                TEMPLATE,
                nomination,
                language=nomination.language,
                base_url=base_url,
                context={"award_date": award_day(nomination), "decision": decision_of(nomination)},
            )
            Nomination.objects.filter(pk=nomination.pk).update(nominator_informed_at=timezone.now())
            count += 1
    return count
